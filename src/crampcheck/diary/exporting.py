"""Exporting the diary: CSV in the import format and JSON of everything.

CSV files are opened by spreadsheets, which run a cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)``, ``=cmd|...``). Free-text
cells (what helped, notes) and header names (custom factors) that begin so get a leading
``'``, as OWASP recommends ("CSV Injection"); the import keeps that quote as written, so such a
text comes back with it, and every other cell round-trips exactly. Number and date cells are
never changed: ``-2`` stays a number.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from crampcheck.diary.checkins import list_checkins
from crampcheck.diary.episodes import list_episodes
from crampcheck.diary.fields import CHECKIN_COLUMNS
from crampcheck.diary.medications import list_medications
from crampcheck.diary.records import EPISODE_FIELDS, CheckInRecord, EpisodeRecord
from crampcheck.experiments.store import experiment_document, list_experiments
from crampcheck.files import open_private_text

# `time_zone` is an extra column (allowed by the spec) so the zone survives a round trip.
EPISODE_COLUMNS = ("start", *EPISODE_FIELDS, "time_zone")
TEXT_COLUMNS = ("helped", "notes", "time_zone")  # written as typed: may look like a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JSON_FORMAT = "crampcheck-diary"
JSON_VERSION = 1


def episode_cells(record: EpisodeRecord) -> dict[str, str]:
    """An episode as CSV cells: start in local time with its offset, empty when not recorded."""
    values: dict[str, Any] = {name: getattr(record, name) for name in EPISODE_FIELDS}
    values["start"] = record.start.isoformat()
    values["time_zone"] = record.time_zone
    cells = {name: _cell(values[name]) for name in EPISODE_COLUMNS}
    cells.update({name: neutralise_formula(cells[name]) for name in TEXT_COLUMNS})
    return cells


def neutralise_formula(text: str) -> str:
    """`text`, with a leading ``'`` when a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def checkin_cells(record: CheckInRecord) -> dict[str, str]:
    """A check-in as CSV cells: standard columns, then its custom factors."""
    cells = {"date": record.day.isoformat()}
    cells.update({name: _cell(record.values.get(name)) for name in CHECKIN_COLUMNS})
    cells.update({name: _cell(value) for name, value in record.factors.items()})
    return cells


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def export_episodes_csv(session: Session, path: Path) -> int:
    """Write every episode to `path`; returns how many."""
    records = [EpisodeRecord.from_row(row) for row in list_episodes(session)]
    _write_csv(path, EPISODE_COLUMNS, (episode_cells(record) for record in records))
    return len(records)


def export_checkins_csv(session: Session, path: Path) -> int:
    """Write every check-in to `path` (one column per custom factor used); returns how many."""
    records = [CheckInRecord.from_row(row) for row in list_checkins(session)]
    factor_names = sorted({name for record in records for name in record.factors})
    columns = ("date", *CHECKIN_COLUMNS, *factor_names)
    _write_csv(path, columns, (checkin_cells(record) for record in records))
    return len(records)


def _write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> None:
    with open_private_text(path) as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise_formula(name) for name in columns])
        writer.writerows([row.get(name, "") for name in columns] for row in rows)


def diary_document(session: Session) -> dict[str, Any]:
    """Everything the person recorded, as one JSON-ready document."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "episodes": [episode_json(EpisodeRecord.from_row(row)) for row in list_episodes(session)],
        "checkins": [checkin_json(CheckInRecord.from_row(row)) for row in list_checkins(session)],
        "medications": [
            {
                "name": row.name,
                "started": row.started.isoformat() if row.started else None,
                "stopped": row.stopped.isoformat() if row.stopped else None,
            }
            for row in list_medications(session)
        ],
        "experiments": [experiment_document(row) for row in list_experiments(session)],
    }


def episode_json(record: EpisodeRecord, episode_id: int | None = None) -> dict[str, Any]:
    """An episode as JSON: start in local time with offset, its zone and every field."""
    document: dict[str, Any] = {} if episode_id is None else {"id": episode_id}
    document["start"] = record.start.isoformat()
    document["time_zone"] = record.time_zone
    document.update({name: getattr(record, name) for name in EPISODE_FIELDS})
    return document


def checkin_json(record: CheckInRecord) -> dict[str, Any]:
    """A check-in as JSON: date, recorded standard fields and custom factors."""
    return {"date": record.day.isoformat(), **record.values, "factors": dict(record.factors)}


def export_json(session: Session, path: Path) -> None:
    """Write `diary_document` to `path`."""
    text = json.dumps(diary_document(session), indent=2, ensure_ascii=False)
    with open_private_text(path) as handle:
        handle.write(text + "\n")
