"""The language people read: Vietnamese by default, English on request. Messages are written in English
in the code (the msgids, so English is the identity) and translated through gettext catalogues that
Babel extracts and compiles: locale/<lang>/LC_MESSAGES/tthc.po -> tthc.mo. Only the stdlib reads the
.mo at run time, so a query pays for no Babel import.

The language is chosen by the command line's --lang option (cli/options.py), else $TTHC_LANG, else
Vietnamese."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from gettext import GNUTranslations, NullTranslations

DOMAIN = "tthc"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SOURCE_LANGUAGE = "en"  # the msgids: no catalogue needed
LANG_ENV = "TTHC_LANG"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")

_loaded: dict[str, NullTranslations] = {}
_active: list[str] = [DEFAULT_LANGUAGE]  # a one-cell stack: `using` swaps it for one rendering


class LanguageError(ValueError):
    """An unknown language was asked for."""


def N_(message: str) -> str:
    """Mark a message for extraction where it is declared; `_()` translates it where it is shown."""
    return message


def catalogue_path(lang: str) -> str:
    return os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (English: the identity)."""
    if lang not in LANGUAGES:
        raise LanguageError(lang)
    found = _loaded.get(lang)
    if found is None:
        if lang == SOURCE_LANGUAGE:
            found = NullTranslations()
        else:
            with open(catalogue_path(lang), "rb") as handle:
                found = GNUTranslations(handle)
        _loaded[lang] = found
    return found


def activate(lang: str) -> None:
    """Make `lang` the language of every message from now on."""
    translations(lang)  # fail here, not at the first message
    _active[0] = lang


def language() -> str:
    return _active[0]


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Speak `lang` for the duration (a report rendered in another language than the messages)."""
    previous = _active[0]
    activate(lang)
    try:
        yield
    finally:
        _active[0] = previous


def _(message: str) -> str:
    return translations(_active[0]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_active[0]).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A short word whose translation depends on where it stands ("done" as a progress entry)."""
    return translations(_active[0]).pgettext(context, message)


# Why a file could not be read or written, in the user's words (the OS says it in English).
_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
}


def os_reason(exc: BaseException) -> str:
    reason = _OS_REASONS.get(getattr(exc, "errno", None) or 0)
    return _(reason) if reason else str(getattr(exc, "strerror", None) or exc)
