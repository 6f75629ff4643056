"""Assessment speed: assessments per second on one core, CLI cold start, knowledge-base load.

    .venv/bin/python bench/bench_assess.py [--seconds 5]

Targets (issue 2): >= 5,000 assessments/s in batch, `crampcheck assess FILE` <= 0.5 s wall,
knowledge-base load <= 0.3 s. Prints its figures; it asserts nothing. (Issue #16's target,
no slower than an earlier commit, is measured by `throughput_against.py`, in the same run.)

Throughput is measured on two mixes: the development vignettes with a few minimal documents
(24 documents, repeated), and 5,000 different people from `population.py`, each assessed
once per pass, so that no cache of whole or partial results can make the figure look better
than a real batch would see.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from population import population

REPO = Path(__file__).resolve().parents[1]
VIGNETTES = REPO.parent / "shared" / "eval" / "dev-vignettes.json"
MINIMAL = [
    {"age": 45},
    {"age": 67, "cramps": {"when": ["night"], "per_week": 2}},
    {"age": 30, "sex": "female", "pregnancy_weeks": 30, "cramps": {"muscles": ["calf"]}},
    {"age": 22, "cramps": {"when": ["during_exercise"]}, "lifestyle": {"exercise": "intense"}},
]


def inputs() -> list[dict[str, Any]]:
    """A mix: the development vignettes (rich, many with medicines) and minimal documents."""
    vignettes = [v["input"] for v in json.loads(VIGNETTES.read_text())]
    return vignettes + MINIMAL


def throughput(documents: list[dict[str, Any]], seconds: float) -> tuple[float, float]:
    """Assessments per second: engine only (validated input in, result JSON out), and parse
    + assess + JSON (what batch and the REST API do)."""
    from crampcheck.assessment.engine import assess
    from crampcheck.assessment.input import parse_input, parse_input_json
    from crampcheck.knowledge.loading import load_knowledge_base

    knowledge = load_knowledge_base()
    people = [parse_input(d) for d in documents]
    lines = [json.dumps(d) for d in documents]

    def assess_json(person: Any) -> bytes:
        return assess(person, knowledge=knowledge).to_json_bytes()

    for person in people:  # warm caches (medicine names, labels)
        assess_json(person)

    def rate(step: Any, items: list[Any]) -> float:
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for item in items:
                step(item)
            done += len(items)
        return done / (time.perf_counter() - start)

    engine = rate(assess_json, people)
    batch = rate(lambda line: assess_json(parse_input_json(line)), lines)
    return engine, batch


def wall(command: list[str], runs: int = 7) -> float:
    """Median wall time of a command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def knowledge_load() -> tuple[float, float]:
    """Seconds to load the knowledge base: from the YAML files, and from the cache."""
    code = (
        "import time; t=time.perf_counter();"
        "from crampcheck.knowledge.loading import load_knowledge_base; load_knowledge_base();"
        "print(time.perf_counter()-t)"
    )
    with tempfile.TemporaryDirectory() as empty_cache:
        fresh = dict(os.environ, CRAMPCHECK_CACHE_DIR=empty_cache)
        cold = float(subprocess.run([sys.executable, "-c", code], env=fresh, check=True,
                                    capture_output=True, text=True).stdout)  # fmt: skip
        warm = float(subprocess.run([sys.executable, "-c", code], env=fresh, check=True,
                                    capture_output=True, text=True).stdout)  # fmt: skip
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time per throughput run")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    for name, documents in (("vignettes", inputs()), ("population", population(5000))):
        engine, batch = throughput(documents, args.seconds)
        print(f"{name + ', engine only:':38}{engine:8.0f} assessments/s (one core)")
        print(f"{name + ', batch (parse+assess+JSON):':38}{batch:8.0f} assessments/s "
              "(one core; target >= 5000)")  # fmt: skip
    cold, warm = knowledge_load()
    print(
        f"knowledge base load:        {cold:8.3f} s from YAML, {warm:.3f} s cached (target <= 0.3)"
    )
    cli = Path(sys.executable).with_name("crampcheck")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as document:
        json.dump(inputs()[0], document)
    print(f"crampcheck assess FILE:     {wall([str(cli), 'assess', document.name]):8.3f} s wall "
          "(median of 7; target <= 0.5)")  # fmt: skip
    os.unlink(document.name)


if __name__ == "__main__":
    main()
