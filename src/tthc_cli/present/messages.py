"""Every sentence tthc says about a problem, keyed by its code (and variant): written in English (the
msgids) and translated by the catalogue when it is said. The rules that find problems (domain/,
data/) return codes and facts (domain/problems.py); this module words them, in one place, so a
message can be re-worded or translated without touching a rule, and a rule tested without a language.

A wording is a msgid with `{name}` placeholders filled from the problem's params (dates as
dd/mm/yyyy, lists joined with "; ", codes as their labels), or a function of the params for
sentences that need more (plurals, optional parts). Add a new code's wording in the section of the
part of tthc that finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any

from tthc_cli.domain.problems import Problem
from tthc_cli.domain.units import Lookup, LookupNote
from tthc_cli.fsutil import FileKind
from tthc_cli.i18n import N_, _, os_reason
from tthc_cli.present.labels import code_label

Args = Mapping[str, Any]
Wording = str | Callable[[Args], str]


def shown(value: object) -> str:
    """A param as it stands in a sentence: a date as dd/mm/yyyy, a list joined with '; ', a code by
    its label."""
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, tuple):
        return "; ".join(shown(v) for v in value)
    if isinstance(value, Enum):
        return code_label(value)
    return str(value)


def quoted(values: object) -> str:
    """'a', 'b', 'c': names offered as suggestions."""
    items = values if isinstance(values, tuple) else (values,)
    return ", ".join(f"'{shown(v)}'" for v in items)


MESSAGES: dict[str, Wording] = {}

# Transitional, while the reader and the deadline modules still word their problems where they find
# them: such a problem carries its sentence as the param `text` (variant "text").
TEXT_VARIANT = "text"


def key_of(p: Problem) -> str:
    return f"{p.code}/{p.variant}" if p.variant else p.code


def message(p: Problem) -> str:
    """The sentence for a problem, in the active language."""
    if p.variant == TEXT_VARIANT:
        return str(p.args.get("text", ""))
    wording = MESSAGES.get(key_of(p)) or MESSAGES.get(p.code)
    if wording is None:  # a rule added without its words: say the code and facts rather than fail
        facts = ", ".join(f"{k}={shown(v)}" for k, v in p.params)
        return f"{p.code}" + (f" ({facts})" if facts else "")
    if callable(wording):
        return wording(p.args)
    return _(wording).format(**{k: shown(v) for k, v in p.params})


# --- files and folders (data/files.py, fsutil.py) ------------------------------------------------------

MESSAGES["ignored-file"] = N_(
    "not read: an appendix file is named appendix_<name>.yaml, the name in lower-case "
    "letters, digits and _ (e.g. appendix_ra_soat.yaml)"
)

MESSAGES["missing-file"] = lambda a: _("{name} is missing; a plan folder needs {required}").format(
    name=a["name"], required=(" " + _("and") + " ").join(a["required"])
)

FILE_KIND_WORDS = {
    FileKind.FOLDER: N_("a folder"),
    FileKind.FIFO: N_("a FIFO (named pipe)"),
    FileKind.SOCKET: N_("a socket"),
    FileKind.DEVICE: N_("a device"),
    FileKind.OTHER: N_("a special file"),
}


def file_kind_words(kind: FileKind) -> str:
    """'a FIFO (named pipe)': what a path that is not a regular file is, in the reader's words."""
    return _(FILE_KIND_WORDS[kind])


def not_regular(path: str, kind: FileKind) -> str:
    """'plan.yaml is a FIFO (named pipe)': what -o or a data file named turned out to be."""
    return _("{path} is {kind}").format(path=path, kind=file_kind_words(kind))


def _reason(a: Args) -> str:
    """Why the system refused a file, in the reader's words (the system says it in English)."""
    return os_reason(OSError(a.get("errno") or 0, a.get("reason") or ""))


MESSAGES.update(
    {
        "not-a-folder": N_("{option} '{path}' is not a folder"),
        "no-data-folder": N_(
            "no plan.yaml found in this folder or any folder above it; run tthc inside the plan "
            "folder, or point at it with --data FOLDER or {env}=FOLDER"
        ),
        "folder-unreadable": lambda a: _("cannot read the folder {folder}: {reason}").format(
            folder=a["path"], reason=_reason(a)
        ),
        "file-unreadable": lambda a: _("cannot read {path}: {reason}").format(
            path=a["path"], reason=_reason(a)
        ),
        "not-regular-file": lambda a: _("{path} is {kind}, not a regular file; it cannot be read").format(
            path=a["path"], kind=file_kind_words(a["kind"])
        ),
    }
)

