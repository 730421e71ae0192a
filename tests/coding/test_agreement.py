"""Agreement figures checked against a per-character computation written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.coding.agreement import compute_agreement
from app.coding.codings import NewCoding, apply_codes
from app.coding.errors import InvalidValue, NotFound
from app.models.project import Project
from app.models.schema import Code, Codebook, Document

LENGTHS = {"d1.txt": 100, "d2.txt": 60}


def _setup(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    book = Codebook(key="uji", name_id="Uji", name_en="Test")
    session.add(book)
    session.flush()
    codes = {}
    for key in ("uji/trust", "uji/norms", "uji/networks"):
        code = Code(codebook_id=book.id, key=key, name_id=key, name_en=key)
        session.add(code)
        session.flush()
        codes[key] = code.id
    docs = {}
    for name, n in LENGTHS.items():
        doc = Document(
            name=name,
            original_filename=name,
            format="txt",
            content_hash=name,
            text="x" * n,
            length=n,
        )
        session.add(doc)
        session.flush()
        docs[name] = doc.id
    session.commit()
    return docs, codes


def _expected(
    spans_a: list[tuple[str, int, int]], spans_b: list[tuple[str, int, int]]
) -> dict[str, float | None]:
    """Textbook formulas over explicit per-character ratings."""
    ratings = []
    for doc, n in LENGTHS.items():
        a = [False] * n
        b = [False] * n
        for d, s, e in spans_a:
            if d == doc:
                a[s:e] = [True] * (e - s)
        for d, s, e in spans_b:
            if d == doc:
                b[s:e] = [True] * (e - s)
        ratings.extend(zip(a, b, strict=True))
    n = len(ratings)
    po = sum(x == y for x, y in ratings) / n
    pa = sum(x for x, _ in ratings) / n
    pb = sum(y for _, y in ratings) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    kappa = None if pe == 1 else (po - pe) / (1 - pe)
    # Krippendorff: coincidence matrix over all pairable values.
    values = [v for pair in ratings for v in pair]
    n_c = {True: values.count(True), False: values.count(False)}
    observed_disagreement = 2 * sum(x != y for x, y in ratings)
    big_n = len(values)
    expected = 2 * n_c[True] * n_c[False]
    alpha = None if expected == 0 else 1 - (big_n - 1) * observed_disagreement / expected
    return {"percent_agreement": po, "cohen_kappa": kappa, "krippendorff_alpha": alpha}


def _code(
    session: Session, docs: dict[str, int], code: int, coder: str, spans: list[tuple[str, int, int]]
) -> None:
    apply_codes(session, coder=coder, codings=[NewCoding(docs[d], code, s, e) for d, s, e in spans])


CASES = {
    "full agreement": (
        [("d1.txt", 10, 30), ("d2.txt", 0, 5)],
        [("d1.txt", 10, 30), ("d2.txt", 0, 5)],
    ),
    "no overlap": ([("d1.txt", 0, 20)], [("d1.txt", 50, 70), ("d2.txt", 1, 2)]),
    "partial overlap": (
        [("d1.txt", 10, 40), ("d1.txt", 35, 50)],
        [("d1.txt", 20, 60), ("d2.txt", 0, 30)],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_per_code_figures_match_the_textbook(project: Project, case: str) -> None:
    spans_a, spans_b = CASES[case]
    with project.session() as s:
        docs, codes = _setup(s)
        _code(s, docs, codes["uji/trust"], "Ani", spans_a)
        _code(s, docs, codes["uji/trust"], "Budi", spans_b)
        report = compute_agreement(s, coder_a="Ani", coder_b="Budi", document_names=sorted(LENGTHS))
    got = report.codes["uji/trust"]
    for name, value in _expected(spans_a, spans_b).items():
        if value is None:
            assert getattr(got, name) is None
        else:
            assert getattr(got, name) == pytest.approx(value)
    if case == "full agreement":
        assert got.percent_agreement == 1 and got.cohen_kappa == 1 and got.krippendorff_alpha == 1
        assert report.disagreements == ()


def test_one_coder_silent_on_a_code_and_pooled_overall(project: Project) -> None:
    with project.session() as s:
        docs, codes = _setup(s)
        _code(s, docs, codes["uji/trust"], "Ani", [("d1.txt", 0, 50)])
        _code(s, docs, codes["uji/trust"], "Budi", [("d1.txt", 10, 50)])
        _code(s, docs, codes["uji/norms"], "Ani", [("d2.txt", 5, 25)])  # Budi never uses it
        by_default = compute_agreement(s, coder_a="Ani", coder_b="Budi")
        report = compute_agreement(s, coder_a="Ani", coder_b="Budi", document_names=sorted(LENGTHS))
    # By default only documents both coders worked on are compared.
    assert by_default.documents == ("d1.txt",)
    assert "uji/norms" not in by_default.codes
    norms = report.codes["uji/norms"]
    # Budi coded nothing with it: po = 140/160, kappa = 0 (pe = po).
    assert norms.percent_agreement == pytest.approx(140 / 160)
    assert norms.cohen_kappa == pytest.approx(0.0)
    assert norms.krippendorff_alpha == pytest.approx(
        _expected([("d2.txt", 5, 25)], [])["krippendorff_alpha"]
    )
    assert report.documents == ("d1.txt", "d2.txt")
    # Overall pools the per-code tables.
    pooled = report.codes["uji/trust"].table + norms.table
    assert report.overall.table == pooled
    assert report.overall.percent_agreement == pytest.approx(
        (pooled.both + pooled.neither) / pooled.n
    )
    silent = [d for d in report.disagreements if d.code_key == "uji/norms"]
    assert [(d.document, d.start, d.end, d.coded_by) for d in silent] == [("d2.txt", 5, 25, "Ani")]


def test_unknown_or_same_coder_is_refused(project: Project) -> None:
    with project.session() as s:
        _setup(s)
        with pytest.raises(NotFound):
            compute_agreement(s, coder_a="Ani", coder_b="Siapa")
        with pytest.raises(InvalidValue):
            compute_agreement(s, coder_a="Ani", coder_b="Ani")


def test_coded_agreement_and_the_busiest_pair(project: Project, tmp_path: Path) -> None:
    """The pair with most documents in common wins over the current user's pair, and the
    agreement on coded text ignores the uncoded text that inflates percent agreement."""
    from app.coding.agreement import busiest_pair
    from app.coding.codings import apply_code
    from app.coding.documents import import_files
    from app.models.schema import Code, Codebook

    paths = []
    for i in range(3):
        path = tmp_path / f"W{i}.txt"
        path.write_text("x" * 1000, encoding="utf-8")
        paths.append(path)
    with project.session() as s:
        book = Codebook(key="k", name_id="K", name_en="K")
        s.add(book)
        s.flush()
        code = Code(codebook_id=book.id, key="k/a", name_id="A", name_en="A")
        s.add(code)
        s.commit()
        docs = [d.id for d in import_files(s, paths=paths).imported]
        for doc in docs:
            apply_code(s, document_id=doc, code_id=code.id, start=0, end=10, coder="peneliti")
            apply_code(s, document_id=doc, code_id=code.id, start=5, end=20, coder="pembimbing")
        apply_code(s, document_id=docs[0], code_id=code.id, start=0, end=10, coder="saya")
        assert busiest_pair(s) == ("pembimbing", "peneliti")
        report = compute_agreement(s, coder_a="peneliti", coder_b="pembimbing")
    # Per document: 5 characters in common, 20 coded by either.
    assert report.overall.coded_agreement == pytest.approx(5 / 20)
    assert report.overall.percent_agreement == pytest.approx(1 - 15 / 1000)
    assert report.overall.cohen_kappa is not None and report.overall.cohen_kappa < 0.5
