"""The caches of built result items: bounded, and an item keeps exactly its own JSON."""

from __future__ import annotations

import orjson
import pytest

from crampcheck.assessment import wording
from crampcheck.assessment.result import PreSerialized
from crampcheck.assessment.wording import ItemCache


def test_a_kept_item_carries_its_own_json() -> None:
    cache: ItemCache[dict[str, object]] = ItemCache()
    item = {"id": "stretch_calf", "why": ["cramps.muscles: calf — Calf"], "verify": False}
    kept = cache.keep(("stretch_calf", ()), item)
    assert isinstance(kept, PreSerialized)
    assert kept == item
    assert kept.raw == orjson.dumps(item)
    assert cache[("stretch_calf", ())] is kept


def test_a_full_cache_starts_again_instead_of_growing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wording, "MAX_CACHED_ITEMS", 3)
    cache: ItemCache[dict[str, int]] = ItemCache()
    for number in range(3):
        cache.keep(number, {"n": number})
    assert len(cache) == 3
    cache.keep(3, {"n": 3})
    assert list(cache) == [3]
