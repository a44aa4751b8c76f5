"""Problems found in the data, as values: file, line, column, severity, stable code, field path, message.
How they are told (text, JSON, GitHub annotations) is cli/reporters.py's job."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    line: int  # 1-based; 0 when the problem concerns the file as a whole
    column: int  # 1-based
    severity: Severity
    code: str
    path: str  # field path such as "tasks[3].deadline.text"; "" for the whole file
    message: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def format_path(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def strictly(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """--strict: every warning counts as an error."""
    return [
        Diagnostic(d.file, d.line, d.column, Severity.ERROR, d.code, d.path, d.message) for d in diagnostics
    ]


def count(diagnostics: Sequence[Diagnostic]) -> dict[str, int]:
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    return {"errors": errors, "warnings": len(diagnostics) - errors}


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule broken in validated data, before it is given a line: file and field path only."""

    file: str
    path: tuple[str | int, ...]
    code: str
    message: str
    severity: Severity = Severity.ERROR
    key: bool = False  # point at the key rather than the value
