"""What can still be checked in a file that breaks its schema: the parts that fit it. `validate` then
runs the cross-file rules too, so a typo in a field and an unknown unit elsewhere are reported
together instead of one after the other."""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

# Checks that look a name or ID up in what a file provides: when that file lost an element, a miss
# may only mean the element was set aside, so these are not reported for the salvaged set.
REFERENT_CODES = {
    "units": frozenset({"unknown-unit", "ambiguous-name", "group-in-appendix", "group-cycle"}),
    "items": frozenset({"unknown-id", "unknown-task", "appendix-link", "unknown-grouping", "note-rows"}),
}

_MAX_ROUNDS = 25


class Salvaged:
    """The model built from the parts of a file that fit its schema; `dropped`: whether whole
    elements (not only unknown or invalid optional fields) had to be set aside."""

    __slots__ = ("fields", "model", "removed")

    def __init__(
        self,
        model: BaseModel | None,
        removed: list[tuple[tuple[Any, ...], int]],
        fields: frozenset[tuple[Any, ...]] = frozenset(),
    ) -> None:
        self.model = model
        self.removed = removed  # (path of the list, index), in the order they were removed
        self.fields = fields  # the paths of the optional fields set aside (unknown or invalid)

    def lost_a_field(self, path: tuple[Any, ...]) -> bool:
        """Whether the element at `path` (as written) had a field set aside: a rule that judges the
        element as a whole may be misled by the field's absence (a rule's invalid `from` is not a
        missing one)."""
        return any(field[:-1] == path for field in self.fields)

    @property
    def dropped(self) -> bool:
        return bool(self.removed)

    def original_path(self, path: tuple[Any, ...]) -> tuple[Any, ...]:
        """A path into the salvaged data -> the same element's path in the file as written."""
        out = list(path)
        for where, index in reversed(self.removed):
            n = len(where)
            if tuple(out[:n]) == where and len(out) > n and isinstance(out[n], int) and out[n] >= index:
                out[n] += 1
        return tuple(out)


def _container(data: Any, loc: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """(the mapping or list holding the last step of `loc`, that step); None when `loc` leaves the
    data (pydantic adds steps such as union tags)."""
    node = data
    for step in loc[:-1]:
        in_dict = isinstance(node, dict) and step in node
        if in_dict or (isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)):
            node = node[step]
        else:
            return None
    last = loc[-1] if loc else None
    if isinstance(node, dict) and last in node:
        return node, last
    if isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
        return node, last
    return None


def _element(data: Any, loc: tuple[Any, ...]) -> tuple[list[Any], tuple[Any, ...], int] | None:
    """The innermost list element on `loc`: (the list, its path, the index)."""
    for end in range(len(loc), 0, -1):
        if isinstance(loc[end - 1], int):
            found = _container(data, loc[:end])
            if found is not None and isinstance(found[0], list):
                return found[0], loc[: end - 1], found[1]
    return None


def salvage(data: Any, model: type[M]) -> Salvaged:
    """Drop what breaks the schema, a field at a time (an unknown field, an invalid optional one),
    else the innermost list element holding the error, until the rest validates."""
    data = copy.deepcopy(data)
    tried: set[tuple[Any, ...]] = set()
    removed: list[tuple[tuple[Any, ...], int]] = []
    for _ in range(_MAX_ROUNDS):
        try:
            return Salvaged(model.model_validate(data), removed, frozenset(tried))
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        removals: dict[int, tuple[list[Any], tuple[Any, ...], set[int]]] = {}
        changed = False
        for err in errors:
            loc = tuple(err["loc"])
            field = _container(data, loc) if err["type"] != "missing" and loc not in tried else None
            if field is not None and isinstance(field[0], dict):
                tried.add(loc)
                del field[0][field[1]]
                changed = True
                continue
            element = _element(data, loc)
            if element is not None:
                items, where, index = element
                removals.setdefault(id(items), (items, where, set()))[2].add(index)
        for items, where, indexes in removals.values():
            for index in sorted(indexes, reverse=True):
                del items[index]
                removed.append((where, index))
                changed = True
        if not changed:
            break
    return Salvaged(None, removed, frozenset(tried))
