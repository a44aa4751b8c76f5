"""`tthc units`: the unit registry."""

from __future__ import annotations

from tthc_cli.cli.boundary import EXIT_OK
from tthc_cli.cli.commands import load
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from tthc_cli.cli.params import Options


def units(o: Options) -> int:
    from tthc_cli.present import registry
    from tthc_cli.present.console import out, print_table

    reg = load(o.maybe_text("data")).registry
    fmt = o.text("fmt")
    if fmt == "json":
        out(registry.registry_json(reg))
    elif fmt == "csv":
        out(registry.registry_csv(reg))
    elif fmt == "md":
        out(registry.registry_markdown(reg))
    else:
        units_table, groups_table = registry.registry_tables(reg)
        print_table(units_table, title=_("Units: {count}").format(count=len(units_table.rows)))
        print_table(groups_table, title=_("Groups: {count}").format(count=len(groups_table.rows)))
    return EXIT_OK
