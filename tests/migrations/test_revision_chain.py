"""Opening a project reads the migration chain without Alembic; it must be Alembic's chain."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from app.models import project


def test_the_chain_read_from_the_files_is_alembics() -> None:
    script = ScriptDirectory.from_config(project._alembic_config())
    assert project.head_revision() == script.get_current_head()
    assert project._revision_chain() == {
        rev.revision: rev.down_revision for rev in script.walk_revisions()
    }
