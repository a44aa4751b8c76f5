"""'Did you mean …?': the one rule for suggesting what a mistyped name or ID may have meant, and the
messages for an ID the plan does not have (used by `validate` on the progress log, `show` and
`progress add` alike)."""

from __future__ import annotations

from tthc_cli.domain.item_ids import normalise_id
from tthc_cli.domain.plan import Plan
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

CUTOFF = 0.6  # difflib's similarity ratio from which a candidate is offered


def nearest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates most like `word`, best first."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=CUTOFF)


def obligation_hint(ds: Plan, item_id: str) -> str:
    """How to address one obligation of an item that is split by unit and/or period."""
    item = ds.by_id[item_id]
    kids = ds.children(item_id)
    units = list(dict.fromkeys(k.unit for k in kids if k.unit))
    periods = list(dict.fromkeys(k.period for k in kids if k.period))
    parts = []
    if units:
        parts.append(
            _("a unit (--unit / `unit:`, e.g. '{unit}'; {count} units)").format(
                unit=units[0], count=len(units)
            )
        )
    if periods:
        parts.append(
            _("a period (--period / `period:`: {periods})").format(
                periods=", ".join(periods[:4]) + (" …" if len(periods) > 4 else "")
            )
        )
    if item.split and "unit" in item.split:
        what = _("{item} binds each unit separately").format(item=item_id)
    else:
        what = _("{item} recurs").format(item=item_id)
    return _("{what}: record progress for {parts}, e.g. {example}").format(
        what=what, parts=(" " + _("and") + " ").join(parts), example=kids[0].id
    )


def unknown_id(ds: Plan, typed: str) -> str:
    """Why `typed` names no item or obligation of the plan, and what it may have meant."""
    key = normalise_id(typed)
    base = key.split("/", 1)[0]
    if "/" in key and base in ds.by_id:
        # A unit or period this item does not have: suggest its nearest obligations.
        kids = [k.id for k in ds.children(base)]
        close = nearest(key, kids)
        hint = (
            "; " + _("did you mean {ids}?").format(ids=", ".join(close))
            if close
            else f" ({obligation_hint(ds, base)})"
            if kids
            else ""
        )
        return _("{item} has no obligation '{key}'").format(item=base, key=key) + hint
    kind, _sep, number = key.partition(":")
    kids = [g for g in ds.by_id if kind == "task" and g.startswith(f"task:{number}.")]
    if kids:
        return _("'{id}' is a heading, not an item; use one of {ids}").format(id=typed, ids=", ".join(kids))
    close = nearest(key, list(ds.by_id))
    hint = (
        "; " + _("did you mean {ids}?").format(ids=", ".join(close))
        if close
        else " " + _("(tthc list shows every ID)")
    )
    return _("no item has the ID '{id}'").format(id=typed) + hint
