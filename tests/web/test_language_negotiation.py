"""Which language and which help numbers a request gets: the language switch's cookie, the
browser's Accept-Language, the settings; the page's `<html lang>`, the switch, `tel:` links
and the API's texts follow. In-process (TestClient)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from crampcheck.config import Settings
from crampcheck.i18n import Translator
from crampcheck.web import create_app
from crampcheck.web.language import (
    LANGUAGE_COOKIE,
    accepted_languages,
    negotiate_language,
    request_language,
)

PAGES = ["/", "/first-aid", "/assessment", "/medications", "/myths", "/diary", "/diary/log"]


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        secret_key="test-key",
        **{"language": "en", "country": None, **values},  # type: ignore[arg-type]
    )


@pytest.fixture
def client(tmp_path: Path, swedish_pages: Translator) -> Iterator[TestClient]:
    with TestClient(create_app(_settings(tmp_path)), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _lang(html: str) -> str:
    found = re.search(r'<html lang="([^"]+)">', html)
    assert found, html[:200]
    return found[1]


def _tel_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="(tel:[^"]+)">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("header", "tags"),
    [
        ("de-CH,de;q=0.9,en;q=0.8", ["de-CH", "de", "en"]),
        ("en;q=0.2, sv", ["sv", "en"]),
        ("ru;q=0, *;q=0.5, fr;q=x, de", ["de"]),
        ("", []),
    ],
)
def test_accept_language_is_read_by_quality(header: str, tags: list[str]) -> None:
    assert accepted_languages(header) == tags


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("de-CH,fr;q=0.9", "de"),
        ("fr-FR, sv-FI;q=0.5", "sv"),
        ("RU", "ru"),
        ("fr, it", "en"),
        ("*", "en"),
        ("sv;q=0", "en"),
        (None, "en"),
    ],
)
def test_negotiation_picks_a_supported_language_or_the_default(
    header: str | None, language: str
) -> None:
    assert negotiate_language(header, "en") == language


def test_request_language_cookie_then_header_then_setting(tmp_path: Path) -> None:
    app = create_app(_settings(tmp_path, language="ru"), migrate=False)

    def language(headers: dict[str, str]) -> str:
        scope = {
            "type": "http",
            "app": app,
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        }
        return request_language(Request(scope))

    assert language({}) == "ru"
    assert language({"Accept-Language": "sv-SE,en;q=0.5"}) == "sv"
    assert language({"Accept-Language": "sv", "Cookie": f"{LANGUAGE_COOKIE}=de"}) == "de"
    assert language({"Accept-Language": "sv", "Cookie": f"{LANGUAGE_COOKIE}=fr"}) == "sv"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_switch_and_the_language_of_its_text(
    client: TestClient, path: str
) -> None:
    english = client.get(path, headers={"Accept-Language": "fr, en;q=0.5"})
    assert _lang(english.text) == "en"
    assert 'aria-current="true">English</a>' in english.text
    assert english.headers["content-language"] == "en"
    assert {"Accept-Language", "Cookie"} <= {
        part.strip() for part in english.headers["vary"].split(",")
    }
    swedish = client.get(path, headers={"Accept-Language": "sv-SE"})
    assert _lang(swedish.text) == "sv"
    assert swedish.headers["content-language"] == "sv"
    assert 'aria-current="true">Svenska</a>' in swedish.text
    assert "Hoppa till huvudinnehållet" in swedish.text
    assert '<nav class="language-switch" aria-label="Språk">' in swedish.text
    for code, name in [("en", "English"), ("de", "Deutsch"), ("ru", "Русский")]:
        assert f'lang="{code}" hreflang="{code}">{name}</a>' in swedish.text


def test_a_language_without_its_catalog_yet_is_marked_english(client: TestClient) -> None:
    german = client.get("/", headers={"Accept-Language": "de"})
    assert _lang(german.text) == "en"  # the text is English until de.po lands
    assert 'aria-current="true">Deutsch</a>' in german.text  # but the choice is shown
    assert ("tel:116117", "Ärztlicher Bereitschaftsdienst 116117") in _tel_links(german.text)


def test_the_switch_remembers_the_choice_and_goes_back(client: TestClient) -> None:
    switched = client.get(
        "/language", params={"lang": "sv", "next": "/myths?q=quinine"}, follow_redirects=False
    )
    assert switched.status_code == 303
    assert switched.headers["location"] == "/myths?q=quinine"
    cookie = switched.headers["set-cookie"]
    assert f"{LANGUAGE_COOKIE}=sv" in cookie and "Max-Age=31536000" in cookie
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    # The cookie outranks the browser's Accept-Language from now on.
    page = client.get("/first-aid", headers={"Accept-Language": "en-US"})
    assert _lang(page.text) == "sv"
    # An en-US region does not carry over to Swedish: Sweden's numbers, as for sv alone.
    assert 'Ring <a href="tel:112">112</a> nu om du har något av detta' in page.text
    assert '<a href="tel:1177">1177 Vårdguiden</a>' in page.text


def test_the_switch_links_back_to_the_page_with_its_query(client: TestClient) -> None:
    page = client.get("/myths", params={"q": "pickle juice"})
    assert 'href="/language?lang=sv&amp;next=/myths%3Fq%3Dpickle%2Bjuice"' in page.text


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil", "x"])
def test_the_switch_never_redirects_off_the_site(client: TestClient, target: str) -> None:
    switched = client.get(
        "/language", params={"lang": "de", "next": target}, follow_redirects=False
    )
    assert switched.headers["location"] == "/"


def test_an_unknown_language_is_not_found_and_sets_nothing(client: TestClient) -> None:
    response = client.get(
        "/language", params={"lang": "fr"}, headers={"Accept": "text/html"}, follow_redirects=False
    )
    assert response.status_code == 404
    assert "set-cookie" not in {key.lower() for key in response.headers if key != "set-cookie"}
    assert LANGUAGE_COOKIE not in response.headers.get("set-cookie", "")


def test_an_error_page_is_in_the_readers_language(client: TestClient) -> None:
    missing = client.get(
        "/results/nothing-here", headers={"Accept": "text/html", "Accept-Language": "sv"}
    )
    assert missing.status_code == 404
    assert _lang(missing.text) == "sv"
    assert "Tyvärr, det gick inte" in missing.text


@pytest.mark.parametrize(
    ("header", "emergency", "advice"),
    [
        ("en", ("tel:112", "112"), None),  # an English speaker may be anywhere
        ("en-GB", ("tel:999", "999"), ("tel:111", "NHS 111")),
        ("en-US,en;q=0.8", ("tel:911", "911"), None),
        ("en-AU", ("tel:000", "000"), ("tel:1800022222", "healthdirect (1800 022 222)")),
        ("sv", ("tel:112", "112"), ("tel:1177", "1177 Vårdguiden")),
        ("sv-FI", ("tel:112", "112"), ("tel:116117", "Päivystysapu 116117")),
        ("ru", ("tel:112", "112"), ("tel:103", "Скорая медицинская помощь 103")),
        ("de-AT", ("tel:144", "144"), ("tel:1450", "Gesundheitsberatung 1450")),
        ("de-ZZ", ("tel:112", "112"), ("tel:116117", "Ärztlicher Bereitschaftsdienst 116117")),
    ],
)
def test_help_numbers_follow_the_browsers_region_then_its_language(
    client: TestClient,
    header: str,
    emergency: tuple[str, str],
    advice: tuple[str, str] | None,
) -> None:
    links = _tel_links(client.get("/", headers={"Accept-Language": header}).text)
    assert emergency in links  # the footer and the home page's emergency box
    assert links.count(emergency) == 2
    assert (advice in links) if advice else not [link for link in links if link != emergency]


def test_the_country_setting_wins_over_the_browser(tmp_path: Path) -> None:
    with TestClient(
        create_app(_settings(tmp_path, country="GB")), base_url="http://127.0.0.1"
    ) as client:
        for path in ("/", "/first-aid"):
            links = _tel_links(client.get(path, headers={"Accept-Language": "de-AT"}).text)
            assert ("tel:999", "999") in links and ("tel:111", "NHS 111") in links
            assert ("tel:144", "144") not in links


def test_the_claims_api_answers_in_the_accept_language(client: TestClient) -> None:
    swedish = client.get(
        "/api/v1/claims",
        params={"q": "quinine tonic", "limit": 3},
        headers={"Accept-Language": "sv"},
    )
    assert swedish.status_code == 200
    assert swedish.headers["content-language"] == "sv"
    assert "Accept-Language" in swedish.headers["vary"]
    claims = {item["id"]: item for item in swedish.json()}
    assert claims["T001"]["claim"] == "Kinin (tabletter eller tonic) förebygger nattliga vadkramper"
    assert claims["T001"]["verdict"] == "unsafe"  # codes stay codes
    english = client.get("/api/v1/claims", params={"q": "quinine tonic", "limit": 3})
    assert english.headers["content-language"] == "en"
    assert {item["id"]: item for item in english.json()}["T001"]["claim"].startswith("Quinine")


def test_the_myths_page_shows_the_claims_in_the_readers_language(client: TestClient) -> None:
    page = client.get("/myths", params={"q": "quinine tonic"}, headers={"Accept-Language": "sv"})
    assert "Kinin (tabletter eller tonic) förebygger nattliga vadkramper" in page.text


def test_the_medications_and_questionnaire_apis_say_their_language(client: TestClient) -> None:
    meds = client.get(
        "/api/v1/medications/check", params={"name": "Furix"}, headers={"Accept-Language": "ru"}
    )
    assert meds.status_code == 200
    assert meds.headers["content-language"] == "en"  # no Russian catalog yet: English text
    questionnaire = client.get("/api/v1/questionnaire", headers={"Accept-Language": "sv"})
    assert questionnaire.headers["content-language"] == "sv"
