"""Print how long loading, indexing and searching the claims take (targets: build < 150 ms,
query < 5 ms). Run: PYTHONPATH=src python bench/claims_search.py"""

from __future__ import annotations

import statistics
import time

from crampcheck.claims import ClaimIndex, load_claims_file

QUERIES = [
    "does a needle prick stop a cramp?",
    "is magnesium good for cramps",
    "tonic water",
    "should I drink more water",
    "bananas potassium",
    "pickle juice",
    "vodka tincture for children",
    "is a cramp that lasts 20 minutes normal",
    "magnesum",
]


def main() -> None:
    start = time.perf_counter()
    claims_file = load_claims_file()
    loaded = time.perf_counter()
    index = ClaimIndex(claims_file)
    built = time.perf_counter()
    print(f"load + validate claims.yaml: {1000 * (loaded - start):6.1f} ms")
    print(f"first index build (cold):    {1000 * (built - loaded):6.1f} ms")
    builds = []
    for _ in range(10):
        start = time.perf_counter()
        ClaimIndex(claims_file)
        builds.append(time.perf_counter() - start)
    print(f"index build (warm, median):  {1000 * statistics.median(builds):6.1f} ms")
    for query in QUERIES:
        times = []
        for _ in range(50):
            start = time.perf_counter()
            index.search(query)
            times.append(time.perf_counter() - start)
        print(f"query median {1000 * statistics.median(times):5.2f} ms  {query}")


if __name__ == "__main__":
    main()
