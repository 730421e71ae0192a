"""The scaling plot (open time against document size and against coding count), drawn with
QPainter onto a QImage: no plotting library needed. Needs a QGuiApplication."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

WIDTH, HEIGHT = 1200, 560
_MARGIN = 70


def _series(rows: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows named ``size-*`` (size varies) and ``codings-*`` (coding count varies)."""
    size = sorted(
        (r for r in rows if str(r["document"]).startswith("size")), key=lambda r: r["chars"]
    )
    codings = sorted(
        (r for r in rows if str(r["document"]).startswith("codings")), key=lambda r: r["codings"]
    )
    return size, codings


def _panel(
    painter: QPainter,
    box: QRectF,
    points: list[tuple[float, float]],
    *,
    title: str,
    x_label: str,
    bar: float | None,
) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#222222"), 1))
    painter.drawText(
        QRectF(box.left(), box.top() - 40, box.width(), 24), Qt.AlignmentFlag.AlignCenter, title
    )
    painter.drawRect(box)
    if not points:
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "no data")
        return
    x_max = max(x for x, _ in points) * 1.05 or 1.0
    y_max = max([y for _, y in points] + ([bar] if bar else [])) * 1.15 or 1.0

    def at(x: float, y: float) -> QPointF:
        return QPointF(
            box.left() + box.width() * x / x_max, box.bottom() - box.height() * y / y_max
        )

    painter.setPen(QPen(QColor("#999999"), 1))
    for i in range(1, 5):
        y = y_max * i / 5
        painter.drawLine(at(0, y), at(x_max, y))
        painter.drawText(
            QRectF(box.left() - _MARGIN, at(0, y).y() - 8, _MARGIN - 6, 16),
            Qt.AlignmentFlag.AlignRight,
            f"{y * 1000:.0f} ms",
        )
    for i in range(0, 5):
        x = x_max * i / 4
        painter.drawText(
            QRectF(at(x, 0).x() - 40, box.bottom() + 4, 80, 16),
            Qt.AlignmentFlag.AlignCenter,
            f"{x:,.0f}",
        )
    painter.drawText(
        QRectF(box.left(), box.bottom() + 22, box.width(), 18),
        Qt.AlignmentFlag.AlignCenter,
        x_label,
    )
    if bar:
        painter.setPen(QPen(QColor("#c0392b"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(at(0, bar), at(x_max, bar))
        painter.drawText(at(0, bar) + QPointF(6, -4), f"SPEC bar {bar * 1000:.0f} ms")
    painter.setPen(QPen(QColor("#1f6fb2"), 2))
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        painter.drawLine(at(x1, y1), at(x2, y2))
    painter.setBrush(QColor("#1f6fb2"))
    for x, y in points:
        painter.drawEllipse(at(x, y), 4, 4)


def draw_scaling(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """Write the two-panel scaling plot of ``rows`` (as in the scaling CSV) to ``path``."""
    size, codings = _series(rows)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(12)
    painter.setFont(font)
    top, height = 80.0, HEIGHT - 160.0
    half = (WIDTH - 3 * _MARGIN) / 2
    fixed_codings = size[0]["codings"] if size else 0
    fixed_chars = codings[0]["chars"] if codings else 0
    _panel(
        painter,
        QRectF(_MARGIN + 10, top, half - 20, height),
        [(float(r["chars"]), float(r["open_s"])) for r in size],
        title=f"Open time vs document size ({fixed_codings} codings)",
        x_label="characters",
        bar=0.5,
    )
    _panel(
        painter,
        QRectF(2 * _MARGIN + half + 10, top, half - 20, height),
        [(float(r["codings"]), float(r["open_s"])) for r in codings],
        title=f"Open time vs codings in the document (~{fixed_chars:,} characters)",
        x_label="codings",
        bar=0.15,
    )
    painter.end()
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")


def draw_corpus_scaling(rows: Sequence[dict[str, Any]], path: Path) -> int:
    """Bars of XL ÷ L for each figure measured on both corpora (the CSV rows), with the
    values beside them; lines at 5× (XL holds five times L) and 6× (the growth bar).
    Returns the number of figures plotted."""
    rows = [r for r in rows if r.get("XL_over_L") not in (None, "")]
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(13)
    painter.setFont(font)
    label_w, left, top = 190.0, 200.0, 70.0
    box = QRectF(left, top, WIDTH - left - 330, HEIGHT - top - 60)
    painter.setPen(QPen(QColor("#222222"), 1))
    painter.drawText(
        QRectF(0, 14, WIDTH, 30),
        Qt.AlignmentFlag.AlignCenter,
        "Corpus XL (2,500 transcripts, 500k codings) against L (500, 100k): XL ÷ L",
    )
    x_max = max([6.5, *(float(r["XL_over_L"]) * 1.1 for r in rows)])

    def x_at(v: float) -> float:
        return box.left() + box.width() * v / x_max

    for value, colour, text in ((5.0, "#7f8c8d", "5× (linear)"), (6.0, "#c0392b", "6× bar")):
        painter.setPen(QPen(QColor(colour), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x_at(value), box.top()), QPointF(x_at(value), box.bottom()))
        painter.drawText(QPointF(x_at(value) + 4, box.bottom() + 18), text)
    painter.setPen(QPen(QColor("#222222"), 1))
    painter.drawLine(QPointF(box.left(), box.top()), QPointF(box.left(), box.bottom()))
    step = box.height() / max(len(rows), 1)
    for i, row in enumerate(rows):
        y = box.top() + i * step
        ratio = float(row["XL_over_L"])
        painter.setPen(QPen(QColor("#222222"), 1))
        painter.drawText(
            QRectF(left - label_w - 8, y, label_w, step),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(row["figure"]),
        )
        painter.setBrush(QColor("#1f6fb2"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(QRectF(box.left(), y + step * 0.2, x_at(ratio) - box.left(), step * 0.6))
        unit = str(row["unit"])
        painter.setPen(QPen(QColor("#222222"), 1))
        painter.drawText(
            QRectF(box.right() + 10, y, 320, step),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{ratio:.2f}×   L {_fmt(row['L'], unit)}  →  XL {_fmt(row['XL'], unit)}",
        )
    painter.end()
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")
    return len(rows)


def _fmt(value: object, unit: str) -> str:
    number = float(str(value))
    if unit == "s":
        return f"{number * 1000:.0f} ms" if number < 10 else f"{number:.1f} s"
    return f"{number:.0f} {unit}"