# --- the YAML reader (data/loader.py, data/document.py) ------------------------------------------------

# --- the schemas (data/schema_check.py, data/models.py) ------------------------------------------------

# --- deadline phrases and dates typed (domain/deadline*.py, domain/userdates.py) ----------------------

# --- units, IDs and suggestions (domain/units.py, domain/item_ids.py, domain/suggest.py) --------------


def lookup_note(look: Lookup) -> str:
    """Why a name that matched nothing did not match (domain/units.LookupNote)."""
    if look.note is LookupNote.TONE_MARKS:
        return _("'{typed}' differs from '{name}' in its tone marks").format(
            typed=look.query.strip(), name=look.suggestions[0] if look.suggestions else ""
        )
    return _(
        "'{typed}' is the province's own name; to mean a unit, add its type (e.g. 'TP {province}')"
    ).format(typed=look.query.strip(), province=look.province or "")


def _did_you_mean(ids: tuple[str, ...]) -> str:
    return "; " + _("did you mean {ids}?").format(ids=", ".join(ids)) if ids else ""


def _obligation_parts(a: Args) -> str:
    parts = []
    if a.get("unit"):
        parts.append(
            _("a unit (--unit / `unit:`, e.g. '{unit}'; {count} units)").format(
                unit=a["unit"], count=a["units"]
            )
        )
    periods = tuple(a.get("periods") or ())
    if periods:
        listed = ", ".join(periods[:4]) + (" …" if len(periods) > 4 else "")
        parts.append(_("a period (--period / `period:`: {periods})").format(periods=listed))
    return (" " + _("and") + " ").join(parts)


def _obligation_address(a: Args, variant: str) -> str:
    if variant == "unit":
        what = _("{item} binds each unit separately").format(item=a["item"])
    else:
        what = _("{item} recurs").format(item=a["item"])
    return _("{what}: record progress for {parts}, e.g. {example}").format(
        what=what, parts=_obligation_parts(a), example=a["example"]
    )


def _unknown_obligation(a: Args) -> str:
    text = _("{item} has no obligation '{key}'").format(item=a["item"], key=a["key"])
    if a["suggestions"]:
        return text + _did_you_mean(a["suggestions"])
    if a.get("hint"):
        return text + f" ({_obligation_address(a, a['hint'])})"
    return text


def _unknown_id(a: Args) -> str:
    text = _("no item has the ID '{id}'").format(id=a["id"])
    if a["suggestions"]:
        return text + _did_you_mean(a["suggestions"])
    return text + " " + _("(tthc list shows every ID)")


def _unknown_period(a: Args) -> str:
    return _("{item} has no period '{period}'; its periods: {periods}").format(
        item=a["item"], period=a["period"], periods=", ".join(a["periods"]) or "—"
    )


MESSAGES.update(
    {
        "unknown-id": _unknown_id,
        "unknown-id/obligation": _unknown_obligation,
        "unknown-id/heading": lambda a: _("'{id}' is a heading, not an item; use one of {ids}").format(
            id=a["id"], ids=", ".join(a["ids"])
        ),
        "obligation-address/unit": lambda a: _obligation_address(a, "unit"),
        "obligation-address/period": lambda a: _obligation_address(a, "period"),
        "not-split": N_("{item} is one obligation, not one per unit or period (tthc show {item})"),
        "standing": N_(
            "{item} is a standing responsibility: there is nothing to deliver, so no one is missing "
            "(tthc show {item})"
        ),
        "unknown-period": _unknown_period,
    }
)

# --- cross-file rules (data/checks.py) -----------------------------------------------------------------

MESSAGES["too-many-obligations"] = N_(
    "{item} asks for {count} obligations ({units} units × {occurrences} occurrences), which takes the plan "
    "past {limit} in all; check each_unit and the deadline's cadence, or, if a real plan needs more, "
    "raise the bound with TTHC_MAX_OBLIGATIONS"
)


def _unknown_unit(a: Args, what: str) -> str:
    close = a.get("suggestions") or ()
    hint = "; " + _("did you mean {names}?").format(names=quoted(close)) if close else ""
    return _(
        "'{name}' is not a registered {what} in units.yaml{hint} (or add it there as a name or alias)"
    ).format(name=a["name"], what=_(what), hint=hint)


