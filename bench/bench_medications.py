"""Matches per second of `match_medication` on exact and close-spelling names.

Run: PYTHONPATH=src python bench/bench_medications.py
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from crampcheck.medications import MedicationMatch, load_medication_catalog, match_medication
from crampcheck.medications.matcher import _match_cached

EXACT = ["Lipitor 20mg", "furosemide", "HCTZ 25 mg", "Dyazide", "omeprazole", "Ventolin inhaler"]
FUZZY = ["atorvastatine", "simvastatn", "Lipitr", "losarten", "metoprolo", "атарвастатин"]
UNKNOWN = ["xyzzyplex", "hydroxyzine", "asparaginase", "not a drug at all"]


def rate(names: Sequence[str], match: Callable[[str], MedicationMatch], seconds: float) -> float:
    """Matches per second over `names`, repeated for about `seconds`."""
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for name in names:
            match(name)
        count += len(names)
    return count / elapsed


def main() -> None:
    catalog = load_medication_catalog()

    def uncached(name: str) -> MedicationMatch:
        return _match_cached.__wrapped__(name, catalog)

    def cached(name: str) -> MedicationMatch:
        return match_medication(name, catalog)

    for label, names in (("exact", EXACT), ("fuzzy", FUZZY), ("unknown", UNKNOWN)):
        print(f"{label:8} uncached {rate(names, uncached, 1.0):>12,.0f} matches/s", end="")
        print(f"   cached {rate(names, cached, 0.5):>12,.0f} matches/s")


if __name__ == "__main__":
    main()
