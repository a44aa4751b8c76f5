"""The plan published as one SQLite file for Datasette: its items, obligations, units, groups and
memberships, the progress log, every item's status on a date and every unit's figures, with keys
between them, full-text search on the items' words (FTS5), ISO dates; and the Datasette metadata that
titles and describes every table and column in the reader's language and holds the office's canned
queries. Every table is declared once below (TABLES): the SQL, the column descriptions of the
metadata and the rows written all follow that declaration.

The figures are the accountability model's (domain/accountability.py), worked out by tthc, never
again in SQL: the canned queries only count and group rows tthc wrote (a status's `done`, an
assignment's `own`), so they give the numbers `tthc unit`, `tthc missing` and the report give.
Written with the standard library's sqlite3 into memory, then handed over as bytes for the caller to
write completely or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tthc_cli import __version__
from tthc_cli.domain.accountability import Assignment, all_assignments, is_rollup, unit_figures
from tthc_cli.domain.calendar import iso_date
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.status import ItemStatus
from tthc_cli.domain.units import GroupKind
from tthc_cli.i18n import N_, _
from tthc_cli.present.contracts import figures_to_dict
from tthc_cli.present.labels import (
    dmy,
    entry_status_label,
    group_kind_label,
    item_label,
    item_title,
    kind_labels,
    period_words,
    plan_title,
    role_label,
    status_label,
    unit_type_label,
)

# --- the tables, declared once ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its name, its SQL type and constraints, and what it holds (a msgid)."""

    name: str
    sql: str
    description: str


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its name, title and description (msgids), columns, the SQL after the columns (keys),
    and the column Datasette shows for a row that another table points to."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    keys: tuple[str, ...] = ()
    label_column: str | None = None

    def create(self) -> str:
        parts = [f"{c.name} {c.sql}" for c in self.columns] + list(self.keys)
        return f"CREATE TABLE {self.name} (\n  " + ",\n  ".join(parts) + "\n)"

    def insert(self) -> str:
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {self.name} VALUES ({marks})"


C = Column
ISO = N_("(YYYY-MM-DD)")

