"""The command line: parse options, call the core, print. The only Typer user.

Exit codes: 0 done (even with no rows); 1 the data has problems, or a unit/ID matches nothing or
several; 2 usage error (bad option value, unreadable date, a path that cannot be read).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from .catalog import Dataset

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
TODAY_ENV = "TTHC_TODAY"


class UserError(Exception):
    """A problem the user can fix; shown as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, exit_code: int = EXIT_USAGE) -> NoReturn:
    raise UserError(message, exit_code)


app = typer.Typer(
    name="tthc",
    help="Follow up the 2021 TTHC-control plan kept in YAML: validate it, ask what is due, what a unit owes.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


F = TypeVar("F", bound=Callable[..., Any])


def command(name: str | None = None) -> Callable[[F], F]:
    """Register a command; this wrapper is the one place a UserError becomes a message and an exit
    code. Anything else escaping a command is a bug and keeps its traceback."""

    def register(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except UserError as exc:
                sys.stderr.write(f"tthc: {exc}\n")
                raise typer.Exit(exc.exit_code) from None

        app.command(name)(wrapper)
        return fn

    return register


# --- shared options ---------------------------------------------------------------------------------


def _complete_units(incomplete: str) -> list[str]:
    ds = _try_load()
    if ds is None:
        return []
    from .units import fold

    key = fold(incomplete)
    return [n for n in ds.registry.all_names() if fold(n).startswith(key) or key in fold(n)][:50]


def _complete_ids(incomplete: str) -> list[str]:
    ds = _try_load()
    return [i.id for i in ds.items if i.id.startswith(incomplete)] if ds else []


DataOpt = Annotated[
    str | None,
    typer.Option(
        "--data",
        help="Folder with plan.yaml (default: $TTHC_DATA, else the nearest folder upward holding plan.yaml).",
    ),
]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today", help="Take this date (YYYY-MM-DD) as today; default $TTHC_TODAY, else the system date."
    ),
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")]


class KindChoice(StrEnum):
    task = "task"
    duty = "duty"
    review = "review"
    inspection = "inspection"


class RoleChoice(StrEnum):
    lead = "lead"
    support = "support"
    any = "any"


def _today(value: str | None) -> date:
    raw = value or os.environ.get(TODAY_ENV)
    if not raw:
        return date.today()  # the one place the clock is read
    from .deadlines import parse_user_date

    try:
        return parse_user_date(raw)
    except ValueError as exc:
        source = "--today" if value else TODAY_ENV
        fail(f"{source}: {exc}")


def _date(value: str, option: str, today: date) -> date:
    from .deadlines import parse_user_date

    try:
        return parse_user_date(value, today)
    except ValueError as exc:
        fail(f"{option}: {exc}")


def _data_dir(data: str | None) -> str:
    from .loader import DataDirError, find_data_dir

    try:
        return find_data_dir(data, os.environ.get("TTHC_DATA"), os.getcwd())
    except DataDirError as exc:
        fail(str(exc))


def _load(data: str | None) -> Dataset:
    from .dataset import assemble
    from .diagnostics import format_text
    from .loader import DataDirError, read_files
    from .models import DATA_FILES

    directory = _data_dir(data)
    try:
        files, labels = read_files(directory, list(DATA_FILES))
    except DataDirError as exc:
        fail(str(exc))
    result = assemble(files, labels)
    if result.dataset is None:
        from .console import note

        for d in result.errors[:10]:
            note(format_text(d))
        more = len(result.errors) - 10
        if more > 0:
            note(f"… and {more} more")
        fail(
            f"the plan data has {len(result.errors)} error(s); fix them first (tthc validate lists them all)",
            EXIT_DATA,
        )
    return result.dataset


def _try_load() -> Dataset | None:
    try:
        return _load(None)
    except (UserError, OSError):
        return None


def _resolve_unit(ds: Dataset, name: str) -> str:
    look = ds.registry.lookup(name)
    if look.name:
        return look.name
    if look.candidates:
        fail(
            f"'{name}' matches several units: {'; '.join(look.candidates)}. Type more of the name.", EXIT_DATA
        )
    message = f"no unit or group is called '{name}'."
    if look.note:
        message += f" Note: {look.note}."
    if look.suggestions:
        message += f" Did you mean: {'; '.join(look.suggestions)}?"
    fail(message + " ('tthc units' lists every name.)", EXIT_DATA)


def _show_items(items: list, fmt: TableFormat, *, title: str, extra: list | None = None) -> None:  # type: ignore[type-arg]
    from . import output
    from .console import out, print_table

    extra = extra or []
    if fmt is TableFormat.json:
        out(output.items_json(items, [(k, v) for k, _, v in extra]))
    elif fmt is TableFormat.csv:
        out(output.items_csv(items, [(k, v) for k, _, v in extra]))
    else:
        table = output.item_table(items, extra=[(h, v) for _, h, v in extra])
        if fmt is TableFormat.md:
            out(output.to_markdown(table))
        else:
            print_table(table, title=title)


# --- commands -------------------------------------------------------------------------------------


class DiagFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@command()
def validate(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Data files or folders (default: the data folder).")
    ] = None,
    fmt: Annotated[
        DiagFormat, typer.Option("--format", "-f", help="text, json, or github annotations.")
    ] = DiagFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    data: DataOpt = None,
) -> None:
    """Check the plan files, together as a set; list every problem with file, line and column."""
    from .console import note, out
    from .dataset import assemble
    from .diagnostics import Severity, count, format_github, format_json, format_text, strictly
    from .loader import DataDirError, read_files
    from .models import DATA_FILES

    folders: list[str] = []
    for path in paths or [_data_dir(data)]:
        if os.path.isdir(path):
            folder = path
        elif os.path.isfile(path):
            if os.path.basename(path) not in DATA_FILES:
                fail(f"{path} is not a tthc data file (expected one of: {', '.join(DATA_FILES)})")
            folder = os.path.dirname(path) or "."
        else:
            fail(f"{path}: no such file or folder")
        if os.path.abspath(folder) not in map(os.path.abspath, folders):
            folders.append(folder)
    diagnostics = []
    for folder in folders:
        try:
            files, labels = read_files(folder, list(DATA_FILES))
        except DataDirError as exc:
            fail(str(exc))
        diagnostics += assemble(files, labels).diagnostics
    if strict:
        diagnostics = strictly(diagnostics)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    if fmt is DiagFormat.json:
        out(format_json(diagnostics))
    elif fmt is DiagFormat.github:
        for d in diagnostics:
            out(format_github(d))
    else:
        for d in diagnostics:
            out(format_text(d))
            excerpt = _source_line(d.file, d.line)
            if excerpt is not None:
                out(f"  {d.line:>5} | {excerpt}")
        c = count(diagnostics)
        verdict = "OK" if not errors else "FAILED"
        checked = len(folders) * len(DATA_FILES)
        note(f"{verdict}: {c['errors']} error(s), {c['warnings']} warning(s) in {checked} file(s)")
    raise typer.Exit(EXIT_DATA if errors else EXIT_OK)


