"""The database tables, as typed SQLAlchemy ORM classes.

Times of cramps are stored as naive UTC (portable between SQLite and PostgreSQL) together with
the UTC offset the person was at, so their local clock time can be rebuilt exactly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Base of every table; `Base.metadata` is what the migrations describe."""

    # Named constraints, so later migrations can alter them on SQLite too.
    metadata = MetaData(
        naming_convention={
            "pk": "pk_%(table_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        }
    )


class EpisodeRow(Base):
    """One cramp. `start_utc` is unique: the same cramp imported twice is stored once."""

    __tablename__ = "episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_utc: Mapped[datetime] = mapped_column(DateTime(), unique=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    time_zone: Mapped[str | None] = mapped_column(String(64))
    duration_minutes: Mapped[float | None] = mapped_column(Float)
    muscle: Mapped[str | None] = mapped_column(String(16))
    side: Mapped[str | None] = mapped_column(String(8))
    severity: Mapped[int | None] = mapped_column(Integer)
    woke_from_sleep: Mapped[bool | None] = mapped_column(Boolean)
    helped: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class CheckInRow(Base):
    """One diary day's check-in (the day runs 06:00 to 06:00 local time)."""

    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    fluid_litres: Mapped[float | None] = mapped_column(Float)
    alcohol_units: Mapped[float | None] = mapped_column(Float)
    caffeine_cups: Mapped[float | None] = mapped_column(Float)
    exercise_minutes: Mapped[float | None] = mapped_column(Float)
    exercise_intensity: Mapped[str | None] = mapped_column(String(16))
    standing_hours: Mapped[float | None] = mapped_column(Float)
    sitting_hours: Mapped[float | None] = mapped_column(Float)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    stretched_before_bed: Mapped[bool | None] = mapped_column(Boolean)
    factors: Mapped[list[CustomFactorRow]] = relationship(
        back_populates="checkin", cascade="all, delete-orphan", order_by="CustomFactorRow.name"
    )


class CustomFactorRow(Base):
    """A factor the person tracks themselves: exactly one of `flag` and `number` is set."""

    __tablename__ = "checkin_factors"
    __table_args__ = (UniqueConstraint("checkin_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    flag: Mapped[bool | None] = mapped_column(Boolean)
    number: Mapped[float | None] = mapped_column(Float)
    checkin: Mapped[CheckInRow] = relationship(back_populates="factors")


class MedicationRow(Base):
    """A period of taking a medication; `stopped` is None while still taking it."""

    __tablename__ = "medications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    started: Mapped[date | None] = mapped_column(Date)
    stopped: Mapped[date | None] = mapped_column(Date)


class ExperimentRow(Base):
    """A planned N-of-1 experiment comparing options a and b in randomised blocks."""

    __tablename__ = "experiments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    option_a: Mapped[str] = mapped_column(Text)
    option_b: Mapped[str] = mapped_column(Text)
    period_days: Mapped[int] = mapped_column(Integer)
    blocks: Mapped[int] = mapped_column(Integer)
    washout_days: Mapped[int] = mapped_column(Integer)
    start: Mapped[date] = mapped_column(Date)
    seed: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(DateTime())
    days: Mapped[list[ExperimentDayRow]] = relationship(
        back_populates="experiment", cascade="all, delete-orphan", order_by="ExperimentDayRow.day"
    )


class ExperimentDayRow(Base):
    """What the schedule says for one day of an experiment: a, b or washout."""

    __tablename__ = "experiment_days"

    experiment_id: Mapped[str] = mapped_column(
        ForeignKey("experiments.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    option: Mapped[str] = mapped_column(String(8))
    experiment: Mapped[ExperimentRow] = relationship(back_populates="days")


class SavedAssessmentRow(Base):
    """An assessment kept for later: its input and result documents as JSON."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A random, unguessable name for the saved result (the web link); null for rows saved
    # before links existed. Sequential ids must never be what a link exposes.
    token: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    created: Mapped[datetime] = mapped_column(DateTime())
    input_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    result_json: Mapped[dict[str, Any]] = mapped_column(JSON)