TABLES: tuple[Table, ...] = (
    Table(
        "plan",
        N_("The plan"),
        N_("The document followed up, and the date every status and figure is judged on."),
        (
            C("id", "TEXT PRIMARY KEY", N_("The plan's identifier (province and year).")),
            C("title", "TEXT NOT NULL", N_("The plan's title as the document prints it.")),
            C("province", "TEXT", N_("The province.")),
            C("year", "INTEGER NOT NULL", N_("The plan's year.")),
            C("period_start", "TEXT NOT NULL", N_("First day of the plan period")),
            C("period_end", "TEXT NOT NULL", N_("Last day of the plan period")),
            C("number", "TEXT", N_("The document's number and symbol.")),
            C("issuer", "TEXT", N_("Who issued the document.")),
            C("as_of", "TEXT NOT NULL", N_("The day statuses and figures are judged on")),
            C("warn_days", "INTEGER NOT NULL", N_("Days before the due date an item counts as 'due soon'.")),
            C("written_by", "TEXT NOT NULL", N_("The program that wrote this file, and its version.")),
        ),
        label_column="title",
    ),
    Table(
        "units",
        N_("Units"),
        N_("Every unit the plan names (the registry, units.yaml)."),
        (
            C("name", "TEXT PRIMARY KEY", N_("The unit's name as the registry writes it.")),
            C("type", "TEXT NOT NULL", N_("The unit's type (code).")),
            C("type_label", "TEXT NOT NULL", N_("The unit's type.")),
            C("aliases", "TEXT", N_("Other names the plan uses for it, separated by '; '.")),
            C("part_of", "TEXT REFERENCES units(name)", N_("The unit it is part of.")),
            C(
                "part_of_basis",
                "TEXT",
                N_("Where 'part of' is read from, when the source does not print it."),
            ),
            C("email", "TEXT", N_("Where reminders are sent.")),
        ),
        label_column="name",
    ),
    Table(
        "groups",
        N_("Groups"),
        N_(
            "The groups the plan assigns work to ('các sở, ban, ngành', 'UBND cấp huyện' …): listed, the "
            "units of an appendix, a class not listed in full, or open-ended."
        ),
        (
            C("name", "TEXT PRIMARY KEY", N_("The group's name as the registry writes it.")),
            C("kind", "TEXT NOT NULL", N_("The group's kind (code): listed, appendix, collective, open.")),
            C("kind_label", "TEXT NOT NULL", N_("The group's kind.")),
            C("aliases", "TEXT", N_("Other names the plan uses for it, separated by '; '.")),
            C("appendix", "TEXT", N_("For the units of an appendix: the appendix.")),
            C(
                "complete",
                "INTEGER NOT NULL",
                N_("1 when its members are all listed; 0 when others may belong."),
            ),
            C("closure_basis", "TEXT", N_("Where the reading that the list is complete comes from.")),
        ),
        label_column="name",
    ),
    Table(
        "memberships",
        N_("Memberships"),
        N_(
            "Who belongs to each group, directly or through a group inside it; an open-ended group's "
            "possible members are marked not definite."
        ),
        (
            C("group_name", "TEXT NOT NULL REFERENCES groups(name)", N_("The group.")),
            C("member", "TEXT NOT NULL", N_("The member: a unit or a group.")),
            C("unit", "TEXT REFERENCES units(name)", N_("The member, when it is a unit.")),
            C("subgroup", "TEXT REFERENCES groups(name)", N_("The member, when it is a group.")),
            C(
                "direct",
                "INTEGER NOT NULL",
                N_("1 when the group names it itself; 0 when it belongs through a group inside it."),
            ),
            C(
                "definite",
                "INTEGER NOT NULL",
                N_("1 when it certainly belongs; 0 when an open-ended group may concern it."),
            ),
            C("basis", "TEXT", N_("Where the membership is read from, when the source does not print it.")),
        ),
        ("PRIMARY KEY (group_name, member)",),
    ),
    Table(
        "items",
        N_("Items"),
        N_(
            "Every item of the plan: tasks, duties, obliging paragraphs, appendix rows, and the "
            "obligations an item is split into (one per unit or period)."
        ),
        (
            C("id", "TEXT PRIMARY KEY", N_("The item's ID (task:3.2, duty:IV.2/so-y-te).")),
            C("position", "INTEGER NOT NULL UNIQUE", N_("Its place in the document.")),
            C(
                "label",
                "TEXT NOT NULL",
                N_("The item as the document numbers it (Mục 3.2, PL I – 6 (Sở Y tế))."),
            ),
            C("kind", "TEXT NOT NULL", N_("The kind (code): task, duty, note, or the appendix's name.")),
            C("kind_label", "TEXT NOT NULL", N_("The kind, as tables name it.")),
            C("number", "TEXT NOT NULL", N_("The number the document prints.")),
            C("title", "TEXT NOT NULL", N_("The item's text as the document prints it.")),
            C("short_title", "TEXT NOT NULL", N_("The office's short title, else the text cut at a word.")),
            C("content", "TEXT", N_("The item's further content, one line each.")),
            C("deliverable", "TEXT", N_("What it delivers (the evidence expected).")),
            C("lead", "TEXT", N_("Who leads it (canonical names, separated by '; ').")),
            C("lead_text", "TEXT", N_("Who leads it, as written.")),
            C("support", "TEXT", N_("Who coordinates (canonical names, separated by '; ').")),
            C("support_text", "TEXT", N_("Who coordinates, as written.")),
            C("deadline_text", "TEXT", N_("The deadline as written.")),
            C("deadline_kind", "TEXT NOT NULL", N_("How the deadline reads (code).")),
            C("start", "TEXT", N_("Start date")),
            C("due", "TEXT", N_("Due date as written")),
            C(
                "effective_due",
                "TEXT",
                N_("Effective due date: a weekend or holiday moves it to the next working day"),
            ),
            C("tentative", "INTEGER NOT NULL", N_("1 for a tentative date ('dự kiến').")),
            C("parent", "TEXT REFERENCES items(id)", N_("The item this one is a part of.")),
            C("appendix", "TEXT", N_("The appendix it belongs to (a row) or that details it (a task).")),
            C("unit", "TEXT", N_("A row's unit, or the unit (or class) an obligation is owed by.")),
            C("unit_role", "TEXT", N_("A row's unit leads it (lead) or is inspected (inspected).")),
            C("period", "TEXT", N_("An obligation's period (2021-Q2, 2022-M05).")),
            C("period_label", "TEXT", N_("The period, as people say it.")),
            C("split", "TEXT", N_("How the item is split into obligations: unit, period, unit+period.")),
            C(
                "standing",
                "INTEGER NOT NULL",
                N_("1 for a standing responsibility: nothing to deliver, never done or late."),
            ),
            C(
                "obligation",
                "INTEGER NOT NULL",
                N_("1 for an obligation: an item without parts (what is counted)."),
            ),
            C("source_file", "TEXT NOT NULL", N_("The data file it is written in.")),
        ),
        label_column="label",
    ),
    Table(
        "obligations",
        N_("Obligations"),
        N_(
            "What someone answers for: the items without parts (an item with parts is answered through "
            "them). Who owes each is in assignments (own = 1)."
        ),
        (
            C("item_id", "TEXT PRIMARY KEY REFERENCES items(id)", N_("The obligation.")),
            C("label", "TEXT NOT NULL", N_("The obligation as the document numbers it.")),
            C("parent", "TEXT REFERENCES items(id)", N_("The item it is a part of.")),
            C("owners", "TEXT", N_("Who owes it (separated by '; ').")),
            C("period", "TEXT", N_("Its period, for an item that recurs.")),
            C("due", "TEXT", N_("Due date as written")),
            C(
                "effective_due",
                "TEXT",
                N_("Effective due date: a weekend or holiday moves it to the next working day"),
            ),
            C(
                "standing",
                "INTEGER NOT NULL",
                N_("1 for a standing responsibility: nothing to deliver, never done or late."),
            ),
        ),
        label_column="label",
    ),
    Table(
        "assignments",
        N_("Who owes what"),
        N_(
            "Every item each unit and group leads, coordinates or is inspected in, directly or through a "
            "group (the accountability model; tthc unit shows the same rows)."
        ),
        (
            C("target", "TEXT NOT NULL", N_("The unit or group.")),
            C("target_kind", "TEXT NOT NULL", N_("unit or group.")),
            C("unit", "TEXT REFERENCES units(name)", N_("The unit, when it is one.")),
            C("group_name", "TEXT REFERENCES groups(name)", N_("The group, when it is one.")),
            C("item_id", "TEXT NOT NULL REFERENCES items(id)", N_("The item.")),
            C("role", "TEXT NOT NULL", N_("Its role (code): lead, support, inspected.")),
            C("role_label", "TEXT NOT NULL", N_("Its role.")),
            C("via", "TEXT REFERENCES groups(name)", N_("The group the item reaches it through.")),
            C(
                "via_basis",
                "TEXT",
                N_("Where that membership is read from, when the source does not print it."),
            ),
            C(
                "definite",
                "INTEGER NOT NULL",
                N_("1 when it is certainly concerned; 0 through an open-ended group."),
            ),
            C(
                "own",
                "INTEGER NOT NULL",
                N_("1 when it answers for the item itself: only those count in its figures."),
            ),
        ),
        ("PRIMARY KEY (target, item_id)",),
    ),
    Table(
        "progress",
        N_("Progress log"),
        N_("The progress log (progress.yaml), in file order."),
        (
            C("seq", "INTEGER PRIMARY KEY", N_("The entry's place in the log.")),
            C("item_id", "TEXT NOT NULL REFERENCES items(id)", N_("The item or obligation.")),
            C("date", "TEXT NOT NULL", N_("When it happened")),
            C("status", "TEXT NOT NULL", N_("What happened (code): started, done, reopened, note.")),
            C("status_label", "TEXT NOT NULL", N_("What happened.")),
            C("note", "TEXT", N_("A remark.")),
            C("evidence", "TEXT", N_("The document that delivered it.")),
            C("reported_by", "TEXT", N_("Who reported it.")),
            C("counted", "INTEGER NOT NULL", N_("1 when dated on or before the day statuses are judged on.")),
        ),
    ),
    Table(
        "statuses",
        N_("Statuses"),
        N_("Every item's status on the day the plan table names (as_of)."),
        (
            C("item_id", "TEXT PRIMARY KEY REFERENCES items(id)", N_("The item.")),
            C("status", "TEXT NOT NULL", N_("The status (code).")),
            C("status_label", "TEXT NOT NULL", N_("The status.")),
            C("done", "INTEGER NOT NULL", N_("1 when done (on time, late, or without a due date).")),
            C("done_on", "TEXT", N_("When it was done")),
            C("started_on", "TEXT", N_("When it was started")),
            C(
                "days_late",
                "INTEGER",
                N_("Overdue: days past the effective due date; done late: days beyond it."),
            ),
            C(
                "effective_due",
                "TEXT",
                N_("Effective due date: a weekend or holiday moves it to the next working day"),
            ),
            C("parts_done", "INTEGER", N_("An item with parts: how many are done.")),
            C("parts", "INTEGER", N_("An item with parts: how many it has.")),
            C("last_entry", "TEXT", N_("The date of the latest entry counted")),
            C("reported_by", "TEXT", N_("Who reported the latest entry counted.")),
        ),
    ),
    Table(
        "unit_figures",
        N_("Figures per unit"),
        N_(
            "What each unit owes itself and how it stands (the same numbers as tthc unit --format json "
            "under 'figures', and the report's per-unit table); coordinating work and inspections apart."
        ),
        (
            C("unit", "TEXT PRIMARY KEY REFERENCES units(name)", N_("The unit.")),
            C("owed", "INTEGER NOT NULL", N_("Obligations it owes itself.")),
            C("done_on_time", "INTEGER NOT NULL", N_("Done on or before the effective due date.")),
            C("done_late", "INTEGER NOT NULL", N_("Done after it.")),
            C(
                "done_no_due_date",
                "INTEGER NOT NULL",
                N_("Done where the plan sets no due date (outside the rate)."),
            ),
            C("overdue", "INTEGER NOT NULL", N_("Not done, past the effective due date.")),
            C("not_done", "INTEGER NOT NULL", N_("Not done.")),
            C("judged", "INTEGER NOT NULL", N_("Dated, and done or past their effective due date.")),
            C("on_time_rate", "REAL", N_("Done on time ÷ judged (empty when nothing is judged yet).")),
            C("support", "INTEGER NOT NULL", N_("Items it coordinates.")),
            C("support_done", "INTEGER NOT NULL", N_("Of those, done.")),
            C("inspected", "INTEGER NOT NULL", N_("Inspections of it.")),
        ),
    ),
)

