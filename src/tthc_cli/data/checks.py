"""Cross-file rules over validated models: unique IDs, references that resolve, sound groups and notes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date

from tthc_cli.data.build import Dataset
from tthc_cli.data.checks_progress import check_progress
from tthc_cli.data.diagnostics import Problem, Severity
from tthc_cli.data.models import Duty, Obligation, Party, Task
from tthc_cli.domain.item_ids import item_id
from tthc_cli.domain.plan_files import PLAN, UNITS, appendix_file
from tthc_cli.domain.units import Registry, fold
from tthc_cli.i18n import N_, _

# A rule: the data set and the real date (None: not checked) -> the problems it finds.
Check = Callable[[Dataset, date | None], Iterator[Problem]]


def _unknown(
    registry: Registry, name: str, file: str, path: tuple[str | int, ...], what: str = N_("unit or group")
) -> Problem | None:
    if registry.resolve(name) is not None:
        return None
    look = registry.lookup(name)
    close = look.candidates or look.suggestions
    hint = (
        "; " + _("did you mean {names}?").format(names=", ".join(repr(c) for c in close[:3])) if close else ""
    )
    return Problem(
        file,
        path,
        "unknown-unit",
        _(
            "'{name}' is not a registered {what} in units.yaml{hint} (or add it there as a name or alias)"
        ).format(name=name, what=_(what), hint=hint),
    )


def check_ids(ds: Dataset, today: date | None = None) -> Iterator[Problem]:
    seen: dict[str, tuple[str | int, ...]] = {}
    for item in ds.items:
        if item.id in seen:
            file, path = item.source
            field = "number" if item.kind in ("task", "duty") else "stt"
            yield Problem(
                file,
                (*path, field),
                "duplicate-id",
                _("{id} is used twice (first at {where}); renumber one of them").format(
                    id=item.id, where=".".join(map(str, seen[item.id]))
                ),
            )
        else:
            seen[item.id] = item.source[1]
    groupings = set()
    for i, g in enumerate(ds.plan.groupings):
        if g.number in groupings:
            yield Problem(
                PLAN,
                ("groupings", i, "number"),
                "duplicate-id",
                _("grouping {number} is declared twice").format(number=g.number),
            )
        groupings.add(g.number)
    for i, task in enumerate(ds.plan.tasks):
        if task.grouping is not None and task.grouping not in groupings:
            yield Problem(
                PLAN,
                ("tasks", i, "grouping"),
                "unknown-grouping",
                _("grouping '{name}' is not declared under 'groupings'").format(name=task.grouping),
            )


def _party_refs(ds: Dataset, party: Party | None, path: tuple[str | int, ...]) -> Iterator[Problem]:
    if party is None:
        return
    refs = party.refs
    for j, ref in enumerate(refs):
        p = _unknown(ds.registry, ref, PLAN, (*path, "refs", j))
        if p is None:
            continue
        joined = _comma_split_name(ds.registry, refs, j)
        if joined:
            p = Problem(
                p.file,
                p.path,
                "comma-split-name",
                _(
                    "'{ref}' is part of the name '{name}', split at its commas: a flow list [a, b] splits "
                    "on every comma, so write names with commas as a block list, one '- name' per line"
                ).format(ref=ref, name=joined),
            )
        yield p


def _comma_split_name(registry: Registry, refs: list[str], j: int) -> str | None:
    """The registered name that refs[i..k] joined with ', ' spell, if one covers position j."""
    for i in range(max(0, j - 6), j + 1):
        for k in range(j, min(len(refs), i + 8)):
            if k > i and registry.resolve(", ".join(refs[i : k + 1])):
                return ", ".join(refs[i : k + 1])
    return None


def check_references(ds: Dataset, today: date | None = None) -> Iterator[Problem]:
    reg = ds.registry
    for i, task in enumerate(ds.plan.tasks):
        yield from _party_refs(ds, task.lead, ("tasks", i, "lead"))
        yield from _party_refs(ds, task.support, ("tasks", i, "support"))
    for i, duty in enumerate(ds.plan.duties):
        yield from _party_refs(ds, duty.lead, ("duties", i, "lead"))
        yield from _party_refs(ds, duty.support, ("duties", i, "support"))
    rows: list[tuple[str, tuple[str | int, ...], str]] = []
    for name, appendix in ds.appendices.items():
        file = appendix_file(name)
        rows += [(file, ("rows", i, "unit"), r.unit) for i, r in enumerate(appendix.rows)]
        rows += [
            (file, ("blocks", b, "rows", i, "unit"), r.unit)
            for b, block in enumerate(appendix.blocks)
            for i, r in enumerate(block.rows)
        ]
    for file, path, name in rows:
        if p := _unknown(reg, name, file, path, N_("unit")):
            yield p
        elif reg.is_group(reg.resolve(name) or ""):
            yield Problem(
                file,
                path,
                "group-in-appendix",
                _("'{name}' is a group; an appendix row names one unit").format(name=name),
            )


def check_appendix_links(ds: Dataset, today: date | None = None) -> Iterator[Problem]:
    """An appendix details the item that names it (`appendix: <name>`), and that item names it back."""
    by_number = {item_id("task", t.number): (i, t) for i, t in enumerate(ds.plan.tasks)}
    linked: dict[str, str] = {}
    for name, appendix in ds.appendices.items():
        if appendix.task is None:
            continue
        file = appendix_file(name)
        found = by_number.get(item_id("task", appendix.task))
        linked[name] = appendix.task
        if found is None:
            yield Problem(
                file,
                ("task",),
                "unknown-task",
                _("task {task} does not exist in plan.yaml").format(task=appendix.task),
            )
        elif found[1].appendix != name:
            yield Problem(
                file,
                ("task",),
                "appendix-link",
                _("task {task} does not declare 'appendix: {name}' in plan.yaml").format(
                    task=appendix.task, name=name
                ),
            )
    for i, task in enumerate(ds.plan.tasks):
        if task.appendix is None:
            continue
        if task.appendix not in ds.appendices:
            have = ", ".join(appendix_file(n) for n in ds.appendices) or _("none")
            yield Problem(
                PLAN,
                ("tasks", i, "appendix"),
                "appendix-link",
                _(
                    "task {task} says 'appendix: {name}' but there is no {file} (appendices here: {have})"
                ).format(task=task.number, name=task.appendix, file=appendix_file(task.appendix), have=have),
            )
        elif linked.get(task.appendix) != task.number:
            yield Problem(
                PLAN,
                ("tasks", i, "appendix"),
                "appendix-link",
                _("task {task} says 'appendix: {name}' but that appendix belongs to task {owner}").format(
                    task=task.number, name=task.appendix, owner=linked.get(task.appendix) or _("(none)")
                ),
            )
    for i, group in enumerate(ds.units.groups):
        if group.appendix is not None and group.appendix not in ds.appendices:
            # A warning: a registry carried over from last year (tthc new) names last year's
            # appendices until this year's are written; the group has no members meanwhile.
            yield Problem(
                UNITS,
                ("groups", i, "appendix"),
                "appendix-link",
                _(
                    "group '{name}' takes its members from {file}, which this plan folder does not have "
                    "(the group has no members until it does)"
                ).format(name=group.name, file=appendix_file(group.appendix)),
                Severity.WARNING,
            )
    numbers: dict[str, str] = {}
    for name, appendix in ds.appendices.items():
        if appendix.number is None:
            continue
        if appendix.number in numbers:
            yield Problem(
                appendix_file(name),
                ("number",),
                "duplicate-id",
                _("Phụ lục {number} is also {other}; each appendix has its own number").format(
                    number=appendix.number, other=appendix_file(numbers[appendix.number])
                ),
            )
        numbers.setdefault(appendix.number, name)
    yield from _each_unit_without_units(ds)


def _each_unit_without_units(ds: Dataset) -> Iterator[Problem]:
    """`each_unit: true` on an item whose leads name no definite unit (only open-ended groups): there
    is no one to split it between, so it stays one obligation."""
    parts: list[tuple[str, Sequence[Task | Duty | Obligation]]] = [
        ("tasks", ds.plan.tasks),
        ("duties", ds.plan.duties),
        ("obligations", ds.plan.obligations),
    ]
    for field, entries in parts:
        for i, entry in enumerate(entries):
            if not entry.each_unit:
                continue
            refs = [ds.registry.resolve(r) for r in entry.lead.refs]
            if all(r is None or ds.registry.is_open(r) for r in refs):
                yield Problem(
                    PLAN,
                    (field, i, "each_unit"),
                    "each-unit-open",
                    _(
                        "each_unit: true, but every lead is an open-ended group: there is no unit to "
                        "split it between; name the units or a definite group"
                    ),
                    Severity.WARNING,
                )


def check_registry(ds: Dataset, today: date | None = None) -> Iterator[Problem]:
    reg = ds.registry
    owner: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    entries: list[tuple[str, tuple[str | int, ...], str]] = []
    for i, unit in enumerate(ds.units.units):
        entries.append((unit.name, ("units", i, "name"), unit.name))
        entries += [(unit.name, ("units", i, "aliases", j), a) for j, a in enumerate(unit.aliases)]
        if unit.part_of is not None and reg.resolve(unit.part_of) is None:
            yield Problem(
                UNITS,
                ("units", i, "part_of"),
                "unknown-unit",
                _("part_of '{name}' is not a registered unit").format(name=unit.part_of),
            )
    for i, group in enumerate(ds.units.groups):
        entries.append((group.name, ("groups", i, "name"), group.name))
        entries += [(group.name, ("groups", i, "aliases", j), a) for j, a in enumerate(group.aliases)]
        for field in ("members", "scope"):
            for j, member in enumerate(getattr(group, field) or []):
                if p := _unknown(reg, member, UNITS, ("groups", i, field, j)):
                    yield p
    for name, path, text in entries:
        key = fold(text)
        if key in owner and owner[key][0] != name:
            yield Problem(
                UNITS,
                path,
                "ambiguous-name",
                _(
                    "'{text}' reads the same as a name of '{owner}'; names and aliases must tell units apart"
                ).format(text=text, owner=owner[key][0]),
            )
        owner.setdefault(key, (name, path))
    for i, group in enumerate(ds.units.groups):
        members = reg.members(group.name)
        if any(group.name in reg.expand(m) for m in members):
            yield Problem(
                UNITS,
                ("groups", i, "members"),
                "group-cycle",
                _("group '{name}' contains itself through its members").format(name=group.name),
            )


def check_notes(ds: Dataset, today: date | None = None) -> Iterator[Problem]:
    for name, appendix in ds.appendices.items():
        file = appendix_file(name)
        for b, block in enumerate(appendix.blocks):
            numbers = {r.stt for r in block.rows}
            covered: set[int] = set()
            for n, note in enumerate(block.notes):
                first, last = note.rows
                path = ("blocks", b, "notes", n, "rows")
                if first > last or first not in numbers or last not in numbers:
                    yield Problem(
                        file,
                        path,
                        "note-rows",
                        _("rows [{first}, {last}] are not a range of this block's rows").format(
                            first=first, last=last
                        ),
                    )
                elif covered & set(range(first, last + 1)):
                    yield Problem(file, path, "note-rows", _("this note covers rows another note covers"))
                covered |= set(range(first, last + 1))


# Every rule over the data set as a whole, in the order their problems are reported. Each takes the
# data set and the real date (only the progress log's rule needs it) and yields problems; the file
# and line of each are found later, from its field path (dataset.py). A new rule is a function here
# (or in checks_progress.py) and a line in this list, with its own tests (tests/test_checks.py).
CHECKS: tuple[Check, ...] = (
    check_ids,
    check_references,
    check_appendix_links,
    check_registry,
    check_notes,
    check_progress,
)


def check_dataset(ds: Dataset, today: date | None = None) -> list[Problem]:
    """The problems every rule of CHECKS finds, on `today` (None: dates are not checked)."""
    return [problem for check in CHECKS for problem in check(ds, today)]
