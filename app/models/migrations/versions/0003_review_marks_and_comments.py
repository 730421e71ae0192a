"""review marks and comments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:02:37.593655
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('reply_to_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['coders.id'], name=op.f('fk_comments_author_id_coders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_comments_coding_id_codings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reply_to_id'], ['comments.id'], name=op.f('fk_comments_reply_to_id_comments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_coding', ['coding_id'], unique=False)

    op.create_table('review_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('agreed', 'questioned')", name=op.f('ck_review_marks_status')),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_review_marks_coding_id_codings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['coders.id'], name=op.f('fk_review_marks_reviewer_id_coders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_marks')),
    sa.UniqueConstraint('coding_id', 'reviewer_id', name=op.f('uq_review_marks_coding_id_reviewer_id'))
    )


def downgrade() -> None:
    op.drop_table('review_marks')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_coding')

    op.drop_table('comments')
