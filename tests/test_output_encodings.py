"""Any output encoding: under PYTHONIOENCODING=cp1252, ascii, cp1258 or latin-1 every command still
answers, with what the encoding cannot hold escaped (cp1258 keeps Vietnamese readable), a data
problem still reported and a CSV for tools still starting with its first header."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tthc_cli.textnorm import fallback_errors

TTHC = [sys.executable, "-m", "tthc_cli"]
_ENV: dict[str, str | None] = {"TTHC_TODAY": "2021-08-03"}  # what every run here sees


NARROW = ["cp1252", "ascii", "cp1258", "latin-1"]


@pytest.mark.parametrize("encoding", NARROW)
def test_any_output_encoding_of_a_real_process(encoding: str) -> None:
    """The streams Python itself sets up from PYTHONIOENCODING (in-process below for more commands)."""
    result = subprocess.run(
        [*TTHC, "list"],
        env={**os.environ, "PYTHONIOENCODING": encoding, "TTHC_TODAY": "2021-08-03"},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode(encoding, errors="replace")
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode(encoding)
    assert "\\u" in text or encoding == "cp1258"


@pytest.mark.parametrize("encoding", NARROW)
@pytest.mark.parametrize("args", [["list"], ["unit", "Sở Y tế", "-f", "md"], ["show", "6"]])
def test_any_output_encoding(tthc, encoding: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env=_ENV, encoding=encoding)
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert "\\u" in result.stdout or encoding == "cp1258"


def test_validate_with_errors_in_a_narrow_encoding(data_dir: Path) -> None:
    units = data_dir / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("Sở Y tế", "Sở Y tế\u200b", 1), encoding="utf-8"
    )
    result = subprocess.run(
        [*TTHC, "validate"],
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "TTHC_DATA": str(data_dir)},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"invisible-character" in result.stdout


def test_csv_in_a_narrow_encoding_has_no_escaped_bom() -> None:
    result = subprocess.run(
        [*TTHC, "list", "-f", "csv"],
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "TTHC_TODAY": "2021-08-03"},
        capture_output=True,
        check=False,
        timeout=60,
    )
    # The CSV for tools has no BOM: nothing, escaped or not, before its first header.
    assert result.returncode == 0 and result.stdout.startswith(b"id,kind,")


def test_cp1258_keeps_vietnamese_readable() -> None:
    name = fallback_errors("cp1258")
    for word in ("Nội dung", "Chi tiết", "Thời hạn", "Sở Y tế", "Đơn vị"):
        back = word.encode("cp1258", errors=name).decode("cp1258")
        assert unicodedata.normalize("NFC", back) == word
