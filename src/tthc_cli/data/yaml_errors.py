"""What the YAML library's complaints mean for a person editing the file. libyaml says what its parser
expected ("did not find expected '-' indicator, while parsing a block collection"); a clerk needs to
know what to change: which line to indent like which, where to put quotes, which bracket is missing.
Each class of complaint becomes a problem (code `yaml-syntax` with a variant, or its own code such as
`unclosed-quote`) whose facts are read off the text itself — the line to copy the indentation of, the
line rewritten with quotes — and worded by present/messages.py. libyaml's own words are never shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from tthc_cli.domain.problems import Problem, problem
from tthc_cli.textnorm import split_lines

_FLOW_CLOSERS = {
    "did not find expected ',' or ']'": "flow-list",
    "did not find expected ',' or '}'": "flow-mapping",
}
_RESERVED_STARTS = ("while scanning an alias", "while scanning an anchor", "while scanning a tag")
_DASH = re.compile(r"-(?: +|$)")
_RESERVED = "@`*&!%"  # characters that cannot begin a plain value
MAX_QUOTED = 120  # characters of a line quoted back in a suggestion


def explain(exc: yaml.YAMLError, text: str) -> tuple[Problem, int, int]:
    """The problem libyaml's complaint `exc` stands for, and its 1-based line and column."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return problem("yaml-syntax", "other"), 1, 1
    lines = split_lines(text)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context_line = exc.context_mark.line + 1 if exc.context_mark else line
    said, context = exc.problem or "", exc.context or ""
    if exc.problem_mark and exc.context_mark:
        # A quote left open swallows the lines after it until the next quote, and YAML stumbles later:
        # the line to fix is the one with an odd number of quotes.
        opened = _unbalanced_quote(lines, context_line, line - 1)
        if opened is not None:
            return problem("unclosed-quote", until=line), opened, 1
    context_column = exc.context_mark.column + 1 if exc.context_mark else column
    found = _classify(lines, said, context, line, column, (context_line, context_column))
    if isinstance(found, tuple):
        return found
    return found, line, column


@dataclass(frozen=True, slots=True)
class _Complaint:
    """libyaml's complaint and the text it is about: its words (`said`, `context`), where it stopped
    (1-based `line`, `column`, the character there) and where the construct it was reading began."""

    lines: list[str]
    said: str
    context: str
    line: int
    column: int
    context_at: tuple[int, int]

    @property
    def char(self) -> str:
        return _char(self.lines, self.line, self.column)


Classified = Problem | tuple[Problem, int, int]


def _classify(
    lines: list[str], said: str, context: str, line: int, column: int, context_at: tuple[int, int]
) -> Classified:
    """The problem a complaint stands for (and, when it is elsewhere, its line and column): the
    steps below are tried in order, the first that knows the complaint answers."""
    c = _Complaint(lines, said, context, line, column, context_at)
    for words, where, code, variant in _FIXED:
        if words in (said, context, said + "\n" + context)[where]:
            return problem(code, variant)
    for step in (_opened, _structure, _token):
        found = step(c)
        if found is not None:
            return found
    if "did not find expected key" in said or "did not find expected '-' indicator" in said:
        return _block(lines, line, column, context_at[0], said)
    if "expected node content" in said:
        if c.char in ("]", "}"):
            return problem("yaml-syntax", "stray-bracket", char=c.char)
        return problem("yaml-syntax", "missing-value")
    return problem("yaml-syntax", "other")


def _opened(c: _Complaint) -> Classified | None:
    """A quoted text or a bracket opened and never closed; a tab where indentation is read."""
    if "while scanning a quoted scalar" in c.context:  # end of file or '---' inside a quoted text
        return (problem("unclosed-quote", "here"), *c.context_at)
    if c.char == "\t" or "tab character" in c.said:
        return problem("yaml-syntax", "tab", line=c.line)
    if c.said in _FLOW_CLOSERS:
        return problem("yaml-syntax", _FLOW_CLOSERS[c.said], opened=c.context_at[0])
    return None


def _structure(c: _Complaint) -> Classified | None:
    """A colon too many or missing, a list item after a key on its line."""
    if "mapping values are not allowed" in c.said:
        return _colon(c.lines, c.line, c.column)
    if "could not find expected ':'" in c.said:
        return _missing_colon(c.lines, c.context_at[0]), c.context_at[0], 1
    if "block sequence entries are not allowed" in c.said:
        key, item = _dash_split(c.lines, c.line)
        return problem("yaml-syntax", "dash-after-key", key=key, item=item)
    return None


def _token(c: _Complaint) -> Classified | None:
    """A value starting with a reserved character, a bad escape, a block scalar's indicator, a
    directive or a document end in the middle of the file."""
    said, context = c.said, c.context
    if "cannot start any token" in said or context.startswith(_RESERVED_STARTS) or "tag handle" in said:
        return _reserved(c.lines, c.line, c.column)
    if "quoted scalar" in context:  # an escape in double quotes: "\q", "\xZZ", "\uD800"
        return problem("yaml-syntax", "escape", escape=_escape_at(c.lines, c.line, c.column))
    if "block scalar" in context:
        return problem("yaml-syntax", "block-scalar", indicator=_block_indicator(c.lines, c.context_at[0]))
    if "directive" in context or "directive" in said or "<document start>" in said:
        ended = any(text.strip() == "..." for text in c.lines[: c.line - 1])
        return problem("yaml-syntax", "document-end" if ended else "directive")
    return None


