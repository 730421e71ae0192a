"""Every hostile or broken input is refused by ``telaah import`` with one clear line on
stderr, exit status 1, and the project exactly as it was (SPEC §4, reliability)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_inputs import EVIL_NAME, HOSTILE, Hostile, docx_bytes, odt_bytes, pdf_bytes, rtf_bytes

from app.cli import main
from app.coding.importing import extract

Dump = Callable[[Path], object]


def _refused(
    project: Path,
    target: Path,
    reasons: tuple[str, ...],
    capsys: pytest.CaptureFixture[str],
    dump: Dump,
) -> str:
    before = dump(project)
    status = main(["import", str(project), str(target)])
    out, err = capsys.readouterr()
    assert status == 1, out + err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("telaah: error:") and "Traceback" not in err
    assert target.name in err
    assert any(reason in err for reason in reasons), err
    assert "imported" not in out
    assert dump(project) == before
    return err


@pytest.mark.parametrize("case", HOSTILE, ids=[h.name for h in HOSTILE])
def test_hostile_input_is_refused_and_project_unchanged(
    case: Hostile,
    filled_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dump: Dump,
) -> None:
    target = tmp_path / "masukan" / case.name
    target.parent.mkdir()
    case.write(target)
    started = time.monotonic()
    err = _refused(filled_project, target, case.reasons, capsys, dump)
    assert time.monotonic() - started < 10, "refusing a hostile file must be quick"
    assert "root:" not in err  # nothing of /etc/passwd leaks into a message
    for place in (tmp_path, tmp_path.parent, Path("/tmp")):
        assert not (place / EVIL_NAME).exists()


def test_unreadable_file_is_refused(
    filled_project: Path,
    unreadable_file: Path,
    capsys: pytest.CaptureFixture[str],
    dump: Dump,
) -> None:
    err = _refused(filled_project, unreadable_file, ("no-permission",), capsys, dump)
    assert "ermission" in err  # "Permission denied" from the OS error


def test_missing_file_is_refused(
    filled_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dump: Dump,
) -> None:
    _refused(filled_project, tmp_path / "tidak-ada.docx", ("not-found",), capsys, dump)


def test_one_bad_file_among_good_ones_imports_nothing(
    filled_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dump: Dump,
) -> None:
    good = tmp_path / "baik.docx"
    good.write_bytes(docx_bytes())
    bad = tmp_path / "terpotong.pdf"
    bad.write_bytes(pdf_bytes()[:300])
    before = dump(filled_project)
    assert main(["import", str(filled_project), str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and bad.name in err
    assert dump(filled_project) == before


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("asli.docx", docx_bytes),
        ("asli.odt", odt_bytes),
        ("asli.pdf", pdf_bytes),
        ("asli.rtf", rtf_bytes),
    ],
)
def test_the_unbroken_originals_import(
    name: str, data: Callable[[], bytes], tmp_path: Path
) -> None:
    """The generators' valid files import with both speaker turns: every refusal above comes
    from the one defect each case adds, not from a generator that writes junk."""
    path = tmp_path / name
    path.write_bytes(data())
    extracted = extract(path)
    assert "gotong" not in extracted.text
    assert [t.speaker for t in extracted.turns] == ["Peneliti", "Informan"]
    assert "ibu-ibu PKK menyiapkan konsumsi" in extracted.text


def test_small_bomb_is_caught_by_the_unpacked_size_cap(tmp_path: Path) -> None:
    """The same guard as the 520 MiB bomb, at a cap small enough to show its edge."""
    from hostile_inputs import zip_bomb

    from app.coding.errors import UnsupportedFile

    path = tmp_path / "bom-kecil.docx"
    path.write_bytes(zip_bomb(("[Content_Types].xml", b"<x/>"), "word/document.xml", 4 << 20))
    with pytest.raises(UnsupportedFile) as caught:
        extract(path, max_uncompressed=2 << 20)
    assert caught.value.reason == "zip-bomb"
