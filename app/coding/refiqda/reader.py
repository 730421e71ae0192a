"""Read a ``.qdpx`` into a :class:`~.model.QdaProject` (no database; safe in a worker).

Tolerant of what real tools write: any namespace, the source folder in any case, any single
``.qde`` name, GUIDs in either case or in braces, missing optional attributes, unknown
elements (ignored). A text source's text comes from ``plainTextPath`` (any encoding with or
without a byte-order mark), ``PlainTextContent``, or ``richTextPath`` (.docx, extracted by
the importer); a PDF source's from its ``Representation``, else from the PDF itself.
Selection positions are UTF-16 code units over the text as stored in the archive and land on
the same words of the normalised text (see :mod:`.positions`).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from app.coding.errors import Cancelled, TelaahError
from app.coding.importing import extract
from app.coding.importing import safety as importing_safety
from app.coding.importing.speakers import find_turns
from app.coding.importing.text import decode
from app.coding.progress import CancelOnly, NullProgress, Progress, check
from app.coding.refiqda.codetree import read_codes
from app.coding.refiqda.common import (
    ILLUSTRATIVE_MARK,
    STANCES,
    child,
    child_text,
    children,
    local,
    norm_guid,
    parse_timestamp,
    split_details,
)
from app.coding.refiqda.model import (
    QdaCase,
    QdaCoding,
    QdaDocument,
    QdaNote,
    QdaProject,
    QdaVariable,
    Skipped,
)
from app.coding.refiqda.positions import (
    CodePoints,
    Normalised,
    Utf16Map,
    counts_code_points,
    normalise,
)
from app.coding.refiqda.safety import Archive, ArchiveRefused, Limits, parse_xml

_VARIABLE_TYPES = {"integer": "number", "float": "number", "date": "date", "datetime": "date"}
_SNIPPET = 200  # characters of a skipped coding's words kept for the report
_MEDIA = {"PictureSource": "picture-source", "AudioSource": "audio-source",
          "VideoSource": "video-source"}  # fmt: skip


def _refs(element: Element, name: str) -> tuple[str, ...]:
    return tuple(g for ref in children(element, name) if (g := norm_guid(ref.get("targetGUID"))))


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


class _Reader:
    def __init__(
        self,
        archive: Archive,
        progress: Progress,
        *,
        code_points: bool = False,
        seconds: float,
    ) -> None:
        self.archive = archive
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        #: Positions count code points, not UTF-16 units (QualCoder's files).
        self.code_points = code_points
        self.progress = progress
        self.skipped: list[Skipped] = []
        self.warnings: list[Skipped] = []
        self.notes: dict[str, QdaNote] = {}
        self.names: set[str] = set()
        self.consumed: set[str] = set()
        #: Code GUID → name, for reports that name the code of a skipped coding.
        self.code_names: dict[str, str] = {}

    def skip(self, kind: str, name: str, reason: str, count: int = 1) -> None:
        if count:
            self.skipped.append(Skipped(kind, name, reason, count))

    def skip_coding(self, label: str, reason: str, code: str | None,
                    span: tuple[int, int] | None, snippet: str = "") -> None:  # fmt: skip
        """One skipped coding, named by its code, its positions in the file and its words."""
        name = self.code_names.get(code, code) if code else ""
        first, last = span if span is not None else (None, None)
        self.skipped.append(
            Skipped("coding", label, reason, 1, name, first, last, snippet[:_SNIPPET])
        )

    def skip_codings(self, host: Element, label: str, reason: str,
                     span: tuple[int, int] | None) -> None:  # fmt: skip
        for coding in children(host, "Coding"):
            ref = child(coding, "CodeRef")
            code = norm_guid(ref.get("targetGUID")) if ref is not None else None
            self.skip_coding(label, reason, code, span)

    # --- files in the archive -----------------------------------------------------------

    def member_text(self, uri: str, label: str, *, quiet: bool = False) -> tuple[str, str] | None:
        """Decoded text of an internal file (BOM removed), or None (reported unless
        ``quiet``: the caller has another place to take the text from)."""
        member = self.archive.find(uri)
        if member is None:
            if not quiet:
                internal = uri.lower().startswith("internal://")
                self.skip("source", label, "missing-file" if internal else "external-source")
            return None
        data = self.archive.read(member)
        try:
            return decode(Path(member), data)
        except TelaahError:
            self.skip("source", label, "encoding")
            return None

    def extracted(self, uri: str, label: str, suffix: str) -> str | None:
        """Text of an internal .pdf/.docx through the importer, or None (reported)."""
        member = self.archive.find(uri)
        if member is None:
            internal = uri.lower().startswith("internal://")
            self.skip("source", label, "missing-file" if internal else "external-source")
            return None
        data = self.archive.read(member)
        with tempfile.TemporaryDirectory(prefix="telaah-qdpx-") as folder:
            path = Path(folder) / f"source{suffix}"
            path.write_bytes(data)
            try:
                seconds = min(self.time_left(), importing_safety.MAX_READ_SECONDS)
                return extract(path, progress=CancelOnly(self.progress), max_seconds=seconds).text
            except Cancelled:
                raise
            except TelaahError as exc:
                self.time_left()  # the archive's budget spent in this file: refuse it all
                self.skip("source", label, getattr(exc, "reason", "unreadable"))
                return None

    def time_left(self) -> float:
        """Seconds left of the archive's read budget; :class:`ArchiveRefused`
        (``too-complex``) when none are."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise ArchiveRefused(
                self.archive.path, "too-complex", f"reading took longer than {self.seconds:g} s"
            )
        return left

    # --- notes --------------------------------------------------------------------------

    def read_notes(self, root: Element) -> None:
        notes = child(root, "Notes")
        for note in children(notes, "Note") if notes is not None else ():
            note_guid = norm_guid(note.get("guid"))
            if note_guid is None:
                continue
            text = child_text(note, "PlainTextContent")
            path = note.get("plainTextPath")
            if not text and path:
                decoded = self.member_text(path, note.get("name") or "note")
                text = decoded[0] if decoded else ""
            self.notes[note_guid] = QdaNote(
                note_guid,
                (note.get("name") or "").strip(),
                text.replace("\r\n", "\n").strip(),
                norm_guid(note.get("creatingUser")),
                parse_timestamp(note.get("creationDateTime")),
            )

    def note_text(self, guids: tuple[str, ...]) -> str:
        self.consumed.update(guids)
        return "\n\n".join(self.notes[g].text for g in guids if g in self.notes)

    # --- sources ------------------------------------------------------------------------

    def unique_name(self, wanted: str) -> str:
        base = " ".join(wanted.split())[:240] or "Dokumen"
        name, n = base, 2
        while name in self.names:
            name, n = f"{base} ({n})", n + 1
        self.names.add(name)
        return name

    def text_source(self, el: Element, label: str, fmt: str, extra_notes: tuple[str, ...] = ()
                    ) -> QdaDocument | None:  # fmt: skip
        encoding: str | None = None
        content = child(el, "PlainTextContent")
        rich = el.get("richTextPath") or ""
        decoded: tuple[str, str] | None = None
        if el.get("plainTextPath"):
            # A missing or blank plain text with a rich text beside it is what NVivo for
            # Mac writes (its .txt members are one newline): the .docx holds the text then.
            decoded = self.member_text(el.get("plainTextPath") or "", label, quiet=bool(rich))
            if decoded is None and not rich:
                return None
        if decoded is not None and (decoded[0].strip() or not rich):
            raw, encoding = decoded
        elif content is not None and (content.text or "").strip():
            raw = content.text or ""
        elif rich:
            found = self.extracted(rich, label, ".docx")
            if found is None:
                return None
            raw, fmt = found, "docx"
            if child(el, "PlainTextSelection") is not None:
                self.warnings.append(Skipped("source", label, "positions-approximate"))
        else:
            self.skip("source", label, "no-text")
            return None
        norm = normalise(raw)
        if not norm.text:
            self.skip("source", label, "empty")
            return None
        units = CodePoints(raw) if self.code_points else Utf16Map(raw)
        codings, selections, notes = self.selections(el, label, norm, units)
        whole = self.codings(el, label, 0, len(norm.text), (), None, None)
        notes = _refs(el, "NoteRef") + extra_notes + notes
        skipped_values = sum(1 for _ in children(el, "VariableValue"))
        self.skip("variable value", label, "source-variable", skipped_values)
        return QdaDocument(
            guid=norm_guid(el.get("guid")) or label,
            name=self.unique_name(label),
            text=norm.text,
            format=fmt,
            encoding=encoding,
            paragraphs=norm.paragraphs,
            turns=find_turns(norm.text, norm.paragraphs),
            origin=el.get("plainTextPath") or el.get("richTextPath") or "",
            codings=tuple(whole + codings),
            notes=notes,
            selections=selections,
        )

    def codings(
        self,
        host: Element,
        label: str,
        start: int,
        end: int,
        notes: tuple[str, ...],
        user: str | None,
        created: datetime | None,
        *,
        memo: str = "",
        illustrative: bool = False,
        stance: str = "supports",
        source_text: str = "",
        file_span: tuple[int, int] | None = None,
    ) -> list[QdaCoding]:
        out = []
        for coding in children(host, "Coding"):
            ref = child(coding, "CodeRef")
            code = norm_guid(ref.get("targetGUID")) if ref is not None else None
            if code is None:
                self.skip_coding(label, "unknown-code", None, file_span, source_text[start:end])
                continue
            # A memo written both as the description and as a note (Telaah's own exports,
            # for QualCoder and NVivo alike) is one memo.
            noted = self.note_text(notes + _refs(coding, "NoteRef"))
            text = "\n\n".join(t for t in (memo, noted) if t and not (t is noted and t == memo))
            out.append(
                QdaCoding(
                    code,
                    start,
                    end,
                    norm_guid(coding.get("creatingUser")) or user,
                    parse_timestamp(coding.get("creationDateTime")) or created,
                    text,
                    illustrative,
                    stance,
                    file_span,
                )
            )
        return out

    def selections(
        self, el: Element, label: str, norm: Normalised, units: Utf16Map | CodePoints
    ) -> tuple[list[QdaCoding], dict[str, tuple[int, int]], tuple[str, ...]]:
        codings: list[QdaCoding] = []
        spans: dict[str, tuple[int, int]] = {}
        loose_notes: list[str] = []
        for sel in children(el, "PlainTextSelection"):
            first, last = _int(sel.get("startPosition")), _int(sel.get("endPosition"))
            if first is None or last is None or first < 0 or last < 0:
                written = (first, last) if first is not None and last is not None else None
                self.skip_codings(sel, label, "bad-position", written)
                continue
            first, last = min(first, last), max(first, last)
            start = norm.to_text(units.to_index(first))
            end = norm.to_text(units.to_index(last))
            notes = _refs(sel, "NoteRef")
            if end <= start:
                self.skip_codings(sel, label, "empty-span", (first, last))
                loose_notes.extend(notes)
                continue
            sel_guid = norm_guid(sel.get("guid"))
            if sel_guid:
                spans[sel_guid] = (start, end)
            description, details = split_details(child_text(sel, "Description"))
            description = description.strip()
            star = description.casefold() == ILLUSTRATIVE_MARK.casefold() or (
                details.get("illustrative", "").strip().lower() == "yes"
            )
            stance = details.get("stance", "").strip().lower()
            found = self.codings(
                sel, label, start, end, notes, norm_guid(sel.get("creatingUser")),
                parse_timestamp(sel.get("creationDateTime")),
                memo="" if star else description, illustrative=star,
                stance=stance if stance in STANCES else "supports",
                source_text=norm.text, file_span=(first, last),
            )  # fmt: skip
            if not found:
                loose_notes.extend(notes)
            codings.extend(found)
        return codings, spans, tuple(loose_notes)

    def pdf_source(self, el: Element, label: str) -> QdaDocument | None:
        for region in children(el, "PDFSelection"):
            self.skip_codings(region, label, "pdf-region", None)
        representation = child(el, "Representation")
        if representation is not None:
            doc = self.text_source(representation, label, "pdf", _refs(el, "NoteRef"))
        else:
            text = self.extracted(el.get("path") or "", label, ".pdf")
            if text is None:
                return None
            fake = Element("TextSource")
            content = Element("PlainTextContent")
            content.text = text
            fake.append(content)
            doc = self.text_source(fake, label, "pdf", _refs(el, "NoteRef"))
        if doc is None:
            return None
        whole = self.codings(el, label, 0, len(doc.text), (), None, None)
        pdf_guid = norm_guid(el.get("guid")) or doc.guid
        return replace(doc, guid=pdf_guid, codings=tuple(whole) + doc.codings)

    def read_sources(self, root: Element) -> list[QdaDocument]:
        sources = child(root, "Sources")
        elements = list(sources) if sources is not None else []
        docs: list[QdaDocument] = []
        for index, el in enumerate(elements):
            check(self.progress)
            kind = local(el.tag)
            label = (el.get("name") or "").strip() or f"{kind} {index + 1}"
            self.progress.report(index, len(elements), label)
            doc: QdaDocument | None = None
            if kind == "TextSource":
                doc = self.text_source(el, label, "txt")
            elif kind == "PDFSource":
                doc = self.pdf_source(el, label)
            elif kind in _MEDIA:
                self.skip("source", label, _MEDIA[kind])
            if doc is not None:
                docs.append(doc)
        return docs

    # --- variables and cases ------------------------------------------------------------

    def read_variables(self, root: Element) -> list[QdaVariable]:
        out = []
        variables = child(root, "Variables")
        for var in children(variables, "Variable") if variables is not None else ():
            var_guid = norm_guid(var.get("guid"))
            name = " ".join((var.get("name") or "").split())[:255]
            if not var_guid or not name:
                continue
            _, details = split_details(child_text(var, "Description"))
            kind = (var.get("typeOfVariable") or "Text").strip().lower()
            if details.get("field") == "alias":
                out.append(QdaVariable(var_guid, name, "text", alias=True))
                continue
            ours = details.get("type") if details.get("type") in ("text", "category") else None
            out.append(QdaVariable(var_guid, name, ours or _VARIABLE_TYPES.get(kind, "category")))
        return out

    def read_cases(self, root: Element) -> list[QdaCase]:
        out = []
        cases = child(root, "Cases")
        for index, case in enumerate(children(cases, "Case") if cases is not None else ()):
            values = []
            for vv in children(case, "VariableValue"):
                ref = child(vv, "VariableRef")
                target = norm_guid(ref.get("targetGUID")) if ref is not None else None
                value = next((v.text or "" for v in vv if local(v.tag).endswith("Value")), None)
                if target and value is not None and value.strip():
                    values.append((target, value.strip()))
            out.append(
                QdaCase(
                    guid=norm_guid(case.get("guid")) or f"case-{index}",
                    name=" ".join((case.get("name") or "").split())[:255] or f"Kasus {index + 1}",
                    description=child_text(case, "Description").strip(),
                    values=tuple(values),
                    sources=_refs(case, "SourceRef"),
                    selections=_refs(case, "SelectionRef"),
                    codes=_refs(case, "CodeRef"),
                )
            )
        return out


