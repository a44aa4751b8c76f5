"""Where a problem stands, in the document's own terms and the reader's language: "Mục 8, thời hạn",
"Phụ lục I, dòng 6", "Phụ lục II, khối II, dòng 3", "Mục nhật ký thứ 1" — from the language-free steps
data/places.py reads off the file (domain/problems.Problem.place)."""

from __future__ import annotations

from tthc_cli.domain.problems import Problem
from tthc_cli.i18n import N_, _
from tthc_cli.present.messages import message

# A numbered element: by its printed number or name, or (when the file gives none) by its position.
_NAMED = {
    "task": N_("Item {name}"),
    "duty": N_("Item {name}"),
    "section": N_("Section {name}"),
    "grouping": N_("group heading {name}"),
    "appendix": N_("Appendix {name}"),
    "block": N_("block {name}"),
    "row": N_("row {name}"),
    "unit": N_("unit '{name}'"),
    "group": N_("group '{name}'"),
}
_BY_POSITION = {
    "task": N_("task number {n} in the list"),
    "duty": N_("duty number {n} in the list"),
    "note": N_("obliging paragraph number {n} in the list"),
    "section": N_("section number {n} in the list"),
    "grouping": N_("group heading number {n} in the list"),
    "block": N_("block number {n} in the list"),
    "row": N_("row number {n} in the list"),
    "row-note": N_("note {n}"),
    "column": N_("column {n}"),
    "unit": N_("unit number {n} in the list"),
    "group": N_("group number {n} in the list"),
    "entry": N_("log entry {n}"),
}
# The fields of the data files, as the office calls them.
FIELD_WORDS = {
    "number": N_("number"),
    "title": N_("title"),
    "short_title": N_("short title"),
    "content": N_("content"),
    "lead": N_("lead unit"),
    "support": N_("coordinating units"),
    "deadline": N_("deadline"),
    "deadline.start": N_("start date"),
    "deadline.due": N_("due date"),
    "deadline.regulation": N_("deadline set by regulation"),
    "deadline.tentative": N_("tentative deadline"),
    "deliverable": N_("deliverable"),
    "notes": N_("notes"),
    "note": N_("note"),
    "appendix": N_("appendix"),
    "grouping": N_("group heading"),
    "text": N_("text"),
    "stt": N_("row number"),
    "unit": N_("unit"),
    "domains": N_("domains"),
    "cells": N_("other columns"),
    "rows": N_("rows"),
    "name": N_("name"),
    "type": N_("type"),
    "aliases": N_("other names"),
    "part_of": N_("part of"),
    "members": N_("members"),
    "scope": N_("scope"),
    "kind": N_("kind of group"),
    "id": N_("item ID"),
    "date": N_("date"),
    "status": N_("status"),
    "period": N_("period"),
    "evidence": N_("evidence"),
    "by": N_("reported by"),
    "task": N_("item it details"),
    "unit_role": N_("role of the units in its rows"),
    "columns": N_("columns"),
    "blocks": N_("blocks"),
    "block": N_("block number"),
    "key": N_("column key"),
    "where": N_("where it stands"),
    "each_unit": N_("each unit separately"),
}


def _element(kind: str, name: str) -> str:
    if name.startswith("#") and kind in _BY_POSITION:
        return _(_BY_POSITION[kind]).format(n=name[1:])
    if kind == "note":  # "IV": a section's closing paragraph; "review.2": note 2 under appendix review
        where, _dot, number = name.partition(".")
        if where.isupper() or where.isdigit():
            if number:
                return _("note {number} of section {where}").format(number=number, where=where)
            return _("closing paragraph of section {where}").format(where=where)
        if number:
            return _("note {number} of appendix {where}").format(number=number, where=where)
        return _("closing paragraph of appendix {where}").format(where=where)
    if kind == "appendix-note":  # "I.2": note 2 under Phụ lục I
        where, _dot, number = name.partition(".")
        if number:
            return _("note {number} of Appendix {where}").format(number=number, where=where)
        return _("closing paragraph of Appendix {where}").format(where=where)
    if kind in _NAMED:
        return _(_NAMED[kind]).format(name=name)
    return name


def _fields(names: list[str]) -> str:
    """The field a problem concerns: the first one named, or its known sub-field ('due date')."""
    if len(names) > 1 and f"{names[0]}.{names[1]}" in FIELD_WORDS:
        return _(FIELD_WORDS[f"{names[0]}.{names[1]}"])
    word = FIELD_WORDS.get(names[0])
    return _(word) if word else _("field '{name}'").format(name=names[0])


def place_words(place: tuple[tuple[str, str], ...]) -> str:
    """'Mục 8, thời hạn': the steps of a place, worded; '' for none."""
    parts: list[str] = []
    fields: list[str] = []
    for kind, name in place:
        if kind == "field":
            fields.append(name)
        elif not fields:
            parts.append(_element(kind, name))
    if fields and parts:  # a field of the file as a whole is already named by its path
        parts.append(_fields(fields))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def described(p: Problem) -> str:
    """The problem's sentence, after its place in the document when it has one (a problem with a key
    — unknown, repeated — names the key itself: the place stops at the element holding it)."""
    place = p.place
    if p.at_key and place and place[-1][0] == "field":
        place = tuple(step for step in place if step[0] != "field")
    where = place_words(place)
    return f"{where}: {message(p)}" if where else message(p)
