"""A cache of validated knowledge-base objects, so that a command starts fast.

Validating and cross-checking the YAML files takes longer than the rest of a CLI start. The
validated objects are pickled into the user's cache directory under a fingerprint of the
crampcheck version and the bytes of every data file used: any edit to a file, or a new
version, builds and caches them afresh. A cache that cannot be read or written is ignored.
Only knowledge-base content is cached, never personal data.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import platformdirs

Built = TypeVar("Built")
DISABLE_VARIABLE = "CRAMPCHECK_NO_KB_CACHE"


def _code_stamp() -> str:
    """Sizes and times of the knowledge package's modules: a changed schema rebuilds the cache.

    (importlib.metadata would be simpler but costs 20 ms of imports on every start.)
    """
    package = Path(__file__).parent
    stats = (module.stat() for module in sorted(package.glob("*.py")))
    return ";".join(f"{stat.st_size}:{stat.st_mtime_ns}" for stat in stats)


def fingerprint(name: str, files: Iterable[Path]) -> str:
    """A digest of the entry's name, the knowledge code and the files' contents."""
    digest = hashlib.sha256(f"{name}\0{_code_stamp()}".encode())
    for path in sorted(files):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def cache_directory() -> Path:
    """Where validated knowledge is cached (CRAMPCHECK_CACHE_DIR overrides)."""
    override = os.environ.get("CRAMPCHECK_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("crampcheck", False))


def cached(name: str, files: Iterable[Path], build: Callable[[], Built]) -> Built:
    """`build()`'s result, from the cache when the files have not changed since it was made."""
    if os.environ.get(DISABLE_VARIABLE):
        return build()
    path = cache_directory() / f"{name}-{fingerprint(name, files)}.pickle"
    try:
        with path.open("rb") as stream:
            loaded: Built = pickle.load(stream)  # written by this module only
        return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, path)
    except (OSError, pickle.PicklingError):
        return
