"""The demo project: the fictional sample study of ``sample_transcripts/``, fully coded.

It holds every bundled codebook, every sample document with its source type, title and date
(``documents.csv``; the others are interviews), the twelve informants as cases
(``cases.csv``), the example codings with their evidence stance (``example_codings.csv``,
each phrase coded at its first occurrence), the coders' roles (``coders.csv``: the
supervisor is a second coder), the researcher's findings (``findings.csv``) and the project
settings (``settings.csv``). The build is all-or-nothing: it writes a temporary file and
renames it.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.coding.cases import create_case, link_document
from app.coding.codebook_files import bundled_codebook_keys, load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.coders import set_coder_role
from app.coding.codes import find_code
from app.coding.codings import NewCoding, apply_codes, parse_stance
from app.coding.documents import get_document_text, import_files
from app.coding.errors import InvalidValue, NotFound, TelaahError
from app.coding.findings import set_finding
from app.coding.importing.formats import main_suffixes
from app.coding.progress import NullProgress, Progress, check
from app.coding.settings import update_settings
from app.coding.sources import parse_date, set_document_source
from app.models.project import ProjectExists, create_project

DEMO_FILE_NAME = "demo-lumbung-warga-tangguh.telaah"
#: Preferred format when one sample exists in several (the lead converts some .txt files).
#: Preferred first when a folder holds the same document in several formats.
DOCUMENT_SUFFIXES = main_suffixes()
CASE_ATTRIBUTES = {
    "group": "category",
    "role": "text",
    "institution": "text",
    "gender": "category",
    "interview_date": "date",
    "place": "text",
}
_TRUE = {"1", "true", "yes", "ya", "y", "x", "*", "★"}


class PhraseNotFound(TelaahError):
    """A phrase of ``example_codings.csv`` is not in its document's stored text."""

    def __init__(self, document: str, phrase: str) -> None:
        super().__init__(f"{document}: phrase not found in the stored text: {phrase!r}")
        self.document = document
        self.phrase = phrase


def sample_dir() -> Path:
    """The sample study: ``sample_transcripts/`` in a checkout, else the packaged copy."""
    here = Path(__file__).resolve()
    source = here.parents[2] / "sample_transcripts"
    return source if source.is_dir() else here.parents[1] / "_data" / "sample_transcripts"


def data_dir() -> Path:
    """Telaah's per-user data folder (``TELAAH_DATA_DIR`` overrides it)."""
    override = os.environ.get("TELAAH_DATA_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "Telaah"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Telaah"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else home / ".local" / "share") / "telaah"


def demo_project_path() -> Path:
    """Where ``telaah demo`` keeps the demo project."""
    return data_dir() / DEMO_FILE_NAME


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in rows]


def sample_files(folder: Path, preferred: Sequence[str] = ()) -> list[Path]:
    """The sample documents, one file per name stem (``preferred`` names win, then format)."""
    chosen: dict[str, Path] = {}
    rank = {suffix: i for i, suffix in enumerate(DOCUMENT_SUFFIXES)}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in rank:
            continue
        if path.name.upper().startswith("README"):
            continue
        current = chosen.get(path.stem)
        if (
            current is None
            or (path.name in preferred and current.name not in preferred)
            or (
                (path.name in preferred) == (current.name in preferred)
                and rank[path.suffix.lower()] < rank[current.suffix.lower()]
            )
        ):
            chosen[path.stem] = path
    return sorted(chosen.values(), key=lambda p: p.name)


def _resolve(names: Mapping[str, int], wanted: str) -> int:
    """A document by its imported name, or by the name without its extension."""
    if wanted in names:
        return names[wanted]
    stem = Path(wanted).stem
    for name, doc_id in names.items():
        if Path(name).stem == stem:
            return doc_id
    raise NotFound("document", wanted)


def _add_cases(session: Session, rows: list[dict[str, str]], names: Mapping[str, int]) -> None:
    for row in rows:
        attrs = {k: row[k] for k in CASE_ATTRIBUTES if row.get(k)}
        info = create_case(
            session, name=row["case"], alias=row.get("alias") or None,
            attributes=attrs, types=CASE_ATTRIBUTES,
        )  # fmt: skip
        if row.get("file"):
            link_document(session, case_id=info.id, document_id=_resolve(names, row["file"]))


