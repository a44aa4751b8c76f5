"""Usage mistakes: one `tthc:` line on stderr naming the option, the value and what would be right, in
the user's language, with exit code 2 and nothing on stdout."""

from __future__ import annotations

import pytest

CASES = [
    (
        ["upcoming", "--within", "abc"],
        "tthc: --within abc: hãy nhập số nguyên từ 0 đến 3660 (xem: tthc upcoming --help)",
    ),
    (
        ["list", "--format", "xml"],
        "tthc: --format xml: hãy chọn một trong: table, json, csv, csv-excel, md (xem: tthc list --help)",
    ),
    (
        ["due", "--before", "today", "--role", "boss"],
        "tthc: --role boss: hãy chọn một trong: lead, support, any (xem: tthc due --help)",
    ),
    (["due"], "tthc: thiếu tùy chọn --before (xem: tthc due --help)"),
    (["show"], "tthc: thiếu MÃ (xem: tthc show --help)"),
    (
        ["list", "--kindd", "task"],
        "tthc: không có tùy chọn --kindd; có phải là --ids, --kind? (xem: tthc list --help)",
    ),
    (
        ["unit", "Văn", "phòng", "UBND", "tỉnh"],
        "tthc: thừa đối số: phòng UBND tỉnh "
        '(tên có dấu cách phải đặt trong ngoặc kép: "Văn phòng UBND tỉnh") (xem: tthc unit --help)',
    ),
    (
        ["progress", "add", "1.1"],
        "tthc: thiếu tùy chọn --status (một trong: started, done, reopened, note) "
        "(xem: tthc progress add --help)",
    ),
    (
        ["progress", "bogus"],
        "tthc: không có lệnh bogus; các lệnh là: add, import (xem: tthc progress --help)",
    ),
    (["validate", "--strict=yes"], "tthc: --strict không nhận giá trị (xem: tthc validate --help)"),
    (
        ["overdue", "--today", "0001-01-01"],
        "tthc: --today: '0001-01-01' là ngày 01/01/0001; chỉ nhận ngày từ 01/01/1900 đến 31/12/2999",
    ),
]


@pytest.mark.parametrize(("args", "line"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_usage_mistake_is_one_vietnamese_line(run, args: list[str], line: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert (result.code, result.stdout, result.stderr) == (2, "", line + "\n")


def test_english_on_request(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "en", "upcoming", "--within", "abc")
    assert result.code == 2
    assert (
        result.stderr
        == "tthc: --within abc: give a whole number from 0 to 3660 (see: tthc upcoming --help)\n"
    )


def test_an_unknown_command_lists_the_commands(run) -> None:  # type: ignore[no-untyped-def]
    result = run("bogus")
    assert result.code == 2
    assert result.stderr.startswith("tthc: không có lệnh bogus; các lệnh là: brief, deadline, due, export,")