def read_qdpx(
    path: Path, *, progress: Progress | None = None, limits: Limits | None = None
) -> QdaProject:
    """Read and check a whole ``.qdpx``. Raises :class:`ArchiveRefused` for a hostile or
    unreadable archive; what cannot be imported is listed in ``skipped``."""
    progress = progress or NullProgress()
    path = Path(path)
    with Archive(path, limits) as archive:
        root = parse_xml(path, archive.read(archive.qde_name()))
        if local(root.tag) != "Project":
            raise ArchiveRefused(path, "not-refi-qda", local(root.tag))
        reader = _Reader(
            archive,
            progress,
            code_points=counts_code_points(root.get("origin")),
            seconds=archive.limits.max_read_seconds,
        )
        reader.read_notes(root)
        users = {}
        users_el = child(root, "Users")
        for user in children(users_el, "User") if users_el is not None else ():
            user_guid = norm_guid(user.get("guid"))
            if user_guid:
                users[user_guid] = " ".join((user.get("name") or user.get("id") or "").split())
        book = child(root, "CodeBook")
        codes_el = child(book, "Codes") if book is not None else None
        codes = read_codes(codes_el) if codes_el is not None else ()
        reader.code_names = {c.guid: c.name for top in codes for c in top.walk()}
        variables = reader.read_variables(root)
        cases = reader.read_cases(root)
        documents = reader.read_sources(root)
        for section, reason in (("Sets", "sets"), ("Links", "links"), ("Graphs", "graphs")):
            found = child(root, section)
            if found is not None:
                reader.skip(section.lower(), section, reason, len(list(found)))
    counted: Counter[Skipped] = Counter()
    for item in reader.skipped:
        counted[replace(item, count=1)] += item.count
    return QdaProject(
        name=(root.get("name") or "").strip() or path.stem,
        origin=(root.get("origin") or "").strip(),
        users=users,
        codes=codes,
        variables=tuple(variables),
        cases=tuple(cases),
        documents=tuple(documents),
        notes=reader.notes,
        project_notes=_refs(root, "NoteRef"),
        skipped=tuple(replace(item, count=count) for item, count in counted.items()),
        warnings=tuple(reader.warnings),
        consumed_notes=frozenset(reader.consumed),
    )