MESSAGES.update(
    {
        "duplicate-id": N_("{id} is used twice (first at {where}); renumber one of them"),
        "duplicate-id/grouping": N_("grouping {number} is declared twice"),
        "duplicate-id/appendix": N_("Phụ lục {number} is also {other}; each appendix has its own number"),
        "unknown-grouping": N_("grouping '{name}' is not declared under 'groupings'"),
        "unknown-unit": lambda a: _unknown_unit(a, N_("unit or group")),
        "unknown-unit/unit": lambda a: _unknown_unit(a, N_("unit")),
        "unknown-unit/part-of": N_("part_of '{name}' is not a registered unit"),
        "comma-split-name": N_(
            "'{ref}' is part of the name '{name}', split at its commas: a flow list [a, b] splits "
            "on every comma, so write names with commas as a block list, one '- name' per line"
        ),
        "group-in-appendix": N_("'{name}' is a group; an appendix row names one unit"),
        "unknown-task": N_("task {task} does not exist in plan.yaml"),
        "appendix-link/undeclared": N_("task {task} does not declare 'appendix: {name}' in plan.yaml"),
        "appendix-link/no-file": lambda a: _(
            "task {task} says 'appendix: {name}' but there is no {file} (appendices here: {have})"
        ).format(task=a["task"], name=a["name"], file=a["file"], have=", ".join(a["have"]) or _("none")),
        "appendix-link/other-task": lambda a: _(
            "task {task} says 'appendix: {name}' but that appendix belongs to task {owner}"
        ).format(task=a["task"], name=a["name"], owner=a["owner"] or _("(none)")),
        "appendix-link/group": N_(
            "group '{name}' takes its members from {file}, which this plan folder does not have "
            "(the group has no members until it does)"
        ),
        "each-unit-open": N_(
            "each_unit: true, but every lead is an open-ended group: there is no unit to "
            "split it between; name the units or a definite group"
        ),
        "ambiguous-name": N_(
            "'{text}' reads the same as a name of '{owner}'; names and aliases must tell units apart"
        ),
        "group-cycle": N_("group '{name}' contains itself through its members"),
        "note-rows": N_("rows [{first}, {last}] are not a range of this block's rows"),
        "note-rows/overlap": N_("this note covers rows another note covers"),
        "inferred-member": N_(
            "'{name}' is marked as an inferred member of '{group}' but is not among its `members`; "
            "list it there too"
        ),
    }
)

# --- the progress log (data/checks_progress.py, data/progress.py) -------------------------------------

MESSAGES.update(
    {
        "progress-shape/not-utf8": N_("progress.yaml is not UTF-8 (byte {offset}); save it as UTF-8"),
        "progress-shape/no-entries-key": N_(
            "progress.yaml has no line 'entries:' on its own to append under "
            "(write 'entries:' alone on a line, not 'entries: []')"
        ),
        "progress-shape/entries-not-last": N_(
            "'entries:' must be the last key of progress.yaml for tthc to append to it"
        ),
    }
)

MESSAGES.update(
    {
        "future-entry": N_("{day} is after today ({today}); record progress once it has happened"),
        "before-plan": N_("{day} is before the plan period starts ({start})"),
        "long-after-plan": N_(
            "{day} is more than a year after the plan period ended ({end}); check the date"
        ),
        "duplicate-entry": N_("the same entry appears twice"),
        "out-of-order": N_(
            "{item}: dated {day}, before the previous entry for it ({previous}); keep the log in date order"
        ),
        "started-after-done": N_("{item} is already done ({day}); append 'reopened' first"),
        "done-before-start": N_("{item} is recorded done on {day}, before it started ({started})"),
        "done-twice": N_("{item} is already done ({day}); append 'reopened' in between"),
        "reopened-not-done": N_("{item} is not done, so it cannot be reopened"),
        "standing-done": N_(
            "{item} is a standing responsibility, never done; record what happened as a note instead"
        ),
        "done-with-open-parts": lambda a: _(
            "{item} cannot be recorded done while {count} of its {total} parts are not: {parts}; "
            "record each part first (an item with parts is done when they all are)"
        ).format(
            item=a["item"],
            count=a["count"],
            total=a["total"],
            parts=", ".join(a["parts"][:5]) + (" …" if len(a["parts"]) > 5 else ""),
        ),
    }
)

