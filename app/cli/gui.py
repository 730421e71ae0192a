"""Opening the graphical interface from the command line (imported lazily: Qt is heavy)."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from app.cli.catalogue import CliError


def load_gui() -> ModuleType | None:
    """``app.main`` if the GUI can be imported, else None."""
    try:
        return importlib.import_module("app.main")
    except ImportError:
        return None


def open_gui(project: Path | str | None = None) -> int:
    """Run the GUI (on ``project`` if given) and return its exit status.

    The GUI entry point is ``app.main.main(argv: list[str]) -> int``.
    """
    module = load_gui()
    if module is None or not hasattr(module, "main"):
        raise CliError("the graphical interface is not available; see `telaah --help`")
    status = module.main([str(project)] if project is not None else [])
    return int(status or 0)
