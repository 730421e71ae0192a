"""Every refusal reason the core can give has a sentence in the GUI (English and Indonesian)
and on the command line, and every importable format is offered everywhere formats appear."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.messages import ARCHIVE_REASONS as CLI_ARCHIVE
from app.cli.messages import FILE_REASONS as CLI_FILE
from app.cli.messages import SKIP_REASONS as CLI_SKIP
from app.cli.messages import describe, skip_reason
from app.coding.autocode import TooManyHits
from app.coding.codes import AmbiguousCode
from app.coding.demo import PhraseNotFound
from app.coding.errors import FILE_REASONS, UnsupportedFile
from app.coding.importing import extract
from app.coding.importing.formats import FORMATS, format_for, glob_patterns, main_suffixes
from app.coding.refiqda.model import SKIP_REASONS
from app.coding.refiqda.safety import ARCHIVE_REASONS, ArchiveRefused
from app.models.project import ProjectExists
from app.ui.errors import archive_reason, error_message, file_reason
from app.ui.errors import skip_reason as gui_skip_reason
from app.ui.language import apply_language

FALLBACKS = (
    "could not be imported (",
    "Unexpected error",
    "tak terduga",
    "Berkas tidak dapat diimpor (",
)


@pytest.fixture(params=["en", "id"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    apply_language(request.param)
    yield request.param
    apply_language("en")


def test_every_file_and_archive_reason_has_a_gui_sentence(language: str) -> None:
    apply_language("en")
    english = {r: file_reason(r) for r in FILE_REASONS} | {
        f"qdpx:{r}": archive_reason(r) for r in ARCHIVE_REASONS
    }
    apply_language(language)
    here = {r: file_reason(r) for r in FILE_REASONS} | {
        f"qdpx:{r}": archive_reason(r) for r in ARCHIVE_REASONS
    }
    for reason, text in here.items():
        assert not any(f in text for f in FALLBACKS), (reason, text)
        assert text[:1].isupper() and text.endswith("."), (reason, text)  # a sentence
        if language == "id":
            assert text != english[reason], (reason, text)  # translated
    # each reason reads differently: no two keys share one sentence by accident
    assert len(set(here.values())) == len(set(english.values()))


def test_every_reason_has_a_cli_sentence() -> None:
    assert set(CLI_FILE) == set(FILE_REASONS)
    assert set(ARCHIVE_REASONS) <= set(CLI_ARCHIVE) | set(CLI_FILE)
    for reason in FILE_REASONS:
        line = describe(UnsupportedFile(Path("wawancara 1.docx"), reason))
        assert line.startswith("cannot import 'wawancara 1.docx': ") or "wawancara 1.docx" in line
        assert line.endswith(f"[{reason}]") and CLI_FILE[reason] in line
    for reason in ARCHIVE_REASONS:
        line = describe(ArchiveRefused(Path("proyek.qdpx"), reason, "x"))
        words = CLI_ARCHIVE.get(reason) or CLI_FILE[reason]
        assert words in line and line.endswith(f"[{reason}; x]"), line


def _reasons_written_by_the_refiqda_reader() -> set[str]:
    """Every reason key the REFI-QDA reader and importer write as a literal (the reason
    argument of ``Skipped(...)`` and of the reader's ``skip*`` helpers, the media kinds and
    the sections they do not import)."""
    import ast

    import app.coding.refiqda.import_ as importer
    import app.coding.refiqda.reader as reader

    where = {"Skipped": 2, "skip": 2, "skip_coding": 1, "skip_codings": 2, "_skipped_coding": 2}
    found: set[str] = set(reader._MEDIA.values())

    def literals(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr":
            return literals(node.args[2])  # an error's own reason, else this default
        return set().union(*(literals(n) for n in ast.iter_child_nodes(node)))

    for module in (reader, importer):
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in where and len(node.args) > where[name]:
                    found |= literals(node.args[where[name]])
            if isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple):  # the sections
                found |= {t.elts[1].value for t in node.iter.elts if isinstance(t, ast.Tuple)}  # type: ignore[attr-defined]
    return found


def test_every_skip_reason_is_declared_and_has_a_sentence_in_the_gui_and_the_cli(
    language: str,
) -> None:
    written = _reasons_written_by_the_refiqda_reader()
    assert {"duplicate", "unknown-code", "sets", "picture-source"} <= written  # the scan works
    assert written == set(SKIP_REASONS), written ^ set(SKIP_REASONS)  # none missing, none stale
    assert set(CLI_SKIP) == set(SKIP_REASONS)
    for reason in SKIP_REASONS:
        line = skip_reason(reason)
        assert line == f"{CLI_SKIP[reason]} [{reason}]" and CLI_SKIP[reason][:1].islower()
    assert skip_reason("needs-ocr") == f"{CLI_FILE['needs-ocr']} [needs-ocr]"  # from a source

    apply_language("en")
    english = {r: gui_skip_reason(r) for r in SKIP_REASONS}
    apply_language(language)
    here = {r: gui_skip_reason(r) for r in SKIP_REASONS}
    for reason, text in here.items():
        assert not any(f in text for f in FALLBACKS) and text != reason, (reason, text)
        assert text[:1].isupper() and text.endswith("."), (reason, text)
        if language == "id":
            assert text != english[reason], (reason, text)
    assert len(set(here.values())) == len(SKIP_REASONS)
    assert gui_skip_reason("needs-ocr") == file_reason("needs-ocr")


def test_errors_that_were_unexpected_now_say_what_happened(language: str) -> None:
    errors = [
        AmbiguousCode("Partisipasi", ["a/partisipasi", "b/partisipasi"]),
        TooManyHits(12_000, 10_000),
        PhraseNotFound("Wawancara 3", "kami rapat di balai desa"),
        ProjectExists(Path("/tmp/Studi.telaah")),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    ]
    texts = [error_message(e) for e in errors]
    for text in texts:
        assert not any(f in text for f in FALLBACKS), text
        assert "cannot be opened" not in text and "tidak dapat dibuka" not in text, text
    assert "a/partisipasi" in texts[0] and "12000" in texts[1] and "balai desa" in texts[2]
    assert "Studi.telaah" in texts[3]


def test_formats_are_declared_once_and_derived_everywhere(tmp_path: Path) -> None:
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes))
    for fmt in FORMATS:
        for suffix in fmt.suffixes:
            assert format_for(Path(f"Wawancara{suffix.upper()}")) is fmt
            assert f"*{suffix}" in glob_patterns().split()
        assert fmt.suffixes[0] in main_suffixes()
    apply_language("en")
    for suffix in main_suffixes():
        assert suffix in file_reason("unknown-format")
        assert suffix in CLI_FILE["unknown-format"]
    # every declared reader really reads its format (text formats here; the others have
    # their own tests with real files)
    for fmt in FORMATS:
        if fmt.name in ("txt", "md"):
            path = tmp_path / f"catatan{fmt.suffixes[-1]}"
            path.write_text("Pewawancara: Apa kabar?\nInforman: Baik.\n", encoding="utf-8")
            assert extract(path).format == fmt.name


def _keys_counted(module: object, call: str) -> set[str]:
    """The string literals given as the kind of ``call`` in ``module``: ``Skipped(kind, …)``,
    the reader's ``skip(kind, …)``, or a merge's ``self.added[kind]``."""
    import ast

    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    found: set[str] = set()
    for node in ast.walk(tree):
        if call == "added" and isinstance(node, ast.Subscript):
            target = node.value
            counted = isinstance(target, ast.Attribute) and target.attr == "added"
            if counted and isinstance(node.slice, ast.Constant):
                found.add(node.slice.value)
        elif isinstance(node, ast.Call) and call != "added":
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == call and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def test_every_kind_a_report_names_is_declared_and_has_a_word_in_both_languages(
    language: str,
) -> None:
    """The .qdpx import report and the merge report name what they list or count in the
    interface's language (no English "codings" in an Indonesian window)."""
    import app.coding.merge as merge
    import app.coding.refiqda.import_ as importer
    import app.coding.refiqda.reader as reader
    from app.coding.merge import MERGE_KINDS
    from app.coding.refiqda.model import SKIP_KINDS
    from app.ui.errors import merge_kinds, skip_kinds

    skipped = _keys_counted(reader, "Skipped") | _keys_counted(importer, "Skipped")
    skipped |= _keys_counted(reader, "skip") | {"sets", "links", "graphs"}  # section.lower()
    assert {"source", "coding", "case link"} <= skipped  # the scan works
    assert skipped == set(SKIP_KINDS), skipped ^ set(SKIP_KINDS)
    counted = _keys_counted(merge, "added")
    assert {"codings", "stars", "findings"} <= counted
    assert counted == set(MERGE_KINDS), counted ^ set(MERGE_KINDS)

    apply_language("en")
    english = {**skip_kinds(), **{f"merge:{k}": v for k, v in merge_kinds().items()}}
    apply_language(language)
    here = {**skip_kinds(), **{f"merge:{k}": v for k, v in merge_kinds().items()}}
    assert set(skip_kinds()) == set(SKIP_KINDS) and set(merge_kinds()) == set(MERGE_KINDS)
    if language == "id":
        assert all(here[k] != english[k] for k in here), {k for k in here if here[k] == english[k]}
