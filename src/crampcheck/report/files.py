"""`write_whole`: a file appears complete or not at all (a report is never left half-written)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crampcheck.errors import OutputError
from crampcheck.files import is_special_file


def write_whole(target: Path, write: Callable[[Path], Any]) -> None:
    """Call `write` with a temporary path beside `target`, then move the result into place.

    On any error the temporary file is removed and `target` is left as it was. OSError from
    the folder (missing, read-only) or the disk is raised unchanged. The file is readable by
    its owner only, as a report holds health data. Only a regular file is ever replaced:
    OutputError when `target` is a device (/dev/null), a pipe or a folder.
    """
    if is_special_file(target):
        raise OutputError(f"{target} is not a regular file; choose a file name for the report")
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        write(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