# libyaml's words that always mean one problem, and where they stand: in its problem (0), in its
# context (1), or in either (2).
_FIXED: tuple[tuple[str, int, str, str], ...] = (
    ("expected a single document", 2, "multiple-documents", ""),
    ("undefined alias", 0, "alias", "undefined"),
    ("duplicate anchor", 1, "anchor", "twice"),
    ("maximum nesting depth", 0, "too-deep", "yaml"),
)


def _char(lines: list[str], line: int, column: int) -> str:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return text[column - 1] if 0 < column <= len(text) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _starts(text: str) -> list[int]:
    """Columns (0-based) where a node may begin on a line: its indentation, and after each '- '."""
    at = _indent(text)
    starts = [at]
    while m := _DASH.match(text, at):
        if m.end() >= len(text):
            break
        at = m.end()
        starts.append(at)
    return starts


def _open_indents(lines: list[str], line: int) -> list[tuple[int, int]]:
    """(indentation, line number) of each block still open above `line`, innermost first: where the
    line could start and belong somewhere."""
    found: list[tuple[int, int]] = []
    limit = 1 << 30
    for n in range(line - 1, 0, -1):
        text = lines[n - 1]
        if not _is_content(text):
            continue
        for start in reversed(_starts(text)):
            if start < limit:
                found.append((start, n))
                limit = start
        if limit == 0:
            break
    return found


def _indentation(lines: list[str], line: int) -> Problem | None:
    """The indentation the line most likely needs — the open block nearest to where it stands, the
    deeper one on a tie — when it has another; None when it already lines up with one."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    have = _indent(text)
    candidates = _open_indents(lines, line)
    if not candidates or any(start == have for start, _ in candidates):
        return None
    want, like = min(candidates, key=lambda c: (abs(c[0] - have), -c[0]))
    return problem("yaml-syntax", "indentation", line=line, have=have, want=want, like=like)


def _block(lines: list[str], line: int, column: int, context_line: int, said: str) -> Problem:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = text[: column - 1].rstrip()
    if before.strip():  # more on a line after a closed quote or bracket: 'a: "x" y', 'a: [1] x'
        variant = "after-quote" if before[-1] in "'\"" else "after-bracket"
        return problem("yaml-syntax", variant, bracket=before[-1], suggestion=_quoted_value(text))
    indentation = _indentation(lines, line)
    if indentation is not None:
        return indentation
    if text.lstrip().startswith("-") and "expected key" in said:
        return problem("yaml-syntax", "dash-in-mapping", line=line)
    if "'-' indicator" in said:
        return problem("yaml-syntax", "key-in-list", line=line, like=context_line)
    return problem("yaml-syntax", "other")


def _colon(lines: list[str], line: int, column: int) -> Problem | tuple[Problem, int, int]:
    """A ':' YAML cannot take: a second 'key: ' on one line (a text holding ': '), a line indented
    deeper than the one above (read as the rest of its value), or a line above without ':'."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if ":" in text[: column - 1] and column <= 1024:
        return problem("yaml-syntax", "colon-in-value", suggestion=_quoted_value(text))
    if column > 1024:
        return problem("yaml-syntax", "long-key")
    above = next((n for n in range(line - 1, 0, -1) if _is_content(lines[n - 1])), 0)
    if above and ":" not in lines[above - 1] and not lines[above - 1].lstrip().startswith("-"):
        return _missing_colon(lines, above), above, 1
    indentation = _indentation(lines, line)
    if indentation is not None:
        return indentation
    return problem("yaml-syntax", "other")


def _missing_colon(lines: list[str], line: int) -> Problem:
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return problem("yaml-syntax", "missing-colon", line=line, text=_short(text))


def _reserved(lines: list[str], line: int, column: int) -> Problem:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    char = _char(lines, line, column)
    # libyaml marks the character it stopped at; the value starts at the first reserved one on the way.
    if not (char and char in _RESERVED):
        char = next((c for c in text[: column - 1][::-1] if c in _RESERVED), char)
    return problem("yaml-syntax", "reserved-start", char=char, suggestion=_quoted_value(text))


def _escape_at(lines: list[str], line: int, column: int) -> str:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    slash = text.rfind("\\", 0, column)
    return text[slash : slash + 2] if slash >= 0 else "\\"


def _block_indicator(lines: list[str], line: int) -> str:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    m = re.search(r"[|>]\S*", text)
    return m.group() if m else "|"


def _dash_split(lines: list[str], line: int) -> tuple[str, str]:
    """'a: - b' -> ('a:', '- b'): what stays on the line, and what goes on the next."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    key, _sep, rest = text.strip().partition(":")
    return _short(f"{key.rstrip()}:"), _short(rest.strip())


def _quoted_value(text: str) -> str:
    """The line with its value in double quotes: `note: Xong: đã gửi` -> `note: "Xong: đã gửi"`."""
    indent = text[: _indent(text)]
    body = text.strip()
    dash = ""
    while m := _DASH.match(body):
        dash += m.group()
        body = body[m.end() :]
    key, sep, value = body.partition(": ")
    if not sep:
        key, value = "", body
    value = value.strip()
    if value.startswith('"') and value.count('"') >= 2:
        inner = value[1 : value.index('"', 1)] + value[value.index('"', 1) + 1 :]
        value = inner
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return _short(f"{indent}{dash}{key}{sep}{quoted}".strip())


def _short(text: str) -> str:
    return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…"


def _unbalanced_quote(lines: list[str], first: int, last: int) -> int | None:
    """The first line in [first, last] (1-based) with an odd number of double quotes outside a
    comment: where a quoted text was most likely left open."""
    for n in range(max(first, 1), min(last, len(lines)) + 1):
        code = lines[n - 1]
        if code.lstrip().startswith("#"):
            continue
        if (code.count('"') - code.count('\\"')) % 2 == 1:
            return n
    return None
