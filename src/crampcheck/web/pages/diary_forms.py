"""Reading the diary forms: what was typed, the values it means, and an error per field.

Error messages are fixed English sentences (translated in the templates) that name the field
and what is allowed; they never echo what was typed, so nothing personal ends up in them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from crampcheck.diary import fields
from crampcheck.diary.bounds import EARLIEST_DAY, latest_day
from crampcheck.diary.records import CheckInValue, EpisodeRecord, FactorValue
from crampcheck.diary.times import machine_zone, zone_name, zone_named

FormValues = Mapping[str, Any]


def _(message: str) -> str:
    """Marks `message` for extraction; the templates translate it when they show it."""
    return message


MUSCLE_LABELS = {
    "calf": _("Calf"),
    "foot": _("Foot"),
    "thigh": _("Thigh"),
    "hamstring": _("Back of the thigh (hamstring)"),
    "other": _("Other"),
}
SIDE_LABELS = {"left": _("Left"), "right": _("Right"), "both": _("Both")}
INTENSITY_LABELS = {
    "none": _("None"),
    "light": _("Light"),
    "moderate": _("Moderate"),
    "intense": _("Intense"),
}
CHECKIN_LABELS = {
    "fluid_litres": _("Fluids (litres)"),
    "alcohol_units": _("Alcohol (units)"),
    "caffeine_cups": _("Caffeine (cups of coffee, tea or cola)"),
    "exercise_minutes": _("Exercise (minutes)"),
    "standing_hours": _("Standing (hours)"),
    "sitting_hours": _("Sitting (hours)"),
    "sleep_hours": _("Sleep (hours)"),
}
FACTOR_LABELS = {
    **CHECKIN_LABELS,
    "exercise_intensity": _("Exercise intensity (0 none to 3 intense)"),
    "stretched_before_bed": _("Stretched before bed"),
}
HOURS_FIELDS = ("standing_hours", "sitting_hours", "sleep_hours")
FACTOR_ROWS_EXTRA = 2  # empty rows for new custom factors on the check-in form
MAX_TEXT = 500
FUTURE_SLACK = timedelta(minutes=5)  # clocks of browser and server may differ a little

NOT_A_NUMBER = _("must be a number of 0 or more.")
NOT_HOURS = _("must be a number of hours from 0 to 24.")
BAD_SEVERITY = _("must be a whole number from 0 to 10.")
BAD_START = _("must be a date and time such as 2026-03-14T03:20.")
FUTURE_START = _("must not be in the future.")
EARLY_START = _("must be on or after 1900-01-01.")
DATE_OUT_OF_RANGE = _("must be a date from 1900-01-01 to tomorrow.")
HAS_NUL = _("must not contain a NUL character.")
BAD_CHOICE = _("choose one of the options.")
TOO_LONG = _("is too long (at most 500 characters).")
BAD_DATE = _("must be a date such as 2026-03-14.")
BAD_FACTOR_NAME = _("needs a name other than date or one of the fields above.")
BAD_FACTOR_VALUE = _("must be true, false or a number.")
FACTOR_TWICE = _("is given twice.")


def zone_of(text: object) -> tzinfo:
    """The browser's IANA zone sent by the page script, else this computer's zone."""
    if isinstance(text, str) and text.strip():
        try:
            return zone_named(text.strip())
        except ValueError:
            pass
    return machine_zone()


def _text(form: FormValues, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@dataclass
class EpisodeForm:
    """The cramp form as typed (`shown`), its values (`changes`) and errors by field."""

    shown: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    start: datetime | None = None
    time_zone: str | None = None
    changes: dict[str, Any] = field(default_factory=dict)

    def record(self, now: datetime) -> EpisodeRecord:
        """The new episode: the typed start, or `now` when the start was left empty."""
        return EpisodeRecord(start=self.start or now, time_zone=self.time_zone, **self.changes)


EPISODE_INPUTS = ("start", "duration_minutes", "muscle", "side", "severity", "woke", "helped")


def read_episode_form(form: FormValues, zone: tzinfo, now: datetime) -> EpisodeForm:
    """The details form of a cramp. An empty field means "not recorded"; the start is local
    time in `zone` (DST-correct, so back-dating across a clock change is right)."""
    shown = {name: _text(form, name) for name in EPISODE_INPUTS}
    result = EpisodeForm(shown=shown, time_zone=zone_name(zone))
    if shown["start"]:
        try:
            start = fields_start(shown["start"], zone)
        except ValueError:
            result.errors["start"] = BAD_START
        else:
            # The calendar day first: the instant of a year-1 or year-9999 time overflows.
            if start.date() < EARLIEST_DAY:
                result.errors["start"] = EARLY_START
            elif start.date() > latest_day() or start > now + FUTURE_SLACK:
                result.errors["start"] = FUTURE_START
            result.start = start
    changes = result.changes
    changes["duration_minutes"] = _number(shown, "duration_minutes", result.errors)
    changes["muscle"] = _choice(shown, "muscle", fields.MUSCLES, result.errors)
    changes["side"] = _choice(shown, "side", fields.SIDES, result.errors)
    changes["severity"] = None
    if shown["severity"]:
        try:
            changes["severity"] = fields.parse_severity(shown["severity"])
        except ValueError:
            result.errors["severity"] = BAD_SEVERITY
    changes["woke_from_sleep"] = _yes_no(shown, "woke", result.errors)
    changes["helped"] = shown["helped"] or None
    if len(shown["helped"]) > MAX_TEXT:
        result.errors["helped"] = TOO_LONG
    elif "\x00" in shown["helped"]:
        result.errors["helped"] = HAS_NUL
    return result


def fields_start(text: str, zone: tzinfo) -> datetime:
    """A `datetime-local` value (or ISO text) as an aware start in `zone`."""
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone)
    return parsed


def shown_episode(record: EpisodeRecord) -> dict[str, str]:
    """A stored episode as the form shows it (start in the local time it was logged in)."""
    woke = record.woke_from_sleep
    return {
        "start": record.start.replace(tzinfo=None).isoformat(timespec="minutes"),
        "duration_minutes": _plain(record.duration_minutes),
        "muscle": record.muscle or "",
        "side": record.side or "",
        "severity": "" if record.severity is None else str(record.severity),
        "woke": "" if woke is None else ("yes" if woke else "no"),
        "helped": record.helped or "",
    }


def _plain(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def _number(shown: dict[str, str], name: str, errors: dict[str, str]) -> float | None:
    if not shown[name]:
        return None
    try:
        value = fields.parse_number(shown[name])
    except ValueError:
        errors[name] = NOT_A_NUMBER
        return None
    if name in HOURS_FIELDS and value > 24:
        errors[name] = NOT_HOURS
    return value


def _choice(
    shown: dict[str, str], name: str, allowed: tuple[str, ...], errors: dict[str, str]
) -> str | None:
    if not shown[name]:
        return None
    if shown[name] not in allowed:
        errors[name] = BAD_CHOICE
        return None
    return shown[name]


def _yes_no(shown: dict[str, str], name: str, errors: dict[str, str]) -> bool | None:
    value = shown[name]
    if value not in ("", "yes", "no"):
        errors[name] = BAD_CHOICE
        return None
    return None if not value else value == "yes"


@dataclass
class CheckInForm:
    """The check-in form as typed, its values, custom factors and errors by field."""

    day: date | None
    shown: dict[str, str]
    factor_rows: list[tuple[str, str]]
    errors: dict[str, str] = field(default_factory=dict)
    values: dict[str, CheckInValue] = field(default_factory=dict)
    factors: dict[str, FactorValue | None] = field(default_factory=dict)


CHECKIN_INPUTS = (*fields.CHECKIN_NUMBERS, "exercise_intensity", "stretched")


def read_checkin_form(form: FormValues, stored_factors: Mapping[str, FactorValue]) -> CheckInForm:
    """The whole record of one diary day: an empty field is "not recorded" (cleared when it
    was recorded before), and a stored custom factor missing from the form is removed."""
    shown = {name: _text(form, name) for name in ("date", *CHECKIN_INPUTS)}
    rows = _factor_rows(form)
    result = CheckInForm(day=None, shown=shown, factor_rows=rows)
    try:
        result.day = fields.parse_day(shown["date"])
    except ValueError:
        result.errors["date"] = BAD_DATE
    else:
        if not EARLIEST_DAY <= result.day <= latest_day():
            result.errors["date"] = DATE_OUT_OF_RANGE
    for name in fields.CHECKIN_NUMBERS:
        result.values[name] = _number(shown, name, result.errors)
    result.values["exercise_intensity"] = _choice(
        shown, "exercise_intensity", fields.INTENSITIES, result.errors
    )
    result.values["stretched_before_bed"] = _yes_no(shown, "stretched", result.errors)
    result.factors = {name: None for name in stored_factors}
    seen: set[str] = set()
    for index, (name, value) in enumerate(rows):
        if not name and not value:
            continue
        if "\x00" in name:
            result.errors[f"factor-{index}"] = HAS_NUL
            continue
        try:
            checked = fields.check_factor_name(name)
        except ValueError:
            result.errors[f"factor-{index}"] = BAD_FACTOR_NAME
            continue
        if checked in seen:
            result.errors[f"factor-{index}"] = FACTOR_TWICE
            continue
        seen.add(checked)
        if len(checked) > 100:
            result.errors[f"factor-{index}"] = TOO_LONG
            continue
        try:
            result.factors[checked] = fields.parse_factor_value(value) if value else None
        except ValueError:
            result.errors[f"factor-{index}"] = BAD_FACTOR_VALUE
    return result


def _factor_rows(form: FormValues) -> list[tuple[str, str]]:
    getlist = getattr(form, "getlist", None)
    names = [str(item).strip() for item in getlist("factor_name")] if getlist else []
    values = [str(item).strip() for item in getlist("factor_value")] if getlist else []
    values += [""] * (len(names) - len(values))
    return list(zip(names, values, strict=False))[:50]


def shown_checkin(
    day: date, values: Mapping[str, CheckInValue], factors: Mapping[str, FactorValue]
) -> CheckInForm:
    """A stored (or empty) day as the form shows it, with room for new factors."""
    shown = {"date": day.isoformat()}
    for name in fields.CHECKIN_NUMBERS:
        value = values.get(name)
        shown[name] = _plain(float(value)) if isinstance(value, int | float) else ""
    intensity = values.get("exercise_intensity")
    shown["exercise_intensity"] = intensity if isinstance(intensity, str) else ""
    stretched = values.get("stretched_before_bed")
    shown["stretched"] = "" if stretched is None else ("yes" if stretched else "no")
    rows = [(name, factor_text(value)) for name, value in factors.items()]
    return CheckInForm(day=day, shown=shown, factor_rows=rows)


def factor_text(value: FactorValue) -> str:
    """A custom factor's value as typed: true, false or a plain number."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if math.isfinite(value) else str(value)


def with_blank_rows(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The factor rows plus empty ones for new factors."""
    return [*rows, *([("", "")] * FACTOR_ROWS_EXTRA)]
