"""The plan as one list of items with stable IDs — tasks, duties, obliging paragraphs, appendix rows and
the obligations they are split into — the progress log, and what the document says about itself
(title, period, sections, appendices). IDs are made in item_ids.py, file names declared in
plan_files.py."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from tthc_cli.domain.deadlines import Deadline
from tthc_cli.domain.item_ids import normalise_id, obligation_id
from tthc_cli.domain.problems import ProblemError, problem
from tthc_cli.domain.report_periods import period_code
from tthc_cli.domain.reporting import Schedule
from tthc_cli.domain.units import Registry, fold
from tthc_cli.textnorm import typed as typed_text


class ItemKind(StrEnum):
    """What an item is in the document: a numbered task (section II), a duty (the section on who does
    what, IV in 2021), an unnumbered paragraph that obliges units (a note under an appendix, a
    closing paragraph), or a row of an appendix."""

    TASK = "task"
    DUTY = "duty"
    NOTE = "note"
    ROW = "row"


class Role(StrEnum):
    """A unit's part in an item: it leads (chủ trì), coordinates (phối hợp), or is inspected (a row of
    an inspection list: the item's lead inspects it)."""

    LEAD = "lead"
    SUPPORT = "support"
    INSPECTED = "inspected"


class Split(StrEnum):
    """How an item is followed up through its obligations: one per unit (each unit owes it itself),
    one per period (it recurs), or one per unit and period."""

    UNIT = "unit"
    PERIOD = "period"
    UNIT_PERIOD = "unit+period"

    @property
    def by_unit(self) -> bool:
        return self in (Split.UNIT, Split.UNIT_PERIOD)

    @property
    def by_period(self) -> bool:
        return self in (Split.PERIOD, Split.UNIT_PERIOD)


class EntryStatus(StrEnum):
    """What a progress entry says happened: work started, done, a done undone, or only a remark."""

    STARTED = "started"
    DONE = "done"
    REOPENED = "reopened"
    NOTE = "note"


# The words people use for an entry's status, beside its code: the Vietnamese the forms and log lines
# print ("Đã hoàn thành", "hoàn thành") and the everyday ones ("xong"), folded as unit names are (no
# case, no diacritics). Said first for each status: the word --help shows beside the code.
ENTRY_STATUS_WORDS: dict[EntryStatus, tuple[str, ...]] = {
    EntryStatus.STARTED: ("bắt đầu", "đã bắt đầu"),
    EntryStatus.DONE: ("hoàn thành", "xong", "đã hoàn thành", "đã xong"),
    EntryStatus.REOPENED: ("mở lại", "đã mở lại"),
    EntryStatus.NOTE: ("ghi chú",),
}
_STATUS_BY_WORD = {
    fold(word): status for status, words in ENTRY_STATUS_WORDS.items() for word in (status.value, *words)
}


def entry_status(text: str) -> EntryStatus | None:
    """An entry's status as a person types it: its code ('done') or a word for it ('hoàn thành',
    'Đã hoàn thành', 'xong', 'hoan thanh'), matched as unit names are; None for anything else."""
    return _STATUS_BY_WORD.get(fold(text))


@dataclass(frozen=True, slots=True)
class AppendixInfo:
    """What the document says about one appendix: its name (appendix_<name>.yaml), its number ("I" of
    "Phụ lục I"), title, the task it details, whether its units lead their rows or are inspected, and
    its columns as printed (key, title)."""

    name: str
    number: str | None
    title: str
    task: str | None
    unit_role: Role = Role.LEAD
    columns: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanMeta:
    """The document around the items: titles, province, period, issuer; section headings by what they
    hold ("tasks", "duties" -> (number, title)); the appendices in document order; the reporting
    regime's periods inside the plan period (reporting.yaml; None: the plan has none)."""

    title: str
    year: int
    period_start: date
    period_end: date
    plan_id: str
    province: str | None = None
    document_kind: str = "plan"  # "decision": issued by a decision; "plan": issued directly
    number_text: str | None = None
    issuer: str | None = None
    signer: str | None = None
    sections: dict[str, tuple[str, str]] = field(default_factory=dict)
    appendices: tuple[AppendixInfo, ...] = ()
    reporting: Schedule | None = None

    def appendix(self, name: str | None) -> AppendixInfo | None:
        return next((a for a in self.appendices if a.name == name), None)

    def section(self, holds: str) -> tuple[str, str] | None:
        """The (number, title) of the section holding `holds` ("tasks" or "duties")."""
        return self.sections.get(holds)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kind codes of this plan's items, as JSON, CSV and --kind name them: task, duty, each
        appendix's name, note."""
        return (ItemKind.TASK, ItemKind.DUTY, *(a.name for a in self.appendices), ItemKind.NOTE)


