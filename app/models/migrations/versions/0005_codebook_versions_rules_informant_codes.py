"""codebook versions, decision rules of codes, informant codes of cases

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 08:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('codebooks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('codes', schema=None) as batch_op:
        for name in ('use_when_id', 'use_when_en', 'not_use_when_id', 'not_use_when_en'):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('informant_code', sa.String(length=32), nullable=True))
    # A bundled codebook installed before versions existed is version 1 of its file.
    op.execute("UPDATE codebooks SET version = 1 WHERE origin = 'bundled'")


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('informant_code')
    with op.batch_alter_table('codes', schema=None) as batch_op:
        for name in ('not_use_when_en', 'not_use_when_id', 'use_when_en', 'use_when_id'):
            batch_op.drop_column(name)
    with op.batch_alter_table('codebooks', schema=None) as batch_op:
        batch_op.drop_column('version')
