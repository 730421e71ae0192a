"""Importing .qdpx and .qdc files in the shapes NVivo, MAXQDA, ATLAS.ti and QualCoder write
(hand-written here from the standard and from what those tools are known to emit)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from _import_files import text_pdf
from refiqda_data import units, write_qdpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.codes import list_codes
from app.coding.errors import CodebookInvalid, DuplicateName
from app.coding.refiqda import import_qdc, import_qdpx, read_qdpx
from app.coding.refiqda.positions import normalise
from app.models.project import Project, ProjectExists, open_project
from app.models.schema import Attribute, CaseAttribute, Coding, Document, DocumentCase, Memo

U1 = "aa61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c01"
U2 = "aa61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c02"
C1 = "bb61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c01"
C2 = "bb61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c02"
C3 = "bb61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c03"
S1 = "cc61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c01"
S2 = "cc61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c02"
N1 = "dd61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c01"
N2 = "dd61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c02"
V1 = "ee61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c01"
V2 = "ee61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c02"
V3 = "ee61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c03"
V4 = "ee61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c04"
SEL = [f"ff61cd3a-7b5e-4a3c-9f0e-0d8a2b6f1c{n:02d}" for n in range(10)]
HEAD = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'

# What NVivo for Windows stores: CRLF line ends (the BOM is added when writing the file).
NVIVO_TEXT = (
    "Pewawancara: Bagaimana awal kerja bakti di RW 05?\r\n"
    "Informan: Warga sendiri yang mengajak 🌊 setelah banjir rob. Kami bilang “ayo bersih "
    "bersama”.\r\n\r\n"
    "Pewawancara: Siapa yang membiayai?\r\n"
    "Informan: Iuran warga, kadang kas RW."
)


@contextmanager
def opened(path: Path) -> Iterator[Session]:
    project: Project = open_project(path)
    try:
        with project.session() as session:
            yield session
    finally:
        project.close()


def _nvivo_qdpx(path: Path) -> Path:
    a, b = units(NVIVO_TEXT, "Warga sendiri yang mengajak 🌊 setelah banjir rob")
    c, d = units(NVIVO_TEXT, "“ayo bersih bersama”")
    e, f = units(NVIVO_TEXT, "Iuran warga")
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Kerja bakti"
  origin="NVivo 14" creatingUserGUID="{U1}">
 <Users><User guid="{U1}" name="Siti Rahma"/><User guid="{U2}"/></Users>
 <CodeBook><Codes>
  <Code guid="{C1}" name="Co-delivery" isCodable="true" color="#D62728">
   <Description>Warga ikut melaksanakan layanan.</Description>
   <NoteRef targetGUID="{N2}"/>
   <Code guid="{C2}" name="Kerja bakti" isCodable="true"/>
  </Code>
  <Code guid="{C3}" name="Pembiayaan" isCodable="true" color="#1F77B4"/>
 </Codes></CodeBook>
 <Variables>
  <Variable guid="{V1}" name="Umur" typeOfVariable="Integer"/>
  <Variable guid="{V2}" name="Tanggal wawancara" typeOfVariable="Date"/>
  <Variable guid="{V3}" name="Kelompok" typeOfVariable="Text"/>
  <Variable guid="{V4}" name="Ketua RT" typeOfVariable="Boolean"/>
 </Variables>
 <Cases>
  <Case guid="{C1[:-2]}99" name="Pak Darmawan">
   <VariableValue><VariableRef targetGUID="{V1}"/><IntegerValue>52</IntegerValue></VariableValue>
   <VariableValue><VariableRef targetGUID="{V2}"/><DateValue>2021-03-12</DateValue></VariableValue>
   <VariableValue><VariableRef targetGUID="{V3}"/><TextValue>tokoh masyarakat</TextValue>
   </VariableValue>
   <VariableValue><VariableRef targetGUID="{V4}"/><BooleanValue>true</BooleanValue></VariableValue>
   <SourceRef targetGUID="{S1}"/>
   <SelectionRef targetGUID="{SEL[2]}"/>
  </Case>
 </Cases>
 <Sources>
  <TextSource guid="{S1}" name="INF08 Darmawan" plainTextPath="internal://{S1}.txt"
    creatingUser="{U1}" creationDateTime="2023-05-01T08:00:00Z">
   <PlainTextSelection guid="{SEL[0]}" startPosition="{a}" endPosition="{b}"
     creatingUser="{U1}" creationDateTime="2023-05-02T09:30:00Z">
    <Coding guid="{SEL[5]}" creatingUser="{U1}"><CodeRef targetGUID="{C2}"/></Coding>
    <Coding guid="{SEL[6]}" creatingUser="{U2}"><CodeRef targetGUID="{C1}"/></Coding>
    <NoteRef targetGUID="{N1}"/>
    <FutureExtension foo="bar"/>
   </PlainTextSelection>
   <PlainTextSelection guid="{SEL[1]}" startPosition="{c}" endPosition="{d}">
    <Coding guid="{SEL[7]}"><CodeRef targetGUID="{C2}"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="{SEL[2]}" startPosition="{e}" endPosition="{f}">
    <Coding guid="{SEL[8]}" creatingUser="{U1}"><CodeRef targetGUID="{C3}"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
 <Notes>
  <Note guid="{N1}" name="Memo" creatingUser="{U1}">
   <PlainTextContent>Inisiatif datang dari warga 🌊.</PlainTextContent></Note>
  <Note guid="{N2}" name="Tentang kode"><PlainTextContent>Kode utama.</PlainTextContent></Note>
 </Notes>
 <Sets><Set guid="{SEL[9]}" name="Informan kunci"/></Sets>
</Project>"""
    raw = "\ufeff" + NVIVO_TEXT
    return write_qdpx(path, qde, {f"sources/{S1}.txt": raw.encode("utf-8")})


