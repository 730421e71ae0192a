"""GUI error sentences name fields in the user's language, never by their internal key."""

from __future__ import annotations

import pytest

from app.coding.codebooks import ensure_codebook
from app.coding.codes import create_code
from app.coding.errors import InvalidValue
from app.models.project import Project
from app.ui.errors import error_message, field_words
from app.ui.language import apply_language


def _raised(project: Project, **fields: str) -> InvalidValue:
    with project.session() as session:
        book = ensure_codebook(session, key="tes", name_id="Tes", name_en="Test")
        with pytest.raises(InvalidValue) as info:
            create_code(session, codebook_id=book.codebook_id, **fields)
        session.rollback()
    return info.value


@pytest.mark.parametrize(
    ("language", "empty", "colour"),
    [
        ("en", "The code name is empty: please enter one.", 'The colour "merah" is not valid.'),
        ("id", "Nama kode masih kosong: isi dulu.", 'Warna "merah" tidak sah.'),
    ],
)
def test_empty_and_invalid_values_read_as_sentences(  # type: ignore[no-untyped-def]
    qapp, project: Project, language: str, empty: str, colour: str
) -> None:
    apply_language(language)
    try:
        assert error_message(_raised(project, name_id="   ")) == empty
        assert error_message(_raised(project, name_id="Kode", colour="merah")) == colour
    finally:
        apply_language("en")


def test_every_field_word_is_translated(qapp) -> None:  # type: ignore[no-untyped-def]
    apply_language("en")
    english = field_words()
    apply_language("id")
    try:
        indonesian = field_words()
    finally:
        apply_language("en")
    assert set(english) == set(indonesian)
    same = {k for k in english if english[k].lower() == indonesian[k].lower()}
    assert same <= {"memo", "format"}, same
