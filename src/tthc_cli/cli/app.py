"""The Typer command line, built from the command table (cli/table.py): the design card's user-facing
shell, with `--help`, shell completion and one-line usage errors. The only Typer user; each command
hands its options to the dispatcher (cli/boundary.py), as the fast path does.
"""

from __future__ import annotations

import inspect
import sys
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
import typer.core

from tthc_cli import i18n
from tthc_cli.cli.boundary import EXIT_USAGE, UserError, dispatch, guarded
from tthc_cli.cli.params import CHOICE, FLAG, NUMBER, TEXTS, Command, Options, Param, whole_number
from tthc_cli.cli.table import COMMANDS, GROUPS, LANG
from tthc_cli.i18n import N_, _, pgettext
from tthc_cli.textnorm import visible

if TYPE_CHECKING:
    from collections.abc import Callable

    from tthc_cli.domain.plan import Plan

# Typer looks its help words ("Options", "default: …") up through gettext: ours is the catalogue.
typer.core._ = _  # type: ignore[attr-defined]


def _localise_help_option(option: Any) -> Any:
    if option is not None:
        option.help = _("Show this message and exit.")
    return option


def _plain_argument(param: Any) -> None:
    """Show an argument as its placeholder word (`NAME`, `[PATH]...`), not Typer's `{NAME} <str>`."""
    word = str(param.metavar or param.name).upper()
    usage = word if param.required else f"[{word}]"
    usage += "..." if param.nargs != 1 else ""
    param.display_type_rich = lambda *args, **kwargs: ""
    param._usage_display_name = lambda *args, **kwargs: usage


class TthcCommand(typer.core.TyperCommand):
    """A command whose usage line and help option speak the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _("[OPTIONS]")
        for param in self.params:
            if getattr(param, "param_type_name", "") == "argument":
                _plain_argument(param)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=_("Usage: "))

    def get_help_option(self, ctx: Any) -> Any:
        return _localise_help_option(super().get_help_option(ctx))


_COMPLETION_HELP = {
    "install_completion": N_("Install completion for the current shell."),
    "show_completion": N_("Show completion for the current shell, to copy it or customize the installation."),
}


class Group(typer.core.TyperGroup):
    """A group of commands; its `main` turns a usage mistake into one `tthc:` line (through the one
    error boundary, cli/boundary.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _("[OPTIONS]")
        self.subcommand_metavar = _("COMMAND [ARGS]...")

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=_("Usage: "))

    def get_help_option(self, ctx: Any) -> Any:
        return _localise_help_option(super().get_help_option(ctx))

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:  # Typer's own completion options, in the user's language too
            words = _COMPLETION_HELP.get(getattr(param, "name", None) or "")
            if words:
                param.help = _(words)  # type: ignore[attr-defined]
        return params

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        **kwargs: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)

        def run() -> int:
            try:
                code = super(Group, self).main(argv, prog_name, complete_var, standalone_mode=False, **kwargs)
            except _USAGE_ERROR as exc:
                if type(exc).__name__ != "NoArgsIsHelpError":
                    raise UserError(usage_line(exc, argv), EXIT_USAGE) from None
                exc.show()  # type: ignore[attr-defined]  # bare `tthc`: the help is the answer
                code = exc.exit_code  # type: ignore[attr-defined]
            return code if isinstance(code, int) else 0

        code = guarded(run)  # the one boundary, as for every command
        if not standalone_mode:
            return code
        raise SystemExit(code if isinstance(code, int) else 0)


def usage_line(exc: BaseException, argv: list[str]) -> str:
    """A usage mistake as one line: what is wrong, what would be right, where the help is."""
    from tthc_cli.cli.usage import see_help, usage_message

    ctx = getattr(exc, "ctx", None)
    return f"{usage_message(exc, argv)} ({see_help(ctx.command_path if ctx is not None else 'tthc')})"


# Click's UsageError, reached through a public name (its module path differs between Typer versions).
_USAGE_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


# --- completion ------------------------------------------------------------------------------------


def _try_load() -> Plan | None:
    from tthc_cli.cli.commands import load

    try:
        return load(None)
    except (UserError, OSError):
        return None


def _complete_units(incomplete: str) -> list[str]:
    ds = _try_load()
    if ds is None:
        return []
    from tthc_cli.cli.completion import match_names

    return match_names(ds.registry.all_names(), incomplete)


def _complete_ids(incomplete: str) -> list[str]:
    ds = _try_load()
    return [i.id for i in ds.items if i.id.startswith(incomplete)] if ds else []


_COMPLETERS: dict[str, Callable[[str], list[str]]] = {"units": _complete_units, "ids": _complete_ids}


def _use_tthc_completion() -> None:
    """Typer registers its completion classes each time the app is built; ours (quoting, folded
    matching: completion.py) are registered right after."""
    import typer.completion

    from tthc_cli.cli.completion import register

    typer_init = typer.completion.completion_init  # type: ignore[attr-defined]

    def init() -> None:
        typer_init()
        register()

    typer.completion.completion_init = init  # type: ignore[attr-defined]


