"""Deterministic synthetic corpora for the benchmarks (SPEC §4), written as real project files.

The text is Indonesian-like (a seeded word generator over a small vocabulary written for this
file), laid out as interview transcripts with ``Peneliti:``/``Informan:`` turns. Paragraphs
and turns are found by the importer's own :func:`app.coding.importing.base.assemble`, the
codebooks are installed with :func:`app.coding.codebooks.install_codebook`, and the bulk rows
(documents, segments, cases, codings) are written with executemany in one transaction, so the
file holds exactly what the application would have written, only much faster. The FTS index is
filled by the project's own insert trigger.

Sizes: ``S`` (CI), ``L`` (SPEC §4: 500 transcripts × ~10k words, 150 codes, 500 cases,
100k codings) and ``XL`` (five times L: 2,500 transcripts, 2,500 cases, 500k codings). Two
documents of L and XL have the shapes the open-document bars name: document 1 has ~60k
characters and 600 codings, document 2 ~380k characters and 4,000 codings.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.coding.codebook_files import (
    CodebookSpec,
    CodeSpec,
    bundled_codebook_keys,
    load_bundled_codebook,
)
from app.coding.codebooks import install_codebook
from app.coding.importing.base import Extracted, assemble
from app.models.project import create_project
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
    Segment,
)

#: A fixed timestamp, so that two runs with the same seed give identical rows.
FIXED_TIME = datetime(2026, 1, 5, 9, 30)
CODERS = ("siti", "budi", "ayu", "rahmat")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ROOTS = _words(
    "warga kelurahan dinas kantor petugas relawan posyandu puskesmas sekolah banjir sampah "
    "jalan saluran air bantuan program anggaran rapat musyawarah kader ibu bapak pemuda lurah "
    "camat desa kampung lingkungan kegiatan gotong royong layanan kesehatan pendidikan "
    "keamanan ronda bank data laporan rencana usulan pelatihan dana sumbangan tenaga waktu "
    "pengurus ketua anggota kelompok paguyuban komunitas forum jaringan tetangga keluarga "
    "anak remaja lansia bidan guru kepala bagian seksi bidang pemerintah kota kabupaten "
    "provinsi pusat aturan peraturan surat izin proses tahap hasil manfaat masalah kendala "
    "solusi cara bentuk jenis contoh peran tugas tanggung jawab kepercayaan hubungan kerja "
    "sama kolaborasi partisipasi pelibatan aspirasi keputusan evaluasi pengawasan"
)
_FUNCTION = _words(
    "yang dan di ke dari itu ini dengan untuk pada juga sudah belum akan bisa harus ada tidak "
    "kami kita mereka saya beliau kalau karena jadi tapi atau seperti waktu saat lalu "
    "kemudian biasanya memang sangat cukup masih hanya semua banyak sedikit lebih paling "
    "sering"
)
_VERBS = _words(
    "membantu mengajak mengusulkan melaporkan mengatur membersihkan memperbaiki mendata "
    "mengumpulkan membagikan menyampaikan mendampingi mengawasi menilai merencanakan "
    "melaksanakan mengikuti menghadiri membahas menyepakati menolak menerima meminta "
    "dilibatkan diundang disampaikan dibahas dibantu diperbaiki dikumpulkan dibagikan"
)
_QUESTIONS = (
    "Bagaimana pengalaman Bapak atau Ibu dengan {a}",
    "Siapa saja yang terlibat dalam {a} di {b}",
    "Apa kendala utama ketika {a} dijalankan",
    "Sejak kapan warga ikut dalam {a}",
    "Menurut Anda apa peran {a} dalam {b}",
)
GROUPS = ("pemerintah", "masyarakat", "relawan", "swasta")
ROLES = ("kepala dinas", "staf", "lurah", "ketua rw", "kader", "warga", "tokoh agama")
GENDERS = ("perempuan", "laki-laki")


@dataclass(frozen=True)
class CorpusSize:
    """The shape of a corpus. ``special`` lists (characters, codings) of the first documents."""

    documents: int
    words: int
    codes: int
    cases: int
    codings: int
    special: tuple[tuple[int, int], ...] = ()
    #: when set, only the codes of these codebooks are applied
    coding_codebooks: tuple[str, ...] | None = None
    #: document names (default ``WAWANCARA-001``…)
    names: tuple[str, ...] | None = None


SIZES: dict[str, CorpusSize] = {
    "S": CorpusSize(
        documents=12, words=1_500, codes=60, cases=12, codings=1_200, special=((9_000, 90),)
    ),
    "L": CorpusSize(
        documents=500,
        words=10_000,
        codes=150,
        cases=500,
        codings=100_000,
        special=((60_000, 600), (380_000, 4_000)),
    ),
    # Five times L (issue 15): the same documents, codes and density of codings, so every
    # figure that grows linearly with the project grows five times.
    "XL": CorpusSize(
        documents=2_500,
        words=10_000,
        codes=150,
        cases=2_500,
        codings=500_000,
        special=((60_000, 600), (380_000, 4_000)),
    ),
}


@dataclass(frozen=True)
class CorpusInfo:
    """What was written: counts, and the ids of the special documents (in ``special`` order)."""

    path: Path
    documents: int
    characters: int
    codes: int
    cases: int
    codings: int
    special_documents: tuple[int, ...]


class TextMaker:
    """Seeded generator of Indonesian-like sentences and transcripts."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = list(_ROOTS * 3 + _FUNCTION * 4 + _VERBS * 2)

    def sentence(self) -> str:
        rng = self.rng
        words = rng.choices(self.words, k=rng.randint(7, 19))
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words) - 1), ",")
        text = " ".join(words).replace(" ,", ",")
        return text[0].upper() + text[1:] + rng.choice(".....?!")

    def question(self) -> str:
        a, b = self.rng.sample(_ROOTS, 2)
        return self.rng.choice(_QUESTIONS).format(a=a, b=b) + "?"

    def transcript(self, *, chars: int) -> list[str]:
        """Raw paragraphs (speaker turns) adding up to about ``chars`` characters."""
        paragraphs = ["Transkrip wawancara (data sintetis untuk uji kinerja)"]
        total = len(paragraphs[0])
        while total < chars:
            q = "Peneliti: " + self.question()
            answer = " ".join(self.sentence() for _ in range(self.rng.randint(2, 9)))
            a = "Informan: " + answer
            paragraphs += [q, a]
            total += len(q) + len(a) + 4
        return paragraphs


