"""Parsed data against the Pydantic schemas: every validation error becomes a located diagnostic
in plain words ("unknown field 'ten'; did you mean 'tên'?"), and a date field accepts only
YYYY-MM-DD as written (no Unix timestamps, no times of day).
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tthc_cli.data.document import Document, Path
from tthc_cli.domain.suggest import nearest
from tthc_cli.i18n import N_, _

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
M = TypeVar("M", bound=BaseModel)

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
