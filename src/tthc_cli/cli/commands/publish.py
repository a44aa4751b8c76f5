"""Publication for Datasette (`tthc export --format sqlite -o ke-hoach.db`): the file suffixes that
name the format, and the metadata file written beside the database."""

import json
import os

from tthc_cli.cli.boundary import fail
from tthc_cli.cli.options import ExportFormat
from tthc_cli.fsutil import atomic_write
from tthc_cli.i18n import _, os_reason
from tthc_cli.present.console import note
from tthc_cli.present.formats import PublicationView

SUFFIXES = {".db": ExportFormat.SQLITE, ".sqlite": ExportFormat.SQLITE, ".sqlite3": ExportFormat.SQLITE}


def metadata_path(output: str) -> str:
    """ke-hoach.db -> ke-hoach.metadata.json, beside it."""
    return os.path.splitext(output)[0] + ".metadata.json"


def write_metadata(view: PublicationView, output: str) -> None:
    """Datasette's metadata for the database just written to `output` (Datasette names a database
    after its file, without the suffix), written completely or not at all."""
    database = os.path.splitext(os.path.basename(output))[0]
    text = json.dumps(view.datasette_metadata(database), ensure_ascii=False, indent=2) + "\n"
    path = metadata_path(output)
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)))
    note(_("wrote {path}").format(path=path))
