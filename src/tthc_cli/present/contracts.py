"""The JSON contracts scripts rely on (README "JSON output"): one serialiser for each — an item, a
unit's row, a progress entry. Dates are ISO (calendar.iso_date), codes stay codes."""

from __future__ import annotations

from typing import Any

from tthc_cli.domain.accountability import Assignment, UnitFigures
from tthc_cli.domain.calendar import iso_date
from tthc_cli.domain.deadlines import Deadline
from tthc_cli.domain.plan import Entry, PlanItem, Role


def deadline_to_dict(d: Deadline) -> dict[str, Any]:
    """An item's deadline in the item contract (`tthc deadline --format json` starts with the same)."""
    return {
        "text": d.text,
        "kind": d.kind.value,
        "start": iso_date(d.start),
        "due": iso_date(d.due),
        "effective_due": iso_date(d.effective_due),
        "tentative": d.tentative,
    }


def item_to_dict(item: PlanItem) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind_code,
        "title": item.title,
        "lead": list(item.lead),
        "support": list(item.support),
        "deadline": deadline_to_dict(item.deadline),
        "deliverable": item.deliverable,
    }
    if item.parent:
        out["parent"] = item.parent
    # Appendix rows: a row its unit leads carries its domains (Phụ lục I); a row whose unit is
    # inspected carries the unit, block and note (Phụ lục II); whatever else a row has is added.
    if item.unit_role is Role.LEAD:
        out["domains"] = list(item.domains)
        if item.block is not None:
            out["block"] = item.block
        if item.note is not None:
            out["note"] = item.note
    elif item.unit_role is Role.INSPECTED:
        out.update(unit=item.unit, block=item.block, note=item.note)
        if item.domains:
            out["domains"] = list(item.domains)
    if item.cells:
        out["cells"] = dict(item.cells)
    if item.regulation:
        # Not from the plan: the rule the office added for "theo quy định", with its legal basis.
        rule = item.regulation
        out["deadline"]["regulation"] = {"text": rule.text, "basis": rule.basis, "assumed": rule.assumed}
    if item.period is not None or (item.unit is not None and item.unit_role is None):
        out.update(unit=item.unit, period=item.period)
    if item.inferred:
        # Facts the document does not print where they are used, each with where it is read from.
        out["inferred"] = {str(fact): basis for fact, basis in item.inferred}
    if item.reports is not None:
        r = item.reports
        out["reports"] = {
            "text": r.text,
            "periods": list(r.periods),
            "ad_hoc": r.ad_hoc,
            "as_regulated": r.as_regulated,
            "by": list(r.by),
            "basis": r.basis,
        }
    if item.standing:
        out["standing"] = True
    return out


def unit_row_to_dict(row: Assignment) -> dict[str, Any]:
    return {
        **item_to_dict(row.item),
        "role": str(row.role),
        "via": row.via,
        "definite": row.definite,
        "own": row.own,
        "via_basis": row.basis,
    }


def figures_to_dict(figures: UnitFigures | None) -> dict[str, Any] | None:
    """A unit's own figures (domain/accountability.py): the same numbers as the report's table."""
    if figures is None:
        return None
    return {
        "owed": figures.owed,
        "done_on_time": figures.done_on_time,
        "done_late": figures.done_late,
        "done_no_due_date": figures.done_undated,
        "overdue": figures.overdue,
        "not_done": figures.open,
        "judged": figures.judged,
        "on_time_rate": figures.on_time_rate,
        "support": figures.support,
        "support_done": figures.support_done,
        "inspected": figures.inspected,
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "status": entry.status,
        "note": entry.note,
        "evidence": entry.evidence,
        "by": entry.by,
    }
