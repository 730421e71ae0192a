"""In-vivo coding: a new code named from the selected words, applied to them, in one step.

``code_in_vivo`` makes the "In vivo" codebook when it is missing, creates the code and codes
the span in **one** committed transaction (nothing half-made after a failure or a crash). Undo
is :func:`app.coding.codes.delete_code` of the new code (its coding goes with it), redo
:func:`~app.coding.codes.restore_code` of that snapshot. The GUI's ``InVivoCommand`` and
``telaah code --in-vivo`` call it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.codebooks import ensure_codebook
from app.coding.codes import CodeRow, create_code
from app.coding.codings import CodingChanges, NewCoding, apply_codes
from app.coding.errors import InvalidValue, NotFound
from app.models.schema import Document
from app.models.transactions import committed

IN_VIVO_KEY = "in-vivo"
IN_VIVO_COLOUR = "#8a5a9e"
IN_VIVO_NAME_LENGTH = 60


def in_vivo_name(selection: str) -> str:
    """A code name from selected text: one line, trimmed, at most 60 characters."""
    words = " ".join(selection.split())
    words = words.strip(" \t.,;:!?\"'()[]“”‘’")
    if len(words) > IN_VIVO_NAME_LENGTH:
        words = words[: IN_VIVO_NAME_LENGTH - 1].rstrip() + "…"
    return words


@dataclass(frozen=True)
class InVivoCoding:
    """The code made in vivo and the coding of its words."""

    code: CodeRow
    coding: CodingChanges

    @property
    def changes(self) -> Changes:
        return Changes.of_codes([self.code.id]) | self.coding.changes


def code_in_vivo(
    session: Session,
    *,
    document_id: int,
    start: int,
    end: int,
    coder: str,
    name: str | None = None,
) -> InVivoCoding:
    """Code ``[start, end)`` (code points) with a new code in the "In vivo" codebook, named
    ``name`` or, by default, from the selected words; one committed transaction.

    Raises ``NotFound`` (document), ``InvalidSpan``, ``InvalidValue`` (no words to name it).
    """
    with committed(session):
        text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is None:
            raise NotFound("document", str(document_id))
        label = (name or "").strip() or in_vivo_name(text[max(start, 0) : max(end, 0)])
        if not label:
            raise InvalidValue("code name", label, "empty")
        book = ensure_codebook(
            session, key=IN_VIVO_KEY, name_id="In vivo", name_en="In vivo"
        ).codebook_id
        code = create_code(
            session, codebook_id=book, name_id=label, name_en=label, colour=IN_VIVO_COLOUR
        )
        coding = apply_codes(
            session, codings=[NewCoding(document_id, code.id, start, end)], coder=coder
        )
    return InVivoCoding(code, coding)
