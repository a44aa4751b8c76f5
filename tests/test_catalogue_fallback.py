"""The translation catalogue is read like every file tthc reads: whatever is in its place — nothing, a
truncated or random file, a folder, a FIFO, a plural formula that Python refuses or that fails on a
count — tthc answers in English with one warning line on stderr, never a traceback or a hang."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tthc_cli import i18n

from .conftest import DATA

SHIPPED = Path(i18n.catalogue_path("vi"))
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs")

# tthc as a program with its locale folder elsewhere: the catalogue is read once per process.
_PROGRAM = (
    "import sys; import tthc_cli.i18n as i18n; i18n.LOCALE_DIR = sys.argv[1]; "
    "from tthc_cli.cli.entry import main; main(sys.argv[2:])"
)


def _mo(header: str, messages: dict[str, str]) -> bytes:
    """A GNU .mo file holding `messages` and the header entry (the empty msgid)."""
    entries = sorted({"": header, **messages}.items())
    ids = [k.encode() for k, _ in entries]
    strs = [v.encode() for _, v in entries]
    start = 28 + 16 * len(entries)
    table_ids, table_strs, blob = [], [], b""
    for data, table in [(d, table_ids) for d in ids] + [(d, table_strs) for d in strs]:
        table.append((len(data), start + len(blob)))
        blob += data + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, len(entries), 28, 28 + 8 * len(entries), 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in table_ids + table_strs)
    return head + tables + blob


def _header(plural: str) -> str:
    return f"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural={plural};\n"


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _huge(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: no disk used
        handle.truncate(i18n.MAX_CATALOGUE_BYTES + 1)


BROKEN = {
    "deleted": lambda path: None,
    "truncated": _write(SHIPPED.read_bytes()[:1000]),
    "random bytes": _write(bytes(range(256)) * 40),
    "a folder": _folder,
    "a FIFO": pytest.param(_fifo, marks=POSIX),
    "larger than the bound": _huge,
    "a plural formula too long": _write(_mo(_header("n" + "+n" * 600), {"OK": "HỢP LỆ"})),
    "a plural formula too deep": _write(_mo(_header("(" * 30 + "n" + ")" * 30), {"OK": "HỢP LỆ"})),
    "a plural formula dividing by zero": _write(_mo(_header("n%0"), {"OK": "HỢP LỆ"})),
    "a plural formula that is not one": _write(_mo(_header("n**n**n"), {"OK": "HỢP LỆ"})),
}


@pytest.mark.parametrize("damage", list(BROKEN.values()), ids=list(BROKEN))
def test_a_broken_catalogue_means_english_and_one_warning(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    locale = tmp_path / "locale"
    (locale / "vi" / "LC_MESSAGES").mkdir(parents=True)
    damage(locale / "vi" / "LC_MESSAGES" / "tthc.mo")
    env = dict(os.environ)
    env.pop("TTHC_LANG", None)
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(locale), "validate", "--data", str(DATA)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "messages cannot be read" in line]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("tthc: warning: the vi messages cannot be read (")
    assert warnings[0].endswith("continuing in English")
    assert "OK: 0 error(s)" in result.stderr and "Traceback" not in result.stderr


def test_a_sound_catalogue_is_read_through_the_same_bounds(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    (locale / "vi" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(SHIPPED, locale / "vi" / "LC_MESSAGES" / "tthc.mo")
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(locale), "validate", "--data", str(DATA)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert result.returncode == 0 and result.stderr.startswith("HỢP LỆ: 0 lỗi"), result.stderr
