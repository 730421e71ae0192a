"""Matrices of a generated project against a brute-force reference written from the rules.

The matrix is computed with index arrays (:mod:`app.coding.analysis.matrix`); here every cell
is worked out again the slow, obvious way from the codings read one by one: evidence is the
selected coders' codings, one per document, code and span (lowest id); a coding's case is
the latest-starting linked span holding its start, else the document's whole link; two
codings co-occur when they share a character in the same document; a rolled-up row or
column takes its indicators' codings. Cells must hold the same codings in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from app.coding.analysis import Matrix, build_matrix
from app.coding.cases import link_document
from app.coding.coders import set_coder_role
from app.coding.codings import NewCoding, Stance, apply_codes, update_coding
from app.coding.sources import set_document_source
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
)
from bench.corpus import CorpusSize, make_corpus

SHAPE = CorpusSize(documents=14, words=900, codes=60, cases=10, codings=1_400)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project with what the corpus lacks: absent and barrier codings, starred
    ones, a second coder, an observation, and cases linked to (nested) spans."""
    path = tmp_path_factory.mktemp("reference") / "acak.telaah"
    make_corpus(path, SHAPE, seed=11)
    rng = random.Random(5)
    project = open_project(path)
    try:
        with project.session() as s:
            ids = list(s.scalars(select(Coding.id).order_by(Coding.id)))
            for coding_id in rng.sample(ids, 120):
                update_coding(
                    s, coding_id=coding_id, stance=rng.choice([Stance.ABSENT, Stance.BARRIER])
                )
            for coding_id in rng.sample(ids, 80):
                update_coding(s, coding_id=coding_id, illustrative=True)
            coder = s.scalar(select(Coder.name).order_by(Coder.id.desc()))
            assert coder is not None
            set_coder_role(s, name=coder, role="second")
            # codings that only touch another (its end is their start) share no character
            touching = s.execute(
                select(Coding.document_id, Coding.end, Document.length, Coding.code_id)
                .join(Document)
                .order_by(Coding.id)
                .limit(60)
            ).all()
            other_codes = list(s.scalars(select(Code.id)))
            apply_codes(
                s,
                codings=[
                    NewCoding(doc, rng.choice(other_codes), end, min(end + 30, length))
                    for doc, end, length, _code in touching
                    if end < length
                ],
                coder="penyentuh",
            )
            docs = s.execute(select(Document.id, Document.length).order_by(Document.id)).all()
            set_document_source(s, document_id=docs[1][0], source_type="observation")
            cases = list(s.scalars(select(Case.id).order_by(Case.id)))
            for doc_id, length in docs[:4]:  # spans, one inside another, over whole links
                outer = (length // 5, length // 5 * 3)
                inner = (length // 3, length // 2)
                for start, end in (outer, inner, (length // 4 * 3, length)):
                    link_document(
                        s, case_id=rng.choice(cases), document_id=doc_id, start=start, end=end
                    )
    finally:
        project.close()
    return path


Link = tuple[int, int, int | None, int | None, int]
Cells = dict[tuple[int, int], tuple[list[int], list[int]]]


def _case_of(links: Sequence[Link]) -> Callable[[int, int], int | None]:
    """(document, position) → case, by the rule, from every link (id, doc, start, end, case)."""

    def case_of(doc: int, pos: int) -> int | None:
        spans = [
            (start, link, case)
            for link, d, start, end, case in links
            if d == doc and start is not None and end is not None and start <= pos < end
        ]
        if spans:
            return max(spans)[2]
        whole = sorted(link for link, d, start, _e, _c in links if d == doc and start is None)
        return next(case for link, *_rest, case in links if link == whole[0]) if whole else None

    return case_of


def _reference(
    project: Project, *, rows: str, cols: str, rollup: bool, coders: list[str] | None = None
) -> tuple[Matrix, Cells]:
    """Cell → (supporting coding ids, contrary coding ids), computed coding by coding."""
    with project.session() as s:
        if coders:
            wanted = set(s.scalars(select(Coder.id).where(Coder.name.in_(coders))))
        else:
            wanted = set(s.scalars(select(Coder.id).where(Coder.role == "primary")))
        everything = s.execute(
            select(
                Coding.id, Coding.code_id, Coding.document_id, Coding.start, Coding.end,
                Coding.stance, Coding.coder_id,
            ).order_by(Coding.id)
        ).all()  # fmt: skip
        codes = s.execute(select(Code.id, Code.parent_id, Codebook.key).join(Codebook)).all()
        links = s.execute(
            select(
                DocumentCase.id, DocumentCase.document_id, DocumentCase.start, DocumentCase.end,
                DocumentCase.case_id,
            )
        ).all()  # fmt: skip
        values = {
            case: value
            for case, name, value in s.execute(
                select(CaseAttribute.case_id, Attribute.name, CaseAttribute.value).join(Attribute)
            )
            if name == cols.removeprefix("attr:")
        }
        types = dict(s.execute(select(Document.id, Document.source_type)).all())
    seen: set[tuple[int, int, int, int]] = set()
    codings = []
    for row in everything:  # id order: the lowest id of a span comes first
        if (
            row.coder_id in wanted
            and (row.document_id, row.code_id, row.start, row.end) not in seen
        ):
            seen.add((row.document_id, row.code_id, row.start, row.end))
            codings.append(row)
    codings.sort(key=lambda c: (c.document_id, c.start, c.id))
    parent = {c.id: c.parent_id for c in codes}

    def chain(code: int | None) -> list[int]:  # the code and (rolled up) its ancestors
        found = []
        while code is not None:
            found.append(code)
            code = parent[code] if rollup else None
        return found

    case_of = _case_of(links)
    matrix = build_matrix_of(project, rows=rows, cols=cols, rollup=rollup, coders=coders)
    row_of = {row.code_id: r for r, row in enumerate(matrix.rows)}
    col_of = {
        (col.code_id if col.code_id is not None else col.case_id or col.key): k
        for k, col in enumerate(matrix.columns)
    }
    in_document: dict[int, list[object]] = {}
    for c in codings:
        in_document.setdefault(c.document_id, []).append(c)
    result: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    for c in codings:  # position order, as cells keep them
        if col_of and matrix.columns[0].code_id is not None:
            partners = {
                o.code_id
                for o in in_document[c.document_id]
                if o.id != c.id and o.start < c.end and c.start < o.end
            }
            targets = {up for p in partners for up in chain(p)}
        else:
            case = case_of(c.document_id, c.start)
            if cols == "cases":
                targets = {case}
            elif cols == "source-type":
                targets = {types[c.document_id]}
            else:
                targets = {values.get(case)} if case is not None else set()
        for up in chain(c.code_id):
            for target in targets:
                if up in row_of and target in col_of:
                    cell = result.setdefault((row_of[up], col_of[target]), ([], []))
                    cell[0 if c.stance == "supports" else 1].append(c.id)
    return matrix, result


def build_matrix_of(project: Project, **kwargs: object) -> Matrix:
    with project.session() as s:
        return build_matrix(s, **kwargs)  # type: ignore[arg-type]


def _cells(matrix: Matrix) -> dict[tuple[int, int], tuple[list[int], list[int]]]:
    keys = set(matrix.evidence) | set(matrix.contrary)
    return {
        key: (
            [c.id for c in matrix.evidence.get(key, ())],
            [c.id for c in matrix.contrary.get(key, ())],
        )
        for key in keys
    }


@pytest.mark.parametrize(
    ("rows", "cols"),
    [
        ("*", "cases"),
        ("loeffler", "attr:group"),
        ("cepiku", "source-type"),
        ("loeffler", "cepiku"),
        ("putnam", "putnam"),
        ("*", "*"),
    ],
)
@pytest.mark.parametrize("rollup", [True, False])
def test_matrix_cells_equal_the_brute_force_reference(
    generated: Path, rows: str, cols: str, rollup: bool
) -> None:
    project = open_project(generated)
    try:
        matrix, expected = _reference(project, rows=rows, cols=cols, rollup=rollup)
        assert expected  # the generated project gives these cells something to hold
        assert _cells(matrix) == expected
        assert all(matrix.count(r, c) == len(ids) for (r, c), (ids, _) in expected.items())
    finally:
        project.close()


def test_every_coder_picked_explicitly_counts_too(generated: Path) -> None:
    project = open_project(generated)
    try:
        with project.session() as s:
            names = list(s.scalars(select(Coder.name).order_by(Coder.id)))
        for picked in (names, names[-1:]):
            matrix, expected = _reference(project, rows="*", cols="*", rollup=True, coders=picked)
            assert _cells(matrix) == expected
    finally:
        project.close()
