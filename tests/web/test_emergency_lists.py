"""The home and first-aid pages list the emergency signs the knowledge base's emergency rules
give (knowledge/emergency_signs.py), no more and no fewer."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from crampcheck.config import Settings
from crampcheck.i18n.translator import load_translator
from crampcheck.knowledge.emergency_signs import SignWords, emergency_signs
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.medications.catalog import load_medication_catalog
from crampcheck.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("web")
    settings = Settings(
        data_dir=folder, database_url=f"sqlite:///{folder / 'web.db'}", secret_key="test-key"
    )
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        yield client


def expected_lines() -> list[str]:
    knowledge = load_knowledge_base()
    catalog = load_medication_catalog().data
    words = SignWords.for_catalog(knowledge, load_translator("en").gettext, catalog)
    return [words.describe(sign) for sign in emergency_signs(knowledge)]


def listed_signs(page: str) -> list[str]:
    box = re.search(r'<section class="emergency-box".*?</section>', page, re.DOTALL)
    assert box is not None
    items = re.findall(r"<li>(.*?)</li>", box.group(0), re.DOTALL)
    return [html.unescape(item) for item in items]


@pytest.mark.parametrize("path", ["/", "/first-aid"])
def test_the_page_lists_exactly_the_derived_signs(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    lines = expected_lines()
    assert len(lines) > 10
    assert listed_signs(response.text) == lines
