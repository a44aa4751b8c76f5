"""How validation results are told, apart from the rules that find them, one reporter per format
chosen by name (REPORTER_BY_NAME, as check-jsonschema does): a line per problem for people and
editors (text, with the offending line under it), one document for tools (JSON, versioned), workflow
commands for GitHub Actions (annotations on the lines of a pull request). Each problem is worded in
the reader's language by present/messages.message."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tthc_cli.domain.problems import Problem, count, format_path
from tthc_cli.i18n import _
from tthc_cli.present.console import note, out
from tthc_cli.present.labels import grouped
from tthc_cli.present.places import described as message  # the place in the document, then the sentence
from tthc_cli.textnorm import one_line, split_lines, wide_encoding

JSON_FORMAT_VERSION = 1
MAX_SHOWN = 100  # problems printed in full as text; the rest are counted (JSON lists every one)


def format_text(p: Problem) -> str:
    """`file:line:col: error[CODE] path: message`, the yamllint 'parsable' shape editors understand. A
    problem of a whole file (a misnamed progress file) or a whole row (the counts CSV) stands at its
    first line or column, 1, as editors count: never at 0."""
    path = format_path(p.path)
    place = f"{p.file}:{max(p.line, 1)}:{max(p.column, 1)}"
    where = f"{place}: {p.severity}[{p.code}]" + (f" {path}:" if path else "")
    return one_line(f"{where} {message(p)}")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What validating some folders found: every problem, how many files were read, and the bytes
    that were validated (shown path -> bytes), for the excerpts."""

    problems: tuple[Problem, ...]
    files_checked: int
    sources: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)


class Reporter:
    name: ClassVar[str]

    def report(self, result: CheckResult) -> None:
        raise NotImplementedError


def first_shown(problems: Sequence[Problem]) -> tuple[list[Problem], list[Problem]]:
    """The problems printed in full — every error before any warning (each in its order), the first
    MAX_SHOWN — and those left to count: 150 warnings about fields the plan does not name must not
    hide the one error that stops the command."""
    ordered = [p for p in problems if p.is_error] + [p for p in problems if not p.is_error]
    return ordered[:MAX_SHOWN], ordered[MAX_SHOWN:]


def more_line(left: Sequence[Problem]) -> str:
    """The problems not printed, counted ("… and 29,900 more"), the warnings among them said apart."""
    warnings = sum(1 for p in left if not p.is_error)
    if not warnings:
        return _("… and {count} more").format(count=grouped(len(left)))
    return _("… and {count} more ({errors} errors, {warnings} warnings)").format(
        count=grouped(len(left)), errors=grouped(len(left) - warnings), warnings=grouped(warnings)
    )


class TextReporter(Reporter):
    """Each problem, the offending line under it; the first MAX_SHOWN in full, then a count, as
    compilers do (30,000 problems are one mistake repeated); the verdict on stderr."""

    name = "text"

    def report(self, result: CheckResult) -> None:
        excerpts = _Excerpts(result.sources)
        shown, left = first_shown(result.problems)
        for problem in shown:
            out(format_text(problem))
            excerpt = excerpts.line(problem.file, problem.line)
            if excerpt is not None:
                out(f"  {problem.line:>5} | {excerpt}")
        if left:
            out(more_line(left))
        c = count(result.problems)
        note(
            _("{verdict}: {errors} error(s), {warnings} warning(s) in {files} file(s)").format(
                verdict=_("FAILED") if result.failed else _("OK"),
                errors=c["errors"],
                warnings=c["warnings"],
                files=result.files_checked,
            )
        )


class JsonReporter(Reporter):
    """One versioned document listing every problem (README: the validation JSON contract)."""

    name = "json"

    def report(self, result: CheckResult) -> None:
        payload = {
            "version": JSON_FORMAT_VERSION,
            "summary": count(result.problems),
            "diagnostics": [self.as_dict(p) for p in result.problems],
        }
        out(json.dumps(payload, ensure_ascii=False, indent=2))

    def as_dict(self, p: Problem) -> dict[str, Any]:
        return {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "severity": str(p.severity),
            "code": p.code,
            "path": format_path(p.path),
            "message": message(p),
        }


def _escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands, escaped as the runner requires."""

    name = "github"

    def report(self, result: CheckResult) -> None:
        for problem in result.problems:
            out(self.annotation(problem))

    def annotation(self, p: Problem) -> str:
        command = "error" if p.is_error else "warning"
        props = ",".join(
            [
                f"file={_escape_github_property(p.file)}",
                f"line={max(p.line, 1)}",
                f"col={max(p.column, 1)}",
                f"title={_escape_github_property(p.code)}",
            ]
        )
        path = format_path(p.path)
        text = f"{path}: {message(p)}" if path else message(p)
        return f"::{command} {props}::{_escape_github_data(text)}"


REPORTER_BY_NAME: dict[str, type[Reporter]] = {
    r.name: r for r in (TextReporter, JsonReporter, GithubReporter)
}


class _Excerpts:
    """Source lines of the bytes just validated (not the file read again, which may have changed),
    each file split once however many problems it has."""

    def __init__(self, texts: Mapping[str, bytes]) -> None:
        self.texts = texts
        self.lines: dict[str, list[str]] = {}

    def line(self, file: str, line: int) -> str | None:
        if file not in self.lines:
            raw = self.texts.get(file)
            # a file saved as UTF-16 has no line to show: its one problem says so (not-utf8/wide)
            shown = raw is not None and wide_encoding(raw) is None
            self.lines[file] = split_lines(raw.decode("utf-8-sig", errors="replace")) if shown and raw else []
        lines = self.lines[file]
        return lines[line - 1][:200] if 1 <= line <= len(lines) else None
