"""The plan as one list of items with stable IDs: tasks, duties and appendix rows, the progress log
and what the document says about itself (title, period, sections, appendices). The IDs are made in
item_ids.py, the data file names declared in plan_files.py."""

from __future__ import annotations

import re

from tthc_cli.domain.records import Record
from tthc_cli.i18n import _, pgettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from tthc_cli.domain.deadlines import Deadline
    from tthc_cli.domain.units import Registry

    ItemKind = str  # "task", "duty", or an appendix's name

# Item kinds: the plan's own numbered items, then one kind per appendix, named after its file
# (appendix_review.yaml -> review:<stt>). The 2021 plan has exactly these four.
KINDS: tuple[str, ...] = ("task", "duty", "review", "inspection")


class AppendixInfo(Record):
    """What the document says about one appendix: its number ("I" of "Phụ lục I"), title, the item it
    details, whether its units lead their rows or are inspected, and its declared columns."""

    __slots__ = ("columns", "name", "number", "task", "title", "unit_role")

    def __init__(
        self,
        name: str,
        number: str | None,
        title: str,
        task: str | None,
        unit_role: str = "lead",
        columns: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.name = name
        self.number = number
        self.title = title
        self.task = task
        self.unit_role = unit_role
        self.columns = columns

    @property
    def label(self) -> str:
        """How officials name it: "Phụ lục I", or "Phụ lục" for a single unnumbered one."""
        return f"Phụ lục {self.number}" if self.number else "Phụ lục"


class PlanMeta(Record):
    """The document around the items: titles, province, period, issuer; section headings by what they
    hold ("tasks", "duties"); the appendices in document order."""

    __slots__ = (
        "appendices",
        "document_kind",
        "issuer",
        "number_text",
        "period_end",
        "period_start",
        "plan_id",
        "province",
        "sections",
        "signer",
        "title",
        "year",
    )

    def __init__(
        self,
        title: str,
        year: int,
        province: str | None = None,
        plan_id: str | None = None,
        period_start: date | None = None,
        period_end: date | None = None,
        document_kind: str = "plan",
        number_text: str | None = None,
        issuer: str | None = None,
        signer: str | None = None,
        sections: dict[str, tuple[str, str]] | None = None,
        appendices: tuple[AppendixInfo, ...] = (),
    ) -> None:
        from datetime import date as _date

        self.title = title
        self.year = year
        self.province = province
        self.plan_id = plan_id or default_plan_id(province, year)
        self.period_start = period_start or _date(year, 1, 1)
        self.period_end = period_end or _date(year, 12, 31)
        self.document_kind = document_kind
        self.number_text = number_text
        self.issuer = issuer
        self.signer = signer
        self.sections = sections or {}
        self.appendices = appendices

    def appendix(self, name: str) -> AppendixInfo | None:
        return next((a for a in self.appendices if a.name == name), None)

    @property
    def kinds(self) -> tuple[str, ...]:
        return ("task", "duty", *(a.name for a in self.appendices), "note")

    @property
    def short_title(self) -> str:
        """ "Kế hoạch 2021 – Hải Dương": for table titles and calendar names."""
        return _("Plan {year}").format(year=self.year) + (f" – {self.province}" if self.province else "")

    def kind_labels(self) -> dict[str, str]:
        """Short labels of each kind, as the document names its parts: "Nhiệm vụ", "Mục IV" (the
        section holding the duties), "PL I" (an appendix) — in the reader's language."""
        duties = self.sections.get("duties")
        labels = {
            "task": pgettext("kind", "Task"),
            "duty": pgettext("kind", "Section {number}").format(number=duties[0])
            if duties
            else pgettext("kind", "Responsibilities"),
        }
        for a in self.appendices:
            labels[a.name] = (
                pgettext("kind", "App. {number}").format(number=a.number)
                if a.number
                else pgettext("kind", "Appendix")
            )
        labels["note"] = pgettext("kind", "Note, paragraph")
        return labels

    def check_kinds(self, kinds: Iterable[str]) -> list[str]:
        """The kinds asked for that this plan does not have."""
        return [k for k in kinds if k not in self.kinds]


def default_plan_id(province: str | None, year: int) -> str:
    """'Hải Dương', 2021 -> 'hai-duong-2021': folded to ASCII so calendar UIDs stay portable."""
    import unicodedata

    if not province:
        return f"plan-{year}"
    text = "".join(c for c in unicodedata.normalize("NFD", province) if not unicodedata.combining(c))
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return f"{slug or 'plan'}-{year}"


_ITEM_FIELDS = (
    "id",
    "kind",
    "number",
    "title",
    "lead",
    "support",
    "deadline",
    "lead_text",
    "support_text",
    "deliverable",
    "content",
    "grouping",
    "parent",
    "appendix",
    "domains",
    "unit",
    "unit_text",
    "block",
    "block_title",
    "note",
    "short_title",
    "notes",
    "cells",
    "unit_role",
    "period",
    "split",
    "regulation",
    "source",
)


class PlanItem(Record):
    """One item with a stable ID. `lead`/`support` hold canonical unit or group names; `parent` is the
    task an appendix row belongs to; `appendix` (tasks) names the appendix that details them; `unit` is
    an appendix row's unit (canonical), `unit_text` as written, `unit_role` "lead" (the unit does the
    row's work) or "inspected" (the parent's lead inspects it); `source` is (file, field path).

    Obligations: an item that binds each unit of its lead groups separately, or recurs, is `split`
    ("unit", "period" or "unit+period") into child items, one per unit and/or occurrence, whose
    `parent` is the item and whose `unit`/`period` say whose and which; progress is recorded on them."""

    __slots__ = _ITEM_FIELDS

    def __init__(
        self,
        id: str,
        kind: ItemKind,
        number: str,
        title: str,
        lead: tuple[str, ...],
        support: tuple[str, ...],
        deadline: Deadline,
        lead_text: str | None = None,
        support_text: str | None = None,
        deliverable: str | None = None,
        content: tuple[str, ...] = (),
        grouping: str | None = None,
        parent: str | None = None,
        appendix: str | None = None,
        domains: tuple[str, ...] = (),
        unit: str | None = None,
        unit_text: str | None = None,
        block: str | None = None,
        block_title: str | None = None,
        note: str | None = None,
        short_title: str | None = None,
        notes: tuple[str, ...] = (),
        cells: tuple[tuple[str, str], ...] = (),
        unit_role: str | None = None,
        period: str | None = None,
        split: str | None = None,
        regulation: tuple[str, str] | None = None,
        source: tuple[str, tuple[str | int, ...]] = ("", ()),
    ) -> None:
        self.id = id
        self.kind = kind
        self.number = number
        self.title = title
        self.lead = lead
        self.support = support
        self.deadline = deadline
        self.lead_text = lead_text
        self.support_text = support_text
        self.deliverable = deliverable
        self.content = content
        self.grouping = grouping
        self.parent = parent
        self.appendix = appendix
        self.domains = domains
        self.unit = unit
        self.unit_text = unit_text
        self.block = block
        self.block_title = block_title
        self.note = note
        self.short_title = short_title
        self.notes = notes
        self.cells = cells
        self.unit_role = unit_role
        self.period = period
        self.split = split
        self.regulation = regulation
        self.source = source


class Entry(Record):
    """One progress-log entry, its ID in canonical form ("1.1" -> "task:1.1"); `status` is started,
    done, reopened or note."""

    __slots__ = ("by", "date", "evidence", "id", "note", "status")

    def __init__(
        self,
        id: str,
        date: date,
        status: str,
        note: str | None = None,
        evidence: str | None = None,
        by: str | None = None,
    ) -> None:
        self.id = id
        self.date = date
        self.status = status
        self.note = note
        self.evidence = evidence
        self.by = by


class Plan:
    """The plan as the queries see it: items, the unit registry and the progress log (in file order).
    Built from the validated files, or read back from the compiled cache without YAML or Pydantic."""

    def __init__(
        self,
        year: int,
        registry: Registry,
        items: list[PlanItem] | None = None,
        progress: list[Entry] | None = None,
        meta: PlanMeta | None = None,
    ) -> None:
        self.year = year
        self.meta = meta or PlanMeta(title=f"Kế hoạch {year}", year=year)
        self.registry = registry
        self.items: list[PlanItem] = items or []
        self.progress: list[Entry] = progress or []
        self.by_id: dict[str, PlanItem] = {}
        self.index()

    def find_id(self, typed: str) -> str:
        """What a person typed -> the ID of an item of this plan: normalised ('1.1' -> 'task:1.1'),
        and a number without its kind ('IV.2', 'II.3') taken as the one item numbered so."""
        from tthc_cli.domain.item_ids import normalise_id  # lazily: the fast path never looks an ID up

        key = normalise_id(typed)
        if key in self.by_id or ":" in key:
            return key
        head, slash, rest = key.partition("/")
        found = [i.id for i in self.items if i.parent is None and i.number.upper() == head.upper()]
        if len(found) == 1:
            return normalise_id(f"{found[0]}{slash}{rest}")
        return key

    def is_obligation(self, item: PlanItem) -> bool:
        """One unit's or one period's share of an item split into obligations."""
        parent = self.by_id.get(item.parent) if item.parent else None
        return parent is not None and parent.split is not None

    def children(self, item_id: str) -> list[PlanItem]:
        return [i for i in self.items if i.parent == item_id]

    def index(self) -> None:
        self.by_id = {}
        for item in self.items:
            self.by_id.setdefault(item.id, item)
