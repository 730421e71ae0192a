"""Every item model of the workbench passes Qt's model tester on real data."""

from __future__ import annotations

from app.coding.documents import ImportFailure, ImportResult
from app.coding.errors import UnsupportedFile
from app.coding.search import search
from app.ui.dialogs.cases import CaseTableModel
from app.ui.dialogs.import_report import FailureModel
from app.ui.workbench.search_model import SearchHitModel


def test_document_and_code_models(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.documents, force_py=True)
    qtmodeltester.check(window.codes, force_py=True)
    assert window.codes.rowCount() == 2


def test_excerpt_model_with_rows(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    code = max(window.codes.codes.values(), key=lambda c: c.codings).id
    window.tree.select_code(code)
    assert window.excerpt_model.rowCount() > 0
    qtmodeltester.check(window.excerpt_model, force_py=True)


def test_codings_here_model(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    span = next(iter(window.view.index.spans.values()))
    window.view.select_coding(span.coding_id)
    window._update_coding_panel()
    assert window.coding_panel.model.rowCount() >= 1
    qtmodeltester.check(window.coding_panel.model, force_py=True)


def test_search_case_and_failure_models(window, qtmodeltester, tmp_path) -> None:  # type: ignore[no-untyped-def]
    hits = SearchHitModel()
    hits.set_hits(window.ctx.query(search, query="warga"))
    assert hits.rowCount() > 0
    qtmodeltester.check(hits, force_py=True)
    cases = CaseTableModel(window.ctx)
    assert cases.columnCount() == 3 + 3  # name, alias, informant code + the attributes
    qtmodeltester.check(cases, force_py=True)
    failure = ImportFailure(tmp_path / "x.pdf", UnsupportedFile(tmp_path / "x.pdf", "encrypted"))
    failures = FailureModel(ImportResult((), (failure,)).failed)
    qtmodeltester.check(failures, force_py=True)
    assert "password" in failures.index(0, 1).data()


def test_search_context_keeps_punctuation_attached(project, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.coding.documents import import_files

    path = tmp_path / "banjir.txt"
    text = "Rumah kami kena banjir. Lalu (banjir) datang lagi, banjir!\nbanjir, katanya"
    path.write_text(text, encoding="utf-8")
    with project.session() as s:
        import_files(s, paths=[path])
        hits = search(s, query="banjir", context_chars=20)
    model = SearchHitModel()
    model.set_hits(hits)
    shown = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert shown[0] == "…Rumah kami kena [banjir]. Lalu (banjir) data…"
    assert "([banjir]) datang" in shown[1]
    assert shown[2].endswith("lagi, [banjir]! banjir, katanya…")
    assert not any(" ." in line or " ," in line or " !" in line for line in shown)
