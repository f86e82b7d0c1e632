"""The event page speaks one language and /docs works offline (vendored Swagger UI)."""
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from svodka.dataset.store import Store
from svodka.model import Document
from svodka.scale import extract_records
from svodka.serve.app import create_app
from tests.serve.test_api import running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Composed for this test: one report with no outlet and no publication date, so no day for its event.
UNDATED = ("В Караганде горняки провели митинг\n\n"
           "Горняки провели митинг у здания администрации шахты в Караганде, требуя повысить зарплату.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("pages") / "svodka.db")
    (record,) = extract_records([Document("undated", UNDATED)])
    assert record["result"]["events"] and record["result"]["events"][0]["date"] is None
    with Store.open(path) as store:
        store.add_record(json.loads(json.dumps(record)))
    return path


def test_the_docs_page_loads_only_what_the_server_serves(db):
    with TestClient(create_app(db), base_url="http://localhost") as client:
        page = client.get("/docs")
        assert page.status_code == 200
        policy = page.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "http" not in policy and "cdn" not in page.text
        assets = re.findall(r'(?:src|href)="(/[^"]+)"', page.text)
        assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in assets and "/static/js/docs.js" in assets
        for asset in assets:
            assert client.get(asset).status_code == 200, asset
        assert "<script>" not in page.text  # nothing inline: the policy would block it


def test_the_vendored_swagger_ui_is_listed_with_its_licence():
    vendor = Path(__file__).resolve().parents[2] / "src/svodka/serve/static/vendor"
    assert "swagger-ui-dist@" in (vendor / "LICENSES.txt").read_text(encoding="utf-8")
    assert "Apache License" in (vendor / "swagger-ui/LICENSE").read_text(encoding="utf-8")


browser_only = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(db):
    with running_server(db) as url:
        yield url


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    # the network is blocked: only the server on loopback answers
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((server, "data:"))
                  else route.abort())
    page = context.new_page()
    page.requested, page.errors = [], []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == []
    context.close()


@browser_only
def test_the_event_page_speaks_russian_and_says_why_there_is_no_date(page, server):
    page.goto("/")
    page.wait_for_selector("body[data-ready=true]")
    assert "Мирный протест" in page.locator("#events tbody").inner_text()
    page.locator("#events tbody tr a").first.click()
    page.wait_for_selector("article.report")
    heading = page.locator("h1").inner_text()
    assert heading == "Протесты — Мирный протест"
    facts = page.locator("dl.facts").inner_text()
    assert "не установлена" in facts and "дата публикации неизвестна" in facts
    body = page.locator("body").inner_text()
    assert "издание не указано" in page.locator(".source-tree, article.report h2").all_inner_texts()[-1]
    assert "?" not in re.sub(r"https?://\S+", "", body)


@browser_only
def test_the_docs_page_renders_without_the_network(page, server):
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30000)
    assert "/api/events" in page.locator(".swagger-ui").inner_text()
    assert all(url.startswith(server) or url.startswith("data:") for url in page.requested)
