"""The project lock shared by windows and the command line (``app/models/lock.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.models.lock import acquire_lock, lock_path

_HOLD = (
    "import sys; from pathlib import Path; from app.models.lock import acquire_lock; "
    "lock = acquire_lock(Path(sys.argv[1])); print('locked', lock is not None, flush=True); "
    "sys.stdin.read()"
)


def test_a_second_holder_in_the_same_process_is_refused_until_release(tmp_path: Path) -> None:
    project = tmp_path / "tesis.telaah"
    first = acquire_lock(project)
    assert first is not None
    assert acquire_lock(project) is None
    first.release()
    first.release()  # idempotent
    with acquire_lock(project) as again:  # type: ignore[union-attr]
        assert again.held
    assert lock_path(project).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tesis.telaah.lock"]


def test_a_crashed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    project = tmp_path / "tesis.telaah"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked True"
        assert acquire_lock(project) is None  # another process has it
    finally:
        holder.kill()  # no clean-up runs: the operating system drops its locks
        holder.communicate(timeout=30)
    lock = acquire_lock(project)
    assert lock is not None
    lock.release()


def test_an_old_text_lock_file_is_taken_over(tmp_path: Path) -> None:
    project = tmp_path / "tesis.telaah"
    lock_path(project).write_text("4242\ntelaah\nlaptop\n", encoding="utf-8")
    lock = acquire_lock(project)
    assert lock is not None
    assert acquire_lock(project) is None
    lock.release()


def test_no_lock_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    assert acquire_lock(tmp_path / "gone" / "tesis.telaah") is None
