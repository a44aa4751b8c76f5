"""Pydantic schemas of the data files: the plan, its two appendices and the unit registry."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(min_length=1)]
TaskNumber = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)*$")]
DutyNumber = Annotated[str, StringConstraints(pattern=r"^[IVX]+\.\d+$")]
BlockNumber = Annotated[str, StringConstraints(pattern=r"^[IVX]+$")]
Year = Annotated[int, Field(ge=2000, le=2100)]
RowNumber = Annotated[int, Field(ge=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Model):
    """Lead or coordinating units: the phrase as written and the units/groups it names."""

    text: str | None = Field(
        None, description="The phrase exactly as written; null if the source states none."
    )
    refs: list[Text] = Field(min_length=1, description="Names or aliases registered in units.yaml.")


class DeadlineSpec(_Model):
    text: str | None = Field(description="The deadline phrase exactly as written; null if none is given.")
    tentative: StrictBool = Field(False, description='true for "Thời gian dự kiến".')
    start: dt.date | None = Field(
        None, description="Explicit start date (YYYY-MM-DD), only if the phrase is not enough."
    )
    due: dt.date | None = Field(
        None, description="Explicit due date (YYYY-MM-DD), only if the phrase is not enough."
    )


class Decision(_Model):
    number: str | None = Field(description="Decision number; null while blank in the source.")
    number_text: Text
    date: dt.date | None = Field(description="Signing date; null while the day is blank in the source.")
    date_text: Text
    issuer: Text
    title: Text
    signer: Text
    signer_title: Text


class PlanInfo(_Model):
    title: Text
    year: Year


class Grouping(_Model):
    number: TaskNumber
    title: Text


class Task(_Model):
    number: TaskNumber
    grouping: TaskNumber | None = None
    title: Text
    content: list[Text] = []
    lead: Party
    support: Party | None = None
    deadline: DeadlineSpec
    deliverable: Text | None = None
    appendix: Literal["review", "inspection"] | None = None


class Duty(_Model):
    number: DutyNumber
    text: Text
    lead: Party
    support: Party | None = None
    deadline: DeadlineSpec | None = None


class PlanFile(_Model):
    decision: Decision
    plan: PlanInfo
    groupings: list[Grouping] = []
    tasks: list[Task] = Field(min_length=1)
    duties: list[Duty] = []


class ReviewRow(_Model):
    stt: RowNumber
    unit: Text
    text: Text
    domains: list[Text] = Field(min_length=1)
    deadline: DeadlineSpec


class ReviewFile(_Model):
    title: Text
    task: TaskNumber
    rows: list[ReviewRow] = Field(min_length=1)
    notes: list[Text] = []


class InspectionRow(_Model):
    stt: RowNumber
    unit: Text


class InspectionNote(_Model):
    text: Text
    rows: Annotated[list[RowNumber], Field(min_length=2, max_length=2)] = Field(
        description="First and last row the note covers (it stood in a merged cell)."
    )


class InspectionBlock(_Model):
    block: BlockNumber
    title: Text
    rows: list[InspectionRow] = Field(min_length=1)
    notes: list[InspectionNote] = []


class InspectionFile(_Model):
    title: Text
    task: TaskNumber
    blocks: list[InspectionBlock] = Field(min_length=1)


UnitType = Literal["office", "centre", "department", "board", "portal", "media", "city", "town", "district"]
GroupKind = Literal["listed", "collective", "review", "inspection", "open"]


class Unit(_Model):
    name: Text
    type: UnitType
    aliases: list[Text] = []
    part_of: Text | None = None
    requires_type: StrictBool = Field(
        False, description="Match only when the type is typed too (a bare 'Hải Dương' is the province)."
    )


class Group(_Model):
    name: Text
    kind: GroupKind
    aliases: list[Text] = []
    members: list[Text] = []
    scope: list[Text] | None = None

    @model_validator(mode="after")
    def _members_fit_kind(self) -> Group:
        if self.kind == "listed" and not self.members:
            raise ValueError("a 'listed' group needs members")
        if self.kind in ("review", "inspection", "open") and self.members:
            raise ValueError(f"a '{self.kind}' group takes no members (they are derived or open-ended)")
        if self.scope is not None and self.kind != "open":
            raise ValueError("only an 'open' group takes a scope")
        return self


class UnitsFile(_Model):
    units: list[Unit] = Field(min_length=1)
    groups: list[Group] = []


ProgressStatus = Literal["started", "done", "reopened", "note"]


class ProgressEntry(_Model):
    """One dated report of progress on one item. The log is append-only: to undo 'done', append
    'reopened'."""

    id: Text = Field(description="Item ID: task:1.1 (or 1.1), duty:IV.2, review:6, inspection:II.3.")
    date: dt.date = Field(description="When it happened (YYYY-MM-DD).")
    status: ProgressStatus = Field(description="started, done, reopened, or note (a remark only).")
    note: Text | None = None
    evidence: Text | None = Field(None, description="E.g. the number of the document that delivered it.")
    by: Text | None = Field(None, description="Who reported it.")


class ProgressFile(_Model):
    entries: list[ProgressEntry] | None = None


DATA_FILES: dict[str, type[BaseModel]] = {
    "plan.yaml": PlanFile,
    "appendix_review.yaml": ReviewFile,
    "appendix_inspection.yaml": InspectionFile,
    "units.yaml": UnitsFile,
}
# Validated with the rest when present; a missing one means no progress recorded yet.
OPTIONAL_FILES: dict[str, type[BaseModel]] = {"progress.yaml": ProgressFile}
ALL_FILES: dict[str, type[BaseModel]] = {**DATA_FILES, **OPTIONAL_FILES}