def plan_meta(
    *,
    title: str,
    year: int,
    province: str | None = None,
    plan_id: str | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    **rest: object,
) -> PlanMeta:
    """PlanMeta with the defaults a plan that says nothing gets: the calendar year of `year`, and an
    identifier made of the province and the year."""
    return PlanMeta(
        title=title,
        year=year,
        province=province,
        plan_id=plan_id or default_plan_id(province, year),
        period_start=period_start or date(year, 1, 1),
        period_end=period_end or date(year, 12, 31),
        **rest,  # type: ignore[arg-type]
    )


def default_plan_id(province: str | None, year: int) -> str:
    """'Hải Dương', 2021 -> 'hai-duong-2021': folded to ASCII so calendar UIDs stay portable."""
    if not province:
        return f"plan-{year}"
    text = "".join(c for c in unicodedata.normalize("NFD", province) if not unicodedata.combining(c))
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return f"{slug or 'plan'}-{year}"


class Fact(StrEnum):
    """A fact of an item the data may read rather than copy (an inference, marked in the data with
    its basis): who leads or coordinates, its deadline, a note spread over merged cells, the reports
    its words ask for."""

    LEAD = "lead"
    SUPPORT = "support"
    DEADLINE = "deadline"
    NOTE = "note"
    REPORTS = "reports"


@dataclass(frozen=True, slots=True)
class ReportsAsked:
    """Reports an item's own words ask for, beside its deadline ("báo cáo định kỳ quý, năm hoặc đột
    xuất"): the words, the periods they name (month, quarter, half_year, nine_months, year), whether
    they add reports on demand or leave the cadence to regulation, who reports when not the item's
    lead (canonical names), and where the reading comes from. Never a day: the reporting regime gives
    the dates."""

    text: str
    periods: tuple[str, ...] = ()
    ad_hoc: bool = False
    as_regulated: bool = False
    by: tuple[str, ...] = ()
    basis: str = ""


class Regulation(NamedTuple):
    """The rule that dates a deadline the plan leaves to regulation ("theo quy định"), never the plan's
    words: its phrase, where it comes from (the decree or circular and article, or what is known of an
    assumed rule), and whether it is assumed rather than found in a text."""

    text: str
    basis: str
    assumed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanItem:
    """One item with a stable ID. `lead`/`support` hold canonical unit or group names, `lead_text`/
    `support_text` the phrase as printed. `appendix`: for a row, the appendix it belongs to; for a
    task, the appendix that details it. A row's `unit` is its unit (canonical; `unit_text` as
    written) and `unit_role` says whether that unit does the row's work or is inspected; `parent` is
    the task it details. `source` is (file, field path) for messages.

    Obligations: an item that binds each unit of its lead groups separately, or recurs, is `split`
    into child items, one per unit and/or occurrence, whose `parent` is the item and whose `unit`/
    `period` say whose and which; progress is recorded on them."""

    id: str
    kind: ItemKind
    number: str
    title: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline: Deadline
    lead_text: str | None = None
    support_text: str | None = None
    deliverable: str | None = None
    content: tuple[str, ...] = ()
    grouping: str | None = None
    parent: str | None = None
    appendix: str | None = None
    domains: tuple[str, ...] = ()
    unit: str | None = None
    unit_text: str | None = None
    block: str | None = None
    block_title: str | None = None
    note: str | None = None
    short_title: str | None = None
    notes: tuple[str, ...] = ()
    cells: tuple[tuple[str, str], ...] = ()
    unit_role: Role | None = None
    period: str | None = None
    split: Split | None = None
    regulation: Regulation | None = None
    source: tuple[str, tuple[str | int, ...]] = ("", ())
    # Facts the data reads rather than copies, each with where it is read from ("Điều 2.1 và Mục 3.1").
    inferred: tuple[tuple[Fact, str], ...] = ()
    reports: ReportsAsked | None = None
    # A standing responsibility (IV.1: each head answers for the plan; "nếu có vấn đề phát sinh …"):
    # nothing to deliver, so never done, never late, outside every count of what is done.
    standing: bool = False

    def basis(self, fact: Fact) -> str | None:
        """Where an inferred fact of this item is read from; None when the document prints it."""
        return dict(self.inferred).get(fact)

    @property
    def kind_code(self) -> str:
        """The kind as JSON, CSV and --kind name it: task, duty, note, or the appendix's name (review)."""
        return self.appendix or "row" if self.kind is ItemKind.ROW else str(self.kind)


@dataclass(frozen=True, slots=True)
class Entry:
    """One progress-log entry, its ID in canonical form ("1.1" -> "task:1.1")."""

    id: str
    date: date
    status: EntryStatus
    note: str | None = None
    evidence: str | None = None
    by: str | None = None


