"""Small plans built as values for the core's tests: a registry of a few units and groups, items with
the deadline a test needs, a plan around them. No files, no phrases read: each test states what it
builds."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tthc_cli.domain.deadlines import Deadline, DeadlineKind, Occurrence, unspecified
from tthc_cli.domain.plan import Entry, EntryStatus, ItemKind, Plan, PlanItem, plan_meta
from tthc_cli.domain.units import GroupInfo, GroupKind, Registry, UnitInfo, UnitType

SYT, STP, SNV = "Sở Y tế", "Sở Tư pháp", "Sở Nội vụ"
GIA_LOC, KIM_THANH = "UBND huyện Gia Lộc", "UBND huyện Kim Thành"
SO = "Các sở, ban, ngành"  # listed: the three sở
HUYEN = "UBND cấp huyện"  # listed: the two districts
XA = "UBND cấp xã"  # collective, no member listed: a class the plan never enumerates
CO_LIEN_QUAN = "Các cơ quan, đơn vị có liên quan"  # open: names no one


def registry(*, extra_units: Iterable[UnitInfo] = (), extra_groups: Iterable[GroupInfo] = ()) -> Registry:
    """Three sở, two districts; the sở and the districts as listed groups, the communes as a class
    with no member listed, and an open group."""
    units = [
        UnitInfo(SYT, UnitType.DEPARTMENT),
        UnitInfo(STP, UnitType.DEPARTMENT),
        UnitInfo(SNV, UnitType.DEPARTMENT),
        UnitInfo(GIA_LOC, UnitType.DISTRICT),
        UnitInfo(KIM_THANH, UnitType.DISTRICT),
        *extra_units,
    ]
    groups = [
        GroupInfo(SO, GroupKind.LISTED, members=(SYT, STP, SNV)),
        GroupInfo(HUYEN, GroupKind.LISTED, members=(GIA_LOC, KIM_THANH)),
        GroupInfo(XA, GroupKind.COLLECTIVE),
        GroupInfo(CO_LIEN_QUAN, GroupKind.OPEN),
        *extra_groups,
    ]
    return Registry.from_infos(units, groups, province="Hải Dương")


def due_on(due: date, *, effective: date | None = None, start: date | None = None) -> Deadline:
    """A one-off deadline due on `due` (moved to `effective` when that is a day off)."""
    return Deadline(
        text=f"Trước ngày {due:%d/%m/%Y}",
        kind=DeadlineKind.BY_DATE,
        start=start or date(due.year, 1, 1),
        due=due,
        window_end=due,
        effective_due=effective or due,
    )


def ongoing(text: str = "Thường xuyên") -> Deadline:
    return Deadline(text=text, kind=DeadlineKind.ONGOING, window_end=date(2021, 12, 31))


def quarterly(year: int = 2021, *, quarters: Iterable[int] = (1, 2, 3, 4)) -> Deadline:
    """A report every quarter, due on the 15th of the quarter's last month."""
    occurrences = tuple(
        Occurrence(f"{year}-Q{q}", date(year, 3 * q - 2, 1), date(year, 3 * q, 15), date(year, 3 * q, 15))
        for q in quarters
    )
    return Deadline(
        text="Ngày 15 tháng cuối quý",
        kind=DeadlineKind.RECURRING,
        every="quarter",
        every_day=15,
        occurrences=occurrences,
        window_end=date(year, 12, 31),
    )


def item(
    item_id: str,
    *,
    lead: tuple[str, ...] = (SYT,),
    support: tuple[str, ...] = (),
    deadline: Deadline | None = None,
    kind: ItemKind | None = None,
    number: str | None = None,
    title: str | None = None,
    **fields: object,
) -> PlanItem:
    """An item with the ID `item_id` ('task:1.1'); its kind and number read from the ID unless given."""
    code, _, rest = item_id.partition(":")
    return PlanItem(
        id=item_id,
        kind=kind or (ItemKind(code) if code in ("task", "duty", "note") else ItemKind.ROW),
        number=number if number is not None else rest.split("/", 1)[0],
        title=title or f"Việc {rest}",
        lead=lead,
        support=support,
        deadline=deadline or unspecified(),
        **fields,  # type: ignore[arg-type]
    )


def plan(
    items: Iterable[PlanItem],
    *,
    reg: Registry | None = None,
    progress: Iterable[Entry] = (),
    year: int = 2021,
) -> Plan:
    return Plan(
        plan_meta(title="Kế hoạch thử", year=year, province="Hải Dương"),
        reg or registry(),
        tuple(items),
        tuple(progress),
    )


def done(item_id: str, day: date, **fields: str) -> Entry:
    return Entry(item_id, day, EntryStatus.DONE, **fields)  # type: ignore[arg-type]


def started(item_id: str, day: date) -> Entry:
    return Entry(item_id, day, EntryStatus.STARTED)


def reopened(item_id: str, day: date) -> Entry:
    return Entry(item_id, day, EntryStatus.REOPENED)


def note_entry(item_id: str, day: date) -> Entry:
    return Entry(item_id, day, EntryStatus.NOTE)
