"""Guard against a Qt binding that leaks references to None (PySide6 6.12.0 on 3.11).

With that binding every call of a Qt method returning nothing drops a reference to None;
after a few thousand paint calls CPython aborts with ``none_dealloc``, i.e. the app dies
while the researcher scrolls a transcript.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect


def test_void_qt_calls_keep_none_alive() -> None:
    rect = QRect(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setWidth(2)
    assert sys.getrefcount(None) - before > -10
