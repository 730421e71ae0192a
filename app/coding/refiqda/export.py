"""Export a project as a REFI-QDA ``.qdpx`` (project exchange, QDA-XML 1.0).

The archive holds ``project.qde`` and one UTF-8 text file per document under ``sources/``
(``<guid>.txt``, referred to as ``internal://<guid>.txt``). Element by element:

* ``Users/User`` — every coder (``name``).
* ``CodeBook/Codes/Code`` — one non-codable ``Code`` per codebook holding its code tree;
  names and ``Description`` in the export language, ``color``; see :mod:`.codetree`.
* ``Variables/Variable`` — every case attribute: number → ``Integer`` (all values whole) or
  ``Float``, date → ``Date``, text and category → ``Text``; plus ``Alias`` when a case has one.
* ``Cases/Case`` — ``Description`` (the case's memos), ``VariableValue`` per value,
  ``SourceRef`` per whole-document link, ``SelectionRef`` per span link.
* ``Sources/TextSource`` — per document, with one ``PlainTextSelection`` per coding
  (positions in UTF-16 code units, ``name`` = the coded text, ``Coding`` with ``CodeRef``,
  ``creatingUser`` and ``creationDateTime``; an illustrative coding's selection carries the
  description :data:`~.common.ILLUSTRATIVE_MARK`; its memo is a ``Note`` referenced by
  ``NoteRef``) and one per span linked to a case.
* ``Notes/Note`` — memos, referenced from the project, the source, the code or the codebook
  ``Code`` they belong to, and coding memos referenced from their selection.

Not exported: segments (paragraphs and speaker turns are in the text), review marks and
comments, cell summaries. GUIDs are uuid5 of Telaah's keys, names and ids, and timestamps
come from the project, so exporting the same project twice gives the same bytes.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.codes import list_codes
from app.coding.errors import InvalidValue
from app.coding.findings import findings
from app.coding.progress import NullProgress, Progress, check
from app.coding.refiqda.codetree import code_elements, other, pick
from app.coding.refiqda.common import (
    ILLUSTRATIVE_MARK,
    ORIGIN,
    PROJECT_NS,
    guid,
    timestamp,
    with_details,
)
from app.coding.refiqda.positions import Utf16Map
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
    Memo,
)

LANGUAGES = ("id", "en")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ALIAS_VARIABLE = "Alias"


@dataclass(frozen=True)
class QdpxExported:
    """What :func:`export_qdpx` wrote."""

    path: Path
    documents: int
    codes: int
    codings: int
    cases: int
    notes: int


def _el(parent: Element, name: str, attrs: dict[str, str | None] | None = None) -> Element:
    clean = {k: v for k, v in (attrs or {}).items() if v is not None}
    return SubElement(parent, name, clean)


def _text(parent: Element, name: str, text: str) -> Element:
    element = _el(parent, name)
    element.text = text
    return element


class _Builder:
    def __init__(self, session: Session, name: str, language: str) -> None:
        self.s = session
        self.language = language
        # Plain tag names plus an explicit ``xmlns``: ElementTree cannot write a default
        # namespace together with unqualified attributes.
        self.root = Element("Project", {"xmlns": PROJECT_NS, "name": name, "origin": ORIGIN})
        self.coders = {c.id: c.name for c in session.scalars(select(Coder))}
        self.notes: list[Element] = []
        self.note_refs: dict[tuple[str, int | None], list[str]] = defaultdict(list)
        self.counts = {"codes": 0, "codings": 0, "cases": 0}

    def user(self, coder_id: int | None) -> str | None:
        return guid("user", self.coders[coder_id]) if coder_id in self.coders else None

    def note(
        self, note_guid: str, name: str, text: str, coder_id: int | None, when: datetime | None
    ) -> None:
        note = Element("Note", {"guid": note_guid, "name": name[:255]})
        creator = self.user(coder_id)
        if creator:
            note.set("creatingUser", creator)
        stamp = timestamp(when)
        if stamp:
            note.set("creationDateTime", stamp)
        _text(note, "PlainTextContent", text)
        self.notes.append(note)

    # --- sections, in the order the schema requires ------------------------------------

    def memos(self) -> None:
        for memo in self.s.scalars(select(Memo).order_by(Memo.id)):
            if not memo.text.strip():
                continue
            if memo.target_kind == "case":
                continue  # cases carry their memos in their Description
            target = memo.target_id if memo.target_kind != "project" else None
            note_guid = guid("memo", memo.target_kind, target, memo.id)
            self.note(note_guid, f"Memo {memo.id}", memo.text, memo.coder_id, memo.created_at)
            self.note_refs[(memo.target_kind, target)].append(note_guid)

    def users(self) -> None:
        if not self.coders:
            return
        users = _el(self.root, "Users")
        for name in sorted(self.coders.values()):
            _el(users, "User", {"guid": guid("user", name), "name": name})

    def codebook(self) -> None:
        codes = list_codes(self.s)
        if not codes:
            self.case_codes(None)
            return
        codes_el = _el(_el(self.root, "CodeBook"), "Codes")
        by_book: dict[str, list[object]] = defaultdict(list)
        for code in codes:
            by_book[code.codebook_key].append(code)
        lang, second = self.language, other(self.language)
        refs = {k[1]: v for k, v in self.note_refs.items() if k[0] == "code" and k[1]}
        for book in self.s.scalars(select(Codebook).order_by(Codebook.sort_order, Codebook.id)):
            if book.key not in by_book:
                continue
            names = {"id": book.name_id, "en": book.name_en}
            descriptions = {"id": book.description_id, "en": book.description_en}
            folder = _el(
                codes_el,
                "Code",
                {"guid": guid("codebook", book.key), "name": pick(lang, book.name_id,
                 book.name_en) or book.key, "isCodable": "false"},
            )  # fmt: skip
            _text(
                folder,
                "Description",
                with_details(
                    descriptions[lang],
                    {"language": lang, "codebook": book.key, f"name_{second}": names[second],
                     f"description_{second}": descriptions[second],
                     "reference": book.reference},
                ),
            )  # fmt: skip
            for target in self.note_refs.get(("codebook", book.id), ()):
                _el(folder, "NoteRef", {"targetGUID": target})
            book_codes = [c for c in codes if c.codebook_key == book.key]
            code_elements(folder, book_codes, lang, refs, findings(self.s))
            self.counts["codes"] += len(book_codes)
        self.case_codes(codes_el)

    def case_codes(self, codes_el: Element | None) -> None:
        """A top-level ``Code`` per case with the case's GUID, coding the text the case
        covers: QualCoder reads case membership only this way (as NVivo writes it), never
        from a ``Case``'s ``SourceRef``/``SelectionRef``; Telaah's import folds it back."""
        cases = self.s.scalars(select(Case).order_by(Case.name)).all()
        if not cases:
            return
        if codes_el is None:
            codes_el = _el(_el(self.root, "CodeBook"), "Codes")
        for case in cases:
            element = _el(codes_el, "Code", {"guid": guid("case", case.name), "name": case.name,
                                             "isCodable": "true", "color": "#888888"})  # fmt: skip
            _text(element, "Description", with_details("", {"case": "yes"}))

    def variables(self) -> dict[int, tuple[str, str]]:
        """Variables; returns attribute id → (guid, value element name)."""
        attrs = self.s.scalars(select(Attribute).order_by(Attribute.id)).all()
        has_alias = self.s.scalar(select(Case.id).where(Case.alias.is_not(None)).limit(1))
        if not attrs and has_alias is None:
            return {}
        out: dict[int, tuple[str, str]] = {}
        variables = _el(self.root, "Variables")
        for attr in attrs:
            kind, element = "Text", "TextValue"
            if attr.type == "date":
                kind, element = "Date", "DateValue"
            elif attr.type == "number":
                values = self.s.scalars(
                    select(CaseAttribute.value).where(CaseAttribute.attribute_id == attr.id)
                )
                whole = all("." not in v for v in values)
                kind, element = ("Integer", "IntegerValue") if whole else ("Float", "FloatValue")
            var_guid = guid("attribute", attr.name)
            var = _el(variables, "Variable", {"guid": var_guid, "name": attr.name,
                                              "typeOfVariable": kind})  # fmt: skip
            if attr.type == "text":
                _text(var, "Description", with_details("", {"type": "text"}))
            out[attr.id] = (var_guid, element)
        if has_alias is not None:
            var = _el(variables, "Variable", {"guid": guid("alias"), "name": ALIAS_VARIABLE,
                                              "typeOfVariable": "Text"})  # fmt: skip
            _text(var, "Description", with_details("", {"field": "alias"}))
        return out

    def cases(self, variables: dict[int, tuple[str, str]], doc_guids: dict[int, str]) -> None:
        cases = self.s.scalars(select(Case).order_by(Case.name)).all()
        if not cases:
            return
        values: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for row in self.s.scalars(select(CaseAttribute).order_by(CaseAttribute.attribute_id)):
            values[row.case_id].append((row.attribute_id, row.value))
        links: dict[int, list[DocumentCase]] = defaultdict(list)
        for link in self.s.scalars(select(DocumentCase).order_by(DocumentCase.id)):
            links[link.case_id].append(link)
        memos: dict[int, list[str]] = defaultdict(list)
        for memo in self.s.scalars(
            select(Memo).where(Memo.target_kind == "case").order_by(Memo.id)
        ):
            if memo.target_id is not None and memo.text.strip():
                memos[memo.target_id].append(memo.text)
        cases_el = _el(self.root, "Cases")
        for case in cases:
            element = _el(cases_el, "Case", {"guid": guid("case", case.name), "name": case.name})
            if memos[case.id]:
                _text(element, "Description", "\n\n".join(memos[case.id]))
            for attr_id, value in values[case.id]:
                var_guid, kind = variables[attr_id]
                vv = _el(element, "VariableValue")
                _el(vv, "VariableRef", {"targetGUID": var_guid})
                _text(vv, kind, value)
            if case.alias is not None:
                vv = _el(element, "VariableValue")
                _el(vv, "VariableRef", {"targetGUID": guid("alias")})
                _text(vv, "TextValue", case.alias)
            for link in links[case.id]:
                if link.start is None:
                    _el(element, "SourceRef", {"targetGUID": doc_guids[link.document_id]})
            for link in links[case.id]:
                if link.start is not None:
                    target = guid("case-span", doc_guids[link.document_id], link.id)
                    _el(element, "SelectionRef", {"targetGUID": target})
            self.counts["cases"] += 1

    def sources(
        self, documents: list[Document], doc_guids: dict[int, str], progress: Progress
    ) -> None:
        if not documents:
            return
        code_keys = {row.id: row.key for row in self.s.execute(select(Code.id, Code.key))}
        spans: dict[int, list[DocumentCase]] = defaultdict(list)
        wholes: dict[int, list[DocumentCase]] = defaultdict(list)
        for link in self.s.scalars(select(DocumentCase).order_by(DocumentCase.id)):
            (wholes if link.start is None else spans)[link.document_id].append(link)
        case_names = {row.id: row.name for row in self.s.execute(select(Case.id, Case.name))}
        sources = _el(self.root, "Sources")
        for index, doc in enumerate(documents):
            check(progress)
            progress.report(index, len(documents), doc.name)
            doc_guid = doc_guids[doc.id]
            source = _el(sources, "TextSource", {
                "guid": doc_guid, "name": doc.name,
                "plainTextPath": f"internal://{doc_guid}.txt",
                "creationDateTime": timestamp(doc.imported_at)})  # fmt: skip
            units = Utf16Map(doc.text)
            codings = self.s.scalars(
                select(Coding)
                .where(Coding.document_id == doc.id)
                .order_by(Coding.start, Coding.end, Coding.id)
            ).all()
            items: list[tuple[int, int, str, Coding | DocumentCase]] = [
                (c.start, c.end, "c", c) for c in codings
            ]
            items += [(s.start or 0, s.end or 0, "s", s) for s in spans[doc.id]]
            items += [(0, len(doc.text), "w", w) for w in wholes[doc.id]]
            for start, end, kind, item in sorted(items, key=lambda t: t[:3]):
                if isinstance(item, Coding):
                    self.coding(source, doc_guid, doc.text, units, item, code_keys[item.code_id])
                    continue
                # A case's text, coded with the case's code (see case_codes); a whole
                # document is a selection of all of it (referred to by no SelectionRef).
                selection = _el(source, "PlainTextSelection", {
                    "guid": guid("case-span" if kind == "s" else "case-document", doc_guid,
                                 item.id),
                    "name": doc.text[start:end][:1000],
                    "startPosition": str(units.to_units(start)),
                    "endPosition": str(units.to_units(end))})  # fmt: skip
                coding = _el(selection, "Coding", {"guid": guid("case-coding", doc_guid, item.id)})
                _el(coding, "CodeRef", {"targetGUID": guid("case", case_names[item.case_id])})
            for target in self.note_refs.get(("document", doc.id), ()):
                _el(source, "NoteRef", {"targetGUID": target})

    def coding(
        self, source: Element, doc_guid: str, text: str, units: Utf16Map, row: Coding, key: str
    ) -> None:
        coder = self.coders.get(row.coder_id, "")
        sel_guid = guid("coding", doc_guid, key, coder, row.start, row.end)
        creator = self.user(row.coder_id)
        when = timestamp(row.created_at)
        selection = _el(source, "PlainTextSelection", {
            "guid": sel_guid, "name": text[row.start:row.end][:1000],
            "startPosition": str(units.to_units(row.start)),
            "endPosition": str(units.to_units(row.end)),
            "creatingUser": creator, "creationDateTime": when})  # fmt: skip
        # The memo is the description's text (QualCoder reads a coding's memo only there;
        # NVivo reads the note below). A star without a memo is the description's text; a
        # star with a memo, and a stance other than "supports", ride in the [Telaah] block
        # after it, which other tools show as part of the description.
        stance = row.stance if row.stance != "supports" else ""
        memo = row.memo.strip()
        description = with_details(
            memo or (ILLUSTRATIVE_MARK if row.illustrative else ""),
            {"stance": stance, "illustrative": "yes" if row.illustrative and memo else ""},
        )
        if description:
            _text(selection, "Description", description)
        coding = _el(selection, "Coding", {
            "guid": guid("coding-of", sel_guid), "creatingUser": creator,
            "creationDateTime": when})  # fmt: skip
        _el(coding, "CodeRef", {"targetGUID": guid("code", key)})
        if row.memo.strip():
            note_guid = guid("coding-memo", sel_guid)
            self.note(note_guid, "Memo: " + text[row.start : row.end][:60], row.memo,
                      row.coder_id, row.updated_at)  # fmt: skip
            _el(selection, "NoteRef", {"targetGUID": note_guid})
        self.counts["codings"] += 1


def export_qdpx(
    session: Session,
    *,
    path: Path,
    project_name: str,
    language: str = "id",
    progress: Progress | None = None,
) -> QdpxExported:
    """Write the whole project to ``path`` as a ``.qdpx``. The file appears only when it is
    complete (written beside it, then renamed); a failure leaves no partial file."""
    if language not in LANGUAGES:
        raise InvalidValue("language", language, "expected id or en")
    progress = progress or NullProgress()
    path = Path(path)
    builder = _Builder(session, project_name.strip() or "Telaah", language)
    documents = list(session.scalars(select(Document).order_by(Document.name)))
    doc_guids = {d.id: guid("document", d.name, d.content_hash) for d in documents}
    builder.memos()
    builder.users()
    builder.codebook()
    variables = builder.variables()
    builder.cases(variables, doc_guids)
    builder.sources(documents, doc_guids, progress)
    if builder.notes:
        _el(builder.root, "Notes").extend(builder.notes)
    for target in builder.note_refs.get(("project", None), ()):
        _el(builder.root, "NoteRef", {"targetGUID": target})
    check(progress)
    xml = tostring(builder.root, encoding="utf-8", xml_declaration=True)
    files = [("project.qde", xml)]
    files += [(f"sources/{doc_guids[d.id]}.txt", d.text.encode("utf-8")) for d in documents]
    _write_zip(path, files)
    progress.report(len(documents), len(documents), "")
    return QdpxExported(
        path,
        len(documents),
        builder.counts["codes"],
        builder.counts["codings"],
        builder.counts["cases"],
        len(builder.notes),
    )


def _write_zip(path: Path, files: list[tuple[str, bytes]]) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=".telaah-", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for name, data in files:
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
