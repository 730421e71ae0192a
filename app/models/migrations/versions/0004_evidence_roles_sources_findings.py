"""coder roles, evidence stance, document sources, findings, project settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 08:30:00

Projects made before this revision keep printing real names in exports (their researchers
chose nothing yet); new projects pseudonymise by default, so the upgrade stores
``names_in_exports = real`` explicitly.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role", sa.String(length=16), server_default="primary", nullable=False)
        )
        batch_op.create_check_constraint("role", "role IN ('primary', 'second')")

    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stance", sa.String(length=16), server_default="supports", nullable=False)
        )
        batch_op.create_check_constraint("stance", "stance IN ('supports', 'absent', 'barrier')")

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "source_type", sa.String(length=16), server_default="interview", nullable=False
            )
        )
        batch_op.add_column(
            sa.Column("title", sa.String(length=255), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("source_date", sa.Date(), nullable=True))
        batch_op.create_check_constraint(
            "source_type",
            "source_type IN ('interview', 'observation', 'fgd', 'document', 'news', 'other')",
        )

    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("finding", sa.Text(), server_default="", nullable=False))

    settings = op.create_table(
        "project_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_project_settings")),
    )
    op.bulk_insert(settings, [{"key": "names_in_exports", "value": "real"}])


def downgrade() -> None:
    op.drop_table("project_settings")
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_column("finding")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_constraint("source_type", type_="check")
        batch_op.drop_column("source_date")
        batch_op.drop_column("title")
        batch_op.drop_column("source_type")
    with op.batch_alter_table("codings", schema=None) as batch_op:
        batch_op.drop_constraint("stance", type_="check")
        batch_op.drop_column("stance")
    with op.batch_alter_table("coders", schema=None) as batch_op:
        batch_op.drop_constraint("role", type_="check")
        batch_op.drop_column("role")