@dataclass(frozen=True)
class Plan:
    """The plan as the queries see it: items in document order, the unit registry and the progress log
    (in file order)."""

    meta: PlanMeta
    registry: Registry
    items: tuple[PlanItem, ...]
    progress: tuple[Entry, ...] = ()

    @property
    def year(self) -> int:
        return self.meta.year

    @cached_property
    def by_id(self) -> dict[str, PlanItem]:
        found: dict[str, PlanItem] = {}
        for item in self.items:
            found.setdefault(item.id, item)
        return found

    @cached_property
    def order(self) -> dict[str, int]:
        """Each item's place in the document, for sorting."""
        return {item.id: i for i, item in enumerate(self.items)}

    @cached_property
    def _children(self) -> dict[str, list[PlanItem]]:
        index: dict[str, list[PlanItem]] = {}
        for item in self.items:
            if item.parent is not None:
                index.setdefault(item.parent, []).append(item)
        return index

    def children(self, item_id: str) -> list[PlanItem]:
        """The items whose parent is `item_id`: an appendix's rows, or an item's obligations."""
        return self._children.get(item_id, [])

    def is_obligation(self, item: PlanItem) -> bool:
        """One unit's or one period's share of an item split into obligations (an appendix row is
        a part of its item, never a share: 3.2's rows stay rows beside its periodic reports)."""
        parent = self.by_id.get(item.parent) if item.parent else None
        return parent is not None and parent.split is not None and item.kind is not ItemKind.ROW

    def find_id(self, typed: str) -> str:
        """An item as a person names it -> its ID; the one lookup of every command that takes an item.
        An ID ('1.1' -> 'task:1.1', 'duty:iv.2/so-y-te'); a number without its kind ('IV.2', 'II.3',
        'IV.2/so-y-te'), taken as the one item numbered so; or the document's numbering as tables
        show it, in either language, with or without diacritics, capitals, the unit or the period:
        'Mục 3.2', 'mục iv.2 – sở y tế (quý II/2021)', 'PL I – 6 (Sở Y tế)', 'PL II – II.12', 'PL I –
        Ghi chú 2 – Sở Y tế', 'Mục IV, đoạn cuối', 'Phụ lục I, dòng 6', 'Item 3.2', 'App. I – 6'. What
        names nothing comes back normalised, for suggest.unknown_id to explain."""
        key = normalise_id(typed)
        if key in self.by_id:
            return key
        named = self._named(typed)
        if named is not None:
            return named
        if ":" in key:
            return key
        head, slash, rest = key.partition("/")
        found = [i.id for i in self.items if i.parent is None and i.number.upper() == head.upper()]
        if len(found) == 1:
            return normalise_id(f"{found[0]}{slash}{rest}")
        return key

    @cached_property
    def _heads(self) -> list[tuple[str, str]]:
        """(head, ID) of every item that is not an obligation, by each way the document's numbering
        names it (name_heads), longest first; a head two items share names neither."""
        owners: dict[str, set[str]] = {}
        for item in self.items:
            if item.parent is None or item.kind is ItemKind.ROW:
                for head in name_heads(item, self.meta):
                    owners.setdefault(head, set()).add(item.id)
        unique = [(head, next(iter(ids))) for head, ids in owners.items() if len(ids) == 1]
        return sorted(unique, key=lambda pair: -len(pair[0]))

    def _named(self, typed: str) -> str | None:
        """The ID the document's numbering `typed` names, with its unit and period (an obligation);
        None when it is no such name."""
        for item_id, unit, paren in self._name_readings(typed):
            found = self._narrowed(self.by_id[item_id], unit, paren)
            if found is not None:
                return found
        return None

    def name_parts(self, typed: str) -> tuple[str, str | None, str | None] | None:
        """The document's numbering `typed` read as (item ID, unit part, bracket), casefolded, for
        saying why it names nothing ('Mục IV.2 – Sở': several units are 'sở'); None when `typed`
        starts with no item's number."""
        return next(iter(self._name_readings(typed)), None)

    def _name_readings(self, typed: str) -> list[tuple[str, str | None, str | None]]:
        text, plain = _name_key(typed)
        found = []
        for head, item_id in self._heads:
            if not plain.startswith(head) or plain[len(head) : len(head) + 1] not in ("", "-", "(", " "):
                continue
            suffix = _SUFFIX.match(text[len(head) :])
            if suffix is not None:
                unit = suffix["unit"].strip() if suffix["unit"] else None
                found.append((item_id, unit or None, suffix["paren"]))
        return found

    def _narrowed(self, item: PlanItem, unit: str | None, paren: str | None) -> str | None:
        """`item` narrowed by the unit and the bracket that followed its number: a row's own unit (its
        label's bracket), or an obligation's unit and period ('– Sở Y tế (quý II/2021)')."""
        period = period_code(paren) if paren else None
        if paren and period is None:
            if unit:
                return None
            unit = paren  # a row's bracket, or a unit where a period could stand
        unit = unit.strip() if unit else None
        if item.kind is ItemKind.ROW:
            if period is not None or (unit and self.registry.resolve(unit) != item.unit):
                return None
            return item.id
        if unit is None and period is None:
            return item.id
        if item.split is None:
            return None
        canonical = (self.registry.resolve(unit) or unit) if unit else None
        if canonical and not item.split.by_unit:
            return None
        return obligation_id(item.id, canonical, period)

    def periods_of(self, item_id: str) -> tuple[str, ...]:
        """The periods an item recurs in (its obligations', in document order); an obligation's are
        its item's."""
        item = self.by_id[item_id]
        root = item.parent if item.parent and self.is_obligation(item) else item_id
        return tuple(dict.fromkeys(k.period for k in self.children(root) if k.period))

    def period_of(self, item_id: str, typed: str) -> str:
        """The period of `item_id` a person names ('2021-Q2', 'quý II/2021', '6 tháng đầu năm
        2021': report_periods.period_code), as its code. Raises ProblemError (`unknown-period`,
        listing the item's periods) when the item recurs but not in that period; an item that does
        not recur gets the code back, for the caller to say why it has no such obligation."""
        code = period_code(typed) or typed.strip().upper()
        periods = self.periods_of(item_id)
        if not periods or code in periods:
            return code
        raise ProblemError(problem("unknown-period", item=item_id, period=typed.strip(), periods=periods))

    def with_progress(self, entries: Iterable[Entry]) -> Plan:
        """The same plan with another progress log."""
        return Plan(self.meta, self.registry, self.items, tuple(entries))


