"""Tab completion: unit names matched on their folded key and inserted as one quoted word."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tthc_cli.cli.completion import match_names, shell_quote

from .conftest import DATA

TTHC = str(Path(sys.executable).with_name("tthc"))


@pytest.fixture
def complete(tthc):  # type: ignore[no-untyped-def]
    """What tthc answers a shell asking for completions of `words` (the program in this process; the
    installed script itself answers in test_bash_inserts_one_argument)."""

    def ask(shell: str, words: str) -> str:
        environ: dict[str, str | None] = {"TTHC_DATA": str(DATA), "_TTHC_COMPLETE": f"complete_{shell}"}
        if shell == "bash":
            parts = words.split(" ")
            environ |= {"COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
        else:
            environ |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
        result = tthc(env=environ)
        assert result.code == 0, result.stderr
        return result.stdout

    return ask


def test_match_names_folds_and_prefers_whole_name_prefixes() -> None:
    names = ["Văn phòng UBND tỉnh", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giao thông vận tải"]
    assert match_names(names, "so") == ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giao thông vận tải"]
    assert match_names(names, "Văn") == ["Văn phòng UBND tỉnh"]
    assert match_names(names, "y te") == ["Sở Y tế"]  # without the type word
    assert match_names(names, "van t") == ["Sở Giao thông vận tải"]  # a word inside, when nothing else
    assert match_names(names, "x") == []


@pytest.mark.parametrize("name", ["Sở Y tế", "Sở LĐ-TB&XH", "it's", "review:6", "a  b"])
def test_shell_quote_is_one_word(name: str) -> None:
    assert shlex.split(shell_quote(name)) == [name]


def test_bash_gets_quoted_names_for_a_folded_prefix(complete) -> None:  # type: ignore[no-untyped-def]
    lines = complete("bash", "tthc unit so").splitlines()
    assert "'Sở Y tế'" in lines and all(line.startswith("'Sở ") for line in lines)
    assert complete("bash", "tthc unit Văn").splitlines() == ["'Văn phòng UBND tỉnh'"]
    assert complete("bash", "tthc due --unit y").splitlines() == ["'Sở Y tế'"]
    assert "review:6" in complete("bash", "tthc show rev").splitlines()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_inserts_one_argument() -> None:
    """Through the script --install-completion writes: the inserted word is one argument."""
    path = f"{Path(TTHC).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "TTHC_DATA": str(DATA), "PATH": path}
    script = subprocess.run(
        [TTHC], env={**env, "_TTHC_COMPLETE": "source_bash"}, capture_output=True, text=True, check=True
    ).stdout
    probe = (
        f"{script}\nCOMP_WORDS=(tthc unit Văn); COMP_CWORD=2; _tthc_completion tthc\n"
        'eval "set -- unit ${COMPREPLY[0]}"; echo "$#|$2"'
    )
    out = subprocess.run(["bash", "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "2|Văn phòng UBND tỉnh"


def test_zsh_takes_folded_matches_unfiltered_and_quoted(complete) -> None:  # type: ignore[no-untyped-def]
    out = complete("zsh", "tthc unit so")
    assert out.startswith("compadd -U -V tthc -- ")
    words = shlex.split(out)[5:]
    assert "Sở Y tế" in words and all(w.startswith("Sở ") for w in words)
    assert complete("zsh", "tthc unit zzz").strip() == "_files"


def test_fish_gets_raw_names_and_a_script_that_replaces_a_folded_match(complete, tthc) -> None:  # type: ignore[no-untyped-def]
    assert complete("fish", "tthc unit y te").strip() == ""  # two words: "te" would be a third argument
    assert complete("fish", "tthc due --unit chi").splitlines() == ["UBND thành phố Chí Linh"]
    script = tthc(env={"TTHC_DATA": str(DATA), "_TTHC_COMPLETE": "source_fish"}).stdout
    assert "commandline -rt -- (string escape" in script and "complete --command tthc" in script


def test_show_completion_prints_the_script_of_the_users_shell(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("--show-completion", env={"SHELL": "/usr/bin/fish"})
    assert result.code == 0
    assert "complete --command tthc" in result.stdout and "commandline -rt" in result.stdout


def test_install_completion_writes_the_script_and_loads_it_once(tthc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {"SHELL": "/bin/bash", "HOME": str(tmp_path)}
    first = tthc("--install-completion", env=env)
    assert first.code == 0
    assert first.stdout.startswith("Đã cài tự động hoàn thành lệnh cho bash vào ")
    script = tmp_path / ".bash_completions" / "tthc.sh"
    assert "_TTHC_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert tthc("--install-completion", env=env).code == 0
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8") == f"source '{script}'\n"


def test_completion_for_an_unknown_shell_names_the_ones_it_serves(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("--show-completion", env={"SHELL": "/bin/tcsh"})
    assert result.code == 2
    assert result.stderr == "tthc: tự động hoàn thành lệnh dùng được cho bash, zsh, fish; shell này là tcsh\n"
