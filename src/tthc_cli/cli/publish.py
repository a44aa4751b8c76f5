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


# Files SQLite keeps beside a database while it is open, or after a crash: opened next, the database
# replays them, so a stale one would bring back the old database over the one just written.
JOURNALS = ("-wal", "-shm", "-journal")


def no_stale_journal(output: str) -> None:
    """Refuse to write a database where another database's journal lies beside the name."""
    for suffix in JOURNALS:
        if os.path.lexists(output + suffix):
            fail(
                _(
                    "-o {output}: {journal} lies beside it, a journal of another database that would be "
                    "replayed over this one; close the program using it (Datasette) and delete the file, "
                    "or choose another name"
                ).format(output=output, journal=output + suffix)
            )


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
