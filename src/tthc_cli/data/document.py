"""One parsed YAML file as the loader leaves it: its data, its node tree, the problems found so far
(domain/problems.Problem, each with its file, line, column, field path and place), and the way back
from a data path to the line and column it was read from and to the document's own numbering.

The node tree is composed with libyaml when PyYAML has it, every untagged node tagged plain text,
sequence or mapping: YAML types are read by the loader, not by YAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from tthc_cli.data.places import place_of
from tthc_cli.domain.problems import Problem
from tthc_cli.textnorm import nfc

_STR_TAG = "tag:yaml.org,2002:str"
DEFAULT_TAGS = {_STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}

Path = tuple[str | int, ...]

try:  # libyaml's parser and composer, in C; the pure-Python one behaves the same, slower.
    BaseLoader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    BaseLoader = yaml.BaseLoader

_KIND_TAGS = {
    yaml.ScalarNode: _STR_TAG,
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(BaseLoader):  # type: ignore[misc]
    """Every untagged node gets the plain str/seq/map tag: types are read by _Walker, not by YAML.
    (The composer asks this once per node; BaseResolver's generic version costs ~10% of a parse.)"""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _KIND_TAGS[kind]


def compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


@dataclass
class Document:
    """One parsed file: its data (None when unusable), its node tree and the problems found so far."""

    file: str
    data: Any = None
    root: yaml.Node | None = None
    # Kept to find positions again only when a later check has a problem to report: the node tree
    # costs more memory than the data itself, so it is dropped once the data is read.
    text: str | None = None
    diagnostics: list[Problem] = field(default_factory=list)
    # Fields whose value could not be read (a date the calendar does not have), left out of `data`.
    unread: frozenset[Path] = frozenset()
    # Each mapping's keys, indexed on first use: locating N problems in a mapping of N keys costs N
    # lookups, not N scans (30,000 unknown keys took minutes).
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)

    def report(self, found: Problem, line: int, column: int, path: Path = (), *, key: bool = False) -> None:
        """Record `found` at `line`:`column` of this file (the field `path`, when it has one)."""
        self.diagnostics.append(self.placed(found, path, line, column, key=key))

    def report_at(self, found: Problem, path: Path, *, key: bool = False) -> None:
        """Record `found` at the field `path` (its key with key=True), located in the text."""
        self.diagnostics.append(self.located(found, path, key=key))

    def located(self, found: Problem, path: Sequence[str | int], *, key: bool = False) -> Problem:
        """`found` (about the field `path` of this file) with its line, column and place."""
        line, column = self.locate(path, key=key)
        return self.placed(found, tuple(path), line, column, key=key)

    def placed(self, found: Problem, path: Path, line: int, column: int, *, key: bool = False) -> Problem:
        place = place_of(self.file, self._tree(), path) if path else ()
        return replace(found, file=self.file, path=path, line=line, column=column, at_key=key, place=place)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.diagnostics)

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the node at `path` (of its key with key=True), or of the
        deepest node that exists on the way (e.g. the mapping a missing field belongs in)."""
        node = self._tree()
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                found = self._mapping_keys(node).get(part)
                if found is None:
                    break
                k, node = found
                mark = k.start_mark if (last and key) else node.start_mark
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        return (mark.line + 1, mark.column + 1)

    def _tree(self) -> yaml.Node | None:
        """The node tree, composed again from the text when it was dropped after reading."""
        if self.root is None and self.text is not None:
            try:
                self.root = compose(self.text)
            except yaml.YAMLError:
                self.text = None
        return self.root

    def _mapping_keys(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    index.setdefault(nfc(k.value), (k, v))  # the first one is the one kept
            self._keys[id(node)] = index
        return index
