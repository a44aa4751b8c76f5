"""The one-stop system's dossier counts for a reporting period — the numbers of the forms Biểu số 06 and
II.06a/VPCP/KSTT (Thông tư 01/2020/TT-VPCP) — as values, and the arithmetic every row must satisfy.
tthc never computes these numbers: it imports them (data/counts.py reads the CSV) and checks that
each row adds up before laying it into the report's table."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tthc_cli.domain.problems import Problem, problem

# The columns of the form, in its order (the headings the one-stop front-ends render for Biểu số 06;
# present/periodic.py words them). Each is a CSV header code.
RECEIVED_TOTAL = "tiep_nhan_tong"  # Số hồ sơ nhận giải quyết: Tổng số (col. 3)
RECEIVED_ONLINE = "tiep_nhan_truc_tuyen"  # Trong đó: Trực tuyến (col. 4)
RECEIVED_IN_PERSON = "tiep_nhan_truc_tiep"  # Trực tiếp, dịch vụ bưu chính (col. 5)
CARRIED_OVER = "tiep_nhan_ky_truoc"  # Từ kỳ trước (col. 6)
SOLVED_TOTAL = "da_giai_quyet_tong"  # Số hồ sơ đã giải quyết: Tổng số (col. 7)
SOLVED_EARLY = "da_giai_quyet_truoc_han"  # Trước hạn (col. 8)
SOLVED_ON_TIME = "da_giai_quyet_dung_han"  # Đúng hạn (col. 9)
SOLVED_LATE = "da_giai_quyet_qua_han"  # Quá hạn (col. 10)
PENDING_TOTAL = "dang_giai_quyet_tong"  # Số hồ sơ đang giải quyết: Tổng số (col. 11)
PENDING_IN_TIME = "dang_giai_quyet_trong_han"  # Trong hạn (col. 12)
PENDING_OVERDUE = "dang_giai_quyet_qua_han"  # Quá hạn (col. 13)

NUMBER_COLUMNS = (
    RECEIVED_TOTAL,
    RECEIVED_ONLINE,
    RECEIVED_IN_PERSON,
    CARRIED_OVER,
    SOLVED_TOTAL,
    SOLVED_EARLY,
    SOLVED_ON_TIME,
    SOLVED_LATE,
    PENDING_TOTAL,
    PENDING_IN_TIME,
    PENDING_OVERDUE,
)

# What a row is about: a unit (II.06a lists units), a level (Biểu số 06 groups its rows by level) and
# a field (lĩnh vực). A row names at least one of them.
UNIT = "don_vi"
LEVEL = "cap"
FIELD = "linh_vuc"
LABEL_COLUMNS = (UNIT, LEVEL, FIELD)
COLUMNS = (*LABEL_COLUMNS, *NUMBER_COLUMNS)

MAX_COUNT = 10**9  # more dossiers than that in one cell is a typing slip, not a province

# The form's identities, each a total and its parts (col. 3 = 4 + 5 + 6; 7 = 8 + 9 + 10; 11 = 12 + 13).
PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("received", RECEIVED_TOTAL, (RECEIVED_ONLINE, RECEIVED_IN_PERSON, CARRIED_OVER)),
    ("solved", SOLVED_TOTAL, (SOLVED_EARLY, SOLVED_ON_TIME, SOLVED_LATE)),
    ("pending", PENDING_TOTAL, (PENDING_IN_TIME, PENDING_OVERDUE)),
)


class Level(StrEnum):
    """The levels Biểu số 06 groups its rows by: sở, ban, ngành (province), district, commune."""

    PROVINCE = "tinh"
    DISTRICT = "huyen"
    COMMUNE = "xa"


@dataclass(frozen=True, slots=True, kw_only=True)
class CountsRow:
    """One row of the form as the CSV gives it, at `line` of its file: what it is about (a registered
    unit's canonical name, a level, a field as written) and the eleven numbers, by column code."""

    line: int
    unit: str | None = None
    level: Level | None = None
    field: str | None = None
    numbers: tuple[tuple[str, int], ...] = ()

    def __getitem__(self, column: str) -> int:
        return dict(self.numbers)[column]

    @property
    def values(self) -> tuple[int, ...]:
        """The numbers in the form's column order."""
        found = dict(self.numbers)
        return tuple(found[c] for c in NUMBER_COLUMNS)


@dataclass(frozen=True, slots=True)
class CountsTable:
    """The imported form: its rows in the file's order, and the file they came from (as named)."""

    source: str
    rows: tuple[CountsRow, ...]
    has_unit: bool = False
    has_level: bool = False
    has_field: bool = False


def arithmetic_problems(numbers: dict[str, int]) -> list[Problem]:
    """What does not add up in one row: each total against its parts, then the balance — what was
    to be solved (carried over + newly received = the received total, col. 3) equals what was solved
    plus what is still pending (col. 7 + col. 11). The balance is how both renderings of the form
    read (a dossier withdrawn or returned counts as solved); it is not printed on the form itself."""
    found = []
    for name, total, parts in PARTS:
        added = sum(numbers[p] for p in parts)
        if numbers[total] != added:
            found.append(
                problem(
                    "counts-sum",
                    name,
                    column=total,
                    total=numbers[total],
                    parts=tuple(parts),
                    added=added,
                ).at("", (total,))
            )
    closed = numbers[SOLVED_TOTAL] + numbers[PENDING_TOTAL]
    if numbers[RECEIVED_TOTAL] != closed:
        found.append(
            problem(
                "counts-balance",
                received=numbers[RECEIVED_TOTAL],
                carried=numbers[CARRIED_OVER],
                solved=numbers[SOLVED_TOTAL],
                pending=numbers[PENDING_TOTAL],
                closed=closed,
            )
        )
    return found
