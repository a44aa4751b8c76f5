"""Tab completion of unit names and IDs in bash, zsh and fish, and `--install-completion` /
`--show-completion`: names are matched on their folded key (`so<TAB>` offers Sở …, as `tthc unit
"so y te"` is accepted) and inserted quoted, so a name with spaces stays one argument.

Typer's `autocompletion` callbacks (complete_units, complete_ids) give the candidates; Typer keeps
only those that begin with the raw typed text, and a shell inserts them unquoted (bash: `tthc unit Văn
phòng UBND tỉnh`, four arguments). So the completion classes here ask for every candidate and match
on the folded key themselves, and each shell gets its candidates quoted as it needs them.

The one private surface: Click's completion API (ShellComplete, CompletionItem, add_completion_class,
split_arg_string — public in Click) is reached through the copy Typer ships, `typer._click`, as
Typer re-exports none of it. The scripts and their installation are tthc's own (Typer's fish script
cannot put a folded match in place of the typed word, and its messages are English); they speak the
protocol of Typer's scripts (_TTHC_COMPLETE, _TYPER_COMPLETE_ARGS), so scripts installed by earlier
versions of tthc keep working.
"""

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer
from typer._click.shell_completion import (
    CompletionItem,
    ShellComplete,
    add_completion_class,
    split_arg_string,
)

from tthc_cli.cli.boundary import UserError, fail
from tthc_cli.cli.commands import load
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.units import fold, split_type
from tthc_cli.i18n import _, os_reason
from tthc_cli.present.labels import item_label
from tthc_cli.textnorm import whole_number

COMPLETE_VAR = "_TTHC_COMPLETE"
ARGS_VAR = "_TYPER_COMPLETE_ARGS"
_SAFE = re.compile(r"^[\w.:/@%+=,-]+$")

BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = """
#compdef %(prog_name)s

%(complete_func)s() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" %(autocomplete_var)s=complete_zsh %(prog_name)s)
}

compdef %(complete_func)s %(prog_name)s
"""

# fish drops a candidate that does not begin with what was typed (it knows no diacritic folding), so
# when the only candidate is a folded match, the function puts it in place of the typed word itself.
FISH_SCRIPT = """
function __%(complete_func)s
    set -l typed (commandline -ct)
    set -l found (env %(autocomplete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args \\
        _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s)
    if test (count $found) -eq 1; and not string match -q -- "$typed*" (string split -m1 \\t -- $found[1])[1]
        commandline -rt -- (string escape -- (string split -m1 \\t -- $found[1])[1])
        return
    end
    printf '%%s\\n' $found
end
complete --command %(prog_name)s --no-files --arguments "(__%(complete_func)s)" \\
    --condition "env %(autocomplete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args \\
    _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s"
"""


# --- what is offered ---------------------------------------------------------------------------------


def match_names(names: Iterable[str], typed: str, limit: int = 200) -> list[str]:
    """Names whose folded form begins with what was typed, folded ("so" -> Sở …); if none, those whose
    name without its type word does ("y te" -> Sở Y tế); if none, those with a word beginning with
    it. The first tier that has any, in registry order: `Văn<TAB>` gives Văn phòng UBND tỉnh alone."""
    key = fold(typed)
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
    for name in names:
        folded = fold(name)
        if folded.startswith(key):
            tiers[0].append(name)
        elif split_type(folded)[1].startswith(key):
            tiers[1].append(name)
        elif f" {key}" in f" {folded}":
            tiers[2].append(name)
    return next((tier for tier in tiers if tier), [])[:limit]


def _plan(ctx: typer.Context) -> Plan | None:
    """The plan of the folder named so far (--data), else of the environment; None if unreadable."""
    data = ctx.params.get("data")
    try:
        return load(data if isinstance(data, str) else None)
    except (UserError, OSError):
        return None


