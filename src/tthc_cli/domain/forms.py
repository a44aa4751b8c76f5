"""A unit's progress form, as a contract between the workbook tthc issues (present/forms.py) and the
import that reads it back (data/imports.py): its columns in order, the columns the unit fills, the
statuses it may choose, where the rows start, and the identity the form carries in a hidden sheet —
its plan, its unit, the day it was issued and the obligations of each sheet, sealed by a checksum —
so that the import never has to guess what a row is about. The checksum is a seal against
accidents (a row pasted from another unit's form, a hidden ID edited), not a secret: anyone can
recompute it, as anyone can lift the sheet's protection, which has no password."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tthc_cli.domain.plan import EntryStatus
from tthc_cli.domain.unit_reports import Share

FORM_VERSION = 1
IDENTITY_SHEET = "tthc"  # the hidden sheet holding the form's identity (its name is never translated)
HEADER_ROW = 5  # rows 1-4: title, unit, the day the status is judged, how to fill the form
FIRST_ROW = HEADER_ROW + 1


class Column(StrEnum):
    """The form's columns, in order: what the office fills in (the item as the document numbers it,
    its text, its lead, deadline, due and effective due, its status and what was reported so far),
    what the unit fills (status, date, document number, note), and the obligation's ID (hidden)."""

    NO = "no"
    ITEM = "item"
    TEXT = "text"
    LEAD = "lead"
    DEADLINE = "deadline"
    DUE = "due"
    EFFECTIVE_DUE = "effective_due"
    STATUS_NOW = "status_now"
    REPORTED = "reported"
    STATUS = "status"
    DATE = "date"
    EVIDENCE = "evidence"
    NOTE = "note"
    ID = "id"

    @property
    def number(self) -> int:
        """The column's number in the sheet (A = 1)."""
        return list(Column).index(self) + 1


FILLED = (Column.STATUS, Column.DATE, Column.EVIDENCE, Column.NOTE)
# What a unit may report on a form: the office reopens a done obligation, not the unit.
FORM_STATUSES = (EntryStatus.STARTED, EntryStatus.DONE, EntryStatus.NOTE)
MAX_ROWS = 5000  # rows read from one sheet: a unit owes a few dozen obligations, a large city's hundreds


@dataclass(frozen=True, slots=True, kw_only=True)
class FormIdentity:
    """What a form is: its plan, its unit (canonical name), the day it was issued, and for each sheet
    (own obligations, the group's work) its name and the obligations of its rows, in order."""

    plan_id: str
    unit: str
    issued: date
    sheets: tuple[tuple[Share, str, tuple[str, ...]], ...]
    version: int = FORM_VERSION

    def checksum(self) -> str:
        """A digest of everything above: the import recomputes it from the form as returned."""
        body = json.dumps(
            [
                self.version,
                self.plan_id,
                self.unit,
                self.issued.isoformat(),
                [[str(share), name, list(ids)] for share, name, ids in self.sheets],
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


# The hidden sheet, a key per row (column A) and its values (B onwards): the keys are read back by
# name, so a later version may add rows.
KEY_FORM, KEY_PLAN, KEY_UNIT, KEY_ISSUED, KEY_CHECKSUM = "tthc-form", "plan", "unit", "issued", "checksum"


def sheet_key(share: Share) -> str:
    """The hidden sheet's key for the name of a share's sheet: 'sheet.own', 'sheet.group'."""
    return f"sheet.{share}"


def status_key(status: EntryStatus) -> str:
    """The hidden sheet's key for the word the form offers for a status: 'status.done'. The import
    reads the unit's choice with the form's own words, whatever language it was issued in."""
    return f"status.{status}"
