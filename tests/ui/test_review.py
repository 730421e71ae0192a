"""The supervisor's review panel, the coder's open questions and the agreement view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import select

from app.coding.agreement import compute_agreement
from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codings import NewCoding, apply_code, apply_codes
from app.coding.documents import import_files
from app.coding.review import comments_for, open_questions
from app.coding.workbench_queries import list_code_rows
from app.models.project import Project
from app.models.schema import Code, Document
from app.ui.context import ProjectContext
from app.ui.review.agreement_model import (
    F_ALPHA,
    F_CODED,
    F_KAPPA,
    F_PERCENT,
    KEY_ROLE,
    VALUE_ROLE,
    DisagreementModel,
    FiguresModel,
    FiguresProxy,
)
from app.ui.review.agreement_view import AgreementView
from app.ui.review.models import COMMENTS, MARK, OpenQuestionModel, ReviewTreeModel
from app.ui.review.panel import ReviewPanel
from app.ui.review.questions import OpenQuestionsList

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
FILES = ("INF05_Bambang_Lurah_Karang_Sari.txt", "INF10_Nur_Aini_warga.txt")
CASES = (("Bambang Priyono", "Informan 5", "Lurah"), ("Nur Aini", "Informan 10", "Warga"))


@pytest.fixture
def study(project: Project) -> Project:
    """Two sample interviews, the Four Co's, two informants; the student (siti) and the
    supervisor (pembimbing) coded the same passages partly alike."""
    with project.session() as s:
        result = import_files(s, paths=[SAMPLES / f for f in FILES])
        install_codebook(s, spec=load_bundled_codebook("loeffler"))
        for doc, (name, alias, role) in zip(result.imported, CASES, strict=True):
            case = create_case(s, name=name, alias=alias, attributes={"role": role})
            link_document(s, case_id=case.id, document_id=doc.id)
        codes = [c.id for c in list_code_rows(s)][:6]
        siti, pembimbing = [], []
        for doc in result.imported:
            for n, code in enumerate(codes):
                start = 300 + n * 700
                siti.append(NewCoding(doc.id, code, start, start + 240))
                if n % 2 == 0:  # the supervisor agrees on half the passages, shifted a bit
                    pembimbing.append(NewCoding(doc.id, code, start + 60, start + 260))
                else:
                    pembimbing.append(NewCoding(doc.id, codes[0], start, start + 100))
        apply_codes(s, codings=siti, coder="siti")
        apply_codes(s, codings=pembimbing, coder="pembimbing")
    return project


@pytest.fixture
def reviewer(study: Project) -> Iterator[ProjectContext]:
    ctx = ProjectContext(study, coder="pembimbing")
    ctx.language = "en"
    yield ctx
    ctx.deleteLater()


def _open_first_excerpt(qtbot, panel: ReviewPanel) -> int:  # type: ignore[no-untyped-def]
    panel.open_group(0)
    group = panel.model.index(0, 0)
    first = panel.model.index(0, 0, group)
    panel.tree.setCurrentIndex(first)
    item = panel.model.item(first)
    assert item is not None
    return item.excerpt.coding_id


def _action(widget, name: str) -> QAction:  # type: ignore[no-untyped-def]
    act = widget.findChild(QAction, name)
    assert act is not None, name
    return act


def test_models_are_consistent(qtmodeltester, reviewer: ProjectContext) -> None:  # type: ignore[no-untyped-def]
    tree = ReviewTreeModel(reviewer)
    tree.reload()
    tree.fetchMore(tree.index(0, 0))
    assert tree.rowCount(tree.index(0, 0)) > 0
    qtmodeltester.check(tree)
    report = reviewer.query(compute_agreement, coder_a="siti", coder_b="pembimbing")
    figures = FiguresModel(reviewer)
    figures.set_report(report, {})
    qtmodeltester.check(figures)
    proxy = FiguresProxy()
    proxy.setSourceModel(figures)
    proxy.sort(F_KAPPA, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(KEY_ROLE) == ""  # the overall row stays on top
    qtmodeltester.check(proxy)
    disagreements = DisagreementModel(reviewer)
    texts = tuple("x" for _ in report.disagreements)
    disagreements.set_disagreements(report.disagreements, texts, {})
    qtmodeltester.check(disagreements)
    questions = OpenQuestionModel(reviewer)
    questions.reload()
    qtmodeltester.check(questions)


def test_reviewer_questions_and_student_answers(qtbot, reviewer: ProjectContext) -> None:  # type: ignore[no-untyped-def]
    panel = ReviewPanel(reviewer)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    coding_id = _open_first_excerpt(qtbot, panel)
    index = panel.model.index_of_coding(coding_id)
    question = _action(panel, "actionMarkQuestioned")
    assert question.isEnabled()
    question.trigger()
    assert index.siblingAtColumn(MARK).data() == "? pembimbing"
    assert "1 questioned" in panel.summary.text()
    assert "questioned by pembimbing" in panel.detail.toPlainText()

    qtbot.keyClicks(panel.comment, "Is this co-delivery or only consultation?")
    qtbot.mouseClick(panel.comment_button, Qt.MouseButton.LeftButton)
    assert panel.comment.toPlainText() == ""
    assert "Is this co-delivery or only consultation?" in panel.detail.toPlainText()
    assert index.siblingAtColumn(COMMENTS).data() == "1 (open)"

    reviewer.undo_stack.undo()  # the comment is taken back, the mark stays
    assert reviewer.query(comments_for, coding_id=coding_id) == ()
    assert "Is this co-delivery" not in panel.detail.toPlainText()
    assert index.siblingAtColumn(MARK).data() == "? pembimbing"
    reviewer.undo_stack.undo()  # then the mark goes
    assert index.siblingAtColumn(MARK).data() == ""
    assert "0 questioned" in panel.summary.text()
    assert reviewer.query(open_questions) == ()
    reviewer.undo_stack.redo()
    reviewer.undo_stack.redo()  # mark and comment are back, the comment with its id
    assert index.siblingAtColumn(MARK).data() == "? pembimbing"
    (restored,) = reviewer.query(comments_for, coding_id=coding_id)
    assert restored.text == "Is this co-delivery or only consultation?"

    # The student opens the project and sees the question.
    student = ProjectContext(reviewer.project, coder="siti")
    student.language = "en"
    questions = OpenQuestionsList(student)
    qtbot.addWidget(questions)
    questions.show()
    qtbot.waitExposed(questions)
    assert questions.model.rowCount() == 1
    assert questions.title.text().startswith("1 open question")
    assert "Is this co-delivery" in questions.detail.toPlainText()
    qtbot.keyClicks(questions.answer, "Warga ikut berjaga bersama kader, jadi pelayanan bersama.")
    qtbot.mouseClick(questions.answer_button, Qt.MouseButton.LeftButton)
    thread = student.query(comments_for, coding_id=coding_id)
    assert [(c.author, c.reply_to) for c in thread] == [
        ("pembimbing", None),
        ("siti", thread[0].id),
    ]
    assert "Warga ikut berjaga" in questions.detail.toPlainText()
    assert questions.resolve_button.isEnabled()
    qtbot.mouseClick(questions.resolve_button, Qt.MouseButton.LeftButton)
    assert questions.model.rowCount() == 0
    assert questions.title.text() == "No open questions."
    student.undo_stack.undo()  # resolving is undoable
    assert questions.model.rowCount() == 1
    student.undo_stack.redo()
    assert questions.model.rowCount() == 0

    # The supervisor's panel shows the answered, resolved thread after a reload.
    panel.reload()
    index = panel.model.index_of_coding(coding_id)
    assert index.siblingAtColumn(COMMENTS).data() == "2"
    assert "[resolved]" in panel.detail.toPlainText()
    student.deleteLater()


def test_marking_several_excerpts_is_one_undo_step(qtbot, reviewer: ProjectContext) -> None:  # type: ignore[no-untyped-def]
    panel = ReviewPanel(reviewer)
    qtbot.addWidget(panel)
    panel.show()
    panel.open_group(0)
    group = panel.model.index(0, 0)
    n = panel.model.rowCount(group)
    assert n >= 2
    panel.tree.selectionModel().select(
        panel.model.index(0, 0, group),
        panel.tree.selectionModel().SelectionFlag.Select
        | panel.tree.selectionModel().SelectionFlag.Rows,
    )
    panel.tree.selectionModel().select(
        panel.model.index(1, 0, group),
        panel.tree.selectionModel().SelectionFlag.Select
        | panel.tree.selectionModel().SelectionFlag.Rows,
    )
    _action(panel, "actionMarkAgreed").trigger()
    marks = [panel.model.index(r, MARK, group).data() for r in range(2)]
    assert marks == ["✓ pembimbing", "✓ pembimbing"]
    assert panel.model.index(0, MARK).data().startswith("✓ 2")  # the group counts them
    assert reviewer.undo_stack.count() == 1
    reviewer.undo_stack.undo()
    assert [panel.model.index(r, MARK, group).data() for r in range(2)] == ["", ""]


def test_browsing_by_informant_and_jumping_to_the_source(qtbot, reviewer: ProjectContext) -> None:  # type: ignore[no-untyped-def]
    panel = ReviewPanel(reviewer)
    qtbot.addWidget(panel)
    panel.show()
    panel.browse.setCurrentIndex(panel.browse.findData("case"))
    labels = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert labels == ["Informan 5 — Bambang Priyono (12)", "Informan 10 — Nur Aini (12)"]
    panel.open_group(1)
    group = panel.model.index(1, 0)
    items = [panel.model.item(panel.model.index(r, 0, group)) for r in range(12)]
    assert {i.excerpt.case for i in items if i is not None} == {"Nur Aini"}
    first = panel.model.index(0, 0, group)
    panel.tree.setCurrentIndex(first)
    e = items[0].excerpt  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        _action(panel, "actionShowSource").trigger()
    assert jump.args == [e.document_id, e.start, e.end]


def test_read_only_reviewer_cannot_mark(qtbot, study: Project) -> None:  # type: ignore[no-untyped-def]
    ctx = ProjectContext(study, coder="pembimbing", read_only=True)
    panel = ReviewPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()  # the groups load when the panel is first shown
    _open_first_excerpt(qtbot, panel)
    assert not _action(panel, "actionMarkQuestioned").isEnabled()
    assert not _action(panel, "actionMarkAgreed").isEnabled()
    ctx.deleteLater()


def test_agreement_view_shows_the_core_figures(qtbot, reviewer: ProjectContext) -> None:  # type: ignore[no-untyped-def]
    view = AgreementView(reviewer)
    qtbot.addWidget(view)
    view.show()
    view.set_coders("siti", "pembimbing")
    report = reviewer.query(compute_agreement, coder_a="siti", coder_b="pembimbing")
    model = view.figures
    assert model.rowCount() == len(report.codes) + 1
    assert model.index(0, 0).data() == "Overall"
    overall = report.overall
    assert [model.index(0, c).data(VALUE_ROLE) for c in (F_PERCENT, F_KAPPA, F_ALPHA)] == [
        overall.percent_agreement,
        overall.cohen_kappa,
        overall.krippendorff_alpha,
    ]
    for row in range(1, model.rowCount()):
        f = report.codes[model.index(row, 0).data(KEY_ROLE)]
        assert model.index(row, F_KAPPA).data(VALUE_ROLE) == f.cohen_kappa
        shown = model.index(row, F_PERCENT).data()
        assert shown == f"{100 * f.percent_agreement:.1f}%"
    assert view.disagreements.rowCount() == len(report.disagreements) > 0
    assert "2 document" in view.status.text()
    # Kappa and alpha lead; percent agreement is labelled as including uncoded text and
    # shown after the agreement on coded text.
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[1:5] == ["Kappa", "Alpha", "Agreement on coded text",
                          "Percent agreement (incl. uncoded text)"]  # fmt: skip
    assert model.index(0, F_CODED).data(VALUE_ROLE) == overall.coded_agreement
    assert "percent agreement includes the text neither coder coded" in view.status.text()

    d = report.disagreements[0]
    with qtbot.waitSignal(view.compareRequested) as compare:
        view.list.doubleClicked.emit(view.disagreements.index(0, 0))
    assert compare.args == [d.document_id, d.start, d.end]
    left, right = (side.toPlainText() for side in view.compare.sides)
    assert left.startswith("siti") and right.startswith("pembimbing")
    assert str(d.start) in view.compare.title.text()

    # one document only
    view.document.setCurrentIndex(view.document.findData(FILES[1]))
    qtbot.waitUntil(lambda: view.report is not None and view.report.documents == (FILES[1],))
    single = reviewer.query(
        compute_agreement, coder_a="siti", coder_b="pembimbing", document_names=[FILES[1]]
    )
    assert view.figures.index(0, F_KAPPA).data(VALUE_ROLE) == single.overall.cohen_kappa

    view.set_coders("siti", "siti")
    assert view.figures.rowCount() == 0
    assert view.status.text() == "Choose two different coders."


def test_agreement_view_opens_on_the_coders_with_most_documents_in_common(
    qtbot,
    study: Project,  # type: ignore[no-untyped-def]
) -> None:
    # The current user ("saya") coded one passage; siti and the supervisor share documents.
    with study.session() as s:
        doc = s.scalars(select(Document.id)).first()
        code = s.scalars(select(Code.id)).first()
        assert doc is not None and code is not None
        apply_code(s, document_id=doc, code_id=code, start=0, end=5, coder="saya")
    ctx = ProjectContext(study, coder="saya")
    view = AgreementView(ctx)
    qtbot.addWidget(view)
    assert {view.coder_a.currentData(), view.coder_b.currentData()} == {"siti", "pembimbing"}
    ctx.deleteLater()


def test_review_screens_speak_indonesian(qtbot, reviewer: ProjectContext) -> None:  # type: ignore[no-untyped-def]
    from app.ui.language import apply_language

    apply_language("id")
    try:
        reviewer.language = "id"
        panel = ReviewPanel(reviewer)
        qtbot.addWidget(panel)
        view = AgreementView(reviewer)
        qtbot.addWidget(view)
        assert _action(panel, "actionMarkAgreed").text() == "✓ Setuju"
        assert _action(panel, "actionMarkQuestioned").text() == "? Pertanyakan"
        assert panel.model.headerData(MARK, Qt.Orientation.Horizontal) == "Tinjauan"
        assert view.figures.index(0, 0).data() == "Keseluruhan"
        assert view.document.itemText(0) == "Semua dokumen yang dikodekan oleh keduanya"
    finally:
        apply_language("en")
