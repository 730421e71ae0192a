"""Exchange files as three other tools really write them (issue 13, item 5), hand-made here
from the REFI-QDA documentation and the quirks seen in their exports."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from refiqda_data import write_qdpx
from sqlalchemy import select

from app.coding.refiqda import export_qdpx, import_qdpx
from app.models.project import open_project
from app.models.schema import Coding, Document

HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
C1 = "a1000000-0000-4000-8000-000000000001"
S1 = "b1000000-0000-4000-8000-000000000001"
S2 = "b1000000-0000-4000-8000-000000000002"
SEL = [f"c1000000-0000-4000-8000-0000000000{n:02d}" for n in range(10)]
BOARD = "Board minutes 2017.\n\nThe board agreed to fund the water project 🌊 next year.\n"


def _texts_and_snippets(target: Path) -> tuple[dict[str, str], list[str]]:
    project = open_project(target)
    try:
        with project.session() as session:
            texts = {d.name: d.text for d in session.scalars(select(Document))}
            coded = [
                c.snippet
                for c in session.scalars(select(Coding).order_by(Coding.start))
                if texts[session.get(Document, c.document_id).name][c.start : c.end] == c.snippet
            ]
            return texts, coded
    finally:
        project.close()


def test_qualitative_coding_tool_bare_plain_text_path(tmp_path: Path) -> None:
    """``plainTextPath="board_2017.txt"`` (no scheme) while the file is ``sources/…`` in
    another case: it used to be an "external-source" and both documents were lost."""
    start = BOARD.index("fund")
    end = start + len("fund the water project")
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="board"
  origin="qualitative-coding 1.4">
 <CodeBook><Codes><Code guid="{C1}" name="funding" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="{S1}" name="board_2017" plainTextPath="board_2017.txt">
   <PlainTextSelection guid="{SEL[0]}" startPosition="{start}" endPosition="{end}">
    <Coding guid="{SEL[1]}"><CodeRef targetGUID="{C1}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="{S2}" name="board_2018" plainTextPath="Sources/Board_2018.TXT"/>
 </Sources></Project>"""
    archive = write_qdpx(
        tmp_path / "board.qdpx",
        qde,
        {"sources/BOARD_2017.txt": BOARD.encode("utf-8"), "Sources/board_2018.txt": b"Rapat."},
    )
    report = import_qdpx(path=archive, project_path=tmp_path / "board.telaah")
    assert report.skipped == ()
    texts, coded = _texts_and_snippets(tmp_path / "board.telaah")
    assert set(texts) == {"board_2017", "board_2018"}
    assert coded == ["fund the water project"]


def test_an_absolute_plain_text_path_stays_external(tmp_path: Path) -> None:
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="luar">
 <Sources><TextSource guid="{S1}" name="luar" plainTextPath="/home/siti/board_2017.txt"/>
 </Sources></Project>"""
    archive = write_qdpx(tmp_path / "luar.qdpx", qde, {"sources/board_2017.txt": b"teks"})
    report = import_qdpx(path=archive, project_path=tmp_path / "luar.telaah")
    assert [(s.name, s.reason) for s in report.skipped] == [("luar", "external-source")]


def test_nvivo_for_mac_text_only_in_the_rich_text(tmp_path: Path) -> None:
    """NVivo for Mac 15 writes each ``.txt`` member as one newline; the text is only in the
    ``.docx`` its ``richTextPath`` names. Both documents used to be "empty"."""
    members: dict[str, bytes] = {}
    sources = []
    for n, (guid, words) in enumerate(((S1, "Informan: Kami rapat di balai."),
                                       (S2, "Informan: Semua warga datang."))):  # fmt: skip
        document = docx.Document()
        document.add_paragraph(words)
        buffer = io.BytesIO()
        document.save(buffer)
        members[f"Sources/{guid}.docx"] = buffer.getvalue()
        members[f"Sources/{guid}.txt"] = b"\n"
        sources.append(
            f'<TextSource guid="{guid}" name="INF0{n + 1}" plainTextPath="internal://{guid}.txt"'
            f' richTextPath="internal://{guid}.docx">'
            f'<PlainTextSelection guid="{SEL[n]}" startPosition="10" endPosition="14">'
            f'<Coding guid="{SEL[n + 5]}"><CodeRef targetGUID="{C1}"/></Coding>'
            "</PlainTextSelection></TextSource>"
        )
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="mac" origin="NVivo for Mac 15.0">
 <CodeBook><Codes><Code guid="{C1}" name="Rapat" isCodable="true"/></Codes></CodeBook>
 <Sources>{"".join(sources)}</Sources></Project>"""
    archive = write_qdpx(tmp_path / "mac.qdpx", qde, members)
    report = import_qdpx(path=archive, project_path=tmp_path / "mac.telaah")
    assert report.skipped == ()
    assert sorted((w.name, w.reason) for w in report.warnings) == [
        ("INF01", "positions-approximate"),
        ("INF02", "positions-approximate"),
    ]
    texts, coded = _texts_and_snippets(tmp_path / "mac.telaah")
    assert texts == {"INF01": "Informan: Kami rapat di balai.",
                     "INF02": "Informan: Semua warga datang."}  # fmt: skip
    assert sorted(coded) == ["Kami", "Semu"]


