"""Rich-text rendering of an excerpt under review and of its discussion thread."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from app.coding.exports.review_report import when_text
from app.coding.retrieval import Excerpt
from app.coding.review import CommentInfo
from app.coding.review_queries import ReviewState
from app.ui.review.models import AGREED_COLOUR, QUESTIONED_COLOUR, SYMBOLS

translate = QCoreApplication.translate


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def status_text(status: str) -> str:
    return {
        "agreed": translate("ReviewDetail", "agreed"),
        "questioned": translate("ReviewDetail", "questioned"),
    }.get(status, status)


def marks_html(state: ReviewState) -> str:
    """ "✓ agreed by pembimbing" lines, coloured, or a note that nobody reviewed it yet."""
    if not state.marks:
        note = translate("ReviewDetail", "Not reviewed yet.")
        return f"<p><i>{_html(note)}</i></p>"
    lines = []
    for m in state.marks:
        colour = AGREED_COLOUR if m.status == "agreed" else QUESTIONED_COLOUR
        label = translate("ReviewDetail", "{0} {1} by {2}").format(
            SYMBOLS[m.status], status_text(m.status), m.reviewer
        )
        lines.append(f'<span style="color:{colour}; font-weight:bold">{_html(label)}</span>')
    return "<p>" + "<br/>".join(lines) + "</p>"


def excerpt_html(
    e: Excerpt, code_name: str, before: str, after: str, state: ReviewState | None
) -> str:
    """The excerpt in its context, its source, coder, memo and (if given) its marks."""
    where = e.case_alias or e.case
    source = f"{where} · {e.document}" if where else e.document
    head = translate("ReviewDetail", "{0} — coded by {1}").format(code_name, e.coder)
    parts = [
        f"<p><b>{_html(head)}</b><br/>"
        f'<span style="color:#555">{_html(source)}'
        + (f" · {_html(e.speaker)}" if e.speaker else "")
        + "</span></p>",
        f'<p style="color:#666">…{_html(before)}'
        f'<span style="color:#000; background:#fff2b3">{_html(e.text)}</span>'
        f"{_html(after)}…</p>",
    ]
    if e.memo:
        memo = translate("ReviewDetail", "Memo: {0}").format(e.memo)
        parts.append(f"<p><i>{_html(memo)}</i></p>")
    if state is not None:
        parts.append(marks_html(state))
    return "".join(parts)


def thread_html(thread: Sequence[CommentInfo], language: str) -> str:
    """Comments grouped into threads (a question, then its answers, indented), each thread
    labelled open or resolved."""
    if not thread:
        note = translate("ReviewDetail", "No comments yet.")
        return f"<p><i>{_html(note)}</i></p>"
    root_of: dict[int, int] = {}
    replies: dict[int, list[CommentInfo]] = {}
    roots = []
    for c in thread:
        if c.reply_to is None:
            roots.append(c)
            root_of[c.id] = c.id
        else:
            top = root_of.get(c.reply_to, c.reply_to)
            root_of[c.id] = top
            replies.setdefault(top, []).append(c)
    out = []
    for root in roots:
        status = (
            translate("ReviewDetail", "resolved")
            if root.resolved
            else translate("ReviewDetail", "open")
        )
        colour = AGREED_COLOUR if root.resolved else QUESTIONED_COLOUR
        for n, c in enumerate([root, *replies.get(root.id, [])]):
            margin = "margin-left:18px;" if n else "margin-top:6px;"
            tag = f' <span style="color:{colour}">[{_html(status)}]</span>' if not n else ""
            out.append(
                f'<p style="{margin}"><b>{_html(c.author)}</b> '
                f'<span style="color:#777">{_html(when_text(c.created_at, language))}</span>'
                f"{tag}<br/>{_html(c.text)}</p>"
            )
    return "".join(out)


def open_roots(thread: Sequence[CommentInfo]) -> list[CommentInfo]:
    """The unresolved questions (root comments) of a thread, oldest first."""
    return [c for c in thread if c.reply_to is None and not c.resolved]
