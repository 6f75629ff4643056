"""crampcheck: explainable self-assessment and knowledge base for leg and calf cramps.

from crampcheck import assess
result = assess({"age": 67, "cramps": {"when": ["night"]}})
result.urgency          # "self_care"
result.concerns[0].id     # "idiopathic_nocturnal_cramps"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Assessment", "AssessmentInput", "InputError", "assess"]

if TYPE_CHECKING:
    from crampcheck.assessment.engine import assess
    from crampcheck.assessment.input import AssessmentInput
    from crampcheck.assessment.result import Assessment
    from crampcheck.errors import InputError


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import crampcheck` (and the CLI's start) stays light.
    if name == "assess":
        from crampcheck.assessment.engine import assess

        return assess
    if name == "Assessment":
        from crampcheck.assessment.result import Assessment

        return Assessment
    if name == "AssessmentInput":
        from crampcheck.assessment.input import AssessmentInput

        return AssessmentInput
    if name == "InputError":
        from crampcheck.errors import InputError

        return InputError
    raise AttributeError(name)
