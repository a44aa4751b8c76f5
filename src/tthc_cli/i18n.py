"""The language people read: Vietnamese by default, English on request. Messages are written in English
in the code (the msgids, so English is the identity) and translated through gettext catalogues that
Babel extracts and compiles: locale/<lang>/LC_MESSAGES/tthc.po -> tthc.mo. Only the stdlib reads the
.mo at run time, so a query pays for no Babel import.

The language is chosen by the command line's --lang option (cli/options.py), else $TTHC_LANG, else
Vietnamese."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from gettext import GNUTranslations, NullTranslations

from tthc_cli.fsutil import FileKindError, read_regular

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


MAX_CATALOGUE_BYTES = 4 * 1024 * 1024  # the Vietnamese catalogue is ~60 KB


def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (English: the identity). The catalogue is read like every file
    tthc reads (a regular file only, non-blocking, with a size bound: a FIFO or /dev/zero in its place
    cannot hang a command); one that cannot be read or parsed — deleted, truncated, random bytes, a
    folder, a plural formula Python refuses or that fails on a count — means English, said once on
    stderr, never a traceback."""
    if lang not in LANGUAGES:
        raise LanguageError(lang)
    found = _loaded.get(lang)
    if found is None:
        if lang == SOURCE_LANGUAGE:
            found = NullTranslations()
        else:
            path = catalogue_path(lang)
            try:
                found = _read_catalogue(path)
            except Exception as exc:  # whatever is wrong with it, the answer is English
                # In English, and plain: the catalogue that would translate it is what failed.
                sys.stderr.write(
                    f"tthc: warning: the {lang} messages cannot be read ({path}: {_why(exc)}); "
                    "continuing in English\n"
                )
                found = NullTranslations()
        _loaded[lang] = found
    return found


def _read_catalogue(path: str) -> GNUTranslations:
    raw = read_regular(path, MAX_CATALOGUE_BYTES)
    if len(raw) > MAX_CATALOGUE_BYTES:
        raise OverflowError(MAX_CATALOGUE_BYTES)
    catalogue = GNUTranslations(io.BytesIO(raw))
    # The plural formula is compiled from the catalogue's header and runs at each ngettext: try it
    # now on counts of every shape, so a formula that divides by zero fails here, not mid-command.
    for n in (0, 1, 2, 5, 11, 21, 101, 1000001):
        catalogue.ngettext("", " ", n)
    return catalogue


def _why(exc: BaseException) -> str:
    if isinstance(exc, FileKindError):
        return f"a {exc.kind}, not a regular file"
    if isinstance(exc, OverflowError):
        return f"larger than {MAX_CATALOGUE_BYTES:,} bytes"
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc) or type(exc).__name__


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
    errno.EBUSY: N_("another tthc is still writing it (its lock was not released in time); try again"),
}


def os_reason(exc: BaseException) -> str:
    reason = _OS_REASONS.get(getattr(exc, "errno", None) or 0)
    return _(reason) if reason else str(getattr(exc, "strerror", None) or exc)
