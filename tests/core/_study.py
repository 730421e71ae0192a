"""A small real study for the core tests: two imported transcripts, Putnam's codebook, a case,
codings by two coders, memos, a cell summary and review state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.coding.analysis.cell_summaries import set_cell_summary
from app.coding.cases import create_case, link_document
from app.coding.codebook_files import CodebookSpec, CodeSpec, load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codings import NewCoding, apply_codes
from app.coding.documents import import_files
from app.coding.errors import MergeRefused
from app.coding.memos import set_memo
from app.coding.merge import merge_project_file
from app.coding.review import add_comment, mark_coding
from app.models.project import open_project

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
FILES = ("INF09_Sulastri_PKK.txt", "INF10_Nur_Aini_warga.txt")


@dataclass(frozen=True)
class Study:
    docs: tuple[int, int]
    codebook: int
    parent: int  # a code with indicators
    child: int  # its first indicator
    other: int  # a top-level code of the same codebook, not under ``parent``
    case: int
    codings: tuple[int, ...]  # the codings of ``parent`` and ``child``, both documents


def build(s: Session) -> Study:
    result = import_files(s, paths=[SAMPLES / f for f in FILES])
    assert not result.failed
    docs = tuple(d.id for d in result.imported)
    installed = install_codebook(s, spec=load_bundled_codebook("putnam"))
    spec = load_bundled_codebook("putnam")
    keyed = dict(zip(installed.code_keys, installed.code_ids, strict=True))
    parent_spec = next(c for c in spec.codes if c.children)
    parent, child = keyed[parent_spec.key], keyed[parent_spec.children[0].key]
    other = next(keyed[c.key] for c in spec.codes if c.key != parent_spec.key)
    case = create_case(s, name="Sulastri", alias="Informan 9", attributes={"peran": "PKK"})
    link_document(s, case_id=case.id, document_id=docs[0])
    made = apply_codes(
        s,
        coder="siti",
        codings=[
            NewCoding(docs[0], parent, 10, 60),
            NewCoding(docs[1], child, 5, 45, memo="kutipan kuat"),
            NewCoding(docs[0], other, 10, 60),
        ],
    )
    apply_codes(s, coder="pembimbing", codings=[NewCoding(docs[1], child, 100, 140)])
    ours = tuple(c.id for c in made.added if c.code_id in (parent, child))
    set_memo(s, target_kind="code", target_id=parent, text="Apa arti percaya?", author="siti")
    set_memo(s, target_kind="code", target_id=child, text="Indikator", author="siti")
    set_memo(s, target_kind="document", target_id=docs[0], text="Wawancara 1", author="siti")
    set_memo(s, target_kind="case", target_id=case.id, text="Ketua PKK", author="siti")
    set_memo(
        s, target_kind="codebook", target_id=installed.codebook_id, text="Putnam", author="siti"
    )
    set_cell_summary(
        s, row_code_id=child, column_kind="case", column_key="Sulastri", text="ringkasan"
    )
    mark_coding(s, coding_id=ours[1], reviewer="pembimbing", status="questioned")
    root = add_comment(s, coding_id=ours[1], author="pembimbing", text="Yakin?")
    add_comment(s, coding_id=ours[1], author="siti", text="Ya, lihat baris 3.", reply_to=root.id)
    return Study(docs, installed.codebook_id, parent, child, other, case.id, ours)  # type: ignore[arg-type]


def newer_putnam(*, rename: str | None = None) -> CodebookSpec:
    """Putnam's codebook as a next version would ship it: one indicator more under the first
    code (and, with ``rename``, that code renamed)."""
    spec = load_bundled_codebook("putnam")
    first = spec.codes[0]
    extra = CodeSpec(
        key=f"{first.key}/baru", name_id="Baru", name_en="New", definition_id="",
        definition_en="", colour="#123456", keywords=(), reference="", since=spec.version + 1,
    )  # fmt: skip
    changed = replace(first, name_id=rename or first.name_id, children=(*first.children, extra))
    return replace(spec, version=spec.version + 1, codes=(changed, *spec.codes[1:]))


def refused_merge(ours: Path, theirs: Path) -> MergeRefused:
    """Merge the copy ``theirs`` into the project file ``ours``, which must refuse it and
    leave ``ours`` byte for byte as it was; returns the refusal."""
    before = ours.read_bytes()
    project = open_project(ours)
    try:
        with project.session() as s, pytest.raises(MergeRefused) as caught:
            merge_project_file(s, path=theirs, this_file=ours)
    finally:
        project.close()
    assert ours.read_bytes() == before
    return caught.value
