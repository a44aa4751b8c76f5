"""Problems as data: a stable code, the facts a sentence about it needs, and where it stands (file,
field path, line, column). No words here: present/messages.py says each problem in the reader's
language, so a rule can be tested apart from its wording and nothing below present/ holds a language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum, StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# What a problem may carry for its sentence: text from the data (verbatim), numbers, dates (worded
# as dd/mm/yyyy by present/), lists of texts (names, IDs, suggestions) and codes (enums, worded by
# present/labels). Never a sentence.
Param = str | int | date | tuple[str, ...] | Enum | None
Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """`code` is public and stable (the README lists them; JSON and CI annotations carry it);
    `variant` picks one of the code's wordings (e.g. an unreadable deadline with or without the
    place where reading stopped). `file` is the data file's name until located, then the path shown
    to the reader; `line` 0 means the file as a whole; `at_key` points at a mapping key rather than
    its value. `place` is where the problem stands in the document's own terms, language-free: steps
    such as ("task", "8"), ("field", "deadline") or ("appendix", "I"), ("row", "6") — the item's
    printed number from the file itself ('#13' when it has none: its position) — worded by
    present/places.py ("Mục 8, thời hạn", "Phụ lục I, dòng 6")."""

    code: str
    params: tuple[tuple[str, Param], ...] = ()
    variant: str = ""
    severity: Severity = Severity.ERROR
    file: str = ""
    path: Path = ()
    line: int = 0
    column: int = 0
    at_key: bool = False
    place: tuple[tuple[str, str], ...] = ()

    @property
    def args(self) -> dict[str, Param]:
        return dict(self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def at(self, file: str, path: Path = (), *, key: bool = False) -> Problem:
        """The same problem, found in `file` at the field `path`."""
        return replace(self, file=file, path=path, at_key=key)

    def located(self, file: str, line: int, column: int) -> Problem:
        """The same problem with the path shown for its file and its line and column there."""
        return replace(self, file=file, line=line, column=column)

    def as_error(self) -> Problem:
        """--strict: a warning counts as an error."""
        return replace(self, severity=Severity.ERROR)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def problem(code: str, variant: str = "", *, severity: Severity = Severity.ERROR, **params: Param) -> Problem:
    """`problem("unknown-unit", name="Sở Y tê", suggestions=("Sở Y tế",))`."""
    return Problem(code, tuple(params.items()), variant, severity)


def warning(code: str, variant: str = "", **params: Param) -> Problem:
    return problem(code, variant, severity=Severity.WARNING, **params)


class ProblemError(ValueError):
    """A problem raised where returning it is not possible (a phrase that cannot be read, a date typed
    wrong): the caller places it (`Problem.at`) or words it (present/messages)."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.code)
        self.problem = found


def format_path(path: Path) -> str:
    """('tasks', 3, 'deadline', 'text') -> 'tasks[3].deadline.text': the machine's name of a field."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def count(problems: list[Problem] | tuple[Problem, ...]) -> dict[str, int]:
    errors = sum(1 for p in problems if p.is_error)
    return {"errors": errors, "warnings": len(problems) - errors}
