"""Codebook files: the TOML format Telaah reads, and the codebooks that ship with it.

Reading a file never touches a project (installing one is :mod:`app.coding.codebooks`; the
REFI-QDA ``.qdc`` exchange format is :mod:`app.coding.refiqda.qdc`).

A codebook file (``codebooks/<key>.toml``) holds ``key``, ``name_id``, ``name_en`` and
optionally ``version`` (a positive integer), ``description_id``, ``description_en``,
``reference``, then one ``[[codes]]`` table per code. A code holds ``key``, ``name_id``,
``name_en`` and optionally ``definition_id``, ``definition_en``, the decision rules
``use_when_id``, ``use_when_en``, ``not_use_when_id``, ``not_use_when_en``, ``colour``
(``#RRGGBB``), ``keywords`` (list of strings), ``reference``, ``since`` (the codebook version
that added it, default 1) and ``children`` (indicators, as ``[[codes.children]]`` tables,
nested to any depth). Keys match
``[a-z0-9][a-z0-9-]*``; a code's full key is its codebook key and the keys of its ancestors
joined by ``/`` (``loeffler/co-delivery/peer-support``). Unknown fields are rejected so that a
typo is never silently ignored. Every problem is a :class:`CodebookInvalid` whose ``where``
names the entry (``codes[2].children[1].colour``, list indices counted from 0).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.coding.errors import CodebookInvalid, NotFound

#: The codebooks that ship with Telaah, in the order the app offers them.
BUNDLED_KEYS: tuple[str, ...] = ("loeffler", "cepiku", "putnam", "participation")
DEFAULT_COLOUR = "#888888"
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 6

_KEY_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}\Z")
_TOML_POS_RE = re.compile(r"at line (\d+), column (\d+)")

_BOOK_FIELDS = frozenset(
    {
        "key",
        "version",
        "name_id",
        "name_en",
        "description_id",
        "description_en",
        "reference",
        "codes",
    }
)
_RULE_FIELDS = ("use_when_id", "use_when_en", "not_use_when_id", "not_use_when_en")
_CODE_FIELDS = frozenset(
    {
        "key",
        "name_id",
        "name_en",
        "definition_id",
        "definition_en",
        "colour",
        "keywords",
        "reference",
        "since",
        "children",
        *_RULE_FIELDS,
    }
)
_MAX_LEN = {"key": 128, "name_id": 255, "name_en": 255}


@dataclass(frozen=True)
class CodeSpec:
    """A code (or indicator) as read from a codebook file; ``key`` is the full key."""

    key: str
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    colour: str
    keywords: tuple[str, ...]
    reference: str
    children: tuple[CodeSpec, ...] = ()
    use_when_id: str = ""
    use_when_en: str = ""
    not_use_when_id: str = ""
    not_use_when_en: str = ""
    #: The codebook version that added this code (1 for the first).
    since: int = 1

    def walk(self) -> Iterator[CodeSpec]:
        """This code, then its descendants, depth first in file order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class CodebookSpec:
    """A whole codebook file, validated."""

    key: str
    name_id: str
    name_en: str
    description_id: str
    description_en: str
    reference: str
    codes: tuple[CodeSpec, ...]
    #: Version of the file (0 when it names none, as a user's own codebook usually does).
    version: int = 0

    def walk_codes(self) -> Iterator[CodeSpec]:
        """Every code and indicator, depth first in file order."""
        for code in self.codes:
            yield from code.walk()


# --- reading and validating files -------------------------------------------------------


