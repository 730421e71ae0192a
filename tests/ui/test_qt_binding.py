"""Guard against a Qt binding that leaks references to None (PySide6 6.12.0 on 3.11).

With that binding every call of a Qt method returning nothing drops a reference to None;
after a few thousand paint calls CPython aborts with ``none_dealloc``, i.e. the app dies
while the researcher scrolls a transcript. From Python 3.12 None is immortal (PEP 683): its
count is a constant, such a leak can no longer crash and this test could not fail, so it runs
only where it means something.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRect


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)"
)
def test_void_qt_calls_keep_none_alive() -> None:
    rect = QRect(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setWidth(2)
    assert sys.getrefcount(None) - before > -10
