"""Review queries (excerpts by code / informant with marks) and the Word review report."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from sqlalchemy.orm import Session

from app.coding.agreement import compute_agreement
from app.coding.cases import create_case, link_document
from app.coding.codings import apply_code
from app.coding.errors import NotFound
from app.coding.exports.review_report import export_review_report, figure_text, percent_text
from app.coding.review import add_comment, mark_coding, resolve_thread
from app.coding.review_queries import (
    BY_CASE,
    BY_CODE,
    questioned_excerpts,
    review_groups,
    review_items,
    stretch_comparison,
)
from app.models.project import Project
from app.models.schema import Code, Codebook, Document

TEXT_A = (
    "Pewawancara: Siapa yang menyusun jadwal piket?\n"
    "Bu Sulastri: Kami para kader menyusun jadwal piket posko bersama warga RW.\n"
    "Pewawancara: Apakah warga percaya?\n"
    "Bu Sulastri: Warga percaya karena kami sendiri ikut berjaga tiap malam."
)
TEXT_B = "Laporan relawan: stok beras lumbung cukup untuk dua minggu 🌾 setelah banjir."


def _study(s: Session) -> dict[str, int]:
    book = Codebook(key="loeffler", name_id="Empat Co", name_en="Four Co's")
    s.add(book)
    s.flush()
    codes = {
        key: Code(codebook_id=book.id, key=f"loeffler/{key}", name_id=nid, name_en=nen)
        for key, nid, nen in (
            ("co-delivery", "Pelayanan bersama", "Co-delivery"),
            ("co-design", "Merancang bersama", "Co-design"),
            ("whole", "Seluruh teks", "Whole text"),
        )
    }
    docs = {
        name: Document(
            name=name,
            original_filename=name,
            format="txt",
            content_hash=f"hash-{name}",
            text=text,
            length=len(text),
        )
        for name, text in (("INF09_Sulastri.txt", TEXT_A), ("DOK02_Laporan.txt", TEXT_B))
    }
    s.add_all([*codes.values(), *docs.values()])
    s.commit()
    case = create_case(
        s,
        name="Sulastri",
        alias="Informan 9",
        attributes={"role": "Ketua Tim Penggerak PKK"},
    )
    link_document(s, case_id=case.id, document_id=docs["INF09_Sulastri.txt"].id)
    ids = {f"code:{k}": c.id for k, c in codes.items()}
    ids |= {f"doc:{k}": d.id for k, d in docs.items()}
    ids["case"] = case.id
    return ids


def _code(s: Session, ids: dict[str, int], code: str, doc: str, phrase: str, coder: str) -> int:
    text = TEXT_A if doc.startswith("INF") else TEXT_B
    start = text.index(phrase)
    info = apply_code(
        s,
        document_id=ids[f"doc:{doc}"],
        code_id=ids[f"code:{code}"],
        start=start,
        end=start + len(phrase),
        coder=coder,
    )
    return info.added[0].id


@pytest.fixture
def study(project: Project) -> tuple[Project, dict[str, int]]:
    with project.session() as s:
        ids = _study(s)
        ids["plan"] = _code(
            s, ids, "co-design", "INF09_Sulastri.txt", "menyusun jadwal piket posko", "siti"
        )
        ids["guard"] = _code(
            s, ids, "co-delivery", "INF09_Sulastri.txt", "ikut berjaga tiap malam", "siti"
        )
        ids["stock"] = _code(
            s, ids, "co-delivery", "DOK02_Laporan.txt", "stok beras lumbung", "siti"
        )
        _code(s, ids, "co-delivery", "INF09_Sulastri.txt", "berjaga tiap malam.", "pembimbing")
        _code(s, ids, "co-design", "INF09_Sulastri.txt", "jadwal piket posko", "pembimbing")
        # Both coders code every character of both documents: kappa and alpha are undefined.
        for coder in ("siti", "pembimbing"):
            for doc, text in (("INF09_Sulastri.txt", TEXT_A), ("DOK02_Laporan.txt", TEXT_B)):
                apply_code(
                    s,
                    document_id=ids[f"doc:{doc}"],
                    code_id=ids["code:whole"],
                    start=0,
                    end=len(text),
                    coder=coder,
                )
    return project, ids


def test_groups_count_marks_by_code_and_by_informant(study) -> None:  # type: ignore[no-untyped-def]
    project, ids = study
    with project.session() as s:
        mark_coding(s, coding_id=ids["guard"], reviewer="pembimbing", status="questioned")
        mark_coding(s, coding_id=ids["stock"], reviewer="pembimbing", status="agreed")
        by_code = {g.key: g for g in review_groups(s, by=BY_CODE)}
        by_case = review_groups(s, by=BY_CASE)
        informant = review_items(s, by=BY_CASE, group_id=ids["case"])
        others = review_items(s, by=BY_CASE, group_id=None)
    delivery = by_code["loeffler/co-delivery"]
    assert (delivery.total, delivery.agreed, delivery.questioned) == (3, 1, 1)
    assert [(g.key, g.alias) for g in by_case] == [("Sulastri", "Informan 9"), ("", None)]
    assert by_case[0].questioned == 1 and by_case[1].agreed == 1
    assert {i.excerpt.case for i in informant} == {"Sulastri"}
    assert len(informant) == 6  # 2 + 2 phrase codings and the two whole-text codings
    guard = next(i for i in informant if i.excerpt.coding_id == ids["guard"])
    assert guard.state.status == "questioned"
    assert guard.state.mark_of("pembimbing") == "questioned"
    assert [i.excerpt.document for i in others] == ["DOK02_Laporan.txt"] * 3


def test_stretch_comparison_lists_each_coders_codes(study) -> None:  # type: ignore[no-untyped-def]
    project, ids = study
    start = TEXT_A.index("ikut berjaga")
    with project.session() as s:
        cmp = stretch_comparison(
            s,
            document_id=ids["doc:INF09_Sulastri.txt"],
            start=start,
            end=start + len("ikut "),
            coders=["siti", "pembimbing"],
        )
    assert cmp.text == "ikut "
    assert cmp.before.endswith("kami sendiri ")
    assert [o.code_key for o in cmp.codings["siti"]] == ["loeffler/co-delivery", "loeffler/whole"]
    assert [o.code_key for o in cmp.codings["pembimbing"]] == ["loeffler/whole"]


def _thread(project: Project, ids: dict[str, int]) -> None:
    with project.session() as s:
        mark_coding(s, coding_id=ids["guard"], reviewer="pembimbing", status="questioned")
        question = add_comment(
            s,
            coding_id=ids["guard"],
            author="pembimbing",
            text="Apakah berjaga malam termasuk pelayanan bersama?",
        )
        add_comment(
            s,
            coding_id=ids["guard"],
            author="siti",
            text="Ya, kader dan warga menjaga posko bersama.",
            reply_to=question.id,
        )
        mark_coding(s, coding_id=ids["plan"], reviewer="pembimbing", status="questioned")
        old = add_comment(s, coding_id=ids["plan"], author="pembimbing", text="Bukan co-design?")
        resolve_thread(s, comment_id=old.id)
        mark_coding(s, coding_id=ids["stock"], reviewer="dosen lain", status="questioned")


def test_questioned_excerpts_carry_their_threads(study) -> None:  # type: ignore[no-untyped-def]
    project, ids = study
    _thread(project, ids)
    with project.session() as s:
        everyone = questioned_excerpts(s)
        mine = questioned_excerpts(s, reviewer="pembimbing")
    assert {q.excerpt.coding_id for q in everyone} == {ids["guard"], ids["plan"], ids["stock"]}
    assert [q.excerpt.coding_id for q in mine] == [ids["guard"], ids["plan"]]  # tree order
    guard = mine[0]
    assert [c.author for c in guard.thread] == ["pembimbing", "siti"]
    assert not guard.resolved and mine[1].resolved


def _tables(path: Path) -> list[list[list[str]]]:
    doc = WordDocument(str(path))
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def test_report_holds_agreement_table_and_questioned_discussions(  # type: ignore[no-untyped-def]
    study, tmp_path: Path
) -> None:
    project, ids = study
    _thread(project, ids)
    out = tmp_path / "laporan telaah.docx"
    with project.session() as s:
        result = export_review_report(
            s,
            path=out,
            reviewer="pembimbing",
            coders=("siti", "pembimbing"),
            now=datetime(2024, 3, 12, 3, 0, tzinfo=UTC),
        )
        report = compute_agreement(s, coder_a="siti", coder_b="pembimbing")
    assert result.rows == 2
    doc = WordDocument(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Laporan Tinjauan Pembimbing"
    assert any(t.startswith("Peninjau: pembimbing.") for t in texts)
    assert "Kesepakatan antarpengode" in texts and "Kutipan yang dipertanyakan" in texts
    agreement, *questioned = _tables(out)
    # Kappa and alpha lead; percent agreement is labelled as including uncoded text.
    assert agreement[0] == [
        "Kode",
        "Kappa Cohen",
        "Alfa Krippendorff",
        "Kesepakatan pada teks yang dikodekan",
        "Persentase kesepakatan (termasuk teks yang tidak dikodekan)",
    ]
    rows = {row[0].split("\n")[-1]: row[1:] for row in agreement[1:]}
    for key, f in report.codes.items():
        expected = [figure_text(f.cohen_kappa), figure_text(f.krippendorff_alpha),
                    percent_text(f.coded_agreement, decimal=","),
                    percent_text(f.percent_agreement, decimal=",")]  # fmt: skip
        assert rows[key] == expected
    assert rows["loeffler/whole"] == ["n/a", "n/a", "100,0%", "100,0%"]  # both coded everything
    overall = agreement[-1]
    assert overall[0] == "Keseluruhan"
    assert overall[4] == f"{100 * report.overall.percent_agreement:.1f}%".replace(".", ",")
    # every table repeats its header row on each page
    for table in doc.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    # questioned excerpts grouped by code, in code tree order
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Pelayanan bersama", "Merancang bersama"]
    delivery, design = questioned
    assert design[0] == ["No.", "Kutipan", "Tanda dan diskusi"]
    quote = delivery[1][1]
    assert quote.startswith("\u201cikut berjaga tiap malam\u201d")
    # A new project pseudonymises: the file name (which holds the informant's name) is left out.
    assert "\u2014\u00a0Informan 9, Ketua Tim Penggerak PKK, wawancara" in quote
    assert "Sulastri" not in "\n".join(p.text for p in doc.paragraphs) + str(questioned)
    assert "Nama informan disamarkan: setiap informan ditulis dengan aliasnya." in [
        p.text for p in doc.paragraphs
    ]
    assert "Pengode: siti" in quote
    real = tmp_path / "laporan nama asli.docx"
    with project.session() as s:
        export_review_report(s, path=real, reviewer="pembimbing", pseudonymise=False)
    assert "INF09_Sulastri.txt, Informan 9, Ketua Tim Penggerak PKK" in _tables(real)[0][1][1]
    talk = delivery[1][2]
    assert talk.startswith("Dipertanyakan oleh pembimbing")
    assert "[Belum tuntas]" in talk and "Apakah berjaga malam termasuk pelayanan bersama?" in talk
    assert "siti, " in talk and "Ya, kader dan warga menjaga posko bersama." in talk
    assert "[Selesai]" in design[1][2]
    assert "stok beras" not in "".join(t for table in questioned for r in table for t in r)


def test_report_in_english_without_agreement(study, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, _ids = study
    out = tmp_path / "review.docx"
    with project.session() as s:
        result = export_review_report(s, path=out, language="en")
    texts = [p.text for p in WordDocument(str(out)).paragraphs]
    assert result.rows == 0
    assert texts[0] == "Supervisor Review Report"
    assert "Intercoder agreement was not computed (choose two coders)." in texts
    assert "No excerpt is questioned." in texts


def test_failed_report_leaves_the_old_file(study, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, _ids = study
    folder = tmp_path / "laporan"
    folder.mkdir()
    out = folder / "review.docx"
    out.write_bytes(b"old report")
    with project.session() as s, pytest.raises(NotFound):
        export_review_report(s, path=out, coders=("siti", "nobody"))
    with project.session() as s, pytest.raises(OSError):
        export_review_report(s, path=folder / "missing folder" / "r.docx")
    assert out.read_bytes() == b"old report"
    assert [p.name for p in folder.iterdir()] == ["review.docx"]  # no temporary file left


def test_cli_writes_the_review_report(  # type: ignore[no-untyped-def]
    study, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    project, ids = study
    _thread(project, ids)
    path = project.path
    project.close()
    out = tmp_path / "telaah pembimbing.docx"
    args = ["export", str(path), "review", "-o", str(out), "--reviewer", "pembimbing"]
    status = main([*args, "--coders", "siti", "pembimbing", "--language", "en"])
    assert status == 0
    assert "2 questioned excerpts" in capsys.readouterr().out
    doc = WordDocument(str(out))
    assert doc.paragraphs[0].text == "Supervisor Review Report"
    assert doc.tables[0].rows[0].cells[1].text == "Cohen's kappa"
    out.unlink()
    assert main([*args, "--coders", "siti", "nobody"]) == 1
    err = capsys.readouterr().err
    assert "nobody" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
