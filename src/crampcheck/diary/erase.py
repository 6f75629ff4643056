"""Erasing a person's data: people may delete everything they have recorded."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from crampcheck.storage.models import (
    CheckInRow,
    CustomFactorRow,
    EpisodeRow,
    ExperimentDayRow,
    ExperimentRow,
    MedicationRow,
    SavedAssessmentRow,
)

# Children before parents, so no foreign key is ever left dangling.
_TABLES = (
    CustomFactorRow,
    CheckInRow,
    EpisodeRow,
    MedicationRow,
    ExperimentDayRow,
    ExperimentRow,
    SavedAssessmentRow,
)


def erase_everything(session: Session) -> None:
    """Delete every episode, check-in, medication, experiment and saved assessment."""
    for table in _TABLES:
        session.execute(delete(table))
