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

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from enum import Enum
from typing import Any

from tthc_cli.domain.problems import Problem
from tthc_cli.domain.units import Lookup, LookupNote
from tthc_cli.fsutil import FileKind
from tthc_cli.i18n import N_, _, ngettext, os_reason
from tthc_cli.present.labels import code_label, dmy, grouped, period_words, report_period_label

Args = Mapping[str, Any]
Wording = str | Callable[[Args], str]


# A message stays a line a person reads, whatever the data holds: a text quoted from it is cut after
# so many characters, a list after so many entries (a 1 MB name, 50,000 candidates).
TEXT_SHOWN = 200
LIST_SHOWN = 12


def shown(value: object) -> str:
    """A param as it stands in a sentence: a date as dd/mm/yyyy, a list joined with '; ', a code by
    its label; a text cut at TEXT_SHOWN characters, a list at LIST_SHOWN entries (and how many more)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return dmy(value)
    if isinstance(value, tuple):
        return "; ".join(_listed(shown(v) for v in value))
    if isinstance(value, Enum):
        return code_label(value)
    text = str(value)
    return text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN].rstrip() + "…"


def _listed(items: Iterable[str]) -> list[str]:
    """The first LIST_SHOWN entries, then "and N more" when there are more."""
    entries = list(items)
    if len(entries) <= LIST_SHOWN:
        return entries
    more = len(entries) - LIST_SHOWN
    return [*entries[:LIST_SHOWN], ngettext("and {n} more", "and {n} more", more).format(n=more)]


def quoted(values: object) -> str:
    """'a', 'b', 'c': names offered as suggestions."""
    items = values if isinstance(values, tuple) else (values,)
    return ", ".join(_listed(f"'{shown(v)}'" for v in items))


MESSAGES: dict[str, Wording] = {}


def key_of(p: Problem) -> str:
    return f"{p.code}/{p.variant}" if p.variant else p.code


def message(p: Problem) -> str:
    """The sentence for a problem, in the active language."""
    wording = MESSAGES.get(key_of(p)) or MESSAGES.get(p.code)
    if wording is None:  # a rule added without its words: say the code and facts rather than fail
        facts = ", ".join(f"{k}={shown(v)}" for k, v in p.params)
        return f"{p.code}" + (f" ({facts})" if facts else "")
    if callable(wording):
        return wording({k: _clipped(v) for k, v in p.args.items()})
    return _(wording).format(**{k: shown(v) for k, v in p.params})


def _clipped(value: Any) -> Any:
    """A param as a wording function gets it: texts (in lists too) cut as `shown` cuts them."""
    if isinstance(value, str) and len(value) > TEXT_SHOWN:
        return shown(value)
    if isinstance(value, tuple):
        return tuple(_clipped(v) for v in value)
    return value


# --- files and folders (data/files.py, fsutil.py) ------------------------------------------------------

MESSAGES["ignored-file"] = N_(
    "not read: an appendix file is named appendix_<name>.yaml, the name in lower-case "
    "letters, digits and _ (e.g. appendix_ra_soat.yaml)"
)

MESSAGES["ignored-file/unit"] = N_(
    "not read: a unit's progress file is named progress/<unit-slug>.yaml, the slug as in its "
    "obligations' IDs (e.g. progress/so-y-te.yaml)"
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
        "link-outside": N_(
            "{path} is a link to a file outside the plan folder; copy the file into the folder instead"
        ),
    }
)

# --- the YAML reader (data/loader.py, data/document.py) ------------------------------------------------


def _count(n: object) -> str:
    return grouped(n) if isinstance(n, int) else str(n)


def _indentation(a: Args) -> str:
    have, want = int(a["have"]), int(a["want"])
    return ngettext(
        "line {line} is indented {have} space, unlike the lines above it: ",
        "line {line} is indented {have} spaces, unlike the lines above it: ",
        have,
    ).format(line=a["line"], have=have) + ngettext(
        "indent it {want} space, like line {like}",
        "indent it {want} spaces, like line {like}",
        want,
    ).format(want=want, like=a["like"])


def _lookalike(script: str) -> Wording:
    """A Greek or Cyrillic letter inside Latin text: which, where, and the Latin letter it passes for."""

    def wording(a: Args) -> str:
        alphabet = _("a Greek letter") if script == "greek" else _("a Cyrillic letter")
        if a.get("latin"):
            return _(
                "'{text}' has '{char}' ({unicode}) at position {position}: {alphabet} that looks like the "
                "Latin '{latin}'; type it again (two names that look the same would differ)"
            ).format(**a, alphabet=alphabet)
        return _(
            "'{text}' has '{char}' ({unicode}) at position {position}: {alphabet} inside Latin text; "
            "type it again (two names that look the same would differ)"
        ).format(**a, alphabet=alphabet)

    return wording


MESSAGES.update(
    {
        "too-large": lambda a: _("file is {size} bytes; the limit is {limit} (split the data)").format(
            size=_count(a["size"]), limit=_count(a["limit"])
        ),
        "not-utf8": N_("byte {byte} is not UTF-8; save the file as UTF-8"),
        "not-utf8/wide": N_(
            "the file is saved as {encoding}, not UTF-8; open it and save it as UTF-8 "
            "(Notepad: Save As…, Encoding: UTF-8)"
        ),
        "line-separator": N_(
            "{char}: YAML reads it as a line break but editors do not; delete it or use a real line break"
        ),
        "line-separator/more": N_("… and {count} more from here on"),
        "merge-conflict": N_(
            "merge-conflict marker '{marker}' left by git; resolve the conflict and delete the markers"
        ),
        "empty-file": N_("file is empty; it must hold a YAML mapping"),
        "root-not-mapping/list": N_("the file holds a list; it must be a mapping of fields (key: value)"),
        "root-not-mapping/value": N_(
            "the file holds a single value; it must be a mapping of fields (key: value)"
        ),
        "multiple-documents": N_("a second YAML document starts here; keep one document per file"),
        "tag": N_("YAML tag '{tag}' is not allowed; remove it"),
        "tag/plain": N_("YAML tag '{tag}' is not allowed; remove it (values are read as written)"),
        "alias": N_("alias '*{anchor}' is not allowed; write the value out in full"),
        "alias/more": N_("… and {count} more anchors/aliases from here on"),
        "alias/repeat": N_("this value repeats another through an alias; write it out"),
        "alias/undefined": N_(
            "an alias ('*') is not allowed, and this one names no anchor; write the value out"
        ),
        "anchor": N_("anchor '&{anchor}' is not allowed; remove it and write values out in full"),
        "anchor/twice": N_("anchors ('&') are not allowed; remove them and write values out in full"),
        "too-deep": N_("nested more than {depth} levels deep"),
        "too-deep/yaml": N_("nested more than a thousand levels or brackets deep; flatten the data"),
        "key-type": N_("a key must be plain text"),
        "merge-key": N_("merge keys ('<<') are not allowed; write the fields out in full"),
        "duplicate-key": N_("key '{key}' appears twice in this mapping; keep one"),
        "control-character": N_(
            "contains the control character {char} at position {position}; "
            "delete it (terminals act on such characters instead of showing them)"
        ),
        "control-character/raw": N_("the control character {char} is not allowed in YAML; delete it"),
        "invisible-character": N_(
            "contains the invisible character {char} at position {position}; "
            "delete it (it makes identical-looking names differ)"
        ),
        "lookalike-character/cyrillic": _lookalike("cyrillic"),
        "lookalike-character/greek": _lookalike("greek"),
        "unclosed-quote": N_(
            "a quoted text opened on this line is not closed, so YAML read on until line {until}; "
            "add the closing quote"
        ),
        "unclosed-quote/here": N_("a quoted text opened here is never closed; add the closing quote"),
        "yaml-syntax/indentation": _indentation,
        "yaml-syntax/tab": N_(
            "line {line} is indented with a tab; YAML takes spaces only: replace the tab with spaces"
        ),
        "yaml-syntax/flow-list": N_(
            "the list in [ ] opened on line {opened} is missing a comma or its closing ']'"
        ),
        "yaml-syntax/flow-mapping": N_(
            "the mapping in {{ }} opened on line {opened} is missing a comma or its closing '}}'"
        ),
        "yaml-syntax/colon-in-value": N_(
            "a second ': ' on one line, which YAML reads as another field; put the text in quotes: "
            "{suggestion}"
        ),
        "yaml-syntax/long-key": N_(
            "a field name longer than 1,024 characters; shorten it, or check for a missing line break"
        ),
        "yaml-syntax/missing-colon": N_(
            "line {line} ('{text}') has no ':'; write 'field: value', or join it to the line above"
        ),
        "yaml-syntax/after-quote": N_(
            "more text after the closing quote on this line; put the whole value in quotes: {suggestion}"
        ),
        "yaml-syntax/after-bracket": N_(
            "more text after the closing '{bracket}' on this line; put the whole value in quotes: "
            "{suggestion}"
        ),
        "yaml-syntax/dash-in-mapping": N_(
            "line {line} starts a list item ('- ') among fields; write 'field: value', or indent the "
            "list under the field it belongs to"
        ),
        "yaml-syntax/key-in-list": N_(
            "line {line} is a field among list items ('- '); start it with '- ', or indent it like the "
            "fields of the item above"
        ),
        "yaml-syntax/dash-after-key": N_(
            "a list item ('- ') cannot follow 'field:' on the same line; end the line after '{key}' and "
            "put '{item}' on the next line, indented further"
        ),
        "yaml-syntax/reserved-start": N_(
            "a value cannot start with '{char}' in YAML; put the value in quotes: {suggestion}"
        ),
        "yaml-syntax/escape": N_(
            "'{escape}' is not a valid escape inside double quotes; write '\\\\' for a backslash, "
            "or use single quotes"
        ),
        "yaml-syntax/block-scalar": N_(
            "after '{indicator}' only an indentation digit (1–9) and '+' or '-' may follow; start the "
            "text on the next line, indented"
        ),
        "yaml-syntax/directive": N_(
            "a line starting with '%' is a YAML directive, which data files do not use; delete it, or "
            "put the value in quotes"
        ),
        "yaml-syntax/document-end": N_(
            "'...' ends the YAML document, and more follows; delete the '...' line"
        ),
        "yaml-syntax/stray-bracket": N_(
            "a '{char}' without its opening bracket; put the value in quotes if it is part of the text"
        ),
        "yaml-syntax/missing-value": N_(
            "a value is missing here (two commas in a row, or nothing after a ':' or '-' inside [ ] or {{ }})"
        ),
        "yaml-syntax": N_(
            "YAML cannot read this line; check its indentation, its ':' and its quotes, and those of the "
            "line above"
        ),
    }
)

# --- the schemas (data/schema_check.py, data/models.py) ------------------------------------------------

_WANT_WORDS = {
    "text": N_("text"),
    "whole-number": N_("a whole number"),
    "true-false": N_("true or false"),
    "list": N_("a list"),
    "mapping": N_("a mapping (key: value)"),
    "other": N_("a value of another kind"),
}
_FOUND_WORDS = {"null": N_("nothing (null)"), "list": N_("a list"), "mapping": N_("a mapping")}


def found_words(a: Args) -> str:
    """What a field holds, as a sentence quotes it: 'text', 'true', nothing (null), a list."""
    found = a.get("found")
    if found in _FOUND_WORDS:
        return _(_FOUND_WORDS[found])
    return f"'{a.get('text', found)}'"


def _found(wording: str) -> Wording:
    """A wording whose {found} is what the field holds."""
    return lambda a: _(wording).format(**{**{k: shown(v) for k, v in a.items()}, "found": found_words(a)})


def _wrong_type(a: Args) -> str:
    return _("expected {want}, found {found}").format(want=_(_WANT_WORDS[a["want"]]), found=found_words(a))


def _choices(a: Args) -> str:
    return _("{found} is not allowed here; write one of: {choices}").format(
        found=found_words(a), choices=", ".join(a["choices"])
    )


def _too_few(a: Args) -> str:
    field, limit = a.get("field"), int(a.get("limit") or 1)
    if field == "tasks":
        return _("the plan needs at least one task")
    if field == "units":
        return _("the registry needs at least one unit")
    if field == "refs":
        return _("name at least one unit or group")
    if field == "rows" and limit == 2:
        return _("give two row numbers: the first and the last row the note covers")
    if field == "rows":
        return _("a block needs at least one row")
    return ngettext("needs at least {limit} entry", "needs at least {limit} entries", limit).format(
        limit=limit
    )


def _too_many(a: Args) -> str:
    field, limit = a.get("field"), int(a.get("limit") or 0)
    if field == "rows" and limit == 2:
        return _("give two row numbers: the first and the last row the note covers")
    return ngettext("takes at most {limit} entry", "takes at most {limit} entries", limit).format(limit=limit)


MESSAGES.update(
    {
        "unknown-field": lambda a: _("unknown field '{name}'; did you mean '{suggestion}'?").format(
            name=a["name"], suggestion=shown(a["suggestion"])
        ),
        "unknown-field/no-match": N_("unknown field '{name}'; remove it or check the spelling"),
        "unknown-field/indent": lambda a: ngettext(
            "'{name}' is a field of '{parent}' (line {line}), not of this level: it is indented wrong; "
            "indent it {spaces} more space to put it under '{parent}'",
            "'{name}' is a field of '{parent}' (line {line}), not of this level: it is indented wrong; "
            "indent it {spaces} more spaces to put it under '{parent}'",
            int(a["spaces"]),
        ).format(name=a["name"], parent=a["parent"], line=a["line"], spaces=a["spaces"]),
        "missing-field": N_("required field '{name}' is missing; add it"),
        "wrong-type": _wrong_type,
        "wrong-type/yaml11": lambda a: (
            _wrong_type(a) + " " + _("(YAML 1.1 words such as yes/no/on/off are read as text here)")
        ),
        "invalid-date/form": _found(
            N_("{found} is not a date; write YYYY-MM-DD or D/M/YYYY, e.g. 2021-06-30 or 30/6/2021")
        ),
        "invalid-date/timestamp": _found(
            N_(
                "{found} is not a date; write YYYY-MM-DD or D/M/YYYY, e.g. 2021-06-30 or 30/6/2021 "
                "(numbers such as Unix timestamps are not read as dates)"
            )
        ),
        "invalid-date/time": _found(
            N_(
                "{found} is not a date; write YYYY-MM-DD or D/M/YYYY, e.g. 2021-06-30 or 30/6/2021 "
                "(times of day are not read as dates)"
            )
        ),
        "invalid-date/month": N_("'{text}' is not a real date: there is no month {month}"),
        "invalid-date/day": N_("'{text}' is not a real date: month {month}/{year} has {days} days"),
        "invalid-date/year": N_("'{text}' is outside the years tthc reads ({first}–{last})"),
        "invalid-value/choices": _choices,
        "invalid-value/item-number": _found(
            N_(
                "{found} is not a valid number here; write it as the plan prints it, "
                "e.g. 8, 1.1, 2.a, IV.2 or a)"
            )
        ),
        "invalid-value/block-number": _found(
            N_(
                "{found} is not a valid number here; write a Roman numeral, a number or a capital letter, "
                "e.g. II, 2 or B"
            )
        ),
        "invalid-value/name": _found(
            N_(
                "{found} is not a valid name here; use lower-case letters without marks, digits and _, "
                "starting with a letter, e.g. review or ra_soat"
            )
        ),
        "invalid-value/plan-id": _found(
            N_(
                "{found} is not a valid identifier here; use lower-case letters without marks, digits and -, "
                "e.g. hai-duong-2021"
            )
        ),
        "invalid-value/where": _found(
            N_(
                "{found} is not a valid place here; write a section's Roman numeral or an appendix's "
                "name, e.g. IV or review"
            )
        ),
        "invalid-value/digits": _found(N_("{found} is not a valid number here; write digits only, e.g. 2")),
        "invalid-value/pattern": _found(
            N_(
                "{found} is not written the way this field is; compare it with the same field elsewhere in "
                "the file"
            )
        ),
        "invalid-value/empty-text": N_(
            "this text is empty; write it out, or leave the field out if it is optional"
        ),
        "invalid-value/too-short": _too_few,
        "invalid-value/too-long": _too_many,
        "invalid-value/at-least": _found(N_("{found} is too small here; write {limit} or more")),
        "invalid-value/at-most": _found(N_("{found} is too large here; write at most {limit}")),
        "invalid-value/period-reversed": N_("the period ends before it starts"),
        "invalid-value/period-too-long": N_(
            "a plan period longer than ten years is not a plan of this genre"
        ),
        "invalid-value/rows-or-blocks": N_(
            "an appendix has either `rows` or `blocks` (of rows), not both or neither"
        ),
        "invalid-value/group-needs-members": N_("a 'listed' group needs members"),
        "invalid-value/group-takes-no-members": N_(
            "a '{kind}' group takes no members (they are derived or open-ended)"
        ),
        "invalid-value/group-appendix": N_(
            "a group of kind 'appendix' names its appendix, and only such a group does"
        ),
        "invalid-value/group-scope": N_("only an 'open' group takes a scope"),
        "invalid-value/email": _found(
            N_("{found} is not an e-mail address; write one address, e.g. vanthu.syt@haiduong.gov.vn")
        ),
        "invalid-value": _found(N_("{found} is not valid here")),
    }
)

# --- deadline phrases and dates typed (domain/deadline*.py, domain/userdates.py) ----------------------

QUOTE_LIMIT = 60  # characters of a phrase from the data a message quotes; longer ones end in "…"


def quote_text(value: object) -> str:
    """Text from the data as a message quotes it: whole up to QUOTE_LIMIT characters, else its
    beginning and "…" (a 2 MB phrase is named, not printed)."""
    text = shown(value)
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT].rstrip() + "…"


def _quoting(msgid: str) -> Callable[[Args], str]:
    """A wording whose texts from the data (`phrase`, `rest`, `text`) are quoted short, and whose
    `suggestions` are listed as 'a', 'b', 'c' (`forms`)."""

    def word(args: Args) -> str:
        values = {name: shown(value) for name, value in args.items()}
        for name in ("phrase", "rest", "text", "words"):
            if name in args:
                values[name] = quote_text(args[name])
        if "suggestions" in args:
            values["forms"] = quoted(args["suggestions"])
        return _(msgid).format(**values)

    return word


def _mismatch(args: Args) -> str:
    said = shown(args["said"]) if args.get("said") is not None else _("no date")
    return _(
        "{field} {day} disagrees with the phrase '{phrase}' ({said}); correct one of them or drop the "
        "explicit date"
    ).format(field=shown(args["field"]), day=shown(args["day"]), phrase=quote_text(args["phrase"]), said=said)


MESSAGES.update(
    {
        "deadline-unrecognised": _quoting(N_("cannot read the deadline '{phrase}'; nearest forms: {forms}")),
        "deadline-unrecognised/from": _quoting(
            N_("cannot read the deadline '{phrase}' from '{rest}'; nearest forms: {forms}")
        ),
        "deadline-unrecognised/too-long": _quoting(
            N_(
                "the deadline '{phrase}' is {length} characters long, more than any deadline phrase ({limit} "
                "at most); write the phrase alone, or give explicit start: and due: dates"
            )
        ),
        "deadline-unrecognised/no-year": _quoting(
            N_("'{phrase}' gives no year and the plan runs {first}–{last}; add one, e.g. 'tháng 6 năm 2022'")
        ),
        "deadline-unrecognised/no-due-after-start": _quoting(
            N_("'{phrase}' names no due date after its start")
        ),
        "deadline-unrecognised/day-month-not-yearly": _quoting(
            N_("'{phrase}' gives a day and a month, which recur every year ('hằng năm')")
        ),
        "deadline-unrecognised/weekly-day": _quoting(
            N_("'{phrase}' gives a day of the month for a weekly report")
        ),
        "deadline-unrecognised/cadence-divides": _quoting(
            N_("'{phrase}' recurs every {count} months, which does not divide the year")
        ),
        "deadline-unrecognised/yearly-no-month": _quoting(
            N_(
                "'{phrase}' gives day {day} but no month for a deadline that recurs every year; add the "
                "month, e.g. 'trước ngày {day}/12 hằng năm'"
            )
        ),
        "deadline-unrecognised/needs-period": _quoting(
            N_(
                "'{phrase}' counts from the reporting period ('tháng báo cáo', 'tháng sau', …) but does "
                "not say how often it recurs; add it, e.g. 'Hằng tháng, …' or 'Hằng quý, …'"
            )
        ),
        "deadline-unrecognised/no-clause-for-period": _quoting(
            N_("'{phrase}' names no report for the period {period}")
        ),
        "invalid-date/day-in-month": _quoting(
            N_("'{phrase}' is not a date: month {month}/{year} has {days} days")
        ),
        # (variants of their own: the schema's dates use "month" and "day")
        "invalid-date/no-such-month": _quoting(N_("'{phrase}' names month {month}; months run from 1 to 12")),
        "invalid-date/no-such-day": _quoting(N_("'{phrase}' names day {day}; days run from 1 to 31")),
        "invalid-date/reversed": _quoting(N_("'{phrase}' ends before it starts")),
        "invalid-date/spelled": _quoting(
            N_("'{phrase}' writes {figure} but '{words}' ({value}) in words; correct the figure or the words")
        ),
        "deadline-outside-year/copied": _quoting(
            N_(
                "'{phrase}' names {year}, outside the plan period {first}–{last}; copied from another year's "
                "plan? Write 'năm {plan_year}', or no year"
            )
        ),
        "deadline-outside-year/day": _quoting(
            N_("'{phrase}': {day} falls outside the plan period {first}–{last}")
        ),
        "deadline-mismatch": _mismatch,
        # Dates typed on the command line (the command line adds the option they were given to).
        "user-date/not-real": _quoting(N_("'{text}' is not a real date")),
        "user-date/out-of-range": _quoting(N_("'{text}' is {day}; dates run from {first} to {last}")),
        "user-date/off-calendar": _quoting(N_("'{text}' from {today} leaves the calendar")),
        "user-date/unreadable": _quoting(N_("cannot read the date '{text}'; use YYYY-MM-DD or D/M/YYYY")),
        "user-date/unreadable-relative": _quoting(
            N_(
                "cannot read the date '{text}'; use YYYY-MM-DD or D/M/YYYY, "
                "or today, eow, eom, eoq, eoy, +14d, +2w"
            )
        ),
    }
)

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
    return "; " + _("did you mean {ids}?").format(ids=", ".join(ids))


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


def _unknown_unit_part(a: Args) -> str:
    """A document name whose unit part matches several units or none: the unit lookup's answer."""
    if a["units"]:
        return _("'{name}': the unit matches several units: {units}. Type more of the name.").format(
            name=a["name"], units="; ".join(_listed(a["units"]))
        )
    text = _("'{name}': no unit or group is called so").format(name=a["name"])
    if a["suggestions"]:
        return text + "; " + _("Did you mean: {names}?").format(names="; ".join(a["suggestions"]))
    return text + " " + _("('tthc units' lists every name.)")


