"""Opening a project for the window: the read-only notice, the newest backup of a damaged
file (restored by :func:`app.models.backup.restore_backup`, as ``telaah restore`` does) and the
coder's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.models.backup import list_backups

translate = QCoreApplication.translate


def read_only_notice() -> str:
    return translate(
        "Startup",
        "This project is already open in another Telaah window. It is shown read-only here: "
        "close the other window to make changes.",
    )


def newest_backup(project: Path) -> Path | None:
    backups = list_backups(project)
    return backups[-1] if backups else None


def ask_coder_once(parent: object = None) -> str:
    """The name of whoever works on this machine, asked once and remembered (QSettings).

    Every coding, memo and comment records it. Cancelling keeps the suggested name.
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

    settings = QSettings()
    saved = str(settings.value("coder", "") or "").strip()
    if saved:
        return saved
    import getpass

    try:
        suggested = getpass.getuser()
    except (OSError, KeyError):
        suggested = ""
    name, ok = QInputDialog.getText(
        parent if isinstance(parent, QWidget) else None,
        translate("Startup", "Who is working?"),
        translate(
            "Startup",
            "Your name is stored with every coding, memo and comment you make, so that a "
            "supervisor or a second coder can tell whose work is whose.\n\nYour name:",
        ),
        QLineEdit.EchoMode.Normal,
        suggested,
    )
    chosen = (name if ok else suggested).strip() or suggested or "coder"
    settings.setValue("coder", chosen)
    return chosen
