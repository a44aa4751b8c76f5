"""The unit registry as people and scripts read it (`tthc units`): two tables (units, groups), one
JSON object, one CSV, Markdown."""

from __future__ import annotations

from typing import Any

from tthc_cli.domain.units import Registry
from tthc_cli.i18n import _
from tthc_cli.present import tables
from tthc_cli.present.labels import group_kind_label, unit_type_label

CSV_COLUMNS = ("name", "kind", "type", "aliases", "members")


def unit_rows(reg: Registry) -> tuple[tuple[tables.Cell, ...], ...]:
    return tuple((u.name, unit_type_label(u.type), "; ".join(u.aliases)) for u in reg.units.values())


def group_rows(reg: Registry) -> tuple[tuple[tables.Cell, ...], ...]:
    return tuple(
        (
            g.name,
            group_kind_label(g.kind),
            "; ".join(g.aliases),
            "; ".join(reg.members(g.name)) or (_("(not listed)") if g.kind != "open" else "—"),
        )
        for g in reg.groups.values()
    )


def registry_tables(reg: Registry) -> tuple[tables.Table, tables.Table]:
    """The units table and the groups table."""
    units = tables.Table((_("Unit"), _("Type"), _("Other names")), unit_rows(reg), (44, 16, 50))
    groups = tables.Table(
        (_("Group"), _("Kind of group"), _("Other names"), _("Members")), group_rows(reg), (40, 22, 30, 60)
    )
    return units, groups


def registry_data(reg: Registry) -> dict[str, Any]:
    """The registry as a JSON contract: stable codes (`type`, `kind`), not the words of a language."""
    return {
        "units": [{"name": u.name, "type": u.type, "aliases": u.aliases} for u in reg.units.values()],
        "groups": [
            {
                "name": g.name,
                "kind": g.kind,
                "aliases": g.aliases,
                "members": list(reg.members(g.name)),
                "definite": g.kind != "open",
            }
            for g in reg.groups.values()
        ],
    }


def registry_csv(reg: Registry) -> str:
    """One row per unit, then one per group (`kind` says which)."""
    return tables.to_csv(
        list(CSV_COLUMNS),
        [(r[0], "unit", *r[1:], "") for r in unit_rows(reg)]
        + [(r[0], "group", *r[1:]) for r in group_rows(reg)],
    )
