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
from tthc_cli.data.yaml_errors import explain
from tthc_cli.domain.problems import problem
from tthc_cli.fsutil import Oversized
from tthc_cli.textnorm import (
    CONTROL,
    INVISIBLE,
    LOOKALIKE_SCRIPTS,
    NO_BREAK_SPACES,
    SUSPECT,
    LineIndex,
    control_name,
    lookalike,
    nfc,
    wide_encoding,
)

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


def _reader_error(doc: Document, exc: yaml.reader.ReaderError, text: str) -> None:
    """Characters YAML refuses outright (NUL and other control characters)."""
    position = int(exc.position)
    if exc.encoding != "unicode":  # libyaml counts bytes of the UTF-8 it was given, not characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    line, col = LineIndex(text).line_col(position)
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    doc.report(problem("control-character", "raw", char=control_name(chr(char))), line, col)


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
                    start = event.start_mark
                    if tags <= MAX_REPORTS and start is not None:
                        doc.report(problem("tag", "plain", tag=tag), start.line + 1, start.column + 1)
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
                doc.report(problem("alias", anchor=anchor), mark.line + 1, mark.column + 1)
            else:
                doc.report(problem("anchor", anchor=anchor), mark.line + 1, mark.column + 1)
    except yaml.YAMLError:
        pass  # the composer reports syntax errors
    if found > _MAX_ANCHOR_REPORTS:
        doc.report(problem("alias", "more", count=found - _MAX_ANCHOR_REPORTS), *first_skipped)
    return found > 0


class _Walker:
    """Node tree -> plain data, collecting structural problems. Never descends twice into one node,
    so an alias bomb costs one visit per node, and never deeper than MAX_DEPTH."""

    def __init__(self, doc: Document, text: str, aliases_reported: bool = False) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        # One look at the whole text decides whether any scalar can need normalising or holds an
        # invisible character or a look-alike letter; most files need none of it, and then no scalar
        # is looked at twice.
        self.clean = (lambda value: value) if _already_clean(text) else _clean
        suspect = SUSPECT.search(text) is not None
        self.check_invisible = suspect and INVISIBLE.search(text) is not None
        self.check_lookalike = suspect and LOOKALIKE_SCRIPTS.search(text) is not None
        # Control characters cannot stand raw in YAML (the reader refuses them); only a backslash
        # escape of a double-quoted string ("\\e", "\\x9b", "\\u001b") can put one in a value.
        self.check_control = "\\" in text
        self.aliases_reported = aliases_reported

    def _report(
        self,
        node: yaml.Node,
        code: str,
        path: Path,
        variant: str = "",
        *,
        at_key: bool = False,
        **params: Any,
    ) -> None:
        mark = node.start_mark
        self.doc.report(problem(code, variant, **params), mark.line + 1, mark.column + 1, path, key=at_key)

    def walk(self, node: yaml.Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            self._report(node, "too-deep", path, depth=MAX_DEPTH)
            return None
        if node.tag not in DEFAULT_TAGS:
            self._report(node, "tag", path, tag=node.tag)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.seen:
            if not self.aliases_reported:
                self._report(node, "alias", path, "repeat")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, (*path, i)) for i, child in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in DEFAULT_TAGS:
                self._report(key_node, "key-type", path)
                continue
            key = self.clean(key_node.value)
            if key == "<<" and not key_node.style:
                self._report(key_node, "merge-key", path)
                continue
            if key in result:
                self._report(key_node, "duplicate-key", (*path, key), key=key, at_key=True)
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
            self._report(
                node, "control-character", path, char=control_name(m.group()), position=m.start() + 1
            )
            return None
        if self.check_invisible and (m := INVISIBLE.search(value)):
            self._report(
                node, "invisible-character", path, char=f"U+{ord(m.group()):04X}", position=m.start() + 1
            )
        if self.check_lookalike and (found := lookalike(value)) is not None:
            position, char, latin, script = found
            self._report(
                node,
                "lookalike-character",
                path,
                script,
                char=char,
                unicode=f"U+{ord(char):04X}",
                latin=latin,
                position=position + 1,
                text=value if len(value) <= 80 else value[:80] + "…",
            )
        return self.clean(value)


def _text_of(doc: Document, raw: bytes) -> str | None:
    """The file as text, or None with the problem: larger than the bound, or not UTF-8."""
    if len(raw) > MAX_FILE_BYTES:
        size = raw.size if isinstance(raw, Oversized) else len(raw)  # the file's, not what was read
        doc.report(problem("too-large", size=size, limit=MAX_FILE_BYTES), 1, 1)
        return None
    if wide := wide_encoding(raw):
        doc.report(problem("not-utf8", "wide", encoding=wide), 1, 1)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = LineIndex(good).line_col(len(good))
        doc.report(problem("not-utf8", byte=f"0x{raw[exc.start]:02X}"), line, col)
        return None


def _lines_fit(doc: Document, text: str) -> bool:
    """Whether the text's lines are the lines an editor shows — no line break YAML reads and editors
    do not (NEL, U+2028, U+2029), no git conflict marker — else the problems, at their lines."""
    separators = list(_LINE_SEPARATORS.finditer(text))
    if separators:
        lines = LineIndex(text)
        for m in separators[:MAX_REPORTS]:
            doc.report(problem("line-separator", char=control_name(m.group())), *lines.line_col(m.start()))
        if len(separators) > MAX_REPORTS:
            more = problem("line-separator", "more", count=len(separators) - MAX_REPORTS)
            doc.report(more, *lines.line_col(separators[MAX_REPORTS].start()))
        return False
    conflicts = (
        list(_CONFLICT.finditer(text)) if ("<" * 7 in text or "=" * 7 in text or ">" * 7 in text) else []
    )
    if conflicts:
        lines = LineIndex(text)
        for m in conflicts:
            doc.report(problem("merge-conflict", marker=m.group().strip()), lines.line_col(m.start())[0], 1)
        return False
    return True


def parse_document(file: str, raw: bytes) -> Document:
    """Parse one YAML file. Problems land in `doc.diagnostics`; `doc.data` is None if unusable."""
    doc = Document(file)
    text = _text_of(doc, raw)
    if text is None or not _lines_fit(doc, text):
        return doc
    hinted = ("&" in text or "*" in text or "!" in text) and _EVENT_HINT.search(text) is not None
    aliases_reported = hinted and _scan_events(doc, text)
    try:
        root = compose(text)
    except yaml.reader.ReaderError as exc:
        _reader_error(doc, exc, text)
        return doc
    except yaml.YAMLError as exc:  # every complaint of the parser, in words a clerk can act on
        found, line, column = explain(exc, text)
        if not (aliases_reported and found.code in ("alias", "anchor")):
            doc.report(found, line, column)
        return doc
    if root is None:
        doc.report(problem("empty-file"), 1, 1)
        return doc
    doc.root = root
    if not isinstance(root, yaml.MappingNode):
        kind = "list" if isinstance(root, yaml.SequenceNode) else "value"
        doc.report(problem("root-not-mapping", kind), root.start_mark.line + 1, root.start_mark.column + 1)
        return doc
    data = _Walker(doc, text, aliases_reported).walk(root, ())
    if doc.ok:
        doc.data = data
        doc.root, doc.text = None, text  # positions are found again only if a later check needs one
    return doc
