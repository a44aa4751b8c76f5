"""The output formats, one class each, chosen by name (FORMAT_BY_NAME), and the views commands hand
them. A view holds what a command found — a title, items with their statuses, remarks — and offers it
in the forms formats write: titled tables for people (`sections`), a JSON value and CSV for tools,
prose, a calendar, a rendered document. A format asks the view for its form and writes it.

A new output format is one class here, registered in FORMAT_BY_NAME; a command offers it by adding
its name to the command's --format choices (cli/options.py). A new kind of answer is one view class
offering the forms its command's formats use (the base class refuses the others).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from tthc_cli.domain.accountability import Assignment, UnitFigures
from tthc_cli.domain.deadlines import Deadline
from tthc_cli.domain.plan import Entry, Plan, PlanItem
from tthc_cli.domain.problems import Problem
from tthc_cli.domain.status import ItemStatus, statuses
from tthc_cli.domain.units import Registry
from tthc_cli.i18n import _, ngettext
from tthc_cli.present import registry, spreadsheet, tables
from tthc_cli.present.console import note, out, print_table
from tthc_cli.present.contracts import entry_to_dict, item_to_dict
from tthc_cli.present.deadline_view import reading_to_dict, readings_text
from tthc_cli.present.documents import Brief, Report, part_count_words, part_counts, part_groups
from tthc_cli.present.ical import to_ics
from tthc_cli.present.labels import dmy, item_label, item_title, kind_labels, percent

# --- views: what a command found, in every form it can be written ----------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """A titled table: what people read, on a terminal or in Markdown."""

    title: str
    table: tables.Table


class View:
    """What a command shows. Each form is built only when a format asks for it; a view offers the
    forms its command's formats use, and refuses the others (a command never offers those)."""

    __slots__ = ()
    markdown_headings: ClassVar[bool] = False  # Markdown: each section under '## title'

    @property
    def notes(self) -> Sequence[str]:
        """Remarks for people (counts left out, hints): stderr, after the answer."""
        return ()

    @property
    def preamble(self) -> Sequence[str]:
        """What a person must know before reading the answer (the day asked is after the plan's
        period): stderr, before it."""
        return ()

    def _no(self, form: str) -> Any:
        raise TypeError(f"{type(self).__name__} has no {form} form")

    def sections(self) -> Sequence[Section]:
        return self._no("table")  # type: ignore[no-any-return]

    def data(self) -> Any:
        """The JSON value (a contract: README "The JSON item")."""
        return self._no("JSON")

    def csv(self) -> str:
        return self._no("CSV")  # type: ignore[no-any-return]

    def text(self) -> str:
        return self._no("text")  # type: ignore[no-any-return]

    def calendar(self) -> bytes:
        return self._no("calendar")  # type: ignore[no-any-return]

    def sheet(self) -> spreadsheet.Sheet:
        """The answer as one sheet in the reader's words (CSV for Excel)."""
        return self._no("spreadsheet")  # type: ignore[no-any-return]

    def workbook(self) -> Sequence[spreadsheet.Sheet]:
        """The sheets of an Excel workbook: the view's own sheet unless it offers more."""
        return (self.sheet(),)

    def html(self) -> str:
        return self._no("HTML")  # type: ignore[no-any-return]

    def docx(self) -> bytes:
        return self._no("Word")  # type: ignore[no-any-return]

    def sqlite(self) -> bytes:
        return self._no("SQLite")  # type: ignore[no-any-return]

    def markdown(self) -> str:
        """The sections as Markdown tables (headed by their titles where the view says so)."""
        parts = []
        for section in self.sections():
            head = f"## {tables.markdown_cell(section.title)}\n\n" if self.markdown_headings else ""
            parts.append(head + tables.to_markdown(section.table))
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class ItemsView(View):
    """Items with their status on `today` (list, due, overdue, upcoming, export). `days_late`, when
    given, replaces the status column of the table (every row is overdue) and is added to JSON/CSV."""

    title: str
    items: tuple[PlanItem, ...]
    plan: Plan
    statuses: Mapping[str, ItemStatus]
    today: date
    days_late: tuple[int, ...] | None = None
    notes: tuple[str, ...] = ()
    ids: bool = False
    preamble: tuple[str, ...] = ()

    def _columns(self) -> list[tables.Extra]:
        columns = [tables.status_extra(self.items, self.statuses)]
        if self.days_late is not None:
            late = list(self.days_late)
            columns.append(tables.Extra("days_late", _("Days late"), list(late), late))
        return columns

    def sections(self) -> Sequence[Section]:
        columns = self._columns()
        shown = columns[1:] if self.days_late is not None else columns
        table = tables.item_table(
            self.items, self.plan.meta, extra=shown, labels=kind_labels(self.plan.meta), ids=self.ids
        )
        return (Section(self.title, table),)

    def data(self) -> Any:
        return tables.items_data(self.items, self._columns())

    def csv(self) -> str:
        return tables.items_csv(self.items, self._columns())

    def calendar(self) -> bytes:
        return to_ics(self.items, self.plan.meta, self.statuses, self.today)

    def sheet(self) -> spreadsheet.Sheet:
        return spreadsheet.items_sheet(
            self.plan, self.statuses, self.today, items=self.items, title=self.title
        )

    def workbook(self) -> Sequence[spreadsheet.Sheet]:
        """The whole plan (`tthc export`): its items, its obligations, each unit's figures."""
        return spreadsheet.workbook_sheets(self.plan, self.statuses, self.today)


