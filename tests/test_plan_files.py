"""Which entries of a plan folder are its data files, in which order they are read, and which look
meant as data files but would not be read (so their content does not vanish without a word)."""

from __future__ import annotations

import re

import pytest

from tthc_cli.domain.plan_files import (
    DATA_FILE_PATTERN,
    appendix_file,
    appendix_name,
    data_file_names,
    is_data_file,
    is_progress_file,
    misnamed_appendices,
    misnamed_progress_files,
    unit_progress_file,
    unit_progress_slug,
)


def test_the_fixed_files_come_first_then_appendices_then_unit_logs_each_in_name_order() -> None:
    listing = ["units.yaml", "appendix_review.yaml", "README.md", "appendix_inspection.yaml", "plan.yaml"]
    progress = ["so-y-te.yaml", "notes.txt", "Sở Nội vụ.yaml", "so-noi-vu.yaml", "so-y-te.yml"]
    assert data_file_names(listing, progress) == [
        "plan.yaml",
        "units.yaml",
        "progress.yaml",
        "reporting.yaml",
        "appendix_inspection.yaml",
        "appendix_review.yaml",
        "progress/so-noi-vu.yaml",
        "progress/so-y-te.yaml",
    ]


def test_a_folder_without_files_still_names_the_fixed_ones_so_a_missing_one_is_reported() -> None:
    assert data_file_names([]) == ["plan.yaml", "units.yaml", "progress.yaml", "reporting.yaml"]


@pytest.mark.parametrize(
    ("name", "appendix"),
    [
        ("appendix_review.yaml", "review"),
        ("appendix_inspection_2.yaml", "inspection_2"),
        ("appendix_Review.yaml", None),
        ("appendix_2x.yaml", None),
        ("appendix_review.yml", None),
        ("appendix-review.yaml", None),
        ("plan.yaml", None),
    ],
)
def test_an_appendix_file_is_named_appendix_then_lower_case_letters(name: str, appendix: str | None) -> None:
    assert appendix_name(name) == appendix
    if appendix is not None:
        assert appendix_file(appendix) == name


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("progress/so-y-te.yaml", "so-y-te"),
        ("progress/ubnd-huyen-gia-loc.yaml", "ubnd-huyen-gia-loc"),
        ("progress/So-Y-Te.yaml", None),
        ("progress/so--y-te.yaml", None),
        ("progress/so-y-te.yml", None),
        ("so-y-te.yaml", None),
        ("progress/sub/so-y-te.yaml", None),
    ],
)
def test_a_units_log_is_its_slug_under_progress(name: str, slug: str | None) -> None:
    assert unit_progress_slug(name) == slug
    if slug is not None:
        assert unit_progress_file(slug) == name


@pytest.mark.parametrize(
    ("name", "progress"),
    [
        ("progress.yaml", True),
        ("progress/so-y-te.yaml", True),
        ("plan.yaml", False),
        ("reporting.yaml", False),
        ("appendix_review.yaml", False),
        ("progress/Sở Y tế.yaml", False),
        ("progress", False),
    ],
)
def test_the_log_is_read_from_progress_yaml_and_each_units_file(name: str, progress: bool) -> None:
    assert is_progress_file(name) is progress


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plan.yaml", True),
        ("units.yaml", True),
        ("progress.yaml", True),
        ("reporting.yaml", True),
        ("appendix_review.yaml", True),
        ("progress/so-y-te.yaml", True),
        ("Plan.yaml", False),
        ("plan.yml", False),
        ("appendix_Rà Soát.yaml", False),
        ("progress/So-Y-Te.yaml", False),
        ("notes.yaml", False),
    ],
)
def test_a_data_file_is_one_tthc_reads_and_the_hooks_pattern_says_the_same(name: str, data: bool) -> None:
    assert is_data_file(name) is data
    assert (re.fullmatch(DATA_FILE_PATTERN, name) is not None) is data


def test_a_file_in_progress_that_looks_like_a_units_log_but_is_not_read_is_named() -> None:
    listing = ["so-y-te.yaml", "Sở Y tế.yaml", "so-noi-vu.yml", "So-Y-Te.yaml", "SO-TU-PHAP.YML", "README.md"]
    assert misnamed_progress_files(listing) == [
        "progress/SO-TU-PHAP.YML",
        "progress/So-Y-Te.yaml",
        "progress/Sở Y tế.yaml",
        "progress/so-noi-vu.yml",
    ]


def test_a_file_that_looks_like_an_appendix_but_is_not_read_is_named() -> None:
    listing = [
        "appendix_review.yaml",
        "appendix_Rà Soát.yaml",
        "appendix_x.yml",
        "appendix-review.yaml",
        "phu_luc_1.yaml",
        "Phu-Luc-2.YAML",
        "phuluc.yaml",
        "appendix_notes.txt",
        "plan.yaml",
    ]
    assert misnamed_appendices(listing) == [
        "Phu-Luc-2.YAML",
        "appendix-review.yaml",
        "appendix_Rà Soát.yaml",
        "appendix_x.yml",
        "phu_luc_1.yaml",
    ]