def _unknown_period(a: Args) -> str:
    """The item's periods in the words tables print ("quý I/2021"), which may also be typed."""
    return _("{item} has no period '{period}'; its periods: {periods}").format(
        item=a["item"],
        period=a["period"],
        periods=", ".join(period_words(p) for p in a["periods"]) or "—",
    )


MESSAGES.update(
    {
        "unknown-id": _unknown_id,
        "unknown-id/obligation": _unknown_obligation,
        "unknown-id/unit": _unknown_unit_part,
        "unknown-id/unit-needed": lambda a: (
            _(
                "'{name}' names no unit, and the item is owed by each unit separately: name the unit too"
            ).format(name=a["name"])
            + (" (" + _("e.g. '{example}'").format(example=a["example"]) + ")" if a.get("example") else "")
        ),
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
MESSAGES["too-many-obligations/reports"] = N_(
    "{item} asks for {count} obligations with its periodic reports (each reporter, each period of the "
    "reporting regime), which takes the plan past {limit} in all; check each_unit, the reports asked for "
    "and reporting.yaml, or, if a real plan needs more, raise the bound with TTHC_MAX_OBLIGATIONS"
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
        "comma-split-name/alias": N_(
            "'{ref}' starts in lower case, like a piece of a name split at its commas: "
            "a flow list [a, b] splits on every comma, so write names with commas as a block list, one "
            "'- name' per line (an alias starting in lower case is not needed: names are matched "
            "without case)"
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

MESSAGES.update(
    {
        "unit-file/unknown": lambda a: _(
            "progress/{slug}.yaml names no registered unit: a unit's file is named after its ID part "
            "(tthc units; e.g. progress/so-y-te.yaml){hint}"
        ).format(
            slug=a["slug"],
            hint="; " + _("did you mean {names}?").format(names=quoted(a["suggestions"]))
            if a.get("suggestions")
            else "",
        ),
        "unit-file/by": N_(
            "this file holds {unit}'s reports, but the entry says it was reported by '{by}'; "
            "record it in that unit's file or in progress.yaml"
        ),
        "unit-file/item": N_(
            "{item} is not {unit}'s to report (neither its own obligation nor work its group leads); "
            "record it in the file of the unit that owes it, or in progress.yaml"
        ),
    }
)

# --- the reporting regime (reporting.yaml) -------------------------------------------------------------


def _report_kind(value: object) -> str:
    """A kind of periodic report as words ("quarter" -> "hằng quý"); the ad hoc report as such."""
    code = shown(value)
    return _("ad hoc") if code == "ad_hoc" else report_period_label(code)


def _kinded(msgid: str) -> Callable[[Args], str]:
    """A wording whose `period` is a kind of report (said in words) and whose phrases are quoted short."""

    def word(args: Args) -> str:
        return _quoting(msgid)({**args, "period": _report_kind(args.get("period"))})

    return word


MESSAGES.update(
    {
        "reporting-unsourced": N_(
            "a fact of the reporting regime needs its source: add `basis` (the text and article it comes "
            "from), or `assumption: true` with a `note` saying what could not be checked"
        ),
        "reporting-rule-order": N_(
            "this rule takes effect on {day}, not after the rule before it ({previous}): write the rules "
            "in the order they take effect"
        ),
        "reporting-rule-order/missing-from": N_(
            "only the first rule may leave out `from`: write the day this rule takes effect"
        ),
        "reporting-duplicate": _kinded(N_("the rule names the {period} report twice; keep one")),
        "reporting-window/missing": _kinded(
            N_("the {period} report needs its data window (`window`: the phrase as the regime writes it)")
        ),
        "reporting-window/ad-hoc": N_(
            "an ad hoc report has no data window: its cut-off is set when the report is asked for"
        ),
        "reporting-window/no-cutoff": _quoting(
            N_("'{phrase}' gives no last day of the data (the cut-off) for {period}")
        ),
        "reporting-window/overlap": lambda a: _quoting(
            N_(
                "'{phrase}' gives windows that overlap: {next}'s data starts on {start}, while "
                "{period}'s runs to {cutoff}, so those days count in both reports; check the day "
                "(a day the month lacks is moved to its last day)"
            )
        )({**a, "period": period_words(a["period"]), "next": period_words(a["next"])}),
        "reporting-window/before": _quoting(
            N_(
                "'{phrase}' read for {period} cuts the data off on {cutoff}, before the period begins; "
                "does it describe another period?"
            )
        ),
        "reporting-send/no-date": _quoting(N_("'{phrase}' gives no send-by date")),
        "reporting-send/before-cutoff": _quoting(
            N_("'{phrase}' gives {due} for {period}, before the data cut-off ({cutoff})")
        ),
        "reporting-send/floor": _quoting(
            N_(
                "'{phrase}' gives {due} for {period}: less than one working day after the cut-off, the "
                "least Nghị định 09/2019/NĐ-CP (Điều 8 khoản 5 điểm b) allows"
            )
        ),
        "reporting-no-report": _kinded(
            N_(
                "{item} asks for {period} reports, but reporting.yaml has no such report: they get no "
                "dates (add the report to the regime, or check the item's `periods`)"
            )
        ),
        "reporting-no-report/later": _kinded(
            N_(
                "{item} asks for {period} reports; reporting.yaml has them only under '{rule}', which takes "
                "effect on {start}, after the plan's period: they get no dates in this plan"
            )
        ),
        "reporting-no-flow": N_(
            "{item}: no flow of the rule '{rule}' in reporting.yaml covers {unit}, so its reports under "
            "that rule get no send-by date and are not listed (add it to a flow's `by`)"
        ),
    }
)

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
            "not a report period; write it as tables do (quarter II/2021, first half of 2021, the "
            "first nine months of 2021, month 9/2021, year 2021) or by its code (2021-Q2, 2021-H1, "
            "2021-9M, 2021-M09, 2021)"
        ),
        "report-period/number": N_("no such period: its number goes from 1 to {count}"),
        "report-period/outside-plan": lambda a: _(
            "{period} lies outside the plan period {first}–{last}: choose a period inside it"
        ).format(period=period_words(a["period"]), first=shown(a["first"]), last=shown(a["last"])),
        "counts-file/too-large": N_("the counts file is larger than {size} bytes"),
        "counts-file/not-utf8": N_(
            "the counts file is not UTF-8 (byte {offset}); save it as 'CSV UTF-8' in Excel"
        ),
        "counts-file/syntax": N_("the CSV cannot be read from here on; save it again as CSV from Excel"),
        "counts-file/syntax-quote": N_(
            "text follows a closing quote mark in a cell; put the whole cell in quotes"
        ),
        "counts-file/syntax-end": N_("a quote mark opened in a cell is never closed; close it or remove it"),
        "counts-file/syntax-large": N_("a cell is too large to be a count or a name; check the file"),
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


_MIB = 1024 * 1024  # a form part's bound is said in MiB, as the README states it


def _not_units(a: Args) -> str:
    text = _("{id} is not {unit}'s to report").format(id=a["id"], unit=a["unit"])
    if a.get("owner"):
        text += " " + _("(it is {owner}'s)").format(owner=a["owner"])
    return text + "; " + _("a form carries only its unit's rows: use that unit's form")


MESSAGES.update(
    {
        "form-file/missing": N_("no such file"),
        "form-file/unreadable": N_("cannot be read: {reason}"),
        "form-file/too-large": N_("larger than {size} bytes (unpacked); a form is far smaller"),
        "form-file/not-xlsx": N_("not an Excel workbook (.xlsx); save the form as .xlsx and send it again"),
        "form-file/encrypted": N_(
            "the workbook is protected by a password; remove the password (in Excel: File › Info › Protect "
            "Workbook › Encrypt with Password, left empty), save it as .xlsx and send it again"
        ),
        "form-file/damaged": N_(
            "the workbook is damaged and cannot be read; open it in Excel or LibreOffice, save it again as "
            ".xlsx and send it again"
        ),
        "form-file/part-too-large": lambda a: _(
            "its part {part} unpacks to more than {limit} MiB, far more than a form holds, and is not "
            "read; copy the filled cells into a new form (tthc form) and send that"
        ).format(part=quote_text(a["part"]), limit=_count(a["limit"] // _MIB)),
        "form-file/part-ratio": lambda a: _(
            "its part {part} is compressed {ratio} to 1, beyond the {limit} to 1 of any real form, and is "
            "not read (a zip bomb?); copy the filled cells into a new form (tthc form) and send that"
        ).format(part=quote_text(a["part"]), ratio=_count(a["ratio"]), limit=_count(a["limit"])),
        "form-identity/not-a-form": N_(
            "not a form tthc issued (its hidden sheet is missing); fill the form made by tthc form"
        ),
        "form-identity/version": N_(
            "a form of another version ({version}; this tthc reads {expected}); issue a new form"
        ),
        "form-identity/plan": N_(
            "a form for another plan ({plan}; this is {expected}); import it into that plan's folder"
        ),
        "form-identity/unit": N_("the form names '{unit}', not a registered unit of this plan"),
        "form-identity/sheet": N_("the sheet '{sheet}' is missing: the form was changed after it was issued"),
        "form-identity/checksum": N_(
            "the form's list of obligations is not the one issued to {unit} (a row added, moved, or its "
            "hidden ID changed); fill a new form (tthc form --unit …) rather than editing it"
        ),
        "form-row/no-id": N_("this row has no obligation (rows may not be added to the form)"),
        "form-row/unknown-id": N_("no obligation of this plan has the ID '{id}'"),
        "form-row/not-unit": _not_units,
        "form-row/no-status": N_("the Status is empty; choose one from the list"),
        "form-row/status": lambda a: _(
            "'{value}' is not a status of the form; choose one of: {allowed}"
        ).format(value=a["value"], allowed=", ".join(a["allowed"])),
        "form-row/no-date": N_("the Date is empty; write the day it happened (dd/mm/yyyy)"),
        "form-row/date": N_("'{value}' is not a date; write it dd/mm/yyyy (e.g. 25/06/2021)"),
        "form-row/impossible-date": N_("'{value}' is not a real date"),
        "form-row/future": N_("{day} is after today ({today}); report progress once it has happened"),
        "form-row/control": N_("a control or invisible character in the text; retype the cell"),
        "form-row/formula": lambda a: _(
            "this cell holds a formula ({formula}), not a value typed in; type the value itself"
        ).format(formula=quote_text("=" + str(a["value"]).removeprefix("="))),
        "form-row/excel-error": lambda a: _(
            "this cell holds an Excel error ({value}); type the value itself"
        ).format(value=quote_text(a["value"])),
    }
)

MESSAGES.update(
    {
        "log-history/changed": lambda a: _(
            "entry {number} of this file differs from the base of the change ({fields}): the log is "
            "append-only; restore the entry and append a new one ('reopened', or the corrected report)"
        ).format(number=a["number"], fields=", ".join(a["fields"])),
        "log-history/removed": N_(
            "{count} entries the base of the change had at the end of this file are gone (it keeps "
            "{kept}): the log is append-only; restore them"
        ),
        "log-history/deleted": N_(
            "this log file was deleted or renamed in the change: the log is append-only; restore it"
        ),
        "log-history/base-unreadable": N_(
            "this log file cannot be read as the base of the change has it, so whether the change keeps "
            "its entries cannot be checked: fix the file on the base branch first (its own commit), then "
            "check the change again"
        ),
    }
)
