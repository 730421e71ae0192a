"""The revised bundled codebooks (version 2) and updating a project made with version 1."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app.coding.codebook_files import (
    CodebookSpec,
    CodeSpec,
    bundled_codebook_keys,
    load_bundled_codebook,
)
from app.coding.codebooks import install_codebook, revert_codebook_update, update_codebook
from app.coding.codes import delete_code, find_code, list_codes
from app.coding.codings import NewCoding, apply_codes
from app.coding.documents import import_files
from app.coding.errors import InvalidValue, NotFound
from app.models.project import Project
from app.models.schema import Code, Codebook, Coding

Dump = Callable[[Path], object]


def _codes(book: str) -> dict[str, CodeSpec]:
    return {c.key: c for c in load_bundled_codebook(book).walk_codes()}


def _version_one(spec: CodebookSpec) -> CodebookSpec:
    """The codebook as version 1 shipped it: without the codes added since."""

    def keep(codes: tuple[CodeSpec, ...]) -> tuple[CodeSpec, ...]:
        return tuple(
            dataclasses.replace(c, children=keep(c.children)) for c in codes if c.since == 1
        )

    return dataclasses.replace(spec, codes=keep(spec.codes), version=1)


def test_every_bundled_codebook_carries_version_two() -> None:
    for key in bundled_codebook_keys():
        spec = load_bundled_codebook(key)
        assert spec.version == 2, key
        assert all(c.since in (1, 2) for c in spec.walk_codes())


def test_co_assessment_has_joint_monitoring_and_evaluation() -> None:
    codes = _codes("loeffler")
    for key in ("co-monitoring", "co-evaluation"):
        code = codes[f"loeffler/co-assessment/{key}"]
        assert code.since == 2
        assert "Bovaird & Loeffler (2012" in code.reference
    assert "evaluasi bersama" in codes["loeffler/co-assessment/co-evaluation"].keywords
    book = load_bundled_codebook("loeffler")
    assert (
        "The Palgrave Handbook of Co-Production of Public Services and Outcomes" in book.reference
    )
    assert "Loeffler, E., & Bovaird, T. (Eds.). (2021)" in book.reference


def test_co_prioritising_and_co_planning_priorities_have_rules_that_tell_them_apart() -> None:
    codes = _codes("loeffler")
    ranking = codes["loeffler/co-commissioning/co-prioritising"]
    scope = codes["loeffler/co-commissioning/co-planning-priorities"]
    assert scope.name_id in ranking.not_use_when_id
    assert ranking.name_id in scope.not_use_when_id
    assert ranking.name_en in scope.not_use_when_en and scope.name_en in ranking.not_use_when_en
    assert not set(ranking.keywords) & set(scope.keywords)


def test_indicator_names_put_bersama_by_the_verb() -> None:
    for code in _codes("loeffler").values():
        if code.key.count("/") == 2:
            assert not code.name_id.endswith(" bersama"), code.name_id
    assert (
        _codes("loeffler")["loeffler/co-design/programmes"].name_id == "Merancang bersama program"
    )


def test_social_capital_wording_trust_split_linking_and_burt_2001() -> None:
    codes = _codes("putnam")
    assert codes["putnam/networks/bonding"].name_id == "Modal sosial pengikat (bonding)"
    assert codes["putnam/networks/bridging"].name_id == "Modal sosial penjembatan (bridging)"
    linking = codes["putnam/networks/linking"]
    assert linking.since == 2 and "Woolcock (1998" in linking.reference
    assert {"putnam/trust/interpersonal", "putnam/trust/institutional"} <= set(codes)
    book = load_bundled_codebook("putnam")
    burt = (
        "Burt, R. S. (2001). Structural holes versus network closure as social capital. "
        "In N. Lin, K. Cook, & R. S. Burt (Eds.), Social Capital: Theory and Research "
        "(pp. 31–56)."
    )
    assert burt in book.reference
    assert "Burt (2001, pp. 31–56)" in codes["putnam/networks/structural-holes"].reference
    assert "yang mengikat" not in book.description_id


def test_participation_has_hamijoyos_five_forms_and_cohen_uphoffs_four_kinds() -> None:
    codes = _codes("participation")
    hamijoyo = [c for c in codes.values() if c.reference.startswith("Hamijoyo")]
    assert [c.key.split("/")[1] for c in hamijoyo] == [
        "ideas", "material", "physical", "skills", "social",
    ]  # fmt: skip
    stages = {c.reference.split(", ")[1].split(";")[0] for c in codes.values()
              if c.reference.startswith("Cohen & Uphoff (1977)")}  # fmt: skip
    assert stages == {"decision-making", "implementation", "benefits", "evaluation"}
    using = codes["participation/using-outcomes"]
    assert "melaksanakan" in using.name_id and "carrying out" in using.name_en
    assert "menaati" in using.definition_id and "comply" in using.definition_en


def test_every_cepiku_dimension_has_sub_indicators() -> None:
    spec = load_bundled_codebook("cepiku")
    assert len(spec.codes) == 7
    assert all(code.children for code in spec.codes)
    names = {c.name_en for c in spec.walk_codes()}
    wanted = {"Legal basis and standard operating procedures", "Micro-leadership",
              "Social accountability", "Testing volunteers", "Paying volunteers"}  # fmt: skip
    assert wanted <= names


@pytest.mark.parametrize("book", ["loeffler", "putnam"])
def test_code_references_carry_pages(book: str) -> None:
    for code in _codes(book).values():
        assert re.search(r"\bpp?\. S?\d", code.reference), code.key


def test_indonesian_texts_say_co_production_and_pelayanan_publik() -> None:
    for key in bundled_codebook_keys():
        spec = load_bundled_codebook(key)
        texts = [spec.name_id, spec.description_id] + [
            t for c in spec.walk_codes() for t in (c.name_id, c.definition_id)
        ]
        for text in texts:
            assert "ko-produksi" not in text and not re.search(r"\blayanan publik", text), text


# --- updating a project made with version 1 -------------------------------------------------


@pytest.fixture
def old_project(project: Project, tmp_path: Path) -> Project:
    """A project with version 1 of the Four Co's and social capital, and codings on them."""
    text = tmp_path / "wawancara.txt"
    text.write_text("Kami mengevaluasi bersama di lapangan. Warga percaya Pak RW.\n", "utf-8")
    with project.session() as s:
        for key in ("loeffler", "putnam"):
            install_codebook(s, spec=_version_one(load_bundled_codebook(key)))
        doc = import_files(s, paths=[text]).imported[0].id
        apply_codes(
            s,
            codings=[
                NewCoding(doc, find_code(s, "loeffler/co-assessment"), 0, 37, illustrative=True),
                NewCoding(doc, find_code(s, "putnam/trust"), 38, 60),
            ],
            coder="siti",
        )
    return project


