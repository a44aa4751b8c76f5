"""How a person reads an item's name, a period and a code: the document's own numbering ("Mục IV.2 –
Sở Y tế (quý II/2021)", "PL I – 3 (Sở Y tế)"), in Vietnamese by default and in English on request."""

from __future__ import annotations

from datetime import date
from enum import Enum

import pytest

from tthc_cli import i18n
from tthc_cli.domain.plan import AppendixInfo, PlanItem, Role, plan_meta
from tthc_cli.present import labels

from .small_plans import SYT, item

META = plan_meta(
    title="Kế hoạch thử",
    year=2021,
    province="Hải Dương",
    sections={"tasks": ("II", "Nhiệm vụ"), "duties": ("IV", "Tổ chức thực hiện")},
    appendices=(
        AppendixInfo("review", "I", "Danh mục rà soát", "task:3.2"),
        AppendixInfo("inspection", "II", "Danh mục kiểm tra", "task:6", Role.INSPECTED),
        AppendixInfo("extra", None, "Phụ lục không số", None),
    ),
)

ITEMS = {
    "task": item("task:3.2"),
    "duty": item("duty:IV.2"),
    "unit share": item("duty:IV.2/so-y-te", parent="duty:IV.2", unit=SYT),
    "period share": item("task:3/2022-M05", parent="task:3", period="2022-M05"),
    "unit and period share": item(
        "duty:IV.2/so-y-te/2021-Q2", parent="duty:IV.2", unit=SYT, period="2021-Q2"
    ),
    "led row": item("review:3", appendix="review", unit=SYT, unit_role=Role.LEAD),
    "inspected row": item("inspection:II.12", appendix="inspection", unit=SYT, unit_role=Role.INSPECTED),
    "row of an unnumbered appendix": item("extra:4", appendix="extra", unit=SYT, unit_role=Role.LEAD),
    "row without its unit": item("review:5", appendix="review"),
    "note under an appendix": item("note:review.2", number="review.2"),
    "note under an unnumbered appendix": item("note:extra.2", number="extra.2"),
    "closing paragraph": item("note:IV", number="IV"),
    "numbered paragraph": item("note:IV.3", number="IV.3"),
}


