"""The one-stop system's counts (`--counts FILE.csv`), imported and never computed: every row is checked
— whole numbers, each total equal to its parts, what was to be solved equal to solved plus pending,
a known unit and level — and a bad row is refused at its own line with nothing written; a good file
fills the form's table in Markdown, HTML and Word."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tthc_cli.data.counts import read_counts
from tthc_cli.domain.counts import NUMBER_COLUMNS, Level, arithmetic_problems

HERE = Path(__file__).parent
GOOD = HERE / "data" / "counts-2021-Q2.csv"
HEADER = "cap,don_vi,linh_vuc," + ",".join(NUMBER_COLUMNS)
#              received          solved           pending
OK_ROW = "huyen,,,3120,1450,1500,170,2900,2100,780,20,220,210,10"


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "so-lieu.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def numbers(*values: int) -> dict[str, int]:
    return dict(zip(NUMBER_COLUMNS, values, strict=True))


def test_a_row_that_adds_up_has_no_problem() -> None:
    assert arithmetic_problems(numbers(120, 80, 30, 10, 100, 60, 38, 2, 20, 18, 2)) == []


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ((121, 80, 30, 10, 100, 60, 38, 2, 21, 19, 2), "counts-sum/received"),  # 80 + 30 + 10 = 120
        ((120, 80, 30, 10, 100, 60, 37, 2, 20, 18, 2), "counts-sum/solved"),  # 60 + 37 + 2 = 99
        ((120, 80, 30, 10, 100, 60, 38, 2, 20, 17, 2), "counts-sum/pending"),  # 17 + 2 = 19
        ((120, 80, 30, 10, 100, 60, 38, 2, 19, 17, 2), "counts-balance"),  # 100 + 19 = 119
    ],
)
def test_each_identity_is_checked_on_its_own(values: tuple[int, ...], code: str) -> None:
    found = arithmetic_problems(numbers(*values))
    assert [f"{p.code}/{p.variant}" if p.variant else p.code for p in found] == [code]


# Each kind of mistake, on line 3 of a file whose line 2 is right: refused at its own line.
MISTAKES = [
    ("huyen,,,3121,1450,1500,170,2901,2100,780,21,220,210,10", "counts-sum", "tiep_nhan_tong"),
    ("huyen,,,3120,1450,1500,170,2900,2100,781,20,220,210,10", "counts-sum", "da_giai_quyet_tong"),
    ("huyen,,,3120,1450,1500,170,2900,2100,780,20,220,211,10", "counts-sum", "dang_giai_quyet_tong"),
    ("huyen,,,3120,1450,1500,170,2900,2100,780,20,219,209,10", "counts-balance", ""),
    ("huyen,,,3120,1450,1500,170,2900,2100,780,20,220,210,-10", "counts-number", "dang_giai_quyet_qua_han"),
    ("huyen,,,3120,1450,1500,170,2900,2100,780,20,220,210,1.5", "counts-number", "dang_giai_quyet_qua_han"),
    ("huyen,,,3120,1450,1500,,2900,2100,780,20,220,210,10", "counts-number", "tiep_nhan_ky_truoc"),
    ("tinh,Sở Y tê,,120,80,30,10,100,60,38,2,20,18,2", "counts-unit", "don_vi"),
    ("tinh,UBND cấp huyện,,120,80,30,10,100,60,38,2,20,18,2", "counts-unit", "don_vi"),
    ("quan,,,3120,1450,1500,170,2900,2100,780,20,220,210,10", "counts-level", "cap"),
    (OK_ROW, "counts-duplicate", ""),
    (",,,3120,1450,1500,170,2900,2100,780,20,220,210,10", "counts-label", ""),
    ("huyen,,,3120,1450", "counts-cells", ""),
    # More digits than Python converts (4,300) is a number too large, not a traceback.
    (
        "huyen,,," + "9" * 5000 + ",1450,1500,170,2900,2100,780,20,220,210,10",
        "counts-number",
        "tiep_nhan_tong",
    ),
]


@pytest.mark.parametrize(("row", "code", "column"), MISTAKES)
def test_a_bad_row_is_refused_at_its_line_and_nothing_is_written(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, row: str, code: str, column: str
) -> None:
    path = write(tmp_path, OK_ROW, row)
    target = tmp_path / "bao-cao.md"
    result = run("report", "--period", "2021-Q2", "--counts", str(path), "-o", str(target))
    assert result.code == 1 and not target.exists()
    where = f"{path}:3:1: error[{code}]" + (f" {column}:" if column else "")
    assert where in result.stderr, result.stderr
    assert ":2:1:" not in result.stderr  # the good row is not blamed
    assert "không ghi gì" in result.stderr


def test_the_messages_say_what_is_wrong_in_vietnamese(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "huyen,,,3121,1450,1500,170,2900,2100,780,20,221,211,10")
    err = run("report", "--period", "2021-Q2", "--counts", str(path)).stderr
    assert "nhận giải quyết: tiep_nhan_tong là 3121, nhưng các cột thành phần" in err
    assert "tiep_nhan_truc_tuyen + tiep_nhan_truc_tiep + tiep_nhan_ky_truoc cộng lại bằng 3120" in err


def test_every_problem_of_a_file_is_reported_in_one_run(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, MISTAKES[0][0], MISTAKES[7][0], MISTAKES[9][0])
    err = run("report", "--period", "2021-Q2", "--counts", str(path)).stderr
    assert (
        ":2:1: error[counts-sum]" in err
        and ":3:1: error[counts-unit]" in err
        and ":4:1: error[counts-level]" in err
    )
    assert "có phải là 'Sở Y tế'" in err


def test_a_row_over_several_physical_lines_is_placed_at_its_first_line(tmp_path: Path, plan) -> None:  # type: ignore[no-untyped-def]
    raw = (
        HEADER + '\ntinh,,"Khám chữa\nbệnh",1,1,0,0,1,1,0,0,0,0,0\nquan,,,1,1,0,0,1,1,0,0,0,0,0\n'
    ).encode()
    table, found = read_counts(raw, "f.csv", plan.registry)
    assert table is None and [(p.code, p.line) for p in found] == [("counts-level", 4)]


@pytest.mark.parametrize(
    ("header", "variant"),
    [
        (HEADER.replace("tiep_nhan_ky_truoc", "ky_truoc"), "unknown"),
        (HEADER.replace(",dang_giai_quyet_qua_han", ""), "missing"),
        (HEADER.replace("cap,don_vi,linh_vuc,", ""), "no-label"),
        (HEADER + ",cap", "duplicate"),
    ],
)
def test_a_wrong_header_is_refused_at_line_one(tmp_path: Path, plan, header: str, variant: str) -> None:  # type: ignore[no-untyped-def]
    table, found = read_counts((header + "\n" + OK_ROW + "\n").encode(), "f.csv", plan.registry)
    assert table is None
    assert any(p.code == "counts-header" and p.variant == variant and p.line == 1 for p in found)


def test_excel_files_are_read_with_their_mark_and_semicolons(plan) -> None:  # type: ignore[no-untyped-def]
    raw = "\ufeff" + HEADER.replace(",", ";") + "\r\n" + OK_ROW.replace(",", ";") + "\r\n;;;;;;;;;;;;;\r\n"
    table, found = read_counts(raw.encode("utf-8"), "excel.csv", plan.registry)
    assert found == [] and table is not None and table.rows[0].level is Level.DISTRICT
    assert table.rows[0]["tiep_nhan_tong"] == 3120


def test_a_file_that_is_not_utf8_is_refused_at_the_line_of_the_bad_byte(plan) -> None:  # type: ignore[no-untyped-def]
    raw = (HEADER + "\n" + OK_ROW + "\n").encode() + b"tinh,S\xe1 Y t\xea"  # Windows-1258 bytes
    table, found = read_counts(raw, "f.csv", plan.registry)
    assert table is None and [(p.code, p.variant, p.line) for p in found] == [("counts-file", "not-utf8", 3)]


def test_a_field_the_plan_does_not_name_is_a_warning_and_kept(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path, "xa,,Hộ tịch,10,5,5,0,10,10,0,0,0,0,0", "tinh,,Khám chữa bệnh,1,1,0,0,1,1,0,0,0,0,0"
    )
    result = run("report", "--period", "2021-Q2", "--counts", str(path))
    assert result.code == 0
    assert f"{path}:2:1: warning[counts-field] linh_vuc:" in result.stderr and ":3:1:" not in result.stderr
    assert "| Cấp xã – Hộ tịch | 10 | 5 | 5 | 0 |" in result.stdout


def test_an_error_is_shown_before_any_warning_and_what_is_left_is_counted(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A real export names more fields than Phụ lục I: 150 warnings must not hide the one error."""
    fields = [f"xa,,Lĩnh vực {n},1,1,0,0,1,1,0,0,0,0,0" for n in range(150)]
    path = write(tmp_path, *fields, "xa,,Hộ tịch,1,1,0,0,1,1,0,0,0,0,X")
    result = run("report", "--period", "2021-Q2", "--counts", str(path))
    assert result.code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:152:1: error[counts-number]")
    assert (
        lines[1:100] == [line for line in lines[1:100] if "warning[counts-field]" in line]
        and len(lines) == 102
    )
    assert lines[100] == "… và 52 vấn đề khác (0 lỗi, 52 cảnh báo)"  # Hộ tịch is not named either
    assert lines[101] == f"tthc: {path}: 1 lỗi trong số liệu; không ghi gì"