def test_qualcoder_positions_are_code_points(tmp_path: Path) -> None:
    """QualCoder counts Python string indices: after the emoji every NVivo-style reading
    was two characters off (53 codings of the sample study moved)."""
    text = "Kami 🌊 membangun 🌊 lumbung warga bersama."
    start = text.index("lumbung")
    end = start + len("lumbung warga")
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="QualCoder 3.6">
 <CodeBook><Codes><Code guid="{C1}" name="lumbung" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="{S1}" name="INF01" plainTextPath="internal://{S1}.txt">
  <PlainTextSelection guid="{SEL[0]}" startPosition="{start}" endPosition="{end}">
   <Coding guid="{SEL[1]}"><CodeRef targetGUID="{C1}"/></Coding></PlainTextSelection>
 </TextSource></Sources></Project>"""
    archive = write_qdpx(tmp_path / "qc.qdpx", qde, {f"sources/{S1}.txt": text.encode()})
    import_qdpx(path=archive, project_path=tmp_path / "qc.telaah")
    _, coded = _texts_and_snippets(tmp_path / "qc.telaah")
    assert coded == ["lumbung warga"]


def test_coding_memos_are_also_the_selection_description(tmp_path: Path, project) -> None:  # type: ignore[no-untyped-def]
    """QualCoder reads a coding's memo from the selection's Description only (213 memos of
    the sample study were lost); Telaah reads its own export back with one memo, not two."""
    from app.coding.codebook_files import load_bundled_codebook
    from app.coding.codebooks import install_codebook
    from app.coding.codings import apply_code
    from app.models.schema import Code

    text = "Informan: Lumbung warga dibangun bersama."
    with project.session() as session:
        install_codebook(session, spec=load_bundled_codebook("participation"))
        doc = Document(name="INF01", original_filename="INF01.txt", format="txt",
                       content_hash="x", text=text, length=len(text))  # fmt: skip
        session.add(doc)
        session.commit()
        code_id = session.scalars(select(Code.id).order_by(Code.id)).first()
        apply_code(session, document_id=doc.id, code_id=code_id, start=10, end=23, coder="siti")
        row = session.scalars(select(Coding)).one()
        row.memo = "Gotong royong sejak 2019."
        row.illustrative = True
        session.commit()
        out = tmp_path / "keluar.qdpx"
        export_qdpx(session, path=out, project_name="uji")
    with zipfile.ZipFile(out) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert "<Description>Gotong royong sejak 2019.\n\n[Telaah]\nillustrative: yes" in qde
    project.close()
    import_qdpx(path=out, project_path=tmp_path / "kembali.telaah")
    back = open_project(tmp_path / "kembali.telaah")
    try:
        with back.session() as session:
            row = session.scalars(select(Coding)).one()
            assert (row.memo, row.illustrative) == ("Gotong royong sejak 2019.", True)
    finally:
        back.close()


def test_nvivo_for_windows_cases_as_codes_nested_nodes_and_utf16_positions(
    tmp_path: Path,
) -> None:
    """NVivo 14 for Windows: ``Sources/`` members named by GUID, positions in UTF-16 units
    (an emoji counts two), nodes nested in a non-codable folder, a user per coder, and each
    case also a node sharing the Case's GUID whose codings are the case's text (that is the
    only way QualCoder reads cases). Every coded text comes back exact; the case nodes
    become case links, not codes."""
    text = "I: Kami 🌊 membangun lumbung 🌊🌊 warga bersama.\r\n\r\nP: Siapa yang memimpin?\r\n"
    stored = "I: Kami 🌊 membangun lumbung 🌊🌊 warga bersama.\n\nP: Siapa yang memimpin?"
    user, case_guid = "d1000000-0000-4000-8000-000000000001", "e1000000-0000-4000-8000-000000000001"
    folder, child = "a1000000-0000-4000-8000-0000000000f0", "a1000000-0000-4000-8000-0000000000c1"

    def units(needle: str) -> tuple[int, int]:
        at = stored.index(needle)
        return (len(stored[:at].encode("utf-16-le")) // 2,
                len(stored[: at + len(needle)].encode("utf-16-le")) // 2)  # fmt: skip

    picks = {C1: "membangun lumbung", child: "warga bersama"}
    selections = "".join(
        f'<PlainTextSelection guid="{SEL[n]}" startPosition="{units(words)[0]}" '
        f'endPosition="{units(words)[1]}" creatingUser="{user}">'
        f'<Coding guid="{SEL[n + 4]}" creatingUser="{user}"><CodeRef targetGUID="{code}"/>'
        "</Coding></PlainTextSelection>"
        for n, (code, words) in enumerate(picks.items())
    )
    whole = (0, len(text.encode("utf-16-le")) // 2)  # all of the file's text
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Pantai" origin="NVivo 14.23.0"
  creatingUserGUID="{user}">
 <Users><User guid="{user}" name="Siti Aminah"/></Users>
 <CodeBook><Codes>
  <Code guid="{folder}" name="Nodes" isCodable="false">
   <Code guid="{C1}" name="Gotong royong" isCodable="true" color="#FF0000">
    <Code guid="{child}" name="Bersama warga" isCodable="true"/></Code></Code>
  <Code guid="{case_guid}" name="INF01" isCodable="true"/>
 </Codes></CodeBook>
 <Cases><Case guid="{case_guid}" name="INF01"/></Cases>
 <Sources><TextSource guid="{S1}" name="INF01 wawancara" plainTextPath="internal://{S1}.txt"
   creatingUser="{user}">{selections}
  <PlainTextSelection guid="{SEL[9]}" startPosition="0" endPosition="{whole[1]}">
   <Coding guid="{SEL[8]}"><CodeRef targetGUID="{case_guid}"/></Coding></PlainTextSelection>
 </TextSource></Sources></Project>"""
    archive = write_qdpx(tmp_path / "nvivo.qdpx", qde, {f"Sources/{S1}.txt": text.encode()})
    report = import_qdpx(path=archive, project_path=tmp_path / "nvivo.telaah")
    assert report.skipped == ()
    assert report.codings == 2 and report.cases == 1
    texts, coded = _texts_and_snippets(tmp_path / "nvivo.telaah")
    assert texts == {"INF01 wawancara": stored}
    assert coded == ["membangun lumbung", "warga bersama"]
    project = open_project(tmp_path / "nvivo.telaah")
    try:
        with project.session() as session:
            from app.models.schema import Case, Code, Coder, DocumentCase

            names = {c.name_id: c.parent_id for c in session.scalars(select(Code))}
            parents = {c.id: c.name_id for c in session.scalars(select(Code))}
            assert parents[names["Bersama warga"]] == "Gotong royong"  # the tree is kept
            assert "INF01" not in names  # the case node is no code
            links = session.execute(
                select(Case.name, DocumentCase.start, DocumentCase.end).join(Case)
            ).all()
            assert links == [("INF01", None, None)]  # all of it: the whole document
            assert set(session.scalars(select(Coder.name))) == {"Siti Aminah"}
    finally:
        project.close()


