"""Problems found in the data, as values: file, line, column, severity, stable code, field path, message.
How they are told (text, JSON, GitHub annotations) is cli/reporters.py's job."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from tthc_cli.domain.records import Record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(Record):
    """`line` is 1-based, 0 when the problem concerns the file as a whole; `column` 1-based; `path` a
    field path such as "tasks[3].deadline.text", "" for the whole file. A Record, not a dataclass: a
    cached `tthc validate` makes these without importing dataclasses (and inspect)."""

    FIELDS = ("file", "line", "column", "severity", "code", "path", "message")  # the JSON contract's order
    __slots__ = ("code", "column", "file", "line", "message", "path", "severity")

    def __init__(
        self, file: str, line: int, column: int, severity: Severity, code: str, path: str, message: str
    ) -> None:
        self.file, self.line, self.column, self.severity = file, line, column, severity
        self.code, self.path, self.message = code, path, message

    def __hash__(self) -> int:  # type: ignore[override]  # immutable in use, as the dataclass was
        return hash((self.file, self.line, self.column, self.code, self.path, self.message))

    def as_dict(self) -> dict[str, object]:
        """Every field by name, in the JSON contract's order."""
        return {name: getattr(self, name) for name in self.FIELDS}

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


class Problem(Record):
    """A rule broken in validated data, before it is given a line: file and field path only; `key`:
    point at the key rather than the value."""

    __slots__ = ("code", "file", "key", "message", "path", "severity")

    def __init__(
        self,
        file: str,
        path: tuple[str | int, ...],
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> None:
        self.file, self.path, self.code, self.message = file, path, code, message
        self.severity, self.key = severity, key

    def __hash__(self) -> int:  # type: ignore[override]  # immutable in use, as the dataclass was
        return hash((self.file, self.path, self.code, self.message))