# Full-text search on the items' words; 'remove_diacritics 2' lets "ra soat" find "rà soát" too.
FTS_COLUMNS = ("label", "title", "content", "deliverable")
FTS_TABLE = "items_fts"
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(FTS_COLUMNS)}, "
    "content=\"items\", content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
)

INDEXES = (
    "CREATE INDEX items_parent ON items(parent)",
    "CREATE INDEX assignments_item ON assignments(item_id)",
    "CREATE INDEX progress_item ON progress(item_id)",
    "CREATE INDEX memberships_unit ON memberships(unit)",
)

# --- the canned queries: counting what tthc wrote, nothing judged again ---------------------------------


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    title: str
    description: str
    sql: str


QUERIES: tuple[Query, ...] = (
    Query(
        "overdue_by_unit",
        N_("Overdue, by unit"),
        N_(
            "Each unit's (or group's) own obligations not done and past their effective due date, the "
            "most days late first: the 'overdue' of tthc unit's figures."
        ),
        """select a.target as unit, a.target_kind as kind, count(*) as overdue,
  max(s.days_late) as most_days_late, group_concat(i.label, '; ') as obligations
from assignments a
  join statuses s on s.item_id = a.item_id
  join items i on i.id = a.item_id
where a.own = 1 and a.definite = 1 and i.standing = 0 and s.status = 'overdue'
group by a.target, a.target_kind
order by overdue desc, most_days_late desc, a.target""",
    ),
    Query(
        "missing_by_item_and_period",
        N_("Missing, by item and period"),
        N_(
            "For each item owed unit by unit or period by period: how many obligations, how many done, "
            "and who has not yet delivered (tthc missing ITEM --period P). Leave item and period empty "
            "for all; item takes an ID (duty:IV.2) or a number (IV.2)."
        ),
        """select p.id as item, p.label as label, o.period as period, count(*) as total,
  sum(s.done) as done, count(*) - sum(s.done) as missing,
  group_concat(case when s.done = 0 then coalesce(o.unit, o.label) end, '; ') as not_yet
from items p
  join items o on o.parent = p.id
  join statuses s on s.item_id = o.id
where p.split is not null and p.standing = 0
  and (:item = '' or p.id = :item or p.number = :item)
  and (:period = '' or o.period = upper(trim(:period)))
group by p.id, o.period
order by p.position, o.period""",
    ),
    Query(
        "on_time_rate_by_unit",
        N_("On-time rate, by unit"),
        N_(
            "Of the dated obligations each unit owes itself that are done or past their effective due "
            "date (judged), the share done on or before it: the on-time rate of tthc unit and of the "
            "report's per-unit table."
        ),
        """select u.name as unit, count(i.id) as owed,
  coalesce(sum(s.status = 'done_on_time'), 0) as done_on_time,
  coalesce(sum(i.effective_due is not null and (s.done = 1 or i.effective_due < p.as_of)), 0) as judged,
  1.0 * sum(s.status = 'done_on_time')
    / nullif(sum(i.effective_due is not null and (s.done = 1 or i.effective_due < p.as_of)), 0)
    as on_time_rate
from units u
  cross join plan p
  left join assignments a on a.unit = u.name and a.own = 1 and a.definite = 1
  left join items i on i.id = a.item_id and i.standing = 0
  left join statuses s on s.item_id = i.id
group by u.name
order by on_time_rate is null, on_time_rate desc, judged desc, u.name""",
    ),
)


