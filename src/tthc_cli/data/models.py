"""Pydantic schemas of the data files: the plan, its appendices, the unit registry, the progress log
and the reporting regime."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tthc_cli.domain.plan_files import PLAN, PROGRESS, REPORTING, UNITS, appendix_name, unit_progress_slug

RULE_PREFIX = "tthc:"


def refused(variant: str, **facts: str) -> PydanticCustomError:
    """A rule of these models broken: schema_check reports it as `invalid-value` with this variant and
    facts, worded by present/messages.py (Pydantic's own text is never shown)."""
    return PydanticCustomError(RULE_PREFIX + variant, variant, facts)


Text = Annotated[str, StringConstraints(min_length=1)]
# A name the data gives a part of itself (an appendix as in appendix_<name>.yaml, a column key).
Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
# `each_unit: true`: the item binds each unit of its lead groups separately (each writes its own plan).
EachUnit = Annotated[
    StrictBool,
    Field(
        description="true when the item binds each unit of its lead groups separately "
        "(each writes its own plan)."
    ),
]
# `standing: true`: a standing responsibility with nothing to deliver (IV.1: each head answers for the
# plan), never done and never late, left out of every count of what is done.
Standing = Annotated[
    StrictBool,
    Field(
        description="true for a standing responsibility with nothing to deliver (never done, never late; "
        "left out of the counts of what is done)."
    ),
]
# Items are numbered as the document prints them: "1", "1.1", "2.a", "II.3", "a)" (a trailing ")" or
# "." of the printed form is kept in `number`; the ID drops it).
ItemNumber = Annotated[
    str,
    StringConstraints(
        pattern=r"^(?:\d+|[IVXLC]+|[a-zđ])(?:\.(?:\d+|[IVXLC]+|[a-zđ]))*[.)]?$",
    ),
]
BlockNumber = Annotated[str, StringConstraints(pattern=r"^(?:[IVXLC]+|\d+|[A-Z])$")]
AppendixNumber = Annotated[str, StringConstraints(pattern=r"^(?:[IVXLC]+|\d+|[A-Z])$")]
Year = Annotated[int, Field(ge=2000, le=2100)]
# One e-mail address as a unit's mailbox has it (RFC 5322's dot-atom local part, a domain of at least
# two labels): no display name, no list; the unit's name is the display name of the messages.
EMAIL_PATTERN = (
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
RowNumber = Annotated[int, Field(ge=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Inference(_Model):
    """A mark on a fact the data reads rather than copies: the source does not print it where it is
    used. `basis` names where it is read from, in the document's own terms, so that outputs can say
    "suy ra từ Điều 2.1 và Mục 3.1" / "inferred from …"."""

    basis: Text = Field(
        description="Where the reading comes from, as the document numbers it, e.g. 'Điều 2.1 và Mục 3.1'."
    )


class Party(_Model):
    """Lead or coordinating units: the phrase as written and the units/groups it names."""

    text: str | None = Field(
        None, description="The phrase exactly as written; null if the source states none."
    )
    refs: list[Text] = Field(min_length=1, description="Names or aliases registered in units.yaml.")
    inferred: Inference | None = Field(
        None,
        description="Set when the item does not print these parties (text: null): they are read from "
        "`basis`, e.g. the subject of a duty taken from another article.",
    )


class Regulation(_Model):
    """The rule an office knows for a deadline the plan leaves to regulation ("Theo quy định"): not
    from the plan, so it names its legal basis."""

    text: Text = Field(description="The rule's deadline phrase, e.g. 'trước ngày 14 của tháng cuối quý'.")
    basis: Text = Field(description="Its legal basis, e.g. the decree or circular and article.")


class DeadlineSpec(_Model):
    text: str | None = Field(description="The deadline phrase exactly as written; null if none is given.")
    regulation: Regulation | None = Field(
        None, description="Added by the office, not in the plan: the rule that 'theo quy định' refers to."
    )
    tentative: StrictBool = Field(False, description='true for "Thời gian dự kiến".')
    inferred: Inference | None = Field(
        None,
        description="Set when `text` is not a deadline the source prints for the item but words of the "
        "item's own text read as one (e.g. 'thường xuyên' inside a duty's sentence).",
    )
    start: dt.date | None = Field(
        None, description="Explicit start date (YYYY-MM-DD or D/M/YYYY), only if the phrase is not enough."
    )
    due: dt.date | None = Field(
        None, description="Explicit due date (YYYY-MM-DD or D/M/YYYY), only if the phrase is not enough."
    )


# The periods a reporting phrase can name ("định kỳ quý, năm": quarter, year).
ReportPeriod = Literal["month", "quarter", "half_year", "nine_months", "year"]


class Reporting(_Model):
    """Reports an item's own words ask for, beside its deadline ("Tổng hợp báo cáo định kỳ quý, năm
    hoặc đột xuất", "báo cáo … theo quy định"): what the words say and nothing more. No day of a month
    is recorded here; the dates of periodic reports come from the reporting regime."""

    text: Text = Field(description="The item's words that ask for the reports, exactly as written.")
    periods: list[ReportPeriod] = Field(
        [], description="The periods the words name; empty when they name none ('định kỳ', 'theo quy định')."
    )
    ad_hoc: StrictBool = Field(False, description='true when the words add reports on demand ("đột xuất").')
    as_regulated: StrictBool = Field(
        False,
        description='true when the words leave the cadence and the days to regulation ("theo quy định").',
    )
    by: Party | None = Field(
        None,
        description="Who reports, when not the item's lead (for an each_unit item: each unit of its lead).",
    )
    inferred: Inference = Field(
        description="Where the reading comes from: the item's words, and any other passage it relies on."
    )


class Decision(_Model):
    """The decision (quyết định) that issues the plan, when there is one. A plan issued directly as a
    "Kế hoạch" has no decision block: its own number, date and signer sit under `plan`."""

    number: str | None = Field(description="Decision number; null while blank in the source.")
    number_text: Text
    date: dt.date | None = Field(description="Signing date; null while the day is blank in the source.")
    date_text: Text
    issuer: Text
    title: Text
    signer: Text | None = None
    signer_title: Text | None = None


class Period(_Model):
    """The time the plan covers: the calendar year by default; it may begin in December of the year
    before (a plan signed early) and may run several years ("Giai đoạn 2021-2025")."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise refused("period-reversed")
        if (self.end - self.start).days > 11 * 366:
            raise refused("period-too-long")
        return self


class PlanInfo(_Model):
    title: Text
    year: Year = Field(description="The plan's year (the first year of a multi-year plan).")
    province: Text | None = Field(
        None, description="The province whose plan this is, as officials write it, e.g. 'Hải Dương'."
    )
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = Field(
        None, description="A short stable identifier (calendar UIDs); default: province and year."
    )
    period: Period | None = Field(None, description="Default: 1 January to 31 December of `year`.")
    # For a plan issued directly (no decision block): its own number, date and signer, when known.
    number: str | None = None
    number_text: Text | None = None
    date: dt.date | None = None
    date_text: Text | None = None
    issuer: Text | None = None
    signer: Text | None = None
    signer_title: Text | None = None


class Section(_Model):
    """A top-level section heading as printed ("II. NỘI DUNG CÔNG VIỆC"); `holds` says which list of
    items it contains."""

    number: Text
    title: Text
    holds: Literal["tasks", "duties"] | None = None


class Grouping(_Model):
    number: ItemNumber
    title: Text


class Task(_Model):
    number: ItemNumber
    grouping: ItemNumber | None = None
    title: Text
    short_title: Text | None = Field(
        None, description="A short name the office writes for reports (not in the source)."
    )
    content: list[Text] = []
    lead: Party
    support: Party | None = None
    deadline: DeadlineSpec
    deliverable: Text | None = None
    notes: list[Text] = []
    each_unit: EachUnit = False
    standing: Standing = False
    appendix: Name | None = Field(
        None, description="The appendix (appendix_<name>.yaml) that details this item."
    )
    reporting: Reporting | None = Field(None, description="Reports the item's own words ask for.")


class Duty(_Model):
    number: ItemNumber
    text: Text
    short_title: Text | None = None
    lead: Party
    support: Party | None = None
    deadline: DeadlineSpec | None = None
    notes: list[Text] = []
    each_unit: EachUnit = False
    standing: Standing = False
    reporting: Reporting | None = Field(None, description="Reports the item's own words ask for.")


class Obligation(_Model):
    """An unnumbered paragraph that obliges units: a note under an appendix ("Ghi chú 2"), or the
    closing paragraph of a section. Its ID is note:<where>[.<number>]."""

    where: Annotated[str, StringConstraints(pattern=r"^(?:[IVXLC]+|\d+|[a-z][a-z0-9_]*)$")] = Field(
        description="The section number (IV) or the appendix name (review) it stands in."
    )
    number: Annotated[str, StringConstraints(pattern=r"^\d+$")] | None = Field(
        None, description="Its number as printed (Ghi chú 2 -> 2); null when unnumbered."
    )
    text: Text
    lead: Party
    support: Party | None = None
    deadline: DeadlineSpec | None = None
    each_unit: EachUnit = False
    standing: Standing = False
    reporting: Reporting | None = Field(None, description="Reports the item's own words ask for.")


class PlanFile(_Model):
    decision: Decision | None = None
    plan: PlanInfo
    sections: list[Section] = []
    groupings: list[Grouping] = []
    tasks: list[Task] = Field(min_length=1)
    duties: list[Duty] = []
    obligations: list[Obligation] = Field(
        [], description="Unnumbered paragraphs that oblige units (closing paragraphs, appendix notes)."
    )


class Column(_Model):
    """A column of an appendix table as printed: `key` names the row field it shows (unit, text,
    domains, deadline, note, or a free column kept under each row's `cells`)."""

    key: Name
    title: Text


class AppendixRow(_Model):
    stt: RowNumber
    unit: Text
    text: Text | None = None
    domains: list[Text] = []
    deadline: DeadlineSpec | None = Field(
        None, description="The row's own deadline; without it the row runs in its item's window."
    )
    note: Text | None = None
    cells: dict[Name, Text] = Field({}, description="Free columns, keyed as declared under `columns`.")


class RowNote(_Model):
    text: Text
    rows: Annotated[list[RowNumber], Field(min_length=2, max_length=2)] = Field(
        description="First and last row the note covers (it stood in a merged cell)."
    )
    inferred: StrictBool = Field(
        False,
        description="true when the span is read off a merged cell's layout rather than printed.",
    )
    basis: Text | None = Field(
        None,
        description="With inferred: true, where the span is read from (e.g. the row the note is printed on).",
    )


class AppendixBlock(_Model):
    block: BlockNumber
    title: Text
    rows: list[AppendixRow] = Field(min_length=1)
    notes: list[RowNote] = []


class AppendixFile(_Model):
    """One appendix (phụ lục): a table of rows, flat or in blocks. Its rows' IDs are
    <name>:<stt> or <name>:<block>.<stt>, where the file is appendix_<name>.yaml."""

    number: AppendixNumber | None = Field(None, description='"I" for "Phụ lục I"; null if unnumbered.')
    title: Text
    task: ItemNumber | None = Field(None, description="The item this appendix details.")
    unit_role: Literal["lead", "inspected"] = Field(
        "lead",
        description="lead: each row's unit does the row's work; inspected: the item's lead inspects it.",
    )
    columns: list[Column] = []
    rows: list[AppendixRow] = []
    blocks: list[AppendixBlock] = []
    notes: list[Text] = []

    @model_validator(mode="after")
    def _rows_or_blocks(self) -> AppendixFile:
        if bool(self.rows) == bool(self.blocks):
            raise refused("rows-or-blocks")
        return self


# The unit types of the genre. Provincial: office (Văn phòng UBND), centre, department (sở), board
# (ban), portal, media; central agencies located in the province (Công an tỉnh, BHXH tỉnh, Cục Thuế,
# Kho bạc); district level: city (thành phố), town (thị xã), district (huyện), urban_district (quận);
# commune level: commune (xã), ward (phường), township (thị trấn); mass organisations; enterprises.
UnitType = Literal[
    "office",
    "centre",
    "department",
    "board",
    "portal",
    "media",
    "central",
    "city",
    "town",
    "district",
    "urban_district",
    "commune",
    "ward",
    "township",
    "mass_org",
    "enterprise",
    "other",
]
GroupKind = Literal["listed", "collective", "appendix", "open"]


class Unit(_Model):
    name: Text
    type: UnitType
    aliases: list[Text] = []
    part_of: Text | None = None
    requires_type: StrictBool = Field(
        False, description="Match only when the type is typed too (a bare 'Hải Dương' is the province)."
    )
    inferred_part_of: Inference | None = Field(
        None, description="Set when the source does not print `part_of`: where the relation is read from."
    )
    email: Email | None = Field(
        None,
        description="Where `tthc remind` sends the unit's reminders: one address, "
        "e.g. vanthu.syt@haiduong.gov.vn.",
    )


class InferredMember(_Model):
    """A group member (also listed under `members`) whose membership the source does not print."""

    name: Text = Field(description="The member, as written under `members`.")
    basis: Text = Field(description="Where the membership is read from, as the document numbers it.")


class Group(_Model):
    name: Text
    kind: GroupKind
    aliases: list[Text] = []
    members: list[Text] = []
    scope: list[Text] | None = None
    appendix: Name | None = Field(
        None, description="kind 'appendix': the appendix (appendix_<name>.yaml) whose units are the members."
    )
    inferred_members: list[InferredMember] = Field(
        [], description="Members (each also under `members`) that the source does not name as such."
    )
    inferred_closure: Inference | None = Field(
        None,
        description="kind 'listed': set when the source does not say the list is complete; where the "
        "reading that it is comes from.",
    )

    @model_validator(mode="after")
    def _members_fit_kind(self) -> Group:
        if self.kind == "listed" and not self.members:
            raise refused("group-needs-members")
        if self.kind in ("appendix", "open") and self.members:
            raise refused("group-takes-no-members", kind=self.kind)
        if (self.kind == "appendix") != (self.appendix is not None):
            raise refused("group-appendix")
        if self.scope is not None and self.kind != "open":
            raise refused("group-scope")
        return self


class UnitsFile(_Model):
    province: Text | None = Field(
        None, description="The province the registry serves: a bare province name means the province."
    )
    units: list[Unit] = Field(min_length=1)
    groups: list[Group] = []


ProgressStatus = Literal["started", "done", "reopened", "note"]


class ProgressEntry(_Model):
    """One dated report of progress on one item. The log is append-only: to undo 'done', append
    'reopened'."""

    id: Text = Field(description="Item ID: task:1.1 (or 1.1), duty:IV.2, review:6, inspection:II.3.")
    date: dt.date = Field(description="When it happened (YYYY-MM-DD or D/M/YYYY).")
    status: ProgressStatus = Field(description="started, done, reopened, or note (a remark only).")
    unit: Text | None = Field(
        None, description="For an item that binds each unit separately: whose obligation this is."
    )
    period: Text | None = Field(
        None, description="For a recurring item: which occurrence (2021-Q2, 2021-M03, 2021-H1, 2021)."
    )
    note: Text | None = None
    evidence: Text | None = Field(None, description="E.g. the number of the document that delivered it.")
    by: Text | None = Field(None, description="Who reported it.")


class ProgressFile(_Model):
    entries: list[ProgressEntry] | None = None


# --- reporting.yaml: the periodic reporting regime (domain/reporting.py) ----------------------------


class Sourced(_Model):
    """A fact of the regime and where it comes from: `basis` (the text and article, as officials cite
    it), or `assumption: true` for what could not be checked against a text (data/reporting_file.py
    requires one or the other), and a `note` on what is known."""

    basis: Text | None = Field(
        None, description="Where the fact comes from, e.g. 'Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2'."
    )
    assumption: StrictBool = Field(
        False, description="true when the fact could not be checked against a text: shown as an assumption."
    )
    note: Text | None = Field(None, description="What is known and what is not (the wording's source, why).")


class RegimePhrase(Sourced):
    """A phrase of the regime, as its text writes it, read by the deadline grammar in each period."""

    text: Text = Field(description="E.g. 'Trong 02 ngày làm việc kể từ ngày chốt số liệu'.")


RegimePeriod = Literal["month", "quarter", "half_year", "nine_months", "year", "ad_hoc"]


class RegimeReport(Sourced):
    """One report of a rule: its period and data window (its basis backs both); an ad hoc report has
    no window (its cut-off and deadline are set when it is asked for)."""

    period: RegimePeriod = Field(description="month, quarter, half_year, nine_months, year, or ad_hoc.")
    window: Text | None = Field(
        None,
        description="The data window as the regime writes it, e.g. 'Tính từ ngày 15 của tháng trước kỳ báo "
        "cáo đến ngày 14 của tháng cuối quý thuộc kỳ báo cáo'; its last day is the cut-off.",
    )
    title: Text | None = None
    owed: StrictBool = Field(
        True,
        description="false when the regime defines the window but no one is known to owe this report "
        "(items whose words name the period still owe it).",
    )


class RegimeFlow(Sourced):
    """Who reports to whom (its basis backs the route), and by when (`send`, with its own source)."""

    by: list[Text] = Field(min_length=1, description="Units or groups registered in units.yaml.")
    to: Text = Field(description="Who receives the reports, as written, e.g. 'Văn phòng UBND tỉnh'.")
    send: RegimePhrase = Field(description="The send-by date, read in each period from its cut-off.")


class RegimeRule(Sourced):
    """The regime from a date on: a new circular or decision is a new rule (its basis backs `from`)."""

    from_: dt.date | None = Field(
        None,
        alias="from",
        description="The day the rule takes effect; it governs the periods whose cut-off falls on or after "
        "it. Only the first rule may leave it out.",
    )
    title: Text
    reports: list[RegimeReport] = Field(min_length=1)
    flows: list[RegimeFlow] = []


class ReportingFile(_Model):
    """reporting.yaml: the periodic reporting regime of the plan's province, rule by rule."""

    title: Text
    rules: list[RegimeRule] = Field(min_length=1)


# The model of each data file (file names are declared once, in domain/plan_files.py).
FILE_MODELS: dict[str, type[BaseModel]] = {
    PLAN: PlanFile,
    UNITS: UnitsFile,
    PROGRESS: ProgressFile,
    REPORTING: ReportingFile,
}
# The JSON Schema written for each kind of file (schemas/<name>.schema.json); every appendix_*.yaml
# shares the appendix schema.
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanFile,
    "appendix": AppendixFile,
    "units": UnitsFile,
    "progress": ProgressFile,
    "reporting": ReportingFile,
}


def model_for(file_name: str) -> type[BaseModel] | None:
    """The model a data file is validated with; None for a file that is not a tthc data file."""
    if appendix_name(file_name) is not None:
        return AppendixFile
    if unit_progress_slug(file_name) is not None:
        return ProgressFile  # one unit's own log (progress/<slug>.yaml): the same shape
    return FILE_MODELS.get(file_name)


def schema_name(file_name: str) -> str | None:
    """'appendix_review.yaml' -> 'appendix'; 'plan.yaml' -> 'plan'."""
    if appendix_name(file_name) is not None:
        return "appendix"
    stem = file_name.removesuffix(".yaml")
    return stem if stem in SCHEMA_MODELS else None