def test_a_missing_counts_file_is_a_usage_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--period", "2021-Q2", "--counts", str(tmp_path / "none.csv"))
    assert result.code == 2 and "none.csv" in result.stderr and result.stdout == ""


def test_the_good_file_fills_the_form_in_every_format(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("report", "--period", "2021-Q2", "--today", "2021-07-05", "--counts", str(GOOD))
    md = run(*args).stdout
    form = md.split("### 4.")[1].split("## II.")[0]
    assert "| 1 | Sở Y tế – Khám chữa bệnh | 120 | 80 | 30 | 10 | 100 | 60 | 38 | 2 | 20 | 18 | 2 |" in form
    assert "| 4 | Cấp xã | 10250 | 2300 | 7700 | 250 | 10010 | 9000 | 1000 | 10 | 240 | 240 | 0 |" in form
    html = run(*args, "--format", "html").stdout
    assert "<td>Sở Tư pháp – Công chứng</td>" in html and '<td class="n">3120</td>' in html
    target = tmp_path / "q2.docx"
    assert run(*args, "-o", str(target)).code == 0
    rows = [[c.text for c in r.cells] for t in Document(str(target)).tables for r in t.rows]
    assert [
        "3",
        "Cấp huyện",
        "3120",
        "1450",
        "1500",
        "170",
        "2900",
        "2100",
        "780",
        "20",
        "220",
        "210",
        "10",
    ] in rows
    assert [
        "2",
        "Sở Tư pháp – Công chứng",
        "45",
        "5",
        "38",
        "2",
        "40",
        "10",
        "30",
        "0",
        "5",
        "5",
        "0",
    ] in rows


@pytest.mark.parametrize(
    ("row", "variant", "said"),
    [
        ('huyen,"UBND huyện" X,,3120', "syntax-quote", "có chữ đứng sau dấu ngoặc kép đóng"),
        ('huyen,"UBND huyện,,3120', "syntax-end", "không được đóng lại"),
        ("huyen," + "x" * 200_000 + ",,3120", "syntax-large", "có ô quá dài"),
    ],
)
def test_a_csv_the_reader_cannot_read_is_said_in_words_at_its_line(
    plan, row: str, variant: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    from tthc_cli.present.messages import message

    raw = f"{HEADER}\n{OK_ROW}\n{row}\n".encode()
    table, found = read_counts(raw, "so-lieu.csv", plan.registry)
    assert table is None
    (p,) = [p for p in found if p.code == "counts-file"]
    assert (p.variant, p.line) == (variant, 3)
    assert said in message(p) and "expected" not in message(p)
