"""cell summaries (framework matrix) and the full-text index

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

from app.models.fts import FTS_TABLE, LEGACY_TRIGGERS, create_fts

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cell_summaries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('row_code_id', sa.Integer(), nullable=False),
    sa.Column('column_kind', sa.String(length=8), nullable=False),
    sa.Column('column_key', sa.String(length=512), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("column_kind IN ('case', 'attr', 'code')", name=op.f('ck_cell_summaries_column_kind')),
    sa.ForeignKeyConstraint(['row_code_id'], ['codes.id'], name=op.f('fk_cell_summaries_row_code_id_codes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cell_summaries')),
    sa.UniqueConstraint('row_code_id', 'column_kind', 'column_key', name=op.f('uq_cell_summaries_row_code_id_column_kind_column_key'))
    )
    bind = op.get_bind()
    create_fts(bind)
    if bind.dialect.name == 'sqlite':  # the triggers of this revision; 0014 drops them
        for statement in LEGACY_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP INDEX IF EXISTS documents_fts_simple')
        op.drop_table('cell_summaries')
        return
    for trigger in ('documents_fts_insert', 'documents_fts_delete', 'documents_fts_update'):
        op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
    op.execute(f'DROP TABLE IF EXISTS {FTS_TABLE}')
    op.drop_table('cell_summaries')
