"""The data files of a plan folder, declared once: plan.yaml and units.yaml (required),
progress.yaml and reporting.yaml (optional), appendix_<name>.yaml (any number), and — for offices
whose units report through a forge — one progress log per unit, progress/<unit-slug>.yaml (optional);
their names, their pattern, and which entries of a folder listing are data files."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A plan folder holds plan.yaml and units.yaml (required), progress.yaml (optional: no progress yet),
# reporting.yaml (optional: the periodic reporting regime; without it, no reporting anywhere) and any
# number of appendices, each appendix_<name>.yaml (none is fine).
PLAN, UNITS, PROGRESS, REPORTING = "plan.yaml", "units.yaml", "progress.yaml", "reporting.yaml"
APPENDIX_PREFIX, APPENDIX_SUFFIX = "appendix_", ".yaml"
REQUIRED_FILES = (PLAN, UNITS)
_APPENDIX_NAME = r"[a-z][a-z0-9_]*"  # appendix_<name>.yaml: lower-case letters, digits and _
_APPENDIX_FILE = re.compile(rf"^appendix_({_APPENDIX_NAME})\.yaml$")
# The per-unit layout: progress/<slug>.yaml, the slug being the unit's part of an obligation's ID
# (item_ids.unit_slug: 'Sở Y tế' -> 'so-y-te'). A folder uses the layout when progress/ exists.
PROGRESS_DIR = "progress"
SMTP_FILE = "smtp.yaml"  # the SMTP settings of `tthc remind --send` (never the password)
SCHEMAS_DIR = "schemas"  # the JSON Schemas the files' editor modelines point to (`tthc schema`)
_UNIT_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_UNIT_PROGRESS_FILE = re.compile(rf"^{PROGRESS_DIR}/({_UNIT_SLUG})\.yaml$")
# Every file name tthc reads, as a pattern (the pre-commit hook and editors use it).
DATA_FILE_PATTERN = (
    rf"(plan|units|progress|reporting|appendix_{_APPENDIX_NAME}|{PROGRESS_DIR}/{_UNIT_SLUG})\.yaml"
)


def appendix_name(file_name: str) -> str | None:
    """'appendix_review.yaml' -> 'review'; None for any other file."""
    m = _APPENDIX_FILE.match(file_name)
    return m[1] if m else None


def appendix_file(name: str) -> str:
    return f"{APPENDIX_PREFIX}{name}{APPENDIX_SUFFIX}"


def data_file_names(listing: Iterable[str], progress_listing: Iterable[str] = ()) -> list[str]:
    """The data files of a folder whose entries are `listing` (and whose progress/ folder's entries
    are `progress_listing`): the fixed files (present or not, so a missing required one is
    reported), then every appendix file, then every unit's progress file, in name order."""
    appendices = sorted(n for n in listing if appendix_name(n))
    units = sorted(
        f"{PROGRESS_DIR}/{n}" for n in progress_listing if unit_progress_slug(f"{PROGRESS_DIR}/{n}")
    )
    return [PLAN, UNITS, PROGRESS, REPORTING, *appendices, *units]


def unit_progress_slug(file_name: str) -> str | None:
    """'progress/so-y-te.yaml' -> 'so-y-te'; None for any other file."""
    m = _UNIT_PROGRESS_FILE.match(file_name)
    return m[1] if m else None


def unit_progress_file(slug: str) -> str:
    """The progress file of the unit whose slug is `slug`: 'so-y-te' -> 'progress/so-y-te.yaml'."""
    return f"{PROGRESS_DIR}/{slug}.yaml"


def is_progress_file(file_name: str) -> bool:
    """progress.yaml, or one unit's progress/<slug>.yaml: the files the log is read from."""
    return file_name == PROGRESS or unit_progress_slug(file_name) is not None


def misnamed_progress_files(progress_listing: Iterable[str]) -> list[str]:
    """Files in progress/ that look meant as a unit's log but that tthc would not read
    ('Sở Y tế.yaml', 'so-y-te.yml', 'So-Y-Te.yaml'): their entries would vanish without a word."""
    return sorted(
        f"{PROGRESS_DIR}/{n}"
        for n in progress_listing
        if n.lower().endswith((".yaml", ".yml")) and unit_progress_slug(f"{PROGRESS_DIR}/{n}") is None
    )


def misnamed_appendices(listing: Iterable[str]) -> list[str]:
    """Files that look meant as appendices but that tthc would not read ('appendix_Rà Soát.yaml',
    'appendix_x.yml', 'appendix-review.yaml'): their rows would vanish without a word."""
    return sorted(
        n
        for n in listing
        if n.lower().startswith(("appendix", "phu_luc", "phu-luc"))
        and n.lower().endswith((".yaml", ".yml"))
        and appendix_name(n) is None
    )


def is_data_file(file_name: str) -> bool:
    """A name (relative to the plan folder) tthc reads: 'plan.yaml', 'appendix_review.yaml',
    'progress/so-y-te.yaml'."""
    return (
        file_name in (PLAN, UNITS, PROGRESS, REPORTING)
        or appendix_name(file_name) is not None
        or unit_progress_slug(file_name) is not None
    )
