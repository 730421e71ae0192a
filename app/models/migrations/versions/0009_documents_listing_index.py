"""covering index of the documents' small columns

The text of a document is stored in the row before its length and source type, so reading
those columns of every document walks every text's overflow pages: a fifth of a second on a
project of 2,500 transcripts, for the document list and every analysis. The index holds the
small columns, so listing documents never touches their texts.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-02 09:40:00
"""
from alembic import op


revision = '0009'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        'ix_documents_listing', 'documents', ['name', 'id', 'format', 'length', 'source_type']
    )


def downgrade() -> None:
    op.drop_index('ix_documents_listing', table_name='documents')