def items_view(
    title: str,
    items: Sequence[PlanItem],
    plan: Plan,
    statuses: Mapping[str, ItemStatus],
    today: date,
    *,
    days_late: Sequence[int] | None = None,
    notes: Sequence[str] = (),
    ids: bool = False,
    preamble: Sequence[str] = (),
) -> ItemsView:
    return ItemsView(
        title,
        tuple(items),
        plan,
        statuses,
        today,
        None if days_late is None else tuple(days_late),
        tuple(notes),
        ids,
        tuple(preamble),
    )


def unit_heading(unit: str, figures: UnitFigures | None, rows: int, today: date) -> str:
    """What a unit's table holds, in its figures' numbers (the report's "By unit", `unit --format
    json`): "Sở Y tế: phải làm 9 phần việc, phối hợp 7 việc, thêm 2 việc của nhóm hoặc trách nhiệm
    thường trực (tình trạng tại ngày 10/06/2021)" — its `rows` definite rows, never as one count of
    things it must do. A group has no figures: its rows are what concern it."""
    day = dmy(today)
    if figures is None:
        return _("{unit}: {count} items concern it (status on {today})").format(
            unit=unit, count=rows, today=day
        )
    others = rows - figures.owed - figures.support - figures.inspected  # a group's work, standing duties
    said = [
        words.format(count=n)
        for n, words in (
            (figures.owed, ngettext("owes {count} obligation", "owes {count} obligations", figures.owed)),
            (
                figures.support,
                ngettext("coordinates {count} item", "coordinates {count} items", figures.support),
            ),
            (
                figures.inspected,
                ngettext("inspected {count} time", "inspected {count} times", figures.inspected),
            ),
            (
                others,
                ngettext(
                    "{count} more as a group's work or a standing responsibility",
                    "{count} more as a group's work or standing responsibilities",
                    others,
                ),
            ),
        )
        if n
    ]
    what = ", ".join(said) or _("nothing")
    if figures.judged:  # the on-time rate, as the report's "By unit" and the JSON give it
        what += "; " + _("on time {done}/{judged} ({rate})").format(
            done=figures.done_on_time, judged=figures.judged, rate=percent(figures.on_time_rate)
        )
    return _("{unit}: {what} (status on {today})").format(unit=unit, what=what, today=day)


@dataclass(frozen=True, slots=True)
class UnitView(View):
    """What one unit owes (`tthc unit`): its definite items, then those of open-ended groups apart."""

    unit: str
    rows: tuple[Assignment, ...]
    plan: Plan
    statuses: Mapping[str, ItemStatus]
    today: date
    figures: UnitFigures | None = None  # a unit's own figures (none for a group)
    notes: tuple[str, ...] = ()
    ids: bool = False
    markdown_headings: ClassVar[bool] = True

    def sections(self) -> Sequence[Section]:
        definite = [r for r in self.rows if r.definite]
        maybe = [r for r in self.rows if not r.definite]
        head = unit_heading(self.unit, self.figures, len(definite), self.today)
        found = [Section(head, tables.unit_table(definite, self.plan.meta, self.statuses, ids=self.ids))]
        if maybe:
            head = _("Possibly concerned — assigned to an open-ended group: {count} items").format(
                count=len(maybe)
            )
            found.append(Section(head, tables.unit_table(maybe, self.plan.meta, self.statuses, ids=self.ids)))
        return found

    def data(self) -> Any:
        return tables.unit_data(self.unit, self.rows, self.statuses, self.figures, self.today)

    def csv(self) -> str:
        return tables.unit_csv(self.rows, self.statuses)

    def sheet(self) -> spreadsheet.Sheet:
        return spreadsheet.assignments_sheet(
            self.unit, self.rows, self.plan, self.statuses, self.sections()[0].title
        )


