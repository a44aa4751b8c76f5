"""`tthc units`: the unit registry."""

from tthc_cli.cli.boundary import EXIT_OK
from tthc_cli.cli.commands import load
from tthc_cli.cli.options import Data, Format, Lang, TableFormat
from tthc_cli.present import formats


def units(fmt: Format = TableFormat.TABLE, data: Data = None, lang: Lang = None) -> int:
    formats.show(fmt, formats.RegistryView(load(data).registry))
    return EXIT_OK
