"""Batch throughput of this tree against an earlier commit, in the same run on the same core.

    PYTHONPATH=src .venv/bin/python bench/throughput_against.py REV [--seconds 4] [--rounds 3]

Checks REV out into a temporary git worktree and measures, taking turns, what a batch does
for each line (parse + assess + JSON) with REV's code and with this tree's, on the same
documents: the development vignettes, and 3,000 different people made by REV's own
`bench/population.py` (so that REV's contract accepts every one of them). Prints the best
round of each, in assessments per second on one core, and the change. It asserts nothing.

Issue #16 asks that the plain package's batch figure not fall below that of 3960fee (the
tree when the issue was filed, run as plain Python).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VIGNETTES = REPO.parent / "shared" / "eval" / "dev-vignettes.json"

# Runs in a fresh interpreter with one tree's `src` on the path: the batch step, then the
# best of a few timed passes. Trees before the typed result had `assess_json`.
MEASURE = """
import importlib, sys, time
lines = open(sys.argv[1]).read().splitlines()
seconds = float(sys.argv[2])
from crampcheck.assessment.input import parse_input_json
try:
    from crampcheck.knowledge.loading import load_knowledge_base
except ImportError:
    from crampcheck.knowledge.base import load_knowledge_base
knowledge = load_knowledge_base()
engine = importlib.import_module("crampcheck.assessment.engine")
if hasattr(engine, "assess_json"):
    step = lambda line: engine.assess_json(parse_input_json(line), knowledge=knowledge)
else:
    step = lambda line: engine.assess(parse_input_json(line), knowledge=knowledge).to_json_bytes()
for line in lines:
    step(line)
done, start = 0, time.perf_counter()
while time.perf_counter() - start < seconds:
    for line in lines:
        step(line)
    done += len(lines)
print(done / (time.perf_counter() - start))
"""

POPULATION = """
import json, sys
sys.path.insert(0, sys.argv[1])
from population import population
for person in population(3000):
    print(json.dumps(person))
"""


def rate(source: Path, documents: Path, seconds: float, cache: Path) -> float:
    """Assessments per second of the tree whose package is in `source`, on one core."""
    environment = dict(os.environ, PYTHONPATH=str(source), CRAMPCHECK_CACHE_DIR=str(cache))
    command = [sys.executable, "-c", MEASURE, str(documents), str(seconds)]
    core = min(os.sched_getaffinity(0))
    output = subprocess.run(
        command, env=environment, check=True, capture_output=True, text=True,
        preexec_fn=lambda: os.sched_setaffinity(0, {core}),
    ).stdout  # fmt: skip
    return float(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the commit to compare with, e.g. 3960fee")
    parser.add_argument("--seconds", type=float, default=4.0, help="time per timed pass")
    parser.add_argument("--rounds", type=int, default=3, help="passes per tree (best counts)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        earlier = work / "earlier"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(earlier), args.rev],
            check=True,
        )
        try:
            compare(args, work, earlier)
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(earlier)], check=True
            )


def compare(args: argparse.Namespace, work: Path, earlier: Path) -> None:
    vignettes = work / "vignettes.jsonl"
    inputs = [json.dumps(v["input"]) for v in json.loads(VIGNETTES.read_text())]
    vignettes.write_text("\n".join(inputs) + "\n")
    people = work / "population.jsonl"
    made = subprocess.run(
        [sys.executable, "-c", POPULATION, str(earlier / "bench")],
        env=dict(os.environ, PYTHONPATH=str(earlier / "src")),
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    people.write_text(made)
    trees = {args.rev: earlier / "src", "this tree": REPO / "src"}
    print(f"batch (parse + assess + JSON), assessments/s on one core, best of {args.rounds}:")
    for name, documents in (("vignettes", vignettes), ("population", people)):
        best = dict.fromkeys(trees, 0.0)
        for _ in range(args.rounds):  # taking turns, so that both see the same machine
            for tree, source in trees.items():
                cache = work / f"cache-{tree.replace(' ', '-')}"
                best[tree] = max(best[tree], rate(source, documents, args.seconds, cache))
        before, after = best[args.rev], best["this tree"]
        print(
            f"  {name:11} {args.rev}: {before:7.0f}   this tree: {after:7.0f}   "
            f"change: {after / before - 1:+.0%}"
        )


if __name__ == "__main__":
    main()