@dataclass(frozen=True, slots=True)
class ObligationsView(View):
    """The obligations of one item not yet delivered (`tthc missing`)."""

    title: str
    items: tuple[PlanItem, ...]
    plan: Plan
    statuses: Mapping[str, ItemStatus]
    today: date
    notes: tuple[str, ...] = ()
    ids: bool = False
    markdown_headings: ClassVar[bool] = True

    def sheet(self) -> spreadsheet.Sheet:
        return spreadsheet.items_sheet(
            self.plan, self.statuses, self.today, items=self.items, title=self.title
        )

    def sections(self) -> Sequence[Section]:
        table = tables.obligation_table(self.items, self.plan.meta, self.statuses, ids=self.ids)
        return (Section(self.title, table),)

    def data(self) -> Any:
        return tables.items_data(self.items, [tables.status_extra(self.items, self.statuses)])

    def csv(self) -> str:
        return tables.items_csv(self.items, [tables.status_extra(self.items, self.statuses)])


@dataclass(frozen=True, slots=True)
class RegistryView(View):
    """The unit registry (`tthc units`): a table of units and one of groups."""

    registry: Registry

    def sections(self) -> Sequence[Section]:
        units, groups = registry.registry_tables(self.registry)
        return (
            Section(_("Units: {count}").format(count=len(units.rows)), units),
            Section(_("Groups: {count}").format(count=len(groups.rows)), groups),
        )

    def data(self) -> Any:
        return registry.registry_data(self.registry)

    def csv(self) -> str:
        return registry.registry_csv(self.registry)

    def sheet(self) -> spreadsheet.Sheet:
        return spreadsheet.registry_sheet(self.registry)


@dataclass(frozen=True, slots=True)
class ItemView(View):
    """One item in full (`tthc show`), with its status and its progress log up to `today`."""

    item: PlanItem
    plan: Plan
    status: ItemStatus
    log: tuple[Entry, ...]
    today: date

    def text(self) -> str:
        # Jinja renders it: imported for the commands that render only (~40 ms; README "Speed").
        from tthc_cli.present.render import render

        return render("item.txt.j2", **self.context())

    def context(self) -> dict[str, Any]:
        """What the item's template shows: the item named as the document numbers it, its parent and
        its parts named so too (an obligation by its unit and period), never by their IDs alone."""
        item, plan, meta = self.item, self.plan, self.plan.meta
        parent = plan.by_id.get(item.parent) if item.parent else None
        parts = plan.children(item.id)
        start = item.deadline.start
        return {
            "item": item,
            "ref": item_label(item, meta),
            "heading": item_title(item),
            "kind_label": kind_labels(meta).get(item.kind_code, item.kind_code),
            "deadline": tables.deadline_text(item),
            "due": tables.due_cell(item),
            # A window of its own ("Từ tháng 4 đến tháng 11"), not the plan's start every date has.
            "start": start if start and item.deadline.due and start != meta.period_start else None,
            "parent": f"{item_label(parent, meta)} — {item_title(parent)}" if parent else None,
            "children": parts,
            # Its parts, kind by kind, and how many of each are done (documents: one count per item).
            "part_groups": part_groups(plan, item),
            "part_counts": part_count_words(part_counts(plan, item, statuses(plan, self.today))),
            "status": self.status,
            "log": list(self.log),
            "as_of": self.today,
        }

    def data(self) -> Any:
        shown = item_to_dict(self.item)
        shown["status"] = tables.status_extra([self.item], {self.item.id: self.status}).data[0]
        shown["progress"] = [entry_to_dict(e) for e in self.log]
        return shown


@dataclass(frozen=True, slots=True)
class DeadlineView(View):
    """How tthc reads deadline phrases in a plan period (`tthc deadline`)."""

    readings: tuple[tuple[str, Deadline | Problem], ...]
    first: date
    last: date

    def text(self) -> str:
        return readings_text(self.readings, self.first, self.last)

    def data(self) -> Any:
        return [reading_to_dict(text, reading) for text, reading in self.readings]


@dataclass(frozen=True, slots=True)
class BriefView(View):
    """The weekly brief for the Chairman, from its template (shipped, or the office's --templates)."""

    brief: Brief
    plan: Plan
    lang: str
    templates: str | None = None

    def markdown(self) -> str:
        from tthc_cli.present.render import render_brief  # Jinja: for the commands that render only

        return render_brief(self.brief, self.plan, self.lang, self.templates)


@dataclass(frozen=True, slots=True)
class ReportView(View):
    """The whole plan's status, from its templates: Markdown, or HTML printable on A4."""

    report: Report
    plan: Plan
    lang: str
    templates: str | None = None

    def markdown(self) -> str:
        from tthc_cli.present.render import render_report  # Jinja: for the commands that render only

        return render_report(self.report, self.plan, "md", self.lang, self.templates)

    def html(self) -> str:
        from tthc_cli.present.render import render_report  # Jinja: for the commands that render only

        return render_report(self.report, self.plan, "html", self.lang, self.templates)


