"""The core runs without Qt: importing it must not pull PySide6 in."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, app.coding, app.models\n"
        "for pkg in (app.coding, app.models):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in m.name:\n"
        "            importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"core imported Qt modules: {out}"
