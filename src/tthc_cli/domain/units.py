"""The unit registry: names, aliases, groups and members; matching names the way people type them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from enum import StrEnum

from tthc_cli.textnorm import typed

_NON_WORD = re.compile(r"[^0-9a-z]+")

# Unit-type words in front of a name, folded; stripped for matching but kept to disambiguate
# ("TP Chí Linh" vs "thị xã Chí Linh"). "committee" = any People's Committee (district or commune).
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("uy ban nhan dan", "committee"),
    ("ubnd", "committee"),
    ("thanh pho", "city"),
    ("tp", "city"),
    ("thi xa", "town"),
    ("tx", "town"),
    ("huyen", "district"),
    ("quan", "urban_district"),
    ("q", "urban_district"),  # "Q. Hải Châu", "Q.1"
    ("thi tran", "township"),
    ("phuong", "ward"),
    ("p", "ward"),  # "P. Thạch Thang" (a name registered as "P. …" still matches exactly first)
    ("xa", "commune"),
    ("so", "department"),
    ("ban", "board"),
)
_COMMITTEE_TYPES = {"city", "town", "district", "urban_district", "commune", "ward", "township"}


def fold(text: str) -> str:
    """The matching key: no case, no diacritics (đ -> d), no punctuation, '&' read as 'và'.

    Tone-mark placement ("thuỷ"/"thủy") and NFD input fold to the same key; invisible characters are
    dropped so a zero-width space cannot make "Sở Y tế" a different unit.
    """
    text = typed(text).replace("&", " và ")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.replace("đ", "d").replace("Đ", "D").casefold()
    return _NON_WORD.sub(" ", text).strip()


# The five tone marks of Vietnamese (huyền, sắc, hỏi, ngã, nặng). The other combining marks (â, ă, ơ)
# change the letter itself and stay with it.
_TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")
_WORD = re.compile(r"\w+")
# Type words people put in front of a name (matched loosely, like the prefixes above).
_TYPE_WORDS = "sở ủy uỷ ban nhân dân thành phố thị xã trấn huyện quận phường tp tx ubnd"


def _signature(word: str) -> str | None:
    """A word's letters and tone mark as written, whatever vowel carries the mark ("thuỷ" = "thủy");
    None when it carries no diacritic at all (typed without marks: matches any)."""
    parts = unicodedata.normalize("NFD", word.casefold())
    if parts.isascii():
        return None
    base = "".join(c for c in parts if c not in _TONES)
    tones = "".join(sorted(c for c in parts if c in _TONES))
    return unicodedata.normalize("NFC", base) + tones


def _signatures(text: str) -> set[str]:
    words = _WORD.findall(typed(text).replace("&", " và "))
    return {sig for sig in map(_signature, words) if sig is not None}


_TYPE_SIGNATURES = _signatures(_TYPE_WORDS)


def marks_fit(query: str, names: Iterable[str]) -> bool:
    """Whether every word typed with diacritics is spelt with the same ones in `names` (a unit's name
    and aliases). "so y te" and "Sở Y te" fit "Sở Y tế"; "Sở Y tể" (a tone-mark slip) does not: the
    folded key alone would silently read it as Sở Y tế."""
    typed_words = _signatures(query) - _TYPE_SIGNATURES
    if not typed_words:
        return True
    known: set[str] = set()
    for name in names:
        known |= _signatures(name)
    return typed_words <= known


def split_type(key: str) -> tuple[str | None, str]:
    """'ubnd thanh pho chi linh' -> ('city', 'chi linh'): an optional "UBND", then one type word.
    Only one type word is stripped: "Ban Quản lý …" is a board, not a "quận"."""
    kind: str | None = None
    for prefix, prefix_kind in _PREFIXES:
        if prefix_kind != "committee":
            continue
        if key == prefix or key.startswith(prefix + " "):
            key, kind = key[len(prefix) :].strip(), prefix_kind
            break
    for prefix, prefix_kind in _PREFIXES:
        if prefix_kind == "committee":
            continue
        if key == prefix or key.startswith(prefix + " "):
            key, kind = key[len(prefix) :].strip(), prefix_kind
            break
    return kind, key


class UnitType(StrEnum):
    """The unit types of the genre. Provincial: office (Văn phòng UBND), centre, department (sở), board
    (ban), portal, media; central agencies located in the province (Công an tỉnh, BHXH tỉnh, Cục
    Thuế); district level: city, town (thị xã), district (huyện), urban_district (quận); commune level:
    commune (xã), ward (phường), township (thị trấn); mass organisations; enterprises."""

    OFFICE = "office"
    CENTRE = "centre"
    DEPARTMENT = "department"
    BOARD = "board"
    PORTAL = "portal"
    MEDIA = "media"
    CENTRAL = "central"
    CITY = "city"
    TOWN = "town"
    DISTRICT = "district"
    URBAN_DISTRICT = "urban_district"
    COMMUNE = "commune"
    WARD = "ward"
    TOWNSHIP = "township"
    MASS_ORG = "mass_org"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class GroupKind(StrEnum):
    """listed: exactly its members; collective: a definite class the plan does not enumerate (its
    known members, and others may belong); appendix: exactly the units of one appendix; open: names
    no definite member ("các cơ quan … có liên quan")."""

    LISTED = "listed"
    COLLECTIVE = "collective"
    APPENDIX = "appendix"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    name: str
    type: UnitType
    aliases: tuple[str, ...] = ()
    requires_type: bool = False
    part_of: str | None = None
    part_of_basis: str | None = None  # where `part_of` is read from, when the source does not print it
    email: str | None = None  # where reminders go (units.yaml `email`)


@dataclass(frozen=True, slots=True)
class GroupInfo:
    """`inferred_members`: (member as written, basis) for memberships the source does not print;
    `closure_basis`: for a listed group the source never says is complete, where that is read from."""

    name: str
    kind: GroupKind
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    scope: tuple[str, ...] | None = None
    appendix: str | None = None
    inferred_members: tuple[tuple[str, str], ...] = ()
    closure_basis: str | None = None


class LookupNote(StrEnum):
    """Why a name that matched nothing did not match: its tone marks differ from a unit's
    ("Sở Y tể"), or it is the province's own name ("Hải Dương" means the province)."""

    TONE_MARKS = "tone-marks"
    PROVINCE_NAME = "province-name"


