"""Cross-file rules over the validated files and the plan built from them: unique IDs, references that
resolve, sound groups and notes. Each rule yields problems (domain/problems.py) at a file and field
path; their lines are found later (dataset.py) and their words in present/messages.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date

from tthc_cli.data.build import Sources
from tthc_cli.data.checks_progress import check_progress, check_unit_files
from tthc_cli.data.models import Duty, Group, Obligation, Party, Task, Unit
from tthc_cli.domain.item_ids import item_id
from tthc_cli.domain.plan import ItemKind, Plan
from tthc_cli.domain.plan_files import PLAN, UNITS, appendix_file
from tthc_cli.domain.problems import Path, Problem, problem, warning
from tthc_cli.domain.units import Registry, fold

# A rule: the plan, the files it was built from, and the real date (None: not checked) -> problems.
Check = Callable[[Plan, Sources, date | None], Iterator[Problem]]


def _unknown(
    registry: Registry, name: str, file: str, path: Path, what: str = "unit or group"
) -> Problem | None:
    """`unknown-unit` for a name the registry does not know (variant: `unit` where only a unit fits)."""
    if registry.resolve(name) is not None:
        return None
    look = registry.lookup(name)
    close = (look.candidates or look.suggestions)[:3]
    variant = "" if what == "unit or group" else "unit"
    return problem("unknown-unit", variant, name=name, suggestions=close).at(file, path)


def check_ids(plan: Plan, sources: Sources, today: date | None = None) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for item in plan.items:
        if item.id in seen:
            file, path = item.source
            field = "number" if item.kind in (ItemKind.TASK, ItemKind.DUTY) else "stt"
            first = ".".join(map(str, seen[item.id]))
            yield problem("duplicate-id", id=item.id, where=first).at(file, (*path, field))
        else:
            seen[item.id] = item.source[1]
    groupings = set()
    for i, g in enumerate(sources.plan.groupings):
        if g.number in groupings:
            yield problem("duplicate-id", "grouping", number=g.number).at(PLAN, ("groupings", i, "number"))
        groupings.add(g.number)
    for i, task in enumerate(sources.plan.tasks):
        if task.grouping is not None and task.grouping not in groupings:
            yield problem("unknown-grouping", name=task.grouping).at(PLAN, ("tasks", i, "grouping"))


def _party_refs(registry: Registry, party: Party | None, path: Path) -> Iterator[Problem]:
    if party is None:
        return
    refs = party.refs
    for j, ref in enumerate(refs):
        found = _unknown(registry, ref, PLAN, (*path, "refs", j))
        if found is None:
            continue
        joined = _comma_split_name(registry, refs, j)
        if joined:
            found = problem("comma-split-name", ref=ref, name=joined).at(found.file, found.path)
        yield found


def _comma_split_name(registry: Registry, refs: list[str], j: int) -> str | None:
    """The registered name that refs[i..k] joined with ', ' spell, if one covers position j."""
    for i in range(max(0, j - 6), j + 1):
        for k in range(j, min(len(refs), i + 8)):
            if k > i and registry.resolve(", ".join(refs[i : k + 1])):
                return ", ".join(refs[i : k + 1])
    return None


def check_references(plan: Plan, sources: Sources, today: date | None = None) -> Iterator[Problem]:
    reg = plan.registry
    for path, entry in _work_entries(sources):
        yield from _party_refs(reg, entry.lead, (*path, "lead"))
        yield from _party_refs(reg, entry.support, (*path, "support"))
        if entry.reporting is not None:
            yield from _party_refs(reg, entry.reporting.by, (*path, "reporting", "by"))
    rows: list[tuple[str, Path, str]] = []
    for name, appendix in sources.appendices.items():
        file = appendix_file(name)
        rows += [(file, ("rows", i, "unit"), r.unit) for i, r in enumerate(appendix.rows)]
        rows += [
            (file, ("blocks", b, "rows", i, "unit"), r.unit)
            for b, block in enumerate(appendix.blocks)
            for i, r in enumerate(block.rows)
        ]
    for file, path, name in rows:
        if found := _unknown(reg, name, file, path, "unit"):
            yield found
        elif reg.is_group(reg.resolve(name) or ""):
            yield problem("group-in-appendix", name=name).at(file, path)


def check_appendix_links(plan: Plan, sources: Sources, today: date | None = None) -> Iterator[Problem]:
    """An appendix details the item that names it (`appendix: <name>`), and that item names it back."""
    by_number = {item_id("task", t.number): (i, t) for i, t in enumerate(sources.plan.tasks)}
    linked: dict[str, str] = {}
    for name, appendix in sources.appendices.items():
        if appendix.task is None:
            continue
        file = appendix_file(name)
        found = by_number.get(item_id("task", appendix.task))
        linked[name] = appendix.task
        if found is None:
            yield problem("unknown-task", task=appendix.task).at(file, ("task",))
        elif found[1].appendix != name:
            yield problem("appendix-link", "undeclared", task=appendix.task, name=name).at(file, ("task",))
    for i, task in enumerate(sources.plan.tasks):
        if task.appendix is None:
            continue
        path = ("tasks", i, "appendix")
        if task.appendix not in sources.appendices:
            have = tuple(appendix_file(n) for n in sources.appendices)
            yield problem(
                "appendix-link",
                "no-file",
                task=task.number,
                name=task.appendix,
                file=appendix_file(task.appendix),
                have=have,
            ).at(PLAN, path)
        elif linked.get(task.appendix) != task.number:
            yield problem(
                "appendix-link",
                "other-task",
                task=task.number,
                name=task.appendix,
                owner=linked.get(task.appendix),
            ).at(PLAN, path)
    for i, group in enumerate(sources.units.groups):
        if group.appendix is not None and group.appendix not in sources.appendices:
            # A warning: a registry carried over from last year (tthc new) names last year's
            # appendices until this year's are written; the group has no members meanwhile.
            yield warning("appendix-link", "group", name=group.name, file=appendix_file(group.appendix)).at(
                UNITS, ("groups", i, "appendix")
            )
    numbers: dict[str, str] = {}
    for name, appendix in sources.appendices.items():
        if appendix.number is None:
            continue
        if appendix.number in numbers:
            yield problem(
                "duplicate-id",
                "appendix",
                number=appendix.number,
                other=appendix_file(numbers[appendix.number]),
            ).at(appendix_file(name), ("number",))
        numbers.setdefault(appendix.number, name)
    yield from _each_unit_without_units(plan.registry, sources)


def _each_unit_without_units(registry: Registry, sources: Sources) -> Iterator[Problem]:
    """`each_unit: true` on an item whose leads name no definite unit (only open-ended groups): there
    is no one to split it between, so it stays one obligation."""
    for path, entry in _work_entries(sources):
        if entry.each_unit:
            refs = [registry.resolve(r) for r in entry.lead.refs]
            if all(r is None or registry.is_open(r) for r in refs):
                yield warning("each-unit-open").at(PLAN, (*path, "each_unit"))


def _work_entries(sources: Sources) -> Iterator[tuple[Path, Task | Duty | Obligation]]:
    """Every task, duty and obliging note of plan.yaml with its path: the entries that name units."""
    parts: list[tuple[str, Sequence[Task | Duty | Obligation]]] = [
        ("tasks", sources.plan.tasks),
        ("duties", sources.plan.duties),
        ("obligations", sources.plan.obligations),
    ]
    for field, entries in parts:
        for i, entry in enumerate(entries):
            yield (field, i), entry


def check_registry(plan: Plan, sources: Sources, today: date | None = None) -> Iterator[Problem]:
    reg = plan.registry
    for i, unit in enumerate(sources.units.units):
        if unit.part_of is not None and reg.resolve(unit.part_of) is None:
            yield problem("unknown-unit", "part-of", name=unit.part_of).at(UNITS, ("units", i, "part_of"))
    for i, group in enumerate(sources.units.groups):
        for field in ("members", "scope"):
            for j, member in enumerate(getattr(group, field) or []):
                if found := _unknown(reg, member, UNITS, ("groups", i, field, j)):
                    yield found
    yield from _names_apart(sources)
    for i, group in enumerate(sources.units.groups):
        listed = {fold(m) for m in group.members}
        for j, marked in enumerate(group.inferred_members):
            if fold(marked.name) not in listed:
                yield problem("inferred-member", group=group.name, name=marked.name).at(
                    UNITS, ("groups", i, "inferred_members", j, "name")
                )
        members = reg.members(group.name)
        if any(group.name in reg.expand(m) for m in members):
            yield problem("group-cycle", name=group.name).at(UNITS, ("groups", i, "members"))


def _names_apart(sources: Sources) -> Iterator[Problem]:
    """Every name and alias tells one unit or group apart from the others; an alias in lower case after
    another is the piece of a name a flow list split at its commas."""
    owner: dict[str, tuple[str, Path]] = {}
    entries: list[tuple[str, Path, str]] = []
    named: list[tuple[str, Sequence[Unit | Group]]] = [
        ("units", sources.units.units),
        ("groups", sources.units.groups),
    ]
    for field, elements in named:
        for i, element in enumerate(elements):
            entries.append((element.name, (field, i, "name"), element.name))
            entries += [(element.name, (field, i, "aliases", j), a) for j, a in enumerate(element.aliases)]
    for name, path, text in entries:
        if path[2] == "aliases" and path[3] != 0 and text[:1].islower():
            # A name of this genre starts with a capital ("Sở", "UBND", "Các cơ quan"); a later alias in
            # lower case is what a name with commas written in a flow list [a, b] leaves ("đơn vị").
            yield warning("comma-split-name", "alias", ref=text, name=name).at(UNITS, path)
        key = fold(text)
        if key in owner and owner[key][0] != name:
            yield problem("ambiguous-name", text=text, owner=owner[key][0]).at(UNITS, path)
        owner.setdefault(key, (name, path))


def check_notes(plan: Plan, sources: Sources, today: date | None = None) -> Iterator[Problem]:
    for name, appendix in sources.appendices.items():
        file = appendix_file(name)
        for b, block in enumerate(appendix.blocks):
            numbers = {r.stt for r in block.rows}
            covered: set[int] = set()
            for n, note in enumerate(block.notes):
                first, last = note.rows
                path = ("blocks", b, "notes", n, "rows")
                if first > last or first not in numbers or last not in numbers:
                    yield problem("note-rows", first=first, last=last).at(file, path)
                elif covered & set(range(first, last + 1)):
                    yield problem("note-rows", "overlap").at(file, path)
                covered |= set(range(first, last + 1))


# Every rule over the data set as a whole, in the order their problems are reported. Each takes the
# plan, its source files and the real date (only the progress log's rule needs it) and yields
# problems; the file and line of each are found later, from its field path (dataset.py). A new rule
# is a function here (or in checks_progress.py), a line in this list and its words in
# present/messages.py, with its own tests (tests/test_checks.py).
CHECKS: tuple[Check, ...] = (
    check_ids,
    check_references,
    check_appendix_links,
    check_registry,
    check_notes,
    check_progress,
    check_unit_files,
)


def run_checks(plan: Plan, sources: Sources, today: date | None = None) -> list[Problem]:
    """The problems every rule of CHECKS finds, on `today` (None: dates are not checked)."""
    return [found for check in CHECKS for found in check(plan, sources, today)]
