"""`process_context`: how crampcheck starts helper processes (the report's PDF writer, batch
workers)."""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.context import BaseContext


def process_context() -> BaseContext:
    """Fork while this process runs a single thread, else spawn.

    A forked helper starts at once with this process's modules and knowledge base loaded
    (a spawned one needs ~0.8 s to import them again) and exits without tearing down. Forking
    is safe only while one thread runs: the command line does; a test runner or a server may
    not, and then a fresh interpreter is spawned.
    """
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
