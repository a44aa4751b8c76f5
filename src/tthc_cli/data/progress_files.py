"""The progress log read from its files — progress.yaml and, in the per-unit layout, each unit's
progress/<slug>.yaml — as one log: merged in date order (each file's own order kept), every entry
remembering the file and the place it was read from, so a problem is shown at its own line."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from tthc_cli.data.models import ProgressEntry
from tthc_cli.domain.plan_files import PROGRESS

# On the same day, across files: started before a note, a note before done, done before reopened, so
# a unit's "started" and the office's "done" of one day read in the order they happened.
_RANK = {"started": 0, "note": 1, "done": 2, "reopened": 3}

At = tuple[str, int]  # (data file name, index of the entry in that file's `entries`)


def merged_log(
    logs: Sequence[tuple[str, Sequence[ProgressEntry]]],
) -> tuple[tuple[ProgressEntry, ...], tuple[At, ...]]:
    """The entries of every log file as one log, and where each was read from. One file is read in
    its own order (its order is what `out-of-order` judges); several are merged by date, then kind of
    entry, then file (progress.yaml first), each file's own order kept — a unit's log and the office's
    interleave as the days went."""
    if len(logs) == 1:
        name, entries = logs[0]
        return tuple(entries), tuple((name, i) for i in range(len(entries)))
    ordered = sorted(logs, key=lambda pair: (pair[0] != PROGRESS, pair[0]))
    streams = [
        [(e.date, _RANK.get(e.status, 1), k, i, name, e) for i, e in enumerate(entries)]
        for k, (name, entries) in enumerate(ordered)
    ]
    merged = list(heapq.merge(*streams, key=lambda t: t[:4]))
    return tuple(t[5] for t in merged), tuple((t[4], t[3]) for t in merged)