def test_nvivo_windows_project_with_bom_crlf_and_emoji(tmp_path: Path) -> None:
    target = tmp_path / "kerja bakti.telaah"
    report = import_qdpx(path=_nvivo_qdpx(tmp_path / "nvivo.qdpx"), project_path=target)
    assert report.documents == ("INF08 Darmawan",)
    assert report.codings == 4 and report.cases == 1 and report.attributes == 4
    assert ("sets", "Sets", "sets", 1) in [
        (s.kind, s.name, s.reason, s.count) for s in report.skipped
    ]
    with opened(target) as session:
        doc = session.scalars(select(Document)).one()
        assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
        coded = {
            (c.snippet, c.memo)
            for c in session.scalars(select(Coding))
            if doc.text[c.start : c.end] == c.snippet
        }
        assert coded == {
            (
                "Warga sendiri yang mengajak 🌊 setelah banjir rob",
                "Inisiatif datang dari warga 🌊.",
            ),
            ("“ayo bersih bersama”", ""),
            ("Iuran warga", ""),
        }
        tree = [(c.key, c.colour, c.definition_id) for c in list_codes(session)]
        assert tree == [
            ("kerja-bakti/co-delivery", "#d62728", "Warga ikut melaksanakan layanan."),
            ("kerja-bakti/co-delivery/kerja-bakti", "#888888", ""),
            ("kerja-bakti/pembiayaan", "#1f77b4", ""),
        ]
        types = {a.name: a.type for a in session.scalars(select(Attribute))}
        assert types == {
            "Umur": "number",
            "Tanggal wawancara": "date",
            "Kelompok": "category",
            "Ketua RT": "category",
        }
        values = sorted(v.value for v in session.scalars(select(CaseAttribute)))
        assert values == ["2021-03-12", "52", "tokoh masyarakat", "true"]
        links = sorted(
            (link.start is None, link.end) for link in session.scalars(select(DocumentCase))
        )
        iuran = doc.text.index("Iuran warga")
        assert links == [(False, iuran + len("Iuran warga")), (True, None)]
        memos = [(m.target_kind, m.text) for m in session.scalars(select(Memo))]
        assert memos == [("code", "Kode utama.")]
        coders = {c.coder_id for c in session.scalars(select(Coding))}
        assert len(coders) == 3  # Siti Rahma, the unnamed user, and NVivo for the rest


