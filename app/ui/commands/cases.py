"""Undoable case edits: create a case, set attribute values, link a document or a span."""

from __future__ import annotations

from collections.abc import Mapping

from app.coding.cases import (
    CaseInfo,
    CaseSnapshot,
    clear_attributes,
    create_case,
    delete_case,
    get_case,
    link_document,
    restore_case,
    set_attributes,
    unlink,
)
from app.coding.changes import Changes
from app.coding.informants import set_informant_code
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


class CreateCaseCommand(CoreCommand):
    def __init__(self, ctx: ProjectContext, name: str, alias: str | None = None) -> None:
        super().__init__(ctx, translate("CaseCommands", "New case"))
        self.name, self.alias = name, alias
        self.case: CaseInfo | None = None
        self.snapshot: CaseSnapshot | None = None

    def do(self) -> Changes:
        self.case = self.ctx.query(create_case, name=self.name, alias=self.alias)
        return self.case.changes

    def undo_core(self) -> Changes:
        assert self.case is not None
        self.snapshot = self.ctx.query(delete_case, case_id=self.case.id)
        return self.snapshot.changes

    def redo_core(self) -> Changes:
        assert self.snapshot is not None
        return self.ctx.query(restore_case, snapshot=self.snapshot)


class SetAttributesCommand(CoreCommand):
    def __init__(
        self,
        ctx: ProjectContext,
        case_id: int,
        values: Mapping[str, str],
        types: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(ctx, translate("CaseCommands", "Set attribute"))
        self.case_id = case_id
        self.values, self.types = dict(values), dict(types or {})
        self.before: dict[str, str] = {}

    def do(self) -> Changes:
        old = self.ctx.query(get_case, case_id=self.case_id).attributes
        self.before = {k: old[k] for k in self.values if k in old}
        return self.ctx.query(
            set_attributes, case_id=self.case_id, values=self.values, types=self.types
        ).changes

    def undo_core(self) -> Changes:
        changes = Changes()
        fresh = [k for k in self.values if k not in self.before]
        if fresh:
            changes |= self.ctx.query(clear_attributes, case_id=self.case_id, names=fresh)
        if self.before:
            changes |= self.ctx.query(
                set_attributes, case_id=self.case_id, values=self.before
            ).changes
        return changes


class LinkDocumentCommand(CoreCommand):
    def __init__(
        self,
        ctx: ProjectContext,
        case_id: int,
        document_id: int,
        start: int | None = None,
        end: int | None = None,
    ) -> None:
        super().__init__(ctx, translate("CaseCommands", "Assign to case"))
        self.case_id = case_id
        self.args = {"case_id": case_id, "document_id": document_id, "start": start, "end": end}
        self.link_id: int | None = None

    def do(self) -> Changes:
        link = self.ctx.query(link_document, **self.args)
        self.link_id = link.id
        return link.changes

    def undo_core(self) -> Changes:
        assert self.link_id is not None
        return self.ctx.query(unlink, link_id=self.link_id).changes


class SetInformantCodeCommand(CoreCommand):
    """Set (or with "" clear) a case's informant code; undo puts the previous one back."""

    def __init__(self, ctx: ProjectContext, case_id: int, code: str) -> None:
        super().__init__(ctx, translate("CaseCommands", "Set informant code"))
        self.case_id, self.code = case_id, code
        self.before: str | None = None

    def do(self) -> Changes:
        change = self.ctx.query(set_informant_code, case_id=self.case_id, code=self.code)
        self.before = change.before
        return change.changes

    def undo_core(self) -> Changes:
        return self.ctx.query(set_informant_code, case_id=self.case_id, code=self.before).changes
