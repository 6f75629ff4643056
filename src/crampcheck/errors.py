"""The crampcheck exception tree.

    CrampcheckError                 base of everything crampcheck raises on purpose
    ├── InputError                  a document a person or program gave us is not acceptable;
    │                               one FieldError per problem (JSON path + what is allowed)
    ├── KnowledgeBaseError          a knowledge-base data file is invalid or inconsistent;
    │                               one KnowledgeBaseProblem per problem (file, line, item id)
    ├── StorageError                the database could not be read or written
    │   └── DatabaseBusy            another program holds the database's write lock and did
    │                               not let go within the wait (try again in a moment)
    └── OutputError                 a file we were asked to write (a report) could not be
                                    written; nothing half-written is left behind

    ValueError
    └── InvalidValue                a parser shared by the CLI, the CSV import and the forms
                                    refused a value; its message is a translatable Wording

Every error renders to a message a person can act on; none of them should ever reach a user
as a traceback. The CLI maps InputError to exit code 2.

Input-error messages are English sentences with ``{placeholders}`` (`Wording`), built with
`field_error` (or `plural_field_error`, `field_error_from`) so that ``scripts/extract-messages``
finds every one. `FieldError.message` is always the filled-in English text — what logs, the
batch output and the REST API show, stable whatever the language — and
`FieldError.translated(translator)` is what a person reads in their language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crampcheck.i18n import Translator


class CrampcheckError(Exception):
    """Base class of all crampcheck errors."""


@dataclass(frozen=True, eq=False)  # values may be unhashable; compared by identity
class Wording:
    """A translatable English sentence: `template` with ``{placeholders}`` filled from `values`.

    With `plural`, `template` is the singular and ``values["count"]`` picks the form
    (`Translator.ngettext`). Values are shown as given: numbers, allowed values and paths are
    not translated.
    """

    template: str
    values: Mapping[str, object] = field(default_factory=dict)
    plural: str | None = None

    def english(self) -> str:
        """The sentence in English, filled in."""
        return self._form(None).format(**self.values)

    def translated(self, translator: Translator) -> str:
        """The sentence in `translator`'s language (English where it has no translation)."""
        return self._form(translator).format(**self.values)

    def _form(self, translator: Translator | None) -> str:
        if self.plural is None:
            return self.template if translator is None else translator.gettext(self.template)
        count = self.values["count"]
        assert isinstance(count, int), "a plural wording needs an int `count` value"
        if translator is None:
            return self.template if count == 1 else self.plural
        return translator.ngettext(self.template, self.plural, count)


@dataclass(frozen=True)
class FieldError:
    """One problem in an input document.

    `path` is the JSON path of the field (``cramps.muscles[0]``; ``$`` for the whole document),
    `message` says what is wrong and what is allowed, in English. `wording` is the message as a
    translatable sentence and `path_wording` a path that is prose (``e.csv line 3, column
    start``); both are None for text we did not write (a library's messages), which is then
    shown in English everywhere. Equality looks at `path` and `message` only.
    """

    path: str
    message: str
    wording: Wording | None = field(default=None, compare=False, repr=False)
    path_wording: Wording | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def translated_message(self, translator: Translator) -> str:
        """`message` in `translator`'s language."""
        return self.message if self.wording is None else self.wording.translated(translator)

    def translated(self, translator: Translator) -> str:
        """``path: message`` (as `str()`) in `translator`'s language."""
        path = self.path if self.path_wording is None else self.path_wording.translated(translator)
        return f"{path}: {self.translated_message(translator)}"


def field_error(path: str, template: str, /, **values: object) -> FieldError:
    """A FieldError whose message is the whole English sentence `template` filled with
    `values` (``field_error("age", "must be at most {high}", high=120)``).

    `template` must be a string literal at the call: ``scripts/extract-messages`` collects it.
    """
    return from_wording(path, Wording(template, values))


def plural_field_error(
    path: str, singular: str, plural: str, /, count: int, **values: object
) -> FieldError:
    """A FieldError whose sentence depends on `count` (``{count}`` in both forms)."""
    return from_wording(path, Wording(singular, {"count": count, **values}, plural))


def field_error_from(path: str, error: ValueError) -> FieldError:
    """The FieldError for a parser's ValueError: translatable when it is an `InvalidValue`."""
    if isinstance(error, InvalidValue):
        return from_wording(path, error.wording)
    return FieldError(path, str(error))


def from_wording(path: str, wording: Wording, path_wording: Wording | None = None) -> FieldError:
    """A FieldError with `wording` as its message; `path_wording` is `path` as a sentence when
    the path is prose."""
    return FieldError(path, wording.english(), wording, path_wording)


class InvalidValue(ValueError):
    """A value a parser refuses; `str()` is the English message, `wording` translates it.

    ``InvalidValue("must be a number ≥ 0, got {text}", text="'x'")``; the template must be a
    string literal at the call (``scripts/extract-messages`` collects it).
    """

    def __init__(self, template: str, /, **values: object) -> None:
        self.wording = Wording(template, values)
        super().__init__(self.wording.english())

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (to another process) as its sentence, not as the filled-in English text.
        return _invalid_value, (self.wording.template, dict(self.wording.values))


def _invalid_value(template: str, values: dict[str, object]) -> InvalidValue:
    return InvalidValue(template, **values)


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


class DatabaseBusy(StorageError):
    """Another program (an import, a second server) kept the database locked for longer than
    we wait; nothing was changed, and trying again shortly will work."""


class OutputError(CrampcheckError):
    """A file could not be written (no such folder, no permission, disk full, ...)."""
