"""Undoable edits of how the project works and cites: coder roles, the export settings and
a document's source type, title and date."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from app.coding.changes import Changes
from app.coding.coders import CoderRole, set_coder_role
from app.coding.settings import ProjectSettings, restore_settings, update_settings
from app.coding.sources import DocumentSource, restore_document_source, set_document_source
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


class SetCoderRoleCommand(CoreCommand):
    """Make a coder primary (their codings are evidence) or second (agreement only)."""

    def __init__(self, ctx: ProjectContext, *, name: str, role: CoderRole) -> None:
        super().__init__(ctx, translate("SettingsCommands", "Change coder role"))
        self.name = name
        self.role = role
        self.before: CoderRole | None = None

    def do(self) -> Changes:
        change = self.ctx.query(set_coder_role, name=self.name, role=self.role, create=False)
        self.before = change.before
        return change.changes

    def undo_core(self) -> Changes:
        assert self.before is not None
        return self.ctx.query(
            set_coder_role, name=self.name, role=self.before, create=False
        ).changes


class UpdateSettingsCommand(CoreCommand):
    """Change project settings (names in exports, study year, source lines, roles)."""

    def __init__(self, ctx: ProjectContext, **values: Any) -> None:
        super().__init__(ctx, translate("SettingsCommands", "Change export settings"))
        known = {f.name for f in fields(ProjectSettings)}
        self.values = {k: v for k, v in values.items() if k in known}
        self.before: ProjectSettings | None = None

    def do(self) -> Changes:
        change = self.ctx.query(update_settings, **self.values)
        self.before = change.before
        return change.changes

    def undo_core(self) -> Changes:
        assert self.before is not None
        return self.ctx.query(restore_settings, settings=self.before).changes


class SetDocumentSourceCommand(CoreCommand):
    """Change a document's source type, citation title and date."""

    def __init__(self, ctx: ProjectContext, *, document_id: int, **values: Any) -> None:
        super().__init__(ctx, translate("SettingsCommands", "Change document source"))
        self.document_id = document_id
        self.values = values
        self.before: DocumentSource | None = None

    def do(self) -> Changes:
        change = self.ctx.query(set_document_source, document_id=self.document_id, **self.values)
        self.before = change.before
        return change.changes

    def undo_core(self) -> Changes:
        assert self.before is not None
        return self.ctx.query(restore_document_source, source=self.before).changes
