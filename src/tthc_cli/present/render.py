"""The only Jinja user: templates turn query results into text, Markdown and HTML.

The office writes its own templates (--templates): they get what files from outside get — read with
bounds (a regular file inside the folder, at most 1 MiB, UTF-8) — and, being the office's own, Jinja's
sandbox, an output cap and a time budget checked at every loop turn and call, rather than a watched
child process: the same on every platform. Every failure is one message with the template's file and
line (exit 2). The Word template (present/periodic_render) renders through the same sandbox, bounds
and messages."""

from __future__ import annotations

import os
import re
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tthc_cli import i18n
from tthc_cli.domain.plan import Plan
from tthc_cli.fsutil import FileKindError, read_regular
from tthc_cli.i18n import _, os_reason
from tthc_cli.present.documents import STATUS_ORDER, Brief, Report, obligations_in, share_name
from tthc_cli.present.labels import (
    dmy,
    entry_status_label,
    grouped,
    inferred_words,
    item_label,
    item_title,
    percent,
    period_words,
    plan_title,
    report_period_label,
    status_label,
)
from tthc_cli.present.messages import file_kind_words
from tthc_cli.present.tables import markdown_cell

LANGUAGES = i18n.LANGUAGES

MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_OUTPUT_CHARS = 32 * 1024 * 1024  # a brief is ~10 KB, the full HTML report ~200 KB
MAX_SECONDS = 30.0  # one document's rendering; the shipped templates take 0.01–0.2 s (README "Guarantees")
MAX_BITS = 100_000  # a whole number a template computes (30,103 digits; Python writes out 4,300)


class TemplateFailure(Exception):
    """A user template that cannot be used: where (file and line, when known; in a Word template, which
    has no lines a person sees, the text of the paragraph) and why. Exit 2. The why may be a function
    saying it when read: a Word document is rendered in Vietnamese, and its failures are told in the
    reader's language."""

    def __init__(
        self,
        message: str | Callable[[], str],
        file: str | None = None,
        line: int | None = None,
        near: str | None = None,
    ) -> None:
        super().__init__(message)
        self.words, self.file, self.line, self.near = message, file, line, near

    @property
    def message(self) -> str:
        return self.words if isinstance(self.words, str) else self.words()

    def __str__(self) -> str:
        if self.file and self.near:
            return _('template {name}, at "{text}": {message}').format(
                name=self.file, text=self.near, message=self.message
            )
        if self.file and self.line:
            return _("template {name}:{line}: {message}").format(
                name=self.file, line=self.line, message=self.message
            )
        return _("template error: {message}").format(
            message=f"{self.file}: {self.message}" if self.file else self.message
        )


def read_template_file(path: str, folder: str, limit: int) -> bytes:
    """An office's template file, at most `limit` bytes: a regular file inside `folder` (a link that
    leads out of it is refused). Raises TemplateFailure naming `path` and saying why."""
    real = os.path.realpath(path)
    if os.path.commonpath([real, folder]) != folder:
        outside = _("is a link to {target}, outside the templates folder; copy the file in instead")
        raise TemplateFailure(outside.format(target=real), path)
    try:
        raw = read_regular(real, limit)
    except FileKindError as exc:
        kind = file_kind_words(exc.kind)
        raise TemplateFailure(_("is {kind}, not a regular file").format(kind=kind), path) from None
    except OSError as exc:
        raise TemplateFailure(_("cannot be read: {reason}").format(reason=os_reason(exc)), path) from None
    if len(raw) > limit:
        raise TemplateFailure(_("is larger than {size} bytes").format(size=grouped(limit)), path)
    return raw


class _Refused(jinja2.TemplateError):
    """Raised from the loader: ChoiceLoader passes on only TemplateNotFound, so this stops the search."""

    def __init__(self, message: str, file: str) -> None:
        super().__init__(message)
        self.file = file


class _UserLoader(jinja2.BaseLoader):
    """Templates from an office's folder: regular files inside it only (a symlink leading out of the
    folder is refused, so is a FIFO or device), at most MAX_TEMPLATE_BYTES, UTF-8."""

    def __init__(self, folder: str) -> None:
        self.folder = os.path.realpath(folder)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        path = os.path.join(self.folder, *split_template_path(template))
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        try:
            raw = read_template_file(path, self.folder, MAX_TEMPLATE_BYTES)
        except TemplateFailure as exc:
            raise _Refused(exc.message, path) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _Refused(
                _("byte {offset} is not UTF-8; save the template as UTF-8").format(offset=exc.start), path
            ) from None
        return text, path, _unchanged(path)


