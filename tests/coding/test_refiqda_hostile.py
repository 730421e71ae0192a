"""Hostile or broken REFI-QDA files are refused with a reason, and nothing is written."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from refiqda_data import write_qdpx
from sqlalchemy import select

from app.coding.refiqda import ArchiveRefused, Limits, import_qdc, import_qdpx
from app.models.project import Project
from app.models.schema import Code, Codebook

OK_QDE = (
    '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">'
    '<Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="a">'
    "<PlainTextContent>halo</PlainTextContent></TextSource></Sources></Project>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "hahahahahahahahahaha">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>'
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
)
DTD_ONLY = (
    '<?xml version="1.0"?><!DOCTYPE Project SYSTEM "http://example.com/x.dtd">'
    + (OK_QDE.split("?>", 1)[1])
)


def _raw_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # ZipInfo would normalise "../" away; keep it raw
            archive.writestr(info, data)
    return path


def _bomb(tmp: Path) -> Path:
    return write_qdpx(
        tmp / "bomb.qdpx",
        OK_QDE,
        {"sources/zero.txt": b"\0" * (20 * 1024 * 1024)},
        compression=zipfile.ZIP_LZMA,
    )


def _not_zip(tmp: Path) -> Path:
    path = tmp / "teks.qdpx"
    path.write_bytes(b"ini bukan zip sama sekali")
    return path


def _with_member(name: str) -> Callable[[Path], Path]:
    return lambda tmp: _raw_zip(tmp / "x.qdpx", {"project.qde": OK_QDE.encode(), name: b"x"})


#: case → (archive builder, expected reason, limits)
BUILDERS: dict[str, tuple[Callable[[Path], Path], str, Limits | None]] = {
    "escape": (_with_member("../../evil.txt"), "path-escape", None),
    "absolute": (_with_member("/etc/evil.txt"), "absolute-path", None),
    "drive": (_with_member("C:\\evil.txt"), "absolute-path", None),
    "laughs": (lambda t: write_qdpx(t / "l.qdpx", LAUGHS), "unsafe-xml", None),
    "external": (lambda t: write_qdpx(t / "x.qdpx", EXTERNAL), "unsafe-xml", None),
    "dtd": (lambda t: write_qdpx(t / "d.qdpx", DTD_ONLY), "unsafe-xml", None),
    "utf16 laughs": (
        lambda t: write_qdpx(
            t / "u.qdpx", LAUGHS.replace('"1.0"?>', '"1.0" encoding="utf-16"?>').encode("utf-16")
        ),
        "unsafe-xml",
        None,
    ),
    "bomb": (_bomb, "zip-bomb", None),
    "total": (
        lambda t: write_qdpx(t / "big.qdpx", OK_QDE, {"sources/big.txt": b"kata " * 100_000}),
        "too-large",
        Limits(max_total_bytes=200_000),
    ),
    "members": (
        lambda t: write_qdpx(t / "m.qdpx", OK_QDE, {f"sources/{n}.txt": b"x" for n in range(30)}),
        "too-many-members",
        Limits(max_members=10),
    ),
    "not a zip": (_not_zip, "not-a-zip", None),
    "no qde": (lambda t: _raw_zip(t / "n.qdpx", {"sources/a.txt": b"x"}), "missing-qde", None),
    "two qde": (
        lambda t: _raw_zip(t / "2.qdpx", {"a.qde": OK_QDE.encode(), "b.qde": OK_QDE.encode()}),
        "several-qde",
        None,
    ),
    "broken xml": (lambda t: write_qdpx(t / "b.qdpx", "<Project"), "invalid-xml", None),
    "other xml": (lambda t: write_qdpx(t / "o.qdpx", "<html/>"), "not-refi-qda", None),
}


@pytest.mark.parametrize("case", sorted(BUILDERS))
def test_hostile_archive_is_refused_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    build, reason, limits = BUILDERS[case]
    path = build(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "baru.telaah"
    with pytest.raises(ArchiveRefused) as info:
        import_qdpx(path=path, project_path=target, limits=limits)
    assert info.value.reason == reason
    assert list(out.iterdir()) == []


def test_the_same_archive_within_limits_imports(tmp_path: Path) -> None:
    archive = write_qdpx(tmp_path / "ok.qdpx", OK_QDE)
    report = import_qdpx(path=archive, project_path=tmp_path / "ok.telaah")
    assert report.documents == ("a",)


@pytest.mark.parametrize("xml", [LAUGHS.replace("Project", "CodeBook"), EXTERNAL])
def test_hostile_codebook_is_refused_and_project_unchanged(
    project: Project, tmp_path: Path, xml: str
) -> None:
    path = tmp_path / "jahat.qdc"
    path.write_text(xml)
    with project.session() as session:
        with pytest.raises(ArchiveRefused) as info:
            import_qdc(session, path=path)
        assert info.value.reason == "unsafe-xml"
        assert session.scalars(select(Codebook.key)).all() == []
        assert session.scalars(select(Code.key)).all() == []


def test_each_skipped_coding_is_named_by_code_position_and_words(tmp_path: Path) -> None:
    """Issue 13, item 5: the report names each skipped coding by more than its document."""
    from refiqda_data import SKIPS_TEXT, skips_qdpx

    report = import_qdpx(path=skips_qdpx(tmp_path / "lewat.qdpx"), project_path=tmp_path / "l")
    assert report.codings == 1  # the first "Posko" coding only
    posko, dapur = SKIPS_TEXT.index("posko banjir"), SKIPS_TEXT.index("dapur umum")
    found = {(s.reason, s.code, s.start, s.end, s.snippet) for s in report.skipped}
    assert found == {
        ("duplicate", "Posko", posko, posko + 12, "posko banjir"),
        ("unknown-code", "a3000000-0000-4000-8000-0000000000ff", dapur, dapur + 10,
         "dapur umum"),
        ("unknown-code", "", dapur, dapur + 10, "dapur umum"),  # a coding naming no code
        ("empty-span", "Dapur umum", 10, 10, ""),
        ("bad-position", "Posko", None, None, ""),
    }  # fmt: skip
    assert {(s.kind, s.name, s.count) for s in report.skipped} == {("coding", "INF04", 1)}