# --- an item as a person names it: the document's numbering ---------------------------------------------

# After an item's number: its unit ('– Sở Y tế') and a bracket (a period, or a row's unit).
_SUFFIX = re.compile(r"^(?:-(?P<unit>[^()]*?))?(?:\s*\((?P<paren>[^()]*)\))?\s*$")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def _name_key(text: str) -> tuple[str, str]:
    """A name as typed, ready to compare: the text casefolded with its dashes made '-' and its spaces
    evened out (none around '-', '/' or after '('), and the same text without diacritics (đ -> d),
    character for character (a head is found in the second, the unit after it read from the first)."""
    text = unicodedata.normalize("NFC", typed_text(text)).casefold()
    text = _DASHES.sub("-", " ".join(text.split()))
    text = re.sub(r"\s*([/-])\s*", r"\1", text).replace("( ", "(").replace(" )", ")")
    plain = "".join("d" if c == "đ" else unicodedata.normalize("NFD", c)[0] for c in text)
    return text, plain


def name_heads(item: PlanItem, meta: PlanMeta) -> tuple[str, ...]:
    """The ways the document's numbering names an item, before any unit or period, as _name_key
    leaves them: 'muc 3.2' and 'item 3.2'; a row 'pl i-6', 'phu luc i-6', 'phu luc i, dong 6', 'app.
    i-6', 'appendix i, row 6'; a note under an appendix 'pl i-ghi chu 2', 'app. i-note 2'; a paragraph
    of a section 'muc iv, doan 2', 'muc iv, doan cuoi', 'section iv, closing paragraph'. The words
    are Vietnamese, as the document writes them, and the English ones `--lang en` prints."""
    number = item.number.rstrip(").") or item.number
    if item.kind in (ItemKind.TASK, ItemKind.DUTY):
        forms = [f"{word} {n}" for word in ("mục", "item") for n in {item.number, number}]
    elif item.kind is ItemKind.ROW:
        info = meta.appendix(item.appendix)
        a = info.number if info and info.number else ""
        forms = [f"{word} {a} – {number}" for word in ("pl", "phụ lục", "app.", "app", "appendix")]
        forms += [f"phụ lục {a}, dòng {number}", f"appendix {a}, row {number}"]
    else:
        where, _dot, n = item.number.partition(".")
        info = meta.appendix(where)
        if info is not None:
            a = info.number or ""
            forms = [
                f"{word} {a} – {note} {n}"
                for word in ("pl", "phụ lục", "app.", "app", "appendix")
                for note in ("ghi chú", "note")
            ]
        elif n:
            forms = [f"mục {where}, đoạn {n}", f"section {where}, paragraph {n}"]
        else:
            forms = [f"mục {where}, đoạn cuối", f"section {where}, closing paragraph"]
    return tuple(dict.fromkeys(_name_key(form)[1] for form in forms))
