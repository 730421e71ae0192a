"""User patterns (search, auto-coding) that cannot hang the application.

Patterns are Python regular expressions, compiled with the ``regex`` package (the same
syntax as :mod:`re`, V0 mode) because it can stop a match after a time budget without signals
or threads: a pattern that backtracks catastrophically (``(a|aa)+!x``) raises
:class:`PatternTooSlow` instead of running for minutes. Before compiling, a pattern is checked
for length and for how far its fixed repetitions unfold (``regex`` unfolds ``(?:a{1000}){1000}``
into a million steps at compile time), so compiling is bounded too.

Every failure is an :class:`~app.coding.errors.InvalidValue` (``field="pattern"``) or a
:class:`PatternTooSlow`; nothing else escapes (no ``OverflowError``, no ``RecursionError``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from app.coding.errors import InvalidValue, TelaahError

#: Longest pattern accepted (characters).
MAX_PATTERN_LENGTH = 1000
#: How far fixed repetitions may unfold (``(?:ab){n}`` counts 2·n) before compiling is refused.
MAX_UNFOLDED = 100_000
#: Deepest nesting of groups.
MAX_NESTING = 100
#: Matching time allowed per document: a base plus so much per million characters.
BASE_SECONDS = 2.0
SECONDS_PER_MILLION = 2.0


class PatternTooSlow(TelaahError):
    """Matching ``pattern`` took longer than its time budget; it was stopped, nothing changed."""

    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(f"pattern too slow: simplify it ({seconds:.1f} s budget)")
        self.pattern = pattern
        self.seconds = seconds


def _count_after(pattern: str, i: int) -> tuple[int, int] | None:
    """``(minimum count, index after the quantifier)`` for a ``{m}``/``{m,n}`` at ``i``."""
    close = pattern.find("}", i)
    if close < 0:
        return None
    body = pattern[i + 1 : close]
    low = body.split(",", 1)[0].strip()
    if not body or not (low.isdigit() or (low == "" and "," in body)):
        return None
    if any(not part.strip().isdigit() for part in body.split(",") if part.strip()):
        return None
    # Ten digits are already far past any limit: no int() of a thousand-digit number.
    return (int(low) if len(low) < 10 else 10**10) if low else 0, close + 1


def _class_end(pattern: str, i: int) -> int:
    """Index after the character class opening at ``pattern[i] == "["``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def unfolded_size(pattern: str) -> int:
    """An upper estimate of how many steps the fixed repetitions of ``pattern`` unfold into.

    Raises ``InvalidValue`` for nesting deeper than :data:`MAX_NESTING`.
    """
    stack: list[int] = [0]
    last = 0  # size of the atom a quantifier would apply to
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            last, i = 1, i + 2
        elif char == "[":
            last, i = 1, _class_end(pattern, i)
        elif char == "(":
            stack.append(0)
            if len(stack) > MAX_NESTING:
                raise InvalidValue("pattern", pattern, "too deeply nested")
            last, i = 0, i + 1
        elif char == ")":
            last = stack.pop() if len(stack) > 1 else 0
            i += 1
        elif char == "{" and (count := _count_after(pattern, i)) is not None:
            minimum, i = count
            grown = last * max(minimum, 1)
            stack[-1] += grown - last
            last = grown
            continue
        else:
            last = 0 if char in "|*+?" else 1
            i += 1
        stack[-1] += last
    return sum(stack)


@dataclass(frozen=True)
class Pattern:
    """A compiled, checked user pattern."""

    source: str
    compiled: Any  # regex.Pattern[str] (the regex package ships no type information)

    def finditer(self, text: str, *, budget: float | None = None) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of every non-empty match in ``text``, within a time budget.

        Raises :class:`PatternTooSlow` when matching this text takes longer than ``budget``
        seconds (default: :func:`budget_for` the text's length).
        """
        seconds = budget_for(len(text)) if budget is None else budget
        try:
            for match in self.compiled.finditer(text, timeout=seconds):
                start, end = match.span()
                if end > start:
                    yield start, end
        except TimeoutError as exc:
            raise PatternTooSlow(self.source, seconds) from exc


def budget_for(length: int) -> float:
    """Seconds a pattern may take over a text of ``length`` characters."""
    return BASE_SECONDS + SECONDS_PER_MILLION * length / 1_000_000


def compile_pattern(pattern: str, *, ignore_case: bool = True, field: str = "pattern") -> Pattern:
    """Check and compile a user's pattern; every problem is ``InvalidValue(field, …)``."""
    if not pattern:
        raise InvalidValue(field, pattern, "empty")
    if len(pattern) > MAX_PATTERN_LENGTH:
        detail = f"longer than {MAX_PATTERN_LENGTH} characters"
        raise InvalidValue(field, pattern[:40] + "…", detail)
    if unfolded_size(pattern) > MAX_UNFOLDED:
        raise InvalidValue(field, pattern, "repetition count too large")
    flags = regex.V0 | regex.UNICODE | (regex.IGNORECASE if ignore_case else 0)
    try:
        compiled = regex.compile(pattern, flags)
    except (regex.error, OverflowError, RecursionError, ValueError, MemoryError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidValue(field, pattern, detail) from exc
    return Pattern(pattern, compiled)


def literal(text: str) -> str:
    """A pattern matching ``text`` literally."""
    return str(regex.escape(text))
