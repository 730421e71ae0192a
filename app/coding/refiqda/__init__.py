"""REFI-QDA interchange: ``.qdpx`` projects and ``.qdc`` codebooks, to and from NVivo,
ATLAS.ti, MAXQDA and QualCoder.

* :func:`export_qdpx` — the whole project (:mod:`.export` lists every element).
* :func:`import_qdpx` — a ``.qdpx`` into a new project (:mod:`.import_`); :func:`read_qdpx`
  alone reads and checks an archive without writing anything.
* :func:`export_qdc` / :func:`import_qdc` — one codebook (:mod:`.qdc`).

Positions: Telaah stores code points; REFI-QDA files carry UTF-16 code units over the source
text as stored (what NVivo, ATLAS.ti and MAXQDA write), converted both ways in
:mod:`.positions`. Hostile files raise :class:`ArchiveRefused` (:mod:`.safety`).
"""

from app.coding.refiqda.export import QdpxExported, export_qdpx
from app.coding.refiqda.import_ import QdpxImported, import_qdpx, store_project
from app.coding.refiqda.model import QdaProject, Skipped
from app.coding.refiqda.qdc import QdcExported, QdcImported, export_qdc, import_qdc
from app.coding.refiqda.reader import read_qdpx
from app.coding.refiqda.safety import ArchiveRefused, Limits

__all__ = [
    "ArchiveRefused",
    "Limits",
    "QdaProject",
    "QdcExported",
    "QdcImported",
    "QdpxExported",
    "QdpxImported",
    "Skipped",
    "export_qdc",
    "export_qdpx",
    "import_qdc",
    "import_qdpx",
    "read_qdpx",
    "store_project",
]
