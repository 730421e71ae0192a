"""Switching the interface language (Bahasa Indonesia or English) at run time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

I18N_DIR = Path(__file__).with_name("i18n")
LANGUAGES = ("id", "en")
_installed: dict[int, list[QTranslator]] = {}
_applied: dict[int, str] = {}


def system_language() -> str:
    """``id`` when the system locale is Indonesian, else ``en``."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def saved_language() -> str:
    """The language chosen in the menu earlier, else the system language."""
    value = str(QSettings().value("language", "") or "")
    return value if value in LANGUAGES else system_language()


def current_language() -> str:
    """The language installed now (the saved one before any is installed)."""
    app = QCoreApplication.instance()
    applied = _applied.get(id(app), "") if app is not None else ""
    return applied or saved_language()


def apply_language(lang: str, *, remember: bool = False) -> None:
    """Install the translators for ``lang`` (English is the source language)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    key = id(app)
    for old in _installed.pop(key, []):
        app.removeTranslator(old)
    translators: list[QTranslator] = []
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(I18N_DIR / f"telaah_{lang}.qm")):
            translators.append(ours)
        # Qt's own dialogs (file dialog, message box buttons, wizard): Qt's translation when
        # PySide6 ships one, else ours (Qt has no Indonesian qtbase translation).
        qt = QTranslator(app)
        if qt.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ) or qt.load(str(I18N_DIR / f"qtbase_{lang}.qm")):
            translators.append(qt)
    for tr in translators:
        app.installTranslator(tr)
    _installed[key] = translators
    _applied[key] = lang
    if remember:
        QSettings().setValue("language", lang)
