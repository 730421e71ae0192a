"""The code tree in REFI-QDA XML: writing it, reading it, and storing what was read.

A Telaah code becomes a ``Code`` (``name`` and ``Description`` in the export language,
``color``, ``isCodable="true"``); the second language, the key, keywords and reference go in
the ``[Telaah]`` block of the description (see :mod:`.common`). In a project each codebook is
a top-level ``Code`` with ``isCodable="false"`` holding its codes; a ``.qdc`` holds one
codebook's codes directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement

from sqlalchemy.orm import Session

from app.coding.codes import CodeInfo, slug
from app.coding.refiqda.common import (
    child_text,
    children,
    colour,
    norm_guid,
    split_details,
    with_details,
)
from app.coding.refiqda.common import guid as make_guid
from app.models.schema import Code

_SEGMENT = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
MAX_DEPTH = 32


def other(language: str) -> str:
    return "en" if language == "id" else "id"


def pick(language: str, id_text: str, en_text: str) -> str:
    """The text in ``language``, falling back to the other one when empty."""
    first, second = (id_text, en_text) if language == "id" else (en_text, id_text)
    return first or second


def code_element(
    parent: Element,
    code: CodeInfo,
    language: str,
    *,
    note_refs: Sequence[str] = (),
    finding: str = "",
) -> Element:
    """Append the ``Code`` for ``code`` (without its children) to ``parent``; a project
    export passes the code's ``finding`` (codebook files never carry findings)."""
    names = {"id": code.name_id, "en": code.name_en}
    definitions = {"id": code.definition_id, "en": code.definition_en}
    name = pick(language, code.name_id, code.name_en) or code.key
    element = SubElement(
        parent,
        "Code",
        {"guid": make_guid("code", code.key), "name": name, "isCodable": "true",
         "color": code.colour.upper() if code.colour else "#888888"},
    )  # fmt: skip
    second = other(language)
    rules = {name: getattr(code, name) for name in RULE_FIELDS}
    description = with_details(
        _with_rules(definitions[language], rules, language),
        {
            "language": language,
            "key": code.key,
            f"name_{second}": names[second],
            f"definition_{language}": definitions[language],
            f"definition_{second}": definitions[second],
            **{name: text for name, text in rules.items() if text},
            "keywords": "\n".join(code.keywords),
            "reference": code.reference,
            "finding": finding,
        },
    )
    SubElement(element, "Description").text = description
    for target in note_refs:
        SubElement(element, "NoteRef", {"targetGUID": target})
    return element


RULE_FIELDS = ("use_when_id", "use_when_en", "not_use_when_id", "not_use_when_en")
_RULE_LABELS = {
    "id": ("Gunakan bila", "Jangan gunakan bila"),
    "en": ("Use when", "Do not use when"),
}


def _with_rules(definition: str, rules: Mapping[str, str], language: str) -> str:
    """The definition another tool shows, followed by the decision rules in ``language``
    (other tools have no field for them; Telaah reads them back from its own fields)."""
    use, dont = _RULE_LABELS[language]
    lines = [
        f"{label}: {rules[f'{field}_{language}']}"
        for label, field in ((use, "use_when"), (dont, "not_use_when"))
        if rules.get(f"{field}_{language}")
    ]
    return "\n\n".join(part for part in (definition, "\n".join(lines)) if part)


def code_elements(
    parent: Element,
    codes: Sequence[CodeInfo],
    language: str,
    note_refs: Mapping[int, Sequence[str]] | None = None,
    findings: Mapping[int, str] | None = None,
) -> None:
    """Append the tree of ``codes`` (tree order, as :func:`list_codes` gives) to ``parent``."""
    refs = note_refs or {}
    written = findings or {}
    placed: dict[int, Element] = {}
    for code in codes:
        host = placed.get(code.parent_id, parent) if code.parent_id is not None else parent
        placed[code.id] = code_element(
            host, code, language, note_refs=refs.get(code.id, ()), finding=written.get(code.id, "")
        )


@dataclass(frozen=True)
class QdaCode:
    """A ``Code`` as read from a file; ``details`` holds its ``[Telaah]`` fields."""

    guid: str
    name: str
    description: str
    details: Mapping[str, str]
    colour: str
    codable: bool
    notes: tuple[str, ...] = ()
    children: tuple[QdaCode, ...] = field(default=())

    def walk(self) -> list[QdaCode]:
        out = [self]
        for kid in self.children:
            out.extend(kid.walk())
        return out


