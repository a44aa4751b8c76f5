"""The periodic report written out: Markdown and HTML from their Jinja templates, the Word document
from templates/periodic_report.docx through docxtpl (Jinja inside a .docx). An office's own copies
(--templates) are bounded like the other templates: a regular file inside the folder, a size bound
(for the .docx also on what it unpacks to, and on each XML part) and the sandbox, output bound, time
budget and messages of present/render.py. A Word document is written whole or not at all."""

from __future__ import annotations

import html
import io
import os
import re
import zipfile
import zlib
from collections.abc import MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import jinja2
from jinja2 import nodes

from tthc_cli import i18n
from tthc_cli.domain.status import ItemStatus
from tthc_cli.i18n import _
from tthc_cli.present.console import note
from tthc_cli.present.formats import View
from tthc_cli.present.labels import dmy, grouped, status_label
from tthc_cli.present.messages import quote_text
from tthc_cli.present.periodic import PeriodicReport, counts_heading, report_state_label
from tthc_cli.present.render import (
    TemplateFailure,
    _explain,
    _on_time,
    _Sandbox,
    bounded,
    environment,
    read_template_file,
    render,
    rendering,
    shipped_templates,
    stream,
)

T = TypeVar("T", str, bytes)

DOCX_TEMPLATE = "periodic_report.docx"
MAX_DOCX_BYTES = 10 * 1024 * 1024
MAX_DOCX_UNPACKED = 64 * 1024 * 1024  # a .docx is a zip: bound what it expands to, not only its size
MAX_DOCX_MEMBERS = 2000
# Each XML part, document.xml first (the shipped one is 69 KB, one restyled in Word a few hundred):
# Jinja compiles a part before any bound of the sandbox can see it, ~5 s a MiB of the densest tags,
# like a 1 MiB text template (a 60 MB document.xml ran for minutes).
MAX_DOCX_PART = 2 * 1024 * 1024
WORD_TEXT_LIMIT = 10_000_000  # bytes of text in one XML node, libxml2's bound without XML_PARSE_HUGE
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


class _WordTemplate(jinja2.Template):
    """A part of the Word template (the body, a header or footer, a property), rendered as the text
    templates are: docxtpl calls `render`, and the output goes through render.stream."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return stream(self, dict(*args, **kwargs))


class _NoIncludes(jinja2.BaseLoader):
    """A Word template stands alone: {% include %}, {% import %} and {% extends %} are refused."""

    def __init__(self, source: str) -> None:
        self.source = source

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        raise TemplateFailure(_no_includes, self.source)


def _no_includes() -> str:
    return _("a Word template cannot use another template ({% include %}, {% import %}, {% extends %})")


def _open() -> str:
    return _("a Jinja mark is not closed: write {{ … }}, {% … %}, {# … #}")


def _not_xml() -> str:
    return _(
        "the document it makes is not valid XML for Word; a tag opened in one paragraph or table row"
        " and closed in another needs {%p …%} or {%tr …%}"
    )


def _text_too_long() -> str:
    return _(
        "a text of more than {size} bytes in one place (a value from the data: an evidence, a note?)"
        " does not fit in a Word document; nothing was written (Markdown and HTML hold it)"
    ).format(size=grouped(WORD_TEXT_LIMIT))


class _WordSandbox(_Sandbox):
    """The sandbox with the report templates' filters and words, escaping everything for XML (docxtpl
    sets autoescape on the environment it is given: this one is made for the call). The parts docxtpl
    compiles carry the .docx's name, and the last one is kept: a failure is told at its paragraph."""

    template_class = _WordTemplate

    def __init__(self, source: str) -> None:
        super().__init__(
            loader=_NoIncludes(source),
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            autoescape=True,
        )
        self.filters.update(environment(None).filters)
        self.install_gettext_callables(  # type: ignore[attr-defined]
            i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
        )
        self.globals.pop("lipsum", None)
        self.source, self.part = source, ""

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        _on_time()  # between parts: a document of many large parts stops after the one it is in
        self.part = source if isinstance(source, str) else ""
        code = self.compile(source, filename=self.source)
        return (template_class or self.template_class).from_code(self, code, self.make_globals(globals), None)


# docxtpl's first step (patch_xml): the tags Word puts inside a Jinja mark ({</w:t>…<w:t>{) go.
_SPLIT_MARK = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})")
_MARK = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_CLOSING = {"{{": "}}", "{%": "%}", "{#": "#}"}
_TAG = re.compile(r"<[^>]*>")


def _open_mark(xml: str) -> str | None:
    """The XML from a Jinja mark ({{, {% or {#) that another opens before it is closed, or that is never
    closed; None when every mark is closed. docxtpl looks for each mark's end with regular
    expressions, which a mark left open sends to the end of the document, for every such mark:
    16,000 of them (48 KB) took 13 s, and twice as many four times as long."""
    xml = _SPLIT_MARK.sub("", xml)
    opened: re.Match[str] | None = None
    for mark in _MARK.finditer(xml):
        if opened is None:
            opened = mark if mark[0] in _CLOSING else None
        elif mark[0] == _CLOSING[opened[0]]:
            opened = None
        elif mark[0] in _CLOSING:
            break
    return None if opened is None else xml[opened.start() :]