@dataclass(frozen=True, slots=True)
class Lookup:
    """The answer to 'which unit is this?': one `name`, or none with `candidates` (several matched)
    or `suggestions` (nothing matched; close names); `note` says why a near name did not match."""

    query: str
    name: str | None = None
    candidates: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: LookupNote | None = None
    province: str | None = None  # with LookupNote.PROVINCE_NAME: the province's name


class Registry:
    """The units and groups a plan names, with the matching of names as people type them. Built once
    from units.yaml (`from_infos`); its caches are internal: from outside it does not change."""

    def __init__(self, province: str | None = None) -> None:
        self.units: dict[str, UnitInfo] = {}
        self.groups: dict[str, GroupInfo] = {}
        self._exact: dict[str, str] = {}
        self._cores: dict[str, list[tuple[str | None, str]]] = {}
        self._derived: dict[str, tuple[str, ...]] = {}
        self._resolved: dict[str, str | None] = {}
        self._expanded: dict[str, frozenset[str]] = {}
        self._bases: dict[str, dict[str, str]] = {}
        # Folded once, on the first name that matches nothing exactly: every name as (name, core,
        # whole key), and the keys suggestions are drawn from. A log or plan with thousands of unknown
        # names compared them all again for each before.
        self._folded: list[tuple[str, str, str]] | None = None
        self._keys: list[str] | None = None
        self.province = province

    @classmethod
    def from_infos(
        cls,
        units: Iterable[UnitInfo],
        groups: Iterable[GroupInfo],
        derived: Mapping[str, Iterable[str]] | None = None,
        province: str | None = None,
    ) -> Registry:
        """`derived`: the members of each group of kind 'appendix', by appendix name (the units of
        that appendix, as written: resolved here)."""
        reg = cls(province)
        for unit in units:
            reg.units.setdefault(unit.name, unit)
            for alias in (unit.name, *unit.aliases):
                key = fold(alias)
                reg._exact.setdefault(key, unit.name)
                kind, core = split_type(key)
                if core:
                    entry = (kind or unit.type, unit.name)
                    bucket = reg._cores.setdefault(core, [])
                    if entry not in bucket:
                        bucket.append(entry)
        for group in groups:
            reg.groups.setdefault(group.name, group)
            for alias in (group.name, *group.aliases):
                reg._exact.setdefault(fold(alias), group.name)
        for appendix, names in (derived or {}).items():
            resolved = (reg.resolve(n) for n in names)
            reg._derived[appendix] = tuple(dict.fromkeys(n for n in resolved if n is not None))
        return reg

    @property
    def derived(self) -> dict[str, tuple[str, ...]]:
        return dict(self._derived)

    # --- resolution --------------------------------------------------------------------------------

    def resolve(self, name: str) -> str | None:
        """The canonical name for a registered name or alias, or None. Never fuzzy."""
        # A plan names the same few dozen units tens of thousands of times: fold each once.
        try:
            return self._resolved[name]
        except KeyError:
            found = self._resolved[name] = self.lookup(name).name
            return found

    def lookup(self, query: str) -> Lookup:
        found = self._lookup(query)
        if found.name and not marks_fit(query, self.spellings(found.name)):
            return Lookup(query, suggestions=(found.name,), note=LookupNote.TONE_MARKS)
        return found

    def spellings(self, name: str) -> tuple[str, ...]:
        """A registered unit's or group's name and aliases."""
        info = self.units.get(name) or self.groups.get(name)
        return (name, *info.aliases) if info else (name,)

    def _lookup(self, query: str) -> Lookup:
        key = fold(query)
        if not key:
            return Lookup(query)
        if key in self._exact:
            return Lookup(query, self._exact[key])
        kind, core = split_type(key)
        matches = self._by_core(kind, core)
        if len(matches) == 1:
            return Lookup(query, matches[0])
        if len(matches) > 1:
            return Lookup(query, candidates=tuple(matches))
        return self._not_exact(query, key, kind, core)

    def _by_core(self, kind: str | None, core: str) -> list[str]:
        """The names whose folded core (the name without its type words) is `core`, of a type that
        fits the one typed."""
        found = [
            name for alias_kind, name in self._cores.get(core, []) if self._type_fits(kind, alias_kind, name)
        ]
        return list(dict.fromkeys(found))

    def _not_exact(self, query: str, key: str, kind: str | None, core: str) -> Lookup:
        """Nothing exact: a word-for-word part of several names ("Giang") is ambiguous, of one name a
        suggestion. Never pick silently: "Bình Giang" and "Ninh Giang" differ by one letter."""
        needle = f" {core or key} "
        partial = [
            name for name, name_core, whole in self._folded_names() if needle in name_core or needle in whole
        ]
        note = None
        province = self.province
        if core and kind is None and province and core == split_type(fold(province))[1]:
            # A bare province name means the province itself, never its city of the same name.
            note = LookupNote.PROVINCE_NAME
        if len(partial) > 1 and not note:
            return Lookup(query, candidates=tuple(partial))
        if partial:
            return Lookup(query, suggestions=tuple(partial), note=note, province=province if note else None)
        return Lookup(query, suggestions=self._suggest(key), note=note, province=province if note else None)

    def _type_fits(self, typed: str | None, alias_kind: str | None, name: str) -> bool:
        unit = self.units.get(name)
        if typed is None:
            return unit is None or not unit.requires_type
        if unit is not None and unit.requires_type:
            return typed == alias_kind
        if typed == "committee":
            return alias_kind in _COMMITTEE_TYPES
        return typed == alias_kind

    def _suggest(self, key: str) -> tuple[str, ...]:
        if self._keys is None:
            self._keys = list(self._exact) + list(self._cores)
        keys = self._keys
        close = get_close_matches(key, keys, n=6, cutoff=0.72)
        close += get_close_matches(split_type(key)[1], keys, n=6, cutoff=0.72)
        names: list[str] = []
        for k in close:
            if k in self._exact:
                names.append(self._exact[k])
            names.extend(name for _, name in self._cores.get(k, []))
        return tuple(dict.fromkeys(names))[:5]

    def all_names(self) -> list[str]:
        return [*self.units, *self.groups]

    def _folded_names(self) -> list[tuple[str, str, str]]:
        """Every name with its folded core and whole key, each padded with spaces for word search."""
        if self._folded is None:
            self._folded = [
                (name, f" {split_type(fold(name))[1]} ", f" {fold(name)} ") for name in self.all_names()
            ]
        return self._folded

    # --- groups ------------------------------------------------------------------------------------

    def is_group(self, name: str) -> bool:
        return name in self.groups

    def is_open(self, name: str) -> bool:
        group = self.groups.get(name)
        return group is not None and group.kind is GroupKind.OPEN

    def is_unlisted_class(self, name: str) -> bool:
        """A definite class the plan binds but never enumerates, with no member listed ("UBND cấp
        xã"): it owes what it is bound to as a whole."""
        group = self.groups.get(name)
        return group is not None and group.kind is GroupKind.COLLECTIVE and not group.members

    def members(self, name: str) -> tuple[str, ...]:
        """Direct members (canonical) of a group: listed, or derived from an appendix."""
        group = self.groups.get(name)
        if group is None:
            return ()
        if group.kind is GroupKind.APPENDIX:
            return self._derived.get(group.appendix or "", ())
        resolved = (self.resolve(m) for m in group.members)
        return tuple(dict.fromkeys(m for m in resolved if m is not None))

    def expand(self, name: str) -> frozenset[str]:
        """Every unit and group that `name` definitely includes, itself too. Open groups include no
        one but themselves. Safe on cycles. Worked out once per name (a plan asks about the same few
        groups for each of its items)."""
        found = self._expanded.get(name)
        if found is None:
            found = self._expanded[name] = self._expand(name)
        return found

    def _expand(self, name: str) -> frozenset[str]:
        seen: set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if not self.is_open(current):
                stack.extend(self.members(current))
        return frozenset(seen)

    def membership_basis(self, group: str, target: str) -> str | None:
        """How `target` belongs to `group`: None when a path of printed memberships leads there (or
        none does), else the basis of the first inferred membership on the way ("Mục 4")."""
        bases = self._bases.get(group)
        if bases is None:
            bases = self._bases[group] = self._membership_bases(group)
        return bases.get(target)

    def _membership_bases(self, group: str) -> dict[str, str]:
        """Every member of `group` reached only through an inferred membership, with its basis: a
        walk that prefers printed memberships (a member reached both ways is printed)."""
        printed: set[str] = set()
        inferred: dict[str, str] = {}
        stack: list[tuple[str, str | None]] = [(group, None)]
        while stack:
            current, basis = stack.pop()
            if basis is None:
                if current in printed:
                    continue
                printed.add(current)
                inferred.pop(current, None)
            elif current in printed or current in inferred:
                continue
            else:
                inferred[current] = basis
            info = self.groups.get(current)
            if info is None or self.is_open(current):
                continue
            marked = {self.resolve(name): why for name, why in info.inferred_members}
            for member in self.members(current):
                stack.append((member, basis if basis is not None else marked.get(member)))
        return inferred

    def scope(self, name: str) -> frozenset[str] | None:
        """Whom an open group may concern: None means any unit."""
        group = self.groups.get(name)
        if group is None or group.scope is None:
            return None
        out: set[str] = set()
        for entry in group.scope:
            resolved = self.resolve(entry)
            if resolved:
                out |= self.expand(resolved)
        return frozenset(out)