def test_maxqda_style_uppercase_guids_capital_sources_and_other_qde_name(tmp_path: Path) -> None:
    text = "Narasumber: Kami urunan beras.\nNarasumber: Lalu masak di balai."
    a, b = units(text, "urunan beras")
    up = S2.upper()
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Dapur">
 <CodeBook><Codes>
  <Code guid="{{{C1.upper()}}}" name="Material" isCodable="true" color="#F0A">
   <Description>Sumbangan barang atau uang.</Description></Code>
 </Codes></CodeBook>
 <Sources><TextSource guid="{up}" name="Wawancara 1" plainTextPath="internal://{up}.txt">
  <PlainTextSelection guid="{SEL[0].upper()}" startPosition="{a}" endPosition="{b}">
   <Coding guid="{SEL[1].upper()}"><CodeRef targetGUID="{C1.lower()}"/></Coding>
  </PlainTextSelection></TextSource></Sources>
</Project>"""
    archive = write_qdpx(
        tmp_path / "maxqda.qdpx",
        qde,
        {f"Sources/{S2.lower()}.TXT": text.encode("utf-8")},
        qde_name="Dapur umum.qde",
    )
    report = import_qdpx(path=archive, project_path=tmp_path / "dapur.telaah")
    assert report.codings == 1 and report.skipped == ()
    with opened(tmp_path / "dapur.telaah") as session:
        coding = session.scalars(select(Coding)).one()
        assert coding.snippet == "urunan beras"
        code = list_codes(session)[0]
        assert (code.key, code.colour, code.name_id, code.name_en) == (
            "dapur/material",
            "#ff00aa",
            "Material",
            "Material",
        )


def test_pdf_source_with_text_representation_and_one_without(tmp_path: Path) -> None:
    rep_text = "Laporan relawan\n\nKami membagikan 200 nasi bungkus."
    a, b = units(rep_text, "200 nasi bungkus")
    pdf = text_pdf([b"Peraturan Wali Kota tentang relawan."])
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Dokumen">
 <CodeBook><Codes><Code guid="{C1}" name="Logistik" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <PDFSource guid="{S1}" name="Laporan.pdf" path="internal://{S1}.pdf">
   <PDFSelection guid="{SEL[0]}" page="1" firstX="1" firstY="1" secondX="50" secondY="50">
    <Coding guid="{SEL[1]}"><CodeRef targetGUID="{C1}"/></Coding></PDFSelection>
   <Representation guid="{SEL[2]}" plainTextPath="internal://{SEL[2]}.txt">
    <PlainTextSelection guid="{SEL[3]}" startPosition="{a}" endPosition="{b}">
     <Coding guid="{SEL[4]}"><CodeRef targetGUID="{C1}"/></Coding></PlainTextSelection>
   </Representation>
  </PDFSource>
  <PDFSource guid="{S2}" name="Perwali.pdf" path="internal://{S2}.pdf"/>
  <PictureSource guid="{SEL[5]}" name="Foto dapur" path="internal://{SEL[5]}.jpg"/>
  <AudioSource guid="{SEL[6]}" name="Rekaman" path="relative:///rekaman.m4a"/>
 </Sources>
</Project>"""
    files = {
        f"sources/{S1}.pdf": pdf,
        f"sources/{SEL[2]}.txt": rep_text.encode("utf-8"),
        f"sources/{S2}.pdf": pdf,
        f"sources/{SEL[5]}.jpg": b"\xff\xd8\xff\xe0",
    }
    report = import_qdpx(
        path=write_qdpx(tmp_path / "pdf.qdpx", qde, files), project_path=tmp_path / "pdf.telaah"
    )
    assert report.documents == ("Laporan.pdf", "Perwali.pdf")
    reasons = {(s.name, s.reason) for s in report.skipped}
    assert reasons == {
        ("Laporan.pdf", "pdf-region"),
        ("Foto dapur", "picture-source"),
        ("Rekaman", "audio-source"),
    }
    with opened(tmp_path / "pdf.telaah") as session:
        texts = {d.name: (d.text, d.format) for d in session.scalars(select(Document))}
        assert texts["Laporan.pdf"] == (rep_text, "pdf")
        assert texts["Perwali.pdf"] == ("Peraturan Wali Kota tentang relawan.", "pdf")
        assert session.scalars(select(Coding.snippet)).all() == ["200 nasi bungkus"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "cp1252"])
