"""What a doctor's report shows: plain data chosen by `gathering`, laid out by the renderers.

Kept apart from the gathering (which needs the database) so that a renderer in another process
can receive a `ReportData` without loading SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crampcheck.analysis.diary import DiaryAnalysis
from crampcheck.analysis.experiment import ExperimentAnalysis
from crampcheck.analysis.factors import FactorEffect
from crampcheck.assessment.result import AdviceItem, Assessment, Citation, MedicationResult


@dataclass(frozen=True)
class KeptAssessment:
    """An assessment for the report and the day it was made (kept, or assessed now)."""

    result: Assessment
    made: date


@dataclass(frozen=True)
class ExperimentReport:
    """One N-of-1 experiment: its options, schedule span and analysis."""

    name: str
    option_a: str
    option_b: str
    first_day: date
    last_day: date
    analysis: ExperimentAnalysis


@dataclass(frozen=True)
class DiarySummary:
    """The diary over the report period; `analysis` holds rates, trend and factors."""

    has_entries: bool
    cramp_days: int
    analysis: DiaryAnalysis
    factors: list[FactorEffect]  # only those with enough data


@dataclass(frozen=True)
class ReportData:
    """The content of one report, ready for a renderer."""

    produced: date
    start: date
    end: date
    disclaimer: str
    assessment: KeptAssessment | None
    medicines: list[MedicationResult]  # linked to cramps or with other relevant effects
    advice: list[AdviceItem]  # what to discuss with the doctor
    citations: list[Citation]  # sources cited by the concerns and advice shown
    diary: DiarySummary
    experiments: list[ExperimentReport]
