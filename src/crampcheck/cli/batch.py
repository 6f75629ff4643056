"""`crampcheck batch`: assess many documents, one JSON object per line."""

from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import IO

import click

from crampcheck.assessment.engine import assess
from crampcheck.assessment.input import parse_input_json
from crampcheck.cli.common import chosen_country, language_option, translator
from crampcheck.errors import InputError, field_error
from crampcheck.files import keep_private

CHUNK_LINES = 200  # lines a worker assesses at a time (and the progress bar's step)
Chunk = list[tuple[int, bytes]]  # (line number, line as read: not yet decoded)


def _error_line(number: int, error: InputError) -> bytes:
    # For programs: the English message, the same whatever --language says (as the REST API).
    problems = [{"path": p.path, "message": p.message} for p in error.errors]
    error_object = {"line": number, "error": {"type": "input_error", "problems": problems}}
    return json.dumps(error_object).encode("utf-8")


def assess_line(
    number: int, line: bytes, language: str, country: str | None = None
) -> tuple[bytes, bool]:
    """One output line (UTF-8 JSON) and whether it is an assessment (else an error naming
    the line; a line that is not UTF-8 is such an error too)."""
    try:
        person = parse_input_json(line)
        return assess(person, language=language, country=country).to_json_bytes(), True
    except InputError as error:
        return _error_line(number, error), False
    except RecursionError:  # nested deeper than any part of the contract allows
        deep = InputError([field_error("$", "not valid JSON: nested too deeply")])
        return _error_line(number, deep), False
    except Exception:  # one line must never end the run for all the others
        failed = {"line": number, "error": {"type": "internal_error", "problems": []}}
        return json.dumps(failed).encode("utf-8"), False


def assess_chunk(chunk: Chunk, language: str, country: str | None) -> tuple[bytes, int]:
    """The output lines of a chunk, in order, as one block; and how many were assessed."""
    results = [assess_line(number, line, language, country) for number, line in chunk]
    return b"".join(result + b"\n" for result, _ in results), sum(ok for _, ok in results)


@click.command("batch")
@click.argument("source", type=click.File("rb"), metavar="IN.jsonl")
@click.option(
    "-o",
    "--output",
    type=click.File("wb", atomic=True),
    required=True,
    help="Where to write the results (JSON Lines, one per input line, in order).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0, max=256), default=1, show_default=True,
    help="Worker processes (0: one per core). Output stays in input order.",
)  # fmt: skip
@language_option
def batch_command(source: IO[bytes], output: IO[bytes], jobs: int, language: str | None) -> None:
    """Assess every line of a JSON Lines file.

    Each input line gives one output line, in order: the assessment, or
    {"line": N, "error": {...}} when that line is invalid. The run goes on after bad lines;
    a summary and a progress bar go to stderr. The output file is written atomically.
    The assessments are in --language; the error objects are for programs and keep their
    English messages.
    """
    keep_private(output)  # assessments are health data
    words = translator(language)
    lang = words.language
    size = _size(source)
    ok = bad = 0
    label = words.gettext("assessing")
    chunks = _chunks(source)
    workers = jobs or os.cpu_count() or 1
    with click.progressbar(length=size, label=label, file=sys.stderr) as bar:
        for chunk, (text, assessed) in _assessed(chunks, lang, chosen_country(), workers):
            bar.update(sum(len(line) for _, line in chunk))
            ok, bad = ok + assessed, bad + len(chunk) - assessed
            output.write(text)
    invalid = words.ngettext("{count} invalid line", "{count} invalid lines", bad)
    summary = words.gettext("{ok} assessed, {invalid}")
    click.echo(summary.format(ok=ok, invalid=invalid.format(count=bad)), err=True)


def _chunks(source: IO[bytes]) -> Iterator[Chunk]:
    numbered = enumerate(source, start=1)
    while chunk := list(islice(numbered, CHUNK_LINES)):
        yield chunk


def _assessed(
    chunks: Iterator[Chunk], language: str, country: str | None, workers: int
) -> Iterator[tuple[Chunk, tuple[bytes, int]]]:
    """Each chunk with its results, in input order; with several workers, a few chunks per
    worker are in flight at a time (memory stays bounded however long the file)."""
    if workers == 1:
        for chunk in chunks:
            yield chunk, assess_chunk(chunk, language, country)
        return
    from crampcheck.knowledge.loading import load_knowledge_base
    from crampcheck.processes import process_context

    load_knowledge_base()  # loaded once here: forked workers inherit it
    pending: deque[tuple[Chunk, Future[tuple[bytes, int]]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=process_context()) as pool:
        for chunk in chunks:
            pending.append((chunk, pool.submit(assess_chunk, chunk, language, country)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _size(source: IO[bytes]) -> int:
    try:
        return os.fstat(source.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        return 0
