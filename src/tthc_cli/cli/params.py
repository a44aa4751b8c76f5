"""What a command line is made of: a command, its parameters (options and arguments) and the values
one command line gives them (`Options`, what every command takes). The commands themselves are
declared in cli/table.py."""

from __future__ import annotations

from tthc_cli.domain.records import Record

# How an option's value is read. TEXT: any text; FLAG: present or not; NUMBER: a whole number in
# `bounds`; CHOICE: one of `choices`; TEXTS: any text, repeatable; an argument is TEXT or TEXTS.
TEXT, FLAG, NUMBER, CHOICE, TEXTS = "text", "flag", "number", "choice", "texts"


class Param(Record):
    """One option (`flags` given) or positional argument (no flags) of a command. `help` and `metavar`
    are msgids, translated where the help is shown; `complete` names what tab completion offers
    ("units" or "ids")."""

    __slots__ = (
        "bounds",
        "choices",
        "complete",
        "default",
        "dest",
        "flags",
        "help",
        "kind",
        "metavar",
        "required",
    )

    def __init__(
        self,
        dest: str,
        flags: tuple[str, ...] = (),
        kind: str = TEXT,
        help: str | None = None,
        *,
        metavar: str | None = None,
        default: object = None,
        required: bool = False,
        choices: tuple[str, ...] = (),
        bounds: tuple[int, int] | None = None,
        complete: str | None = None,
    ) -> None:
        self.dest, self.flags, self.kind, self.help, self.metavar = dest, flags, kind, help, metavar
        self.default, self.required, self.choices, self.bounds = default, required, choices, bounds
        self.complete = complete

    @property
    def is_argument(self) -> bool:
        return not self.flags

    def fresh_default(self) -> object:
        """The value when the command line does not give one (a new list for a repeatable)."""
        return [] if self.kind == TEXTS else self.default


class Command(Record):
    """A command: its name as typed (`progress add`), its help, its parameters in --help order, and
    the function that does it (`module:function` under tthc_cli.cli.commands, imported when run)."""

    __slots__ = ("help", "name", "params", "run")

    def __init__(self, name: str, help: str, params: tuple[Param, ...], run: str) -> None:
        self.name, self.help, self.params, self.run = name, help, params, run

    def option(self, flag: str) -> Param | None:
        return next((p for p in self.params if flag in p.flags), None)

    @property
    def argument(self) -> Param | None:
        return next((p for p in self.params if p.is_argument), None)


def whole_number(text: str, bounds: tuple[int, int]) -> int | None:
    """A count typed on the command line, or None: ASCII digits only, within `bounds`. Python's int()
    would also take '٣' (Arabic-Indic three) or '3_0', and '²'.isdigit() is true but int('²') fails."""
    low, high = bounds
    return int(text) if text.isascii() and text.isdigit() and low <= int(text) <= high else None


class Options(dict[str, object]):
    """The values of one command line by `dest`, the same whichever path parsed it: what every
    command takes. The typed getters fail loudly (a bug) when a command reads what it did not declare."""

    def _get(self, dest: str, kind: type | tuple[type, ...]) -> object:
        value = self[dest]
        if not isinstance(value, kind):
            raise TypeError(f"option {dest}: {value!r} is not {kind}")
        return value

    def text(self, dest: str) -> str:
        return str(self._get(dest, str))

    def maybe_text(self, dest: str) -> str | None:
        value = self._get(dest, (str, type(None)))
        return None if value is None else str(value)

    def number(self, dest: str) -> int:
        value = self._get(dest, int)
        assert isinstance(value, int)
        return value

    def maybe_number(self, dest: str) -> int | None:
        value = self._get(dest, (int, type(None)))
        assert value is None or isinstance(value, int)
        return value

    def flag(self, dest: str) -> bool:
        return bool(self._get(dest, bool))

    def texts(self, dest: str) -> list[str]:
        value = self._get(dest, list)
        assert isinstance(value, list)
        return [str(v) for v in value]


def split_short_equals(argv: list[str]) -> list[str]:
    """`-f=json` read as `-f json` (and `-o=report.html` as `-o report.html`), as people write it after
    `--format=json`; Click alone would take the value "=json". Both command lines get the result. A
    token after `--` is left as it is."""
    out: list[str] = []
    for i, token in enumerate(argv):
        if token == "--":
            return out + argv[i:]
        if len(token) > 3 and token[0] == "-" and token[1].isalpha() and token[2] == "=":
            out += [token[:2], token[3:]]
        else:
            out.append(token)
    return out
