"""Every interface string has an Indonesian translation, and the compiled file is current."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

I18N = Path(__file__).resolve().parents[2] / "app" / "ui" / "i18n"


def test_indonesian_translation_is_complete_and_compiled() -> None:
    root = ET.parse(I18N / "telaah_id.ts").getroot()
    unfinished = [
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not "".join(msg.find("translation").itertext()).strip()  # type: ignore[union-attr]
    ]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load(str(I18N / "telaah_id.qm"))
    # The .qm holds what the .ts says (i.e. it was compiled after the last edit).
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            if msg.get("numerus") == "yes":
                continue
            source = msg.findtext("source") or ""
            expected = "".join(msg.find("translation").itertext())  # type: ignore[union-attr]
            assert translator.translate(name, source) == expected, (name, source)
