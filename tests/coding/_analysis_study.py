"""A small study with known answers for the summary, matrix and export tests.

Codebook ``tb`` (social capital): ``tb/a`` Kepercayaan with indicators ``tb/a/x`` and
``tb/a/y``; ``tb/b`` Norma; ``tb/c`` Jaringan (left empty). Codebook ``co``: ``co/plan``,
``co/deliver``. Four informants (alias order 1, 2, 3, 10) and a regulation with no case (source type
``document``; the interviews are ``interview``).

Expected, over every coder:

=========  ========  ===============================  ==========================  ======
box        excerpts  cases (informant order)          groups                      status
=========  ========  ===============================  ==========================  ======
tb/a       6         Hendra, Siti, Bambang, Nur       aktor, aparat, masyarakat   filled
tb/a/x     3         Hendra, Siti, Bambang            aktor, aparat               filled
tb/a/y     2         Hendra                           aktor                       thin
tb/b       3         Siti, Nur (+ the regulation)     aparat, masyarakat          filled
tb/c       0                                                                      empty
=========  ========  ===============================  ==========================  ======
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.coding.cases import create_case, link_document
from app.coding.codings import apply_code
from app.models.project import Project
from app.models.schema import Code, Codebook, Document

GROUP_AKTOR = "aktor pemerintah"
GROUP_APARAT = "aparat pemerintah"
GROUP_WARGA = "masyarakat"

TEXTS = {
    "INF01.txt": (
        "P: Bagaimana hubungan dengan warga?\n"
        "I: Kami percaya pada warga. Pak Hendra selalu datang ke rembuk warga.\n"
        "I: Dana swadaya dikumpulkan tiap bulan.\n"
        "I: Warga juga menyumbang beras."
    ),
    "INF02.txt": (
        "I: Warga saling menjaga \U0001f642 di malam hari bersama Pak Darto.\n"
        "I: Rapat dibuka oleh lurah."
    ),
    "INF03.txt": "I: Kami juga percaya pada warga kampung.",
    "INF10.txt": "I: Saya percaya pada Bu Siti Marlina.\nI: Ada gotong royong setiap Minggu pagi.",
    "Perwali.txt": "Pasal 3 mengatur ronda malam.",
}
CASES = (
    # name, alias, group, role, interview date, document
    ("Hendra Wijaya", "Informan 1", GROUP_AKTOR, "Kepala Bidang", "2024-03-04", "INF01.txt"),
    ("Siti Marlina", "Informan 2", GROUP_APARAT, "Lurah", "2024-03-12", "INF02.txt"),
    ("Bambang Priyono", "Informan 3", GROUP_APARAT, "Lurah", "2024-03-13", "INF03.txt"),
    ("Nur Aini", "Informan 10", GROUP_WARGA, "Warga", "2024-03-25", "INF10.txt"),
)
CODINGS = (
    # label, document, phrase, code key, coder, starred
    ("c1", "INF01.txt", "Kami percaya pada warga.", "tb/a/x", "siti", True),
    ("c2", "INF01.txt", "pada warga. Pak Hendra selalu datang ke rembuk warga.", "co/plan",
     "siti", False),
    ("c3", "INF01.txt", "Dana swadaya dikumpulkan tiap bulan.", "tb/a/y", "siti", False),
    ("c4", "INF01.txt", "Warga juga menyumbang beras.", "tb/a/y", "siti", False),
    ("c5", "INF02.txt", "Warga saling menjaga \U0001f642 di malam hari bersama Pak Darto.",
     "tb/a/x", "siti", False),
    ("c6", "INF02.txt", "saling menjaga", "tb/b", "siti", False),
    ("c7", "INF02.txt", "Rapat dibuka oleh lurah.", "co/deliver", "budi", False),
    ("c8", "INF10.txt", "Saya percaya pada Bu Siti Marlina.", "tb/a", "siti", False),
    ("c9", "INF10.txt", "gotong royong setiap Minggu", "tb/b", "siti", False),
    ("c10", "INF10.txt", "royong setiap Minggu pagi.", "co/deliver", "budi", False),
    ("c11", "Perwali.txt", "mengatur ronda", "tb/b", "siti", False),
    ("c12", "INF03.txt", "percaya pada warga kampung", "tb/a/x", "siti", False),
    ("c13", "Perwali.txt", "Pasal 3 mengatur", "co/plan", "siti", False),
)  # fmt: skip
TB_KEYS = ("tb/a", "tb/a/x", "tb/a/y", "tb/b", "tb/c")
CASE_NAMES = ("Hendra Wijaya", "Siti Marlina", "Bambang Priyono", "Nur Aini")


@dataclass
class Study:
    """Ids of what :func:`build_study` created."""

    codes: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    codings: dict[str, int] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def _codebooks(project: Project, study: Study) -> None:
    with project.session() as s:
        tb = Codebook(key="tb", name_id="Modal sosial", name_en="Social capital",
                      reference="Putnam (1993)")  # fmt: skip
        co = Codebook(key="co", name_id="Empat Co", name_en="Four Co's", sort_order=1)
        s.add_all([tb, co])
        s.flush()
        spec = (
            # key, parent, book, name_id, name_en, definition_id
            ("tb/a", None, tb, "Kepercayaan", "Trust", "Warga dan aparat saling percaya."),
            ("tb/a/x", "tb/a", tb, "Percaya pada warga", "Trust in residents", "Aparat percaya."),
            ("tb/a/y", "tb/a", tb, "Swadaya", "Self-help", "Warga menyumbang."),
            ("tb/b", None, tb, "Norma", "Norms", "Aturan tak tertulis."),
            ("tb/c", None, tb, "Jaringan", "Networks", "Hubungan antarkelompok."),
            ("co/plan", None, co, "Perencanaan bersama", "Co-commissioning", "Merencanakan."),
            ("co/deliver", None, co, "Pelayanan bersama", "Co-delivery", "Melaksanakan."),
        )
        for order, (key, parent, book, name_id, name_en, definition) in enumerate(spec):
            code = Code(
                codebook_id=book.id,
                parent_id=study.codes[parent] if parent else None,
                key=key,
                name_id=name_id,
                name_en=name_en,
                definition_id=definition,
                definition_en=f"{name_en} (definition).",
                sort_order=order,
            )
            s.add(code)
            s.flush()
            study.codes[key] = code.id
        s.commit()


def build_study(project: Project) -> Study:
    """Fill ``project`` with the study above and return the ids."""
    study = Study()
    _codebooks(project, study)
    with project.session() as s:
        for name, text in TEXTS.items():
            kind = "document" if name == "Perwali.txt" else "interview"
            doc = Document(name=name, original_filename=name, format="txt", content_hash=name,
                           text=text, length=len(text), source_type=kind)  # fmt: skip
            s.add(doc)
            s.flush()
            study.documents[name] = doc.id
        s.commit()
        for name, alias, group, role, when, document in CASES:
            case = create_case(
                s,
                name=name,
                alias=alias,
                attributes={"group": group, "role": role, "interview_date": when},
            )
            study.cases[name] = case.id
            link_document(s, case_id=case.id, document_id=study.documents[document])
        for label, document, phrase, key, coder, starred in CODINGS:
            start = TEXTS[document].index(phrase)
            end = start + len(phrase)
            change = apply_code(
                s,
                document_id=study.documents[document],
                code_id=study.codes[key],
                start=start,
                end=end,
                coder=coder,
                illustrative=starred,
            )
            study.codings[label] = change.added[0].id
            study.spans[label] = (start, end)
    return study


def phrase(label: str) -> str:
    """The coded text of coding ``label``."""
    for name, document, text, *_ in CODINGS:
        if name == label:
            assert text in TEXTS[document]
            return text
    raise KeyError(label)
