"""The single-page interface in Debian's chromium: map, timeline brushing, evidence, escaping."""
import os
import re
from pathlib import Path

import pytest

from tests.serve.test_api import XSS_TEXT, build_store, running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(build_store(tmp_path_factory.mktemp("browser") / "svodka.db")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    page = context.new_page()
    page.requested = []
    page.errors = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == []
    context.close()


def open_map(page):
    page.goto("/")
    page.wait_for_selector("body[data-ready=true]")


def shown_on_map(page):
    return page.eval_on_selector_all("#map [data-count]", "all => all.reduce((n, e) => n + Number(e.dataset.count), 0)")


def table_dates(page):
    return page.locator("#events tbody tr td:first-child").all_inner_texts()


def screenshot_folder(tmp_path):
    return Path(os.environ.get("SVODKA_SCREENSHOTS") or tmp_path)


def test_the_map_shows_every_event_on_country_outlines_without_the_network(page, server, tmp_path):
    open_map(page)
    assert shown_on_map(page) == 5
    assert page.locator(".leaflet-countries-pane path").count() > 100  # the vendored country outlines
    assert page.locator(".leaflet-tile").count() == 0
    assert all(url.startswith(server) or url.startswith("data:") for url in page.requested)
    assert len(table_dates(page)) == 5
    page.screenshot(path=str(screenshot_folder(tmp_path) / "map.png"))


def test_a_tile_server_set_by_the_user_is_drawn_under_the_outlines(page, server):
    tiles = f"{server}/tiles/{{z}}/{{x}}/{{y}}.png"
    page.add_init_script(f"localStorage.setItem('svodka.tiles', {tiles!r})")
    open_map(page)
    sync_api.expect(page.locator("img.leaflet-tile").first).to_be_attached()
    assert page.locator("img.leaflet-tile").first.get_attribute("src").startswith(f"{server}/tiles/")
    assert page.locator(".leaflet-countries-pane path").first.get_attribute("fill-opacity") == "0"


def test_brushing_the_timeline_filters_the_table_the_map_and_the_export(page):
    open_map(page)
    chart = page.locator("#timeline-chart").bounding_box()
    # The chart spans 2024-11-03..07; drag over its first two fifths, 03 and 04.
    page.mouse.move(chart["x"] + 30, chart["y"] + 50)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * 0.38, chart["y"] + 50, steps=5)
    page.mouse.up()
    sync_api.expect(page.locator("#events tbody tr")).to_have_count(2)  # wait_for_function needs eval: CSP forbids it
    assert sorted(table_dates(page)) == ["2024-11-03", "2024-11-04"]
    assert shown_on_map(page) == 2
    assert page.inner_text("#range") == "2024-11-03 — 2024-11-04"
    assert "since=2024-11-03&until=2024-11-04" in page.get_attribute("#export-acled", "href")
    page.click("#clear-range")
    assert len(table_dates(page)) == 5


def test_the_table_sorts_and_filters(page):
    open_map(page)
    page.click("#events th[data-key=fatalities]")
    page.click("#events th[data-key=fatalities]")
    assert page.locator("#events tbody tr:first-child td").nth(5).inner_text() == "≥5"
    page.select_option("select[name=country]", "KZ")
    sync_api.expect(page.locator("#events tbody tr")).to_have_count(2)
    assert shown_on_map(page) == 2
    page.fill("input[name=q]", '"unclosed')
    sync_api.expect(page.locator("#table-count")).to_contain_text("invalid search query")
    assert shown_on_map(page) == 0


def test_an_event_page_highlights_and_labels_the_evidence_of_each_report(page, tmp_path):
    open_map(page)
    page.locator("#events tbody tr", has_text="24.kg").locator("a").click()
    page.wait_for_selector("article.report")
    assert re.match(r"#/event/[0-9a-f]+$", page.evaluate("location.hash"))
    reports = page.locator("article.report")
    assert reports.count() == 3
    for index in range(3):
        report = reports.nth(index)
        assert "Бишкеке" in report.locator("mark.ev-place").all_inner_texts()
        assert report.locator("mark.ev-count").count() >= 1
        tags = set(report.locator(".document-text .tag").all_inner_texts())
        assert {"МЕСТО", "ДАТА", "ЧИСЛО", "ИСТОЧНИК", "ТРИГГЕР"} <= {tag.upper() for tag in tags}
    claims = page.locator("table.claims")
    assert set(claims.locator("tbody td strong").all_inner_texts()) == {"5", "≥7", "10"}
    assert page.locator(".source-tree").inner_text().count("МВД Киргизии") == 1
    page.screenshot(path=str(screenshot_folder(tmp_path) / "event.png"), full_page=True)


def test_document_markup_is_shown_as_text_and_never_runs(page):
    open_map(page)
    page.locator("#events tbody tr", has_text="Алматы").locator("a").click()
    page.wait_for_selector("article.report")
    text = page.locator(".document-text")
    visible = text.evaluate("node => [...node.childNodes].filter(n => !n.classList?.contains('tag')).map(n => n.textContent).join('')")
    assert visible == XSS_TEXT
    assert text.locator("script, img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("typeof window.__pwned") == "undefined"
    labels = page.locator("table.labels").inner_text()
    assert "полиция" in labels and "участников митинга" in labels


def test_the_interface_switches_between_russian_and_english(page):
    open_map(page)
    assert page.inner_text("#events th[data-key=date]").startswith("Дата")
    page.click("#language")
    assert page.inner_text("#events th[data-key=date]").startswith("Date")
    assert page.get_attribute("input[name=q]", "placeholder") == "Search the texts"
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.inner_text("#events th[data-key=date]").startswith("Date")
