"""The web page end to end, in real headless Debian Chromium driven by Playwright.

Skips with a reason when Chromium, Playwright or the npm assets (`make web`) are missing.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import support

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "web" / "vendor"
ARTIFACTS = ROOT / "test-artifacts"
SEED = support.SHARED / "seed" / "tinzaouaten.ar.txt"

if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (.ci/setup-chromium.sh installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
httpx = pytest.importorskip("httpx")
if not (VENDOR / "leaflet" / "leaflet.js").exists():
    pytest.skip("the web assets are not built; run `make web`", allow_module_level=True)

from marsad.api.local_server import served  # noqa: E402
from test_api import ARTICLE_GAO, TOKEN  # noqa: E402  (the articles written for the API tests)

XSS_ARTICLE = ("<img src=x onerror=alert(1)> قال مصدر أمني إن ثلاثة مدنيين قتلوا في انفجار عبوة ناسفة "
               "قرب مدينة موبتي وسط مالي أمس الأحد. <script>alert(2)</script>")


def _founding_example() -> tuple[str, str, str]:
    """The founding article if /work/shared is here, else one written for the tests: (text, date, place)."""
    if SEED.exists():
        return SEED.read_text(encoding="utf-8"), "2024-07-28", "Ti-n-Zaouâtene"
    return ARTICLE_GAO, "2024-03-13", "Gao"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """With the event store when it is installed (then holding the founding example), else extraction only."""
    try:
        import marsad.store  # noqa: F401
    except ModuleNotFoundError:
        with served() as base:
            yield base
        return
    db = tmp_path_factory.mktemp("web-store") / "events.db"
    text, published, _ = _founding_example()
    with served("--db", f"sqlite:///{db}", token=TOKEN) as base:
        answer = httpx.post(f"{base}/documents", json={"text": text, "published": published, "title": "founding"},
                            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
        assert answer.status_code == 201, answer.text
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="ar")
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server}/")
    page.wait_for_selector("body[data-ready=true]")
    yield page
    context.close()


def _paste(page, text: str, published: str) -> None:
    page.fill("#paste-text", text)
    page.fill("#paste-published", published)
    page.click("#paste-submit")
    page.wait_for_selector("#claims table, #claims .empty")


def _claim_rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#claims tbody tr", "rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))")


def _screenshot_stats(browser, png: bytes) -> dict:
    """Pixel statistics of a PNG, computed by Chromium on a blank page: how much is drawn and highlighted."""
    scratch = browser.new_page()
    stats = scratch.evaluate("""async (data) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = document.createElement("canvas");
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        let dark = 0, highlight = 0;
        const colours = new Set();
        for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
            if (r + g + b < 200) dark += 1;
            if (r > 230 && g > 180 && r - b > 50) highlight += 1;  // the yellow of <mark>
            colours.add((r << 16) | (g << 8) | b);
        }
        const total = pixels.length / 4;
        return {dark: dark / total, highlight: highlight / total, colours: colours.size};
    }""", base64.b64encode(png).decode())
    scratch.close()
    return stats


def test_web_page_is_arabic_rtl_with_an_english_switch(page):
    assert page.get_attribute("html", "lang") == "ar" and page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("h1") == "مرصد"
    page.click("#lang-switch")
    assert page.get_attribute("html", "lang") == "en" and page.get_attribute("html", "dir") == "ltr"
    assert page.inner_text("h1") == "Marsad"
    assert page.get_attribute("#article", "lang") == "ar" and page.get_attribute("#article", "dir") == "rtl"


def test_web_paste_shows_the_founding_example_with_its_claims(page, browser):
    text, published, place = _founding_example()
    _paste(page, text, published)
    assert place in page.inner_text("#event-title")
    rows = _claim_rows(page)
    figures = {row[3] for row in rows}
    assert {"7", "12", "2", "10"} <= figures if SEED.exists() else "5" in figures
    marks = page.eval_on_selector_all("#article mark.evidence", "marks => marks.map(m => m.textContent)")
    assert marks and all(mark in text for mark in marks)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-paste.png"), full_page=True)
    article_stats = _screenshot_stats(browser, page.locator("#article").screenshot())
    assert article_stats["dark"] > 0.01, "no text drawn in the article (missing font?)"
    assert article_stats["highlight"] > 0.01, "no evidence highlight drawn"
    assert _screenshot_stats(browser, page.locator("#map").screenshot())["colours"] > 3, "the map is blank"


def test_web_clicking_a_pasted_marker_opens_its_event(page):
    text, published, place = _founding_example()
    _paste(page, text, published)
    page.click("#lang-switch")
    first = page.locator(".marker.paste").first
    event_id = first.get_attribute("data-event-id")
    first.click()
    assert page.locator("#event-panel").is_visible()
    assert page.locator(f"#event-list [data-event-id='{event_id}']").count() == 1


def test_web_claim_row_highlights_its_sentence(page):
    text, published, _ = _founding_example()
    _paste(page, text, published)
    extraction = httpx.post(page.url.rstrip("/") + "/extract", json={"text": text, "published": published}).json()
    event = next(e for e in extraction["events"] if not e["background"] and e["claims"])
    page.click(f".marker.paste[data-event-id='{event['id']}']")
    last = len(event["claims"]) - 1
    page.click(f"#claims tr[data-claim='{last}']")
    active = page.eval_on_selector_all("#article mark.active", "marks => marks.map(m => m.textContent).join('')")
    assert active == event["claims"][last]["evidence"]["text"]


def test_web_article_with_markup_renders_as_text(page):
    _paste(page, XSS_ARTICLE, "2024-03-11")
    page.wait_for_timeout(300)
    article = page.text_content("#article")
    assert "<img src=x onerror=alert(1)>" in article and "<script>alert(2)</script>" in article
    assert page.locator("#event-panel img, #event-panel script").count() == 0
    assert page.dialogs == []


def test_web_clicking_a_stored_event_on_the_map_shows_its_claims(page, server):
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    _, _, place = _founding_example()
    events = httpx.get(f"{server}/events", params={"limit": 100}).json()["events"]
    stored = next(e for e in events if e["location"] and e["location"]["name"] == place and e["fatalities"]["acled"])
    marker = page.locator(f".marker.store[data-event-id='{stored['id']}']")
    marker.click()
    page.wait_for_selector("#claims tbody tr")
    detail = httpx.get(f"{server}/events/{stored['id']}").json()
    assert len(_claim_rows(page)) == len(detail["claims"])
    page.click("#claims tr[data-claim='0']")
    first = sorted(detail["claims"], key=lambda c: (c["document_id"], c["evidence"]["start"]))[0]
    active = page.eval_on_selector_all("#article mark.active", "marks => marks.map(m => m.textContent).join('')")
    assert active == first["evidence"]["text"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-store-event.png"), full_page=True)
    assert json.loads(page.evaluate("JSON.stringify(document.documentElement.dir)")) == "rtl"
