"""Parsed data against the Pydantic schemas: every validation error becomes a located problem with its
own code and facts (an unknown field and the field it was most likely meant to be, the kinds of value
expected and found, the choices allowed, the shape a number takes), worded by present/messages.py;
Pydantic's own sentences are never shown.

Dates are read here, before the schema sees them, the way the office writes them and the command line
reads them: 2021-06-30 or 30/6/2021 (also 30.6.2021 and 30-6-2021), from 1900 to 2999. Every date
field of a file is checked in one pass, so two bad dates are two problems in one run; a Unix timestamp,
a time of day, or a day the calendar does not have is an `invalid-date` that says what to write.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import types
import typing
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tthc_cli.data.document import Document, Path
from tthc_cli.data.models import EMAIL_PATTERN, RULE_PREFIX
from tthc_cli.domain.problems import Problem, problem
from tthc_cli.domain.suggest import nearest

M = TypeVar("M", bound=BaseModel)

MAX_QUOTED = 80  # characters of a value quoted back in a message
# [0-9], not \d: '٣' is a digit to \d and to int(). The forms the command line reads (userdates.py).
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
FIRST_YEAR, LAST_YEAR = 1900, 2999

# What Pydantic wanted, for `wrong-type`, by its error type.
_WANTED = {
    "string_type": "text",
    "int_type": "whole-number",
    "int_parsing": "whole-number",
    "int_from_float": "whole-number",
    "bool_type": "true-false",
    "bool_parsing": "true-false",
    "list_type": "list",
    "tuple_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}

# The shapes the schemas' patterns stand for (data/models.py), by the pattern itself: a message says
# what a valid value looks like, never the regular expression.
PATTERNS = {
    r"^(?:\d+|[IVXLC]+|[a-zđ])(?:\.(?:\d+|[IVXLC]+|[a-zđ]))*[.)]?$": "item-number",
    r"^(?:[IVXLC]+|\d+|[A-Z])$": "block-number",
    r"^[a-z][a-z0-9_]*$": "name",
    r"^[a-z0-9][a-z0-9-]*$": "plan-id",
    r"^(?:[IVXLC]+|\d+|[a-z][a-z0-9_]*)$": "where",
    r"^\d+$": "digits",
    EMAIL_PATTERN: "email",
}
PATTERN_VARIANTS = frozenset(PATTERNS.values())


def quoted_value(value: Any) -> str:
    """A value from the data as a message quotes it: at most MAX_QUOTED characters of its text."""
    text = str(value)
    return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…"


def _found(value: Any) -> dict[str, Any]:
    """What a field holds, language-free: `found` is text, true, false, null, list or mapping; `text`
    the text itself."""
    if value is None:
        return {"found": "null"}
    if isinstance(value, bool):
        return {"found": "true" if value else "false"}
    if isinstance(value, list):
        return {"found": "list"}
    if isinstance(value, dict):
        return {"found": "mapping"}
    return {"found": "text", "text": quoted_value(value)}


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
def _closest_field(name: str, model: type[BaseModel], where: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: a key misspelt in every row (or appended 30,000 times) is compared once per spelling.
    return tuple(nearest(name, _fields_of(model, where), n=1))


def _explain(err: Any, model: type[BaseModel]) -> tuple[Problem, bool]:
    """A Pydantic error -> (the problem, whether it points at the key rather than the value)."""
    loc, kind, given = tuple(err["loc"]), err["type"], err.get("input")
    ctx = err.get("ctx") or {}
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        where = tuple(part for part in loc[:-1] if isinstance(part, str))
        hint = _closest_field(name, model, where)
        return problem("unknown-field", "" if hint else "no-match", name=name, suggestion=hint), True
    if kind == "missing":
        return problem("missing-field", name=str(loc[-1])), False
    return _wrong_value(kind, given, ctx, field), False


def _wrong_value(kind: str, given: Any, ctx: dict[str, Any], field: str) -> Problem:
    """A value Pydantic refused (`kind`, its error type) -> the problem, with what was found."""
    if kind in _WANTED or kind.endswith("_type"):
        yaml11 = kind == "bool_type" and isinstance(given, str)
        want = _WANTED.get(kind, "other")
        return problem("wrong-type", "yaml11" if yaml11 else "", want=want, **_found(given))
    if kind.startswith("date"):
        return problem("invalid-date", "form", **_found(given))
    if kind == "literal_error":
        # Pydantic lists the choices as "'a', 'b' or 'c'": take the values, not its English "or".
        choices = tuple(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return problem("invalid-value", "choices", choices=choices, **_found(given))
    if kind == "string_pattern_mismatch":
        shape = PATTERNS.get(str(ctx.get("pattern", "")), "pattern")
        return problem("invalid-value", shape, **_found(given))
    if kind == "string_too_short":
        return problem("invalid-value", "empty-text")
    if kind in _BOUNDS:
        return _out_of_bounds(kind, given, ctx, field)
    if kind.startswith(RULE_PREFIX):  # a rule of data/models.py (models.refused): its own variant
        params = tuple((k, v) for k, v in ctx.items() if isinstance(v, str | int | tuple))
        return Problem("invalid-value", params, kind.removeprefix(RULE_PREFIX))
    return problem("invalid-value", "other", **_found(given))


# Pydantic's error types for a list's length and a number's bounds (the context key of the limit).
_BOUNDS = {
    "too_short": "min_length",
    "too_long": "max_length",
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
}


def _out_of_bounds(kind: str, given: Any, ctx: dict[str, Any], field: str) -> Problem:
    """A list too short or too long (`field` named), a number under or over its bound (the bound said
    as the least or greatest value allowed: > 0 is 'at least 1')."""
    limit = int(ctx.get(_BOUNDS[kind], 0))
    if kind in ("too_short", "too_long"):
        return problem("invalid-value", kind.replace("_", "-"), field=field, limit=limit)
    variant = "at-least" if kind.startswith("greater") else "at-most"
    bound = limit + (1 if kind == "greater_than" else -1 if kind == "less_than" else 0)
    return problem("invalid-value", variant, limit=bound, **_found(given))


def _misindented(doc: Document, data: Any, loc: Path, model: type[BaseModel]) -> Problem | None:
    """An unknown key that is a field of the mapping its previous sibling opens — `text:` dedented
    under `deadline:`, which is then left empty — is indented wrong, not misspelt: deleting it (the
    advice for an unknown field) would lose the deadline. The problem says whose field it is and how
    many spaces put it there (`unknown-field`, variant `indent`); None when it is no such key."""
    name, parent_path = loc[-1], loc[:-1]
    parent = data
    for part in parent_path:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict) or not isinstance(name, str) or name not in parent:
        return None
    keys = list(parent)
    at = keys.index(name)
    if at == 0:
        return None
    sibling = keys[at - 1]
    value = parent[sibling]
    if not (value in (None, "") or (isinstance(value, dict) and name not in value)):
        return None
    where = tuple(part for part in parent_path if isinstance(part, str))
    if name not in _fields_of(model, (*where, sibling)):
        return None
    _line, column = doc.locate(loc, key=True)
    above, above_column = doc.locate((*parent_path, sibling), key=True)
    if isinstance(value, dict) and value:  # where its other fields stand
        _line, inside = doc.locate((*parent_path, sibling, next(iter(value))), key=True)
    else:  # one step in, as the file indents the fields of its other mappings
        inside = above_column + _indent_step(doc, parent_path, parent)
    if inside <= column:
        return None
    return problem("unknown-field", "indent", name=name, parent=sibling, line=above, spaces=inside - column)


def _indent_step(doc: Document, path: Path, mapping: dict[str, Any]) -> int:
    """How far the file indents a mapping's fields under their key: as a sibling holding a mapping
    does here, else two spaces."""
    for key, value in mapping.items():
        if isinstance(value, dict) and value:
            _line, outer = doc.locate((*path, key), key=True)
            _line, inner = doc.locate((*path, key, next(iter(value))), key=True)
            if inner > outer:
                return inner - outer
    return 2


def validate_model(doc: Document, model: type[M]) -> M | None:
    """Check `doc.data` against a schema, turning every error into a located problem. Dates are read
    first (see the module's note); the data the schema sees has them as YYYY-MM-DD."""
    if doc.data is None:
        return None
    data, bad_dates = _read_dates(doc.data, _date_paths(model), ())
    for path, found in bad_dates:
        doc.report_at(found, path)
    reported = {path for path, _ in bad_dates}
    doc.data, doc.unread = data, frozenset(reported)
    try:
        model_obj = model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if any(loc[: len(path)] == path for path in reported):
                continue  # said once, by the date reader
            found, at_key = _explain(err, model)
            if found.code == "unknown-field":
                found = _misindented(doc, data, loc, model) or found
            doc.report_at(found, loc, key=at_key)
        return None
    if bad_dates:
        return None
    doc.data = None  # the model holds it all now
    return model_obj


def read_date(raw: Any) -> dt.date | Problem:
    """A date field's value as the office may write it -> the date, or the problem with it."""
    if not isinstance(raw, str):
        return problem("invalid-date", "form", **_found(raw))
    text = raw.strip()
    if m := _ISO.fullmatch(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _DMY.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    else:
        variant = "timestamp" if text.isdigit() else "time" if ("T" in text or ":" in text) else "form"
        return problem("invalid-date", variant, **_found(raw))
    if not 1 <= month <= 12:
        return problem("invalid-date", "month", text=quoted_value(raw), month=month)
    days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if not 1 <= day <= days:
        return problem(
            "invalid-date", "day", text=quoted_value(raw), day=day, month=month, year=year, days=days
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return problem("invalid-date", "year", text=quoted_value(raw), first=FIRST_YEAR, last=LAST_YEAR)
    return dt.date(year, month, day)


# Where the date fields are in a model: True at a date, field -> spec below ('*' for list items).
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


def _read_dates(raw: Any, spec: _Spec | bool, path: Path) -> tuple[Any, list[tuple[Path, Problem]]]:
    """`raw` with every date written as the office writes it turned into YYYY-MM-DD (copied only
    where a date changed: the input is left as it is), and the problems of those that are not
    dates."""
    if spec is True:
        if raw is None:
            return raw, []
        found = read_date(raw)
        if isinstance(found, Problem):  # None: the schema refuses it too (said once, here), and
            return None, [(path, found)]  # what is salvaged never holds a date read wrong
        iso = found.isoformat()
        return (raw if raw == iso else iso), []
    bad: list[tuple[Path, Problem]] = []
    if isinstance(spec, dict):
        if isinstance(raw, list) and "*" in spec:
            items: list[Any] | None = None
            for i, value in enumerate(raw):
                item, problems = _read_dates(value, spec["*"], (*path, i))
                bad += problems
                if item is not value:
                    items = items or list(raw)
                    items[i] = item
            return (raw if items is None else items), bad
        if isinstance(raw, dict):
            out: dict[str, Any] | None = None
            for key, sub in spec.items():
                if key in raw:
                    value, problems = _read_dates(raw[key], sub, (*path, key))
                    bad += problems
                    if value is not raw[key]:
                        out = out or dict(raw)
                        out[key] = value
            return (raw if out is None else out), bad
    return raw, bad
