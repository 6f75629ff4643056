"""The same input gives byte-for-byte the same result in every process, whatever the
process's string hashing (PYTHONHASHSEED): set order must never leak into a result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from crampcheck.contract.vocabulary import SYMPTOMS
from tests.support.shared import vignettes

BUSY_PERSON = {
    "age": 74,
    "sex": "female",
    "cramps": {"muscles": ["calf", "foot", "thigh"], "when": ["night", "walking"]},
    "symptoms": sorted(SYMPTOMS)[::2],
    "symptoms_denied": sorted(SYMPTOMS)[1::4],
    "conditions": ["diabetes", "chronic_kidney_disease", "heart_failure", "hypothyroidism"],
    "medications": ["furosemide", "Lipitor 20mg", "omeprazole", "ciprofloxacin", "HCTZ"],
    "medications_started_recently": ["ciprofloxacin"],
    "medications_stopped_recently": ["bendroflumethiazide"],
}
PROGRAM = """
import sys
from crampcheck import assess
from crampcheck.assessment.input import parse_input_json
for line in sys.stdin:
    print(assess(parse_input_json(line)).to_json())
"""


def _results(lines: str, seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        input=lines,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_results_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    documents = [entry["input"] for entry in vignettes()] + [BUSY_PERSON]
    lines = "".join(json.dumps(document) + "\n" for document in documents)
    first = _results(lines, "1")
    assert first.count("\n") == len(documents)
    for seed in ("2", "3", "4"):
        assert _results(lines, seed) == first, f"PYTHONHASHSEED={seed} changed a result"
