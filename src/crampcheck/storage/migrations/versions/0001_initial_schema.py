"""Initial schema: episodes, check-ins, medications, experiments, saved assessments.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 00:11:30.259870
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("input_json", sa.JSON(), nullable=False),
        sa.Column("result_json", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("fluid_litres", sa.Float(), nullable=True),
        sa.Column("alcohol_units", sa.Float(), nullable=True),
        sa.Column("caffeine_cups", sa.Float(), nullable=True),
        sa.Column("exercise_minutes", sa.Float(), nullable=True),
        sa.Column("exercise_intensity", sa.String(length=16), nullable=True),
        sa.Column("standing_hours", sa.Float(), nullable=True),
        sa.Column("sitting_hours", sa.Float(), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("stretched_before_bed", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("day", name=op.f("uq_checkins_day")),
    )
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("duration_minutes", sa.Float(), nullable=True),
        sa.Column("muscle", sa.String(length=16), nullable=True),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("woke_from_sleep", sa.Boolean(), nullable=True),
        sa.Column("helped", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episodes")),
        sa.UniqueConstraint("start_utc", name=op.f("uq_episodes_start_utc")),
    )
    op.create_table(
        "experiments",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("option_a", sa.Text(), nullable=False),
        sa.Column("option_b", sa.Text(), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=False),
        sa.Column("blocks", sa.Integer(), nullable=False),
        sa.Column("washout_days", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiments")),
    )
    op.create_table(
        "medications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("started", sa.Date(), nullable=True),
        sa.Column("stopped", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medications")),
    )
    op.create_table(
        "checkin_factors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("flag", sa.Boolean(), nullable=True),
        sa.Column("number", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkins.id"],
            name=op.f("fk_checkin_factors_checkin_id_checkins"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_factors")),
        sa.UniqueConstraint("checkin_id", "name", name=op.f("uq_checkin_factors_checkin_id_name")),
    )
    op.create_table(
        "experiment_days",
        sa.Column("experiment_id", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("option", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["experiments.id"],
            name=op.f("fk_experiment_days_experiment_id_experiments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("experiment_id", "day", name=op.f("pk_experiment_days")),
    )


def downgrade() -> None:

    op.drop_table("experiment_days")
    op.drop_table("checkin_factors")
    op.drop_table("medications")
    op.drop_table("experiments")
    op.drop_table("episodes")
    op.drop_table("checkins")
    op.drop_table("assessments")
