"""Language switches keep the docks as the user left them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget


def _sizes(win) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {
        d.objectName(): (d.width(), d.height())
        for d in win.findChildren(QDockWidget)
        if d.isVisible()
    }


@pytest.mark.parametrize("size", [(1440, 900), (1280, 720)])
def test_language_switches_keep_the_dock_sizes(window, qtbot, size) -> None:  # type: ignore[no-untyped-def]
    window.resize(*size)
    qtbot.wait(200)
    before = _sizes(window)
    for name in ("actionLanguageIndonesian", "actionLanguageEnglish") * 2:
        window.find_action(name).trigger()
        qtbot.wait(300)
    after = _sizes(window)
    assert after.keys() == before.keys()
    for key, (width, height) in before.items():
        w, h = after[key]
        assert abs(w - width) <= 2 and abs(h - height) <= 2, (key, before[key], after[key])
