"""Unicode hygiene shared by the loader, the matchers and the terminal: NFC, no-break spaces, invisible
characters, control characters, line breaks, and text that any output encoding can carry."""

from __future__ import annotations

import codecs
import re
import unicodedata

# Invisible format characters (soft hyphen, zero-width spaces and joiners, bidi controls, BOM) make
# identical-looking names differ: "Sở Y tế" with a zero-width space is another string.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
NO_BREAK_SPACES = re.compile("[\u00a0\u2007\u202f]")
# Greek and Cyrillic letters: several look exactly like Latin ones ('о' U+043E and 'o'), so "Sở Y tế"
# typed with one of them is another name that no one can tell apart on screen.
LOOKALIKE_SCRIPTS = re.compile("[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
# Either kind, in one pass over a whole file: most files have neither, and a pass over 2 MB of text
# costs ~12 ms (a second one for the other kind would double it).
SUSPECT = re.compile("[" + INVISIBLE.pattern[1:-1] + LOOKALIKE_SCRIPTS.pattern[1:-1] + "]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# The Latin letter each look-alike is taken for.
_LOOKS_LATIN = dict(
    zip(
        "аеорсухіјѕԁԛԝӏАВЕКМНОРСТХУІЈЅҮӀαβεζηικμνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdqwlABEKMHOPCTXYIJSYIaBeZnikuvopTuxABEZHIKMNOPTYX",
        strict=True,
    )
)
# Control characters a terminal acts on (ESC starts "clear screen" or "set window title", BEL rings,
# C1 0x9B is a one-byte CSI) plus the separators YAML reads as line breaks but editors do not.
# Tab and line feed are layout, not commands.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# What is escaped before anything reaches a terminal: the controls above, a carriage return not ending
# a line (it moves the cursor back over what was shown; CSV's CRLF is harmless) and bidi
# overrides/isolates (they reorder what is shown: "Trojan source").
_UNSAFE_FOR_TERMINAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)
# Line ends as editors count them: LF, CRLF and a lone CR (old Mac files). NEL, U+2028 and U+2029
# are refused in the data before parsing, so they never shift a line number.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def nfc(text: str) -> str:
    """NFC, with no-break spaces read as spaces."""
    return NO_BREAK_SPACES.sub(" ", unicodedata.normalize("NFC", text))


def lookalike(text: str) -> tuple[int, str, str, str] | None:
    """The first Greek or Cyrillic letter in a text written in Latin letters: (its index, the letter,
    the Latin letter it looks like or '' when none in particular, 'greek' or 'cyrillic'); None when
    there is none, or when the text has no Latin letter at all (a name written wholly in another
    script is no disguise)."""
    found = LOOKALIKE_SCRIPTS.search(text)
    if found is None or _LATIN_LETTER.search(text) is None:
        return None
    char = found.group()
    script = "greek" if char <= "\u03ff" or char >= "\u1f00" else "cyrillic"
    return found.start(), char, _LOOKS_LATIN.get(char, ""), script


def typed(text: str) -> str:
    """What a person typed or pasted: NFC, plain spaces, invisible characters dropped, trimmed."""
    return INVISIBLE.sub("", nfc(text)).strip()


_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
}


def control_name(char: str) -> str:
    """'U+001B (ESCAPE)': the code and, where known, the name — what a person needs to find and
    delete it (Unicode gives the C0/C1 controls no names of their own)."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def whole_number(text: str, high: int) -> int | None:
    """`text` as a whole number from 0 to `high` when it is written in ASCII digits, else None: no
    sign, no '_', no '٣' or '²' (which int() or str.isdigit() would take), and never more digits than
    `high` has — Python refuses to convert a number of more than 4,300 digits, with an exception."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > len(str(high)):
        return None
    value = int(text)
    return value if value <= high else None


def visible(text: str) -> str:
    r"""`text` safe to print on a terminal: every control character shown as a visible escape
    (`\u001b`), never sent raw. A JSON string stays valid JSON with the same meaning."""
    if _UNSAFE_FOR_TERMINAL.search(text) is None:
        return text
    return _UNSAFE_FOR_TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    r"""`text` as one line on a terminal: `visible`, and line breaks and tabs escaped too (`\n`), so a
    file name or a value holding a newline cannot forge a line of its own (a second diagnostic)."""
    return visible(text).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def split_lines(text: str) -> list[str]:
    """The lines of `text` as an editor numbers them (see LINE_BREAK)."""
    return LINE_BREAK.split(text)


class LineIndex:
    """Character index -> (line, column), both 1-based, columns counted in characters: built once per
    text, so locating any number of problems costs one pass plus a binary search each."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def line_col(self, index: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self.starts, max(index, 0))
        return line, index - self.starts[line - 1] + 1


class VisibleWriter:
    """A text stream that writes everything through `visible`: for stderr, where messages quote what
    people typed and the third-party usage errors do too."""

    def __init__(self, stream: object) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))  # type: ignore[attr-defined]
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


# --- output in any encoding ---------------------------------------------------------------------------


def fallback_errors(encoding: str) -> str:
    """The name of an error handler for writing in `encoding`: a character the encoding lacks
    becomes the same letter with its marks as separate characters where the encoding has those
    (cp1258 holds 'ê' and a combining acute, not 'ế'), else a visible escape (\u1ec7). Nothing
    crashes, nothing is silently dropped. (A handler is told only 'charmap', not which map, so there
    is one per encoding.)"""
    name = f"tthc-fallback-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, lambda exc: _fallback(exc, encoding))
    return name


def _fallback(exc: UnicodeError, encoding: str) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for char in exc.object[exc.start : exc.end]:
        if char == "\ufeff":  # the CSV's byte-order mark means nothing outside UTF-8/16
            continue
        base, *marks = list(unicodedata.normalize("NFD", char))
        # 'ộ' is o + dot below + circumflex; cp1258 has 'ô' and a combining dot below: try the base
        # letter composed with each one mark, the others kept combining.
        candidates = [base + "".join(marks)] + [
            unicodedata.normalize("NFC", base + mark) + "".join(marks[:i] + marks[i + 1 :])
            for i, mark in enumerate(marks)
        ]
        for candidate in candidates:
            try:
                candidate.encode(encoding)
            except UnicodeEncodeError:
                continue
            out.append(candidate)
            break
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
    return "".join(out), exc.end


def wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes are text saved so (Notepad's "Unicode"): a byte order mark,
    or, without one, a zero byte in every other place of what would be ASCII (UTF-8 text has no zero
    bytes at all: its one zero, NUL, is refused anyway); else None."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = raw[:4096]
    if len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) * 4 >= len(sample):
        return "UTF-32" if sample[2::4].count(0) * 4 >= len(sample) and sample[3::4].count(0) else "UTF-16"
    return None