# --- the rows -----------------------------------------------------------------------------------------


def _names(names: Iterable[str]) -> str | None:
    joined = "; ".join(names)
    return joined or None


def _flag(value: bool) -> int:
    return 1 if value else 0


def _plan_rows(plan: Plan, today: date, warn_days: int) -> Iterator[tuple[Any, ...]]:
    m = plan.meta
    yield (
        m.plan_id,
        m.title,
        m.province,
        m.year,
        iso_date(m.period_start),
        iso_date(m.period_end),
        m.number_text,
        m.issuer,
        iso_date(today),
        warn_days,
        f"tthc {__version__}",
    )


def _unit_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    units = plan.registry.units
    for u in units.values():
        part_of = u.part_of if u.part_of in units else None
        yield (
            u.name,
            str(u.type),
            unit_type_label(u.type),
            _names(u.aliases),
            part_of,
            u.part_of_basis,
            u.email,
        )


def _group_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    for g in plan.registry.groups.values():
        complete = g.kind in (GroupKind.LISTED, GroupKind.APPENDIX)
        yield (
            g.name,
            str(g.kind),
            group_kind_label(g.kind),
            _names(g.aliases),
            g.appendix,
            _flag(complete),
            g.closure_basis,
        )


def _membership_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    reg = plan.registry
    order = {name: n for n, name in enumerate(reg.all_names())}
    for name in reg.groups:
        if reg.is_open(name):
            # An open-ended group names no definite member: only the units its text bounds it to may be
            # concerned (concerned() reads the scope so); without a scope, any unit may.
            scope = (reg.resolve(m) for m in reg.groups[name].scope or ())
            rows = [(m, True, False) for m in dict.fromkeys(m for m in scope if m is not None)]
        else:
            direct = set(reg.members(name))
            rows = [(m, m in direct, True) for m in sorted(reg.expand(name) - {name}, key=order.__getitem__)]
        for member, is_direct, definite in rows:
            is_unit = member in reg.units
            basis = reg.membership_basis(name, member) if definite else None
            yield (
                name,
                member,
                member if is_unit else None,
                None if is_unit else member,
                _flag(is_direct),
                _flag(definite),
                basis,
            )