def _generated_codebooks(count: int, rng: random.Random) -> list[CodebookSpec]:
    """Codebooks of themes with indicators, ``count`` codes in all."""
    books: list[CodebookSpec] = []
    made = 0
    b = 0
    while made < count:
        b += 1
        key = f"tema{b}"
        codes: list[CodeSpec] = []
        while made < count and len(codes) < 12:
            c = len(codes) + 1
            n_ind = min(rng.randint(1, 3), count - made - 1)
            indicators = tuple(
                _code_spec(f"{key}/kode{c}/indikator{i + 1}", rng) for i in range(max(n_ind, 0))
            )
            codes.append(_code_spec(f"{key}/kode{c}", rng, indicators))
            made += 1 + len(indicators)
        books.append(
            CodebookSpec(
                key,
                f"Tema {b}",
                f"Theme {b}",
                "Tema sintetis.",
                "Synthetic theme.",
                "",
                tuple(codes),
            )
        )
    return books


def _code_spec(key: str, rng: random.Random, children: tuple[CodeSpec, ...] = ()) -> CodeSpec:
    label = key.rsplit("/", 1)[-1]
    colour = (
        f"#{rng.randrange(40, 220):02x}{rng.randrange(40, 220):02x}{rng.randrange(40, 220):02x}"
    )
    return CodeSpec(
        key,
        label.capitalize(),
        label.capitalize(),
        f"Definisi {label}.",
        f"Definition of {label}.",
        colour,
        (),
        "",
        children,
    )


def _install_codes(session: Session, size: CorpusSize, rng: random.Random) -> None:
    bundled = [load_bundled_codebook(k) for k in bundled_codebook_keys()]
    have = sum(len(list(s.walk_codes())) for s in bundled)
    for spec in bundled:
        install_codebook(session, spec=spec)
    for spec in _generated_codebooks(max(size.codes - have, 0), rng):
        install_codebook(session, spec=spec, origin="user")


