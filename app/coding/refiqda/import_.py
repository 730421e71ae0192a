"""Import a ``.qdpx`` into a new project.

Element by element (see :mod:`.reader` for how sources are read):

* ``User`` → coder (by name; a user without a name becomes ``User N``). Codings without a
  creating user get a coder named after the exporting tool (``origin``), else ``REFI-QDA``.
* ``CodeBook`` → codebooks and codes. A top-level ``Code`` that Telaah exported for a
  codebook becomes that codebook again; every other code goes into one codebook named after
  the project. Keys come from Telaah's ``[Telaah]`` block, else from the names (slugified,
  unique); colours, tree, descriptions (both languages when Telaah wrote them) are kept.
* ``Variable`` → attribute (Integer/Float → number, Date/DateTime → date, Text/Boolean →
  category, unless Telaah marked it ``text``), ``VariableValue`` → values (a value that does
  not fit its type is skipped and reported); Telaah's alias variable → case alias.
* ``Case`` → case (``Description`` → a case memo), ``SourceRef`` → whole-document link,
  ``SelectionRef`` → span link, ``CodeRef`` → span links over that code's codings.
* ``TextSource``/``PDFSource`` → document with its ``PlainTextSelection`` codings (memo from
  the selection's notes and description, the illustrative star, coder and time); a
  ``Coding`` directly on a source codes the whole document.
* ``Note`` → memo on what refers to it (project, code, codebook, document, coding memo);
  a note nothing refers to becomes a project memo.

Skipped and reported: picture, audio and video sources, PDF region selections, external
sources, sets, links and graphs, variables on sources, codings whose code is unknown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.coding.cases import canonical_value
from app.coding.codes import slug
from app.coding.errors import InvalidValue
from app.coding.progress import Progress
from app.coding.refiqda.codetree import QdaCode, code_fields, insert_codes
from app.coding.refiqda.model import QdaCoding, QdaDocument, QdaProject, Skipped
from app.coding.refiqda.reader import read_qdpx
from app.coding.refiqda.safety import Limits
from app.models.project import ProjectExists, create_project
from app.models.schema import (
    Attribute,
    Case,
    CaseAttribute,
    Codebook,
    Coder,
    Coding,
    Document,
    DocumentCase,
    Memo,
    Segment,
    utcnow,
)


@dataclass(frozen=True)
class QdpxImported:
    """What was imported from a ``.qdpx``, and what was not (``skipped``, with reasons)."""

    project_path: Path | None
    documents: tuple[str, ...]
    codebooks: tuple[str, ...]
    codes: int
    codings: int
    cases: int
    attributes: int
    memos: int
    coders: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[Skipped, ...]


class _Store:
    def __init__(self, session: Session, data: QdaProject) -> None:
        self.s = session
        self.data = data
        self.skipped: list[Skipped] = list(data.skipped)
        self.used_notes: set[str] = set(data.consumed_notes)
        self.attr_names: set[str] = set()
        self.coders: dict[str, int] = {}
        self.user_coder: dict[str, int] = {}
        self.code_ids: dict[str, int] = {}
        self.doc_ids: dict[str, int] = {}
        self.memos = 0
        self.codings: dict[str, list[tuple[int, int | None, int | None]]] = {}
        # Codes that share a case's GUID are that case (NVivo writes cases so, QualCoder
        # reads them only so, and Telaah exports them too): not codes; their codings are
        # the case's text.
        self.case_guids = {case.guid for case in data.cases}

    def _skipped_coding(
        self, doc: QdaDocument, c: QdaCoding, reason: str, guid: str = ""
    ) -> Skipped:
        """A skipped coding named by its code (else the GUID it referred to), its
        positions in the file and its words."""
        names = {code.guid: code.name for top in self.data.codes for code in top.walk()}
        first, last = c.file_span if c.file_span is not None else (None, None)
        code = names.get(c.code, guid)
        return Skipped("coding", doc.name, reason, 1, code, first, last,
                       doc.text[c.start : c.end][:200])  # fmt: skip

    def coder(self, name: str) -> int:
        if name not in self.coders:
            row = Coder(name=name[:255])
            self.s.add(row)
            self.s.flush()
            self.coders[name] = row.id
        return self.coders[name]

    def coder_for(self, user: str | None) -> int:
        if user is not None and user in self.user_coder:
            return self.user_coder[user]
        return self.coder(self.data.origin[:60] or "REFI-QDA")

    def users(self) -> None:
        for n, (user, name) in enumerate(self.data.users.items(), start=1):
            self.user_coder[user] = self.coder(name or f"User {n}")

    def memo(self, kind: str, target: int | None, note_guids: tuple[str, ...]) -> None:
        for note_guid in note_guids:
            note = self.data.notes.get(note_guid)
            if note is None or note_guid in self.used_notes:
                continue
            self.used_notes.add(note_guid)
            if note.text:
                self.add_memo(kind, target, note.text, note.user, note.created)

    def add_memo(
        self, kind: str, target: int | None, text: str, user: str | None, when: datetime | None
    ) -> None:
        coder = self.user_coder.get(user) if user else None
        self.s.add(Memo(target_kind=kind, target_id=target, text=text, coder_id=coder,
                        created_at=when or utcnow()))  # fmt: skip
        self.memos += 1

    # --- codebooks ----------------------------------------------------------------------

    def codebooks(self) -> list[str]:
        books: list[tuple[QdaCode | None, list[QdaCode]]] = []
        loose: list[QdaCode] = []
        for code in self.data.codes:
            if code.guid in self.case_guids:
                continue
            if "codebook" in code.details:
                books.append((code, list(code.children)))
            else:
                loose.append(code)
        if loose:
            books.append((None, loose))
        keys: list[str] = []
        for order, (folder, codes) in enumerate(books):
            key = slug(folder.details["codebook"] if folder else self.data.name)
            base, n = key, 2
            while key in keys:
                key, n = f"{base}-{n}", n + 1
            keys.append(key)
            book = self._codebook(folder, key, order)
            insert_codes(self.s, codebook_id=book.id, book_key=key, codes=codes,
                         ids=self.code_ids, on_code=self._code_notes)  # fmt: skip
            if folder is not None:
                self.memo("codebook", book.id, folder.notes)
        return keys

    def _codebook(self, folder: QdaCode | None, key: str, order: int) -> Codebook:
        if folder is None:
            name = self.data.name[:255]
            book = Codebook(key=key, name_id=name, name_en=name, origin="refi-qda",
                            sort_order=order)  # fmt: skip
        else:
            f = code_fields(folder)
            d = folder.details
            book = Codebook(
                key=key,
                name_id=f.name_id,
                name_en=f.name_en,
                description_id=d.get("description_id", f.definition_id),
                description_en=d.get("description_en", f.definition_en),
                reference=f.reference,
                origin="refi-qda",
                sort_order=order,
            )  # fmt: skip
        self.s.add(book)
        self.s.flush()
        return book

    def _code_notes(self, code: QdaCode, code_id: int) -> None:
        self.memo("code", code_id, code.notes)

    # --- documents and codings ----------------------------------------------------------

    def document(self, doc: QdaDocument) -> None:
        row = Document(
            name=doc.name,
            original_filename=doc.origin[:1024] or doc.name,
            format=doc.format,
            content_hash=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
            text=doc.text,
            length=len(doc.text),
            encoding=doc.encoding,
        )
        self.s.add(row)
        self.s.flush()
        self.doc_ids[doc.guid] = row.id
        segments: list[dict[str, object]] = [
            {"document_id": row.id, "kind": "paragraph", "ordinal": i, "start": s, "end": e}
            for i, (s, e) in enumerate(doc.paragraphs)
        ]
        segments += [
            {"document_id": row.id, "kind": "turn", "ordinal": i, "start": t.start, "end": t.end,
             "speaker": t.speaker, "timestamp": t.timestamp}
            for i, t in enumerate(doc.turns)
        ]  # fmt: skip
        if segments:
            self.s.execute(insert(Segment), segments)
        seen: set[tuple[int, int, int, int]] = set()
        for c in doc.codings:
            if c.code in self.case_guids:
                whole = c.start == 0 and c.end == len(doc.text)
                span = (None, None) if whole else (c.start, c.end)
                self.codings.setdefault(c.code, []).append((row.id, *span))
                continue
            code_id = self.code_ids.get(c.code)
            if code_id is None:
                self.skipped.append(self._skipped_coding(doc, c, "unknown-code", c.code))
                continue
            coder = self.coder_for(c.user)
            ident = (code_id, coder, c.start, c.end)
            if ident in seen:
                self.skipped.append(self._skipped_coding(doc, c, "duplicate"))
                continue
            seen.add(ident)
            self.s.add(Coding(document_id=row.id, code_id=code_id, coder_id=coder,
                              start=c.start, end=c.end, snippet=doc.text[c.start:c.end],
                              memo=c.memo, illustrative=c.illustrative, stance=c.stance,
                              created_at=c.created or utcnow()))  # fmt: skip
            self.codings.setdefault(c.code, []).append((row.id, c.start, c.end))
        self.memo("document", row.id, doc.notes)

    # --- cases --------------------------------------------------------------------------

    def cases(self) -> int:
        """Attributes, cases, their values, links and memos; returns the attribute count."""
        attrs: dict[str, tuple[int, str]] = {}
        alias_vars: set[str] = set()
        for var in self.data.variables:
            if var.alias:
                alias_vars.add(var.guid)
                continue
            row = Attribute(name=self._attr_name(var.name), type=var.type)
            self.s.add(row)
            self.s.flush()
            attrs[var.guid] = (row.id, var.type)
        spans = {g: (d.guid, s) for d in self.data.documents for g, s in d.selections.items()}
        names: set[str] = set()
        for qcase in self.data.cases:
            name, n = qcase.name, 2
            while name in names:
                name, n = f"{qcase.name} ({n})", n + 1
            names.add(name)
            alias = next((v for g, v in qcase.values if g in alias_vars), None)
            case = Case(name=name, alias=alias[:255] if alias else None)
            self.s.add(case)
            self.s.flush()
            for var_guid, value in qcase.values:
                if var_guid in alias_vars:
                    continue
                if var_guid not in attrs:
                    self.skipped.append(Skipped("variable value", name, "unknown-variable"))
                    continue
                attr_id, attr_type = attrs[var_guid]
                try:
                    stored = canonical_value(attr_type, value[:10] if attr_type == "date"
                                             else value)  # fmt: skip
                except InvalidValue:
                    self.skipped.append(Skipped("variable value", name, "invalid-value"))
                    continue
                self.s.add(CaseAttribute(case_id=case.id, attribute_id=attr_id, value=stored))
            links: set[tuple[int, int | None, int | None]] = set()
            for source in qcase.sources:
                if source in self.doc_ids:
                    links.add((self.doc_ids[source], None, None))
                else:
                    self.skipped.append(Skipped("case link", name, "unknown-target"))
            for sel in qcase.selections:
                if sel in spans and spans[sel][0] in self.doc_ids:
                    doc_guid, (first, last) = spans[sel]
                    links.add((self.doc_ids[doc_guid], first, last))
                else:
                    self.skipped.append(Skipped("case link", name, "unknown-target"))
            for code in (*qcase.codes, qcase.guid):
                links.update(self.codings.get(code, ()))
            for doc_id, start, end in sorted(links, key=lambda t: (t[0], t[1] or -1, t[2] or -1)):
                self.s.add(DocumentCase(document_id=doc_id, case_id=case.id, start=start, end=end))
            if qcase.description:
                self.add_memo("case", case.id, qcase.description, None, None)
        return len(attrs)

    def _attr_name(self, wanted: str) -> str:
        name, n = wanted, 2
        while name in self.attr_names:
            name, n = f"{wanted} ({n})", n + 1
        self.attr_names.add(name)
        return name


def store_project(session: Session, *, data: QdaProject) -> QdpxImported:
    """Write everything ``data`` holds into the (new, empty) project of ``session`` in one
    committed transaction; rolled back entirely on any failure."""
    store = _Store(session, data)
    try:
        store.users()
        books = store.codebooks()
        for doc in data.documents:
            store.document(doc)
        attributes = store.cases()
        store.memo("project", None, data.project_notes)
        store.memo("project", None, tuple(data.notes))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    codings = sum(len(v) for k, v in store.codings.items() if k not in store.case_guids)
    return QdpxImported(
        project_path=None,
        documents=tuple(d.name for d in data.documents),
        codebooks=tuple(books),
        codes=len(store.code_ids),
        codings=codings,
        cases=len(data.cases),
        attributes=attributes,
        memos=store.memos,
        coders=tuple(sorted(store.coders)),
        skipped=tuple(store.skipped),
        warnings=data.warnings,
    )


def import_qdpx(
    *,
    path: Path,
    project_path: Path,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> QdpxImported:
    """Create the project ``project_path`` (which must not exist) from the ``.qdpx`` at
    ``path``. The archive is read and checked completely first; if anything fails, no
    project file is left behind."""
    project_path = Path(project_path)
    if project_path.exists():
        raise ProjectExists(project_path)
    data = read_qdpx(Path(path), progress=progress, limits=limits)
    project = create_project(project_path)
    try:
        with project.session() as session:
            result = store_project(session, data=data)
    except BaseException:
        project.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(project_path) + suffix).unlink(missing_ok=True)
        raise
    project.close()
    return replace(result, project_path=project_path)
