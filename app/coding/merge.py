"""Merging another copy of a project (a supervisor's or a second coder's) into this one.

Matching rules: documents by content hash, codebooks and codes by key, coders and cases by
name, codings by (document, code, coder, span), review marks by (coding, reviewer), comments
by (coding, author, text, time). What is missing here is added; what differs and cannot be
reconciled is reported as a :class:`Conflict` and ours is kept. Memos by target: a target
holds one memo, so theirs is added only where ours has none (a different text is a
``memo`` conflict). Running the same merge twice changes nothing the second time. Everything
happens in one transaction; :attr:`MergeReport.changes` says what the views must reload.

The other copy is a file someone else made: before anything is written, every text in it
with a limit in :data:`~app.coding.limits.MAX_LENGTHS` is measured (the rows that would be
conflicts too, whose texts the report shows), and one over its limit refuses the whole merge
(:class:`~app.coding.errors.MergeRefused`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import LargeBinary, cast, func, literal, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.documents import content_hash
from app.coding.errors import NUL_CHARACTER, SPAN_OUTSIDE, InvalidValue, MergeRefused
from app.coding.limits import MAX_LENGTHS
from app.models.project import open_copy
from app.models.schema import (
    Attribute,
    Case,
    CaseAttribute,
    CellSummary,
    Code,
    Codebook,
    Coder,
    Coding,
    Comment,
    Document,
    DocumentCase,
    Memo,
    ReviewMark,
    Segment,
)
from app.models.server import PasswordPrompt, is_server_target
from app.models.transactions import committed

_CODE_FIELDS = ("name_id", "name_en", "definition_id", "definition_en", "colour")

_CODE_TEXTS = ("definition_id", "definition_en", "keywords", "reference", "use_when_id",
               "use_when_en", "not_use_when_id", "not_use_when_en")  # fmt: skip

#: Every text column the other copy can bring, with its :data:`MAX_LENGTHS` field: the same
#: limit as the verb that writes it here (``update_code`` gives a code's other texts the
#: definition's).
_LIMITED_TEXTS: tuple[tuple[type, str, str], ...] = (
    (Coder, "name", "coder"),
    (Document, "name", "document"),
    (Codebook, "name_id", "codebook"),
    (Codebook, "name_en", "codebook"),
    *((Codebook, c, "description") for c in ("description_id", "description_en", "reference")),
    (Code, "name_id", "code"),
    (Code, "name_en", "code"),
    *((Code, c, "description") for c in _CODE_TEXTS),
    (Attribute, "name", "attribute"),
    (Case, "name", "case"),
    (Case, "alias", "alias"),
    (CaseAttribute, "value", "value"),
    (Coding, "memo", "memo"),
    (Comment, "text", "comment"),
    (Memo, "text", "memo"),
    (CellSummary, "text", "summary"),
    (Document, "title", "title"),
    (Code, "finding", "finding"),
)


#: The kinds of thing a merge counts in :attr:`MergeReport.added`: the GUI has a word for
#: each in both languages; ``tests/ui/test_reasons.py`` checks the merge counts no other.
MERGE_KINDS: tuple[str, ...] = (
    "coders", "documents", "codebooks", "codes", "findings", "attributes", "cases",
    "attribute values", "case links", "codings", "coding memos", "stars", "review marks",
    "comments", "resolutions", "memos", "cell summaries",
)  # fmt: skip


@dataclass(frozen=True)
class Conflict:
    """Something both copies hold differently; ours was kept."""

    kind: str  # code, case-attribute, coding-memo, coding-stance, document-name, cell-summary,
    # attribute-type, memo, code-finding
    key: str
    ours: str
    theirs: str


@dataclass(frozen=True)
class MergeReport:
    """How many things of each kind were added, and the conflicts found."""

    added: dict[str, int]
    conflicts: tuple[Conflict, ...]

    @property
    def changed(self) -> bool:
        return any(self.added.values())

    @property
    def changes(self) -> Changes:
        """For the change stream: anything may have come in (nothing when nothing did)."""
        return Changes.everything() if self.changed else Changes()


class _Merger:
    def __init__(self, ours: Session, theirs: Session) -> None:
        self.ours, self.theirs = ours, theirs
        self.added: Counter[str] = Counter()
        self.conflicts: list[Conflict] = []
        self.docs: dict[int, int] = {}
        self.codes: dict[int, int] = {}
        self.coders: dict[int, int] = {}
        self.cases: dict[int, int] = {}
        self.codings: dict[int, int] = {}
        self.books: dict[int, int] = {}

    def conflict(self, kind: str, key: str, ours: object, theirs: object) -> None:
        self.conflicts.append(Conflict(kind, key, str(ours), str(theirs)))

    def coders_(self) -> None:
        ours = {c.name: c.id for c in self.ours.scalars(select(Coder))}
        for coder in self.theirs.scalars(select(Coder)):
            if coder.name not in ours:
                row = Coder(name=coder.name, role=coder.role)
                self.ours.add(row)
                self.ours.flush()
                ours[coder.name] = row.id
                self.added["coders"] += 1
            self.coders[coder.id] = ours[coder.name]

    def documents(self) -> None:
        # ours hashed from the texts too, so that both sides are compared the same way
        by_hash = {
            content_hash(text): doc_id
            for doc_id, text in self.ours.execute(select(Document.id, Document.text))
        }
        names = {d.name for d in self.ours.scalars(select(Document))}
        for doc in self.theirs.scalars(select(Document)):
            # The hash and length their file states are not believed: a copy edited by
            # another program could pair a changed text with our document's hash, and
            # its codings would then land on our text.
            real_hash = content_hash(doc.text)
            if real_hash in by_hash:
                self.docs[doc.id] = by_hash[real_hash]
                continue
            name, n = doc.name, 2
            while name in names:
                name, n = f"{doc.name} ({n})", n + 1
            if name != doc.name:
                self.conflict("document-name", doc.name, doc.name, name)
            row = Document(
                name=name,
                original_filename=doc.original_filename,
                format=doc.format,
                content_hash=real_hash,
                text=doc.text,
                length=len(doc.text),
                encoding=doc.encoding,
                imported_at=doc.imported_at,
                # what kind of source it is and how quotes cite it (triangulation columns)
                source_type=doc.source_type,
                title=doc.title,
                source_date=doc.source_date,
            )
            self.ours.add(row)
            self.ours.flush()
            for seg in self.theirs.scalars(select(Segment).where(Segment.document_id == doc.id)):
                self.ours.add(
                    Segment(
                        document_id=row.id,
                        kind=seg.kind,
                        ordinal=seg.ordinal,
                        start=seg.start,
                        end=seg.end,
                        speaker=seg.speaker,
                        timestamp=seg.timestamp,
                    )
                )
            names.add(name)
            by_hash[real_hash] = row.id
            self.docs[doc.id] = row.id
            self.added["documents"] += 1

    def codebooks_and_codes(self) -> None:
        books = {b.key: b.id for b in self.ours.scalars(select(Codebook))}
        their_books: dict[int, int] = {}
        for book in self.theirs.scalars(select(Codebook)):
            if book.key not in books:
                row = Codebook(
                    key=book.key,
                    name_id=book.name_id,
                    name_en=book.name_en,
                    description_id=book.description_id,
                    description_en=book.description_en,
                    reference=book.reference,
                    origin=book.origin,
                    sort_order=book.sort_order,
                    version=book.version,
                )
                self.ours.add(row)
                self.ours.flush()
                books[book.key] = row.id
                self.added["codebooks"] += 1
            their_books[book.id] = books[book.key]
        self.books = their_books
        ours = {c.key: c for c in self.ours.scalars(select(Code))}
        theirs = list(self.theirs.scalars(select(Code)))
        by_id = {c.id: c for c in theirs}

        def depth(code: Code) -> int:
            d = 0
            while code.parent_id is not None:
                code, d = by_id[code.parent_id], d + 1
            return d

        for code in sorted(theirs, key=depth):
            mine = ours.get(code.key)
            if mine is None:
                mine = Code(
                    codebook_id=their_books[code.codebook_id],
                    parent_id=self.codes[code.parent_id] if code.parent_id else None,
                    key=code.key,
                    name_id=code.name_id,
                    name_en=code.name_en,
                    definition_id=code.definition_id,
                    definition_en=code.definition_en,
                    colour=code.colour,
                    keywords=code.keywords,
                    reference=code.reference,
                    use_when_id=code.use_when_id,
                    use_when_en=code.use_when_en,
                    not_use_when_id=code.not_use_when_id,
                    not_use_when_en=code.not_use_when_en,
                    sort_order=code.sort_order,
                    finding=code.finding,
                )
                self.ours.add(mine)
                self.ours.flush()
                ours[code.key] = mine
                self.added["codes"] += 1
            else:
                for name in _CODE_FIELDS:
                    if getattr(mine, name) != getattr(code, name):
                        ours_v, theirs_v = getattr(mine, name), getattr(code, name)
                        self.conflict("code", f"{code.key}:{name}", ours_v, theirs_v)
                if code.finding and code.finding != mine.finding:  # one finding a code
                    if mine.finding:
                        self.conflict(
                            "code-finding", f"{code.key}:finding", mine.finding, code.finding
                        )
                    else:
                        mine.finding = code.finding
                        self.added["findings"] += 1
            self.codes[code.id] = mine.id

    def cases_(self) -> None:
        attrs = {a.name: a for a in self.ours.scalars(select(Attribute))}
        their_attrs: dict[int, Attribute] = {}
        for attr in self.theirs.scalars(select(Attribute)):
            mine = attrs.get(attr.name)
            if mine is None:
                mine = Attribute(name=attr.name, type=attr.type)
                self.ours.add(mine)
                self.ours.flush()
                attrs[attr.name] = mine
                self.added["attributes"] += 1
            elif mine.type != attr.type:
                self.conflict("attribute-type", attr.name, mine.type, attr.type)
            their_attrs[attr.id] = mine
        ours = {c.name: c for c in self.ours.scalars(select(Case))}
        for case in self.theirs.scalars(select(Case)):
            our_case = ours.get(case.name)
            if our_case is None:
                our_case = Case(
                    name=case.name,
                    alias=case.alias,
                    informant_code=case.informant_code,
                    created_at=case.created_at,
                )
                self.ours.add(our_case)
                self.ours.flush()
                ours[case.name] = our_case
                self.added["cases"] += 1
            self.cases[case.id] = our_case.id
        for value in self.theirs.scalars(select(CaseAttribute)):
            case_id, attr = self.cases[value.case_id], their_attrs[value.attribute_id]
            existing = self.ours.get(CaseAttribute, (case_id, attr.id))
            if existing is None:
                self.ours.add(
                    CaseAttribute(case_id=case_id, attribute_id=attr.id, value=value.value)
                )
                self.added["attribute values"] += 1
            elif existing.value != value.value:
                case_name = self.ours.get(Case, case_id)
                label = f"{case_name.name if case_name else case_id}:{attr.name}"
                self.conflict("case-attribute", label, existing.value, value.value)
        links = {
            (link.document_id, link.case_id, link.start, link.end)
            for link in self.ours.scalars(select(DocumentCase))
        }
        for link in self.theirs.scalars(select(DocumentCase)):
            ident = (self.docs[link.document_id], self.cases[link.case_id], link.start, link.end)
            if ident not in links:
                self.ours.add(
                    DocumentCase(
                        document_id=ident[0], case_id=ident[1], start=link.start, end=link.end
                    )
                )
                links.add(ident)
                self.added["case links"] += 1

    def codings_(self) -> None:
        ours = {
            (c.document_id, c.code_id, c.coder_id, c.start, c.end): c
            for c in self.ours.scalars(select(Coding))
        }
        text = _OneText(self.ours)
        # by document, so that one text at a time is read to cut the new snippets from
        for c in self.theirs.scalars(select(Coding).order_by(Coding.document_id, Coding.id)):
            ident = (
                self.docs[c.document_id],
                self.codes[c.code_id],
                self.coders[c.coder_id],
                c.start,
                c.end,
            )
            mine = ours.get(ident)
            if mine is None:
                mine = Coding(
                    document_id=ident[0],
                    code_id=ident[1],
                    coder_id=ident[2],
                    start=c.start,
                    end=c.end,
                    # cut from the text, not taken from their file: a quote in a chapter
                    # must be what the informant said (check_other_copy checked the span)
                    snippet=text.of(ident[0])[c.start : c.end],
                    memo=c.memo,
                    illustrative=c.illustrative,
                    stance=c.stance,
                    created_at=c.created_at,
                    updated_at=c.updated_at,
                )
                self.ours.add(mine)
                self.ours.flush()
                ours[ident] = mine
                self.added["codings"] += 1
            else:
                if c.memo and c.memo != mine.memo:
                    if mine.memo:
                        self.conflict("coding-memo", f"{mine.id}", mine.memo, c.memo)
                    else:
                        mine.memo = c.memo
                        self.added["coding memos"] += 1
                if c.illustrative and not mine.illustrative:
                    mine.illustrative = True
                    self.added["stars"] += 1
                if c.stance != mine.stance:
                    self.conflict("coding-stance", f"{mine.id}", mine.stance, c.stance)
            self.codings[c.id] = mine.id

    def review(self) -> None:
        marks = {(m.coding_id, m.reviewer_id): m for m in self.ours.scalars(select(ReviewMark))}
        for m in self.theirs.scalars(select(ReviewMark)):
            ident = (self.codings[m.coding_id], self.coders[m.reviewer_id])
            mine = marks.get(ident)
            if mine is None:
                self.ours.add(
                    ReviewMark(
                        coding_id=ident[0],
                        reviewer_id=ident[1],
                        status=m.status,
                        updated_at=m.updated_at,
                    )
                )
                self.added["review marks"] += 1
            elif mine.status != m.status and m.updated_at > mine.updated_at:
                mine.status, mine.updated_at = m.status, m.updated_at
                self.added["review marks"] += 1
        known = {
            (c.coding_id, c.author_id, c.text, c.created_at): c
            for c in self.ours.scalars(select(Comment))
        }
        mapped: dict[int, int] = {}
        for c in self.theirs.scalars(select(Comment).order_by(Comment.id)):
            key = (self.codings[c.coding_id], self.coders[c.author_id], c.text, c.created_at)
            comment = known.get(key)
            if comment is None:
                comment = Comment(
                    coding_id=key[0],
                    author_id=key[1],
                    text=c.text,
                    created_at=c.created_at,
                    resolved=c.resolved,
                    reply_to_id=mapped.get(c.reply_to_id) if c.reply_to_id else None,
                )
                self.ours.add(comment)
                self.ours.flush()
                known[key] = comment
                self.added["comments"] += 1
            elif c.resolved and not comment.resolved:
                comment.resolved = True
                self.added["resolutions"] += 1
            mapped[c.id] = comment.id

    def memos_and_summaries(self) -> None:
        targets = {
            "document": self.docs,
            "code": self.codes,
            "case": self.cases,
            "codebook": self.books,
        }
        ours = {(m.target_kind, m.target_id): m.text for m in self.ours.scalars(select(Memo))}
        for m in self.theirs.scalars(select(Memo)):
            mapping = targets.get(m.target_kind)
            target = mapping.get(m.target_id) if mapping and m.target_id else m.target_id
            if m.target_kind != "project" and target is None:
                continue  # a memo whose target their copy no longer has
            held = ours.get((m.target_kind, target))
            if held is not None:
                if held != m.text:
                    self.conflict("memo", f"{m.target_kind}:{target or ''}", held, m.text)
                continue
            self.ours.add(
                Memo(
                    target_kind=m.target_kind,
                    target_id=target,
                    text=m.text,
                    coder_id=self.coders.get(m.coder_id) if m.coder_id else None,
                    created_at=m.created_at,
                )
            )
            ours[(m.target_kind, target)] = m.text
            self.added["memos"] += 1
        summaries = {
            (s.row_code_id, s.column_kind, s.column_key): s
            for s in self.ours.scalars(select(CellSummary))
        }
        for s in self.theirs.scalars(select(CellSummary)):
            ident = (self.codes[s.row_code_id], s.column_kind, s.column_key)
            mine = summaries.get(ident)
            if mine is None:
                self.ours.add(
                    CellSummary(
                        row_code_id=ident[0],
                        column_kind=s.column_kind,
                        column_key=s.column_key,
                        text=s.text,
                    )
                )
                self.added["cell summaries"] += 1
            elif mine.text != s.text and s.text:
                self.conflict("cell-summary", f"{ident[0]}:{s.column_key}", mine.text, s.text)


def merge_project_file(
    session: Session,
    *,
    path: Path | str,
    this_file: Path | None = None,
    ask_password: PasswordPrompt | None = None,
) -> MergeReport:
    """Merge the project at ``path`` into ``session``: a file (read through a private copy)
    or a server URL (read in one snapshot), so an offline coder's file can be brought back
    into the team's server project and the other way round.

    ``this_file`` is the open project's own file: merging a project into itself is refused.
    """
    if (
        this_file is not None
        and not is_server_target(path)
        and Path(this_file).resolve() == Path(path).resolve()
    ):
        raise InvalidValue("merge", str(path), "same project")
    with open_copy(path, ask_password=ask_password) as other, other.session() as theirs:
        return merge_projects(session, other=theirs)


def merge_projects(session: Session, *, other: Session) -> MergeReport:
    """Bring the other copy's documents, codes, cases, codings, memos and review state in.

    Raises :class:`~app.coding.errors.MergeRefused` before anything is written when a text
    of the other copy is over its limit."""
    check_other_copy(other)
    merger = _Merger(session, other)
    with committed(session):
        merger.coders_()
        merger.documents()
        merger.codebooks_and_codes()
        merger.cases_()
        merger.codings_()
        merger.review()
        merger.memos_and_summaries()
    added = {kind: n for kind, n in sorted(merger.added.items()) if n}
    return MergeReport(added, tuple(merger.conflicts))


def check_other_copy(other: Session) -> None:
    """Refuse (:class:`~app.coding.errors.MergeRefused`) a copy holding a text over its
    limit, a text with a NUL character, or a passage (coding, paragraph or turn, case link)
    that is not inside its document's text.

    Every row is measured, not only those the merge would add: a conflicting row's text goes
    into the report. The database measures (one query a column, nothing long is loaded)."""
    sqlite = other.get_bind().dialect.name == "sqlite"
    for model, name, field in (*_LIMITED_TEXTS, (Document, "text", "text")):
        column, limit = getattr(model, name), MAX_LENGTHS.get(field)
        start = limit and other.scalar(
            select(func.substr(column, 1, 60)).where(func.length(column) > limit).limit(1)
        )
        if start:
            raise MergeRefused(field, start + "…", f"too-long:{limit}")
        if sqlite:
            # SQLite's length() of a text stops at a NUL, which a file edited by another
            # program may hold (no importer keeps one; PostgreSQL refuses it in text):
            # such a text is refused whatever its length.
            nul = other.scalar(
                select(func.substr(column, 1, 60))
                .where(func.instr(cast(column, LargeBinary), literal(b"\0")) > 0)
                .limit(1)
            )
            if nul is not None:
                raise MergeRefused(field, nul.replace("\0", "") + "…", NUL_CHARACTER)
    for model, what in ((Coding, "coding"), (Segment, "paragraph"), (DocumentCase, "case link")):
        outside = other.execute(
            select(model.start, model.end)
            .outerjoin(Document, Document.id == model.document_id)
            .where(_outside(model, sqlite))
            .limit(1)
        ).first()
        if outside is not None:
            span = "–".join("?" if v is None else str(v) for v in outside)
            raise MergeRefused(what, span, SPAN_OUTSIDE)


def _outside(model: type[Coding] | type[Segment] | type[DocumentCase], sqlite: bool) -> Any:
    """Rows of ``model`` whose document is missing or whose span is not inside its text (a
    case link without a span is the whole document)."""
    start, end = model.start, model.end
    bad = (start < 0) | (end > func.length(Document.text))
    bad = bad | ((end < start) if model is Segment else (end <= start))
    if sqlite:  # a column of a file can hold any type: a position must be a whole number
        bad = bad | (func.typeof(start) != "integer") | (func.typeof(end) != "integer")
    if model is DocumentCase:
        whole = start.is_(None) & end.is_(None)
        return Document.id.is_(None) | (~whole & (start.is_(None) | end.is_(None) | bad))
    return Document.id.is_(None) | bad


class _OneText:
    """The stored text of one of our documents at a time (the last one asked for)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.document_id: int | None = None
        self.text = ""

    def of(self, document_id: int) -> str:
        if document_id != self.document_id:
            stored = self.session.scalar(select(Document.text).where(Document.id == document_id))
            self.document_id, self.text = document_id, stored or ""
        return self.text
