"""No template or command line crashes tthc: random office templates and random command lines, the
parts a person controls besides the data files. Every case ends in output, a located message or an
exit code — never an exception.

`fuzz/run.py --examples N` runs these longer, with tests/test_hostile_data_files.py.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tthc_cli.cli.app import app
from tthc_cli.domain.status import statuses
from tthc_cli.present import render
from tthc_cli.present.documents import build_brief

from .conftest import DATA

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

EXAMPLES = int(os.environ.get("TTHC_FUZZ_EXAMPLES", "150"))
SOME = settings(
    max_examples=max(20, EXAMPLES // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- templates ---------------------------------------------------------------------------------------

_PIECES = [
    "{{ ", " }}", "{% ", " %}", "{# ", " #}", "for x in ", "endfor", "if ", "endif", "set n = ",
    "macro m(a)", "endmacro", "m(1)", "include 'brief.md.j2'", "import '_labels.j2' as L", "range(",
    ")", "(", "10", "**", "*", "/", "0", "%", "'%5d'", "~", "|", "dmy", "md", "length", "join",
    "center(", "brief", ".overdue", ".week_start", "plan", ".title", "year", "lang", "x", "n",
    "__class__", "lipsum(", "namespace()", "[1, 2]", "'a'", "\"Sở Y tế\"", "\n", " ", "-", "+",
    "\x1b[2J", "\udcff"[:0], "é", ",", ".", "[", "]",
]  # fmt: skip


@pytest.fixture(scope="module")
def brief_context():  # type: ignore[no-untyped-def]
    from tthc_cli.cli.commands import load

    os.environ.setdefault("TTHC_DATA", str(DATA))
    plan = load(str(DATA))
    day = date(2021, 6, 5)
    return plan, build_brief(plan, statuses(plan, day), day, day)


@contextlib.contextmanager
def _memory_bound() -> Iterator[None]:
    """This worker's address space bounded while a random template runs: `'a' * 10**10` is seven
    pieces, and the office's templates get no limit of their own beyond the output cap."""
    if resource is None or not os.path.exists("/proc/self/statm"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm", encoding="ascii") as handle:
        held = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (held + 2 * 1024**3, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@SOME
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_random_templates_render_or_fail_with_a_location(brief_context, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    plan, brief = brief_context
    with tempfile.TemporaryDirectory() as folder, _memory_bound():
        Path(folder, "brief.md.j2").write_text("".join(pieces), encoding="utf-8", errors="replace")
        try:
            text = render.render_brief(brief, plan, "vi", folder)
        except render.TemplateFailure as exc:
            assert exc.file and exc.message
            assert exc.file in str(exc)
        else:
            assert isinstance(text, str) and len(text) <= render.MAX_OUTPUT_CHARS


# --- the command line --------------------------------------------------------------------------------

_COMMANDS = [
    "list",
    "show",
    "due",
    "overdue",
    "upcoming",
    "unit",
    "units",
    "brief",
    "report",
    "export",
    "validate",
]
_OPTIONS = [
    "--today", "--before", "--after", "--within", "--warn-days", "--format", "-f", "--kind", "--unit",
    "--role", "--open", "--include-ongoing", "--lang", "--week", "--strict", "--", "-h",
]  # fmt: skip
_VALUES = st.one_of(
    st.sampled_from(
        [
            "2021-06-30", "9999-12-31", "0001-01-01", "+9999w", "-9999w", "+14d", "eow", "eoq", "today",
            "²", "٣", "١٤", "99999999999999999999", "-1", "0", "31/6/2021", "table", "json", "csv", "md",
            "html", "ics", "task", "Sở Y tế", "so y te", "\x1b]0;x\x07", "1.1", "review:6", "", " ",
            "vi", "en", "xx",
        ]
    ),
    st.text(max_size=12),
)  # fmt: skip


@SOME
@given(
    st.sampled_from(_COMMANDS),
    st.lists(st.one_of(st.sampled_from(_OPTIONS), _VALUES), max_size=6),
)
def test_random_command_lines_end_in_an_exit_code(tmp_path_factory, command: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    if any("\x00" in a for a in args):
        return  # an argv cannot hold NUL: the operating system refuses it before tthc runs
    env = {"TTHC_DATA": str(DATA), "TTHC_TODAY": "2021-08-03"}
    result = CliRunner().invoke(app, [command, *args], env=env, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert "\x1b" not in result.stderr
