"""REFI-QDA export (.qdpx, .qdc): schema validity, positions, and a lossless round trip."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from refiqda_data import codebook_schema, project_schema, units, utf16_len
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import ensure_codebook, install_codebook
from app.coding.codes import create_code, list_codes, update_code
from app.coding.codings import Stance, apply_code, update_coding
from app.coding.documents import import_files
from app.coding.findings import set_finding
from app.coding.refiqda import export_qdc, export_qdpx, import_qdc, import_qdpx
from app.models.project import Project, open_project
from app.models.schema import (
    Attribute,
    Case,
    CaseAttribute,
    Code,
    Codebook,
    Coder,
    Coding,
    Document,
    DocumentCase,
    Memo,
)

NS = {"q": "urn:QDA-XML:project:1.0"}
TEXT = (
    "P: Selamat pagi, Bu. Bagaimana awal mula dapur umum di pantai?\n\n"
    "I: Waktu banjir rob 🌊 datang, warga langsung bilang “ayo kita masak bareng”. "
    "Pak RT yang mengatur giliran.\n\n"
    "P: Siapa yang membiayai?\n\n"
    "I: Iuran warga 🌊🌊 dan bantuan kelurahan, kadang juga donatur."
)


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _fill(session: Session, folder: Path) -> None:
    """A project with two codebooks, overlapping codings, emoji, cases and memos."""
    source = folder / "INF01 Bu Siti.txt"
    source.write_text(TEXT, encoding="utf-8")
    (folder / "DOK01.txt").write_text("Laporan relawan 🌊 singkat.", encoding="utf-8")
    docs = import_files(session, paths=[source, folder / "DOK01.txt"]).imported
    assert session.scalar(select(Document.text).where(Document.id == docs[0].id)) == TEXT
    install_codebook(session, spec=load_bundled_codebook("putnam"))
    book = ensure_codebook(
        session, key="temuan", name_id="Temuan lapangan", name_en="Findings"
    ).codebook_id
    parent = create_code(
        session,
        codebook_id=book,
        name_id="Dapur umum",
        name_en="Soup kitchen",
        definition_id="Kegiatan memasak bersama.",
        colour="#aa3300",
    )
    child = create_code(
        session, codebook_id=book, name_id="Iuran “warga”", parent_id=parent.id, colour="#00aa33"
    )
    update_code(session, code_id=child.id, keywords="iuran\npatungan")
    trust = next(c for c in list_codes(session) if c.key == "putnam/trust")
    doc = docs[0].id
    s1, e1 = _span("Waktu banjir rob 🌊 datang, warga langsung bilang “ayo kita masak bareng”")
    first = apply_code(
        session,
        document_id=doc,
        code_id=parent.id,
        start=s1,
        end=e1,
        coder="siti",
        memo="Inisiatif warga 🌊, bukan instruksi.",
    )
    set_finding(session, code_id=trust.id, text="Kepercayaan tumbuh lewat janji yang ditepati.")
    # A starred quote that says it did not happen: star and stance both travel.
    update_coding(session, coding_id=first.added[0].id, illustrative=True, stance=Stance.ABSENT)
    s2, e2 = _span("“ayo kita masak bareng”. Pak RT")
    apply_code(session, document_id=doc, code_id=trust.id, start=s2, end=e2, coder="budi")
    s3, e3 = _span("🌊🌊 dan bantuan")
    apply_code(session, document_id=doc, code_id=child.id, start=s3, end=e3, coder="siti")
    apply_code(session, document_id=doc, code_id=trust.id, start=s3, end=e3, coder="siti",
               stance=Stance.BARRIER)  # fmt: skip
    apply_code(session, document_id=docs[1].id, code_id=child.id, start=16, end=17, coder="budi")
    case = create_case(
        session,
        name="Informan 1",
        alias="Ibu S.",
        attributes={
            "umur": "47",
            "tinggi": "1.58",
            "tanggal wawancara": "2021-03-12",
            "kelompok": "warga",
            "catatan": "ramah",
        },
        types={"catatan": "text"},
    )
    create_case(session, name="Kelurahan", attributes={"kelompok": "pemerintah"})
    link_document(session, case_id=case.id, document_id=doc)
    link_document(session, case_id=case.id, document_id=docs[1].id, start=0, end=15)
    coder = session.scalar(select(Coder.id).where(Coder.name == "siti"))
    book_id = session.scalar(select(Codebook.id).where(Codebook.key == "putnam"))
    for kind, target in [
        ("project", None),
        ("document", doc),
        ("code", parent.id),
        ("case", case.id),
        ("codebook", book_id),
    ]:
        session.add(
            Memo(target_kind=kind, target_id=target, text=f"Memo {kind} 🌊 “kutip”", coder_id=coder)
        )
    session.commit()


@pytest.fixture
def filled(project: Project, tmp_path: Path) -> Project:
    with project.session() as session:
        _fill(session, tmp_path)
    return project


def _snapshot(session: Session) -> dict[str, Any]:
    """Everything a user sees, keyed by names and keys (not ids)."""
    docs = {d.id: d.name for d in session.scalars(select(Document))}
    codes = {c.id: c for c in session.scalars(select(Code))}
    coders = {c.id: c.name for c in session.scalars(select(Coder))}
    cases = {c.id: c.name for c in session.scalars(select(Case))}
    books = {b.id: b.key for b in session.scalars(select(Codebook))}
    attrs = {a.id: a for a in session.scalars(select(Attribute))}
    names = {
        "document": docs,
        "case": cases,
        "codebook": books,
        "code": {i: c.key for i, c in codes.items()},
    }
    return {
        "texts": {d.name: d.text for d in session.scalars(select(Document))},
        "books": sorted(
            (b.key, b.name_id, b.name_en, b.description_id, b.description_en, b.reference)
            for b in session.scalars(select(Codebook))
        ),
        "codes": sorted(
            (
                c.key,
                codes[c.parent_id].key if c.parent_id else None,
                books[c.codebook_id],
                c.name_id,
                c.name_en,
                c.definition_id,
                c.definition_en,
                c.colour,
                c.keywords,
                c.reference,
                c.finding,
            )
            for c in codes.values()
        ),
        "codings": sorted(
            (
                docs[c.document_id],
                codes[c.code_id].key,
                coders[c.coder_id],
                c.start,
                c.end,
                c.snippet,
                c.memo,
                c.illustrative,
                c.stance,
                c.created_at.replace(microsecond=0),
            )
            for c in session.scalars(select(Coding))
        ),
        "cases": sorted((c.name, c.alias) for c in session.scalars(select(Case))),
        "attributes": sorted((a.name, a.type) for a in attrs.values()),
        "values": sorted(
            (cases[v.case_id], attrs[v.attribute_id].name, v.value)
            for v in session.scalars(select(CaseAttribute))
        ),
        "links": sorted(
            (cases[link.case_id], docs[link.document_id], link.start or -1, link.end or -1)
            for link in session.scalars(select(DocumentCase))
        ),
        "memos": sorted(
            (
                m.target_kind,
                names[m.target_kind][m.target_id] if m.target_id else None,
                m.text,
                coders.get(m.coder_id or 0),
            )
            for m in session.scalars(select(Memo))
        ),
    }


def test_exported_project_is_valid_against_the_official_schema(
    filled: Project, tmp_path: Path
) -> None:
    out = tmp_path / "tesis.qdpx"
    with filled.session() as session:
        result = export_qdpx(session, path=out, project_name="Tesis Bu Siti")
    assert (result.documents, result.codings, result.cases) == (2, 5, 2)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        qde = archive.read("project.qde")
        sources = {n: archive.read(n) for n in names if n.startswith("sources/")}
    assert names[0] == "project.qde" and len(sources) == 2
    schema = project_schema()
    root = etree.fromstring(qde)
    assert schema.validate(root), schema.error_log
    for element in root.iter(f"{{{NS['q']}}}TextSource"):
        guid = element.get("guid")
        assert element.get("plainTextPath") == f"internal://{guid}.txt"
        assert f"sources/{guid}.txt" in sources
    assert TEXT.encode("utf-8") in sources.values()  # UTF-8, no BOM, text unchanged


def test_positions_are_utf16_units_over_the_exported_source(
    filled: Project, tmp_path: Path
) -> None:
    out = tmp_path / "tesis.qdpx"
    with filled.session() as session:
        export_qdpx(session, path=out, project_name="Tesis")
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    source = root.find(".//q:TextSource[@name='INF01 Bu Siti.txt']", NS)
    assert source is not None
    found = {}
    for sel in source.findall("q:PlainTextSelection", NS):
        found[sel.get("name")] = (int(sel.get("startPosition")), int(sel.get("endPosition")))
    needle = "🌊🌊 dan bantuan"
    # After one emoji earlier in the text every position is one unit later than the code
    # point offset, and the two emoji inside the selection add two more units.
    assert found[needle] == units(TEXT, needle)
    assert found[needle][1] - found[needle][0] == len(needle) + 2
    star = root.find(".//q:PlainTextSelection[q:Description]", NS)
    assert star is not None and "banjir rob" in (star.get("name") or "")


def test_export_twice_gives_identical_files(filled: Project, tmp_path: Path) -> None:
    with filled.session() as session:
        export_qdpx(session, path=tmp_path / "a.qdpx", project_name="Tesis")
        export_qdpx(session, path=tmp_path / "b.qdpx", project_name="Tesis")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()


def test_round_trip_keeps_everything(filled: Project, tmp_path: Path) -> None:
    out = tmp_path / "tesis.qdpx"
    with filled.session() as session:
        before = _snapshot(session)
        export_qdpx(session, path=out, project_name="Tesis Bu Siti")
    report = import_qdpx(path=out, project_path=tmp_path / "salinan.telaah")
    assert report.skipped == () and report.warnings == ()
    assert report.codings == 5 and set(report.codebooks) == {"putnam", "temuan"}
    copy = open_project(tmp_path / "salinan.telaah")
    try:
        with copy.session() as session:
            after = _snapshot(session)
            for coding in session.scalars(select(Coding)):
                text = session.get(Document, coding.document_id)
                assert text is not None and text.text[coding.start : coding.end] == coding.snippet
    finally:
        copy.close()
    # A case memo travels as the case's Description, which has no author.
    before["memos"] = sorted((*m[:3], None if m[0] == "case" else m[3]) for m in before["memos"])
    for part in before:
        assert after[part] == before[part], part


def test_round_trip_in_english_keeps_both_languages(filled: Project, tmp_path: Path) -> None:
    out = tmp_path / "tesis-en.qdpx"
    with filled.session() as session:
        before = _snapshot(session)["codes"]
        export_qdpx(session, path=out, project_name="Thesis", language="en")
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert root.find(".//q:Code[@name='Trust']", NS) is not None
    import_qdpx(path=out, project_path=tmp_path / "copy.telaah")
    copy = open_project(tmp_path / "copy.telaah")
    try:
        with copy.session() as session:
            assert _snapshot(session)["codes"] == before
    finally:
        copy.close()


def test_codebook_export_is_a_valid_qdc_and_imports_back(filled: Project, tmp_path: Path) -> None:
    out = tmp_path / "temuan.qdc"
    with filled.session() as session:
        result = export_qdc(session, codebook_key="temuan", path=out)
        assert result.codes == 2
        original = [
            (c.key, c.name_en, c.colour, c.keywords)
            for c in list_codes(session, codebook_key="temuan")
        ]
    root = etree.fromstring(out.read_bytes())
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    schema = codebook_schema()
    assert schema.validate(root), schema.error_log
    with filled.session() as session:
        session.execute(delete(Codebook).where(Codebook.key == "temuan"))
        session.commit()
        imported = import_qdc(session, path=out)
        assert imported.codebook_key == "temuan" and imported.codes == 2
        again = [
            (c.key, c.name_en, c.colour, c.keywords)
            for c in list_codes(session, codebook_key="temuan")
        ]
    assert again == original


def test_failed_export_leaves_no_file(filled: Project, tmp_path: Path) -> None:
    out = tmp_path / "missing folder" / "x.qdpx"
    with filled.session() as session, pytest.raises(OSError):
        export_qdpx(session, path=out, project_name="x")
    assert not out.parent.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_bundled_codebook_keeps_its_decision_rules_in_qdc(project: Project, tmp_path: Path) -> None:
    """Other tools show the rules under the definition; Telaah reads them back exactly."""
    out = tmp_path / "loeffler.qdc"
    fields = ("key", "definition_id", "definition_en", "use_when_id", "use_when_en",
              "not_use_when_id", "not_use_when_en")  # fmt: skip
    with project.session() as session:
        install_codebook(session, spec=load_bundled_codebook("loeffler"))
        original = [
            tuple(getattr(c, f) for f in fields)
            for c in list_codes(session, codebook_key="loeffler")
        ]
        assert any(row[3] and row[5] for row in original)  # the bundled codes carry rules
        export_qdc(session, codebook_key="loeffler", path=out)
        session.execute(delete(Codebook).where(Codebook.key == "loeffler"))
        session.commit()
        import_qdc(session, path=out)
        again = [
            tuple(getattr(c, f) for f in fields)
            for c in list_codes(session, codebook_key="loeffler")
        ]
    assert again == original
    root = etree.fromstring(out.read_bytes())
    ns = {"q": "urn:QDA-XML:codebook:1.0"}
    shown = [d.text or "" for d in root.iterfind(".//q:Code/q:Description", ns)]
    visible = [text.split("[Telaah]")[0] for text in shown]
    assert any("Gunakan bila: " in v and "Jangan gunakan bila: " in v for v in visible)


def test_case_membership_is_written_as_qualcoder_reads_it(filled: Project, tmp_path: Path) -> None:
    """QualCoder ignores a Case's SourceRef and SelectionRef: it makes case text only from
    a Code sharing the Case's GUID and the selections coded with it (as NVivo writes cases).
    Each case is such a Code (top level, nothing but a Description, which every QualCoder
    version imports as a code), coding exactly the text linked to the case; Telaah's own
    import folds them back into the case links, with no extra code or coding."""
    out = tmp_path / "kasus.qdpx"
    with filled.session() as session:
        export_qdpx(session, path=out, project_name="Kasus")
        wanted: dict[str, set[tuple[str, int, int]]] = {}
        for case in session.scalars(select(Case)):
            spans = wanted.setdefault(case.name, set())
            for link in session.scalars(
                select(DocumentCase).where(DocumentCase.case_id == case.id)
            ):
                doc = session.get(Document, link.document_id)
                assert doc is not None
                start, end = (0, len(doc.text)) if link.start is None else (link.start, link.end)
                spans.add((doc.name, utf16_len(doc.text[:start]), utf16_len(doc.text[:end])))
        links_before = sorted(
            session.execute(select(Case.name, Document.name, DocumentCase.start, DocumentCase.end)
                            .join(Case).join(Document)).all()
        )  # fmt: skip
        codes_before = session.scalar(select(func.count(Code.id)))
        codings_before = session.scalar(select(func.count(Coding.id)))
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    cases = {c.get("guid"): c.get("name") for c in root.iterfind("q:Cases/q:Case", NS)}
    top = {c.get("guid"): c for c in root.iterfind("q:CodeBook/q:Codes/q:Code", NS)}
    found: dict[str, set[tuple[str, int, int]]] = {name: set() for name in cases.values()}
    for guid, name in cases.items():
        code = top[guid]
        assert code.get("name") == name and code.get("isCodable") == "true"
        assert [etree.QName(kid).localname for kid in code] == ["Description"]
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        for selection in source.iterfind("q:PlainTextSelection", NS):
            for ref in selection.iterfind("q:Coding/q:CodeRef", NS):
                if ref.get("targetGUID") in cases:
                    found[cases[ref.get("targetGUID")]].add(
                        (source.get("name"), int(selection.get("startPosition")),
                         int(selection.get("endPosition")))
                    )  # fmt: skip
    assert found == wanted and any(wanted.values())
    copy = tmp_path / "kasus.telaah"
    report = import_qdpx(path=out, project_path=copy)
    assert report.skipped == ()
    again = open_project(copy)
    try:
        with again.session() as session:
            assert sorted(
                session.execute(select(Case.name, Document.name, DocumentCase.start,
                                       DocumentCase.end).join(Case).join(Document)).all()
            ) == links_before  # fmt: skip
            assert session.scalar(select(func.count(Code.id))) == codes_before
            assert session.scalar(select(func.count(Coding.id))) == codings_before
            names = set(session.scalars(select(Code.name_id)))
            assert not names & set(cases.values())
    finally:
        again.close()
