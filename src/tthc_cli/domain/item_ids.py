"""Item IDs: an item's ID from its kind and printed number ('task:2.a'), an obligation's ID
('duty:IV.2/so-y-te', 'task:3/2022-M03'), and what a person types normalised to an ID."""

from __future__ import annotations

import re

from tthc_cli.domain.report_periods import period_code
from tthc_cli.domain.units import fold
from tthc_cli.textnorm import typed


def unit_slug(name: str) -> str:
    """'Sở Y tế' -> 'so-y-te': a unit's part of an obligation's ID (folded, so it survives typing)."""
    return fold(name).replace(" ", "-")


def normalise_period(text: str) -> str:
    """A period as people type it -> as IDs write it: '2022-m03 ' and '2022-m3' -> '2022-M03', 'quý
    II/2021' -> '2021-Q2' (report_periods.period_code); what names no period, in capitals."""
    if _CODE.match(text):  # already a code: the one form tens of thousands of obligations take
        return text
    return period_code(text) or text.strip().upper()


def obligation_id(item_id: str, unit: str | None = None, period: str | None = None) -> str:
    """The one place an obligation's ID is composed: 'duty:IV.2' + 'Sở Y tế' -> 'duty:IV.2/so-y-te';
    'task:3' + '2022-m03' -> 'task:3/2022-M03' (`unit` is a canonical name, `period` as typed)."""
    parts = [item_id]
    if unit is not None:
        parts.append(unit_slug(unit))
    if period is not None:
        parts.append(normalise_period(period))
    return "/".join(parts)


_CODE = re.compile(r"^\d{4}(?:-(?:M\d\d|Q\d|H\d|W\d\d|9M))?$")
_TASK_ID = re.compile(r"^\d+(?:\.(?:\d+|[a-zđ]))*[.)]?$")
_ROMAN = re.compile(r"^[ivxlc]+$", re.IGNORECASE)
_PERIOD = re.compile(r"^\d{4}(?:-[mqhw]\d{1,2}|-9m)?$", re.IGNORECASE)  # 2021-9M: nine months


def item_id(kind: str, number: str) -> str:
    """The ID of an item numbered as printed: ('task', '2.a)') -> 'task:2.a'."""
    return f"{kind}:{number.rstrip(').') or number}"


def normalise_id(text: str) -> str:
    """What a person types -> an ID: '1.1' and 'Task:1.1' -> 'task:1.1'; 'duty:iv.1' -> 'duty:IV.1'."""
    # Invisible characters pasted along with an ID are dropped, not allowed to make it another ID.
    text = typed(text)
    if _TASK_ID.match(text.split("/", 1)[0]):
        text = "task:" + text
    kind, sep, rest = text.partition(":")
    if not sep:
        return text
    kind = kind.strip().lower()
    rest, *address = rest.split("/")
    rest = rest.strip().rstrip(").") or rest.strip()
    # An obligation's address: a unit (any spelling, folded to its slug) and/or a period (2021-Q2).
    suffix = "".join(
        "/" + (normalise_period(part) if _PERIOD.match(part.strip()) else unit_slug(part)) for part in address
    )
    head, dot, tail = rest.partition(".")
    # Section and block numbers are Roman and printed in capitals ("IV.2", "II.3"); a lone letter
    # in a task number ("2.a") is a letter.
    if _ROMAN.match(head) and (kind in ("duty", "inspection") or len(head) > 1 or (head in "ivx" and dot)):
        head = head.upper()
    return f"{kind}:{head}{dot}{tail}{suffix}"
