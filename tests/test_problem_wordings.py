"""The sentences that word a problem, for the wordings made by a function (plurals, optional hints,
lists cut short, what a field holds, quoted phrases): each problem as data -> the sentence a person
reads, in English (the msgids) and, for a few, in Vietnamese (the catalogue)."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.domain.plan import Role
from tthc_cli.domain.problems import Problem, problem
from tthc_cli.domain.units import Lookup, LookupNote
from tthc_cli.fsutil import FileKind
from tthc_cli.i18n import N_
from tthc_cli.present import messages
from tthc_cli.present.messages import message

P = problem
INSPECTION_ROWS = tuple(f"inspection:I.{n}" for n in range(1, 7))


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


WORDINGS: list[tuple[str, Problem, str]] = [
    ("unworded code", P("no-such-code"), "no-such-code"),
    (
        "unworded code with facts",
        P("no-such-code", x=1, d=date(2021, 6, 30), t=("a", "b"), e=Role.LEAD, n=None),
        "no-such-code (x=1, d=30/06/2021, t=a; b, e=lead, n=)",
    ),
    (
        "missing file",
        P("missing-file", name="plan.yaml", required=("plan.yaml", "units.yaml")),
        "plan.yaml is missing; a plan folder needs plan.yaml and units.yaml",
    ),
    (
        "file unreadable",
        P("file-unreadable", path="plan.yaml", errno=13, reason="Permission denied"),
        "cannot read plan.yaml: permission denied",
    ),
    (
        "file unreadable for a reason the system does not number",
        P("file-unreadable", path="plan.yaml", errno=0, reason="Disk on fire"),
        "cannot read plan.yaml: Disk on fire",
    ),
    (
        "folder unreadable",
        P("folder-unreadable", path="ke-hoach", errno=20, reason="Not a directory"),
        "cannot read the folder ke-hoach: a part of the path is not a folder",
    ),
    (
        "not a regular file",
        P("not-regular-file", path="plan.yaml", kind=FileKind.FIFO),
        "plan.yaml is a FIFO (named pipe), not a regular file; it cannot be read",
    ),
    (
        "too large",
        P("too-large", size=3_000_000, limit=2_000_000),
        "file is 3,000,000 bytes; the limit is 2,000,000 (split the data)",
    ),
    (
        "too large, size unknown",
        P("too-large", size="big", limit=2),
        "file is big bytes; the limit is 2 (split the data)",
    ),
    (
        "indented one space",
        P("yaml-syntax", "indentation", line=5, have=1, want=4, like=3),
        "line 5 is indented 1 space, unlike the lines above it: indent it 4 spaces, like line 3",
    ),
    (
        "indented three spaces",
        P("yaml-syntax", "indentation", line=5, have=3, want=1, like=3),
        "line 5 is indented 3 spaces, unlike the lines above it: indent it 1 space, like line 3",
    ),
    ("wrong type", P("wrong-type", want="text", found="list"), "expected text, found a list"),
    (
        "wrong type, text found",
        P("wrong-type", want="whole-number", found="text", text="ba"),
        "expected a whole number, found 'ba'",
    ),
    (
        "YAML 1.1 word",
        P("wrong-type", "yaml11", want="true-false", found="text", text="yes"),
        "expected true or false, found 'yes' (YAML 1.1 words such as yes/no/on/off are read as text here)",
    ),
    (
        "choices",
        P("invalid-value", "choices", found="text", text="leed", choices=("lead", "support")),
        "'leed' is not allowed here; write one of: lead, support",
    ),
    ("no task", P("invalid-value", "too-short", field="tasks"), "the plan needs at least one task"),
    ("no unit", P("invalid-value", "too-short", field="units"), "the registry needs at least one unit"),
    ("no ref", P("invalid-value", "too-short", field="refs"), "name at least one unit or group"),
    (
        "one row of two",
        P("invalid-value", "too-short", field="rows", limit=2),
        "give two row numbers: the first and the last row the note covers",
    ),
    ("no row", P("invalid-value", "too-short", field="rows", limit=1), "a block needs at least one row"),
    ("too few, no limit", P("invalid-value", "too-short", field="x"), "needs at least 1 entry"),
    ("too few, three", P("invalid-value", "too-short", field="x", limit=3), "needs at least 3 entries"),
    (
        "three rows of two",
        P("invalid-value", "too-long", field="rows", limit=2),
        "give two row numbers: the first and the last row the note covers",
    ),
    ("too many, one", P("invalid-value", "too-long", field="x", limit=1), "takes at most 1 entry"),
    ("too many, three", P("invalid-value", "too-long", field="rows", limit=3), "takes at most 3 entries"),
    ("too many, no limit", P("invalid-value", "too-long", field="x"), "takes at most 0 entries"),
    (
        "too small",
        P("invalid-value", "at-least", found="text", text="0", limit=1),
        "'0' is too small here; write 1 or more",
    ),
    ("null", P("invalid-value", found="null"), "nothing (null) is not valid here"),
    ("mapping", P("invalid-value", found="mapping"), "a mapping is not valid here"),
    ("found, no text", P("invalid-value", found="number"), "'number' is not valid here"),
    (
        "a long phrase quoted short",
        P("deadline-unrecognised", phrase="x" * 80, suggestions=("Trước ngày 30/6/2021", "Quý II")),
        "cannot read the deadline '" + "x" * 60 + "…'; nearest forms: 'Trước ngày 30/6/2021', 'Quý II'",
    ),
    (
        "a phrase and the rest quoted",
        P("deadline-unrecognised", "from", phrase="Trước  ngày", rest="y" * 61, suggestions=("Quý II",)),
        "cannot read the deadline 'Trước  ngày' from '" + "y" * 60 + "…'; nearest forms: 'Quý II'",
    ),
    (
        "mismatch",
        P(
            "deadline-mismatch",
            field="due",
            day=date(2021, 6, 30),
            phrase="Trước ngày 31/5/2021",
            said=date(2021, 5, 31),
        ),
        "due 30/06/2021 disagrees with the phrase 'Trước ngày 31/5/2021' (31/05/2021); correct one of them "
        "or drop the explicit date",
    ),
    (
        "mismatch with no date",
        P("deadline-mismatch", field="due", day=date(2021, 6, 30), phrase="Thường xuyên", said=None),
        "due 30/06/2021 disagrees with the phrase 'Thường xuyên' (no date); correct one of them or drop the "
        "explicit date",
    ),
    (
        "unknown ID",
        P("unknown-id", id="task:9", suggestions=()),
        "no item has the ID 'task:9' (tthc list shows every ID)",
    ),
    (
        "unknown ID with near ones",
        P("unknown-id", id="task:9", suggestions=("task:8", "task:10")),
        "no item has the ID 'task:9'; did you mean task:8, task:10?",
    ),
    (
        "unknown share with near ones",
        P("unknown-id", "obligation", item="duty:IV.2", key="duty:IV.2/x", suggestions=("duty:IV.2/y",)),
        "duty:IV.2 has no obligation 'duty:IV.2/x'; did you mean duty:IV.2/y?",
    ),
    (
        "unknown share with the way to address one",
        P(
            "unknown-id",
            "obligation",
            item="duty:IV.2",
            key="duty:IV.2/x",
            suggestions=(),
            unit="Sở Y tế",
            units=28,
            periods=(),
            example="duty:IV.2/so-y-te",
            hint="unit",
        ),
        "duty:IV.2 has no obligation 'duty:IV.2/x' (duty:IV.2 binds each unit separately: record progress "
        "for a unit (--unit / `unit:`, e.g. 'Sở Y tế'; 28 units), e.g. duty:IV.2/so-y-te)",
    ),
    (
        "unknown share of an item without shares",
        P("unknown-id", "obligation", item="task:3", key="task:3/x", suggestions=()),
        "task:3 has no obligation 'task:3/x'",
    ),
    (
        "a recurring item's address, five periods",
        P(
            "obligation-address",
            "period",
            item="task:3",
            unit=None,
            units=0,
            periods=("2022-M01", "2022-M02", "2022-M03", "2022-M04", "2022-M05"),
            example="task:3/2022-M01",
        ),
        "task:3 recurs: record progress for a period (--period / `period:`: 2022-M01, 2022-M02, 2022-M03, "
        "2022-M04 …), e.g. task:3/2022-M01",
    ),
    (
        "a recurring item's address, four periods",
        P(
            "obligation-address",
            "period",
            item="task:3",
            periods=("Q1", "Q2", "Q3", "Q4"),
            example="task:3/Q1",
        ),
        "task:3 recurs: record progress for a period (--period / `period:`: Q1, Q2, Q3, Q4), e.g. task:3/Q1",
    ),
    (
        "a unit's and period's address",
        P(
            "obligation-address",
            "unit",
            item="task:5",
            unit="Sở Tư pháp",
            units=16,
            periods=("2023-Q1",),
            example="task:5/so-tu-phap/2023-Q1",
        ),
        "task:5 binds each unit separately: record progress for a unit (--unit / `unit:`, e.g. 'Sở Tư pháp'; "
        "16 units) and a period (--period / `period:`: 2023-Q1), e.g. task:5/so-tu-phap/2023-Q1",
    ),
    (
        "unknown period",
        P("unknown-period", item="task:3", period="2022-M13", periods=("2022-M01", "2022-M02")),
        "task:3 has no period '2022-M13'; its periods: month 1/2022, month 2/2022",  # as tables print them
    ),
    (
        "a unit part matching several units",
        P("unknown-id", "unit", name="Mục IV.2 – Sở", units=("Sở Y tế", "Sở Tư pháp"), suggestions=()),
        "'Mục IV.2 – Sở': the unit matches several units: Sở Y tế; Sở Tư pháp. Type more of the name.",
    ),
    (
        "a unit part matching none, with near names",
        P("unknown-id", "unit", name="Mục IV.2 – Sở Y tê", units=(), suggestions=("Sở Y tế",)),
        "'Mục IV.2 – Sở Y tê': no unit or group is called so; Did you mean: Sở Y tế?",
    ),
    (
        "a unit part matching none and nothing near",
        P("unknown-id", "unit", name="Mục IV.2 – Bộ Quốc phòng", units=(), suggestions=()),
        "'Mục IV.2 – Bộ Quốc phòng': no unit or group is called so ('tthc units' lists every name.)",
    ),
    (
        "unknown period, none",
        P("unknown-period", item="task:3", period="x", periods=()),
        "task:3 has no period 'x'; its periods: —",
    ),
    (
        "unknown unit or group",
        P("unknown-unit", name="Sở Y tê", suggestions=("Sở Y tế", "Sở Tư pháp")),
        "'Sở Y tê' is not a registered unit or group in units.yaml; did you mean 'Sở Y tế', 'Sở Tư pháp'? "
        "(or add it there as a name or alias)",
    ),
    (
        "unknown unit",
        P("unknown-unit", "unit", name="Sở X", suggestions=()),
        "'Sở X' is not a registered unit in units.yaml (or add it there as a name or alias)",
    ),
    (
        "done with open parts, cut at five",
        P("done-with-open-parts", item="task:6", count=6, total=17, parts=INSPECTION_ROWS),
        "task:6 cannot be recorded done while 6 of its 17 parts are not: inspection:I.1, inspection:I.2, "
        "inspection:I.3, inspection:I.4, inspection:I.5 …; record each part first (an item with parts is "
        "done when they all are)",
    ),
    (
        "a unit's file named after no unit",
        P("unit-file", "unknown", slug="so-y-tee", suggestions=("so-y-te",)),
        "progress/so-y-tee.yaml names no registered unit: a unit's file is named after its ID part (tthc "
        "units; e.g. progress/so-y-te.yaml); did you mean 'so-y-te'?",
    ),
    (
        "an unknown counts column",
        P("counts-header", "unknown", name="tiep_nhan", suggestions=("tiep_nhan_tong",)),
        "'tiep_nhan' is not a column of the counts file; did you mean 'tiep_nhan_tong'?",
    ),
    (
        "an unknown counts column, nothing near",
        P("counts-header", "unknown", name="x", suggestions=()),
        "'x' is not a column of the counts file",
    ),
    (
        "an unknown unit in the counts",
        P("counts-unit", name="Sở X", suggestions=("Sở Y tế",)),
        "'Sở X' is not a registered unit in units.yaml; did you mean 'Sở Y tế'?",
    ),
    (
        "an unknown unit in the counts, nothing near",
        P("counts-unit", name="Sở X"),
        "'Sở X' is not a registered unit in units.yaml",
    ),
    (
        "an unknown counts field",
        P("counts-field", name="ho_tich", suggestions=("Hộ tịch",)),
        "the field 'ho_tich' is not among the plan's fields (Phụ lục I); did you mean 'Hộ tịch'?; "
        "kept as written",
    ),
    (
        "an unknown counts field, nothing near",
        P("counts-field", name="x"),
        "the field 'x' is not among the plan's fields (Phụ lục I); kept as written",
    ),
    (
        "counts that do not add up",
        P("counts-sum", "received", column="tiep_nhan_tong", total=10, parts=("a", "b"), added=9),
        "received: tiep_nhan_tong is 10, but its parts a + b add up to 9",
    ),
    (
        "counts of solved that do not add up",
        P("counts-sum", "solved", column="da_giai_quyet_tong", total=3, parts=("c",), added=2),
        "solved: da_giai_quyet_tong is 3, but its parts c add up to 2",
    ),
    (
        "missing counts columns",
        P("counts-header", "missing", columns=("a", "b")),
        "the columns a, b are missing from the header",
    ),
    (
        "a missing counts column",
        P("counts-header", "missing", columns="tiep_nhan"),
        "the columns tiep_nhan are missing from the header",
    ),
    (
        "someone else's form row",
        P("form-row", "not-unit", id="task:1", unit="Sở Y tế", owner="Sở Tư pháp"),
        "task:1 is not Sở Y tế's to report (it is Sở Tư pháp's); a form carries only its unit's rows: use "
        "that unit's form",
    ),
    (
        "a form row of no one's",
        P("form-row", "not-unit", id="task:1", unit="Sở Y tế"),
        "task:1 is not Sở Y tế's to report; a form carries only its unit's rows: use that unit's form",
    ),
]


@pytest.mark.parametrize(
    ("found", "said"), [(p, s) for _n, p, s in WORDINGS], ids=[n for n, _p, _s in WORDINGS]
)
def test_a_problem_is_worded(found: Problem, said: str) -> None:
    assert message(found) == said


def test_a_lookalike_letter_is_named_with_the_latin_letter_it_passes_for() -> None:
    for script, alphabet in (("greek", "a Greek letter"), ("cyrillic", "a Cyrillic letter")):
        wording = messages._lookalike(script)
        args = {"text": "Sở Υ tế", "char": "Υ", "unicode": "U+03A5", "position": 4}
        assert wording({**args, "latin": "Y"}) == (
            f"'Sở Υ tế' has 'Υ' (U+03A5) at position 4: {alphabet} that looks like the Latin 'Y'; type it "
            "again (two names that look the same would differ)"
        )
        assert wording({**args, "latin": ""}) == (
            f"'Sở Υ tế' has 'Υ' (U+03A5) at position 4: {alphabet} inside Latin text; type it again (two "
            "names that look the same would differ)"
        )


def test_a_wording_of_what_a_field_holds_shows_the_rest_as_written() -> None:
    wording = messages._found(N_("{found} is not valid here; write at most {limit} by {day}"))
    assert wording({"found": "text", "text": "9", "limit": 3, "day": date(2021, 6, 30)}) == (
        "'9' is not valid here; write at most 3 by 30/06/2021"
    )
    assert (
        wording({"found": "list", "limit": 3, "day": None}) == "a list is not valid here; write at most 3 by "
    )


def test_a_quoting_wording_quotes_texts_from_the_data_short_and_lists_the_forms() -> None:
    wording = messages._quoting(N_("'{phrase}' / '{rest}' / '{text}' / '{words}' ({day}): {forms}"))
    args = {name: name[0] * 70 for name in ("phrase", "rest", "text", "words")}
    said = wording({**args, "day": date(2021, 1, 2), "suggestions": ("a", "b")})
    assert said == "'" + "' / '".join(name[0] * 60 + "…" for name in args) + "' (02/01/2021): 'a', 'b'"
    assert messages._quoting(N_("{count}"))({"count": 4}) == "4"


def test_a_sum_wording_names_what_does_not_add_up() -> None:
    wording = messages._counts_sum(N_("pending"))
    assert wording({"column": "dang", "total": 5, "parts": ("x", 2), "added": 4}) == (
        "pending: dang is 5, but its parts x + 2 add up to 4"
    )


def test_why_a_name_did_not_match_is_said() -> None:
    slip = Lookup("so y tể ", suggestions=("Sở Y tế",), note=LookupNote.TONE_MARKS)
    assert messages.lookup_note(slip) == "'so y tể' differs from 'Sở Y tế' in its tone marks"
    assert (
        messages.lookup_note(Lookup("x", note=LookupNote.TONE_MARKS))
        == "'x' differs from '' in its tone marks"
    )
    province = Lookup(" Hải Dương ", note=LookupNote.PROVINCE_NAME, province="Hải Dương")
    assert messages.lookup_note(province) == (
        "'Hải Dương' is the province's own name; to mean a unit, add its type (e.g. 'TP Hải Dương')"
    )
    assert messages.lookup_note(Lookup("Hải Dương", note=LookupNote.PROVINCE_NAME)) == (
        "'Hải Dương' is the province's own name; to mean a unit, add its type (e.g. 'TP ')"
    )


def test_what_a_path_is_when_it_is_not_a_file() -> None:
    assert messages.not_regular("plan.yaml", FileKind.FOLDER) == "plan.yaml is a folder"
    assert [messages.file_kind_words(k) for k in (FileKind.SOCKET, FileKind.DEVICE, FileKind.OTHER)] == [
        "a socket",
        "a device",
        "a special file",
    ]


def test_params_are_shown_as_a_sentence_needs_them() -> None:
    assert messages.shown(None) == ""
    assert messages.shown(date(2021, 1, 2)) == "02/01/2021"
    assert messages.shown(("a", date(2021, 1, 2), ("b", "c"))) == "a; 02/01/2021; b; c"
    assert messages.shown(Role.SUPPORT) == "support"
    assert messages.shown(7) == "7"
    assert messages.quoted("so-y-te") == "'so-y-te'"
    assert messages.quoted(("x", "y")) == "'x', 'y'"
    assert messages.quote_text("a" * 60) == "a" * 60
    assert messages.quote_text("a" * 59 + "  b") == "a" * 59 + "…"  # cut, its trailing space dropped


def test_a_text_is_shown_whole_up_to_its_limit_and_cut_without_its_trailing_space_beyond() -> None:
    limit = messages.TEXT_SHOWN
    assert messages.shown("a" * limit) == "a" * limit
    assert messages.shown(" " + "a" * (limit - 2) + " b") == " " + "a" * (limit - 2) + "…"


def test_a_list_is_shown_whole_up_to_its_limit_and_beyond_says_how_many_more() -> None:
    limit = messages.LIST_SHOWN
    whole = tuple(str(n) for n in range(limit))
    assert messages.shown(whole) == "; ".join(whole)
    assert messages.shown((*whole, "x", "y")) == "; ".join(whole) + "; and 2 more"


def test_a_problems_wording_is_chosen_by_its_code_and_variant_else_its_code() -> None:
    assert messages.key_of(P("unknown-id", "heading")) == "unknown-id/heading"
    assert messages.key_of(P("unknown-id")) == "unknown-id"
    # A variant without a wording of its own falls back to the code's.
    assert message(P("duplicate-entry", "no-such-variant")) == "the same entry appears twice"


def test_a_problem_is_worded_in_vietnamese_by_default() -> None:
    i18n.activate("vi")
    assert (
        message(P("unknown-id", id="task:9", suggestions=()))
        == "không có việc nào mang mã 'task:9' (lệnh tthc list --ids cho biết mã của mọi việc)"
    )
    assert message(P("yaml-syntax", "indentation", line=5, have=1, want=4, like=3)).startswith("dòng 5 ")


def test_a_kind_of_report_is_said_in_words_and_its_phrase_quoted_short() -> None:
    wording = messages._kinded(N_("{item} asks for {period} reports ('{phrase}')"))
    long = "z" * 70
    assert wording({"item": "task:3.2", "period": "quarter", "phrase": long}) == (
        f"task:3.2 asks for quarterly reports ('{'z' * 60}…')"
    )
    assert (
        wording({"item": "task:3.2", "period": "ad_hoc", "phrase": "x"})
        == "task:3.2 asks for ad hoc reports ('x')"
    )
    assert message(P("reporting-no-report", item="duty:IV.2", period="half_year")) == (
        "duty:IV.2 asks for every six months reports, but reporting.yaml has no such report: they get no "
        "dates (add the report to the regime, or check the item's `periods`)"
    )
