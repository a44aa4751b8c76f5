"""'Did you mean …?': the one rule for suggesting what a mistyped name or ID may have meant, and the
problems for an ID the plan does not have (used by `validate` on the progress log, `show` and
`progress add` alike)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from tthc_cli.domain.item_ids import normalise_id
from tthc_cli.domain.plan import ItemKind, Plan
from tthc_cli.domain.problems import Param, Problem, problem
from tthc_cli.domain.report_periods import period_code

CUTOFF = 0.6  # difflib's similarity ratio from which a candidate is offered


def nearest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates most like `word`, best first."""
    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=CUTOFF)


def obligation_hint(plan: Plan, item_id: str) -> Problem:
    """How to address one obligation of an item that is split by unit and/or period
    (`obligation-address`; variant `unit` or `period`: what the item is split by first)."""
    item = plan.by_id[item_id]
    kids = plan.children(item_id)
    units = tuple(dict.fromkeys(k.unit for k in kids if k.unit))
    periods = tuple(dict.fromkeys(k.period for k in kids if k.period))
    return problem(
        "obligation-address",
        "unit" if item.split and item.split.by_unit else "period",
        item=item_id,
        unit=units[0] if units else None,
        units=len(units),
        periods=periods,
        example=kids[0].id if kids else None,
    )


def unknown_id(plan: Plan, typed: str) -> Problem:
    """Why `typed` names no item or obligation of the plan, and what it may have meant (`unknown-id`;
    variants: `obligation` — the item exists but has no such unit or period —, `heading` — a number
    that only heads other items). `typed` is what a person typed: an ID, or the document's numbering
    (Plan.find_id); the ID of an item it names (in the log, where only IDs are read) is offered."""
    named = plan.find_id(typed)
    base = named.split("/", 1)[0]
    if named not in plan.by_id and (said := _unit_part(plan, typed)) is not None:
        return said
    if named in plan.by_id:
        return problem("unknown-id", id=typed, suggestions=(named,))
    key = named if "/" in named and base in plan.by_id else normalise_id(_DOCUMENT_WORD.sub("", typed))
    base = key.split("/", 1)[0]
    if "/" in key and base in plan.by_id:
        kids = [k.id for k in plan.children(base)]
        close = tuple(nearest(key, kids))
        hint = obligation_hint(plan, base) if kids and not close else None
        params: dict[str, Param] = {"item": base, "key": key, "suggestions": close}
        if hint is not None:
            params.update((k, v) for k, v in hint.params if k != "item")
            params["hint"] = hint.variant
        return Problem("unknown-id", tuple(params.items()), "obligation")
    kind, _sep, number = key.partition(":")
    heads = tuple(
        g for g in plan.by_id if kind == "task" and g.startswith(f"task:{number}.") and "/" not in g
    )  # the items under the heading, not their obligations
    if heads:
        return problem("unknown-id", "heading", id=typed, ids=heads)
    return problem("unknown-id", id=typed, suggestions=tuple(nearest(key, list(plan.by_id))))


def _unit_part(plan: Plan, typed: str) -> Problem | None:
    """Why the document's numbering `typed` names no obligation when its unit part is at fault: it
    matches several units or none ('Mục IV.2 – Sở', 'Mục IV.2 – Giang'), or it is missing where the
    item is owed by each unit separately ('Mục IV.2 (quý II/2021)'); None otherwise. Said with the
    unit lookup's own answer, never with an ID made up from the typed text."""
    parts = plan.name_parts(typed)
    if parts is None:
        return None
    item_id, unit, paren = parts
    item = plan.by_id[item_id]
    period = period_code(paren) if paren else None
    if paren and period is None and unit is None:
        unit = paren  # a unit where a period could stand
    if item.kind is ItemKind.ROW or item.split is None or not item.split.by_unit:
        return None
    if unit is not None and plan.registry.resolve(unit) is None:
        look = plan.registry.lookup(unit)
        return problem(
            "unknown-id", "unit", name=typed.strip(), units=look.candidates, suggestions=look.suggestions
        )
    if unit is None and period is not None:
        units = tuple(dict.fromkeys(k.unit for k in plan.children(item_id) if k.unit))
        cut = typed.rfind("(")
        example = f"{typed[:cut].rstrip()} – {units[0]} {typed[cut:].strip()}" if units and cut > 0 else None
        return problem("unknown-id", "unit-needed", name=typed.strip(), example=example)
    return None


# "Mục 3" / "Item 3": the document's word before a number, left out to read the number.
_DOCUMENT_WORD = re.compile(r"^\s*(?:m[uụ]c|item)\s+", re.IGNORECASE)
