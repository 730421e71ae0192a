"""The transcript view's offsets: Qt counts UTF-16 units, the core code points. The one
converter is Qt-free and shared with REFI-QDA (:mod:`app.coding.offsets`)."""

from app.coding.offsets import OffsetMap, utf16_len

__all__ = ["OffsetMap", "utf16_len"]
