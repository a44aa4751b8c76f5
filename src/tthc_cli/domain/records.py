"""A base for small value classes on the query path.

`dataclasses` imports `inspect`, which costs more at start-up (~12 ms here) than answering a query
from the compiled plan; these classes spell out their `__init__` instead and get equality and a
readable repr from their `__slots__`. They are treated as immutable.
"""

from __future__ import annotations


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
