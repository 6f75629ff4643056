"""Build the gettext template (POT) from the code, the web templates and the knowledge base.

Translators start from ``locales/crampcheck.pot`` (``scripts/extract-messages`` rewrites it);
a finished ``locales/<lang>.po`` is picked up by `load_translator` with no code change.
`ngettext(singular, plural, n)` calls become plural entries (msgid and msgid_plural).
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from pydantic import BaseModel

# Fields of knowledge-base items that people read.
USER_TEXT_FIELDS = frozenset(
    {
        "name", "summary", "action", "actions", "safety_net", "reason", "explanation", "role",
        "title", "text", "steps", "grade_note", "withhold_reason", "help", "unit", "none_option",
        "label", "disclaimer", "association_note", "claim", "safer_advice", "note",
        "with_advice_line", "sign",
    }
)  # fmt: skip
PACKAGE = Path(__file__).resolve().parents[1]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_noop": (1, 2),
    "say": (1,),
    "say_count": (1, 2),
    # Input-error messages (crampcheck.errors): the template is the English sentence.
    "field_error": (2,),
    "plural_field_error": (2, 3),
    "InvalidValue": (1,),
    "Wording": (1,),
}
# A plain message is its English text; a plural one is (singular, plural).
Message = str | tuple[str, str]


def _texts(value: Any, field: str | None = None) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), name)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, field)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, field)
    elif isinstance(value, str) and field in USER_TEXT_FIELDS and value.strip():
        yield value


def knowledge_messages() -> dict[str, str]:
    """Every user-visible knowledge-base string, with the file it comes from."""
    from crampcheck.claims import load_claims_file
    from crampcheck.knowledge.loading import load_knowledge_base
    from crampcheck.medications import load_medication_catalog

    knowledge = load_knowledge_base()
    sources: list[tuple[str, Any]] = [
        ("concerns.yaml", list(knowledge.concerns)),
        ("factors.yaml", [*knowledge.systems, *knowledge.factors]),
        ("interventions.yaml", list(knowledge.interventions)),
        ("withholding.yaml", list(knowledge.withholding)),
        ("questions.yaml", list(knowledge.questions)),
        ("texts.yaml", knowledge.texts),
        ("medications.yaml", load_medication_catalog().data),
        ("claims.yaml", load_claims_file()),
    ]
    messages: dict[str, str] = {}
    for file, items in sources:
        for text in _texts(items):
            messages.setdefault(text, file)
    for line in knowledge.texts.safety_net:
        messages.setdefault(line, "texts.yaml")
    return messages


def code_messages() -> dict[Message, str]:
    """Strings marked for translation in the code and the web templates, with their file."""
    from babel.messages.extract import extract_from_dir

    methods = [("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    messages: dict[Message, str] = {}
    found = extract_from_dir(str(PACKAGE), methods, options_map=options, keywords=KEYWORDS)
    for file, _line, message, _comments, _context in found:
        if isinstance(message, str) and message.strip():
            messages.setdefault(message, file)
        elif isinstance(message, tuple) and len(message) == 2 and all(message):
            messages.setdefault((str(message[0]), str(message[1])), file)
    return messages


def help_messages() -> dict[Message, str]:
    """The command line's help texts (docstrings and option help, read from the commands)."""
    from crampcheck.cli import cli
    from crampcheck.cli.help_text import help_messages as command_help

    return {text: "cli/help" for text in command_help(cli)}


def build_template() -> bytes:
    """The POT file's bytes (sorted, without dates, so it changes only when strings do).

    Raises ValueError when a plural message's singular is also used as a plain message: a
    catalog holds one entry per msgid, so one of the two would be lost.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="crampcheck", fuzzy=False)
    messages: dict[Message, str] = {}
    messages.update(knowledge_messages())
    messages.update(code_messages())
    messages.update(help_messages())
    clashes = sorted(m[0] for m in messages if isinstance(m, tuple) and m[0] in messages)
    if clashes:
        raise ValueError(f"used both as a plain and as a plural message: {clashes}")
    for message, origin in sorted(messages.items(), key=_singular_first):
        catalog.add(message, locations=[(origin, 0)])
    buffer = BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, no_location=False, width=100)
    return buffer.getvalue()


def _singular_first(item: tuple[Message, str]) -> tuple[str, str]:
    message = item[0]
    return (message, "") if isinstance(message, str) else message


def template_path() -> Path:
    """Where the committed template lives."""
    return PACKAGE / "i18n" / "locales" / "crampcheck.pot"


def update_catalog(language: str) -> tuple[int, int]:
    """Bring ``locales/<language>.po`` up to the template: new messages are added empty (or
    fuzzy, with the translation of a similar old message for the translator to check),
    messages no longer used are dropped, translations of unchanged messages are kept.
    Returns (messages, still to translate)."""
    from babel.messages.pofile import read_po, write_po

    path = template_path().with_name(f"{language}.po")
    with template_path().open("rb") as file:
        template = read_po(file)
    with path.open("rb") as file:
        catalog = read_po(file, locale=language)
    catalog.update(template, update_header_comment=False)
    catalog.obsolete.clear()
    buffer = BytesIO()
    write_po(buffer, catalog, sort_output=True, width=100, include_previous=True)
    path.write_bytes(buffer.getvalue())
    todo = sum(1 for message in catalog if message.id and (message.fuzzy or not _done(message)))
    return len(catalog) - 1, todo


def _done(message: Any) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)
