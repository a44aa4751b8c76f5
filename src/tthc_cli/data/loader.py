"""The only YAML reader: bytes -> nodes -> plain data -> models, keeping source positions for messages.

Safe by construction: every scalar stays text except plain `true`/`false` (bool) and `null`/`~`/empty
(None), so `yes`, `no`, `010`, `1.10` and `2021-06-30` reach the schema exactly as written. Anchors,
aliases, merge keys, tags, duplicate keys, non-text keys, several documents and merge-conflict markers
are reported as problems, each with its line. So are control characters however they are written
(raw, or as the escapes "\\e", "\\a", "\\0" of a quoted string), Unix timestamps and datetimes in
date fields, and the line separators U+2028/U+2029/NEL (YAML reads them as line breaks, editors do
not, so every line number after one would be wrong). Lines are counted as editors count them (LF,
CRLF or a lone CR), columns in characters.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from tthc_cli.data.diagnostics import Diagnostic, Severity, format_path
from tthc_cli.data.files import MAX_FILE_BYTES
from tthc_cli.domain.suggest import nearest
from tthc_cli.i18n import N_, _
from tthc_cli.textnorm import CONTROL, INVISIBLE, NO_BREAK_SPACES, LineIndex, control_name, nfc, split_lines

MAX_DEPTH = 64  # the schemas need 6 levels; libyaml itself stops at 1000

_STR_TAG = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = {_STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_CONFLICT = re.compile(r"^(?:<{7}(?: |$)|={7}$|>{7}(?: |$)|\|{7}(?: |$))", re.MULTILINE)
# An anchor, alias or tag can only start a node: after line start, white space or a flow indicator.
# Text such as "Sở LĐ-TB&XH" does not match, so the precise event scan below runs only when needed.
_EVENT_HINT = re.compile(r"(?:^|[\s\[{,])[&*!][^\s\[\]{},]?")
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_REPORTS = 10  # of one kind of problem in one file, when each further one adds nothing new

Path = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

try:  # libyaml's parser and composer, in C; the pure-Python one behaves the same, slower.
    _Base: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.BaseLoader

_KIND_TAGS = {
    yaml.ScalarNode: _STR_TAG,
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(_Base):  # type: ignore[misc]
    """Every untagged node gets the plain str/seq/map tag: types are read by _Walker, not by YAML.
    (The composer asks this once per node; BaseResolver's generic version costs ~10% of a parse.)"""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _KIND_TAGS[kind]


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


@dataclass
class Document:
    """One parsed file: its data (None when unusable), its node tree and the problems found so far."""

    file: str
    data: Any = None
    root: yaml.Node | None = None
    # Kept to find positions again only when a later check has a problem to report: the node tree
    # costs more memory than the data itself, so it is dropped once the data is read.
    text: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Each mapping's keys, indexed on first use: locating N problems in a mapping of N keys costs N
    # lookups, not N scans (30,000 unknown keys took minutes).
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)

    def error(
        self,
        line: int,
        column: int,
        code: str,
        path: Path | str,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        text_path = path if isinstance(path, str) else format_path(path)
        self.diagnostics.append(Diagnostic(self.file, line, column, severity, code, text_path, message))

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the node at `path` (of its key with key=True), or of the
        deepest node that exists on the way (e.g. the mapping a missing field belongs in)."""
        if self.root is None and self.text is not None:
            try:
                self.root = _compose(self.text)
            except yaml.YAMLError:
                self.text = None
        node = self.root
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                found = self._mapping_keys(node).get(part)
                if found is None:
                    break
                k, node = found
                mark = k.start_mark if (last and key) else node.start_mark
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        return (mark.line + 1, mark.column + 1)

    def _mapping_keys(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    index.setdefault(_clean(k.value), (k, v))  # the first one is the one kept
            self._keys[id(node)] = index
        return index


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
    if "'\\t'" in problem or "\t" in problem:
        message += "; " + _("indent with spaces, not tabs")
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
        for event in yaml.parse(text, Loader=_Base):
            tag = getattr(event, "tag", None)
            if tag is not None and (tag in _DEFAULT_TAGS or tag == "!"):
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
        if node.tag not in _DEFAULT_TAGS:
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
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _DEFAULT_TAGS:
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
        root = _compose(text)
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


# --- schema validation -----------------------------------------------------------------------------

_TYPE_WORDS = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "bool_type": N_("true or false"),
    "list_type": N_("a list"),
    "dict_type": N_("a mapping (key: value)"),
    "model_type": N_("a mapping (key: value)"),
    "model_attributes_type": N_("a mapping (key: value)"),
}


_PATTERN_HINTS = {
    r"^\d+(\.\d+)*$": N_('digits separated by dots, as numbered in the plan, e.g. "7.1"'),
    r"^[IVX]+\.\d+$": N_('a Roman section and a number, e.g. "IV.2"'),
    r"^[IVX]+$": N_('a Roman numeral, e.g. "II"'),
}


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return f"'{value}'"


def _fields_of(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names valid at `loc`, for 'did you mean' on a misspelt key."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = info.annotation
        for arg in getattr(current, "__args__", ()) or ():
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                current = arg
                break
    return list(getattr(current, "model_fields", {}))


@lru_cache(maxsize=4096)
def _closest_field(name: str, model: type[BaseModel], where: tuple[str, ...]) -> list[str]:
    # Cached: a key misspelt in every row (or appended 30,000 times) is compared once per spelling.
    return nearest(name, _fields_of(model, where), n=1)


def _explain(err: Any, model: type[BaseModel]) -> tuple[str, str, bool]:
    """A Pydantic error -> (code, message, whether it points at the key rather than the value)."""
    loc, kind, given = tuple(err["loc"]), err["type"], err.get("input")
    ctx = err.get("ctx", {})
    if kind == "extra_forbidden":
        name = str(loc[-1])
        where = tuple(part for part in loc[:-1] if isinstance(part, str))
        hint = _closest_field(name, model, where)
        advice = (
            _("did you mean '{name}'?").format(name=hint[0]) if hint else _("remove it or check the spelling")
        )
        return "unknown-field", _("unknown field '{name}'; {advice}").format(name=name, advice=advice), True
    if kind == "missing":
        return "missing-field", _("required field '{name}' is missing; add it").format(name=loc[-1]), False
    if kind in _TYPE_WORDS or kind.endswith("_type"):
        word = _TYPE_WORDS.get(kind)
        want = _(word) if word else kind.removesuffix("_type")
        message = _("expected {want}, found {given}").format(want=want, given=_describe(given))
        if kind == "bool_type" and isinstance(given, str):
            message += " " + _("(YAML 1.1 words such as yes/no/on/off are read as text here)")
        return "wrong-type", message, False
    if kind.startswith("date"):
        return (
            "invalid-date",
            _("{given} is not a real date; write YYYY-MM-DD, e.g. 2021-06-30").format(given=_describe(given)),
            False,
        )
    if kind == "literal_error":
        # Pydantic lists the choices as "'a', 'b' or 'c'": take the values, not its English "or".
        choices = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return (
            "invalid-value",
            _("{given} is not allowed here; write one of: {choices}").format(
                given=_describe(given), choices=choices
            ),
            False,
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        hint_words = _PATTERN_HINTS.get(pattern)
        shape = _(hint_words) if hint_words else _("a value matching {pattern}").format(pattern=pattern)
        return (
            "invalid-value",
            _("{given} is not a valid number here; write {shape}").format(
                given=_describe(given), shape=shape
            ),
            False,
        )
    return "invalid-value", str(err["msg"]).removeprefix("Value error, "), False


def validate_model(doc: Document, model: type[M]) -> M | None:
    """Check `doc.data` against a schema, turning every error into a located diagnostic."""
    if doc.data is None:
        return None
    try:
        model_obj = model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            code, message, at_key = _explain(err, model)
            line, col = doc.locate(loc, key=at_key)
            doc.error(line, col, code, loc, message)
        return None
    ok = _check_dates(doc, doc.data, _date_paths(model), ())
    doc.data = None  # the model holds it all now
    return model_obj if ok else None


# Pydantic reads '1622505600' (a Unix timestamp), '0' and '2021-06-01T00:00:00Z' as dates; a date
# field accepts only what the README promises: YYYY-MM-DD.
_Spec = dict[str, "_Spec"]


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _spec_of(annotation: Any, depth: int = 0) -> _Spec | bool:
    """True where a date lives; a mapping of field -> spec ('*' for list items) where one may be
    below; False where none can be."""
    spec: _Spec = {}
    if depth > 12:
        return False
    for t in _unwrap(annotation):
        if t is dt.date:
            return True
        if typing.get_origin(t) in (list, tuple):
            for arg in typing.get_args(t):
                sub = _spec_of(arg, depth + 1)
                if sub:
                    spec["*"] = sub  # type: ignore[assignment]
        elif isinstance(t, type) and issubclass(t, BaseModel):
            for name, info in t.model_fields.items():
                sub = _spec_of(info.annotation, depth + 1)
                if sub:
                    spec[info.alias or name] = sub  # type: ignore[assignment]
    return spec or False


@cache
def _date_paths(model: type[BaseModel]) -> _Spec:
    spec = _spec_of(model)
    return spec if isinstance(spec, dict) else {}


def _check_dates(doc: Document, raw: Any, spec: _Spec | bool, path: Path) -> bool:
    if spec is True:
        if raw is None or (isinstance(raw, str) and _ISO_DAY.fullmatch(raw)):
            return True
        line, col = doc.locate(path)
        doc.error(
            line,
            col,
            "invalid-date",
            path,
            _(
                "{given} is not a date; write YYYY-MM-DD, e.g. 2021-06-30 "
                "(numbers such as Unix timestamps and times of day are not read as dates)"
            ).format(given=_describe(raw)),
        )
        return False
    ok = True
    if isinstance(spec, dict):
        if isinstance(raw, list) and "*" in spec:
            for i, value in enumerate(raw):
                ok = _check_dates(doc, value, spec["*"], (*path, i)) and ok
        elif isinstance(raw, dict):
            for key, sub in spec.items():
                if key in raw:
                    ok = _check_dates(doc, raw[key], sub, (*path, key)) and ok
    return ok