def _paragraph(xml: str) -> str:
    """The text a person sees in the XML up to the end of its paragraph (tags dropped, entities read),
    as a message quotes it."""
    end = xml.find("</w:p>")
    text = html.unescape(_TAG.sub("", xml[: end if end >= 0 else 2000]))
    return quote_text(" ".join(text.split()))


@lru_cache(maxsize=1)
def _word_document() -> Any:
    """docxtpl's document, refusing what its regular expressions and its forgiving XML parser would
    get wrong: a Jinja mark left open (before docxtpl's scans for its end), and XML the template made
    that does not parse strictly — a text over libxml2's 10 MB bound was cut where it stood, and
    everything after it dropped (the signature block too), exit 0."""
    # docxtpl (python-docx, lxml) is imported by the .docx path only (~150 ms; README "Speed").
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]
    from lxml import etree  # type: ignore[import-untyped]

    class WordDocument(DocxTemplate):  # type: ignore[misc]
        def patch_xml(self, src_xml: str) -> str:
            if (rest := _open_mark(src_xml)) is not None:
                raise TemplateFailure(_open, near=_paragraph(rest))
            return str(super().patch_xml(src_xml))

        def fix_tables(self, xml: str) -> Any:
            # Words said when read (TemplateFailure): this runs while the document speaks Vietnamese.
            try:
                etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
            except etree.XMLSyntaxError:
                huge = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
                try:
                    etree.fromstring(xml, huge)
                except etree.XMLSyntaxError:
                    raise TemplateFailure(_not_xml) from None
                raise TemplateFailure(_text_too_long) from None
            return super().fix_tables(xml)

        def map_tree(self, tree: Any) -> None:
            # lxml moves a replaced subtree into a document of its own node by node, slower than
            # linearly (the template's body of 1 MB of empty paragraphs: 5 s); emptied first, 4 ms.
            self.docx.element.body.clear()
            super().map_tree(tree)

    return WordDocument


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
    with open(_shipped_docx(), "rb") as handle:
        return handle.read(), _shipped_docx()


def _shipped_docx() -> str:
    return os.path.join(shipped_templates(), DOCX_TEMPLATE)


def _checked(path: str, folder: str) -> bytes:
    raw = read_template_file(path, folder, MAX_DOCX_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            _refuse_parts(archive, path)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError):
        raise TemplateFailure(_not_word(), path) from None
    return raw


def _refuse_parts(archive: zipfile.ZipFile, path: str) -> None:
    """A bound on what the .docx unpacks to, in all and in each XML part, and no part declaring a
    DOCTYPE (Word never writes one; its entities are what an XML bomb is made of)."""
    members = archive.infolist()
    if len(members) > MAX_DOCX_MEMBERS or sum(m.file_size for m in members) > MAX_DOCX_UNPACKED:
        raise TemplateFailure(
            _("unpacks to more than {size} bytes").format(size=grouped(MAX_DOCX_UNPACKED)), path
        )
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        if member.file_size > MAX_DOCX_PART:
            raise TemplateFailure(
                _("its part {part} unpacks to more than {size} bytes").format(
                    part=member.filename, size=grouped(MAX_DOCX_PART)
                ),
                path,
            )
        if b"<!DOCTYPE" in archive.read(member):
            raise TemplateFailure(
                _(
                    "its part {part} declares a DOCTYPE, which Word never writes; save it again from Word"
                ).format(part=member.filename),
                path,
            )


def _not_word() -> str:
    """What is said of a .docx that python-docx cannot open as a Word document."""
    return _("is not a Word document (.docx); save it from Word as .docx")


def _render_docx(template: bytes, report: PeriodicReport, source: str, own: bool) -> bytes:
    """The document, or a TemplateFailure naming `source` and, where known, the paragraph: every
    failure of an office's `own` template, and a bound the shipped one meets, goes through the text
    templates' words (render._explain); any other failure of the shipped one is a bug, kept as such."""
    try:
        document = _word_document()(io.BytesIO(template))
        document.init_docx()
    except SyntaxError as exc:  # lxml's XMLSyntaxError: a part is not well-formed
        if not own:
            raise
        raise TemplateFailure(_explain(exc, None).message, source) from None
    except Exception:  # python-docx: not a package, no main document, a part missing
        if not own:
            raise
        raise TemplateFailure(_not_word(), source) from None
    env = _WordSandbox(source)
    try:
        with i18n.using(DOCUMENT_LANGUAGE), rendering():
            document.render(_context(report), jinja_env=env, autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except Exception as exc:
        if not own and not bounded(exc):
            raise
        failure = _explain(exc, os.path.dirname(source))
        near = failure.near
        if failure.line and near is None:
            lines = env.part.splitlines()
            near = _paragraph(lines[failure.line - 1]) if failure.line <= len(lines) else None
        raise TemplateFailure(failure.message, source, None, near) from None
    return out.getvalue()


def render_docx(report: PeriodicReport, template_dir: str | None = None) -> bytes:
    """The Word document, from the office's own template when it has one (in the sandbox, like its
    text templates)."""
    template, source = docx_template(template_dir)
    return _render_docx(template, report, source, own=source != _shipped_docx())


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