def read_code(element: Element, depth: int = 0) -> QdaCode:
    """Read a ``Code`` and its descendants (below :data:`MAX_DEPTH` levels). Missing
    optional attributes get defaults: a fresh GUID, ``?`` as name, codable, grey."""
    name = (element.get("name") or "").strip()
    description, details = split_details(child_text(element, "Description").strip())
    kids: tuple[QdaCode, ...] = ()
    if depth < MAX_DEPTH:
        kids = read_codes(element, depth + 1)
    return QdaCode(
        guid=norm_guid(element.get("guid")) or make_guid("anonymous-code", name, id(element)),
        name=" ".join(name.split())[:255] or "?",
        description=description.strip(),
        details=details,
        colour=colour(element.get("color")),
        codable=(element.get("isCodable") or "true").strip().lower() not in ("false", "0"),
        notes=tuple(
            g for ref in children(element, "NoteRef") if (g := norm_guid(ref.get("targetGUID")))
        ),
        children=kids,
    )


def read_codes(parent: Element, depth: int = 0) -> tuple[QdaCode, ...]:
    """The ``Code`` children of ``parent`` (a ``Codes`` element or a ``Code``)."""
    return tuple(read_code(element, depth) for element in children(parent, "Code"))


@dataclass(frozen=True)
class CodeFields:
    """What a :class:`QdaCode` becomes in the database."""

    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    keywords: str
    reference: str
    local_key: str
    finding: str = ""
    rules: Mapping[str, str] = field(default_factory=dict)


def code_fields(code: QdaCode) -> CodeFields:
    """Both languages from a code's name, description and ``[Telaah]`` fields. A code from
    another tool has one language: it fills both."""
    d = code.details
    language = d.get("language", "")
    name_id = d.get("name_id", "") if language == "en" else code.name
    name_en = d.get("name_en", "") if language == "id" else code.name
    # Telaah's own files carry the bare definition (the Description adds the rules).
    definition_id = d.get("definition_id", code.description if language != "en" else "")
    definition_en = d.get("definition_en", code.description if language != "id" else "")
    tail = d.get("key", "").rsplit("/", 1)[-1].strip()
    return CodeFields(
        name_id=(name_id or code.name)[:255],
        name_en=(name_en or code.name)[:255],
        definition_id=definition_id,
        definition_en=definition_en,
        keywords=d.get("keywords", ""),
        reference=d.get("reference", ""),
        local_key=tail if _SEGMENT.match(tail) else slug(code.name),
        finding=d.get("finding", "")[:2000],
        rules={name: d[name] for name in RULE_FIELDS if d.get(name)},
    )


def insert_codes(
    session: Session,
    *,
    codebook_id: int,
    book_key: str,
    codes: Sequence[QdaCode],
    ids: dict[str, int],
    on_code: Callable[[QdaCode, int], None] | None = None,
) -> None:
    """Add ``codes`` (with descendants) under codebook ``book_key``; keys are the parent's
    key plus the code's own key (or its slugified name), unique among siblings. ``ids``
    receives code GUID → new id. Flushes; the caller commits."""

    def add(nodes: Sequence[QdaCode], parent_id: int | None, prefix: str) -> None:
        taken: set[str] = set()
        for order, node in enumerate(nodes):
            fields = code_fields(node)
            local, n = fields.local_key, 2
            while local in taken:
                local, n = f"{fields.local_key}-{n}", n + 1
            taken.add(local)
            row = Code(
                codebook_id=codebook_id,
                parent_id=parent_id,
                key=f"{prefix}/{local}"[:512],
                name_id=fields.name_id,
                name_en=fields.name_en,
                definition_id=fields.definition_id,
                definition_en=fields.definition_en,
                colour=node.colour,
                keywords=fields.keywords,
                reference=fields.reference,
                finding=fields.finding,
                sort_order=order,
                **fields.rules,
            )
            session.add(row)
            session.flush()
            ids.setdefault(node.guid, row.id)
            if on_code is not None:
                on_code(node, row.id)
            add(node.children, row.id, row.key)

    add(codes, None, book_key)
