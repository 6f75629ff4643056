"""crampcheck: explainable self-assessment and knowledge base for leg and calf cramps."""

from __future__ import annotations

__all__: list[str] = []