def test_update_adds_the_new_codes_and_leaves_codings_alone(
    old_project: Project, dump: Dump
) -> None:
    with old_project.session() as s:
        codings_before = sorted(s.execute(select(Coding.id, Coding.code_id, Coding.start)).all())
        before = {c.key: c for c in list_codes(s, codebook_key="loeffler")}
        update = update_codebook(s, key="loeffler")
        after = list_codes(s, codebook_key="loeffler")
        codings_after = sorted(s.execute(select(Coding.id, Coding.code_id, Coding.start)).all())
        version = s.scalar(select(Codebook.version).where(Codebook.key == "loeffler"))
    assert update.added == (
        "loeffler/co-assessment/co-monitoring",
        "loeffler/co-assessment/co-evaluation",
    )
    assert (update.from_version, update.to_version, version) == (1, 2, 2)
    assert codings_after == codings_before
    keys = [c.key for c in after]
    assert keys == [c.key for c in load_bundled_codebook("loeffler").walk_codes()]
    by_key = {c.key: c for c in after}
    parent = by_key["loeffler/co-assessment"]
    assert by_key["loeffler/co-assessment/co-evaluation"].parent_id == parent.id
    assert by_key["loeffler/co-assessment/co-evaluation"].use_when_id
    # old codes keep their ids and names; texts only change when asked for
    assert all(by_key[k].id == c.id and by_key[k].name_id == c.name_id for k, c in before.items())
    with old_project.session() as s:
        again = update_codebook(s, key="loeffler")
    assert again.nothing_to_do and again.from_version == 2


def test_update_with_texts_takes_the_corrected_names_and_undo_restores_everything(
    old_project: Project, dump: Dump
) -> None:
    with old_project.session() as s:
        bonding = find_code(s, "putnam/networks/bonding")
        s.get_one(Code, bonding).name_id = "Ikatan yang mengikat (bonding)"
        s.commit()
    before = dump(old_project.path)
    with old_project.session() as s:
        update = update_codebook(s, key="putnam", texts=True)
        names = {c.key: c.name_id for c in list_codes(s, codebook_key="putnam")}
    assert names["putnam/networks/bonding"] == "Modal sosial pengikat (bonding)"
    assert "putnam/networks/bonding" in update.renamed
    assert set(update.added) == {
        "putnam/trust/interpersonal", "putnam/trust/institutional", "putnam/networks/linking",
    }  # fmt: skip
    with old_project.session() as s:
        revert_codebook_update(s, update=update)
    assert dump(old_project.path) == before


def test_update_does_not_bring_back_a_code_the_researcher_deleted(old_project: Project) -> None:
    with old_project.session() as s:
        delete_code(s, code_id=find_code(s, "putnam/networks/closure"))
        delete_code(s, code_id=find_code(s, "putnam/networks"))
        update = update_codebook(s, key="putnam")
        keys = {c.key for c in list_codes(s, codebook_key="putnam")}
    assert "putnam/networks/closure" not in keys and "putnam/networks" not in keys
    assert update.skipped == ("putnam/networks/linking",)
    assert "putnam/trust/interpersonal" in keys


def test_update_errors_leave_the_project_as_it_was(old_project: Project, dump: Dump) -> None:
    before = dump(old_project.path)
    with old_project.session() as s:
        with pytest.raises(NotFound):
            update_codebook(s, key="cepiku")  # not in this project
        with pytest.raises(NotFound):
            update_codebook(s, key="nope")
        s.execute(Codebook.__table__.update().values(version=7))
        s.commit()
        with pytest.raises(InvalidValue):
            update_codebook(s, key="loeffler")
        s.execute(Codebook.__table__.update().values(version=1))
        s.commit()
    assert dump(old_project.path) == before
