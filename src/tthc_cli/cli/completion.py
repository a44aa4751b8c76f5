"""Tab completion of unit names and IDs in bash, zsh and fish: names are matched on their folded key
(`so<TAB>` offers Sở …, as `tthc unit "so y te"` is accepted) and inserted quoted, so a name with
spaces stays one argument.

Typer's own completion classes insert a value as it is (bash: `tthc unit Văn phòng UBND tỉnh`, four
arguments) and leave the matching to the shell, which compares the raw text ("so" never matches "Sở").
The classes here replace them for the three shells; `register` is called wherever Typer registers its
own (cli/app.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from typer._click.shell_completion import CompletionItem
from typer._completion_classes import BashComplete, FishComplete, ZshComplete
from typer._completion_shared import Shells

from tthc_cli.domain.units import fold, split_type

_SAFE = re.compile(r"^[\w.:/@%+=,-]+$")

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


def shell_quote(value: str) -> str:
    """One POSIX shell word (bash and zsh read the same quoting)."""
    if _SAFE.match(value):
        return value
    return "'" + value.replace("'", "'\\''") + "'"


def _folded(
    get: Callable[[list[str], str], list[CompletionItem]], args: list[str], incomplete: str
) -> list[CompletionItem]:
    """Typer keeps only candidates that begin with the raw typed text: ask it for every candidate,
    then match on the folded key here. Options (`--…`) are completed as Typer does."""
    if incomplete.startswith("-"):
        return get(args, incomplete)
    items = {str(item.value): item for item in get(args, "")}
    return [items[value] for value in match_names(items, incomplete)]


class Bash(BashComplete):
    """bash inserts a candidate as it is: give it quoted."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        return _folded(super().get_completions, args, incomplete)

    def format_completion(self, item: CompletionItem) -> str:
        return shell_quote(str(item.value))


class Zsh(ZshComplete):
    """`compadd -U`: zsh takes the candidates without comparing them to the typed prefix (the
    folding is done here) and quotes what it inserts."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        return _folded(super().get_completions, args, incomplete)

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        values = [str(item.value) for item in self.get_completions(args, incomplete)]
        if not values:
            return "_files"
        return "compadd -U -V tthc -- " + " ".join(shell_quote(v) for v in values)


class Fish(FishComplete):
    source_template = FISH_SCRIPT

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        return _folded(super().get_completions, args, incomplete)


def register() -> None:
    """Use these classes, and the fish script that `--install-completion` / `--show-completion` write."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_shared import _completion_scripts

    _completion_scripts[Shells.fish.value] = FISH_SCRIPT
    add_completion_class(Bash, Shells.bash.value)
    add_completion_class(Zsh, Shells.zsh.value)
    add_completion_class(Fish, Shells.fish.value)