def _item_rows(plan: Plan) -> Iterator[tuple[Any, ...]]:
    labels = kind_labels(plan.meta)
    for position, item in enumerate(plan.items, 1):
        d = item.deadline
        yield (
            item.id,
            position,
            item_label(item, plan.meta),
            item.kind_code,
            labels.get(item.kind_code, item.kind_code),
            item.number,
            item.title,
            item_title(item),
            "\n".join(item.content) or None,
            item.deliverable,
            _names(item.lead),
            item.lead_text,
            _names(item.support),
            item.support_text,
            d.text,
            str(d.kind),
            iso_date(d.start),
            iso_date(d.due),
            iso_date(d.effective_due),
            _flag(d.tentative),
            item.parent if item.parent in plan.by_id else None,
            item.appendix,
            item.unit,
            str(item.unit_role) if item.unit_role else None,
            item.period,
            period_words(item.period) if item.period else None,
            str(item.split) if item.split else None,
            _flag(item.standing),
            _flag(not is_rollup(plan, item)),
            item.source[0],
        )


def _obligation_rows(plan: Plan, rows: Mapping[str, Sequence[Assignment]]) -> Iterator[tuple[Any, ...]]:
    owners: dict[str, list[str]] = {}
    for target, assigned in rows.items():
        for row in assigned:
            if row.own and row.definite:
                owners.setdefault(row.item.id, []).append(target)
    for item in plan.items:
        if is_rollup(plan, item):
            continue
        yield (
            item.id,
            item_label(item, plan.meta),
            item.parent if item.parent in plan.by_id else None,
            _names(owners.get(item.id, ())),
            item.period,
            iso_date(item.deadline.due),
            iso_date(item.deadline.effective_due),
            _flag(item.standing),
        )


