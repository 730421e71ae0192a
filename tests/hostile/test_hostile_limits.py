"""Text fields have length limits, refused in the core with one clear line and nothing
written (issue 13, row 12 and the fields around it); names in messages cannot break a line
(row 13) on the command line or in the GUI's messages, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_helpers import first_code_key
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.cli.messages import LENGTH_FIELDS, describe
from app.coding.analysis.cell_summaries import set_cell_summary
from app.coding.cases import create_case, set_attributes
from app.coding.codebooks import ensure_codebook
from app.coding.codes import create_code, update_code
from app.coding.codings import apply_code, update_coding
from app.coding.errors import InvalidValue, NotFound, UnsupportedFile
from app.coding.limits import MAX_LENGTHS, check_length
from app.coding.memos import set_memo
from app.coding.review import add_comment
from app.models.project import open_project
from app.models.schema import Case, Code, Codebook, Coding, Document

LONG = "x" * 100_001


def _ids(session: Session) -> tuple[int, int, int, int]:
    doc = session.scalar(select(Document.id))
    code = session.scalar(select(Code.id).order_by(Code.id))
    book = session.scalar(select(Codebook.id))
    coding = session.scalar(select(Coding.id))
    assert doc and code and book and coding
    return doc, code, book, coding


def _case(session: Session) -> int:
    """The study's one case (made by the fixture ``study_case``)."""
    found = session.scalar(select(Case.id))
    assert found is not None
    return found


# Each use case that writes a text people type, given a text one character too long.
WRITES: dict[str, Callable[[Session, str], object]] = {
    "code name": lambda s, t: create_code(s, codebook_id=_ids(s)[2], name_id=t),
    "code definition": lambda s, t: create_code(
        s, codebook_id=_ids(s)[2], name_id="Baru", definition_en=t
    ),
    "renamed code": lambda s, t: update_code(s, code_id=_ids(s)[1], name_en=t),
    "codebook name": lambda s, t: ensure_codebook(s, key="milik-saya", name_id=t, name_en="b"),
    "case name": lambda s, t: create_case(s, name=t),
    "case alias": lambda s, t: create_case(s, name="INF09", alias=t),
    "attribute name": lambda s, t: create_case(s, name="INF09", attributes={t: "ya"}),
    "attribute value": lambda s, t: create_case(s, name="INF09", attributes={"peran": t}),
    "changed attribute value": lambda s, t: set_attributes(
        s, case_id=_case(s), values={"peran": t}
    ),
    "document memo": lambda s, t: set_memo(
        s, target_kind="document", target_id=_ids(s)[0], text=t, author="siti"
    ),
    "coding memo": lambda s, t: apply_code(
        s, document_id=_ids(s)[0], code_id=_ids(s)[1], start=20, end=30, coder="siti", memo=t
    ),
    "changed coding memo": lambda s, t: update_coding(s, coding_id=_ids(s)[3], memo=t),
    "comment": lambda s, t: add_comment(s, coding_id=_ids(s)[3], author="bu dosen", text=t),
    "cell summary": lambda s, t: set_cell_summary(
        s, row_code_id=_ids(s)[1], column_kind="case", column_key="INF01", text=t
    ),
}


@pytest.mark.parametrize("what", list(WRITES))
def test_a_text_over_its_limit_is_refused_and_nothing_is_written(  # type: ignore[no-untyped-def]
    study: Path, dump, what: str
) -> None:
    project = open_project(study)
    with project.session() as session:
        create_case(session, name="INF01", attributes={"peran": "Lurah"})
    project.close()
    before = dump(study)
    project = open_project(study)
    try:
        with project.session() as session, pytest.raises((InvalidValue, NotFound)) as caught:
            WRITES[what](session, LONG)
    finally:
        project.close()
    error = caught.value
    assert isinstance(error, InvalidValue), error
    assert error.detail.startswith("too-long:"), error.detail
    assert len(error.value) < 100  # the error never carries the 100k characters
    line = describe(error)
    assert "is too long (at most" in line and "nothing was changed" in line
    assert len(line) < 200
    assert dump(study) == before


def test_each_limit_is_exact() -> None:
    for field, limit in MAX_LENGTHS.items():
        assert check_length(field, "a" * limit) == "a" * limit
        with pytest.raises(InvalidValue):
            check_length(field, "a" * (limit + 1))


def test_every_limited_field_has_words_on_the_command_line() -> None:
    assert set(LENGTH_FIELDS) == set(MAX_LENGTHS)


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--coder", "x" * 101, "coder name is too long (at most 100 characters)"),
        ("--memo", "x" * 100_001, "memo is too long (at most 100,000 characters)"),
    ],
)
def test_cli_code_refuses_long_texts_in_one_line(  # type: ignore[no-untyped-def]
    study: Path, dump, capsys, option: str, value: str, words: str
) -> None:
    before = dump(study)
    args = ["code", str(study), "--document", "INF01 wawancara", "--start", "10", "--end", "20",
            "--code", first_code_key(study), option, value]  # fmt: skip
    assert main(args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0], err
    assert dump(study) == before


def test_cli_import_refuses_a_long_case_name_and_imports_nothing(  # type: ignore[no-untyped-def]
    study: Path, dump, capsys, tmp_path: Path
) -> None:
    transcript = tmp_path / "INF02.txt"
    transcript.write_text("Informan: Kami ikut rapat.\n", encoding="utf-8")
    before = dump(study)
    assert main(["import", str(study), str(transcript), "--case", "K" * 201]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "case name is too long (at most 200 characters)" in err[0], err
    assert dump(study) == before


def test_cli_messages_escape_every_control_character(project, capsys) -> None:  # type: ignore[no-untyped-def]
    """A document name with a newline, a tab-free escape sequence and a bell, in an error
    (``telaah text`` of a document that does not exist) and in what ``say`` prints."""
    project.close()
    odd = "INF\n03\x1b[31m\x07"
    assert main(["text", str(project.path), "--document", odd]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err, repr(err)
    assert "INF\\n03\\x1b[31m\\x07" in err or "INF 03\\x1b[31m\\x07" in err, repr(err)
    line = describe(UnsupportedFile(Path("/tmp") / odd, "corrupt", "x\ny"))
    assert "\n" not in line and "\x1b" not in line and '"/tmp/INF\\n03\\x1b[31m\\x07"' in line


@pytest.mark.parametrize("language", ["en", "id"])
def test_gui_messages_name_the_field_and_stay_on_one_line(qapp, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.coding.errors import DuplicateName
    from app.ui.errors import error_message, length_fields
    from app.ui.language import apply_language

    apply_language("en")
    english = length_fields()
    apply_language(language)
    try:
        words = length_fields()
        assert set(words) == set(MAX_LENGTHS)
        if language == "id":
            assert all(words[k] != english[k] for k in words if k not in ("memo",)), words
        message = error_message(InvalidValue("coder", "x" * 60 + "…", "too-long:100"))
        assert words["coder"] in message and "100" in message
        assert message != "" and "\n" not in message
        expected = {"en": "is too long: at most 100 characters", "id": "terlalu panjang"}
        assert expected[language] in message, message
        for exc in (
            UnsupportedFile(Path("/tmp/INF02\nwawancara.docx"), "corrupt"),
            DuplicateName("case", "INF\n02"),
            NotFound("document", "a\x1b[2Jb"),
        ):
            text = error_message(exc)
            assert "\n" not in text and "\x1b" not in text, (exc, text)
            assert "\\n" in text or "\\x1b" in text, text
    finally:
        apply_language("en")