class _Reader:
    """Validates the parsed TOML of one file; every failure names its place in the file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, detail: str) -> CodebookInvalid:
        return CodebookInvalid(self.path, where, detail)

    def table(self, value: object, where: str, allowed: frozenset[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where or "file", "must be a table")
        for name in value:
            if name not in allowed:
                raise self.fail(_join(where, name), "unknown field")
        return value

    def text(self, table: dict[str, Any], name: str, where: str, *, required: bool) -> str:
        place = _join(where, name)
        value = table.get(name)
        if value is None:
            if required:
                raise self.fail(place, "required field is missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(place, "must be a string")
        value = value.strip()
        if required and not value:
            raise self.fail(place, "must not be empty")
        if name in _MAX_LEN and len(value) > _MAX_LEN[name]:
            raise self.fail(place, f"longer than {_MAX_LEN[name]} characters")
        if name in _MAX_LEN and ("\n" in value or "\r" in value):
            raise self.fail(place, "must be one line")
        return value

    def key(self, table: dict[str, Any], where: str) -> str:
        value = self.text(table, "key", where, required=True)
        if not _KEY_RE.match(value):
            raise self.fail(
                _join(where, "key"),
                "use lowercase letters, digits and '-' (starting with a letter or digit)",
            )
        return value

    def colour(self, table: dict[str, Any], where: str) -> str:
        value = self.text(table, "colour", where, required=False)
        if not value:
            return DEFAULT_COLOUR
        if not _COLOUR_RE.match(value):
            raise self.fail(_join(where, "colour"), f"{value!r} is not a colour like '#1f77b4'")
        return value.lower()

    def number(self, table: dict[str, Any], name: str, where: str, *, default: int) -> int:
        value = table.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10_000:
            raise self.fail(_join(where, name), "must be a whole number from 1 to 10000")
        return value

    def keywords(self, table: dict[str, Any], where: str) -> tuple[str, ...]:
        place = _join(where, "keywords")
        value = table.get("keywords", [])
        if not isinstance(value, list):
            raise self.fail(place, "must be a list of strings")
        seen: set[str] = set()
        out: list[str] = []
        for i, word in enumerate(value):
            if not isinstance(word, str) or not word.strip():
                raise self.fail(f"{place}[{i}]", "must be a non-empty string")
            word = word.strip()
            if "\n" in word or "\r" in word:
                raise self.fail(f"{place}[{i}]", "must be one line")
            if word.casefold() in seen:
                raise self.fail(f"{place}[{i}]", f"duplicate keyword {word!r}")
            seen.add(word.casefold())
            out.append(word)
        return tuple(out)

    def codes(self, value: object, where: str, prefix: str, depth: int) -> tuple[CodeSpec, ...]:
        if not isinstance(value, list):
            raise self.fail(where, "must be a list of tables ([[...]])")
        if depth > MAX_DEPTH:
            raise self.fail(where, f"codes nest deeper than {MAX_DEPTH} levels")
        seen: set[str] = set()
        out: list[CodeSpec] = []
        for i, item in enumerate(value):
            place = f"{where}[{i}]"
            table = self.table(item, place, _CODE_FIELDS)
            local = self.key(table, place)
            if local in seen:
                raise self.fail(_join(place, "key"), f"duplicate key {local!r}")
            seen.add(local)
            full = f"{prefix}/{local}"
            if len(full) > 512:
                raise self.fail(_join(place, "key"), "full key longer than 512 characters")
            out.append(
                CodeSpec(
                    key=full,
                    name_id=self.text(table, "name_id", place, required=True),
                    name_en=self.text(table, "name_en", place, required=True),
                    definition_id=self.text(table, "definition_id", place, required=False),
                    definition_en=self.text(table, "definition_en", place, required=False),
                    colour=self.colour(table, place),
                    keywords=self.keywords(table, place),
                    reference=self.text(table, "reference", place, required=False),
                    children=self.codes(
                        table.get("children", []), f"{place}.children", full, depth + 1
                    ),
                    **{f: self.text(table, f, place, required=False) for f in _RULE_FIELDS},
                    since=self.number(table, "since", place, default=1),
                )
            )
        return tuple(out)

    def codebook(self, data: dict[str, Any]) -> CodebookSpec:
        table = self.table(data, "", _BOOK_FIELDS)
        key = self.key(table, "")
        name_id = self.text(table, "name_id", "", required=True)
        name_en = self.text(table, "name_en", "", required=True)
        if "codes" not in table:
            raise self.fail("codes", "required field is missing")
        codes = self.codes(table["codes"], "codes", key, 1)
        if not codes:
            raise self.fail("codes", "a codebook needs at least one code")
        return CodebookSpec(
            key=key,
            name_id=name_id,
            name_en=name_en,
            description_id=self.text(table, "description_id", "", required=False),
            description_en=self.text(table, "description_en", "", required=False),
            reference=self.text(table, "reference", "", required=False),
            codes=codes,
            version=self.number(table, "version", "", default=1) if "version" in table else 0,
        )


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def load_codebook_file(path: Path) -> CodebookSpec:
    """Read and validate a codebook file. Every problem raises :class:`CodebookInvalid`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CodebookInvalid(path, "file", exc.strerror or str(exc)) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise CodebookInvalid(path, "file", f"larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CodebookInvalid(path, "file", f"not UTF-8 text ({exc.reason})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        pos = _TOML_POS_RE.search(str(exc))
        where = f"line {pos.group(1)}, column {pos.group(2)}" if pos else "file"
        raise CodebookInvalid(path, where, f"not valid TOML: {exc}") from exc
    return _Reader(path).codebook(data)


def bundled_codebook_dir() -> Path:
    """The folder holding the bundled codebook files.

    An installed package carries them in ``app/_data/codebooks``; a source checkout in the
    repository's ``codebooks/`` folder.
    """
    here = Path(__file__).resolve()
    packaged = here.parents[1] / "_data" / "codebooks"
    return packaged if packaged.is_dir() else here.parents[2] / "codebooks"


def bundled_codebook_keys() -> tuple[str, ...]:
    """Keys of the bundled codebooks: loeffler, cepiku, putnam, participation."""
    return BUNDLED_KEYS


def load_bundled_codebook(key: str) -> CodebookSpec:
    """The bundled codebook ``key``; :class:`NotFound` for a key that is not bundled."""
    if key not in BUNDLED_KEYS:
        raise NotFound("codebook", key)
    path = bundled_codebook_dir() / f"{key}.toml"
    spec = load_codebook_file(path)
    if spec.key != key:
        raise CodebookInvalid(path, "key", f"expected {key!r}, found {spec.key!r}")
    return spec
