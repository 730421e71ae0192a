"""the speaker index holds only the segments that have a speaker

The speaker filter lists the distinct speakers of the turns (0013 indexed every segment by
kind and speaker for it). Paragraphs never have a speaker, so half of that index was
paragraph rows that no query reads, and every import wrote them: the index now holds only
the rows with a speaker, by speaker and kind. The filter's query names ``speaker IS NOT
NULL``, so SQLite and PostgreSQL both answer it from this partial index.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_HAS_SPEAKER = sa.text('speaker IS NOT NULL')


def upgrade() -> None:
    op.drop_index('ix_segments_kind_speaker', table_name='segments')
    op.create_index(
        'ix_segments_speaker',
        'segments',
        ['speaker', 'kind'],
        sqlite_where=_HAS_SPEAKER,
        postgresql_where=_HAS_SPEAKER,
    )


def downgrade() -> None:
    op.drop_index('ix_segments_speaker', table_name='segments')
    op.create_index('ix_segments_kind_speaker', 'segments', ['kind', 'speaker'])