# --- the reporting regime (reporting.yaml) -------------------------------------------------------------

# --- forms and imports (progress import, counts CSV) ---------------------------------------------------


def _column_list(columns: object) -> str:
    return ", ".join(shown(c) for c in (columns if isinstance(columns, tuple) else (columns,)))


def _counts_header_unknown(a: Args) -> str:
    close = a.get("suggestions") or ()
    hint = "; " + _("did you mean {names}?").format(names=quoted(close)) if close else ""
    return _("'{name}' is not a column of the counts file{hint}").format(name=a["name"], hint=hint)


def _counts_unit(a: Args) -> str:
    close = a.get("suggestions") or ()
    hint = "; " + _("did you mean {names}?").format(names=quoted(close)) if close else ""
    return _("'{name}' is not a registered unit in units.yaml{hint}").format(name=a["name"], hint=hint)


def _counts_field(a: Args) -> str:
    close = a.get("suggestions") or ()
    hint = "; " + _("did you mean {names}?").format(names=quoted(close)) if close else ""
    return _("the field '{name}' is not among the plan's fields (Phụ lục I){hint}; kept as written").format(
        name=a["name"], hint=hint
    )


def _counts_sum(label: str) -> Wording:
    def word(a: Args) -> str:
        return _("{what}: {column} is {total}, but its parts {parts} add up to {added}").format(
            what=_(label),
            column=a["column"],
            total=a["total"],
            parts=" + ".join(shown(p) for p in a["parts"]),
            added=a["added"],
        )

    return word


MESSAGES.update(
    {
        "report-period/form": N_(
            "not a report period; write 2021-Q2, 2021-H1, 2021-9M (nine months), 2021-M09 or 2021"
        ),
        "report-period/number": N_("no such period: its number goes from 1 to {count}"),
        "counts-file/too-large": N_("the counts file is larger than {size} bytes"),
        "counts-file/not-utf8": N_(
            "the counts file is not UTF-8 (byte {offset}); save it as 'CSV UTF-8' in Excel"
        ),
        "counts-file/syntax": N_("the CSV cannot be read here: {detail}"),
        "counts-file/empty": N_("the counts file is empty; its first line names the columns"),
        "counts-file/no-rows": N_("the counts file has a header but no rows"),
        "counts-file/too-many-rows": N_("more than {limit} rows; a form has a few dozen"),
        "counts-header/unknown": _counts_header_unknown,
        "counts-header/duplicate": N_("the column '{name}' is named twice"),
        "counts-header/missing": lambda a: _("the columns {columns} are missing from the header").format(
            columns=_column_list(a["columns"])
        ),
        "counts-header/no-label": lambda a: _(
            "the header names none of {columns}: a row must say what it counts"
        ).format(columns=_column_list(a["columns"])),
        "counts-cells": N_("this row has {got} cells, the header {expected}"),
        "counts-number/empty": N_("no number; write 0 where there is none"),
        "counts-number/negative": N_("'{value}' is negative; a count of dossiers is 0 or more"),
        "counts-number/not-whole": N_(
            "'{value}' is not a whole number; write digits only, without separators"
        ),
        "counts-number/too-large": N_("'{value}' is too large for a count of dossiers"),
        "counts-text": N_("a control character in the text; retype the cell"),
        "counts-label": lambda a: _("the row names none of {columns}").format(
            columns=_column_list(a["columns"])
        ),
        "counts-unit": _counts_unit,
        "counts-unit/group": N_("'{name}' is a group, not one unit; name the level in 'cap' instead"),
        "counts-level": lambda a: _("'{value}' is not a level; write one of {levels}").format(
            value=a["value"], levels=_column_list(a["levels"])
        ),
        "counts-field": _counts_field,
        "counts-duplicate": N_("the same unit, level and field as line {first}"),
        "counts-sum/received": _counts_sum(N_("received")),
        "counts-sum/solved": _counts_sum(N_("solved")),
        "counts-sum/pending": _counts_sum(N_("pending")),
        "counts-balance": N_(
            "received (tiep_nhan_tong {received}, with {carried} carried over) must equal solved "
            "plus pending (da_giai_quyet_tong {solved} + dang_giai_quyet_tong {pending} = {closed})"
        ),
    }
)
