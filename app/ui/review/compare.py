"""Two coders' codings over one stretch of text, side by side."""

from __future__ import annotations

from html import escape
from itertools import pairwise

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.coding.agreement import union
from app.coding.review_queries import CodingOver, StretchComparison


def _light(colour: str, keep: float = 0.35) -> str:
    """``colour`` mixed with white, as a highlight behind black text."""
    try:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return "#fff2b3"
    mix = (round(255 - (255 - v) * keep) for v in (r, g, b))
    return "#" + "".join(f"{v:02x}" for v in mix)


class ComparePanel(QWidget):
    """One stretch of text twice, side by side: each coder's codes over it, and the text
    with that coder's codings of the disputed code highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.title = QLabel(self)
        self.title.setObjectName("compareTitle")
        self.title.setWordWrap(True)
        self.sides = (QTextBrowser(self), QTextBrowser(self))
        self.sides[0].setObjectName("compareA")
        self.sides[1].setObjectName("compareB")
        row = QHBoxLayout()
        for side in self.sides:
            row.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self.comparison: StretchComparison | None = None
        self.clear()

    def clear(self) -> None:
        self.comparison = None
        self.title.setText(self.tr("Double-click a disagreement to compare the two codings."))
        for side in self.sides:
            side.clear()

    def show_comparison(
        self,
        comparison: StretchComparison,
        code_key: str,
        names: dict[str, str],
    ) -> None:
        """Show ``comparison``; ``names`` maps code keys to the names shown."""
        self.comparison = comparison
        self.title.setText(
            self.tr("{0}, characters {1}–{2}: {3}").format(
                comparison.document,
                comparison.start,
                comparison.end,
                names.get(code_key, code_key),
            )
        )
        for side, (coder, codings) in zip(self.sides, comparison.codings.items(), strict=False):
            side.setHtml(self._side_html(comparison, coder, codings, code_key, names))

    def _side_html(
        self,
        c: StretchComparison,
        coder: str,
        overs: tuple[CodingOver, ...],
        code_key: str,
        names: dict[str, str],
    ) -> str:
        parts = [f"<h3>{escape(coder)}</h3>"]
        if overs:
            items = []
            for o in overs:
                name = escape(names.get(o.code_key, o.code_key))
                label = f"<b>{name}</b>" if o.code_key == code_key else name
                items.append(
                    f'<span style="color:{o.colour}">■</span> {label} '
                    f'<span style="color:#777">({o.start}–{o.end})</span>'
                )
            parts.append("<p>" + "<br/>".join(items) + "</p>")
        else:
            note = self.tr("No code on this stretch.")
            parts.append(f"<p><i>{escape(note)}</i></p>")
        colour = _light(next((o.colour for o in overs if o.code_key == code_key), "#f2c14e"))
        origin = c.start - len(c.before)
        text = c.before + c.text + c.after
        marked = union(
            (max(o.start, origin) - origin, min(o.end, origin + len(text)) - origin)
            for o in overs
            if o.code_key == code_key
        )
        cuts = sorted(
            {0, len(text), len(c.before), len(c.before) + len(c.text)}
            | {p for span in marked for p in span}
        )
        html = []
        for a, b in pairwise(cuts):
            piece = escape(text[a:b]).replace("\n", "<br/>")
            inside = any(s <= a and b <= e for s, e in marked)
            stretch = len(c.before) <= a and b <= len(c.before) + len(c.text)
            style = []
            if inside:
                style.append(f"background:{colour}")
            if stretch:
                style.append("text-decoration:underline; color:#000")
            else:
                style.append("color:#666")
            html.append(f'<span style="{"; ".join(style)}">{piece}</span>')
        parts.append("<p>…" + "".join(html) + "…</p>")
        return "".join(parts)
