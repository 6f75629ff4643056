"""What the app holds while it runs, built by `create_app` (never at import time)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.config import Settings
from crampcheck.files import make_private_folder
from crampcheck.i18n import Translator, load_translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.storage import create_engine_for, session_factory
from crampcheck.web.rendering import PageRenderer
from crampcheck.web.security import CsrfProtection
from crampcheck.web.signing import InterviewSigner


@dataclass
class WebContext:
    """Settings, knowledge base, translator, templates and the database of one app."""

    settings: Settings
    knowledge: KnowledgeBase
    translator: Translator
    pages: PageRenderer
    csrf: CsrfProtection
    interview_signer: InterviewSigner
    _renderers: dict[str, PageRenderer] = field(default_factory=dict, repr=False)

    def translator_for(self, language: str) -> Translator:
        """The translator of `language` (the app's own for its language)."""
        if language == self.translator.language:
            return self.translator
        return load_translator(language)

    def pages_for(self, language: str) -> PageRenderer:
        """The page templates in `language` (built on first use, then kept)."""
        if language == self.translator.language:
            return self.pages
        renderer = self._renderers.get(language)
        if renderer is None:
            renderer = self._renderers[language] = PageRenderer(load_translator(language))
        return renderer

    @cached_property
    def engine(self) -> Engine:
        """The database engine, created on first use (the API needs none)."""
        if self.settings.uses_data_dir():
            make_private_folder(self.settings.data_dir, tighten=True)
        return create_engine_for(self.settings.resolved_database_url())

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """Sessions on `engine`."""
        return session_factory(self.engine)
