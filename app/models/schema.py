"""The project's tables. Mapping only; behaviour lives in :mod:`app.coding`.

Offsets (``start``/``end``) are always Unicode code points into ``Document.text``;
``end`` is exclusive, so ``text[start:end]`` is the coded passage.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite stores no zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Document(Base):
    """An imported transcript or secondary source. ``text`` never changes after import.

    ``source_type`` says what kind of source it is (triangulation columns); ``title`` is the
    name quotes cite ("" means the file name without its extension); ``source_date`` is when
    the interview, observation or document took place or was published.
    """

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(
            "source_type IN ('interview', 'observation', 'fgd', 'document', 'news', 'other')",
            name="source_type",
        ),
        # The text comes before these columns in the row: reading them for every document
        # would walk every text's overflow pages. Listing and analyses read this index.
        Index("ix_documents_listing", "name", "id", "format", "length", "source_type"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    original_filename: Mapped[str] = mapped_column(String(1024))
    format: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text, deferred=True)
    length: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str | None] = mapped_column(String(32), default=None)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    source_type: Mapped[str] = mapped_column(
        String(16), default="interview", server_default="interview"
    )
    title: Mapped[str] = mapped_column(String(255), default="", server_default="")
    source_date: Mapped[date | None] = mapped_column(Date, default=None)

    segments: Mapped[list[Segment]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Segment(Base):
    """A paragraph or a speaker turn of a document (kind ``paragraph`` or ``turn``)."""

    __tablename__ = "segments"
    __table_args__ = (
        Index("ix_segments_document_kind_start", "document_id", "kind", "start"),
        # The speaker filter (0013); only rows with a speaker, turns, are in it (0015).
        # Its WHERE for PostgreSQL: see postgresql_where_clauses.
        Index("ix_segments_speaker", "speaker", "kind", sqlite_where=text("speaker IS NOT NULL")),
        CheckConstraint("kind IN ('paragraph', 'turn')", name="kind"),
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(255), default=None)
    timestamp: Mapped[str | None] = mapped_column(String(32), default=None)

    document: Mapped[Document] = relationship(back_populates="segments")


class Case(Base):
    """An informant, village, shelter… Attributes drive every comparison."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    alias: Mapped[str | None] = mapped_column(String(255), default=None)
    #: The informant code of the thesis ("AP1"), set by the researcher; None means it is
    #: derived from the group attribute (see :mod:`app.coding.informants`).
    informant_code: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Attribute(Base):
    """A typed case attribute (``text``, ``number``, ``date`` or ``category``)."""

    __tablename__ = "attributes"
    __table_args__ = (
        CheckConstraint("type IN ('text', 'number', 'date', 'category')", name="type"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    type: Mapped[str] = mapped_column(String(16), default="text")


class CaseAttribute(Base):
    """The value of one attribute for one case, stored as text in a canonical form."""

    __tablename__ = "case_attributes"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[str] = mapped_column(Text)


class DocumentCase(Base):
    """Links a document (whole, when start/end are NULL) or a span of it to a case."""

    __tablename__ = "document_cases"
    __table_args__ = (
        Index("ix_document_cases_case", "case_id"),
        Index("ix_document_cases_document", "document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    start: Mapped[int | None] = mapped_column(Integer, default=None)
    end: Mapped[int | None] = mapped_column(Integer, default=None)


class Codebook(Base):
    """A named set of codes (a theory, or the researcher's own)."""

    __tablename__ = "codebooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    name_id: Mapped[str] = mapped_column(String(255))
    name_en: Mapped[str] = mapped_column(String(255))
    description_id: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="user")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    #: Version of the bundled codebook file it was installed or last updated from (0: none).
    version: Mapped[int] = mapped_column(Integer, default=0)
    #: On a server, the login that created it (filled by the server; only it or an admin
    #: may drop the codebook). Empty in a file.
    owner: Mapped[str | None] = mapped_column(String(100))


class Code(Base):
    """A code or indicator. ``key`` is stable: ``codebook/code[/indicator]``."""

    __tablename__ = "codes"
    __table_args__ = (Index("ix_codes_codebook_parent", "codebook_id", "parent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    codebook_id: Mapped[int] = mapped_column(ForeignKey("codebooks.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), default=None
    )
    key: Mapped[str] = mapped_column(String(512), unique=True)
    name_id: Mapped[str] = mapped_column(String(255))
    name_en: Mapped[str] = mapped_column(String(255))
    definition_id: Mapped[str] = mapped_column(Text, default="")
    definition_en: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7), default="#888888")
    keywords: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(Text, default="")
    # Decision rules: when the code applies and when a neighbouring code does instead.
    use_when_id: Mapped[str] = mapped_column(Text, default="")
    use_when_en: Mapped[str] = mapped_column(Text, default="")
    not_use_when_id: Mapped[str] = mapped_column(Text, default="")
    not_use_when_en: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: The researcher's short finding for this box ("Temuan"), one or two sentences.
    finding: Mapped[str] = mapped_column(Text, default="", server_default="")


class Coder(Base):
    """A person who codes, reviews or writes memos.

    ``role`` ``primary``: their codings are the evidence analyses count; ``second``: they code
    for agreement checks only.
    """

    __tablename__ = "coders"
    __table_args__ = (CheckConstraint("role IN ('primary', 'second')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="primary", server_default="primary")


class Coding(Base):
    """A code applied to ``document.text[start:end]`` by one coder; overlaps are normal.

    ``stance`` is what the passage says of the code: ``supports`` (it happens), ``absent``
    (the informant says it does not or did not happen) or ``barrier`` (an obstacle to it).
    """

    __tablename__ = "codings"
    __table_args__ = (
        UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),
        # the end too: the document list's coded share sweeps the index alone (0013)
        Index("ix_codings_document_start", "document_id", "start", "end"),
        Index("ix_codings_code", "code_id"),
        Index("ix_codings_coder", "coder_id"),
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        CheckConstraint("stance IN ('supports', 'absent', 'barrier')", name="stance"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    snippet: Mapped[str] = mapped_column(Text)
    memo: Mapped[str] = mapped_column(Text, default="")
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    stance: Mapped[str] = mapped_column(String(16), default="supports", server_default="supports")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Memo(Base):
    """A free memo attached to the project, a document, a code, a case or a codebook."""

    __tablename__ = "memos"
    __table_args__ = (
        Index("ix_memos_target", "target_kind", "target_id"),
        CheckConstraint(
            "target_kind IN ('project', 'document', 'code', 'case', 'codebook')",
            name="target_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int | None] = mapped_column(Integer, default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    coder_id: Mapped[int | None] = mapped_column(
        ForeignKey("coders.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class CellSummary(Base):
    """A researcher-written summary of one framework-matrix cell (row code × column)."""

    __tablename__ = "cell_summaries"
    __table_args__ = (
        UniqueConstraint("row_code_id", "column_kind", "column_key"),
        CheckConstraint("column_kind IN ('case', 'attr', 'code')", name="column_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    row_code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    column_kind: Mapped[str] = mapped_column(String(8))
    column_key: Mapped[str] = mapped_column(String(512))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ReviewMark(Base):
    """A reviewer's verdict on one coding: ``agreed`` or ``questioned``."""

    __tablename__ = "review_marks"
    __table_args__ = (
        UniqueConstraint("coding_id", "reviewer_id"),
        CheckConstraint("status IN ('agreed', 'questioned')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    coding_id: Mapped[int] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Comment(Base):
    """A comment on a coding (a reviewer's question or the coder's answer)."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_coding", "coding_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coding_id: Mapped[int] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"))
    reply_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), default=None
    )
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ProjectSetting(Base):
    """One project-wide setting (``key`` → text value); see :mod:`app.coding.settings`."""

    __tablename__ = "project_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


def postgresql_where_clauses() -> None:
    """Give the partial indexes their WHERE for PostgreSQL too (the same SQL as SQLite's).

    Called where a server engine is made: a ``postgresql_where`` in the table arguments
    would make SQLAlchemy load its PostgreSQL dialect, with every driver module of it, when
    this module is imported, about 60 ms of every start of a desktop project that never
    talks to a server. Repeated calls change nothing."""
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            where = index.dialect_options["sqlite"]["where"]
            if where is not None:
                index.dialect_options["postgresql"]["where"] = where