def _codings_for(
    doc_id: int, extracted: Extracted, count: int, codes: Sequence[int], rng: random.Random
) -> list[dict[str, object]]:
    """``count`` codings on informant turns: sentence-aligned spans, shared by several coders,
    overlapping each other (other codes on the same span, shifted spans)."""
    text = extracted.text
    turns = [t for t in extracted.turns if t.speaker.lower().startswith("informan")]
    spans = [(t.start, t.end) for t in turns] or list(extracted.paragraphs)
    seen: set[tuple[int, int, int, int]] = set()
    rows: list[dict[str, object]] = []
    while len(rows) < count:
        t_start, t_end = rng.choice(spans)
        body = t_start + len("Informan: ") if text.startswith("Informan: ", t_start) else t_start
        cut = [body, *[i + 2 for i in range(body, t_end) if text[i] in ".?!"][:-1], t_end]
        a = rng.randrange(len(cut) - 1)
        b = min(len(cut) - 1, a + rng.randint(1, 3))
        start, end = cut[a], cut[b]
        while end > start and text[end - 1] == " ":
            end -= 1
        code = rng.choice(codes)
        for coder in rng.sample(range(1, len(CODERS) + 1), rng.randint(1, 3)):
            s, e = start, end
            if rng.random() < 0.3:  # coders disagree a little on the boundaries
                s = min(e - 1, s + rng.randint(0, 12))
            other = rng.choice(codes) if rng.random() < 0.35 else code
            for cid in {code, other}:
                ident = (cid, coder, s, e)
                if ident in seen or len(rows) >= count:
                    continue
                seen.add(ident)
                rows.append(
                    {
                        "document_id": doc_id,
                        "code_id": cid,
                        "coder_id": coder,
                        "start": s,
                        "end": e,
                        "snippet": text[s:e],
                        "memo": "",
                        "illustrative": rng.random() < 0.02,
                        "created_at": FIXED_TIME,
                        "updated_at": FIXED_TIME,
                    }
                )
    return rows


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` positive random shares."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [max(1, int(w * scale)) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def make_corpus(path: Path, size: str | CorpusSize, *, seed: int = 7) -> CorpusInfo:
    """Write a new project file at ``path`` holding the synthetic corpus ``size``."""
    shape = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)
    maker = TextMaker(rng)
    project = create_project(Path(path))
    try:
        with project.session() as session:
            _install_codes(session, shape, rng)
            session.execute(update(Code).values(created_at=FIXED_TIME))  # deterministic file
            code_ids = list(session.scalars(select(Code.id).order_by(Code.id)))
            used = code_ids
            if shape.coding_codebooks is not None:
                used = list(
                    session.scalars(
                        select(Code.id)
                        .join(Codebook, Codebook.id == Code.codebook_id)
                        .where(Codebook.key.in_(shape.coding_codebooks))
                        .order_by(Code.id)
                    )
                )
            session.execute(insert(Coder), [{"id": i + 1, "name": n} for i, n in enumerate(CODERS)])
            plain_codings = shape.codings - sum(n for _, n in shape.special)
            plain_docs = shape.documents - len(shape.special)
            per_doc = [n for _, n in shape.special] + _split(plain_codings, plain_docs, rng)
            chars_of = [c for c, _ in shape.special] + [
                int(shape.words * rng.uniform(6.0, 7.6)) for _ in range(plain_docs)
            ]
            characters = 0
            for i in range(shape.documents):
                doc_id = i + 1
                extracted = assemble(
                    maker.transcript(chars=chars_of[i]), format="txt", encoding="utf-8"
                )
                characters += len(extracted.text)
                session.execute(
                    insert(Document),
                    [
                        {
                            "id": doc_id,
                            "name": shape.names[i] if shape.names else f"WAWANCARA-{doc_id:03d}",
                            "original_filename": f"wawancara_{doc_id:03d}.txt",
                            "format": "txt",
                            "content_hash": hashlib.sha256(extracted.text.encode()).hexdigest(),
                            "text": extracted.text,
                            "length": len(extracted.text),
                            "encoding": "utf-8",
                            "imported_at": FIXED_TIME,
                        }
                    ],
                )
                segments = [
                    {
                        "document_id": doc_id,
                        "kind": "paragraph",
                        "ordinal": k,
                        "start": s,
                        "end": e,
                        "speaker": None,
                        "timestamp": None,
                    }
                    for k, (s, e) in enumerate(extracted.paragraphs)
                ] + [
                    {
                        "document_id": doc_id,
                        "kind": "turn",
                        "ordinal": k,
                        "start": t.start,
                        "end": t.end,
                        "speaker": t.speaker,
                        "timestamp": t.timestamp,
                    }
                    for k, t in enumerate(extracted.turns)
                ]
                session.execute(insert(Segment), segments)
                session.execute(
                    insert(Coding), _codings_for(doc_id, extracted, per_doc[i], used, rng)
                )
            _write_cases(session, shape, rng)
            session.commit()
    finally:
        project.close()
    return CorpusInfo(
        Path(path),
        shape.documents,
        characters,
        len(code_ids),
        shape.cases,
        shape.codings,
        tuple(range(1, len(shape.special) + 1)),
    )


def _write_cases(session: Session, shape: CorpusSize, rng: random.Random) -> None:
    attrs = [("group", "category"), ("role", "category"), ("gender", "category"), ("date", "date")]
    session.execute(
        insert(Attribute), [{"id": i + 1, "name": n, "type": t} for i, (n, t) in enumerate(attrs)]
    )
    session.execute(
        insert(Case),
        [
            {"id": i + 1, "name": f"INF{i + 1:03d}", "alias": None, "created_at": FIXED_TIME}
            for i in range(shape.cases)
        ],
    )
    values = []
    first = date(2025, 3, 1)
    for i in range(shape.cases):
        day = first + timedelta(days=rng.randrange(240))
        for attr_id, value in enumerate(
            (rng.choice(GROUPS), rng.choice(ROLES), rng.choice(GENDERS), day.isoformat()),
            start=1,
        ):
            values.append({"case_id": i + 1, "attribute_id": attr_id, "value": value})
    session.execute(insert(CaseAttribute), values)
    session.execute(
        insert(DocumentCase),
        [
            {"document_id": d + 1, "case_id": d % shape.cases + 1, "start": None, "end": None}
            for d in range(shape.documents)
        ],
    )
