"""The plan as one list of items with stable IDs: tasks, duties, Phụ lục I rows and Phụ lục II rows."""

from __future__ import annotations

import re

from .records import Record
from .textnorm import typed

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Literal

    from .deadlines import Deadline
    from .units import Registry

    ItemKind = Literal["task", "duty", "review", "inspection"]

KINDS: tuple[ItemKind, ...] = ("task", "duty", "review", "inspection")
KIND_LABELS = {"task": "Nhiệm vụ", "duty": "Mục IV", "review": "Rà soát PL I", "inspection": "Kiểm tra PL II"}

PLAN, REVIEW, INSPECTION, UNITS = (
    "plan.yaml",
    "appendix_review.yaml",
    "appendix_inspection.yaml",
    "units.yaml",
)
PROGRESS = "progress.yaml"
REQUIRED_FILES = (PLAN, REVIEW, INSPECTION, UNITS)
ALL_FILE_NAMES = (*REQUIRED_FILES, PROGRESS)  # progress.yaml may be absent


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
    "source",
)


class PlanItem(Record):
    """One item with a stable ID. `lead`/`support` hold canonical unit or group names; `parent` is the
    task an appendix row belongs to; `appendix` (tasks) names the appendix that details them; `unit` is
    an appendix row's unit (canonical), `unit_text` as written; `source` is (file, field path)."""

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
    ) -> None:
        self.year = year
        self.registry = registry
        self.items: list[PlanItem] = items or []
        self.progress: list[Entry] = progress or []
        self.by_id: dict[str, PlanItem] = {}
        self.index()

    def children(self, item_id: str) -> list[PlanItem]:
        return [i for i in self.items if i.parent == item_id]

    def index(self) -> None:
        self.by_id = {}
        for item in self.items:
            self.by_id.setdefault(item.id, item)


_TASK_ID = re.compile(r"^\d+(?:\.\d+)*$")


def normalise_id(text: str) -> str:
    """What a person types -> an ID: '1.1' and 'Task:1.1' -> 'task:1.1'; 'duty:iv.1' -> 'duty:IV.1'."""
    # Invisible characters pasted along with an ID are dropped, not allowed to make it another ID.
    text = typed(text)
    if _TASK_ID.match(text):
        return f"task:{text}"
    kind, sep, rest = text.partition(":")
    if not sep:
        return text
    kind = kind.strip().lower()
    rest = rest.strip()
    if kind in ("duty", "inspection"):
        head, dot, tail = rest.partition(".")
        rest = head.upper() + dot + tail
    return f"{kind}:{rest}"
