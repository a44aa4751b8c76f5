"""The periodic report written out: Markdown and HTML from their Jinja templates, the Word document
from templates/periodic_report.docx through docxtpl (Jinja inside a .docx). An office's own copies
(--templates) are bounded like the other templates: a regular file inside the folder, a size bound
(for the .docx also on what it unpacks to) and the sandbox (present/render.py)."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from typing import Any, TypeVar

import jinja2

from tthc_cli import i18n
from tthc_cli.domain.status import ItemStatus
from tthc_cli.fsutil import FileKindError, read_regular
from tthc_cli.i18n import _, os_reason
from tthc_cli.present.console import note
from tthc_cli.present.formats import View
from tthc_cli.present.labels import status_label
from tthc_cli.present.messages import file_kind_words
from tthc_cli.present.periodic import PeriodicReport, counts_heading, report_state_label
from tthc_cli.present.render import (
    TemplateFailure,
    _explain,
    _Sandbox,
    environment,
    render,
    shipped_templates,
)
from tthc_cli.present.tables import dmy

T = TypeVar("T", str, bytes)

DOCX_TEMPLATE = "periodic_report.docx"
MAX_DOCX_BYTES = 10 * 1024 * 1024
MAX_DOCX_UNPACKED = 64 * 1024 * 1024  # a .docx is a zip: bound what it expands to, not only its size
MAX_DOCX_MEMBERS = 2000
DOCUMENT_LANGUAGE = "vi"  # the state's format: the .docx is written in Vietnamese whatever --lang says


def due_text(st: ItemStatus) -> str:
    """The due date as the report's tables show it: the date (and the effective one where it differs),
    else the deadline's words."""
    d = st.item.deadline
    if d.due is None:
        return d.text or _("(none stated)")
    text = dmy(d.due)
    if d.effective_due and d.effective_due != d.due:
        text += f" ({_('effective')} {dmy(d.effective_due)})"
    return text


def status_text(st: ItemStatus) -> str:
    return status_label(st.status) + (f" ({dmy(st.done_on)})" if st.done_on else "")


def _context(report: PeriodicReport) -> dict[str, Any]:
    return {
        "report": report,
        "plan": report.plan,
        "state_label": report_state_label,
        "heading": counts_heading,
        "due": due_text,
        "status": status_text,
    }


def render_periodic(
    report: PeriodicReport, fmt: str, lang: str | None = None, template_dir: str | None = None
) -> str:
    """Markdown or HTML (`fmt`: md, html)."""
    lang = lang or i18n.language()
    with i18n.using(lang):
        return render(f"periodic_report.{fmt}.j2", template_dir, lang=lang, **_context(report))


def _docx_environment() -> jinja2.Environment:
    """The sandbox with the report templates' filters and words, escaping everything for XML (docxtpl
    sets autoescape on the environment it is given: this one is made for the call)."""
    shared = environment(None)
    env = _Sandbox(undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.i18n"], autoescape=True)
    env.filters.update(shared.filters)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    env.globals.pop("lipsum", None)
    return env


def docx_template(template_dir: str | None) -> tuple[bytes, str]:
    """The .docx template's bytes and where they come from: the office's copy in `template_dir` when
    it has one, else the shipped one."""
    if template_dir:
        folder = os.path.realpath(template_dir)
        if not os.path.isdir(folder):
            raise TemplateFailure(
                _("folder {folder} does not exist (--templates)").format(folder=template_dir)
            )
        path = os.path.join(folder, DOCX_TEMPLATE)
        if os.path.lexists(path):
            return _checked(path, folder), path
    path = os.path.join(shipped_templates(), DOCX_TEMPLATE)
    with open(path, "rb") as handle:
        return handle.read(), path


def _checked(path: str, folder: str) -> bytes:
    real = os.path.realpath(path)
    if os.path.commonpath([real, folder]) != folder:
        raise TemplateFailure(
            _("is a link to {target}, outside the templates folder; copy the file in instead").format(
                target=real
            ),
            path,
        )
    try:
        raw = read_regular(real, MAX_DOCX_BYTES)
    except FileKindError as exc:
        raise TemplateFailure(
            _("is {kind}, not a regular file").format(kind=file_kind_words(exc.kind)), path
        ) from None
    except OSError as exc:
        raise TemplateFailure(_("cannot be read: {reason}").format(reason=os_reason(exc)), path) from None
    if len(raw) > MAX_DOCX_BYTES:
        raise TemplateFailure(_("is larger than {size:,} bytes").format(size=MAX_DOCX_BYTES), path)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise TemplateFailure(_("is not a Word document (.docx); save it from Word as .docx"), path) from None
    if len(members) > MAX_DOCX_MEMBERS or sum(m.file_size for m in members) > MAX_DOCX_UNPACKED:
        raise TemplateFailure(_("unpacks to more than {size:,} bytes").format(size=MAX_DOCX_UNPACKED), path)
    return raw


def _render_docx(template: bytes, report: PeriodicReport, source: str) -> bytes:
    # docxtpl (python-docx, lxml) is imported by the .docx path only (~150 ms; README "Speed").
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    try:
        document = DocxTemplate(io.BytesIO(template))
        with i18n.using(DOCUMENT_LANGUAGE):
            document.render(_context(report), jinja_env=_docx_environment(), autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except TemplateFailure:
        raise
    except jinja2.TemplateError as exc:
        failure = _explain(exc, None)
        raise TemplateFailure(failure.message, source, failure.line) from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:  # a zip that is not a Word document
        raise TemplateFailure(
            _("is not a Word document (.docx): {detail}").format(detail=exc), source
        ) from None
    return out.getvalue()


def render_docx(report: PeriodicReport, template_dir: str | None = None) -> bytes:
    """The Word document, from the office's own template when it has one (in the sandbox, like its
    text templates)."""
    template, source = docx_template(template_dir)
    return _render_docx(template, report, source)


@dataclass(frozen=True, slots=True)
class PeriodicView(View):
    """The periodic report (`tthc report --period`): Markdown, HTML printable on A4, or Word."""

    report: PeriodicReport
    lang: str
    templates: str | None = None

    def markdown(self) -> str:
        return self._hinted(render_periodic(self.report, "md", self.lang, self.templates))

    def html(self) -> str:
        return self._hinted(render_periodic(self.report, "html", self.lang, self.templates))

    def docx(self) -> bytes:
        return self._hinted(render_docx(self.report, self.templates))

    def _hinted(self, document: T) -> T:
        """The document, once written, and the drafter's hints on stderr (what to add: --counts, a
        reporting regime): the command writes the document itself (stdout or -o) rather than through
        formats.show, so the hints are told here, once per document, and never inside it."""
        for hint in self.report.hints:
            note(hint)
        return document
