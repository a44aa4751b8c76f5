"""A usage mistake as one `tthc:` line in the reader's language, naming the option or command, the
value and what would be right, instead of Click's usage block and English prose.

Click says what went wrong through its exception classes and their public attributes (`param`,
`option_name`, `possibilities`, `ctx`); tthc's own parsers and command classes raise the subclasses
below, which carry their words already. Typer re-exports Click's BadParameter; the other classes are
reached through its bases, so nothing here imports Click by a private path."""

from __future__ import annotations

from difflib import get_close_matches
from enum import Enum
from typing import Any

import typer

from tthc_cli.i18n import _, ngettext, pgettext
from tthc_cli.present.messages import quote_text
from tthc_cli.textnorm import visible

# Click's UsageError: the base of every mistake on the command line (BadParameter's base).
UsageError: type[Exception] = typer.BadParameter.__mro__[1]
assert UsageError.__name__ == "UsageError"


class BadValue(typer.BadParameter):
    """A value an option's parser refused (cli/options.py): the message names the option, the value
    and what would be right."""


class Worded(UsageError):  # type: ignore[misc,valid-type]
    """A mistake tthc's command classes found and worded themselves (cli/help.py)."""

    def __init__(self, message: str, ctx: Any) -> None:
        super().__init__(message, ctx)


def placeholder(word: str) -> str:
    """A placeholder (--help, messages) in the reader's language; ID has its own (MÃ, not the column
    header Mã)."""
    return pgettext("placeholder", "ID") if word == "ID" else _(word)


def _is(exc: BaseException, name: str) -> bool:
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def _label(param: Any) -> str:
    """How the user wrote (or should write) a parameter: its first option name, or an argument's
    placeholder in the reader's language."""
    if getattr(param, "param_type_name", "") == "argument":
        return placeholder(str(param.metavar or param.name or "").upper())
    opts = getattr(param, "opts", None) or [getattr(param, "name", "")]
    return str(opts[0])


def choices(param: Any) -> list[str]:
    """The words a parameter takes (its StrEnum's values), or none."""
    found = getattr(getattr(param, "type_descriptor", None), "choices", None) or ()
    return [str(c.value if isinstance(c, Enum) else c) for c in found]


def _is_flag(ctx: Any, option: str) -> bool:
    params = getattr(getattr(ctx, "command", None), "params", ())
    return any(option in getattr(p, "opts", ()) and getattr(p, "is_flag", False) for p in params)


def usage_message(exc: BaseException) -> str:
    """One line saying what is wrong and what would be right."""
    param = getattr(exc, "param", None)
    if isinstance(exc, (BadValue, Worded)):
        return str(getattr(exc, "message", exc))
    if _is(exc, "NoSuchOption"):
        option = str(getattr(exc, "option_name", ""))
        message = _("unknown option {option}").format(option=visible(quote_text(option)))
        possible = sorted(getattr(exc, "possibilities", None) or ())
        if possible:
            message += "; " + _("did you mean {options}?").format(options=", ".join(possible))
        return message
    if _is(exc, "MissingParameter"):
        if getattr(param, "param_type_name", "") == "argument":
            message = _("missing the argument {name}").format(name=_label(param))
        else:
            message = _("missing the option {option}").format(option=_label(param))
        words = choices(param)
        if words:
            message += " (" + _("one of: {choices}").format(choices=", ".join(words)) + ")"
        return message
    if _is(exc, "BadOptionUsage"):
        option = str(getattr(exc, "option_name", ""))
        if _is_flag(getattr(exc, "ctx", None), option):
            return _("{option} takes no value").format(option=option)
        return _("{option} needs a value").format(option=option)
    if param is not None:
        return _("{option}: not a valid value").format(option=_label(param))
    return _("the command line is not complete or not right")


def see_help(ctx: Any) -> str:
    path = getattr(ctx, "command_path", None) or "tthc"
    return _("see: {command} --help").format(command=path)


def usage_line(exc: BaseException) -> str:
    """A usage mistake as one line: what is wrong, what would be right, where the help is."""
    return f"{usage_message(exc)} ({see_help(getattr(exc, 'ctx', None))})"


# --- the mistakes the command classes word -----------------------------------------------------------


def unknown_command(name: str, commands: list[str], ctx: Any) -> Worded:
    listed = ", ".join(sorted(commands))
    near = get_close_matches(name, commands, n=1)
    if near:
        return Worded(
            _("unknown command {name}; did you mean {near}? The commands are: {commands}").format(
                name=visible(quote_text(name)), near=near[0], commands=listed
            ),
            ctx,
        )
    return Worded(
        _("unknown command {name}; the commands are: {commands}").format(
            name=visible(quote_text(name)), commands=listed
        ),
        ctx,
    )


def missing_command(commands: list[str], ctx: Any) -> Worded:
    return Worded(_("which command? One of: {commands}").format(commands=", ".join(sorted(commands))), ctx)


def extra_arguments(extra: list[str], name: str | None, ctx: Any) -> Worded:
    """Words the command did not expect. `name`: the text given just before them, when it is a name
    or free text that the words may belong to (`tthc unit Sở Y tế`): then the hint shows it quoted."""
    words = " ".join(visible(quote_text(w)) for w in extra)
    message = ngettext("unexpected argument: {args}", "unexpected arguments: {args}", len(extra)).format(
        args=words
    )
    if name is not None:
        message += " " + _('(a name with spaces goes in quotes: "{name}")').format(
            name=visible(quote_text(" ".join([name, *extra])))
        )
    return Worded(message, ctx)