@pytest.mark.parametrize(
    ("shape", "vi", "vi_short", "vi_not_whose", "en"),
    [
        ("task", "Mục 3.2", "Mục 3.2", "Mục 3.2", "Item 3.2"),
        ("duty", "Mục IV.2", "Mục IV.2", "Mục IV.2", "Item IV.2"),
        ("unit share", "Mục IV.2 – Sở Y tế", "Mục IV.2 – Sở Y tế", "Mục IV.2", "Item IV.2 – Sở Y tế"),
        (
            "period share",
            "Mục 3 (tháng 5/2022)",
            "Mục 3 (tháng 5/2022)",
            "Mục 3 (tháng 5/2022)",
            "Item 3 (month 5/2022)",
        ),
        (
            "unit and period share",
            "Mục IV.2 – Sở Y tế (quý II/2021)",
            "Mục IV.2 – Sở Y tế (quý II/2021)",
            "Mục IV.2 (quý II/2021)",
            "Item IV.2 – Sở Y tế (quarter II/2021)",
        ),
        ("led row", "PL I – 3 (Sở Y tế)", "PL I – 3", "PL I – 3 (Sở Y tế)", "App. I – 3 (Sở Y tế)"),
        ("inspected row", "PL II – II.12", "PL II – II.12", "PL II – II.12", "App. II – II.12"),
        (
            "row of an unnumbered appendix",
            "PL – 4 (Sở Y tế)",
            "PL – 4",
            "PL – 4 (Sở Y tế)",
            "App. – 4 (Sở Y tế)",
        ),
        ("row without its unit", "PL I – 5", "PL I – 5", "PL I – 5", "App. I – 5"),
        (
            "note under an appendix",
            "PL I – Ghi chú 2",
            "PL I – Ghi chú 2",
            "PL I – Ghi chú 2",
            "App. I – Note 2",
        ),
        (
            "note under an unnumbered appendix",
            "PL – Ghi chú 2",
            "PL – Ghi chú 2",
            "PL – Ghi chú 2",
            "App. – Note 2",
        ),
        (
            "closing paragraph",
            "Mục IV, đoạn cuối",
            "Mục IV, đoạn cuối",
            "Mục IV, đoạn cuối",
            "Section IV, closing paragraph",
        ),
        (
            "numbered paragraph",
            "Mục IV, đoạn 3",
            "Mục IV, đoạn 3",
            "Mục IV, đoạn 3",
            "Section IV, paragraph 3",
        ),
    ],
)
def test_an_item_is_named_as_the_document_numbers_it(
    shape: str, vi: str, vi_short: str, vi_not_whose: str, en: str
) -> None:
    found = ITEMS[shape]
    assert labels.item_label(found, META) == vi
    assert labels.item_label(found, META, unit=False) == vi_short
    assert labels.item_label(found, META, whose=False) == vi_not_whose
    with i18n.using("en"):
        assert labels.item_label(found, META) == en


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("2021-Q1", "quý I/2021", "quarter I/2021"),
        ("2021-Q4", "quý IV/2021", "quarter IV/2021"),
        ("2022-M05", "tháng 5/2022", "month 5/2022"),
        ("2022-M12", "tháng 12/2022", "month 12/2022"),
        ("2021-H1", "6 tháng đầu năm 2021", "first half of 2021"),
        ("2021-H2", "6 tháng cuối năm 2021", "second half of 2021"),
        ("2021", "năm 2021", "year 2021"),
        ("2021-9M", "9 tháng đầu năm 2021", "the first nine months of 2021"),
        ("2021-W05", "tuần 5/2021", "week 5/2021"),
        ("2021-03-01", "01/03/2021", "01/03/2021"),
        ("2021-01-01/2021-05-31", "01/01/2021 – 31/05/2021", "01/01/2021 – 31/05/2021"),
        # Anything else is shown as written.
        ("2021-Q0", "2021-Q0", "2021-Q0"),
        ("2021-Q5", "2021-Q5", "2021-Q5"),
        ("2021-X1", "2021-X1", "2021-X1"),
        ("2021-01-01/soon", "2021-01-01/soon", "2021-01-01/soon"),
        ("năm nay", "năm nay", "năm nay"),
    ],
)
def test_a_period_is_said_as_people_say_it(code: str, vi: str, en: str) -> None:
    assert labels.period_words(code) == vi
    with i18n.using("en"):
        assert labels.period_words(code) == en


def _titled(title: str, **fields: object) -> PlanItem:
    return item("task:1", title=title, **fields)


def test_a_short_title_written_by_the_office_is_used_as_it_is() -> None:
    assert (
        labels.item_title(_titled("Một đoạn rất dài " * 20, short_title="Quy chế Một cửa"))
        == "Quy chế Một cửa"
    )


def test_a_title_within_the_limit_is_whole_with_its_spaces_tidied() -> None:
    assert labels.item_title(_titled("Ban hành  Quy chế\nMột cửa.")) == "Ban hành Quy chế Một cửa."
    exact = "x" * labels.TITLE_LIMIT
    assert labels.item_title(_titled(exact)) == exact


def test_a_long_title_is_cut_at_a_word_without_its_trailing_punctuation() -> None:
    words = "Rà soát, đánh giá thủ tục hành chính; " * 5
    cut = labels.item_title(_titled(words), limit=40)
    assert cut == "Rà soát, đánh giá thủ tục hành chính …"
    assert labels.item_title(_titled("Một hai ba, bốn năm"), limit=14) == "Một hai ba …"
    assert labels.item_title(_titled("Theo Mục IX của kế hoạch"), limit=12) == "Theo Mục IX …"
    assert labels.TITLE_LIMIT == 90


def test_a_heading_is_named_by_its_first_line_of_content() -> None:
    heading = _titled("Nhóm nội dung công việc:", content=("  Rà soát   quy định.", "Kiểm tra."))
    assert labels.item_title(heading) == "Rà soát quy định."
    assert labels.item_text(heading) == "Rà soát quy định."
    bare = _titled("Nhóm nội dung công việc:")
    assert labels.item_title(bare) == "Nhóm nội dung công việc:"
    assert labels.item_text(bare) == "Nhóm nội dung công việc:"


def test_an_items_text_is_whole_whatever_its_length() -> None:
    long = "Rà soát thủ tục hành chính " * 10
    assert labels.item_text(_titled(long, content=("Dòng đầu.",))) == long


