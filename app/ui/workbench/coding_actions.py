"""Coding gestures of the workbench: apply, quick keys 1–9, in vivo, remove, re-code, edit.

Every gesture becomes one undoable command through ``ctx.execute``; hints ("select some
text first") go to the status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.coding.codings import CodingInfo, NewCoding, Stance
from app.coding.in_vivo import in_vivo_name
from app.ui.commands.base import CoreCommand, run_command, translate
from app.ui.commands.codings import (
    AddCodingsCommand,
    InVivoCommand,
    RemoveCodingsCommand,
    UpdateCodingCommand,
)
from app.ui.context import ProjectContext
from app.ui.workbench.codebook_model import CodebookModel
from app.ui.workbench.navigation import Navigator, Selection

MAX_RECENT = 9


class CodingActions(QObject):
    """Turns coding gestures into commands; keeps the recent codes (``recentChanged``)."""

    recentChanged = Signal()

    def __init__(self, ctx: ProjectContext, nav: Navigator, codes: CodebookModel) -> None:
        super().__init__(nav.widget())
        self.ctx, self.nav, self.codes = ctx, nav, codes
        self.recent: list[int] = []

    def run(self, command: CoreCommand, code_id: int | None = None) -> bool:
        """Execute ``command`` (errors shown); ``code_id`` becomes a recent code."""
        if not run_command(self.ctx, command, self.nav.widget()):
            return False
        if code_id is not None:
            self.remember(code_id)
        return True

    def apply_code(self, code_id: int, selection: Selection | None = None) -> bool:
        """Code ``selection`` (default: the transcript's) with ``code_id``; False (and a
        hint) when nothing is selected."""
        sel = selection or self.nav.selection()
        if sel is None or sel.start == sel.end:
            self.nav.status(self.tr("Select some text in the transcript first."))
            return False
        return self.run(
            AddCodingsCommand(
                self.ctx,
                [NewCoding(sel.document_id, code_id, sel.start, sel.end)],
                translate("CodingActions", "Apply “{0}”").format(self.codes.name_of(code_id)),
            ),
            code_id,
        )

    def apply_current(self) -> None:
        code = self.nav.current_code()
        if code is None:
            self.nav.status(self.tr("Choose a code in the code tree first."))
            return
        self.apply_code(code)

    def quick_code(self, n: int) -> None:
        if n <= len(self.recent):
            self.apply_code(self.recent[n - 1])

    def remember(self, code_id: int) -> None:
        """Put ``code_id`` first among the recent codes (keys 1–9)."""
        if code_id in self.recent:
            self.recent.remove(code_id)
        self.recent.insert(0, code_id)
        del self.recent[MAX_RECENT:]
        self.recentChanged.emit()

    def quick_label(self) -> str:
        """The status-bar text naming the recent codes (codes since deleted drop out)."""
        self.recent = [c for c in self.recent if c in self.codes.codes]
        if not self.recent:
            return self.tr("Keys 1–9: recent codes")
        parts = [f"{i}: {self.codes.name_of(c)[:18]}" for i, c in enumerate(self.recent[:5], 1)]
        return "  ".join(parts) + ("  …" if len(self.recent) > 5 else "")

    def in_vivo(self) -> None:
        sel = self.nav.selection()
        name = in_vivo_name(sel.text) if sel is not None else ""
        if sel is None or not name:
            self.nav.status(self.tr("Select the words to name the code with."))
            return
        cmd = InVivoCommand(self.ctx, sel.document_id, sel.start, sel.end, name)
        if self.run(cmd) and cmd.code is not None:
            self.remember(cmd.code.id)
            self.nav.select_code(cmd.code.id)

    def remove_coding(self, coding_id: int) -> None:
        self.run(RemoveCodingsCommand(self.ctx, [coding_id]))

    def recode(self, coding_id: int) -> None:
        code = self.nav.current_code()
        if code is None:
            self.nav.status(self.tr("Choose the new code in the code tree first."))
            return
        self.edit_coding(coding_id, code_id=code, text=translate("CodingActions", "Re-code"))

    def edit_coding(
        self,
        coding_id: int,
        *,
        text: str,
        memo: str | None = None,
        illustrative: bool | None = None,
        code_id: int | None = None,
        stance: Stance | None = None,
    ) -> None:
        self.run(
            UpdateCodingCommand(
                self.ctx,
                coding_id,
                memo=memo,
                illustrative=illustrative,
                code_id=code_id,
                stance=stance,
                text=text,
            )
        )

    def cycle_stance(self, info: CodingInfo | None) -> None:
        """Give the coding ``info`` (the one in the coding details) the next evidence stance
        (supports → does not happen → barrier → supports), undoably."""
        if info is None or self.ctx.read_only:
            self.nav.status(
                self.tr("Choose a coding first (click its stripe or place the cursor in it).")
            )
            return
        order = list(Stance)
        nxt = order[(order.index(info.stance) + 1) % len(order)]
        self.edit_coding(
            info.id, stance=nxt, text=translate("CodingActions", "Change evidence stance")
        )

    def context_menu(
        self,
        global_pos: QPoint,
        here: Sequence[CodingInfo],
        actions: Mapping[str, QAction],
        assign_case: Callable[[], None] | None,
    ) -> None:
        """The transcript's menu: apply, in vivo, assign to a case, and per coding under the
        cursor remove, re-code and star."""
        menu = QMenu(self.nav.widget())
        menu.addAction(actions["actionApplyCode"])
        menu.addAction(actions["actionInVivo"])
        if assign_case is not None and not self.ctx.read_only:
            menu.addAction(self.tr("Assign selection to a case…"), assign_case)
        if here and not self.ctx.read_only:
            menu.addSeparator()
            for info in here[:12]:
                sub = menu.addMenu(self.codes.name_of(info.code_id))
                sub.addAction(self.tr("Remove coding"), partial(self.remove_coding, info.id))
                sub.addAction(self.tr("Re-code with current code"), partial(self.recode, info.id))
                star = (
                    self.tr("Remove star") if info.illustrative else self.tr("Star as illustrative")
                )
                sub.addAction(
                    star,
                    partial(
                        self.edit_coding,
                        info.id,
                        illustrative=not info.illustrative,
                        text=translate("CodingActions", "Star quote"),
                    ),
                )
        menu.popup(global_pos)