@dataclass(slots=True)
class Rendering:
    """One document being rendered: the characters it has written and the moment it must be done by.
    A Word document renders several templates (body, headers, properties) under one."""

    deadline: float
    written: int = 0


_NOW: ContextVar[Rendering | None] = ContextVar("tthc_rendering", default=None)


class _OutOfTime(Exception):
    """A rendering past its deadline, raised at the loop turn or call that found it."""


class _TooLong(Exception):
    """A text or list longer than a document may be, refused before it is made."""


@contextmanager
def rendering() -> Iterator[Rendering]:
    """A document's rendering: everything rendered inside shares one output bound and one deadline."""
    now = Rendering(time.monotonic() + MAX_SECONDS)
    token = _NOW.set(now)
    try:
        yield now
    finally:
        _NOW.reset(token)


def _on_time() -> None:
    now = _NOW.get()
    if now is not None and time.monotonic() > now.deadline:
        raise _OutOfTime


class _Turns(CodeGenerator):
    """Jinja's code, with every {% for %} iterating through `Environment.turns`: two nested
    `range(100000)` loops write nothing for minutes, and no other hook of the sandbox sees a turn."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        turns = nodes.Call(
            nodes.EnvironmentAttribute("turns"), [node.iter], [], None, None, lineno=node.iter.lineno
        )
        fields = (node.target, turns, node.body, node.else_, node.test, node.recursive)
        super().visit_For(nodes.For(*fields, lineno=node.lineno), frame)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox (no Python internals, no files, nothing changed in place), with the time checked
    at every loop turn and call (MAX_SECONDS: a loop inside a loop ends in a message, not a hang), and
    the three operators that can make a huge value evaluated when the template runs rather than
    folded into its compiled code: Jinja folds a constant expression at compile time, and
    `{{ 'x' * 10**9 }}` took 19.6 s and 3.8 GB to compile (the gigabyte written into the code, then
    compiled); run instead, it is refused by the output cap after 0.4 s and 1 GB, like
    `'x'.center(10**9)`. Whole numbers are bounded where they grow (`10 ** 10 ** 8` computes for
    minutes in one operation no hook sees). Nothing else is policed: the office writes its own
    templates."""

    intercepted_binops = frozenset(["*", "**", "%"])
    code_generator_class = _Turns

    def turns(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            _on_time()
            yield item

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _on_time()
        return super().call(context, obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if isinstance(left, int) and isinstance(right, int):
            bits = left.bit_length() + right.bit_length() if operator == "*" else 0
            if operator == "**" and right > 0:
                bits = (left.bit_length() - 1) * right
            if bits > MAX_BITS:
                raise OverflowError("a number too large to compute")
        if operator == "*" and _repeated_size(left, right) > MAX_OUTPUT_CHARS:
            raise _TooLong  # `[1] * 10**9` took 8 GB before anything was written
        return super().call_binop(context, operator, left, right)


def _repeated_size(left: Any, right: Any) -> int:
    """The length of `left * right` when it repeats a text or list, else 0."""
    if isinstance(right, str | list | tuple):
        left, right = right, left
    if isinstance(left, str | list | tuple) and isinstance(right, int):
        return len(left) * right
    return 0


def _unchanged(path: str) -> Any:
    """Whether the file at `path` is still the one read (Jinja asks before reusing what it compiled)."""
    try:
        seen = os.stat(path)
    except OSError:
        return lambda: False
    key = (seen.st_mode, seen.st_ino, seen.st_size, seen.st_mtime_ns)

    def unchanged() -> bool:
        try:
            now = os.stat(path)
        except OSError:
            return False
        return (now.st_mode, now.st_ino, now.st_size, now.st_mtime_ns) == key

    return unchanged


def shipped_templates() -> str:
    """The shipped templates' folder: `templates/` at the top of a source checkout (the design
    card's place, where the office edits them), copied into the package when the wheel is built
    (pyproject.toml, force-include)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "templates"
    return str(installed if installed.is_dir() else package.parent.parent / "templates")


def environment(template_dir: str | None = None) -> jinja2.Environment:
    """The Jinja environment for the language now active. Jinja folds a filter applied to a constant
    ({{ "overdue" | status_label }}) into the compiled template: an environment, and the templates it
    compiled, serve one language only."""
    return _environment(template_dir, i18n.language())


@lru_cache(maxsize=4)
def _environment(template_dir: str | None, language: str) -> jinja2.Environment:
    """Shipped templates, or an office's own from `template_dir` first (sandboxed: a template cannot
    reach Python internals or the file system)."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(_UserLoader(template_dir))
    loaders.append(jinja2.FileSystemLoader(shipped_templates()))
    # Everything from the data is escaped in HTML; Markdown cells go through the `md` filter.
    env = _Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "html.j2", "svg"], default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    # Templates say {{ _("Overdue items") }}: the words come from the same catalogue as every message,
    # in the language active while rendering.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    # (A filter on a literal is folded when the template compiles, in whatever language was active
    # then: write {{ _("Overdue") }}, not {{ "overdue" | status_label }}.)
    env.filters["status_label"] = status_label
    env.filters["entry_status"] = entry_status_label
    env.globals.pop("lipsum", None)  # lipsum(10**6) wrote 448 MB
    env.filters["dmy"] = dmy
    # How people name items (labels.item_label: "Mục 3.2", "PL I – 6 (Sở Y tế)") and what they are
    # called in a line (the office's short title, else the text cut at a word).
    env.filters["label"] = item_label
    env.filters["name"] = item_title
    env.filters["md"] = markdown_cell
    env.filters["pct"] = percent
    env.filters["plan_title"] = plan_title
    env.filters["period"] = period_words
    env.filters["share"] = share_name  # a share of a split item: "Sở Y tế quý I/2021"
    env.filters["obligations"] = obligations_in
    env.filters["inferred"] = inferred_words
    env.filters["report_period"] = report_period_label
    return env


