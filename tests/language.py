"""Which language a command's output speaks, outside the data it quotes: English words left in the
Vietnamese output, Vietnamese left in `--lang en`.

What is data and may be in either language: the lines of the files shown under a problem
(`   61 | …`), the `file:line:col: severity[code] path:` prefix, a quoted text ('…', "…") whose words all
occur in the files checked or in the schemas' own vocabulary (field names, allowed values), and the
technical tokens every language writes the same (numbers, dates, YYYY-MM-DD, U+XXXX and a character's
Unicode name, file names, the names of formats and programs).

Vietnamese is recognised word by word: every remaining word must be a Vietnamese syllable — an
initial from the 27 the language has, a vowel group, a final from the 8 it allows, and a syllable
ending in c, ch, p or t carries the sắc or nặng tone — or a technical word of ALLOWED. "expected",
"found", "line", "is", "not" and "file" fail that test. What could still pass: English words that are
also unmarked Vietnamese syllables ("the", "to", "on", "me", "long"); the frequent ones are in
ENGLISH_SYLLABLES and fail anyway, and one English word alone in a sentence of Vietnamese is rare —
a raw library message has several, in a run (`run_of_english` reports runs of two or more words
that are not Vietnamese syllables, which is the more robust verdict). An English sentence quoted
and also present in the files would pass as data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_PREFIX = re.compile(r"^\S.*?:\d+:\d+: (?:error|warning)\[[a-z0-9-]+\](?: [^ ]+:)? ")
_EXCERPT = re.compile(r"^ {2,}\d+ \| ")
# A quoted text: the quote opens after no letter (not the apostrophe of "year's") and closes before none.
_QUOTED = re.compile(r"(?<!\w)(['\"`])(.*?)\1(?!\w)")
_TECHNICAL = re.compile(
    r"U\+[0-9A-F]{4,6}(?: \([A-Z0-9 -]+\))?"  # a character: its code and Unicode name
    r"|tag:yaml\.org,\d+:\w+|!\S*"  # YAML tags
    r"|\b[\w.-]+\.(?:yaml|yml|json|j2|mo|po)\b"  # file names
    r"|(?:/[\w.-]+)+/?"  # paths
    r"|\w+\[\d+\](?:\.\w+|\[\d+\])*"  # machine paths
    r"|\bYYYY-MM-DD\b|\bD/M/YYYY\b"  # date forms
    r"|[a-z]+(?:_[a-z0-9]+)+"  # field names and codes written with _
)
_TOKEN = re.compile(r"\w+")
_WORD = re.compile(r"[^\W\d_]+")

# Written the same in Vietnamese text: names of formats, programs, units and YAML's own words.
ALLOWED = {
    "yaml", "utf", "json", "csv", "html", "tab", "unix", "fifo", "socket", "git", "jinja", "python",
    "tthc", "null", "true", "false", "yes", "no", "on", "off", "id", "ics", "xlsx", "latinh", "macro",
    "schema", "byte", "mib", "kirin", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii",
}  # fmt: skip
# English words that happen to be written like Vietnamese syllables without tone marks.
ENGLISH_SYLLABLES = {"the", "to", "an", "he", "me", "be", "so", "go", "you", "we", "at", "as", "or"}

_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?([aăâeêioôơuưy]{{1,3}})(c|ch|m|n|ng|nh|p|t)?$")
_VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
_TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}


def is_vietnamese_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [_TONES[c] for c in decomposed if c in _TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    m = _SYLLABLE.match(bare)
    if m is None or len(tones) > 1:
        return False
    if m.group(2) in ("c", "ch", "p", "t"):
        return bool(tones) and tones[0] in ("sắc", "nặng")
    return True


class Data:
    """What a command's output may quote: the files it read (`texts`) and the schemas' own words
    (`vocabulary`: field names and allowed values, which messages also name unquoted)."""

    def __init__(self, texts: Iterable[str], vocabulary: Iterable[str] = ()) -> None:
        self.texts = list(texts)
        self.tokens = {t.lower() for text in self.texts for t in _TOKEN.findall(text)}
        self.vocabulary = {w.lower() for v in vocabulary for w in _WORD.findall(v)}

    def holds(self, quoted: str) -> bool:
        """Whether a quoted text is data: verbatim in a file, or made only of the files' words."""
        inner = _TECHNICAL.sub(" ", quoted)
        if quoted and any(quoted in text for text in self.texts):
            return True
        return all(t.lower() in self.tokens or t.lower() in self.vocabulary for t in _TOKEN.findall(inner))

    def allows(self, token: str) -> bool:
        """A token outside quotes that is data: a word of the schemas, a number, a single letter (a
        placeholder such as [a, b]), or a token with digits that the files hold (item '9a')."""
        low = token.lower()
        if low in self.vocabulary or low in ALLOWED or len(low) == 1 or low.isdigit():
            return True
        return any(c.isdigit() for c in low) and low in self.tokens


def said_text(output: str, data: Data, *, keep_quoted_words: bool = True) -> list[str]:
    """The output's own words, line by line: excerpts, prefixes, data quoted and technical tokens
    taken out (with keep_quoted_words=False, everything quoted is taken out)."""
    lines = []
    for line in output.splitlines():
        if _EXCERPT.match(line):
            continue
        line = _PREFIX.sub("", line).removeprefix("tthc: ")

        def unquote(m: re.Match[str]) -> str:
            return " " if not keep_quoted_words or data.holds(m.group(2)) else f" {m.group(2)} "

        lines.append(_TECHNICAL.sub(" ", _QUOTED.sub(unquote, line)))
    return lines


def _foreign(token: str, data: Data) -> bool:
    if data.allows(token):
        return False
    words = _WORD.findall(token)
    return any(w.lower() in ENGLISH_SYLLABLES or not is_vietnamese_syllable(w) for w in words)


def english_left(output: str, data: Data) -> list[str]:
    """Words of the Vietnamese output that are not Vietnamese (with the line they stand in)."""
    return [
        f"{token!r} in: {line.strip()}"
        for line in said_text(output, data)
        for token in _TOKEN.findall(line)
        if _foreign(token, data)
    ]


def run_of_english(output: str, data: Data) -> list[str]:
    """Runs of two or more words that are not Vietnamese: the shape a library's raw message has."""
    runs = []
    for line in said_text(output, data):
        tokens = _TOKEN.findall(line)
        bad = [_foreign(t, data) for t in tokens]
        runs += [
            f"{tokens[i]} {tokens[i + 1]} in: {line.strip()}"
            for i in range(len(tokens) - 1)
            if bad[i] and bad[i + 1]
        ]
    return runs


def vietnamese_left(output: str, data: Data) -> list[str]:
    """Vietnamese words in the English output, outside what it quotes (data, or phrases of the
    plan's language given as examples)."""
    return [
        f"{word!r} in: {line.strip()}"
        for line in said_text(output, data, keep_quoted_words=False)
        for word in _WORD.findall(line)
        if _VIETNAMESE_LETTER.search(word) and word.lower() not in data.vocabulary
    ]
