"""An office's own templates fail cleanly (exit 2, the template's file and line, in the reader's
language) and boundedly (the output is stopped at a bound, a rendering at a time budget, the same on
every platform), never leave their folder, and never print a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tthc_cli.present import render


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
        ("{% for i in range(10**9) %}x{% endfor %}", 1, "một khoảng nhiều hơn 100.000 số"),
        ("ok\n{{ 1/0 }}", 2, "chia cho 0"),
        ("a\n\n{% include 'brief.md.j2' %}", 3, "lồng nhau quá sâu"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}", 1, "lồng nhau quá sâu"),
        ("{{ brief.week_start | dmy(1, 2, 3) }}", 1, "TypeError"),
        ("{{ lipsum(10**6) }}", 1, "'lipsum' không có trong dữ liệu mẫu này nhận"),
        ("{% set n = 10 %}{{ n ** 100000 }}", 1, "số quá lớn"),
        ("\n\n{{ ''.__class__.__mro__ }}", 3, "bị chặn vì không an toàn: '__class__'"),
        ("{{ nothing.here }}", 1, "'nothing' không có trong dữ liệu mẫu này nhận"),
        ("{{ brief.nothing }}", 1, "không có trường 'nothing'"),
        ("{% for x in %}", 1, "lỗi cú pháp: "),
        ("{% frobnicate %}", 1, "'{% frobnicate %}' không phải thẻ của Jinja"),
        ("{% if 1 %}\nx\n", 2, "mẫu kết thúc trước khi đóng một khối; hãy thêm {% endif %}"),
        ("{{ 'x' * 40000000 }}", 1, "ghi ra quá 33.554.432 ký tự"),
        ("{{ '%040000000d' % 1 }}", 1, "ghi ra quá 33.554.432 ký tự"),
        ("{% for i in range(99999) %}{{ 'y' * 999 }}{% endfor %}", 1, "ghi ra quá 33.554.432 ký tự"),
        ("\n{{ ([1] * 10**8) | length }}", 2, "ghi ra quá 33.554.432 ký tự"),
        ("{{ (10**8 * 'x') | length }}", 1, "ghi ra quá 33.554.432 ký tự"),
    ],
)
def test_a_broken_template_is_exit_2_with_file_and_line(
    run, tmp_path: Path, source: str, line: int, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = _brief(run, tmp_path, source)
    assert result.code == 2, result.stdout[:200]
    where = f"mẫu báo cáo {tmp_path / 'brief.md.j2'}:{line}: "
    assert f"tthc: {where}" in result.stderr or f"tthc: lỗi {where}" in result.stderr, result.stderr
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_a_template_that_is_not_utf8_is_named(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _brief(run, tmp_path, b"\xff\xfe{{ 1 }}")
    assert result.code == 2 and "brief.md.j2: byte thứ 0 không phải UTF-8" in result.stderr


def test_a_huge_constant_is_not_built_when_the_template_compiles() -> None:
    """Jinja folds constant expressions into the compiled code: `'x' * 10**9` took 19.6 s and 3.8 GB
    to compile before the output cap could see it. It is evaluated when rendered instead."""
    env = render.environment("/nonexistent")
    for source in ("{{ 'x' * 10**9 }}", "{{ '%0999999999d' % 1 }}", "{{ 10 ** 10 ** 5 }}"):
        assert len(env.compile(source, raw=True)) < 10_000


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
    assert ok.code == 0 and ok.stdout == "mine 9\n"  # 6, and the first quarter's reports of 3.2, IV.2, IV.5
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
    assert result.code == 0 and result.stdout == "Tuần 31/05/2021: 9 quá hạn\n"  # with 3 items' reports


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


# --- time: the same budget for every template, checked at each loop turn and call ----------------


@pytest.mark.parametrize(
    "source",
    [
        "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}",
        "{% for x in range(100000) %}{% for y in range(100000) if y < 0 %}{% endfor %}{% endfor %}",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "{% for i in range(100000) %}{{ range(100000) | sum }}{% endfor %}",
    ],
)
def test_a_template_that_runs_past_the_time_budget_is_stopped_at_its_line(
    tthc, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(render, "MAX_SECONDS", 1.0)
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "brief.md.j2").write_text("Tuần\n" + source, encoding="utf-8")
    args = ("brief", "--today", "2021-06-05", "--data", str(data_dir), "--templates", str(folder))
    result = tthc(*args, timeout=30)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == (
        f"tthc: mẫu báo cáo {folder / 'brief.md.j2'}:2: chạy quá 1 giây chưa xong nên bị dừng"
        " (vòng lặp lồng trong vòng lặp?)\n"
    )
    english = tthc(*args, "--lang", "en", timeout=30)
    assert english.code == 2 and "stopped after 1 seconds without finishing" in english.stderr


def test_whole_numbers_too_large_to_compute_are_refused_before_they_are(
    tthc, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`10 ** 10000000` is one operation no hook sees (9 s; `10 ** 10**8` minutes)."""
    (tmp_path / "brief.md.j2").write_text(
        "{% set n = 10 %}{{ 2 ** 10 }} {{ n ** 20 % 7 }}\n{{ n ** 10000000 % 7 }}", encoding="utf-8"
    )
    args = ("brief", "--today", "2021-06-05", "--data", str(data_dir), "--templates", str(tmp_path))
    result = tthc(*args, timeout=30)
    assert result.code == 2 and "brief.md.j2:2: số quá lớn, không tính hoặc viết ra được" in result.stderr