def _assignment_rows(plan: Plan, rows: Mapping[str, Sequence[Assignment]]) -> Iterator[tuple[Any, ...]]:
    reg = plan.registry
    for target, assigned in rows.items():
        is_unit = target in reg.units
        for row in assigned:
            yield (
                target,
                "unit" if is_unit else "group",
                target if is_unit else None,
                None if is_unit else target,
                row.item.id,
                str(row.role),
                role_label(row.role),
                row.via if row.via in reg.groups else None,
                row.basis,
                _flag(row.definite),
                _flag(row.own),
            )


def _progress_rows(plan: Plan, today: date) -> Iterator[tuple[Any, ...]]:
    for seq, e in enumerate(plan.progress, 1):
        status = str(e.status)
        yield (
            seq,
            e.id,
            iso_date(e.date),
            status,
            entry_status_label(status),
            e.note,
            e.evidence,
            e.by,
            _flag(e.date <= today),
        )


def _status_rows(plan: Plan, statuses: Mapping[str, ItemStatus]) -> Iterator[tuple[Any, ...]]:
    for item in plan.items:
        st = statuses[item.id]
        yield (
            item.id,
            str(st.status),
            status_label(st.status),
            _flag(st.done),
            iso_date(st.done_on),
            iso_date(st.started_on),
            st.days_late,
            iso_date(item.deadline.effective_due),
            st.children_done,
            st.children_total,
            iso_date(st.last.date) if st.last else None,
            st.last.by if st.last else None,
        )


def _figure_rows(plan: Plan, statuses: Mapping[str, ItemStatus], today: date) -> Iterator[tuple[Any, ...]]:
    names = [c.name for c in _table("unit_figures").columns]
    for figures in unit_figures(plan, statuses, today):
        values = figures_to_dict(figures) or {}
        yield (figures.unit, *(values[n] for n in names[1:]))


def _table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)


def to_sqlite(plan: Plan, statuses: Mapping[str, ItemStatus], today: date, warn_days: int) -> bytes:
    """The plan, its log, every status on `today` and every unit's figures, as an SQLite database."""
    rows = all_assignments(plan)
    content: dict[str, Iterable[tuple[Any, ...]]] = {
        "plan": _plan_rows(plan, today, warn_days),
        "units": _unit_rows(plan),
        "groups": _group_rows(plan),
        "memberships": _membership_rows(plan),
        "items": _item_rows(plan),
        "obligations": _obligation_rows(plan, rows),
        "assignments": _assignment_rows(plan, rows),
        "progress": _progress_rows(plan, today),
        "statuses": _status_rows(plan, statuses),
        "unit_figures": _figure_rows(plan, statuses, today),
    }
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            for table in TABLES:
                conn.execute(table.create())
                conn.executemany(table.insert(), content[table.name])
            conn.execute(CREATE_FTS)
            conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            for index in INDEXES:
                conn.execute(index)
        return conn.serialize()
    finally:
        conn.close()


# --- the Datasette metadata -----------------------------------------------------------------------------


def datasette_metadata(plan: Plan, today: date, database: str) -> dict[str, Any]:
    """Datasette's metadata for the database named `database` (the file's name without its suffix):
    titles and descriptions of the database, each table and each column in the reader's language,
    search on the items, and the canned queries."""
    title = plan_title(plan.meta)
    about = _("{title}: the plan's items, who owes what, the progress log and every status on {day}.").format(
        title=plan.meta.title, day=dmy(today)
    )
    tables: dict[str, Any] = {}
    for table in TABLES:
        shown: dict[str, Any] = {
            "title": _(table.title),
            "description": _(table.description),
            "columns": {c.name: _column_words(c) for c in table.columns},
        }
        if table.label_column:
            shown["label_column"] = table.label_column
        tables[table.name] = shown
    tables["items"].update(fts_table=FTS_TABLE, fts_pk="rowid", searchmode="escaped")
    tables[FTS_TABLE] = {"hidden": True}
    queries = {q.name: {"title": _(q.title), "description": _(q.description), "sql": q.sql} for q in QUERIES}
    return {
        "title": title,
        "description": about,
        "source": "tthc",
        "databases": {database: {"title": title, "description": about, "tables": tables, "queries": queries}},
    }


_DATE_COLUMNS = frozenset(
    {
        "period_start",
        "period_end",
        "as_of",
        "start",
        "due",
        "effective_due",
        "date",
        "done_on",
        "started_on",
        "last_entry",
    }
)


def _column_words(column: Column) -> str:
    words = _(column.description)
    return f"{words} {_(ISO)}" if column.name in _DATE_COLUMNS else words