def _too_long() -> str:
    return _("writes more than {size} characters").format(size=grouped(MAX_OUTPUT_CHARS))


def stream(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The template's output, a chunk at a time, stopped where it stands once the document being
    rendered (`rendering()`) has written MAX_OUTPUT_CHARS."""
    now = _NOW.get()
    if now is None:
        with rendering():
            return stream(template, context)
    parts: list[str] = []
    chunks = template.generate(**context)
    for chunk in chunks:
        now.written += len(chunk)
        if now.written > MAX_OUTPUT_CHARS:
            raise TemplateFailure(_too_long, template.filename, _line_now(chunks, template))
        parts.append(chunk)
    return "".join(parts)


def _line_now(chunks: Any, template: jinja2.Template) -> int | None:
    """The template line a paused rendering stands at (Jinja maps its code back to template lines)."""
    line = None
    while chunks is not None and chunks.gi_frame is not None:
        frame = chunks.gi_frame
        if frame.f_code.co_filename == template.filename:
            line = template.get_corresponding_lineno(frame.f_lineno)
        chunks = getattr(chunks, "gi_yieldfrom", None)
    return line


def _where(exc: BaseException, folder: str | None) -> tuple[str | None, int | None]:
    """The template file and line a runtime error happened at (Jinja maps its frames back to
    template lines), preferring the office's own files."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or exc.name, exc.lineno
    if isinstance(exc, _Refused):
        return exc.file, None
    best: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if name.endswith(".j2") or (folder and name.startswith(os.path.realpath(folder))):
            best = (name, frame.lineno)
    return best


# Jinja's and Python's own words for the usual mistakes, and what to say instead.
_UNDEFINED = re.compile(r"^'([^']*)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'?([^']*?)'? has no (?:attribute|element) '?([^']*?)'?$")
_UNSAFE = re.compile(r"^access to attribute '([^']*)' of '([^']*)' object is unsafe")
_UNKNOWN_TAG = re.compile(r"^Encountered unknown tag '([^']*)'")
_END_OF_TEMPLATE = re.compile(
    r"^Unexpected end of template\. Jinja was looking for the following tags: (.*?)\."
)


def _syntax(detail: str) -> str:
    if m := _UNKNOWN_TAG.match(detail):
        return _("'{{% {tag} %}}' is not a Jinja tag").format(tag=m[1])
    if m := _END_OF_TEMPLATE.match(detail):  # "… tags: 'elif' or 'else' or 'endif'": the one that closes
        tags = re.findall(r"'([^']+)'", m[1])
        closing = next((t for t in reversed(tags) if t.startswith("end")), tags[-1] if tags else "end")
        return _("the template ends before a block is closed; add {{% {tag} %}}").format(tag=closing)
    return _("syntax error: {detail}").format(detail=detail)


def _runtime(exc: BaseException) -> str:
    detail = str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        if m := _UNDEFINED.match(detail):
            return _("'{name}' is not among the data this template receives").format(name=m[1])
        if m := _NO_ATTRIBUTE.match(detail):
            return _("'{owner}' has no field '{name}'").format(owner=m[1], name=m[2])
        return _("undefined value")
    if isinstance(exc, SecurityError):
        if m := _UNSAFE.match(detail):
            return _("template refused by the sandbox: '{name}' reaches into Python's internals").format(
                name=m[1]
            )
        return _("template refused by the sandbox: {message}").format(message=detail)
    if isinstance(exc, _TooLong):
        return _too_long()
    if isinstance(exc, _OutOfTime):
        return _("stopped after {seconds} seconds without finishing (a loop inside a loop?)").format(
            seconds=grouped(round(MAX_SECONDS))
        )
    if isinstance(exc, SyntaxError):  # lxml's XMLSyntaxError: the XML of a Word template
        return _("its XML cannot be read (line {line}); save it again from Word as .docx").format(
            line=exc.lineno or 1
        )
    if isinstance(exc, RecursionError):
        return _("recursion too deep (a template or macro including or calling itself?)")
    if isinstance(exc, MemoryError):
        return _("uses too much memory")
    if isinstance(exc, OverflowError) and "range" in detail.lower():
        return _("a range of more than {count} numbers (the sandbox's limit)").format(count=grouped(100_000))
    if isinstance(exc, OverflowError) or (isinstance(exc, ValueError) and "integer string" in detail):
        return _("a number too large to compute or write out")
    if isinstance(exc, ZeroDivisionError):
        return _("division by zero")
    return f"{type(exc).__name__}: {detail}"  # Python's own words: for whoever wrote the template


def bounded(exc: BaseException) -> bool:
    """Whether `exc` is a bound that any template, the shipped ones too, can meet with the data it
    is given, rather than a mistake in the template."""
    return isinstance(exc, TemplateFailure | _OutOfTime | _TooLong)


def _explain(exc: BaseException, folder: str | None) -> TemplateFailure:
    if isinstance(exc, TemplateFailure):
        return exc
    file, line = _where(exc, folder)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = _syntax(exc.message or "")
    elif isinstance(exc, jinja2.TemplateNotFound):
        message = _("template not found: {name}").format(name=exc.name)
    elif isinstance(exc, _Refused):
        message = str(exc)
    else:
        message = _runtime(exc)
    return TemplateFailure(message, file, line)


def render(name: str, template_dir: str | None = None, **context: Any) -> str:
    """Render a template, its output cut off at MAX_OUTPUT_CHARS and its time at MAX_SECONDS. With
    `template_dir` (an office's own folder) every failure — syntax, the sandbox, a runtime error, the
    bounds — raises TemplateFailure naming the file and line; a shipped template only the bounds
    (which data can reach)."""
    if template_dir and not os.path.isdir(template_dir):
        raise TemplateFailure(_("folder {folder} does not exist (--templates)").format(folder=template_dir))
    try:
        with rendering():
            return stream(environment(template_dir or None).get_template(name), context)
    except Exception as exc:
        if not template_dir and not bounded(exc):
            raise  # a shipped template that fails is a bug: keep its traceback
        raise _explain(exc, template_dir) from None


def render_brief(brief: Brief, plan: Plan, lang: str | None = None, template_dir: str | None = None) -> str:
    lang = lang or i18n.language()
    with i18n.using(lang):
        return render(
            "brief.md.j2",
            template_dir,
            brief=brief,
            plan=plan.meta,
            year=plan.year,
            lang=lang,
            order=STATUS_ORDER,
        )


def render_report(
    report: Report, plan: Plan, fmt: str, lang: str | None = None, template_dir: str | None = None
) -> str:
    lang = lang or i18n.language()
    with i18n.using(lang):
        return render(
            f"report.{fmt}.j2", template_dir, report=report, plan=plan.meta, year=plan.year, lang=lang
        )