@dataclass(frozen=True, slots=True)
class PublicationView(View):
    """The whole plan for Datasette (`tthc export --format sqlite`): an SQLite database, and the
    metadata Datasette reads beside it (present/sqlite_export.py)."""

    plan: Plan
    statuses: Mapping[str, ItemStatus]
    today: date
    warn_days: int

    def sqlite(self) -> bytes:
        # sqlite3: imported by the SQLite export only (~20 ms; README "Speed").
        from tthc_cli.present.sqlite_export import to_sqlite

        return to_sqlite(self.plan, self.statuses, self.today, self.warn_days)

    def datasette_metadata(self, database: str) -> dict[str, Any]:
        from tthc_cli.present.sqlite_export import datasette_metadata  # with sqlite() above

        return datasette_metadata(self.plan, self.today, database)


# --- formats: how a view is written -------------------------------------------------------------------


class Format:
    """An output format: `render` makes the text (or bytes) a file or pipe receives; `show` writes it
    to stdout, where a format may do better on a terminal."""

    name: ClassVar[str]

    def render(self, view: View) -> str | bytes:
        raise NotImplementedError

    def show(self, view: View) -> None:
        rendered = self.render(view)
        out(rendered.decode("utf-8") if isinstance(rendered, bytes) else rendered)


class Table(Format):
    """Tables for people: on a terminal drawn to fit it (rich), else plain ASCII (console.py)."""

    name = "table"

    def render(self, view: View) -> str:
        return "".join(f"{s.title}\n{tables.format_table(s.table)}" for s in view.sections())

    def show(self, view: View) -> None:
        for section in view.sections():
            print_table(section.table, title=section.title)


class Markdown(Format):
    name = "md"

    def render(self, view: View) -> str:
        return view.markdown()


class Json(Format):
    name = "json"

    def render(self, view: View) -> str:
        return tables.to_json(view.data())


class Csv(Format):
    """UTF-8 with a BOM for Excel, ISO dates, cells that would run as formulas made text."""

    name = "csv"

    def render(self, view: View) -> str:
        return view.csv()


class CsvExcel(Format):
    """CSV for a double-click in Excel under Vietnamese regional settings: the reader's words and
    dd/mm/yyyy dates, ';' between fields, a BOM (spreadsheet.py)."""

    name = "csv-excel"

    def render(self, view: View) -> str:
        return spreadsheet.excel_csv(view.sheet())


class Xlsx(Format):
    """An Excel workbook, a sheet per view (spreadsheet.py)."""

    name = "xlsx"

    def render(self, view: View) -> bytes:
        return spreadsheet.xlsx(view.workbook())

    def show(self, view: View) -> None:
        sys.stdout.flush()
        sys.stdout.buffer.write(self.render(view))


class Text(Format):
    """Prose (an item in full): wrapped at the terminal's width, or at $COLUMNS when piped."""

    name = "text"

    def render(self, view: View) -> str:
        return view.text()

    def show(self, view: View) -> None:
        out(self.render(view), prose=True)


class Html(Format):
    name = "html"

    def render(self, view: View) -> str:
        return view.html()


class Docx(Format):
    """A Word document (.docx) from a Word template (the periodic report)."""

    name = "docx"

    def render(self, view: View) -> bytes:
        return view.docx()


class Calendar(Format):
    """iCalendar (RFC 5545) for Outlook and Google Calendar."""

    name = "ics"

    def render(self, view: View) -> bytes:
        return view.calendar()


class Sqlite(Format):
    """An SQLite database for Datasette (written with -o only: the metadata goes beside it)."""

    name = "sqlite"

    def render(self, view: View) -> bytes:
        return view.sqlite()


FORMAT_BY_NAME: dict[str, Format] = {
    f.name: f
    for f in (
        Table(),
        Markdown(),
        Json(),
        Csv(),
        CsvExcel(),
        Xlsx(),
        Text(),
        Html(),
        Calendar(),
        Docx(),
        Sqlite(),
    )
}


def render(name: str, view: View) -> str | bytes:
    return FORMAT_BY_NAME[name].render(view)


def show(name: str, view: View) -> None:
    """The view on stdout in the format `name`, its preamble on stderr before it and its remarks after."""
    for remark in view.preamble:
        note(remark)
    sys.stdout.flush()
    FORMAT_BY_NAME[name].show(view)
    for remark in view.notes:
        note(remark)
