"""the search index without triggers (project files run with trusted_schema off)

A project file is untrusted input, so Telaah's connections now run with ``trusted_schema``
off, and SQLite then refuses the FTS5 table inside any trigger ("unsafe use of virtual
table"). The index is kept by Telaah's own writes instead (``app.models.fts``); the three
triggers go. The index is rebuilt once from every text: files upgraded through 0004 had lost
the triggers with the rebuilt ``documents`` table, so documents imported since then were
missing from it. On PostgreSQL the search index is a GIN expression index the server keeps
itself: nothing changes there.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 20:15:00
"""
from alembic import op

from app.models.fts import LEGACY_TRIGGER_NAMES, LEGACY_TRIGGERS, rebuild_fts


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    for name in LEGACY_TRIGGER_NAMES:
        op.execute(f'DROP TRIGGER IF EXISTS {name}')
    rebuild_fts(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    for statement in LEGACY_TRIGGERS:
        op.execute(statement)
    rebuild_fts(bind)
