"""How validation results are told, apart from the rules that find them: a line per problem for
people and editors (text), one document for tools (JSON, versioned), workflow commands for GitHub
Actions (annotations on the lines of a pull request)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tthc_cli.domain.problems import Problem as Diagnostic
from tthc_cli.domain.problems import Severity, count, format_path
from tthc_cli.present.messages import message

JSON_FORMAT_VERSION = 1
MAX_SHOWN = 100  # problems printed in full as text; the rest are counted (JSON lists every one)


def format_text(d: Diagnostic) -> str:
    """`file:line:col: error[CODE] path: message`, the yamllint 'parsable' shape editors understand."""
    path = format_path(d.path)
    where = f" {path}:" if path else ""
    return f"{d.file}:{d.line}:{d.column}: {d.severity}[{d.code}]{where} {message(d)}"


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
    path = format_path(d.path)
    text = f"{path}: {message(d)}" if path else message(d)
    return f"::{command} {props}::{_escape_github_data(text)}"


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "version": JSON_FORMAT_VERSION,
        "summary": count(list(diagnostics)),
        "diagnostics": [
            {
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "severity": str(d.severity),
                "code": d.code,
                "path": format_path(d.path),
                "message": message(d),
            }
            for d in diagnostics
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
