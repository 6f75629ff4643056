"""Files that hold health data: readable by their owner only, whatever the umask.

The diary's database, its exports, the doctor's report and batch assessments are private:
they are created (or tightened, when they exist) with mode 0600, and their folder with 0700.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, TextIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private_folder(folder: Path, *, tighten: bool = False) -> None:
    """Create `folder` (and its parents) if missing; a folder created here is 0700. With
    `tighten`, an existing folder of ours is made 0700 too (for crampcheck's own data
    folder, which older versions created 0755; never the home folder itself)."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, PRIVATE_FOLDER)
        return
    ours = folder.is_dir() and folder.stat().st_uid == os.getuid()
    if tighten and ours and folder.resolve() != Path.home().resolve():
        os.chmod(folder, PRIVATE_FOLDER)


def make_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it is missing; tighten it to 0600 if it is an
    existing regular file of ours (another owner's file, or a device, is left alone)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        status = path.stat()
        if stat.S_ISREG(status.st_mode) and status.st_uid == os.getuid():
            os.chmod(path, PRIVATE_FILE)
        return
    os.fchmod(descriptor, PRIVATE_FILE)  # the umask may have taken bits away; set exactly
    os.close(descriptor)


def open_private_text(path: Path) -> TextIO:
    """Open `path` for writing UTF-8 text (truncated; newline translation off, as the csv
    module wants), mode 0600 even when it existed before with another mode."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.fchmod(descriptor, PRIVATE_FILE)
        return open(descriptor, "w", encoding="utf-8", newline="")
    except BaseException:
        os.close(descriptor)
        raise


def keep_private(stream: IO[bytes]) -> None:
    """Make the file behind an open `stream` 0600 when it is a regular file (standard output,
    a pipe or a terminal is left alone). For streams opened by others, e.g. click's atomic
    output file, whose temporary file would otherwise get the umask's mode."""
    try:
        descriptor = stream.fileno()
    except OSError:  # an in-memory stream (io.UnsupportedOperation): no file to protect
        return
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.fchmod(descriptor, PRIVATE_FILE)


def is_special_file(path: Path) -> bool:
    """Whether `path` exists and is not a regular file (a device, a pipe, a socket, a folder):
    something a report must never replace."""
    try:
        status = path.stat()
    except OSError:
        return False
    return not stat.S_ISREG(status.st_mode)
