"""The language people read: Vietnamese by default, English on request. Messages are written in English
in the code (the msgids, so English is the identity) and translated through gettext catalogues that
Babel extracts and compiles: locale/<lang>/LC_MESSAGES/tthc.po -> tthc.mo. Only the stdlib reads the
.mo at run time, so a query pays for no Babel import.

The language is chosen once, at the edge (cli/entry.py): --lang, else $TTHC_LANG, else Vietnamese."""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from gettext import GNUTranslations, NullTranslations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

DOMAIN = "tthc"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SOURCE_LANGUAGE = "en"  # the msgids: no catalogue needed
LANG_ENV = "TTHC_LANG"
LANG_OPTION = "--lang"
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


def choose_language(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[str, list[str]]:
    """(language, the arguments without --lang): the flag wins over $TTHC_LANG, which wins over the
    default. The flag may stand anywhere before `--`, so every command takes it."""
    rest: list[str] = []
    chosen: str | None = None
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            rest.extend(argv[i:])
            break
        if token == LANG_OPTION or token.startswith(LANG_OPTION + "="):
            if "=" in token:
                chosen = token.partition("=")[2]
            elif i + 1 < len(argv):
                chosen = argv[i + 1]
                i += 1
            else:
                chosen = ""
            if chosen not in LANGUAGES:
                raise LanguageError(f"{LANG_OPTION} {chosen}".rstrip())
            i += 1
            continue
        rest.append(token)
        i += 1
    if chosen is None:
        chosen = environ.get(LANG_ENV) or DEFAULT_LANGUAGE
        if chosen not in LANGUAGES:
            raise LanguageError(f"{LANG_ENV}={chosen}")
    return chosen, rest


def language_error(exc: LanguageError) -> str:
    """The one-line refusal of an unknown language, in the default language (the wanted one is
    unknown)."""
    return _("{given}: unknown language; choose one of: {choices}").format(
        given=exc.args[0], choices=", ".join(LANGUAGES)
    )


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
