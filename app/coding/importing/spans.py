"""Many (start, end) pairs in little memory."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload


class Spans(Sequence[tuple[int, int]]):
    """(start, end) pairs kept in one array of machine integers: a long transcript has
    hundreds of thousands of paragraphs, and a tuple of tuples of them took more memory
    than its text. Reads like a tuple of pairs (and compares equal to one)."""

    __slots__ = ("_flat",)

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self._flat = array("q")
        for start, end in pairs:
            self._flat.append(start)
            self._flat.append(end)

    def __len__(self) -> int:
        return len(self._flat) // 2

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[int, int], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | tuple[tuple[int, int], ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return (self._flat[2 * index], self._flat[2 * index + 1])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        pairs = iter(self._flat)
        return zip(pairs, pairs, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return self._flat == other._flat
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._flat.tobytes())

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"
