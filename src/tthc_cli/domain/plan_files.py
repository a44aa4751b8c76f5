"""The data files of a plan folder, declared once: plan.yaml and units.yaml (required),
progress.yaml (optional), appendix_<name>.yaml (any number); their names, their pattern, and which
entries of a folder listing are data files."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A plan folder holds plan.yaml and units.yaml (required), progress.yaml (optional: no progress yet)
# and any number of appendices, each appendix_<name>.yaml (none is fine).
PLAN, UNITS, PROGRESS = "plan.yaml", "units.yaml", "progress.yaml"
APPENDIX_PREFIX, APPENDIX_SUFFIX = "appendix_", ".yaml"
REQUIRED_FILES = (PLAN, UNITS)
_APPENDIX_NAME = r"[a-z][a-z0-9_]*"  # appendix_<name>.yaml: lower-case letters, digits and _
_APPENDIX_FILE = re.compile(rf"^appendix_({_APPENDIX_NAME})\.yaml$")
# Every file name tthc reads, as a pattern (the pre-commit hook and editors use it).
DATA_FILE_PATTERN = rf"(plan|units|progress|appendix_{_APPENDIX_NAME})\.yaml"


def appendix_name(file_name: str) -> str | None:
    """'appendix_review.yaml' -> 'review'; None for any other file."""
    m = _APPENDIX_FILE.match(file_name)
    return m[1] if m else None


def appendix_file(name: str) -> str:
    return f"{APPENDIX_PREFIX}{name}{APPENDIX_SUFFIX}"


def data_file_names(listing: Iterable[str]) -> list[str]:
    """The data files of a folder whose entries are `listing`: the fixed files (present or not, so a
    missing required one is reported), then every appendix file, in name order."""
    appendices = sorted(n for n in listing if appendix_name(n))
    return [PLAN, UNITS, PROGRESS, *appendices]


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
    return file_name in (PLAN, UNITS, PROGRESS) or appendix_name(file_name) is not None
