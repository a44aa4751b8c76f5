"""Issue 12, class 5: an office's own templates fail cleanly (exit 2, the template's file and line)
and boundedly (time, memory, output size), never leave their folder, and never print a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tthc_cli.present import render

POSIX = pytest.mark.skipif(not hasattr(os, "fork"), reason="time and memory limits need fork")


def _brief(run, folder: Path, source: str | bytes):  # type: ignore[no-untyped-def]
    path = folder / "brief.md.j2"
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8")
    return run("brief", "--today", "2021-06-05", "--templates", str(folder))


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", 1, "số hoặc khoảng quá lớn"),
        ("ok\n{{ 1/0 }}", 2, "ZeroDivisionError: division by zero"),
        ("a\n\n{% include 'brief.md.j2' %}", 3, "lồng nhau quá sâu"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}", 1, "lồng nhau quá sâu"),
        ("{{ brief.week_start | dmy(1, 2, 3) }}", 1, "TypeError"),
        ("{{ lipsum(10**6) }}", 1, "'lipsum' is undefined"),
        ("{% set n = 10 %}{{ n ** 100000 }}", 1, "bị chặn vì không an toàn: a power this large"),
        ("{{ 'x' * 10**9 }}", 1, "bị chặn vì không an toàn: a repetition this large"),
        ("{{ '%0999999999d' % 1 }}", 1, "bị chặn vì không an toàn: a field width this large"),
        ("\n\n{{ ''.__class__.__mro__ }}", 3, "bị chặn vì không an toàn"),
        ("{{ nothing.here }}", 1, "'nothing' is undefined"),
        ("{% for x in %}", 1, "Expected an expression"),
    ],
)
def test_a_broken_template_is_exit_2_with_file_and_line(
    run, tmp_path: Path, source: str, line: int, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = _brief(run, tmp_path, source)
    assert result.code == 2, result.stdout[:200]
    assert f"tthc: mẫu báo cáo {tmp_path / 'brief.md.j2'}:{line}: " in result.stderr, result.stderr
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_a_template_that_is_not_utf8_is_named(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _brief(run, tmp_path, b"\xff\xfe{{ 1 }}")
    assert result.code == 2 and "brief.md.j2: byte thứ 0 không phải UTF-8" in result.stderr


@POSIX
def test_output_and_memory_are_bounded(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A lower memory bound than the shipped 1 GiB: the same mechanism stops the same templates, in a
    # fraction of the time it takes to fill a gigabyte (the output bound stays the shipped one).
    monkeypatch.setattr(render, "MEMORY_LIMIT_BYTES", 192 * 1024 * 1024)
    huge = _brief(run, tmp_path, "{{ 'x'.center(10**9) }}")
    assert huge.code == 2 and "brief.md.j2" in huge.stderr
    assert "ghi ra quá" in huge.stderr or "bộ nhớ" in huge.stderr
    grow = "{{ 'aaaa'" + ".replace('a', 'aaaa')" * 14 + " }}"
    amplified = _brief(run, tmp_path, grow)
    assert amplified.code == 2 and "brief.md.j2" in amplified.stderr
    many = _brief(run, tmp_path, "{% for i in range(99999) %}{{ 'y' * 999 }}{% endfor %}")
    assert many.code == 2 and "ghi ra quá 33,554,432 ký tự" in many.stderr


@POSIX
def test_a_template_that_runs_too_long_is_stopped(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(render, "TIME_LIMIT_S", 1.0)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    result = _brief(run, tmp_path, loops)
    assert result.code == 2
    assert f"lỗi mẫu báo cáo: {tmp_path / 'brief.md.j2'}: chạy quá 1 giây nên đã bị dừng" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="symlinks and FIFOs")
def test_links_out_of_the_folder_and_fifos_are_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "templates"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("{{ 'leaked' }}", encoding="utf-8")
    (folder / "brief.md.j2").symlink_to(secret)
    result = run("brief", "--today", "2021-06-05", "--templates", str(folder))
    assert result.code == 2 and "nằm ngoài thư mục mẫu" in result.stderr and "leaked" not in result.stdout
    (folder / "brief.md.j2").unlink()
    inside = folder / "mine.j2"
    inside.write_text("mine {{ brief.overdue | length }}\n", encoding="utf-8")
    (folder / "brief.md.j2").symlink_to(inside)
    ok = run("brief", "--today", "2021-06-05", "--templates", str(folder))
    assert ok.code == 0 and ok.stdout == "mine 6\n"
    (folder / "brief.md.j2").unlink()
    os.mkfifo(folder / "brief.md.j2")
    fifo = run("brief", "--today", "2021-06-05", "--templates", str(folder))
    assert fifo.code == 2 and "FIFO" in fifo.stderr


def test_a_missing_templates_folder_is_an_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--today", "2021-06-05", "--templates", str(tmp_path / "nope"))
    assert result.code == 2 and f"không có thư mục {tmp_path / 'nope'}" in result.stderr


def test_a_good_user_template_still_works(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _brief(
        run, tmp_path, "Tuần {{ brief.week_start | dmy }}: {{ brief.overdue | length }} quá hạn\n"
    )
    assert result.code == 0 and result.stdout == "Tuần 31/05/2021: 6 quá hạn\n"


def test_markdown_headings_escape_names(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    units = data_dir / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("- name: Sở Y tế", "- name: Sở *Y* tế <b>x</b> [a](b)", 1),
        encoding="utf-8",
    )
    for path in data_dir.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("Sở Y tế", "Sở *Y* tế <b>x</b> [a](b)")
        path.write_text(text, encoding="utf-8")
    result = run(
        "unit", "Sở *Y* tế <b>x</b> [a](b)", "-f", "md", "--today", "2021-06-05", "--data", str(data_dir)
    )
    assert result.code == 0, result.stderr
    heading = result.stdout.splitlines()[0]
    assert heading.startswith("## Sở \\*Y\\* tế &lt;b&gt;x&lt;/b&gt; \\[a\\](b)")