def _source_line(file: str, line: int) -> str | None:
    if line < 1:
        return None
    try:
        with open(file, encoding="utf-8-sig", errors="replace") as handle:
            for n, text in enumerate(handle, 1):
                if n == line:
                    return text.rstrip("\n")[:200]
    except OSError:
        return None
    return None


@command("list")
def list_items(
    fmt: FormatOpt = TableFormat.table,
    kind: Annotated[
        list[KindChoice] | None, typer.Option("--kind", help="Only items of this kind (repeatable).")
    ] = None,
    data: DataOpt = None,
) -> None:
    """Every item of the plan: tasks, section IV duties, Phụ lục I and Phụ lục II rows."""
    ds = _load(data)
    wanted = {k.value for k in kind} if kind else None
    items = [i for i in ds.items if wanted is None or i.kind in wanted]
    _show_items(items, fmt, title=f"Kế hoạch KSTTHC {ds.year}: {len(items)} mục")


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@command()
def show(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="e.g. 1.1, task:6, duty:IV.2, review:6, inspection:II.3",
            autocompletion=_complete_ids,
        ),
    ],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
    data: DataOpt = None,
) -> None:
    """One item in full."""
    from .catalog import normalise_id
    from .console import out
    from .output import to_json
    from .queries import item_to_dict
    from .render import item_text

    ds = _load(data)
    key = normalise_id(item_id)
    item = ds.by_id.get(key)
    if item is None:
        import difflib

        close = difflib.get_close_matches(key, list(ds.by_id), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else " (tthc list shows every ID)"
        fail(f"no item has the ID '{item_id}'{hint}", EXIT_DATA)
    if fmt is ShowFormat.json:
        out(to_json(item_to_dict(item)))
    else:
        out(item_text(item, ds))


@command()
def schema(
    out_dir: Annotated[
        str | None, typer.Option("--out", help="Folder to write into (default: <data>/schemas).")
    ] = None,
    data: DataOpt = None,
) -> None:
    """Write the JSON Schemas the files' yaml-language-server modelines point to."""
    from .console import note
    from .schemas import write_schemas

    folder = out_dir or os.path.join(_data_dir(data), "schemas")
    try:
        written = write_schemas(folder)
    except OSError as exc:
        fail(f"cannot write schemas to {folder}: {exc.strerror}")
    for path in written:
        note(f"wrote {path}")


@command()
def due(
    before: Annotated[
        str,
        typer.Option(
            "--before",
            help="Last due date, inclusive: YYYY-MM-DD, D/M/YYYY, today, eow, eom, eoq, eoy, +14d, +2w.",
        ),
    ],
    after: Annotated[str | None, typer.Option("--after", help="First due date, inclusive.")] = None,
    include_ongoing: Annotated[
        bool, typer.Option("--include-ongoing", help="Also list items with no single due date.")
    ] = False,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Only what this unit owes.", autocompletion=_complete_units)
    ] = None,
    role: Annotated[
        RoleChoice, typer.Option("--role", help="With --unit: lead, support or any.")
    ] = RoleChoice.any,
    kind: Annotated[
        list[KindChoice] | None, typer.Option("--kind", help="Only items of this kind (repeatable).")
    ] = None,
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    """Items whose due date (as written) falls in a range, soonest first."""
    from .console import note
    from .queries import items_due

    now = _today(today)
    last = _date(before, "--before", now)
    first = _date(after, "--after", now) if after else None
    if first and first > last:
        fail(f"--after {first:%d/%m/%Y} is later than --before {last:%d/%m/%Y}")
    ds = _load(data)
    target = _resolve_unit(ds, unit) if unit else None
    result = items_due(
        ds,
        before=last,
        after=first,
        include_ongoing=include_ongoing,
        kinds=[k.value for k in kind] if kind else None,
        unit=target,
        role=role.value,
    )
    span = f"{first:%d/%m/%Y} – {last:%d/%m/%Y}" if first else f"đến hết {last:%d/%m/%Y}"
    _show_items(result.items, fmt, title=f"Đến hạn {span}: {len(result.items)} mục")
    if result.without_due:
        note(
            f"{result.without_due} item(s) with no single due date (ongoing or undated) left out; "
            "add --include-ongoing to list them"
        )


@command()
def overdue(
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    """Items not done and past their effective due date, most days late first."""
    from .queries import items_overdue

    now = _today(today)
    ds = _load(data)
    rows = items_overdue(ds, now)
    _show_items(
        [i for i, _ in rows],
        fmt,
        title=f"Quá hạn tại {now:%d/%m/%Y}: {len(rows)} mục",
        extra=[("days_late", "Trễ (ngày)", [n for _, n in rows])],
    )


@command()
def upcoming(
    within: Annotated[int, typer.Option("--within", min=0, max=3660, help="Days ahead (default 14).")] = 14,
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    """Items falling due from today to today + N days, soonest first."""
    from .queries import items_upcoming

    now = _today(today)
    ds = _load(data)
    rows = items_upcoming(ds, now, within)
    _show_items(rows, fmt, title=f"Sắp đến hạn trong {within} ngày từ {now:%d/%m/%Y}: {len(rows)} mục")


@command()
def unit(
    name: Annotated[
        str,
        typer.Argument(
            help="Unit or group, as people write it: 'Sở Y tế', 'so y te', 'Sở LĐ-TB&XH', 'TP Chí Linh'.",
            autocompletion=_complete_units,
        ),
    ],
    fmt: FormatOpt = TableFormat.table,
    data: DataOpt = None,
) -> None:
    """Everything a unit leads, coordinates or is inspected in — directly or through a group."""
    from . import output
    from .console import note, out, print_table
    from .queries import unit_rows

    ds = _load(data)
    target = _resolve_unit(ds, name)
    rows = unit_rows(ds, target)
    definite = [r for r in rows if r.definite]
    maybe = [r for r in rows if not r.definite]
    if fmt is TableFormat.json:
        out(output.unit_json(rows))
    elif fmt is TableFormat.csv:
        out(output.unit_csv(rows))
    elif fmt is TableFormat.md:
        out(
            f"## {target}: {len(definite)} mục phải thực hiện\n\n"
            + output.to_markdown(output.unit_table(definite))
        )
        if maybe:
            out(
                f"\n## Có thể liên quan (nhóm không xác định): {len(maybe)} mục\n\n"
                + output.to_markdown(output.unit_table(maybe))
            )
    else:
        print_table(output.unit_table(definite), title=f"{target}: {len(definite)} mục phải thực hiện")
        if maybe:
            print_table(
                output.unit_table(maybe),
                title=f"Có thể liên quan — giao cho nhóm không xác định: {len(maybe)} mục",
            )
    if not rows:
        note(f"{target} has no items in the plan")


@command()
def units(
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    data: DataOpt = None,
) -> None:
    """The unit registry: units with type and aliases, groups with members."""
    from . import output
    from .console import out, print_table
    from .units import GROUP_LABELS, TYPE_LABELS

    ds = _load(data)
    reg = ds.registry
    unit_rows_: list[list[output.Cell]] = [
        [u.name, TYPE_LABELS[u.type], "; ".join(u.aliases)] for u in reg.units.values()
    ]
    group_rows: list[list[output.Cell]] = [
        [
            g.name,
            GROUP_LABELS[g.kind],
            "; ".join(g.aliases),
            "; ".join(reg.members(g.name)) or ("(không liệt kê)" if g.kind != "open" else "—"),
        ]
        for g in reg.groups.values()
    ]
    if fmt is TableFormat.json:
        out(
            output.to_json(
                {
                    "units": [
                        {"name": u.name, "type": u.type, "aliases": u.aliases} for u in reg.units.values()
                    ],
                    "groups": [
                        {
                            "name": g.name,
                            "kind": g.kind,
                            "aliases": g.aliases,
                            "members": list(reg.members(g.name)),
                            "definite": g.kind != "open",
                        }
                        for g in reg.groups.values()
                    ],
                }
            )
        )
        return
    units_table = output.Table(["Đơn vị", "Loại", "Tên khác"], unit_rows_, (44, 16, 50))
    groups_table = output.Table(["Nhóm", "Loại nhóm", "Tên khác", "Thành viên"], group_rows, (40, 22, 30, 60))
    if fmt is TableFormat.csv:
        out(
            output.to_csv(
                ["name", "kind", "type", "aliases", "members"],
                [[r[0], "unit", *r[1:], ""] for r in unit_rows_]
                + [[r[0], "group", *r[1:]] for r in group_rows],
            )
        )
    elif fmt is TableFormat.md:
        out(output.to_markdown(units_table) + "\n" + output.to_markdown(groups_table))
    else:
        print_table(units_table, title=f"Đơn vị: {len(unit_rows_)}")
        print_table(groups_table, title=f"Nhóm: {len(group_rows)}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        raise SystemExit(130) from None