def complete_units(ctx: typer.Context, incomplete: str) -> list[str]:
    plan = _plan(ctx)
    return match_names(plan.registry.all_names(), incomplete) if plan else []


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Every item's ID, then its name as tables show it ("PL I – 6 (Sở Y tế)", "Mục IV.2 – Sở Y tế
    (quý II/2021)"): both are what Plan.find_id takes, so `Mục IV<TAB>` offers the names and `rev<TAB>`
    the IDs (matched on the folded key, as the shells' completion here does)."""
    plan = _plan(ctx)
    if plan is None:
        return []
    names = [i.id for i in plan.items] + [item_label(i, plan.meta) for i in plan.items]
    return match_names(names, incomplete, limit=len(names)) if incomplete else names


# --- how each shell gets it ----------------------------------------------------------------------------


def shell_quote(value: str) -> str:
    """One POSIX shell word (bash and zsh read the same quoting)."""
    if _SAFE.match(value):
        return value
    return "'" + value.replace("'", "'\\''") + "'"


def _typed_args() -> tuple[list[str], str]:
    """zsh and fish: the words so far in _TYPER_COMPLETE_ARGS; the last is being typed unless the
    line ends with a space."""
    line = os.environ.get(ARGS_VAR, "")
    words = split_arg_string(line)[1:]
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


class _Folded(ShellComplete):
    """Every candidate for the word, matched here on its folded key. Options (`--…`) are completed
    as Click does."""

    def source_vars(self) -> dict[str, Any]:
        return {
            "complete_func": self.func_name,
            "autocomplete_var": self.complete_var,
            "prog_name": self.prog_name,
        }

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        if incomplete.startswith("-"):
            return super().get_completions(args, incomplete)
        items = {str(item.value): item for item in super().get_completions(args, "")}
        return [items[value] for value in match_names(items, incomplete)]

    def format_completion(self, item: CompletionItem) -> str:
        return str(item.value)


class Bash(_Folded):
    """bash inserts a candidate as it is: give it quoted."""

    name = "bash"
    source_template = BASH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        words = split_arg_string(os.environ["COMP_WORDS"])
        at = whole_number(os.environ.get("COMP_CWORD", ""), len(words)) or len(words)
        return words[1:at], words[at] if at < len(words) else ""

    def format_completion(self, item: CompletionItem) -> str:
        return shell_quote(str(item.value))


class Zsh(_Folded):
    """`compadd -U`: zsh takes the candidates without comparing them to the typed prefix (the
    folding is done here) and quotes what it inserts."""

    name = "zsh"
    source_template = ZSH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        return _typed_args()

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        values = [str(item.value) for item in self.get_completions(args, incomplete)]
        if not values:
            return "_files"
        return "compadd -U -V tthc -- " + " ".join(shell_quote(v) for v in values)


class Fish(_Folded):
    name = "fish"
    source_template = FISH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        return _typed_args()

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        found = [self.format_completion(item) for item in self.get_completions(args, incomplete)]
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            raise SystemExit(0 if found else 1)  # candidates: no file names
        return "\n".join(found)


SHELLS: dict[str, type[_Folded]] = {cls.name: cls for cls in (Bash, Zsh, Fish)}
for _name, _cls in SHELLS.items():
    add_completion_class(_cls, _name)


# --- --show-completion and --install-completion ------------------------------------------------------


def _shell() -> str:
    shell = os.path.basename(os.environ.get("SHELL", ""))
    if shell not in SHELLS:
        fail(
            _("tab completion is for {shells}; this shell is {shell}").format(
                shells=", ".join(SHELLS), shell=shell or "?"
            )
        )
    return shell


def script(shell: str, prog_name: str = "tthc") -> str:
    """The completion script for `shell`."""
    return SHELLS[shell](None, {}, prog_name, COMPLETE_VAR).source().strip() + "\n"  # type: ignore[arg-type]


def install(shell: str, home: Path) -> Path:
    """Write the script where the shell looks for it, and the line that loads it into the shell's
    start-up file when it is not there yet (the places Typer used)."""
    targets = {
        "bash": (home / ".bash_completions" / "tthc.sh", home / ".bashrc"),
        "zsh": (home / ".zfunc" / "_tthc", home / ".zshrc"),
        "fish": (home / ".config" / "fish" / "completions" / "tthc.fish", None),
    }
    path, rc = targets[shell]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script(shell), encoding="utf-8")
    if rc is not None:
        line = f"source '{path}'" if shell == "bash" else "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
        text = rc.read_text(encoding="utf-8") if rc.is_file() else ""
        if line not in text:
            rc.write_text(
                text + ("" if text.endswith("\n") or not text else "\n") + line + "\n", encoding="utf-8"
            )
    return path


def _once(action: Callable[[], None]) -> Callable[[typer.Context, typer.CallbackParam, bool], None]:
    def callback(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            action()
            raise typer.Exit()

    return callback


def _show() -> None:
    sys.stdout.write(script(_shell()))


def _install() -> None:
    shell = _shell()
    try:
        path = install(shell, Path.home())
    except OSError as exc:
        fail(_("cannot install tab completion: {reason}").format(reason=os_reason(exc)))
    sys.stdout.write(
        _("Tab completion for {shell} installed in {path}; it takes effect in a new terminal.").format(
            shell=shell, path=path
        )
        + "\n"
    )


show_callback = _once(_show)
install_callback = _once(_install)
