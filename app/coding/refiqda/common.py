"""Small pieces shared by REFI-QDA export and import: names, GUIDs, dates, colours, and the
``[Telaah]`` block that carries what the standard has no element for.

Telaah-only data (a code's key, its name and definition in the second language, keywords and
reference; a codebook's key; an attribute's Telaah type) is appended to the element's
``Description`` after a line ``[Telaah]``, one ``field: value`` per line, continuation lines
indented by two spaces. Other tools show it as part of the description; Telaah reads it
back, so a round trip keeps both languages.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Telaah"
#: Namespace of the GUIDs Telaah derives (uuid5), so that re-exports are identical.
GUID_NAMESPACE = uuid.UUID("5b0f1c7e-3c55-4d62-9a57-1e2a7e1a7a11")
#: ``PlainTextSelection/Description`` of an illustrative ("starred") coding.
ILLUSTRATIVE_MARK = "Telaah: illustrative quote"
DETAILS_MARK = "[Telaah]"
#: Evidence stances a coding's ``[Telaah]`` block may name (anything else reads as supports).
STANCES = frozenset({"supports", "absent", "barrier"})
DEFAULT_COLOUR = "#888888"

_DETAILS_RE = re.compile(r"(?:\A|\n\n)\[Telaah\]\n")
_COLOUR_RE = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\Z")
_GUID_RE = re.compile(r"\{?([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})\}?\Z")


def guid(*parts: object) -> str:
    """A stable GUID for the object named by ``parts``."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(str(p) for p in parts)))


def norm_guid(value: str | None) -> str | None:
    """A GUID in canonical form (lowercase, no braces) for case-insensitive lookups."""
    if not value:
        return None
    match = _GUID_RE.match(value.strip())
    return match.group(1).lower() if match else value.strip().lower()


def local(tag: str) -> str:
    """The local name of an element tag, whatever its namespace."""
    return tag.rsplit("}", 1)[-1]


def children(element: Element, name: str) -> Iterator[Element]:
    """Direct children called ``name`` (any namespace)."""
    return (child for child in element if local(child.tag) == name)


def child(element: Element, name: str) -> Element | None:
    """The first direct child called ``name`` (any namespace), or None."""
    return next(children(element, name), None)


def child_text(element: Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "") if found is not None else ""


def timestamp(value: datetime | None) -> str | None:
    """An ``xsd:dateTime`` in UTC for a naive UTC datetime from the database."""
    if value is None:
        return None
    return value.replace(microsecond=0).isoformat() + "Z"


def parse_timestamp(value: str | None) -> datetime | None:
    """A naive UTC datetime from an ``xsd:dateTime``; None if absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def colour(value: str | None) -> str:
    """``#rrggbb`` from ``#RGB``/``#RRGGBB`` (with or without ``#``), else the default."""
    match = _COLOUR_RE.match((value or "").strip())
    if not match:
        return DEFAULT_COLOUR
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits}"


def with_details(text: str, fields: Mapping[str, str]) -> str:
    """``text`` followed by the ``[Telaah]`` block of the non-empty ``fields``."""
    lines = [
        f"{name}: " + value.strip().replace("\n", "\n  ")
        for name, value in fields.items()
        if value.strip()
    ]
    if not lines:
        return text
    block = DETAILS_MARK + "\n" + "\n".join(lines)
    return f"{text}\n\n{block}" if text else block


def split_details(text: str) -> tuple[str, dict[str, str]]:
    """The description without its ``[Telaah]`` block, and the block's fields."""
    matches = list(_DETAILS_RE.finditer(text))
    if not matches:
        return text, {}
    found = matches[-1]
    fields: dict[str, str] = {}
    current: str | None = None
    for line in text[found.end() :].split("\n"):
        if line.startswith("  ") and current is not None:
            fields[current] += "\n" + line[2:]
            continue
        name, sep, value = line.partition(": ")
        if sep and re.fullmatch(r"[a-z_]+", name):
            current = name
            fields[name] = value
    return text[: found.start()], fields
