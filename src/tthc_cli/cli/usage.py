"""Typer's own words in the user's language: help headings, and a usage mistake as one `tthc:` line
that names the option, the value and the valid choices, instead of a usage block and a validation
library's prose ("Input should be a valid integer, unable to parse string as an integer").

Reads Click's exceptions by class name and public attributes, so nothing here imports Typer or
depends on one Typer version's internals; cli/app.py hands the exceptions over."""

from __future__ import annotations

import re
from enum import Enum

from tthc_cli.i18n import N_, _, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

# The words Typer puts in --help through gettext (cli/app.py routes its lookups to our catalogue).
TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
)


def _is(exc: BaseException, name: str) -> bool:
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def _label(param: object) -> str:
    """How the user wrote (or should write) a parameter: its first option name, or an argument's
    placeholder."""
    if getattr(param, "param_type_name", "") == "argument":
        return str(getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper()
    opts = getattr(param, "opts", None) or [getattr(param, "name", "")]
    return str(opts[0])


def _choices(param: object) -> list[str] | None:
    found = getattr(getattr(param, "type", None), "choices", None)  # Click's Choice
    if found:
        return [str(getattr(c, "value", c)) for c in found]
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)  # Typer >= 0.2x
    return _enum_values(annotation)


def _enum_values(annotation: object) -> list[str] | None:
    """The values of the Enum in an annotation such as `Kind`, `Kind | None` or `list[Kind]`."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    for inner in getattr(annotation, "__args__", ()):
        found = _enum_values(inner)
        if found:
            return found
    return None


def _range(param: object) -> tuple[int, int] | None:
    low = getattr(param, "min", None)
    high = getattr(param, "max", None)
    if low is None:
        low = getattr(getattr(param, "type", None), "min", None)
        high = getattr(getattr(param, "type", None), "max", None)
    return (low, high) if isinstance(low, int) and isinstance(high, int) else None


def _given(args: Sequence[str], param: object) -> str | None:
    """The value the user typed for an option, read back from the command line."""
    names = set(getattr(param, "opts", None) or ())
    for i, token in enumerate(args):
        name, eq, value = token.partition("=")
        if name in names:
            if eq:
                return value
            if i + 1 < len(args):
                return args[i + 1]
    return None


def _commands(exc: BaseException) -> list[str]:
    command = getattr(getattr(exc, "ctx", None), "command", None)
    names = getattr(command, "commands", None)
    return sorted(names) if isinstance(names, dict) else []


def usage_message(exc: BaseException, args: Sequence[str]) -> str:
    """One line saying what is wrong and what would be right."""
    param = getattr(exc, "param", None)
    if _is(exc, "NoSuchOption"):
        option = str(getattr(exc, "option_name", ""))
        message = _("unknown option {option}").format(option=option)
        possible = sorted(getattr(exc, "possibilities", None) or ())
        if possible:
            message += "; " + _("did you mean {options}?").format(options=", ".join(possible))
    elif _is(exc, "MissingParameter"):
        if getattr(param, "param_type_name", "") == "argument":
            message = _("missing the argument {name}").format(name=_label(param))
        else:
            message = _("missing the option {option}").format(option=_label(param))
        choices = _choices(param)
        if choices:
            message += " (" + _("one of: {choices}").format(choices=", ".join(choices)) + ")"
    elif _is(exc, "BadOptionUsage"):
        option = str(getattr(exc, "option_name", ""))
        if any(token.startswith(option + "=") for token in args):
            message = _("{option} takes no value").format(option=option)
        else:
            message = _("{option} needs a value").format(option=option)
    elif _is(exc, "BadParameter"):
        message = _bad_value(param, _given(args, param))
    else:
        message = _other(exc, args)
    return message


def _bad_value(param: object, value: str | None) -> str:
    where = f"{_label(param)} {value}" if value is not None else _label(param)
    choices = _choices(param)
    if choices:
        return _("{option}: choose one of: {choices}").format(option=where, choices=", ".join(choices))
    bounds = _range(param)
    if bounds:
        return _("{option}: give a whole number from {low} to {high}").format(
            option=where, low=bounds[0], high=bounds[1]
        )
    return _("{option}: not a valid value").format(option=where)


def _other(exc: BaseException, args: Sequence[str]) -> str:
    commands = _commands(exc)
    if commands:
        path = str(getattr(getattr(exc, "ctx", None), "command_path", "")).split()
        after = args[args.index(path[-1]) + 1 :] if len(path) > 1 and path[-1] in args else args
        unknown = next((a for a in after if not a.startswith("-") and a not in commands), None)
        if unknown is None:
            return _("which command? One of: {commands}").format(commands=", ".join(commands))
        return _("unknown command {name}; the commands are: {commands}").format(
            name=unknown, commands=", ".join(commands)
        )
    extra = re.search(r"\(([^()]*)\)\s*$", str(getattr(exc, "message", exc)))
    if extra:
        words = extra.group(1).split()
        return ngettext(
            'unexpected argument: {args} (a name with spaces goes in quotes: "Sở Y tế")',
            'unexpected arguments: {args} (a name with spaces goes in quotes: "Sở Y tế")',
            len(words),
        ).format(args=" ".join(words))
    return _("the command line is not complete or not right")


def see_help(command_path: str) -> str:
    return _("see: {command} --help").format(command=command_path)
