"""Shared fixtures: the shipped data set, data sets with edits, and a CLI runner."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main
import typer.testing
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from typer.testing import CliRunner

from tthc_cli import i18n
from tthc_cli.cli.app import app
from tthc_cli.data.build import Sources
from tthc_cli.data.dataset import Loaded, assemble
from tthc_cli.data.files import list_data_files
from tthc_cli.domain.plan import Plan

# Hypothesis's per-example deadline is a timing assertion: on a loaded 2-core CI machine the first
# call (importing the holiday tables) can take longer than 200 ms. Timing lives in benchmarks/.
# Hypothesis would write its example database and its caches into the working folder (.hypothesis/).
# No database: a failing example is printed with the way to reproduce it anyway. Its caches (the
# characters a codec can encode, the constants in tthc's code) take seconds to build in each worker
# and are only derived from the installed packages: they stay in the system's temporary folder,
# shared by runs and workers (Hypothesis writes them atomically).
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "tthc-test-hypothesis"))

# The processes tests start (tthc as a program: Ctrl-C, real streams, the installed script) import
# tthc from source each time when PYTHONDONTWRITEBYTECODE is set (~65 ms of compiling, more than the
# command): their bytecode goes to the system's temporary folder instead, like Hypothesis's caches,
# never into the repository. Test workers pytest-xdist starts later inherit this too.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    os.environ.setdefault("PYTHONPYCACHEPREFIX", os.path.join(tempfile.gettempdir(), "tthc-test-pycache"))
settings.register_profile("tthc", deadline=None, database=None)
settings.load_profile("tthc")

# Typer builds its Click command tree from the app on every call (typer.testing's invoke, and
# cli/app.py's main, which a process runs once): ~10 ms each, and tests call the command line over a
# thousand times. The tree holds no language (help is translated when it is shown), so it is built
# once per app here, as once per process in tthc.
typer.main.get_command = functools.cache(typer.main.get_command)
typer.testing._get_command = typer.main.get_command  # type: ignore[attr-defined]

# Every item of the shipped plan: 14 tasks, 5 duties, 16 + 17 appendix rows, 2 obliging paragraphs,
# and the units' own obligations under IV.1, IV.2, item 8 and Phụ lục I's Ghi chú 2 (28 units each:
# the 15 sở, Ban Quản lý các khu công nghiệp and the 12 district-level committees), and the periodic
# reports of reporting.yaml (four quarters and the year): each of those 28 units' (IV.2) and the
# Office's (3.2, IV.5).
ITEMS_2021 = 14 + 5 + 16 + 17 + 2 + 4 * 28 + 3 + 5 * (28 + 2)  # + the commune tier's class obligations

ROOT = Path(__file__).resolve().parent.parent
# The shipped plan's data files (those present at the repository root; not a unit's own progress file,
# which the shipped plan has none of).
DATA_NAMES = [n for n in list_data_files(str(ROOT)) if (ROOT / n).exists() and "/" not in n]


def _shipped_copy() -> Path:
    """The data the tests pin, in a folder of this test process's own: the plan's files as the
    repository has them, and the progress log as shipped — its header, no entry. A clerk who follows
    the README in this clone (`tthc progress add`, a unit's progress/ file) changes what tthc answers
    there, not what the tests see."""
    folder = Path(tempfile.mkdtemp(prefix="tthc-shipped-"))
    for name in DATA_NAMES:
        shutil.copy(ROOT / name, folder / name)
    log = (ROOT / "progress.yaml").read_bytes()
    head, found, _entries = log.partition(b"\nentries:")
    if found:
        (folder / "progress.yaml").write_bytes(head + b"\nentries:\n")
    return folder


# Point tthc here (TTHC_DATA, --data) for the shipped plan; ROOT is the repository (its README,
# templates, source text).
DATA = _shipped_copy()
atexit.register(shutil.rmtree, DATA, ignore_errors=True)


def shipped_files() -> dict[str, bytes | None]:
    return {name: (DATA / name).read_bytes() for name in DATA_NAMES}


def load_with(**replace: bytes | str | None) -> Loaded:
    """Assemble the shipped data with some files replaced (text, bytes, or None for missing)."""
    files = shipped_files()
    for key, value in replace.items():
        name = key.replace("__", ".").replace("_yaml", ".yaml")
        files[name] = value.encode("utf-8") if isinstance(value, str) else value
    return assemble(files)


def edit(name: str, old: str, new: str, count: int = 1) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    return text.replace(old, new, count)


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Every test starts in the language users get by default (a `--lang en` does not leak on)."""
    i18n.activate(i18n.DEFAULT_LANGUAGE)


@functools.cache
def _shipped() -> Loaded:
    result = assemble(shipped_files())
    assert result.plan is not None and result.sources is not None, result.problems
    return result


@pytest.fixture(scope="session")
def plan() -> Plan:
    plan = _shipped().plan
    assert plan is not None
    return plan


@pytest.fixture(scope="session")
def sources() -> Sources:
    """The shipped plan's validated files, as the cross-file checks see them."""
    found = _shipped().sources
    assert found is not None
    return found


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped data set."""
    for name in DATA_NAMES:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


class _Blocked(BaseException):
    """A command that blocked (a BaseException: the program's own error handling cannot swallow it)."""


class Run:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr


# What a person running the tests may have set that would change tthc's answers: the language, the
# day, the data folder, colour, the width (the cache folder is the session's own, above).
RUNNERS_VARIABLES = ("TTHC_LANG", "TTHC_TODAY", "TTHC_DATA", "TTHC_MAX_OBLIGATIONS", "NO_COLOR", "TERM")


def _hermetic(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in RUNNERS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Call the CLI in-process on the shipped data (or --data given explicitly), whatever the
    environment running the tests says (tests/test_cli.py checks it)."""
    _hermetic(monkeypatch)
    monkeypatch.setenv("TTHC_DATA", str(DATA))

    def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
        runner = CliRunner()
        try:
            result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        finally:  # each call stands for one run of tthc: its --lang does not outlive it
            i18n.activate(i18n.DEFAULT_LANGUAGE)
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def tthc(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the whole program, `tthc ARGS…` as the installed script runs it (cli.entry.main: the Typer
    app, the error boundary, the streams' encoding and escaping), in this process: a Python start
    costs more than most commands. The environment is the test's (without what the person running
    the tests set: RUNNERS_VARIABLES), with `env` on top for this call (a value None removes a
    variable); `cwd` is the working folder for this call. stdout and stderr are text streams in
    `encoding` (as PYTHONIOENCODING makes them) that are not terminals, as when piped. `timeout`
    seconds (POSIX) end a call that blocks with a failure, as a subprocess's timeout would. Tests of
    the process boundary itself (signals, the streams Python itself sets up, the installed script,
    start-up imports) start a process instead."""
    import io
    import signal

    from tthc_cli.cli import entry

    _hermetic(monkeypatch)

    def too_long(*_: object) -> None:
        raise _Blocked("the command did not finish in time")

    def call(
        *args: str,
        env: dict[str, str | None] | None = None,
        cwd: Path | None = None,
        encoding: str = "utf-8",
        timeout: int | None = None,
    ) -> Run:
        out, err = (io.TextIOWrapper(io.BytesIO(), encoding=encoding, write_through=True) for _ in "12")
        saved = sys.stdout, sys.stderr
        with monkeypatch.context() as patch:
            for key, value in (env or {}).items():
                if value is None:
                    patch.delenv(key, raising=False)
                else:
                    patch.setenv(key, value)
            if cwd is not None:
                patch.chdir(cwd)
            if timeout is not None:
                previous = signal.signal(signal.SIGALRM, too_long)
                signal.alarm(timeout)
            sys.stdout, sys.stderr = out, err
            try:
                entry.main(list(args))
            except SystemExit as exc:
                code = exc.code
            else:  # pragma: no cover - main() always ends with SystemExit
                raise AssertionError("main() returned without an exit code")
            finally:
                sys.stdout, sys.stderr = saved
                if timeout is not None:
                    signal.alarm(0)
                    signal.signal(signal.SIGALRM, previous)
                i18n.activate(i18n.DEFAULT_LANGUAGE)  # its --lang does not outlive it
        assert isinstance(code, int), code
        out.flush(), err.flush()
        texts = (s.buffer.getvalue().decode(encoding) for s in (out, err))  # type: ignore[attr-defined]
        return Run(code, *texts)

    return call


def csv_rows(text: str) -> list[dict[str, str]]:
    """A CSV as tthc writes it for tools (column codes as headers), row by row."""
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text)))
