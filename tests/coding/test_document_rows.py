"""The document list's counts: codings and coded characters per document, computed by the
database, checked against the union of the coded positions counted one by one."""

from __future__ import annotations

import random

from app.coding.codings import NewCoding, apply_codes
from app.coding.workbench_queries import document_coverage, list_document_rows
from app.models.project import Project
from app.models.schema import Code, Codebook, Document


def test_coded_characters_are_the_union_of_overlapping_nested_and_shared_spans(
    project: Project,
) -> None:
    rng = random.Random(9)
    with project.session() as s:
        book = Codebook(key="uji", name_id="Uji", name_en="Test")
        s.add(book)
        s.flush()
        codes = [Code(codebook_id=book.id, key=f"uji/{i}", name_id=f"K{i}", name_en=f"C{i}")
                 for i in range(4)]  # fmt: skip
        docs = [
            Document(name=f"d{i}.txt", original_filename=f"d{i}.txt", format="txt",
                     content_hash=str(i), text="x" * 2_000, length=2_000)
            for i in range(3)
        ]  # fmt: skip
        s.add_all([*codes, *docs])
        s.commit()
        doc_ids = [d.id for d in docs]
        wanted: dict[int, set[int]] = {d: set() for d in doc_ids}
        counts = dict.fromkeys(doc_ids, 0)
        for coder in ("siti", "budi"):
            new = []
            for _ in range(120):
                doc = rng.choice(doc_ids[:2])  # the third document stays uncoded
                start = rng.randrange(0, 1_900)
                end = start + rng.choice([1, 5, 40, 300])  # touching, nested, overlapping
                new.append(NewCoding(doc, rng.choice(codes).id, start, min(end, 2_000)))
            changes = apply_codes(s, codings=new, coder=coder)
            for c in changes.added:
                wanted[c.document_id].update(range(c.start, c.end))
                counts[c.document_id] += 1
        rows = {r.id: r for r in list_document_rows(s)}
        some = {r.id: r for r in list_document_rows(s, document_ids=doc_ids[1:])}
        coverage = document_coverage(s, document_ids=doc_ids[:1])
        every = document_coverage(s)
    for doc in doc_ids:
        assert (rows[doc].codings, rows[doc].coded_chars) == (counts[doc], len(wanted[doc]))
    assert rows[doc_ids[2]].coded_chars == 0 and rows[doc_ids[2]].codings == 0
    assert set(some) == set(doc_ids[1:])
    assert some[doc_ids[1]] == rows[doc_ids[1]]
    assert coverage == {doc_ids[0]: (counts[doc_ids[0]], len(wanted[doc_ids[0]]))}
    assert every == {d: (counts[d], len(wanted[d])) for d in doc_ids[:2]}  # uncoded: absent
