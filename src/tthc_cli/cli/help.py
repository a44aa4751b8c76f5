"""The Click command classes tthc hands Typer (`cls=`): `--help` and usage lines in the reader's
language, --lang in effect before anything is said, and the mistakes Click would word in English
raised as tthc's own (cli/usage.py). The root's `main` runs the whole command line inside the one
error boundary (cli/boundary.py), so the installed script and the test runner behave alike.

Help texts and placeholders are declared as msgids (cli/options.py, cli/app.py) and translated here,
when the help is formatted, through Click's public formatting methods (format_usage,
format_help_text, format_options); Click's own help words go through the catalogue too. Nothing of
Typer or Click is patched.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer
import typer.core

from tthc_cli.cli.boundary import guarded
from tthc_cli.cli.options import apply_language
from tthc_cli.cli.usage import UsageError, choices, extra_arguments, placeholder, unknown_command
from tthc_cli.i18n import N_, _

# Click's own words in help, said in the reader's language (the catalogue has them).
CLICK_WORDS = (N_("Show this message and exit."),)

# Parameters holding a name or free text: words left over after one of them are probably the rest
# of it (`tthc unit Sở Y tế`), and the mistake says to quote it. Not for IDs, counts or dates.
TEXT_PARAMS = ("name", "unit", "by", "note", "evidence", "province", "folder")


def _shortened(text: str, limit: int) -> str:
    """A command's help in the command list: whole if it fits, else cut at a word with '...'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def _opts(param: Any) -> str:
    """`-f, --format`: short names first, as Click writes them."""
    opts = sorted(param.opts, key=lambda o: len(o) - len(o.lstrip("-")))
    return ", ".join(opts)


def _value_word(param: Any) -> str:
    """What stands after an option in --help: its placeholder, or its words (`<table|json>`)."""
    if param.metavar:
        return placeholder(str(param.metavar))
    words = choices(param)
    return f"<{'|'.join(words)}>" if words else placeholder(str(param.name).upper())


def _extras(param: Any) -> list[str]:
    """The default, the bounds and `required`, as `(mặc định: 7; từ 0 đến 366)` says them."""
    extras = []
    default = param.default
    if isinstance(default, Enum):
        default = default.value
    if not param.required and default not in (None, False, (), []) and not getattr(param, "is_flag", False):
        extras.append(_("default: {default}").format(default=default))
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        extras.append(_("from {low} to {high}").format(low=low, high=high))
    if param.required:
        extras.append(_("required"))
    return extras


def _help_row(param: Any) -> tuple[str, str]:
    argument = param.param_type_name == "argument"
    name = placeholder(str(param.metavar or param.name).upper()) if argument else _opts(param)
    if not argument and not getattr(param, "is_flag", False):
        name += " " + _value_word(param)
    text = _(param.help) if param.help else ""
    extras = _extras(param)
    if extras:
        text = (text + "  " if text else "") + "(" + "; ".join(extras) + ")"
    return name, text


class _InTheReadersLanguage:
    """What Command and Group share: usage, help and options in the reader's language, and --lang
    chosen before anything is said."""

    help: str | None

    if TYPE_CHECKING:  # Click's, on the classes this is mixed into

        def get_params(self, ctx: Any) -> list[Any]: ...

        def make_parser(self, ctx: Any) -> Any: ...

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """--lang (or $TTHC_LANG) takes effect before --help is answered or a mistake worded, wherever
        it stands: Click acts on eager options in the order they were typed, so `tthc --help --lang en`
        would otherwise print Vietnamese help. This command's own parser reads the line for it, and
        Click's own rule (`consume_value`: the line, else the variable) gives its value; the option's
        callback (cli/options.choose_language) checks it again like every value."""
        lang = next((p for p in self.get_params(ctx) if p.name == "lang"), None)
        if lang is not None:
            try:
                opts = self.make_parser(ctx).parse_args(args=list(args))[0]
            except UsageError:
                opts = {}  # the reading below says what is wrong
            apply_language(ctx, *lang.consume_value(ctx, opts), strict=False)
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc,no-any-return]
        except UsageError as exc:  # Click's parser raises some without saying where: this command
            if getattr(exc, "ctx", None) is None:
                exc.ctx = ctx  # type: ignore[attr-defined]
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [_("[OPTIONS]")]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                word = placeholder(str(param.metavar or param.name).upper())
                word = word if param.required else f"[{word}]"
                pieces.append(word + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=_("Usage: "))

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_(self.help))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        for heading, kind in ((_("Arguments"), "argument"), (_("Options"), "option")):
            rows = [_help_row(p) for p in params if p.param_type_name == kind and not p.hidden]
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)


class Command(_InTheReadersLanguage, typer.core.TyperCommand):
    """A command: its help in the reader's language; words it did not expect are one mistake naming
    them (with a hint to quote a name that has spaces)."""

    allow_extra_args = True  # checked below, to word the mistake

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            given = [ctx.params.get(name) for name in TEXT_PARAMS]
            name = next((value for value in given if isinstance(value, str)), None)
            raise extra_arguments(list(ctx.args), name, ctx)
        return rest


class Group(_InTheReadersLanguage, typer.core.TyperGroup):
    """A group of commands: its help lists them in the reader's language; an unknown command is one
    mistake, with the nearest command suggested."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.subcommand_metavar = N_("COMMAND [ARGS]...")

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*super().collect_usage_pieces(ctx), _(self.subcommand_metavar)]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        names = [n for n in self.list_commands(ctx) if not self.commands[n].hidden]
        if names:
            width = max(len(n) for n in names)
            limit = formatter.width - 6 - width
            rows = [(n, _shortened(_(self.commands[n].help or ""), limit)) for n in names]
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            raise unknown_command(name, list(self.commands), ctx)
        return super().resolve_command(ctx, args)


class Root(Group):
    """`tthc` itself: the whole command line runs inside the one error boundary, whoever calls it
    (the installed script through cli/entry.py, or a test's runner)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        argv = list(sys.argv[1:] if args is None else args)

        def run() -> int:
            code = super(Root, self).main(
                argv, prog_name or "tthc", complete_var, standalone_mode=False, **extra
            )
            return code if isinstance(code, int) else 0

        code = guarded(run)
        if standalone_mode:
            raise SystemExit(code)
        return code