def test_source_in_another_encoding(tmp_path: Path, encoding: str) -> None:
    text = "Informan: Kami bilang “gotong royong” — itu biasa.\r\nInforman: Iya."
    a, b = units(text, "“gotong royong”")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Enc">
 <CodeBook><Codes><Code guid="{C1}" name="Norma" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="{S1}" name="W1" plainTextPath="internal://{S1}.txt">
  <PlainTextSelection guid="{SEL[0]}" startPosition="{a}" endPosition="{b}">
   <Coding guid="{SEL[1]}"><CodeRef targetGUID="{C1}"/></Coding></PlainTextSelection>
 </TextSource></Sources></Project>"""
    archive = write_qdpx(tmp_path / "enc.qdpx", qde, {f"sources/{S1}.txt": data})
    import_qdpx(path=archive, project_path=tmp_path / "enc.telaah")
    with opened(tmp_path / "enc.telaah") as session:
        assert session.scalars(select(Coding.snippet)).all() == ["“gotong royong”"]


def test_docx_only_source_and_inline_text_and_source_level_coding(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Informan: Kami rapat di balai warga.")
    document.add_paragraph("Informan: Semua datang.")
    buffer = io.BytesIO()
    document.save(buffer)
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Word">
 <CodeBook><Codes><Code guid="{C1}" name="Rapat"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="{S1}" name="Rapat.docx" richTextPath="internal://{S1}.docx">
   <PlainTextSelection guid="{SEL[0]}" startPosition="10" endPosition="15">
    <Coding guid="{SEL[1]}"><CodeRef targetGUID="{C1}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="{S2}" name="Catatan">
   <PlainTextContent>Catatan lapangan singkat.</PlainTextContent>
   <Coding guid="{SEL[2]}"><CodeRef targetGUID="{C1}"/></Coding>
  </TextSource>
 </Sources></Project>"""
    archive = write_qdpx(tmp_path / "w.qdpx", qde, {f"sources/{S1}.docx": buffer.getvalue()})
    report = import_qdpx(path=archive, project_path=tmp_path / "w.telaah")
    assert [(w.name, w.reason) for w in report.warnings] == [
        ("Rapat.docx", "positions-approximate")
    ]
    with opened(tmp_path / "w.telaah") as session:
        texts = {d.name: d.text for d in session.scalars(select(Document))}
        assert texts["Rapat.docx"].startswith("Informan: Kami rapat di balai warga.")
        assert sorted(session.scalars(select(Coding.snippet))) == [
            "Catatan lapangan singkat.",
            "Kami ",
        ]
        code = list_codes(session)[0]
        assert code.name_id == "Rapat"  # isCodable and colour were missing: defaults


def test_project_without_cases_variables_or_notes(tmp_path: Path) -> None:
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Kosong">
 <Sources><TextSource guid="{S1}" name="Satu"><PlainTextContent>Teks saja.</PlainTextContent>
 </TextSource></Sources></Project>"""
    report = import_qdpx(
        path=write_qdpx(tmp_path / "k.qdpx", qde), project_path=tmp_path / "k.telaah"
    )
    assert (report.documents, report.codes, report.cases, report.memos) == (("Satu",), 0, 0, 0)
    assert report.codebooks == ()


def test_unknown_code_reference_is_reported_not_fatal(tmp_path: Path) -> None:
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="X">
 <Sources><TextSource guid="{S1}" name="Satu"><PlainTextContent>Teks saja.</PlainTextContent>
  <PlainTextSelection guid="{SEL[0]}" startPosition="0" endPosition="4">
   <Coding guid="{SEL[1]}"><CodeRef targetGUID="{C3}"/></Coding></PlainTextSelection>
 </TextSource></Sources></Project>"""
    report = import_qdpx(
        path=write_qdpx(tmp_path / "x.qdpx", qde), project_path=tmp_path / "x.telaah"
    )
    assert [(s.kind, s.reason) for s in report.skipped] == [("coding", "unknown-code")]


