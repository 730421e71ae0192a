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
