"""codebook owner; on a server, change notifications and the codebook guard

A team project needs to know who created a codebook (a coder may drop only their own) and
to tell every open window what others changed (LISTEN/NOTIFY). The column is portable; the
triggers exist only on PostgreSQL (``app.models.live``).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 14:30:00
"""
from alembic import op
import sqlalchemy as sa

from app.models.live import WATCHED_TABLES, create_live_objects


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('codebooks') as batch_op:
        batch_op.add_column(sa.Column('owner', sa.String(length=100), nullable=True))
    create_live_objects(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in ('codings', *WATCHED_TABLES):
            op.execute(f'DROP TRIGGER IF EXISTS telaah_notify ON {table}')
        op.execute('DROP TRIGGER IF EXISTS telaah_owner ON codebooks')
        op.execute('DROP TRIGGER IF EXISTS telaah_guard ON codebooks')
    with op.batch_alter_table('codebooks') as batch_op:
        batch_op.drop_column('owner')
