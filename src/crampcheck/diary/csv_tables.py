"""Reading the diary's CSV files into rows that remember their line numbers."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from crampcheck.errors import InputError, Wording, field_error, from_wording
from crampcheck.i18n import gettext_noop

LINE = gettext_noop("{file} line {line}")  # where a problem is: translated, as a sentence


@dataclass(frozen=True)
class CsvTable:
    """A CSV file's header and rows; `rows` pairs each row's first line number (the header is
    line 1) with its cells as a column-name mapping."""

    name: str
    header: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]


def read_table(path: Path) -> CsvTable:
    """Read a UTF-8 CSV file with a header row; InputError if it cannot be read."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read(path.name, handle)
    except OSError as error:
        # The system's reason ("No such file or directory") is given as it is.
        unreadable = field_error(str(path), "cannot read the file: {reason}", reason=error.strerror)
        raise InputError([unreadable]) from error
    except UnicodeDecodeError as error:
        raise InputError([field_error(str(path), "must be UTF-8 text")]) from error
    except csv.Error as error:
        raise InputError(
            [field_error(str(path), "not valid CSV: {reason}", reason=error)]
        ) from error


def _read(name: str, handle: TextIO) -> CsvTable:
    reader = csv.reader(handle)
    header_row = next(reader, None)
    if header_row is None:
        first_line = Wording(LINE, {"file": name, "line": 1})
        empty = Wording("the file is empty; it needs a header row")
        raise InputError([from_wording(first_line.english(), empty, first_line)])
    header = tuple(cell.strip() for cell in header_row)
    rows: list[tuple[int, dict[str, str]]] = []
    last_line = reader.line_num
    for cells in reader:
        line = last_line + 1
        last_line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank lines carry nothing
        rows.append((line, dict(zip(header, cells, strict=False))))
    return CsvTable(name=name, header=header, rows=rows)
