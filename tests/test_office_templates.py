"""An office's own templates — text (.j2) and Word (periodic_report.docx) — fail cleanly (exit 2, the
template's file and line, or a Word template's paragraph, in the reader's language) and boundedly (the
output is stopped at one bound, a rendering at a time budget, the same on every platform), never leave
their folder, never print a traceback, and a document is written whole or not at all."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest
from docx import Document

from tthc_cli.present import periodic_render, render

SHIPPED_WORD = Path(__file__).resolve().parent.parent / "templates" / "periodic_report.docx"
SAMPLE_LOG = Path(__file__).parent / "data" / "progress-sample.yaml"
DONE_ON_15_JUNE = "date: 2021-06-15, status: done"


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
    (tmp_path / "brief.md.j2").write_text("{% set m = 10 ** 18000 %}\n{{ (m * -m) % 7 }}", encoding="utf-8")
    negative = tthc(*args, timeout=30)
    assert negative.code == 2 and "brief.md.j2:2: số quá lớn" in negative.stderr


# --- the Word template: the same sandbox, bounds and words -----------------------------------------


def _word(
    folder: Path,
    paragraph: str | None = None,
    *,
    document: Callable[[str], str] | None = None,
    parts: dict[str, str] | None = None,
    leave_out: str = "",
) -> Path:
    """The shipped Word template as an office's own in `folder`, built as a Word file is (a zip): with
    `paragraph` (Jinja, as typed in Word) first in its body, its document.xml rewritten by `document`,
    `parts` replaced or added, a part left out."""
    folder.mkdir(exist_ok=True)
    target = folder / "periodic_report.docx"
    with zipfile.ZipFile(SHIPPED_WORD) as shipped, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as own:
        for member in shipped.infolist():
            if member.filename == leave_out:
                continue
            data = shipped.read(member.filename).decode("utf-8", "surrogateescape")
            if member.filename == "word/document.xml":
                if paragraph is not None:
                    data = data.replace("<w:body>", "<w:body>" + _typed(paragraph), 1)
                if document is not None:
                    data = document(data)
            data = (parts or {}).get(member.filename, data)
            own.writestr(member.filename, data.encode("utf-8", "surrogateescape"))
        for name, data in (parts or {}).items():
            if name not in shipped.namelist():
                own.writestr(name, data)
    return target


def _typed(text: str) -> str:
    """A paragraph of the body holding `text` as typed in Word."""
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r></w:p>'


@pytest.fixture
def word_report(tthc, data_dir: Path, tmp_path: Path) -> Callable[..., tuple[int, str, Path]]:  # type: ignore[no-untyped-def]
    """`tthc report --period 2021-Q2 -o …docx` with the templates of `folder` (exit code, stderr, the
    target, which must not exist after a failure)."""
    shutil.copy(SAMPLE_LOG, data_dir / "progress.yaml")

    def report(folder: Path | None, *extra: str, data: Path = data_dir) -> tuple[int, str, Path]:
        target = tmp_path / "q2.docx"
        target.unlink(missing_ok=True)
        args = [
            "report",
            "--period",
            "2021-Q2",
            "--today",
            "2021-07-05",
            "--data",
            str(data),
            "-o",
            str(target),
        ]
        result = tthc(*args, *(["--templates", str(folder)] if folder else []), *extra, timeout=60)
        assert "Traceback" not in result.stderr and result.stdout == ""
        return result.code, result.stderr, target

    return report


@pytest.mark.parametrize(
    ("paragraph", "message"),
    [
        ("{{ 1/0 }}", "chia cho 0"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "lồng nhau quá sâu"),
        ("{{ ([1] * 10**8) | length }}", "ghi ra quá 33.554.432 ký tự"),
        ("{{ nothing }}", "'nothing' không có trong dữ liệu mẫu này nhận"),
        ("{{ ''.__class__ }}", "bị chặn vì không an toàn: '__class__'"),
        ("{% for x in %}", "lỗi cú pháp: "),
        ("{% for i in range(100000) %}{{ 'y' * 1000 }}{% endfor %}", "ghi ra quá 33.554.432 ký tự"),
        (
            '{% include "x" %}',
            "mẫu Word không dùng được mẫu khác ({% include %}, {% import %}, {% extends %})",
        ),
        ("{% import 'x' as y %}", "mẫu Word không dùng được mẫu khác"),
        ("{% extends 'x' %}", "mẫu Word không dùng được mẫu khác"),
    ],
)
def test_a_broken_word_template_is_exit_2_with_its_file_and_paragraph(
    word_report, tmp_path: Path, paragraph: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mau"
    source = _word(folder, f"Mở đầu {paragraph}")
    code, stderr, target = word_report(folder)
    assert code == 2 and not target.exists()
    assert stderr.startswith(
        f'tthc: mẫu báo cáo {source}, tại "Mở đầu {paragraph[:52]}'
    ) or stderr.startswith(f"tthc: lỗi mẫu báo cáo: {source}: "), stderr
    assert message in stderr


@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        ("{{ 1/0 }}", 'at "{{ 1/0 }}": division by zero'),
        ("{{ 'y' * 20000000 }}{{ 'y' * 20000000 }}", "writes more than 33,554,432 characters"),
        ("{{ 'x' ", "at \"{{ 'x'\": a Jinja mark is not closed"),
        ("{% include 'x' %}", "a Word template cannot use another template"),
        ("{{ '</w:t>' | safe }}", "the document it makes is not valid XML for Word"),
    ],
)
def test_a_word_template_failure_is_told_in_english_on_request(
    word_report, tmp_path: Path, paragraph: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    """The document is rendered in Vietnamese whatever --lang says; what went wrong is not."""
    source = _word(tmp_path / "mau", paragraph)
    code, stderr, _ = word_report(tmp_path / "mau", "--lang", "en")
    assert code == 2 and stderr.startswith("tthc: template") and str(source) in stderr and said in stderr, (
        stderr
    )


@pytest.mark.parametrize(
    ("document", "leave_out", "message"),
    [
        (lambda xml: xml.replace("</w:body>", "<w:p></w:body>"), "", "không đọc được XML của tệp (dòng 2)"),
        (
            lambda xml: xml.replace(
                "<w:document ",
                '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ',
                1,
            ).replace("<w:body>", "<w:body><w:p><w:r><w:t>&b;&x;</w:t></w:r></w:p>", 1),
            "",
            "phần word/document.xml của tệp khai báo DOCTYPE, điều Word không bao giờ viết",
        ),
        (None, "[Content_Types].xml", "không phải tệp Word (.docx); lưu lại từ Word dưới dạng .docx"),
        (None, "word/document.xml", "không phải tệp Word (.docx); lưu lại từ Word dưới dạng .docx"),
    ],
)
def test_a_word_template_that_is_not_a_readable_word_file_is_named(
    word_report, tmp_path: Path, document: Callable[[str], str] | None, leave_out: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    source = _word(tmp_path / "mau", document=document, leave_out=leave_out)
    code, stderr, target = word_report(tmp_path / "mau")
    assert code == 2 and not target.exists()
    assert stderr.startswith(f"tthc: lỗi mẫu báo cáo: {source}: {message}"), stderr
    assert "root:" not in stderr  # nothing of /etc/passwd


def test_a_large_xml_part_is_refused_before_it_is_read(word_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A 60 MB document.xml (a 255 KB .docx) ran for minutes: each XML part has 2 MiB."""
    padding = "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (2 * 1024 * 1024 // 30)
    source = _word(tmp_path / "mau", document=lambda xml: xml.replace("<w:body>", "<w:body>" + padding, 1))
    code, stderr, target = word_report(tmp_path / "mau")
    assert code == 2 and not target.exists()
    assert stderr == (
        f"tthc: lỗi mẫu báo cáo: {source}: phần word/document.xml của tệp giải nén ra hơn 2.097.152 byte\n"
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "Số liệu: {{ report.period.code " + "{{ " * 50,
        "{% if report %} {{ report.period.code }} {% endif",
        "{# ghi chú {{ chưa đóng #}",
    ],
)
def test_a_jinja_mark_left_open_is_refused_at_its_paragraph(
    word_report, tmp_path: Path, paragraph: str
) -> None:  # type: ignore[no-untyped-def]
    """docxtpl looks for each mark's end with regular expressions that a mark left open sends to the
    end of the document: 16,000 of them (48 KB) took 13 s, 32,000 four times as long."""
    source = _word(tmp_path / "mau", paragraph)
    code, stderr, target = word_report(tmp_path / "mau")
    assert code == 2 and not target.exists()
    assert stderr.startswith(f'tthc: mẫu báo cáo {source}, tại "{{'), stderr
    assert stderr.endswith(": có thẻ Jinja chưa đóng: viết {{ … }}, {% … %}, {# … #}\n")


