"""Where the diary, experiments and saved assessments are kept (SQLite or PostgreSQL)."""

from crampcheck.storage.engine import create_engine_for, session_factory, session_scope
from crampcheck.storage.migrate import upgrade_database
from crampcheck.storage.models import (
    Base,
    CheckInRow,
    CustomFactorRow,
    EpisodeRow,
    ExperimentDayRow,
    ExperimentRow,
    MedicationRow,
    SavedAssessmentRow,
)

__all__ = [
    "Base",
    "CheckInRow",
    "CustomFactorRow",
    "EpisodeRow",
    "ExperimentDayRow",
    "ExperimentRow",
    "MedicationRow",
    "SavedAssessmentRow",
    "create_engine_for",
    "session_factory",
    "session_scope",
    "upgrade_database",
]
