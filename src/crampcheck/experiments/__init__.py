"""N-of-1 experiments: randomised block schedules comparing two options, and their storage."""

from crampcheck.experiments.schedule import OPTIONS, WASHOUT, ScheduleDay, plan_schedule
from crampcheck.experiments.store import (
    create_experiment,
    experiment_document,
    get_experiment,
    list_experiments,
    schedule_of,
)

__all__ = [
    "OPTIONS",
    "WASHOUT",
    "ScheduleDay",
    "create_experiment",
    "experiment_document",
    "get_experiment",
    "list_experiments",
    "plan_schedule",
    "schedule_of",
]
