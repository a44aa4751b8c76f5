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
from tthc_cli.i18n import _

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
        from tthc_cli.present.labels import code_label

        return code_label(value)
    return str(value)


def quoted(values: object) -> str:
    """'a', 'b', 'c': names offered as suggestions."""
    items = values if isinstance(values, tuple) else (values,)
    return ", ".join(f"'{shown(v)}'" for v in items)


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
        return wording(p.args)
    return _(wording).format(**{k: shown(v) for k, v in p.params})


# --- files and folders (data/files.py, fsutil.py) ------------------------------------------------------

# --- the YAML reader (data/loader.py, data/document.py) ------------------------------------------------

# --- the schemas (data/schema_check.py, data/models.py) ------------------------------------------------

# --- deadline phrases and dates typed (domain/deadline*.py, domain/userdates.py) ----------------------

# --- units, IDs and suggestions (domain/units.py, domain/item_ids.py, domain/suggest.py) --------------

# --- cross-file rules (data/checks.py) -----------------------------------------------------------------

# --- the progress log (data/checks_progress.py, data/progress.py) -------------------------------------

# --- the reporting regime (reporting.yaml) -------------------------------------------------------------

# --- forms and imports (progress import, counts CSV) ---------------------------------------------------
