"""The interview's answers travel in a signed hidden field: nothing is kept on the server
until the person chooses to save a result, and a tampered field is simply refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer

from crampcheck.interview import Answers

_SALT = "interview"


@dataclass
class InterviewProgress:
    """The answers so far, the order they were given in (for Back) and answers taken back
    with Back (shown again when their question comes up)."""

    answers: Answers = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    drafts: Answers = field(default_factory=dict)

    def previous_value(self, question_id: str) -> Any:
        """The answer to show pre-filled for a question (given or taken back), else None."""
        if question_id in self.answers:
            return self.answers[question_id]
        return self.drafts.get(question_id)


class InterviewSigner:
    """Turns `InterviewProgress` into a signed string and back."""

    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeSerializer(secret_key, salt=_SALT)

    def dumps(self, progress: InterviewProgress) -> str:
        """The signed form of `progress`."""
        data = {"a": progress.answers, "h": progress.history, "d": progress.drafts}
        return str(self._serializer.dumps(data))

    def loads(self, text: str | None) -> InterviewProgress | None:
        """The progress in `text`; None when it is missing, tampered with or malformed."""
        if not text:
            return InterviewProgress()
        try:
            data = self._serializer.loads(text)
        except BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        answers, history, drafts = data.get("a"), data.get("h"), data.get("d")
        if not (isinstance(answers, dict) and isinstance(history, list)):
            return None
        return InterviewProgress(answers, history, drafts if isinstance(drafts, dict) else {})
