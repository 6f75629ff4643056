"""The diary pages in a real Chromium against the real server: one-tap logging, undo, details,
the check-in, the diary view with its analysis, without JavaScript, keyboard only, and
"Delete all my data" (on a server of its own, so it erases nobody else's test data)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crampcheck.config import Settings
from tests.support.server import running_server
from tests.web.conftest import check_accessibility, screenshots

pytestmark = pytest.mark.browser


def _episode_id(page: Any) -> str:
    found = re.search(r"/diary/episodes/(\d+)/logged$", page.url)
    assert found, page.url
    return found.group(1)


def test_one_tap_logs_a_cramp_that_the_diary_then_shows(page: Any) -> None:
    page.goto("/")
    page.click("nav >> text=Log a cramp")
    assert page.url.endswith("/diary/log")
    check_accessibility(page)
    screenshots(page, "diary-log")
    page.click("text=Log a cramp now")
    number = _episode_id(page)
    assert "Cramp logged" in page.inner_text("main")
    check_accessibility(page)
    screenshots(page, "diary-logged")
    page.click("nav >> text=Diary")
    edit = page.locator(f'a[href="/diary/episodes/{number}/edit"]')
    assert edit.count() == 1


def test_undo_removes_the_cramp_and_details_can_be_added(page: Any) -> None:
    page.goto("/diary/log")
    page.click("summary")
    page.check("#muscle-calf")  # no start: now, so it is the latest cramp
    page.check("#side-left")
    page.click("text=Save this cramp")
    first = _episode_id(page)
    page.click("text=Add details")
    assert page.is_checked("#muscle-calf")
    page.fill("#start", "2025-06-02T03:15")
    page.fill("#severity", "7")
    page.check("#woke-yes")
    page.fill("#helped", "stretching")
    page.click("button:has-text('Save')")
    assert page.url.endswith("/diary#cramps")
    entry = page.locator(".entry", has=page.locator(f'a[href="/diary/episodes/{first}/edit"]'))
    text = entry.inner_text()
    assert "2025-06-02 03:15" in text and "severity 7/10" in text and "woke you" in text
    # Now back-dated, it is no longer the latest: log a newer one, then a one-tap cramp
    # carries its muscle and side forward; undo removes it again.
    page.goto("/diary/log")
    page.click("summary")
    page.check("#muscle-calf")
    page.check("#side-left")
    page.click("text=Save this cramp")
    page.goto("/diary/log")
    assert "Calf · Left" in page.inner_text(".quick-log")
    page.click("text=Log a cramp now")
    second = _episode_id(page)
    assert "Calf · Left" in page.inner_text("main")
    page.click("text=Undo: remove this cramp")
    assert "removed from the diary" in page.inner_text("main")
    gone = page.request.get(f"/diary/episodes/{second}/logged", headers={"accept": "text/html"})
    assert gone.status == 404 and "no cramp with this number" in gone.text()


def test_a_bad_severity_is_explained_next_to_the_field_and_nothing_is_saved(page: Any) -> None:
    page.goto("/diary/log")
    page.click("summary")
    page.fill("#start", "2025-06-03T02:00")
    page.fill("#severity", "11")
    page.click("text=Save this cramp")
    severity = page.locator("#severity")
    assert severity.get_attribute("aria-invalid") == "true"
    assert "severity-error" in (severity.get_attribute("aria-describedby") or "")
    assert "from 0 to 10" in page.inner_text("#severity-error")
    assert page.input_value("#severity") == "11"  # what was typed is kept
    check_accessibility(page)
    page.goto("/diary")
    assert "2025-06-03 02:00" not in page.inner_text("main")


def test_a_checkin_is_saved_and_changed(page: Any) -> None:
    page.goto("/diary/checkin")
    check_accessibility(page)
    page.fill("#pick-date", "2025-05-20")
    page.click("text=Show this day")
    assert "2025-05-20" in page.inner_text("h1")
    page.fill("#fluid_litres", "1.5")
    page.fill("#exercise_minutes", "30")
    page.check("#exercise_intensity-moderate")
    page.check("#stretched-yes")
    page.fill("#factor-name-1", "magnesium")
    page.fill("#factor-value-1", "true")
    page.click("text=Save the check-in")
    assert "Saved" in page.inner_text("main")
    assert page.input_value("#fluid_litres") == "1.5"
    assert page.input_value("#factor-name-1") == "magnesium"
    check_accessibility(page)
    screenshots(page, "diary-checkin")
    # Saving again updates the day: a changed value, a cleared one, a removed factor.
    page.fill("#fluid_litres", "2")
    page.fill("#exercise_minutes", "")
    page.fill("#factor-value-1", "")
    page.click("text=Save the check-in")
    assert page.input_value("#fluid_litres") == "2"
    assert page.input_value("#exercise_minutes") == ""
    assert page.input_value("#factor-name-1") == ""
    page.goto("/diary")
    day = page.locator(".entry", has_text="2025-05-20").inner_text()
    assert "Fluids (litres) 2" in day and "Exercise (minutes)" not in day and "magnesium" not in day


def test_the_diary_shows_the_analysis_with_plots_and_their_numbers(page: Any) -> None:
    page.goto("/diary/checkin?date=2025-04-01")
    page.fill("#sleep_hours", "7")
    page.click("text=Save the check-in")
    page.goto("/diary")
    main = page.inner_text("main")
    for heading in ("What your diary shows", "Recent cramps", "Recent check-ins", "Medications"):
        assert heading in main
    plot = page.locator("svg.plot[role=img]")
    assert plot.count() >= 1
    assert "Cramps per week" in (plot.first.locator("title").text_content() or "")
    assert page.locator("table caption", has_text="Cramps per week").count() == 1
    assert "not enough data yet" in main
    check_accessibility(page)
    screenshots(page, "diary")


def test_medications_are_started_and_stopped(page: Any) -> None:
    page.goto("/diary")
    page.fill("#medication-name", "Amlodipine")
    page.fill("#medication-date", "2025-03-01")
    page.click("text=Add the medicine")
    entry = page.locator(".entry", has_text="Amlodipine")
    assert "still taking" in entry.inner_text()
    entry.locator("button", has_text="Stopped today").click()
    assert "still taking" not in page.locator(".entry", has_text="Amlodipine").inner_text()


def test_logging_and_checking_in_work_without_javascript(page_without_js: Any) -> None:
    page = page_without_js
    page.goto("/diary/log")
    page.click("text=Log a cramp now")
    assert "Cramp logged" in page.inner_text("main")
    page.goto("/diary/checkin?date=2025-05-21")
    page.fill("#sleep_hours", "6.5")
    page.click("text=Save the check-in")
    assert page.input_value("#sleep_hours") == "6.5"


def test_keyboard_only_logging(page: Any) -> None:
    page.goto("/diary/log")
    button = page.locator("button[value=now]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the 'Log a cramp now' button cannot be reached with Tab")
    outline = button.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/logged$"))
    assert "Cramp logged" in page.inner_text("main")


def test_back_dating_uses_the_browsers_time_zone(chromium: Any, server_url: str) -> None:
    context = chromium.new_context(base_url=server_url, timezone_id="Pacific/Auckland")
    try:
        page = context.new_page()
        page.goto("/diary/log")
        page.click("summary")
        page.fill("#start", "2025-07-10T23:40")
        page.click("text=Save this cramp")
        number = int(_episode_id(page))
        document = json.loads(page.request.get("/diary/export.json").text())
        starts = [entry for entry in document["episodes"] if entry["time_zone"]]
        assert any(
            entry["start"] == "2025-07-10T23:40:00+12:00"
            and entry["time_zone"] == "Pacific/Auckland"
            for entry in starts
        ), (number, starts)
    finally:
        context.close()


@pytest.fixture
def own_server_url(tmp_path: Path) -> Iterator[str]:
    settings = Settings(
        data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'erase.db'}", secret_key="k"
    )
    with running_server(settings) as url:
        yield url


def test_export_and_delete_everything(chromium: Any, own_server_url: str) -> None:
    context = chromium.new_context(base_url=own_server_url, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto("/diary")
        assert "Your diary is empty" in page.inner_text("main")
        check_accessibility(page)
        screenshots(page, "diary-empty")
        page.goto("/diary/log")
        page.click("text=Log a cramp now")
        page.goto("/diary")
        with page.expect_download() as download:
            page.click("text=Download everything (JSON)")
        exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert exported["format"] == "crampcheck-diary" and len(exported["episodes"]) == 1
        page.click("text=Delete all my data")
        check_accessibility(page)
        page.click("text=Delete everything")  # not confirmed yet
        assert page.locator("#confirm").get_attribute("aria-invalid") == "true"
        check_accessibility(page)
        screenshots(page, "diary-delete-all")
        page.check("#confirm")
        page.click("text=Delete everything")
        assert "All your data was deleted" in page.inner_text("main")
        page.goto("/diary")
        assert "Your diary is empty" in page.inner_text("main")
    finally:
        context.close()
