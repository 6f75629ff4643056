"""The crampcheck exception tree.

    CrampcheckError                 base of everything crampcheck raises on purpose
    ├── InputError                  a document a person or program gave us is not acceptable;
    │                               one FieldError per problem (JSON path + what is allowed)
    ├── KnowledgeBaseError          a knowledge-base data file is invalid or inconsistent;
    │                               one KnowledgeBaseProblem per problem (file, line, item id)
    ├── StorageError                the database could not be read or written
    └── OutputError                 a file we were asked to write (a report) could not be
                                    written; nothing half-written is left behind

Every error renders to a message a person can act on; none of them should ever reach a user
as a traceback. The CLI maps InputError to exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass


class CrampcheckError(Exception):
    """Base class of all crampcheck errors."""


@dataclass(frozen=True)
class FieldError:
    """One problem in an input document.

    `path` is the JSON path of the field (``cramps.muscles[0]``; ``$`` for the whole document),
    `message` says what is wrong and what is allowed.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InputError(CrampcheckError):
    """The input is not acceptable; `errors` names every field at fault."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


@dataclass(frozen=True)
class KnowledgeBaseProblem:
    """One problem in the knowledge base, located by file, line and item id."""

    file: str
    line: int | None
    item_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        item = f" [{self.item_id}]" if self.item_id else ""
        return f"{where}{item}: {self.message}"


class KnowledgeBaseError(CrampcheckError):
    """The knowledge base failed validation; `problems` lists every problem found."""

    def __init__(self, problems: list[KnowledgeBaseProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class StorageError(CrampcheckError):
    """The database could not be read or written."""


class OutputError(CrampcheckError):
    """A file could not be written (no such folder, no permission, disk full, ...)."""
