"""The bundled theoretical codebooks, the codebook file format, and codes in a project."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.coding.codebook_files import (
    CodebookSpec,
    bundled_codebook_dir,
    bundled_codebook_keys,
    load_bundled_codebook,
    load_codebook_file,
)
from app.coding.codebooks import install_codebook
from app.coding.codes import AmbiguousCode, find_code, list_codes
from app.coding.errors import CodebookInvalid, DuplicateName, NotFound
from app.models.project import Project, open_project

Dump = Callable[[Path], object]

SPEC_KEYS = {
    "loeffler": [
        "co-commissioning",
        "co-commissioning/co-planning-strategy",
        "co-commissioning/co-prioritising",
        "co-commissioning/co-planning-priorities",
        "co-commissioning/co-financing",
        "co-design",
        "co-design/service-models",
        "co-design/programmes",
        "co-design/new-service-ideas",
        "co-delivery",
        "co-delivery/joint-implementation",
        "co-delivery/joint-management",
        "co-delivery/peer-support",
        "co-delivery/mentoring",
        "co-delivery/effective-services",
        "co-delivery/public-action",
        "co-assessment",
        "co-assessment/service-impact",
        "co-assessment/satisfaction-surveys",
        "co-assessment/co-monitoring",
        "co-assessment/co-evaluation",
    ],
    "cepiku": [
        "institutional-arrangements",
        "institutional-arrangements/legal-basis",
        "planning",
        "planning/people",
        "planning/budget",
        "planning/facilities",
        "strategic-communication",
        "strategic-communication/channels",
        "non-professional-actors",
        "non-professional-actors/recruitment",
        "non-professional-actors/training",
        "non-professional-actors/testing",
        "non-professional-actors/incentives",
        "professional-actors",
        "professional-actors/joint-training",
        "leadership",
        "leadership/participatory",
        "leadership/micro-leadership",
        "accountability",
        "accountability/formal",
        "accountability/social",
    ],
    "putnam": [
        "trust",
        "trust/interpersonal",
        "trust/institutional",
        "norms",
        "norms/reciprocity",
        "norms/obligations",
        "networks",
        "networks/bonding",
        "networks/bridging",
        "networks/linking",
        "networks/structural-holes",
        "networks/closure",
    ],
    "participation": [
        "ideas",
        "material",
        "physical",
        "skills",
        "social",
        "decision-making",
        "implementation",
        "using-outcomes",
        "evaluation",
    ],
}


def _install_all(project: Project) -> None:
    with project.session() as s:
        for key in bundled_codebook_keys():
            install_codebook(s, spec=load_bundled_codebook(key))


def test_bundled_codebooks_are_offered_in_the_documented_order() -> None:
    assert bundled_codebook_keys() == ("loeffler", "cepiku", "putnam", "participation")
    for key in bundled_codebook_keys():
        assert (bundled_codebook_dir() / f"{key}.toml").is_file()


@pytest.mark.parametrize("book", list(SPEC_KEYS))
def test_bundled_codebook_installs_exactly_the_spec_keys_in_file_order(
    project: Project, book: str
) -> None:
    spec = load_bundled_codebook(book)
    with project.session() as s:
        installed = install_codebook(s, spec=spec)
        codes = list_codes(s, codebook_key=book)
    expected = [f"{book}/{k}" for k in SPEC_KEYS[book]]
    assert list(installed.code_keys) == expected
    assert [c.key for c in codes] == expected
    assert [c.id for c in codes] == list(installed.code_ids)
    assert len(codes) == {"loeffler": 21, "cepiku": 21, "putnam": 12, "participation": 9}[book]


def test_every_bundled_code_is_complete_in_both_languages(project: Project) -> None:
    _install_all(project)
    with project.session() as s:
        codes = list_codes(s)
    assert len(codes) == 21 + 21 + 12 + 9
    colours = [c.colour for c in codes]
    assert len(set(colours)) == len(colours), "each code needs its own colour"
    for c in codes:
        rules = (c.use_when_id, c.use_when_en, c.not_use_when_id, c.not_use_when_en)
        for text in (c.name_id, c.name_en, c.definition_id, c.definition_en, c.reference, *rules):
            assert text.strip(), c.key
        assert c.definition_id != c.definition_en, c.key
        assert c.use_when_id != c.use_when_en and c.not_use_when_id != c.not_use_when_en, c.key
        assert re.fullmatch(r"#[0-9a-f]{6}", c.colour), c.key
        assert 3 <= len(c.keywords) <= 8, c.key
        assert all(w == w.lower() and w.strip() == w for w in c.keywords), c.key


def test_indicators_hang_under_their_parent_code(project: Project) -> None:
    _install_all(project)
    with project.session() as s:
        codes = {c.key: c for c in list_codes(s)}
    peer = codes["loeffler/co-delivery/peer-support"]
    assert peer.parent_id == codes["loeffler/co-delivery"].id
    assert (peer.depth, codes["loeffler/co-delivery"].depth) == (1, 0)
    assert codes["putnam/trust"].parent_id is None
    assert peer.name_id == "Dukungan sebaya"
    assert peer.codebook_key == "loeffler"


def test_references_name_their_sources(project: Project) -> None:
    _install_all(project)
    with project.session() as s:
        codes = {c.key: c for c in list_codes(s)}
    for key in ("ideas", "material", "physical"):
        assert "Hamijoyo" in codes[f"participation/{key}"].reference
        assert "Sastropoetro (1986)" in codes[f"participation/{key}"].reference
    assert "Cohen & Uphoff (1977)" in codes["participation/using-outcomes"].reference
    assert "Burt" in codes["putnam/networks/structural-holes"].reference
    assert "Coleman" in codes["putnam/networks/closure"].reference
    cepiku = load_bundled_codebook("cepiku")
    assert "Cepiku, D., Marsilio, M., Sicilia, M., & Vainieri, M. (2020)" in cepiku.reference
    names = [c.name_en for c in cepiku.codes]
    assert names[2] == "Communication strategies"
    assert names[3] == "Management of lay actors"
    assert names[6] == "Accountability and performance management"


def test_installed_codebook_survives_reopening_the_file(project: Project) -> None:
    _install_all(project)
    project.close()
    reopened = open_project(project.path)
    with reopened.session() as s:
        keywords = {c.key: c.keywords for c in list_codes(s, codebook_key="participation")}
        assert find_code(s, "putnam/networks/bridging") > 0
    reopened.close()
    assert "kerja bakti" in keywords["participation/physical"]


def test_installing_a_codebook_twice_is_refused_and_writes_nothing(
    project: Project, dump: Dump
) -> None:
    spec = load_bundled_codebook("putnam")
    with project.session() as s:
        install_codebook(s, spec=spec)
    before = dump(project.path)
    with project.session() as s, pytest.raises(DuplicateName) as err:
        install_codebook(s, spec=spec)
    assert (err.value.kind, err.value.name) == ("codebook", "putnam")
    assert dump(project.path) == before


PEER = "loeffler/co-delivery/peer-support"


@pytest.mark.parametrize(
    ("ref", "key"),
    [
        (PEER, PEER),
        ("Empat Co/Pelayanan bersama (co-delivery)/Dukungan sebaya", PEER),
        ("empat co / pelayanan bersama / dukungan SEBAYA", PEER),
        ("Four Co's/Co-delivery/Peer support", PEER),
        ("loeffler/Co-delivery/Dukungan sebaya", PEER),
        ("Dukungan sebaya", PEER),
        ("Co-delivery/Peer support", PEER),
        (
            "Modal sosial/Jaringan (jejaring)/Lubang struktural (perantara)",
            "putnam/networks/structural-holes",
        ),
        ("Social capital/Networks", "putnam/networks"),
        ("cepiku/Komunikasi strategis", "cepiku/strategic-communication"),
        ("Kepercayaan", "putnam/trust"),
    ],
)
def test_find_code_by_key_or_by_names(project: Project, ref: str, key: str) -> None:
    _install_all(project)
    with project.session() as s:
        by_key = {c.key: c.id for c in list_codes(s)}
        assert find_code(s, ref) == by_key[key]


@pytest.mark.parametrize(
    "ref", ["", "loeffler", "loeffler/co-delivery/nope", "cepiku/co-delivery", "Empat Co//x"]
)
def test_find_code_reports_an_unknown_code(project: Project, ref: str) -> None:
    _install_all(project)
    with project.session() as s, pytest.raises(NotFound) as err:
        find_code(s, ref)
    assert (err.value.kind, err.value.name) == ("code", ref)


def test_find_code_refuses_to_guess_between_two_codes(project: Project, tmp_path: Path) -> None:
    _install_all(project)
    path = tmp_path / "mine.toml"
    path.write_text(
        'key = "mine"\nname_id = "Kode saya"\nname_en = "My codes"\n'
        '[[codes]]\nkey = "trust"\nname_id = "Kepercayaan"\nname_en = "Trust"\n',
        encoding="utf-8",
    )
    with project.session() as s:
        install_codebook(s, spec=load_codebook_file(path), origin="user")
        with pytest.raises(AmbiguousCode) as err:
            find_code(s, "Kepercayaan")
        assert err.value.candidates == ("mine/trust", "putnam/trust")
        assert find_code(s, "Kode saya/Kepercayaan") != find_code(s, "Modal sosial/Trust")


def test_list_codes_of_an_unknown_codebook(project: Project) -> None:
    with project.session() as s, pytest.raises(NotFound) as err:
        list_codes(s, codebook_key="loeffler")
    assert (err.value.kind, err.value.name) == ("codebook", "loeffler")


def test_unknown_bundled_codebook() -> None:
    with pytest.raises(NotFound) as err:
        load_bundled_codebook("freire")
    assert (err.value.kind, err.value.name) == ("codebook", "freire")


GOOD = """\
key = "uji"
name_id = "Buku kode uji"
name_en = "Test codebook"

