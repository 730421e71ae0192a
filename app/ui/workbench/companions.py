"""The windows and settings a workbench opens beside itself: analysis, agreement, the
review report, and who is working."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QWidget

from app.coding.changes import Changes
from app.ui.context import ProjectContext
from app.ui.workbench.navigation import Navigator


class Companions(QObject):
    """One analysis window and one agreement window per main window, created on demand."""

    def __init__(self, ctx: ProjectContext, nav: Navigator) -> None:
        super().__init__(nav.widget())
        self.ctx, self.nav = ctx, nav
        self.w = nav.widget()
        self.analysis_window: QWidget | None = None
        self.agreement_window: QWidget | None = None

    def show_analysis(self) -> QWidget:
        """The analysis window (summary, matrices, charts) of this project, one per window."""
        from app.ui.analysis import AnalysisWindow

        if self.analysis_window is None:
            window = AnalysisWindow(self.ctx, self.w)
            window.setWindowFlag(Qt.WindowType.Window, True)
            window.jumpRequested.connect(self.nav.jump_to)
            self.analysis_window = window
        self.analysis_window.show()
        self.analysis_window.raise_()
        return self.analysis_window

    def show_agreement(self) -> QWidget:
        """The intercoder agreement window; a disagreement opens in the transcript too."""
        from app.ui.review.agreement_view import AgreementView

        if self.agreement_window is None:
            view = AgreementView(self.ctx, self.w)
            view.setWindowFlag(Qt.WindowType.Window, True)
            view.setWindowTitle(self.tr("Intercoder agreement – Telaah"))
            view.resize(1100, 720)
            view.compareRequested.connect(self.nav.jump_to)
            self.agreement_window = view
        self.agreement_window.show()
        self.agreement_window.raise_()
        return self.agreement_window

    def ask_review_report(self) -> None:
        from app.ui.review.report import ask_review_report

        ask_review_report(self.ctx, self.w)

    def ask_coder_name(self) -> None:
        name, ok = QInputDialog.getText(
            self.w,
            self.tr("Change my name"),
            self.tr("New codings, memos and comments will carry this name:"),
            text=self.ctx.coder,
        )
        if ok and name.strip():
            self.set_coder(name.strip())

    def set_coder(self, name: str) -> None:
        """Work under another name from now on (remembered on this machine)."""
        QSettings().setValue("coder", name)
        self.ctx.coder = name
        self.ctx.broadcast(Changes.of_settings())  # the status bar and review panel follow