def _add_codings(session: Session, rows: list[dict[str, str]], names: Mapping[str, int]) -> int:
    texts: dict[int, str] = {}
    by_coder: dict[str, list[NewCoding]] = {}
    for row in rows:
        doc_id = _resolve(names, row["document"])
        if doc_id not in texts:
            name = next(n for n, i in names.items() if i == doc_id)
            texts[doc_id] = get_document_text(session, name=name)
        phrase = row["phrase"]
        start = texts[doc_id].find(phrase) if phrase else -1
        if start < 0:
            raise PhraseNotFound(row["document"], phrase)
        code_id = find_code(session, row["code"])
        star = row.get("illustrative", "").casefold() in _TRUE
        stance = parse_stance(row.get("stance") or "supports")
        new = NewCoding(
            doc_id, code_id, start, start + len(phrase), row.get("memo", ""), star, stance
        )
        by_coder.setdefault(row.get("coder") or "peneliti", []).append(new)
    total = 0
    for coder, codings in by_coder.items():
        total += len(apply_codes(session, codings=codings, coder=coder).added)
    return total


def _add_sources(session: Session, rows: list[dict[str, str]], names: Mapping[str, int]) -> None:
    for row in rows:
        when = row.get("date", "")
        set_document_source(
            session,
            document_id=_resolve(names, row["file"]),
            source_type=row.get("type") or "interview",
            title=row.get("title", ""),
            source_date=parse_date(when) if when else None,
        )


def _add_study_notes(session: Session, folder: Path) -> None:
    """Coder roles, findings and settings, from the optional CSV files beside the codings."""
    coders, findings_csv, settings_csv = (
        folder / "coders.csv", folder / "findings.csv", folder / "settings.csv"
    )  # fmt: skip
    if coders.is_file():
        for row in _read_csv(coders):
            set_coder_role(session, name=row["coder"], role=row.get("role") or "primary")
    if findings_csv.is_file():
        for row in _read_csv(findings_csv):
            set_finding(session, code_id=find_code(session, row["code"]), text=row["finding"])
    if settings_csv.is_file():
        values = {row["setting"]: row.get("value", "") for row in _read_csv(settings_csv)}
        year = values.get("study_year", "")
        roles = [r for r in values.get("identifying_roles", "").split(";") if r.strip()]
        update_settings(
            session,
            study_year=int(year) if year.isdigit() else None,
            identifying_roles=roles,
        )


def _fill(session: Session, folder: Path, progress: Progress) -> None:
    keys = bundled_codebook_keys()
    for key in keys:
        install_codebook(session, spec=load_bundled_codebook(key))
    check(progress)
    cases_csv = folder / "cases.csv"
    codings_csv = folder / "example_codings.csv"
    for required in (cases_csv, codings_csv):
        if not required.is_file():
            raise NotFound("sample file", required.name)
    case_rows = _read_csv(cases_csv)
    if not case_rows or "case" not in case_rows[0]:
        raise InvalidValue("cases.csv", cases_csv.name, "needs a 'case' column")
    files = sample_files(folder, [r.get("file", "") for r in case_rows])
    progress.report(1, 4, "documents")
    result = import_files(session, paths=files, progress=progress, all_or_nothing=True)
    if result.failed:
        raise result.failed[0].error
    names = {doc.name: doc.id for doc in result.imported}
    check(progress)
    documents_csv = folder / "documents.csv"
    if documents_csv.is_file():
        _add_sources(session, _read_csv(documents_csv), names)
    progress.report(2, 4, "cases")
    _add_cases(session, case_rows, names)
    progress.report(3, 4, "codings")
    _add_codings(session, _read_csv(codings_csv), names)
    _add_study_notes(session, folder)
    progress.report(4, 4, "")


def _remove_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_demo_project(
    target: Path, *, progress: Progress | None = None, overwrite: bool = False
) -> Path:
    """Build the demo project at ``target`` and return its path.

    Raises ``ProjectExists`` if ``target`` exists (unless ``overwrite``), ``NotFound`` when a
    sample file, document or code is missing, :class:`PhraseNotFound` for a phrase that is not
    in its document, ``Cancelled`` when asked to stop. A failed or interrupted build leaves
    nothing at ``target``.
    """
    sink = progress or NullProgress()
    target = Path(target)
    if target.exists() and not overwrite:
        raise ProjectExists(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_files(tmp)
    project = create_project(tmp)
    try:
        with project.session() as session:
            _fill(session, sample_dir(), sink)
        project.close()
        # A stale WAL beside the old file must not be replayed onto the new one.
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(tmp, target)
    except BaseException:
        project.close()
        _remove_files(tmp)
        raise
    return target
