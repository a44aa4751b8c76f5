"""How validation results are told, apart from the rules that find them: a line per problem for
people and editors (text), one document for tools (JSON, versioned), workflow commands for GitHub
Actions (annotations on the lines of a pull request)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tthc_cli.data.diagnostics import Diagnostic, Severity, count

JSON_FORMAT_VERSION = 1
MAX_SHOWN = 100  # problems printed in full as text; the rest are counted (JSON lists every one)


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
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
