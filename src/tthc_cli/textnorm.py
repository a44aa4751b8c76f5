"""Unicode hygiene shared by the loader and the matchers: NFC, no-break spaces, invisible characters."""

from __future__ import annotations

import re
import unicodedata

# Invisible format characters (soft hyphen, zero-width spaces and joiners, bidi controls, BOM) make
# identical-looking names differ: "Sở Y tế" with a zero-width space is another string.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")


def nfc(text: str) -> str:
    """NFC, with no-break spaces read as spaces."""
    return NO_BREAK_SPACES.sub(" ", unicodedata.normalize("NFC", text))


def typed(text: str) -> str:
    """What a person typed or pasted: NFC, plain spaces, invisible characters dropped, trimmed."""
    return INVISIBLE.sub("", nfc(text)).strip()
