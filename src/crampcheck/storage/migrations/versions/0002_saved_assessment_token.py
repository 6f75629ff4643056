"""Saved assessments get an unguessable token, so a web link never exposes a sequential id.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("assessments", sa.Column("token", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_assessments_token"), "assessments", ["token"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_assessments_token"), table_name="assessments")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("token")
