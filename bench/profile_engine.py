"""Where the engine's time goes: instructions per assessment, by line of the compiled modules.

    .venv/bin/python bench/profile_engine.py [--people 200] [--mode batch|engine|parse]

Wall-clock figures on a shared machine vary by a third from run to run; instruction counts
under valgrind's callgrind vary by a few percent, so they tell a real gain from noise. The
script warms up on 1,500 people from `population.py`, then counts only the measured loop
(callgrind_control switches the instrumentation on and off around it) and prints:

- instructions per assessment for the mode (batch = parse + assess + JSON);
- the costliest lines of the Cython-compiled modules (`scripts/bootstrap` builds them), each
  with the instructions of what it calls: a line's figure includes its callees, so the
  figures nest and do not add up.

Needs valgrind (`apt-get install valgrind`); takes ~5 minutes. It asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "crampcheck" / "assessment"
WARM_UP = 1_500
# Cython writes the Python line before the C code of each statement.
STATEMENT = re.compile(r'\s*/\* "crampcheck/assessment/(\w+)\.py":(\d+)')
# The C functions holding a module's own code (not Cython's helpers).
OWN_FUNCTION = re.compile(r"^static .*__pyx_(p[fw]|f|gb)_")
COST = re.compile(r"^([+-]\d+|\*|\d+) (\d+)")
NAMED = re.compile(r"\((\d+)\)(?: (.*))?")

PyLine = tuple[str, int]  # module name, line number


def measured_loop(people: int, mode: str) -> None:
    """The workload (run inside valgrind): warm up, then count `people` assessments."""
    sys.path.insert(0, str(REPO / "bench"))
    from population import population

    from crampcheck.assessment.engine import assess_json
    from crampcheck.assessment.input import parse_input_json
    from crampcheck.knowledge.base import load_knowledge_base

    knowledge = load_knowledge_base()
    lines = [json.dumps(person) for person in population(WARM_UP + people)]
    parsed = [parse_input_json(line) for line in lines]
    for person in parsed[:WARM_UP]:
        assess_json(person, knowledge=knowledge)
    switch("on")
    if mode == "engine":
        for person in parsed[WARM_UP:]:
            assess_json(person, knowledge=knowledge)
    elif mode == "parse":
        for line in lines[WARM_UP:]:
            parse_input_json(line)
    else:
        for line in lines[WARM_UP:]:
            assess_json(parse_input_json(line), knowledge=knowledge)
    switch("off")


def switch(state: str) -> None:
    command = ["callgrind_control", "--instr=" + state, str(os.getpid())]
    subprocess.run(command, check=True, capture_output=True)


def run_callgrind(people: int, mode: str, out: Path) -> int:
    """Run the measured loop under callgrind; the instructions it counted."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out}",
        sys.executable,
        __file__,
        "--inside",
        f"--people={people}",
        f"--mode={mode}",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit("callgrind reported no count:\n" + done.stderr[-2000:])
    return int(found.group(1))


def statement_lines(c_file: str) -> list[PyLine | None]:
    """For each line of a generated C file, the Python line its code belongs to."""
    lines: list[PyLine | None] = []
    current: PyLine | None = None
    inside = False
    for text in Path(c_file).read_text(errors="replace").splitlines():
        if OWN_FUNCTION.match(text) and not text.rstrip().endswith(";"):
            inside, current = True, None
        statement = STATEMENT.match(text)
        if statement and inside:
            current = (statement.group(1), int(statement.group(2)))
        lines.append(current if inside else None)
        if text.startswith("}"):
            inside = False
    return lines


def line_costs(out: Path) -> collections.Counter[PyLine]:
    """Instructions by Python line: the line's own plus those of the calls made from it.

    Reads callgrind's format: `fl=`/`fi=`/`fe=` name the file of the lines that follow
    (names are compressed to "(id) name" on first use), a cost line is "position cost" with
    the position absolute, relative (+n/-n) or unchanged (*). Code inlined from headers or
    Cython's helpers is counted at the last line of the module's own code before it.
    """
    names: dict[str, str] = {}
    maps: dict[str, list[PyLine | None]] = {}
    costs: collections.Counter[PyLine] = collections.Counter()
    function_file = current_file = ""
    position = last_own = 0

    def named(rest: str) -> str:
        found = NAMED.match(rest)
        if not found:
            return rest
        if found.group(2):
            names[found.group(1)] = found.group(2)
        return names.get(found.group(1), "?")

    for raw in out.read_text().splitlines():
        if raw.startswith("fl="):
            function_file = current_file = named(raw[3:])
            position = 0
        elif raw.startswith(("fi=", "fe=")):
            current_file = named(raw[3:])
        elif raw.startswith("fn="):
            current_file, last_own = function_file, 0
        elif raw.startswith(("cfi=", "cfl=")):
            named(raw[4:])
        elif cost := COST.match(raw):
            step, instructions = cost.group(1), int(cost.group(2))
            if step[0] in "+-":
                position += int(step)
            elif step != "*":
                position = int(step)
            if not function_file.startswith(str(PACKAGE)) or not function_file.endswith(".c"):
                continue
            lines = maps.setdefault(function_file, statement_lines(function_file))
            own = current_file == function_file and 0 < position <= len(lines)
            if own and lines[position - 1]:
                last_own = position
            if last_own:
                line = lines[last_own - 1]
                if line:
                    costs[line] += instructions
    return costs


def source_text(line: PyLine, cache: dict[str, list[str]]) -> str:
    module, number = line
    if module not in cache:
        cache[module] = (PACKAGE / f"{module}.py").read_text().splitlines()
    return cache[module][number - 1].strip()[:88]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--mode", choices=("batch", "engine", "parse"), default="batch")
    parser.add_argument("--top", type=int, default=40, help="how many lines to show")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        measured_loop(args.people, args.mode)
        return
    if not list(PACKAGE.glob("*.so")):
        print("note: no compiled modules (run scripts/bootstrap); no lines to show")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        total = run_callgrind(args.people, args.mode, out)
        print(f"{args.mode}: {total / args.people:,.0f} instructions per assessment")
        texts: dict[str, list[str]] = {}
        for line, instructions in line_costs(out).most_common(args.top):
            where = f"{line[0]}.py:{line[1]}"
            print(f"{instructions / args.people:10,.0f}  {where:<16} {source_text(line, texts)}")


if __name__ == "__main__":
    main()