# --- the commands, from the table ----------------------------------------------------------------


def _whole_number(bounds: tuple[int, int]) -> Callable[[str], int]:
    """Typer's parser for a count: the fast path's rule (params.whole_number), spaces around allowed."""

    def parse(text: str) -> int:
        value = whole_number(str(text).strip(), bounds)
        if value is None:
            raise typer.BadParameter(
                f"{visible(str(text))!r}: write a whole number from {bounds[0]} to {bounds[1]}"
            )
        return value

    return parse


_CHOICES: dict[tuple[str, ...], type[StrEnum]] = {}


def choice_type(choices: tuple[str, ...]) -> type[StrEnum]:
    """The Enum Typer turns into a choice of these words (one per set of words)."""
    if choices not in _CHOICES:
        _CHOICES[choices] = cast("type[StrEnum]", StrEnum("Choice", {c: c for c in choices}))
    return _CHOICES[choices]


def placeholder(word: str) -> str:
    """A --help placeholder in the user's language; ID has its own (MÃ, not the column header Mã)."""
    return pgettext("placeholder", "ID") if word == "ID" else _(word)


def typer_parameter(param: Param) -> inspect.Parameter:
    """The parameter of a command function that makes Typer declare `param` as the table says."""
    info: dict[str, Any] = {}
    if param.help:
        info["help"] = _(param.help)
    if param.metavar:
        info["metavar"] = placeholder(param.metavar)
    if param.complete:
        info["autocompletion"] = _COMPLETERS[param.complete]
    default: object = param.default
    kind: Any = {FLAG: bool, TEXTS: list[str], NUMBER: int}.get(param.kind, str)
    if param.kind == CHOICE:
        kind = choice_type(param.choices)
        default = None if param.default is None else kind(param.default)
    elif param.kind == NUMBER and param.bounds:
        info.update(min=param.bounds[0], max=param.bounds[1], parser=_whole_number(param.bounds))
    if default is None and not param.required:
        kind = kind | None
    made = typer.Argument(**info) if param.is_argument else typer.Option(*param.flags, **info)
    return inspect.Parameter(
        param.dest,
        inspect.Parameter.KEYWORD_ONLY,
        default=inspect.Parameter.empty if param.required else default,
        annotation=Annotated[kind, made],
    )


def plain_values(command: Command, values: dict[str, Any]) -> Options:
    """Typer's values as the fast path gives them: words for choices, lists for repeatables."""
    plain: dict[str, object] = {}
    for param in command.params:
        value = values[param.dest]
        if param.kind == TEXTS:
            value = list(value or ())
        elif isinstance(value, Enum):
            value = value.value
        plain[param.dest] = value
    return Options(plain)


def typer_function(command: Command) -> Callable[..., None]:
    def run(**values: Any) -> None:
        raise typer.Exit(dispatch(command.name, plain_values(command, values)))

    run.__name__ = command.name.split()[-1]
    run.__annotations__ = {}
    run.__signature__ = inspect.Signature([typer_parameter(p) for p in command.params])  # type: ignore[attr-defined]
    return run


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"tthc {version('tthc')}\n")
        raise typer.Exit()


def build() -> typer.Typer:
    """The Typer app: the root options, then every command of the table in its order."""
    root = typer.Typer(
        name="tthc",
        cls=Group,
        help=_(
            "Follow up a provincial TTHC-control plan kept in YAML: validate it, ask what is due, "
            "what a unit owes."
        ),
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def root_options(**values: Any) -> None:
        # entry.py takes --lang from anywhere on the command line before Typer runs; declaring it here
        # documents it and serves callers of `app` itself (tests).
        lang = values.get("lang")
        if lang is not None:
            i18n.activate(str(lang.value))

    version = typer.Option(
        "--version", help=_("Print the version and exit."), callback=_print_version, is_eager=True
    )
    root_options.__annotations__ = {}
    root_options.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                "show_version",
                inspect.Parameter.KEYWORD_ONLY,
                default=False,
                annotation=Annotated[bool, version],
            ),
            typer_parameter(LANG),
        ]
    )
    root.callback()(root_options)
    groups: dict[str, typer.Typer] = {}
    for command in COMMANDS:
        *group, name = command.name.split()
        parent = root
        if group:
            if group[0] not in groups:
                groups[group[0]] = typer.Typer(cls=Group, help=_(GROUPS[group[0]]), no_args_is_help=True)
                root.add_typer(groups[group[0]], name=group[0])
            parent = groups[group[0]]
        parent.command(name, cls=TthcCommand, help=_(command.help))(typer_function(command))
    return root


_use_tthc_completion()
app = build()


def main(argv: list[str] | None = None) -> int:
    """Run the Typer command line on `argv` (default: sys.argv[1:]); its exit code."""
    command = typer.main.get_command(app)
    code = command.main(sys.argv[1:] if argv is None else argv, prog_name="tthc", standalone_mode=False)
    return code if isinstance(code, int) else 0