def test_each_kind_is_named_as_the_document_names_its_parts() -> None:
    assert labels.kind_labels(META) == {
        "task": "Nhiệm vụ",
        "duty": "Mục IV",
        "review": "PL I",
        "inspection": "PL II",
        "extra": "Phụ lục",
        "note": "Ghi chú, đoạn",
    }
    with i18n.using("en"):
        assert labels.kind_labels(META)["duty"] == "Section IV"
        assert labels.kind_labels(META)["extra"] == "Appendix"
    no_sections = plan_meta(title="x", year=2021)
    assert labels.kind_labels(no_sections)["duty"] == "Trách nhiệm"


def test_a_kind_is_found_by_its_label_its_parts_full_name_or_an_appendixs_title() -> None:
    assert labels.kind_names(META) == {
        "task": ("Nhiệm vụ",),
        "duty": ("Mục IV", "Trách nhiệm"),
        "review": ("PL I", "Phụ lục I", "Danh mục rà soát"),
        "inspection": ("PL II", "Phụ lục II", "Danh mục kiểm tra"),
        "extra": ("Phụ lục", "Phụ lục không số"),
        "note": ("Ghi chú, đoạn", "Ghi chú"),
    }
    with i18n.using("en"):
        assert labels.kind_names(META) == {
            "task": ("Task",),
            "duty": ("Section IV", "Responsibilities"),
            "review": ("App. I", "Appendix I", "Danh mục rà soát"),
            "inspection": ("App. II", "Appendix II", "Danh mục kiểm tra"),
            "extra": ("Appendix", "Phụ lục không số"),
            "note": ("Note, paragraph", "Note"),
        }


def test_a_count_is_grouped_by_thousands_as_the_readers_language_writes_it() -> None:
    assert labels.grouped(29900) == "29.900"
    assert labels.grouped(1234567) == "1.234.567"
    assert labels.grouped(7) == "7"
    with i18n.using("en"):
        assert labels.grouped(29900) == "29,900"
        assert labels.grouped(1234567) == "1,234,567"


def test_a_rate_is_a_whole_percentage_and_no_rate_a_dash() -> None:
    assert labels.percent(0.75) == "75%"
    assert labels.percent(0.0) == "0%"
    assert labels.percent(1.0) == "100%"
    assert labels.percent(None) == "—"


def test_a_day_is_written_dd_mm_yyyy_and_no_day_as_nothing() -> None:
    assert labels.dmy(date(2021, 3, 1)) == "01/03/2021"
    assert labels.dmy(None) == ""


def test_a_plan_is_titled_as_officials_write_it() -> None:
    assert labels.plan_title(META) == "Kế hoạch 2021 – Hải Dương"
    assert labels.plan_title(plan_meta(title="x", year=2022)) == "Kế hoạch 2022"
    with i18n.using("en"):
        assert labels.plan_title(META) == "Plan 2021 – Hải Dương"


def test_a_progress_entrys_status_is_a_word_and_an_unknown_one_stays_its_code() -> None:
    assert [labels.entry_status_label(c) for c in ("started", "done", "reopened", "note", "paused")] == [
        "bắt đầu",
        "hoàn thành",
        "mở lại",
        "ghi chú",
        "paused",
    ]
    with i18n.using("en"):
        assert labels.entry_status_label("done") == "done"


def test_codes_are_worded_in_the_readers_language() -> None:
    assert labels.status_label("done_late") == "Hoàn thành quá hạn"
    assert labels.role_label("support") == "Phối hợp"
    assert labels.unit_type_label("media") == "Cơ quan báo chí"
    assert labels.group_kind_label("open") == "nhóm không xác định"
    assert labels.fact_label("lead") == "chủ trì"
    assert labels.inferred_words("Mục 3.1") == "suy ra từ Mục 3.1"
    assert labels.report_period_label("quarter") == "hằng quý"
    assert labels.report_period_label("fortnight") == "fortnight"
    with i18n.using("en"):
        assert labels.status_label("done_late") == "Done late"


def test_a_code_carried_by_a_problem_is_said_as_its_code() -> None:
    class Level(Enum):  # a problem may carry any Enum (domain.problems.Param), not only a StrEnum
        PROVINCE = 1

    assert labels.code_label(Role.INSPECTED) == "inspected"
    assert labels.code_label(Level.PROVINCE) == "1"
    assert labels.code_label("plain") == "plain"
