"""The only Jinja user: templates turn query results into text, Markdown and HTML."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import time
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tthc_cli import i18n
from tthc_cli.domain.plan import Entry, Plan, PlanItem
from tthc_cli.domain.status import ItemStatus
from tthc_cli.i18n import _, os_reason
from tthc_cli.present.documents import STATUS_ORDER, Brief, Report, obligations_in
from tthc_cli.present.labels import (
    entry_status_label,
    inferred_words,
    item_label,
    item_title,
    kind_labels,
    period_words,
    plan_title,
    report_period_label,
    status_label,
)
from tthc_cli.present.messages import file_kind_words
from tthc_cli.present.tables import deadline_text, dmy, due_cell, markdown_cell

LANGUAGES = i18n.LANGUAGES

# An office's own templates (--templates) are not trusted to be small or quick: each is read with a
# size bound, rendered in a child process with a time and memory limit where the system has fork
# (POSIX), and its output is cut off at a bound everywhere. The shipped templates run in-process.
MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_OUTPUT_CHARS = 32 * 1024 * 1024
TIME_LIMIT_S = 10.0
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024  # on top of what the process already holds


class TemplateFailure(Exception):
    """A user template that cannot be used: where (file and line, when known) and why. Exit 2."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.file, self.line = message, file, line

    def __str__(self) -> str:
        if self.file and self.line:
            return _("template {name}:{line}: {message}").format(
                name=self.file, line=self.line, message=self.message
            )
        return _("template error: {message}").format(
            message=f"{self.file}: {self.message}" if self.file else self.message
        )


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
        from jinja2.loaders import split_template_path

        from tthc_cli.fsutil import FileKindError, read_regular

        path = os.path.join(self.folder, *split_template_path(template))
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.folder]) != self.folder:
            raise _Refused(
                _("is a link to {target}, outside the templates folder; copy the file in instead").format(
                    target=real
                ),
                path,
            )
        try:
            raw = read_regular(real, MAX_TEMPLATE_BYTES)
        except FileKindError as exc:
            raise _Refused(
                _("is {kind}, not a regular file").format(kind=file_kind_words(exc.kind)), path
            ) from None
        except OSError as exc:
            raise _Refused(_("cannot be read: {reason}").format(reason=os_reason(exc)), path) from None
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise _Refused(_("is larger than {size:,} bytes").format(size=MAX_TEMPLATE_BYTES), path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _Refused(
                _("byte {offset} is not UTF-8; save the template as UTF-8").format(offset=exc.start), path
            ) from None
        return text, path, lambda: True


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, also refusing arithmetic that would build something enormous: 10**10**9 or
    'x' * 10**9 would exhaust memory long before any time limit could stop them."""

    intercepted_binops = frozenset(["*", "**", "%", "<<"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and right > 64
            and abs(left) > 1
        ):
            raise SecurityError("a power this large is not allowed in a template")
        if operator == "<<" and isinstance(right, int) and right > 64:
            raise SecurityError("a shift this large is not allowed in a template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if (
                    isinstance(seq, (str, list, tuple))
                    and isinstance(n, int)
                    and len(seq) * n > MAX_OUTPUT_CHARS
                ):
                    raise SecurityError("a repetition this large is not allowed in a template")
            if (
                isinstance(left, int)
                and isinstance(right, int)
                and left.bit_length() + right.bit_length() > 4096
            ):
                raise SecurityError("a number this large is not allowed in a template")
        if (
            operator == "%"
            and isinstance(left, str)
            and any(int(w) > 10_000 for w in re.findall(r"%[-+ #0]*(\d+)", left))
        ):
            raise SecurityError("a field width this large is not allowed in a template")
        return super().call_binop(context, operator, left, right)


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
    env = _BoundedSandbox(
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
    env.filters["pct"] = lambda v: "—" if v is None else f"{v:.0%}"
    env.filters["plan_title"] = plan_title
    env.filters["period"] = period_words
    env.filters["obligations"] = obligations_in
    env.filters["inferred"] = inferred_words
    env.filters["report_period"] = report_period_label
    return env


def _too_long() -> str:
    return _("writes more than {size:,} characters").format(size=MAX_OUTPUT_CHARS)


def _stream(template: jinja2.Template, context: dict[str, Any]) -> str:
    parts: list[str] = []
    size = 0
    for chunk in template.generate(**context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateFailure(_too_long(), template.filename)
        parts.append(chunk)
    return "".join(parts)


def _where(exc: BaseException, folder: str | None) -> tuple[str | None, int | None]:
    """The template file and line a runtime error happened at (Jinja maps its frames back to
    template lines), preferring the office's own files."""
    import traceback

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


def _explain(exc: BaseException, folder: str | None) -> TemplateFailure:
    if isinstance(exc, TemplateFailure):
        return exc
    file, line = _where(exc, folder)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = exc.message or _("syntax error")
    elif isinstance(exc, jinja2.TemplateNotFound):
        message = _("template not found: {name}").format(name=exc.name)
    elif isinstance(exc, SecurityError):
        message = _("template refused by the sandbox: {message}").format(message=exc)
    elif isinstance(exc, _Refused):
        message = str(exc)
    elif isinstance(exc, jinja2.UndefinedError):
        message = exc.message or _("undefined value")
    elif isinstance(exc, RecursionError):
        message = _("recursion too deep (a template or macro including or calling itself?)")
    elif isinstance(exc, MemoryError):
        message = _("uses too much memory")
    elif isinstance(exc, OverflowError):
        message = _("a number or range too large: {detail}").format(detail=exc)
    else:
        message = f"{type(exc).__name__}: {exc}"
    return TemplateFailure(message, file, line)


def _in_child(work: Any, folder: str) -> str:
    """Run `work` in a forked child with CPU-time and memory limits, reading its result through a pipe
    with a deadline: the only bound that holds whatever a template does."""
    import json
    import resource
    import select

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        status = 0
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            with contextlib.suppress(OSError, ValueError):
                with open("/proc/self/statm", encoding="ascii") as handle:
                    held = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
                resource.setrlimit(resource.RLIMIT_AS, (held + MEMORY_LIMIT_BYTES,) * 2)
            seconds = int(TIME_LIMIT_S) + 1
            with contextlib.suppress(OSError, ValueError):
                resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
            try:
                payload = b"ok\n" + work().encode("utf-8", errors="surrogatepass")
            except BaseException as exc:
                failure = _explain(exc, folder)
                payload = b"err\n" + json.dumps([failure.message, failure.file, failure.line]).encode()
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + TIME_LIMIT_S
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                raise TemplateFailure(
                    _("took longer than {seconds:g} s; it was stopped").format(seconds=TIME_LIMIT_S)
                )
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > 4 * MAX_OUTPUT_CHARS + 16:
                raise TemplateFailure(_too_long())
            chunks.append(chunk)
    finally:
        os.close(read_end)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    raw = b"".join(chunks)
    kind, _sep, body = raw.partition(b"\n")
    if kind == b"ok":
        return body.decode("utf-8", errors="surrogatepass")
    if kind == b"err":
        message, file, line = json.loads(body)
        raise TemplateFailure(message, file, line)
    raise TemplateFailure(_("stopped: it used more memory or time than allowed"))


def render(name: str, template_dir: str | None = None, **context: Any) -> str:
    """Render a template. With `template_dir` (an office's own folder) every failure — syntax, the
    sandbox, a runtime error, a limit — raises TemplateFailure naming the file and line."""
    if not template_dir:
        return environment(None).get_template(name).render(**context)
    if not os.path.isdir(template_dir):
        raise TemplateFailure(_("folder {folder} does not exist (--templates)").format(folder=template_dir))

    def work() -> str:
        return _stream(environment(template_dir).get_template(name), context)

    try:
        if hasattr(os, "fork"):
            return _in_child(work, template_dir)
        return work()
    except TemplateFailure as exc:
        if exc.file is None:  # a limit hit in the child: name the template that was asked for
            own = os.path.join(template_dir, name)
            exc.file = own if os.path.exists(own) else name
        raise
    except Exception as exc:
        raise _explain(exc, template_dir) from None


def item_text(item: PlanItem, ds: Plan, status: ItemStatus, log: list[Entry], as_of: date) -> str:
    return render(
        "item.txt.j2",
        item=item,
        ref=item_label(item, ds.meta),
        kind_label=kind_labels(ds.meta).get(item.kind_code, item.kind_code),
        deadline=deadline_text(item),
        due=due_cell(item),
        children=ds.children(item.id),
        status=status,
        log=log,
        as_of=as_of,
    )


def render_brief(brief: Brief, ds: Plan, lang: str | None = None, template_dir: str | None = None) -> str:
    lang = lang or i18n.language()
    with i18n.using(lang):
        return render(
            "brief.md.j2",
            template_dir,
            brief=brief,
            plan=ds.meta,
            year=ds.year,
            lang=lang,
            order=STATUS_ORDER,
        )


def render_report(
    report: Report, ds: Plan, fmt: str, lang: str | None = None, template_dir: str | None = None
) -> str:
    lang = lang or i18n.language()
    with i18n.using(lang):
        return render(f"report.{fmt}.j2", template_dir, report=report, plan=ds.meta, year=ds.year, lang=lang)
