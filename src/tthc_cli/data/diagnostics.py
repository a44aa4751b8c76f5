"""Problems found in the data, as values: file, line, column, severity, stable code, field path, message."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

JSON_FORMAT_VERSION = 1
MAX_SHOWN = 100  # problems printed in full as text; the rest are counted (JSON lists every one)


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


def format_text(d: Diagnostic) -> str:
    """`file:line:col: error[CODE] path: message`, the yamllint 'parsable' shape editors understand."""
    where = f" {d.path}:" if d.path else ""
    return f"{d.file}:{d.line}:{d.column}: {d.severity}[{d.code}]{where} {d.message}"


def _escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command, escaped as the runner requires."""
    command = "error" if d.severity is Severity.ERROR else "warning"
    props = ",".join(
        [
            f"file={_escape_github_property(d.file)}",
            f"line={max(d.line, 1)}",
            f"col={max(d.column, 1)}",
            f"title={_escape_github_property(d.code)}",
        ]
    )
    message = f"{d.path}: {d.message}" if d.path else d.message
    return f"::{command} {props}::{_escape_github_data(message)}"


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "version": JSON_FORMAT_VERSION,
        "summary": count(diagnostics),
        "diagnostics": [asdict(d) for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule broken in validated data, before it is given a line: file and field path only."""

    file: str
    path: tuple[str | int, ...]
    code: str
    message: str
    severity: Severity = Severity.ERROR
    key: bool = False  # point at the key rather than the value