def test_atlas_ti_quotations_with_several_codes_groups_and_comments(tmp_path: Path) -> None:
    """ATLAS.ti 23 (written from the REFI-QDA documentation and the shape of its exports):
    upper-case GUIDs, ``sources/`` members named by GUID and referred to as ``internal://``,
    the plain text (UTF-8 with a byte-order mark, CRLF line ends) beside its .docx, quotations
    named after their first words with the comment as ``Description``, one quotation coded
    with two codes, a code comment as the code's ``Description``, code and document groups as
    ``Sets`` (skipped and reported). Positions are UTF-16 units over the stored text, as the
    standard counts them (an emoji counts two). Every coded text comes back exact."""
    text = (
        "Pewawancara: Bagaimana kampung menyiapkan diri sebelum banjir?\r\n\r\n"
        "Bu Laras: Kami 🌊 menimbun karung pasir di tepi kali, lalu ronda malam bergilir. "
        "Kalau air naik, kentongan dipukul tiga kali.\r\n\r\n"
        "Pewawancara: Siapa yang mengatur?\r\n\r\n"
        "Bu Laras: Pak RT 🏠 membagi jadwal, tapi ibu-ibu yang memasak di dapur umum.\r\n"
    )
    stored = text.replace("\r\n", "\n").strip()
    second = "Pak Damar: Sejak 2021 🌧️ kami menyimpan perahu karet di balai warga.\n"
    user = "D2000000-0000-4000-8000-00000000000A"
    codes = {
        "A2000000-0000-4000-8000-000000000001": ("Persiapan bencana", "#4A90E2"),
        "A2000000-0000-4000-8000-000000000002": ("Peran perempuan", "#D0021B"),
        "A2000000-0000-4000-8000-000000000003": ("Kepemimpinan lokal", "#7ED321"),
    }
    prep, women, lead = list(codes)
    doc1, doc2 = "B2000000-0000-4000-8000-000000000001", "B2000000-0000-4000-8000-000000000002"

    def units(raw: str, needle: str) -> tuple[int, int]:
        at = raw.index(needle)
        return (len(raw[:at].encode("utf-16-le")) // 2,
                len(raw[: at + len(needle)].encode("utf-16-le")) // 2)  # fmt: skip

    quotes = [  # (document, raw text, quoted words, codes, comment)
        (doc1, text, "menimbun karung pasir di tepi kali", [prep], ""),
        (doc1, text, "kentongan dipukul tiga kali", [prep], "Tanda bahaya."),
        (doc1, text, "Pak RT 🏠 membagi jadwal", [lead, prep], ""),
        (doc1, text, "ibu-ibu yang memasak di dapur umum", [women], "Dapur umum: lihat FGD."),
        (doc2, second, "menyimpan perahu karet di balai warga", [prep], ""),
    ]
    selections: dict[str, str] = {doc1: "", doc2: ""}
    for n, (doc, raw, words, refs, comment) in enumerate(quotes):
        first, last = units(raw, words)
        codings = "".join(
            f'<Coding guid="C2000000-0000-4000-8000-0000000001{n}{k}" creatingUser="{user}" '
            f'creationDateTime="2026-03-0{n + 1}T09:00:00Z"><CodeRef targetGUID="{code}"/>'
            "</Coding>"
            for k, code in enumerate(refs)
        )
        described = f"<Description>{comment}</Description>" if comment else ""
        selections[doc] += (
            f'<PlainTextSelection guid="C2000000-0000-4000-8000-00000000000{n}" '
            f'name="{words[:20]}" startPosition="{first}" endPosition="{last}" '
            f'creatingUser="{user}" creationDateTime="2026-03-0{n + 1}T09:00:00Z">'
            f"{described}{codings}</PlainTextSelection>"
        )
    comment = "<Description>Apa yang warga siapkan sebelum air datang.</Description>"
    code_xml = "".join(
        f'<Code guid="{guid}" name="{name}" isCodable="true" color="{colour}">'
        f"{comment if guid == prep else ''}</Code>"
        for guid, (name, colour) in codes.items()
    )
    qde = f"""{HEAD}<Project xmlns="urn:QDA-XML:project:1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Kampung Tangguh"
  origin="ATLAS.ti 23.2.1 (Windows)" creatingUserGUID="{user}"
  creationDateTime="2026-03-01T08:00:00Z">
 <Users><User guid="{user}" id="LR" name="Laras Wening"/></Users>
 <CodeBook><Codes>{code_xml}</Codes></CodeBook>
 <Sources>
  <TextSource guid="{doc1}" name="Wawancara Bu Laras" richTextPath="internal://{doc1}.docx"
    plainTextPath="internal://{doc1}.txt" creatingUser="{user}"
    creationDateTime="2026-03-01T08:10:00Z">{selections[doc1]}</TextSource>
  <TextSource guid="{doc2}" name="Wawancara Pak Damar" richTextPath="internal://{doc2}.docx"
    plainTextPath="internal://{doc2}.txt" creatingUser="{user}">{selections[doc2]}</TextSource>
 </Sources>
 <Sets>
  <Set guid="E2000000-0000-4000-8000-000000000001" name="Kelompok: Kesiapsiagaan">
   <MemberCode targetGUID="{prep}"/><MemberCode targetGUID="{lead}"/></Set>
  <Set guid="E2000000-0000-4000-8000-000000000002" name="Dokumen: Tepi kali">
   <MemberSource targetGUID="{doc1}"/><MemberSource targetGUID="{doc2}"/></Set>
 </Sets>
</Project>"""

    def word_file(raw: str) -> bytes:
        document = docx.Document()
        for paragraph in raw.replace("\r\n", "\n").strip().split("\n\n"):
            document.add_paragraph(paragraph)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    files = {
        f"sources/{doc1}.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        f"sources/{doc1}.docx": word_file(text),
        f"sources/{doc2}.txt": b"\xef\xbb\xbf" + second.encode("utf-8"),
        f"sources/{doc2}.docx": word_file(second),
    }
    archive = write_qdpx(tmp_path / "Kampung Tangguh.qdpx", qde, files)
    report = import_qdpx(path=archive, project_path=tmp_path / "atlas.telaah")
    assert [(s.kind, s.reason, s.count) for s in report.skipped] == [("sets", "sets", 2)]
    assert report.warnings == ()
    assert report.codings == 6 and report.codes == 3
    texts, coded = _texts_and_snippets(tmp_path / "atlas.telaah")
    assert texts == {"Wawancara Bu Laras": stored, "Wawancara Pak Damar": second.strip()}
    assert sorted(coded) == sorted(
        [words for _d, _r, words, refs, _c in quotes for _ in refs]
    )  # every coding's text is exactly the quotation, the doubly coded one twice
    project = open_project(tmp_path / "atlas.telaah")
    try:
        with project.session() as session:
            from app.models.schema import Code, Coder

            by_code = {
                (session.get(Code, c.code_id).name_id, c.snippet, c.memo)
                for c in session.scalars(select(Coding))
            }
            assert ("Peran perempuan", quotes[3][2], "Dapur umum: lihat FGD.") in by_code
            assert ("Kepemimpinan lokal", quotes[2][2], "") in by_code
            assert ("Persiapan bencana", quotes[2][2], "") in by_code
            assert set(session.scalars(select(Coder.name))) == {"Laras Wening"}
            colours = {c.name_id: c.colour for c in session.scalars(select(Code))}
            assert colours["Peran perempuan"].lower() == "#d0021b"
    finally:
        project.close()
