"""The layers of the package point inward: a newcomer finds a rule in one obvious place, and the core
never reaches for files, the clock, the environment or the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "tthc_cli"

# Which parts of tthc_cli each layer may import. The foundation (i18n, textnorm) serves every layer;
# fsutil (files on disk) every layer but the domain.
MAY_IMPORT = {
    "domain": {"domain", "i18n", "textnorm"},
    "data": {"data", "domain", "i18n", "textnorm", "fsutil"},
    "present": {"present", "domain", "i18n", "textnorm", "fsutil"},
    "cli": {"cli", "data", "domain", "present", "i18n", "textnorm", "fsutil"},
}
# Modules of the standard library that mean I/O, a clock or the environment.
IMPURE = {"os", "sys", "subprocess", "socket", "shutil", "tempfile", "time", "pathlib", "io"}
LAYERS = sorted(MAY_IMPORT)


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_inward(layer: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line} imports {module}"
        for path in sorted((PACKAGE / layer).glob("*.py"))
        for line, module in _imports(path)
        if module.startswith("tthc_cli.") and module.split(".")[1] not in MAY_IMPORT[layer]
    ]
    assert not wrong, wrong


def test_the_domain_is_pure() -> None:
    """No file, clock, environment or process access in the domain: what varies is an argument."""
    wrong = [
        f"{path.name}:{line} imports {module}"
        for path in sorted((PACKAGE / "domain").glob("*.py"))
        for line, module in _imports(path)
        if module.split(".")[0] in IMPURE
    ]
    clock = [
        f"{path.name}: {call}"
        for path in sorted((PACKAGE / "domain").glob("*.py"))
        for call in ("date.today(", "datetime.now(", "time.time(")
        if call in path.read_text(encoding="utf-8")
    ]
    assert not wrong and not clock, wrong + clock


def test_every_module_belongs_to_a_layer_or_the_foundation() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert top == {"i18n", "textnorm", "fsutil"}
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} == set(LAYERS)


def _uses(text: str, needles: tuple[str, ...]) -> bool:
    return any(needle in text for needle in needles)


def test_configuration_is_read_at_the_edge() -> None:
    """The environment is read by the command line (and by the terminal adapter, for NO_COLOR and
    TERM); the calendar's date in one place, cli/commands.real_today. Everything else is handed them."""
    env = ("os.environ", "getenv(")
    clock = ("date.today()", "datetime.now(", "datetime.today(")
    readers = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _uses(path.read_text(encoding="utf-8"), env)
    }
    assert {r for r in readers if not r.startswith("cli/")} == {"present/console.py"}
    clocks = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _uses(path.read_text(encoding="utf-8"), clock)
    }
    assert clocks == {"cli/commands/__init__.py"}


def test_the_display_date_format_is_declared_once() -> None:
    """Every date a person reads goes through present/labels.dmy: the format is written once."""
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if "%d/%m/%Y" in line or ":02d}/{" in line  # strftime's format, or the fields formatted
    ]
    assert found == ["present/labels.py"]