[[codes]]
key = "satu"
name_id = "Satu"
name_en = "One"
colour = "#112233"
keywords = ["pertama"]

[[codes]]
key = "dua"
name_id = "Dua"
name_en = "Two"

  [[codes.children]]
  key = "anak"
  name_id = "Anak"
  name_en = "Child"
  colour = "#445566"
"""


def test_a_minimal_user_codebook_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "uji.toml"
    path.write_text(GOOD, encoding="utf-8")
    spec = load_codebook_file(path)
    assert isinstance(spec, CodebookSpec)
    assert [c.key for c in spec.walk_codes()] == ["uji/satu", "uji/dua", "uji/dua/anak"]
    assert spec.codes[1].colour == "#888888"
    assert spec.codes[0].keywords == ("pertama",)
    assert spec.codes[1].definition_en == ""


@pytest.mark.parametrize(
    ("text", "where", "detail"),
    [
        (GOOD.replace('name_en = "One"', 'name_en = "One'), "line 8, column", "TOML"),
        (GOOD.replace('name_en = "Test codebook"\n', ""), "name_en", "missing"),
        (GOOD.replace('name_en = "Child"\n', ""), "codes[1].children[0].name_en", "missing"),
        (GOOD.replace('key = "dua"', 'key = "satu"'), "codes[1].key", "duplicate"),
        (GOOD.replace("#445566", "#44556"), "codes[1].children[0].colour", "colour"),
        (GOOD.replace("#112233", "red"), "codes[0].colour", "colour"),
        (GOOD.replace('colour = "#112233"', 'color = "#112233"'), "codes[0].color", "unknown"),
        (GOOD + 'extra = "x"\n', "codes[1].children[0].extra", "unknown"),
        (GOOD.replace('key = "anak"', 'key = "Anak Kecil"'), "codes[1].children[0].key", "lower"),
        (GOOD.replace('["pertama"]', '"pertama"'), "codes[0].keywords", "list"),
        (GOOD.replace('["pertama"]', '["a", 3]'), "codes[0].keywords[1]", "string"),
        (GOOD.replace('name_id = "Satu"', "name_id = 1"), "codes[0].name_id", "string"),
        (GOOD.replace('name_id = "Dua"', 'name_id = "  "'), "codes[1].name_id", "empty"),
        (GOOD[: GOOD.index("[[codes]]")], "codes", "missing"),
    ],
)
def test_malformed_codebook_files_are_rejected_with_their_place(
    tmp_path: Path, project: Project, dump: Dump, text: str, where: str, detail: str
) -> None:
    path = tmp_path / "rusak.toml"
    path.write_text(text, encoding="utf-8")
    before = dump(project.path)
    with pytest.raises(CodebookInvalid) as err, project.session() as s:
        install_codebook(s, spec=load_codebook_file(path))
    assert err.value.path == path
    assert err.value.where.startswith(where)
    assert detail.lower() in err.value.detail.lower()
    assert dump(project.path) == before


@pytest.mark.parametrize(
    ("content", "where"),
    [(b"\xff\xfe k e y", "file"), (b"", "key")],
)
def test_undecodable_or_empty_files_are_invalid_codebooks(
    tmp_path: Path, content: bytes, where: str
) -> None:
    path = tmp_path / "aneh.toml"
    path.write_bytes(content)
    with pytest.raises(CodebookInvalid) as err:
        load_codebook_file(path)
    assert err.value.where == where


def test_a_missing_file_is_an_invalid_codebook(tmp_path: Path) -> None:
    with pytest.raises(CodebookInvalid) as err:
        load_codebook_file(tmp_path / "tidak-ada.toml")
    assert err.value.where == "file"
