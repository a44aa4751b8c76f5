#!/usr/bin/env python3
"""A git merge driver for the message catalogues (.po): two branches that each added messages merge
without a conflict. The result holds every message of both sides; where both translated one message
differently, the side that changed it from the common ancestor wins (ours when both did). Register it
once per clone (the messages are sorted, so a plain text merge conflicts whenever two branches add
neighbouring messages):

    git config merge.po.driver "python3 scripts/po_merge.py %O %A %B"

.gitattributes names the driver for *.po; afterwards run scripts/catalogue.sh to recompile tthc.mo.
"""

from __future__ import annotations

import sys

from babel.messages.pofile import read_po, write_po


def _read(path: str):  # type: ignore[no-untyped-def]
    with open(path, "rb") as handle:
        return read_po(handle)


def main(base_path: str, ours_path: str, theirs_path: str) -> int:
    base, ours, theirs = _read(base_path), _read(ours_path), _read(theirs_path)
    for message in theirs:
        if not message.id:
            continue
        mine = ours.get(message.id, message.context)
        if mine is None:
            ours[message.id] = message
            continue
        old = base.get(message.id, message.context)
        if message.string and (not mine.string or (old is not None and mine.string == old.string)):
            mine.string = message.string
    with open(ours_path, "wb") as handle:
        write_po(handle, ours, sort_output=True, omit_header=False, no_location=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
