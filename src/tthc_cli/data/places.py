"""Where a field stands in the document's own terms, read from the file itself: `tasks[11].deadline.text`
is the task printed as "8", field `deadline`; `blocks[1].rows[2]` is block "II", row 3 of appendix "II";
`entries[0]` is the log's first entry. Language-free steps (domain/problems.Problem.place), worded by
present/places.py.

An element is named by its printed number (`number`, `stt`, `block`), a unit or group by its name, as
the file gives them; when the file gives none (or not as text), by its position: '#13'.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import yaml

from tthc_cli.domain.plan_files import appendix_name

Place = tuple[tuple[str, str], ...]


class Step(StrEnum):
    TASK = "task"
    DUTY = "duty"
    NOTE = "note"  # an obliging paragraph of the plan (obligations[]): its `where` and number
    APPENDIX_NOTE = "appendix-note"  # such a paragraph under an appendix, by the appendix's number
    SECTION = "section"
    GROUPING = "grouping"
    APPENDIX = "appendix"  # its number ("I"), else its name ("review")
    BLOCK = "block"
    ROW = "row"
    ROW_NOTE = "row-note"  # a note under an appendix table or block, by position
    COLUMN = "column"
    UNIT = "unit"
    GROUP = "group"
    ENTRY = "entry"  # a progress entry, by position
    FIELD = "field"  # a field's key, as in the file


# The lists whose elements the document numbers, at the top of a file: the step and the key that
# holds the element's printed name (None: its position).
_TOP = {
    "tasks": (Step.TASK, "number"),
    "duties": (Step.DUTY, "number"),
    "obligations": (Step.NOTE, None),
    "sections": (Step.SECTION, "number"),
    "groupings": (Step.GROUPING, "number"),
    "rows": (Step.ROW, "stt"),
    "blocks": (Step.BLOCK, "block"),
    "columns": (Step.COLUMN, None),
    "notes": (Step.ROW_NOTE, None),
    "units": (Step.UNIT, "name"),
    "groups": (Step.GROUP, "name"),
    "entries": (Step.ENTRY, None),
}
_IN_BLOCK = {"rows": (Step.ROW, "stt"), "notes": (Step.ROW_NOTE, None)}


def _text(node: yaml.Node | None) -> str | None:
    """A scalar's text as written (names and numbers are plain text in these files)."""
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return " ".join(node.value.split())
    return None


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found: yaml.Node = v
                return found
    return None


def _name(element: yaml.Node, step: Step, key: str | None, index: int) -> str:
    if step is Step.NOTE:  # obligations: "IV" (a section's closing paragraph) or "review.2"
        where, number = _text(_get(element, "where")), _text(_get(element, "number"))
        if where:
            return f"{where}.{number}" if number else where
    elif key is not None and (found := _text(_get(element, key))) is not None:
        return found
    return f"#{index + 1}"


def place_of(file: str, root: yaml.Node | None, path: Sequence[str | int]) -> Place:
    """The steps naming `path` in the file shown as `file` whose node tree is `root`: () for a
    problem of the file as a whole, or of a field outside any numbered element."""
    steps: list[tuple[str, str]] = []
    name = appendix_name(file.replace("\\", "/").rsplit("/", 1)[-1])
    if name is not None and path:
        steps.append((Step.APPENDIX, _text(_get(root, "number")) or name))
    node = root
    table = _TOP
    elements = 0
    for i, part in enumerate(path):
        if isinstance(part, int):
            parent = path[i - 1] if i else None
            child = (
                node.value[part] if isinstance(node, yaml.SequenceNode) and part < len(node.value) else None
            )
            if isinstance(parent, str) and parent in table and child is not None and not _has_field(steps):
                step, key = table[parent]
                steps.append((step, _name(child, step, key, part)))
                elements += 1
                table = _IN_BLOCK if step is Step.BLOCK else {}
            node = child
            continue
        node = _get(node, part)
        if isinstance(node, yaml.SequenceNode) and part in table and not _has_field(steps):
            continue  # the list itself: its element names the place
        steps.append((Step.FIELD, part))
    if not elements and name is None:
        return ()  # a field of the plan or the registry as a whole: the machine path says it all
    return tuple(steps)


def _has_field(steps: list[tuple[str, str]]) -> bool:
    return any(kind == Step.FIELD for kind, _ in steps)
