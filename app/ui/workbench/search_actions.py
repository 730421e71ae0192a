"""Search across documents and "code all hits" as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.coding.autocode import TooManyHits, autocode
from app.coding.codings import CodingChanges
from app.coding.patterns import literal
from app.coding.progress import Progress
from app.coding.search import SearchHit, search
from app.ui.commands.codings import RestoredCodingsCommand
from app.ui.context import ProjectContext
from app.ui.errors import show_error
from app.ui.tasks import Task, TaskRunner
from app.ui.workbench.coding_actions import CodingActions
from app.ui.workbench.navigation import Navigator

#: Above this many spans "Code all hits" asks before coding them.
CONFIRM_HITS = 2_000


class SearchController(QObject):
    """Runs searches for the search panel and auto-codes their hits in the background."""

    def __init__(
        self, ctx: ProjectContext, runner: TaskRunner, nav: Navigator, coding: CodingActions
    ) -> None:
        super().__init__(nav.widget())
        self.ctx, self.runner, self.nav, self.coding = ctx, runner, nav, coding
        #: above this many spans "Code all hits" asks first
        self.confirm_hits = CONFIRM_HITS

    def run_search(self, query: str, regex: bool) -> tuple[SearchHit, ...] | None:
        """The hits of ``query`` (None for an empty query or an error, which is shown)."""
        if not query.strip():
            return None
        try:
            return self.ctx.query(search, query=query, regex=regex, context_chars=70)
        except Exception as exc:
            show_error(self.nav.widget(), exc)
            return None

    def code_all_hits(
        self,
        query: str,
        regex: bool,
        unit: str,
        informants_only: bool = False,
        *,
        confirmed: bool = False,
    ) -> Task | None:
        """Code every hit with the current code (by match, sentence, paragraph or turn; only
        in informant turns with ``informants_only``).

        With more than :attr:`confirm_hits` spans nothing is coded yet: the user is asked
        first (unless ``confirmed``).
        """
        code = self.nav.current_code()
        if code is None:
            self.nav.status(self.tr("Choose a code in the code tree first."))
            return None
        if not query.strip() or self.ctx.read_only:
            return None
        pattern = query if regex else literal(query.strip())
        project, coder = self.ctx.project, self.ctx.coder
        name = self.coding.codes.name_of(code)
        max_hits = None if confirmed else self.confirm_hits

        def work(progress: Progress) -> CodingChanges:
            with project.session() as s:
                return autocode(
                    s,
                    pattern=pattern,
                    code_id=code,
                    unit=unit,
                    coder=coder,
                    progress=progress,
                    max_hits=max_hits,
                    informants_only=informants_only,
                )

        return self.runner.run(
            work,
            title=self.tr("Coding all hits…"),
            done=lambda changes: self._coded(changes, name, code),
            failed=lambda exc: self._failed(exc, query, regex, unit, informants_only, name),
        )

    def _failed(
        self, exc: object, query: str, regex: bool, unit: str, informants_only: bool, name: str
    ) -> None:
        if not isinstance(exc, TooManyHits):
            self.runner.failed(exc)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Code all hits"),
            self.tr("The pattern has {0} hits. Code all of them with “{1}”?").format(
                f"{exc.count:,}", name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.nav.widget(),
        )
        box.setObjectName("confirmManyHits")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self.code_all_hits(query, regex, unit, informants_only, confirmed=True)

        box.finished.connect(answered)
        box.open()

    def _coded(self, changes: CodingChanges, name: str, code: int) -> None:
        text = self.tr("Code all hits with “{0}”").format(name)
        self.coding.run(RestoredCodingsCommand(self.ctx, changes, text), code)
        self.nav.status(self.tr("%n passage(s) coded.", "", len(changes.added)), 6000)
