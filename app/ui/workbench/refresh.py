"""The workbench's reaction to the one change stream: each view refreshed for what changed.

:class:`WorkbenchRefresh` is the handler the window passes to ``ctx.watch``: a coding edit
patches the transcript's spans from the exact delta, another coder's edit resyncs them
keeping the scroll position, code edits reload the tree and the transcript's look, case and
document edits the lists and the excerpt filters. It knows the window's widgets through
:class:`~app.ui.workbench.layout.WorkbenchLayout`, never the window itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from app.coding.changes import Changes, Kind
from app.coding.workbench_queries import all_speakers, attribute_values, coder_names, coding_spans
from app.ui.commands.base import translate
from app.ui.context import ProjectContext
from app.ui.workbench.codebook_model import CodebookModel
from app.ui.workbench.documents_model import DocumentListModel
from app.ui.workbench.excerpt_model import ExcerptModel
from app.ui.workbench.layout import WorkbenchLayout
from app.ui.workbench.spans import Span


class WorkbenchRefresh:
    """Refreshes the workbench's views from ``Changes`` (only what changed)."""

    def __init__(
        self,
        ctx: ProjectContext,
        layout: WorkbenchLayout,
        documents: DocumentListModel,
        codes: CodebookModel,
        excerpt_model: ExcerptModel,
        *,
        coder_label: Callable[[], QLabel | None],
        cursor_moved: Callable[[], None],
        look_changed: Callable[[], None],
    ) -> None:
        self.ctx, self.layout = ctx, layout
        self.documents, self.codes, self.excerpt_model = documents, codes, excerpt_model
        self.coder_label, self.cursor_moved, self.look_changed = (
            coder_label,
            cursor_moved,
            look_changed,
        )

    def on_changes(self, changes: Changes) -> None:
        """The one change stream: refresh only what changed (the code look first, so new
        codes have colours before their codings are painted)."""
        if Kind.CODES in changes:
            self._codes_changed()
        if Kind.DOCUMENTS in changes:
            self._documents_changed()
        if Kind.CASES in changes:
            self._cases_changed()
        if Kind.CODINGS in changes:
            self._codings_changed(changes)
        label = self.coder_label()
        if Kind.SETTINGS in changes and label is not None:
            label.setText(translate("MainWindow", "Coder: {0}").format(self.ctx.coder))

    def _codings_changed(self, changes: Changes) -> None:
        w = self.layout
        doc, delta = w.view.document_id, changes.delta
        if doc is not None:
            if delta is not None and delta.documents:
                if doc in delta.documents:  # the exact delta: patch the spans
                    gone = [c.id for c in delta.removed + delta.before if c.document_id == doc]
                    new = [
                        Span(c.id, c.code_id, c.start, c.end, c.stance.value)
                        for c in delta.added + delta.updated
                        if c.document_id == doc
                    ]
                    w.view.update_spans(gone, new)
            elif changes.remote:
                if doc in changes.documents or not changes.documents:
                    self._resync_spans(doc)  # another coder's edit: keep scroll and selection
            elif doc in changes.documents or (
                not changes.documents
                and (not changes.codes or changes.codes & w.view.index.code_ids())
            ):
                w.open_document(doc)  # codings moved between codes (merge): reload
        self.documents.refresh(changes.documents or [r.id for r in self.documents.rows])
        self.codes.refresh_counts(changes.codes or list(self.codes.codes))
        self.excerpt_model.on_codings_changed(changes)
        self.cursor_moved()

    def _resync_spans(self, document_id: int) -> None:
        w = self.layout
        """Bring the shown spans in line with the database, patching only the differences."""
        with self.ctx.session() as s:
            rows = coding_spans(s, document_id=document_id)
        stored = {r[0]: Span(*r) for r in rows}
        shown = w.view.index.spans
        gone = [cid for cid, span in shown.items() if stored.get(cid) != span]
        new = [span for cid, span in stored.items() if shown.get(cid) != span]
        if gone or new:
            view = w.view
            top = view.top_position()
            view.update_spans(gone, new)
            view.restore_top(top)
            QTimer.singleShot(0, lambda: view.restore_top(top))  # after a deferred reflow

    def _codes_changed(self) -> None:
        w = self.layout
        current = w.tree.current_code_id()
        expanded = w.tree.expanded_keys()
        self.codes.reload()
        w.tree.expand_keys(expanded | {b.key for b in self.codes.books})
        if current is not None and current in self.codes.codes:
            w.tree.select_code(current)
            w.search_panel.set_code_name(self.codes.name_of(current))  # renamed, perhaps
        elif self.excerpt_model.code_id not in self.codes.codes:
            self.excerpt_model.show_code(None)
        w.view.set_code_look(
            {c.id: c.colour for c in self.codes.codes.values()},
            {cid: self.codes.name_of(cid) for cid in self.codes.codes},
            self.codes.order,
        )
        w.view.refresh()
        self.look_changed()

    def _cases_changed(self) -> None:
        w = self.layout
        self.documents.reload()
        if w.view.document_id is not None:
            row = self.documents.row_of(w.view.document_id)
            if row is not None:
                w.doc_list.setCurrentIndex(self.documents.index(row, 0))
        self.refresh_filters()

    def _documents_changed(self) -> None:
        w = self.layout
        current = w.view.document_id
        self.documents.reload()
        self.refresh_filters()
        if current is not None and self.documents.row_of(current) is None:
            current = None  # the shown document was removed (an import was undone)
            w._show_nothing()
        if current is None and self.documents.rows:
            w.open_document(self.documents.rows[0].id)

    def refresh_filters(self) -> None:
        w = self.layout
        with self.ctx.session() as s:
            attrs = attribute_values(s)
            coders = coder_names(s)
            people = all_speakers(s)
        w.excerpts.set_choices(
            attributes=attrs, coders=coders, documents=self.documents.rows, speakers=people
        )