@pytest.mark.parametrize(
    "raw",
    ["\ufeffA\r\nB\r\n\r\n  C 🌊 d  \r\n", "satu\rdua\r\rtiga", "x\x0by\u2028z\x0cw", "e\u0301 f"],
)
def test_normalised_text_matches_the_text_importer(raw: str, tmp_path: Path) -> None:
    from app.coding.importing import extract

    path = tmp_path / "t.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert normalise(raw.removeprefix("\ufeff")).text == extract(path).text


# --- codebooks ----------------------------------------------------------------------------

ATLAS_QDC = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti 23">
 <Codes>
  <Code guid="{C1.upper()}" name="Kepercayaan" isCodable="true" color="#2CA02C">
   <Code guid="{C2.upper()}" name="Kepercayaan pada aparat" isCodable="true"/>
  </Code>
  <Code guid="{C3.upper()}" name="Jaringan" isCodable="false"/>
 </Codes>
 <Sets><Set guid="{S1}" name="Putnam"><MemberCode guid="{C1}"/></Set></Sets>
</CodeBook>"""

MAXQDA_QDC = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0">
 <Codes>
  <Code guid="{C1}" name="Partisipasi ide" isCodable="true" color="#FF7F0E">
   <Description>Warga menyumbang gagasan dalam musyawarah.</Description></Code>
  <Code guid="{C2}" name="Partisipasi ide" isCodable="true">
   <Description>Nama sama, kunci harus unik.</Description></Code>
 </Codes>
</CodeBook>"""


def test_atlas_codebook_with_old_namespace(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "Modal sosial.qdc"
    path.write_text(ATLAS_QDC, encoding="utf-8")
    with project.session() as session:
        result = import_qdc(session, path=path)
        assert (result.codebook_key, result.codes) == ("modal-sosial", 3)
        assert [(c.key, c.colour) for c in list_codes(session)] == [
            ("modal-sosial/kepercayaan", "#2ca02c"),
            ("modal-sosial/kepercayaan/kepercayaan-pada-aparat", "#888888"),
            ("modal-sosial/jaringan", "#888888"),
        ]


def test_maxqda_codebook_descriptions_and_name_clash(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "Partisipasi.qdc"
    path.write_text(MAXQDA_QDC, encoding="utf-8")
    with project.session() as session:
        import_qdc(session, path=path)
        codes = list_codes(session)
        assert [c.key for c in codes] == [
            "partisipasi/partisipasi-ide",
            "partisipasi/partisipasi-ide-2",
        ]
        assert (
            codes[0].definition_id
            == codes[0].definition_en
            == ("Warga menyumbang gagasan dalam musyawarah.")
        )
        with pytest.raises(DuplicateName):
            import_qdc(session, path=path)
        assert len(list_codes(session)) == 2


def test_codebook_file_without_codes_is_invalid(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "kosong.qdc"
    path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    with project.session() as session, pytest.raises(CodebookInvalid):
        import_qdc(session, path=path)


def test_read_qdpx_writes_nothing(tmp_path: Path) -> None:
    archive = _nvivo_qdpx(tmp_path / "nvivo.qdpx")
    before = sorted(p.name for p in tmp_path.iterdir())
    data = read_qdpx(archive)
    assert [d.name for d in data.documents] == ["INF08 Darmawan"]
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    with pytest.raises(ProjectExists):
        import_qdpx(path=archive, project_path=archive)  # an existing file is never overwritten
    assert archive.read_bytes()[:2] == b"PK"
