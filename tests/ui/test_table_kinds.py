"""Matrix cell kinds and table layouts are declared once (app.coding.exports.table_kinds):
the command line's choices, the analysis window's cell list and the export dialog's layout
list are exactly the registries, in their order, and every label is translated."""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from coding._analysis_study import build_study

from app.cli import build_parser
from app.coding.exports import matrix as matrix_export
from app.coding.exports.catalogue import ExportKind
from app.coding.exports.table_kinds import (
    CELL_KINDS,
    CELL_LABEL_CONTEXT,
    LAYOUT_LABEL_CONTEXT,
    LAYOUTS,
    CellKind,
)
from app.models.project import Project
from app.ui.analysis import AnalysisWindow
from app.ui.context import ProjectContext

TS = Path(__file__).resolve().parents[2] / "app" / "ui" / "i18n" / "telaah_id.ts"


def _choices(parser: argparse.ArgumentParser, *path: str) -> dict[str, tuple[str, ...]]:
    """The choices of every option of the sub-command at ``path``."""
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return {a.dest: tuple(a.choices) for a in parser._actions if a.choices and a.dest != "kind"}


def test_the_command_line_offers_exactly_the_registries() -> None:
    choices = _choices(build_parser(), "export", "matrix")
    assert choices["cells"] == tuple(spec.kind.value for spec in CELL_KINDS)
    assert choices["layout"] == tuple(spec.layout.value for spec in LAYOUTS)


def test_every_declared_cell_kind_has_its_writers() -> None:
    assert list(matrix_export._WRITERS) == [spec.kind for spec in CELL_KINDS] == list(CellKind)


def test_every_label_is_translated() -> None:
    root = ET.parse(TS).getroot()
    translated = {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }
    labels = [(CELL_LABEL_CONTEXT, s.label) for s in CELL_KINDS]
    labels += [(LAYOUT_LABEL_CONTEXT, s.label) for s in LAYOUTS]
    assert [label for label in labels if label not in translated] == []


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_window_lists_are_the_registries(qtbot, project: Project, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    build_study(project)
    apply_language(language)
    try:
        win = AnalysisWindow(ProjectContext(project))
        qtbot.addWidget(win)
        win.show()
        cells = win.cells_combo
        assert [cells.itemData(i) for i in range(cells.count())] == [s.kind for s in CELL_KINDS]
        shown = [cells.itemText(i) for i in range(cells.count())]
        expected = {
            "en": ["Counts", "Presence", "Quotes", "Cell summaries"],
            "id": ["Jumlah", "Ada/tidak ada (✓/–)", "Kutipan", "Ringkasan sel"],
        }
        assert shown == expected[language]
        win.export_actions[ExportKind.MATRIX].trigger()
        dialog = win.exporter.dialog
        assert dialog is not None
        combo = dialog.layout_combo
        assert [combo.itemData(i) for i in range(combo.count())] == [
            s.layout.value for s in LAYOUTS
        ]
        assert all(combo.itemText(i) for i in range(combo.count()))
        dialog.reject()
    finally:
        apply_language("en")
