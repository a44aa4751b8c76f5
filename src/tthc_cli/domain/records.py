"""A base for small value classes on the query path.

`dataclasses` imports `inspect`, which costs more at start-up (~12 ms here) than answering a query
from the compiled plan; these classes spell out their `__init__` instead and get equality and a
readable repr from their `__slots__`. They are treated as immutable.
"""

from __future__ import annotations

import contextlib
import gc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Record:
    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        body = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({body})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]  # mutable in principle: never a dict key


@contextlib.contextmanager
def many_records() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a plan's records are made (parsing the files,
    or reading the compiled cache): millions of objects that form no cycles, and the collector's
    repeated full passes over them cost ~3/4 of a large validation (100k items: 19.7 s -> 4.3 s).
    Restored afterwards, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