def test_open_marks_are_found_also_where_word_split_them() -> None:
    shipped = zipfile.ZipFile(SHIPPED_WORD).read("word/document.xml").decode()
    assert periodic_render._open_mark(shipped) is None
    assert periodic_render._open_mark("<w:t>{{ a }} {% b %} {# c #} }} %} #}</w:t>") is None
    assert periodic_render._open_mark("<w:t>{# c {% #}</w:t>") == "{# c {% #}</w:t>"
    split = '<w:t>{</w:t></w:r><w:r><w:t xml:space="preserve">{ a }</w:t></w:r><w:r><w:t>}</w:t>'
    assert periodic_render._open_mark(split) is None
    assert periodic_render._open_mark("<w:t>{{ a {% b %}") == "{{ a {% b %}"
    assert periodic_render._open_mark("<w:t>{</w:t><w:t>{ a") == "{{ a"


def test_the_output_bound_spans_every_part_of_a_word_document(word_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each of the body and a header writes 20 M characters (lines of 1,000): 40 M in all is over."""
    twenty = "{% for i in range(20000) %}{{ 'y' * 999 ~ '\\n' }}{% endfor %}"
    header = zipfile.ZipFile(SHIPPED_WORD).read("word/header1.xml").decode()
    parts = {"word/header1.xml": header.replace("<w:t>2</w:t>", f"<w:t>{twenty}</w:t>")}
    source = _word(tmp_path / "mau", f"Thân {twenty}", parts=parts)
    code, stderr, target = word_report(tmp_path / "mau")
    assert code == 2 and not target.exists()
    assert stderr.startswith(f"tthc: mẫu báo cáo {source}, tại ") and "ghi ra quá 33.554.432 ký tự" in stderr


def test_loops_anywhere_in_a_word_template_stop_at_the_time_budget(
    word_report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(render, "MAX_SECONDS", 1.0)
    loops = "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}"
    body = _word(tmp_path / "body", loops)
    code, stderr, target = word_report(tmp_path / "body")
    assert code == 2 and not target.exists()
    stopped = "chạy quá 1 giây chưa xong nên bị dừng (vòng lặp lồng trong vòng lặp?)"
    assert stderr == f'tthc: mẫu báo cáo {body}, tại "{loops[:60]}…": {stopped}\n'

    core = zipfile.ZipFile(SHIPPED_WORD).read("docProps/core.xml").decode()
    title = {
        "docProps/core.xml": core.replace(
            "<dc:title>Báo cáo định kỳ</dc:title>", f"<dc:title>{loops}</dc:title>"
        )
    }
    _word(tmp_path / "title", parts=title)
    code, stderr, target = word_report(tmp_path / "title")
    assert code == 2 and not target.exists() and "chạy quá 1 giây chưa xong" in stderr


def test_xml_a_word_template_breaks_is_refused_not_repaired(word_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """docxtpl parses what the template made with a forgiving parser, which drops what it cannot place."""
    _word(tmp_path / "mau", "Trước {{ '</w:t></w:r></w:p>' | safe }} sau")
    code, stderr, target = word_report(tmp_path / "mau")
    assert code == 2 and not target.exists()
    assert "tài liệu tạo ra không phải XML hợp lệ của Word" in stderr


def test_a_value_too_long_for_word_is_refused_and_the_markdown_is_whole(
    word_report, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """libxml2 reads at most 10 MB of text in one place: docxtpl's parser cut the document there, and
    everything after it (sections 3–4, II–IV, Nơi nhận, the signature) was dropped, exit 0."""
    evidence = "x" * 11_000_000 + "-HẾT"
    with open(data_dir / "progress.yaml", "a", encoding="utf-8") as log:
        log.write(f'  - {{id: "duty:IV.2/so-y-te/2021-Q2", {DONE_ON_15_JUNE}, evidence: "{evidence}"}}\n')
    code, stderr, target = word_report(None)
    assert code == 2 and not target.exists()
    assert stderr.endswith(
        ": một đoạn chữ dài hơn 10.000.000 byte ở một chỗ (một giá trị trong dữ liệu: văn bản, ghi chú?)"
        " không đặt được vào tài liệu Word; chưa ghi gì (bản Markdown và HTML vẫn ghi đủ)\n"
    )
    code, stderr, _ = word_report(None, "--format", "md", "-o", str(tmp_path / "q2.md"))
    markdown = (tmp_path / "q2.md").read_text(encoding="utf-8")
    assert code == 0 and "-HẾT" in markdown and "Nơi nhận" in markdown and "(Ký, ghi rõ họ tên)" in markdown


def test_a_large_but_fitting_value_is_written_whole(word_report, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    evidence = "y" * 200_000 + "-HẾT"
    with open(data_dir / "progress.yaml", "a", encoding="utf-8") as log:
        log.write(f'  - {{id: "duty:IV.2/so-y-te/2021-Q2", {DONE_ON_15_JUNE}, evidence: "{evidence}"}}\n')
    code, _, target = word_report(None)
    document = Document(str(target))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert code == 0 and evidence in cells and "Nơi nhận" in cells and "(Ký, ghi rõ họ tên)" in cells


def test_the_time_is_checked_between_the_parts_of_a_word_document(
    word_report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Jinja compiles each part (body, headers, properties) before any hook of the sandbox can see it:
    a document of many large parts is stopped at the part after its time is up, even without a loop."""
    monkeypatch.setattr(render, "MAX_SECONDS", 0.0)
    folder = tmp_path / "mau"
    folder.mkdir()
    Document().save(str(folder / "periodic_report.docx"))  # no Jinja, no loop, no call
    code, stderr, target = word_report(folder)
    assert code == 2 and not target.exists() and "chạy quá 0 giây chưa xong" in stderr
