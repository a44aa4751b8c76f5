"""The only YAML reader: bytes -> nodes -> plain data, keeping source positions for messages
(schema_check.py then turns the data into models).

Safe by construction: every scalar stays text except plain `true`/`false` (bool) and `null`/`~`/empty
(None), so `yes`, `no`, `010`, `1.10` and `2021-06-30` reach the schema exactly as written. Anchors,
aliases, merge keys, tags, duplicate keys, non-text keys, several documents and merge-conflict markers
are reported as problems, each with its line. So are control characters however they are written
(raw, or as the escapes "\\e", "\\a", "\\0" of a quoted string) and the line separators
U+2028/U+2029/NEL (YAML reads them as line breaks, editors do not, so every line number after one
would be wrong). Lines are counted as editors count them (LF, CRLF or a lone CR), columns in
characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from tthc_cli.data.document import DEFAULT_TAGS, BaseLoader, Document, Path, compose
from tthc_cli.data.files import MAX_FILE_BYTES
from tthc_cli.i18n import N_, _
from tthc_cli.textnorm import CONTROL, INVISIBLE, NO_BREAK_SPACES, LineIndex, control_name, nfc, split_lines

MAX_DEPTH = 64  # the schemas need 6 levels; libyaml itself stops at 1000
_CONFLICT = re.compile(r"^(?:<{7}(?: |$)|={7}$|>{7}(?: |$)|\|{7}(?: |$))", re.MULTILINE)
# An anchor, alias or tag can only start a node: after line start, white space or a flow indicator.
# Text such as "Sở LĐ-TB&XH" does not match, so the precise event scan below runs only when needed.
_EVENT_HINT = re.compile(r"(?:^|[\s\[{,])[&*!][^\s\[\]{},]?")
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
MAX_REPORTS = 10  # of one kind of problem in one file, when each further one adds nothing new

_clean = nfc


def _already_clean(text: str) -> bool:
    return text.isascii() or (unicodedata.is_normalized("NFC", text) and NO_BREAK_SPACES.search(text) is None)


def _unbalanced_quote(text: str, first: int, last: int) -> int | None:
    """The first line in [first, last] (0-based) with an odd number of double quotes outside a comment:
    where a quoted text was most likely left open."""
    lines = split_lines(text)
    for n in range(max(first, 0), min(last, len(lines) - 1) + 1):
        code = lines[n]
        if code.lstrip().startswith("#"):
            continue
        if (code.count('"') - code.count('\\"')) % 2 == 1:
            return n
    return None


# What the YAML library's most common complaints mean for a person editing the file, in their language.
_HINTS = (
    ("did not find expected ',' or ']'", N_("a list in [ ] is missing a comma or its closing ']'")),
    ("did not find expected ',' or '}'", N_("a mapping in { } is missing a comma or its closing '}'")),
    (
        "mapping values are not allowed",
        N_("a second ': ' on one line; put a text that contains ': ' in quotes, or check the indentation"),
    ),
    ("did not find expected key", N_("this line's indentation does not match the lines around it")),
    ("could not find expected ':'", N_("a line without ':'; write 'field: value'")),
)


def _mark_error(doc: Document, exc: yaml.MarkedYAMLError, text: str) -> None:
    code = "yaml-syntax"
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if exc.problem_mark and exc.context_mark:
        open_line = _unbalanced_quote(text, exc.context_mark.line, exc.problem_mark.line - 1)
        if open_line is not None:
            doc.error(
                open_line + 1,
                1,
                "unclosed-quote",
                "",
                _(
                    "a quoted text opened on this line is not closed, so YAML read on until line {line}; "
                    "add the closing quote"
                ).format(line=line),
            )
            return
    problem = exc.problem or str(exc)
    detail = problem
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        detail = f"{problem}, {exc.context}: {exc.context_mark.line + 1}"
    # The YAML library explains in English; say what is wrong first, and keep its words as detail.
    message = _("the YAML cannot be read here ({detail})").format(detail=detail)
    hint = next((h for words, h in _HINTS if words in problem), None)
    if "'\\t'" in problem or "\t" in problem:
        message += "; " + _("indent with spaces, not tabs")
    elif hint is not None:
        message += "; " + _(hint)
    elif "while scanning a quoted scalar" in (exc.context or "") and exc.context_mark:
        code = "unclosed-quote"
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = _("a quoted text opened here is never closed; add the closing quote")
    elif "expected a single document" in (exc.context or "") or "expected a single document" in problem:
        code, message = (
            "multiple-documents",
            _("a second YAML document starts here; keep one document per file"),
        )
    doc.error(line, col, code, "", message)


def _reader_error(doc: Document, exc: yaml.reader.ReaderError, text: str) -> None:
    """Characters YAML refuses outright (NUL and other control characters)."""
    position = int(exc.position)
    if exc.encoding != "unicode":  # libyaml counts bytes of the UTF-8 it was given, not characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    line, col = LineIndex(text).line_col(position)
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    doc.error(
        line,
        col,
        "control-character",
        "",
        _("the control character {char} is not allowed in YAML; delete it").format(
            char=control_name(chr(char))
        ),
    )


_MAX_ANCHOR_REPORTS = MAX_REPORTS


def _scan_events(doc: Document, text: str) -> bool:
    """Report anchors (&name) and aliases (*name) where they stand: they make one edit change several
    places, and nested aliases can expand a small file into billions of values. Also explicit tags
    that name a plain type (`!!str 2021`, `!`): the node tree cannot tell them from untagged text,
    other tags are reported by the walker. True if any anchor or alias."""
    found = 0
    first_skipped: tuple[int, int] = (1, 1)
    tags = 0
    try:
        for event in yaml.parse(text, Loader=BaseLoader):
            tag = getattr(event, "tag", None)
            if tag is not None and (tag in DEFAULT_TAGS or tag == "!"):
                implicit = getattr(event, "implicit", None)
                if not (implicit is True or (isinstance(implicit, tuple) and any(implicit))):
                    tags += 1
                    if tags <= MAX_REPORTS and event.start_mark is not None:
                        doc.error(
                            event.start_mark.line + 1,
                            event.start_mark.column + 1,
                            "tag",
                            "",
                            _(
                                "YAML tag '{tag}' is not allowed; remove it (values are read as written)"
                            ).format(tag=tag),
                        )
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            found += 1
            mark = event.start_mark
            assert mark is not None  # libyaml marks every event
            if found > _MAX_ANCHOR_REPORTS:
                if found == _MAX_ANCHOR_REPORTS + 1:
                    first_skipped = (mark.line + 1, mark.column + 1)
                continue
            if isinstance(event, yaml.AliasEvent):
                doc.error(
                    mark.line + 1,
                    mark.column + 1,
                    "alias",
                    "",
                    _("alias '*{anchor}' is not allowed; write the value out in full").format(anchor=anchor),
                )
            else:
                doc.error(
                    mark.line + 1,
                    mark.column + 1,
                    "anchor",
                    "",
                    _("anchor '&{anchor}' is not allowed; remove it and write values out in full").format(
                        anchor=anchor
                    ),
                )
    except yaml.YAMLError:
        pass  # the composer reports syntax errors
    if found > _MAX_ANCHOR_REPORTS:
        doc.error(
            *first_skipped,
            "alias",
            "",
            _("… and {count} more anchors/aliases from here on").format(count=found - _MAX_ANCHOR_REPORTS),
        )
    return found > 0


class _Walker:
    """Node tree -> plain data, collecting structural problems. Never descends twice into one node,
    so an alias bomb costs one visit per node, and never deeper than MAX_DEPTH."""

    def __init__(self, doc: Document, text: str, aliases_reported: bool = False) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        # One look at the whole text decides whether any scalar can need normalising or holds an
        # invisible character; most files need neither, and then no scalar is looked at twice.
        self.clean = (lambda value: value) if _already_clean(text) else _clean
        self.check_invisible = INVISIBLE.search(text) is not None
        # Control characters cannot stand raw in YAML (the reader refuses them); only a backslash
        # escape of a double-quoted string ("\\e", "\\x9b", "\\u001b") can put one in a value.
        self.check_control = "\\" in text
        self.aliases_reported = aliases_reported

    def _err(self, node: yaml.Node, code: str, path: Path, message: str) -> None:
        self.doc.error(node.start_mark.line + 1, node.start_mark.column + 1, code, path, message)

    def walk(self, node: yaml.Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            self._err(
                node, "too-deep", path, _("nested more than {depth} levels deep").format(depth=MAX_DEPTH)
            )
            return None
        if node.tag not in DEFAULT_TAGS:
            self._err(node, "tag", path, _("YAML tag '{tag}' is not allowed; remove it").format(tag=node.tag))
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.seen:
            if not self.aliases_reported:
                self._err(node, "alias", path, _("this value repeats another through an alias; write it out"))
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, (*path, i)) for i, child in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in DEFAULT_TAGS:
                self._err(key_node, "key-type", path, _("a key must be plain text"))
                continue
            key = self.clean(key_node.value)
            if key == "<<" and not key_node.style:
                self._err(
                    key_node,
                    "merge-key",
                    path,
                    _("merge keys ('<<') are not allowed; write the fields out in full"),
                )
                continue
            if key in result:
                self._err(
                    key_node,
                    "duplicate-key",
                    (*path, key),
                    _("key '{key}' appears twice in this mapping; keep one").format(key=key),
                )
                continue
            result[key] = self.walk(value_node, (*path, key))
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        value: str = node.value
        if not node.style:  # plain (None, or "" from libyaml): the only place YAML types are read
            low = value.lower()
            if low in ("true", "false"):
                return low == "true"
            if low in ("", "null", "~"):
                return None
        if self.check_control and (m := CONTROL.search(value)):
            self._err(
                node,
                "control-character",
                path,
                _(
                    "contains the control character {char} at position {position}; "
                    "delete it (terminals act on such characters instead of showing them)"
                ).format(char=control_name(m.group()), position=m.start() + 1),
            )
            return None
        if self.check_invisible and (m := INVISIBLE.search(value)):
            self._err(
                node,
                "invisible-character",
                path,
                _(
                    "contains the invisible character {char} at position {position}; "
                    "delete it (it makes identical-looking names differ)"
                ).format(char=f"U+{ord(m.group()):04X}", position=m.start() + 1),
            )
        return self.clean(value)


def parse_document(file: str, raw: bytes) -> Document:
    """Parse one YAML file. Problems land in `doc.diagnostics`; `doc.data` is None if unusable."""
    doc = Document(file)
    if len(raw) > MAX_FILE_BYTES:
        doc.error(
            1,
            1,
            "too-large",
            "",
            _("file is {size:,} bytes; the limit is {limit:,} (split the data)").format(
                size=len(raw), limit=MAX_FILE_BYTES
            ),
        )
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = LineIndex(good).line_col(len(good))
        doc.error(
            line,
            col,
            "not-utf8",
            "",
            _("byte {byte} is not UTF-8; save the file as UTF-8").format(byte=f"0x{raw[exc.start]:02X}"),
        )
        return doc
    separators = list(_LINE_SEPARATORS.finditer(text))
    if separators:
        lines = LineIndex(text)
        for m in separators[:MAX_REPORTS]:
            doc.error(
                *lines.line_col(m.start()),
                "line-separator",
                "",
                _(
                    "{char}: YAML reads it as a line break but editors do not; "
                    "delete it or use a real line break"
                ).format(char=control_name(m.group())),
            )
        if len(separators) > MAX_REPORTS:
            doc.error(
                *lines.line_col(separators[MAX_REPORTS].start()),
                "line-separator",
                "",
                _("… and {count} more from here on").format(count=len(separators) - MAX_REPORTS),
            )
        return doc
    conflicts = (
        list(_CONFLICT.finditer(text)) if ("<" * 7 in text or "=" * 7 in text or ">" * 7 in text) else []
    )
    if conflicts:
        lines = LineIndex(text)
        for m in conflicts:
            doc.error(
                lines.line_col(m.start())[0],
                1,
                "merge-conflict",
                "",
                _(
                    "merge-conflict marker '{marker}' left by git; "
                    "resolve the conflict and delete the markers"
                ).format(marker=m.group().strip()),
            )
        return doc
    hinted = ("&" in text or "*" in text or "!" in text) and _EVENT_HINT.search(text) is not None
    aliases_reported = hinted and _scan_events(doc, text)
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as exc:
        _mark_error(doc, exc, text)
        return doc
    except yaml.reader.ReaderError as exc:
        _reader_error(doc, exc, text)
        return doc
    except yaml.YAMLError as exc:  # any other complaint of the parser: still a located message
        doc.error(1, 1, "yaml-syntax", "", str(exc).splitlines()[0])
        return doc
    if root is None:
        doc.error(1, 1, "empty-file", "", _("file is empty; it must hold a YAML mapping"))
        return doc
    doc.root = root
    if not isinstance(root, yaml.MappingNode):
        kind = _("a list") if isinstance(root, yaml.SequenceNode) else _("a single value")
        doc.error(
            root.start_mark.line + 1,
            root.start_mark.column + 1,
            "root-not-mapping",
            "",
            _("the file holds {kind}; it must be a mapping of fields (key: value)").format(kind=kind),
        )
        return doc
    data = _Walker(doc, text, aliases_reported).walk(root, ())
    if doc.ok:
        doc.data = data
        doc.root, doc.text = None, text  # positions are found again only if a later check needs one
    return doc
