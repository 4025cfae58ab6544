"""The web page end to end, in real headless Debian Chromium driven by Playwright.

Skips with a reason when Chromium, Playwright or the npm assets (`make web`) are missing.
"""
from __future__ import annotations

import base64
import datetime as dt
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


def _open_page(browser, base: str, before_load=None):
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="ar")
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    if before_load:
        before_load(page)
    page.goto(f"{base}/")
    page.wait_for_selector("body[data-ready=true]")
    return context, page


@pytest.fixture()
def page(browser, server):
    context, page = _open_page(browser, server)
    yield page
    context.close()


# ---- many events: clusters, the timeline, paging -------------------------------------------

CROWDED_TOWNS = ("غاو", "موبتي", "تمبكتو", "كيدال", "سيغو", "نيامي")
CROWDED_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                  "نوفمبر", "ديسمبر")
# Short reports written for these tests, one event each; {n} dead, {town}, {date} as "5 مارس 2024".
CROWDED_TEMPLATES = (
    "قُتل {n} جنود في هجوم شنه مسلحون على موقع للجيش قرب مدينة {town} يوم {date}، بحسب بيان للجيش.",
    "قال مصدر أمني إن {n} مدنيين قتلوا في انفجار عبوة ناسفة قرب مدينة {town} يوم {date}.",
    "أعلنت السلطات مقتل {n} أشخاص في غارة بطائرة مسيّرة استهدفت سوقاً في مدينة {town} يوم {date}.",
)
CROWDED_COUNT = 300
CROWDED_START = dt.date(2024, 1, 1)


def _crowded_articles():
    """(text, published): each town gets a report every third day, so no two reports tell of one event."""
    for index in range(CROWDED_COUNT):
        day = CROWDED_START + dt.timedelta(days=3 * (index // len(CROWDED_TOWNS)))
        date = f"{day.day} {CROWDED_MONTHS[day.month - 1]} {day.year}"
        text = CROWDED_TEMPLATES[index % len(CROWDED_TEMPLATES)].format(
            n=2 + index % 9, town=CROWDED_TOWNS[index % len(CROWDED_TOWNS)], date=date)
        yield text, day + dt.timedelta(days=1)


@pytest.fixture(scope="module")
def crowded_server(tmp_path_factory):
    """A read-only server over a store of a few hundred events in six towns of Mali and Niger."""
    store_module = pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    db = tmp_path_factory.mktemp("crowded-store") / "events.db"
    store = store_module.open_store(f"sqlite:///{db}")
    try:
        for text, published in _crowded_articles():
            store.ingest(text, published=published)
    finally:
        store.close()
    with served("--db", f"sqlite:///{db}") as base:
        yield base


@pytest.fixture()
def crowded_page(browser, crowded_server):
    context, page = _open_page(browser, crowded_server)
    _wait_for_clusters(page)
    yield page
    context.close()


def _wait_for_clusters(page) -> None:
    """Until the badges are drawn and the zoom animation is over (clusters ignore clicks during it)."""
    page.wait_for_selector("#map .cluster")
    page.wait_for_selector("#map .leaflet-cluster-anim", state="detached")


def _stored_total(base: str) -> int:
    return httpx.get(f"{base}/events", params={"limit": 1}).json()["total"]


def _map_counts(page) -> dict:
    """Badges and lone markers on the map, and how many events they stand for together."""
    return page.evaluate("""() => {
        const badges = [...document.querySelectorAll("#map .cluster")].map(b => Number(b.dataset.count));
        const lone = document.querySelectorAll("#map .marker.store").length;
        return {badges: badges.length, lone, events: badges.reduce((a, b) => a + b, 0) + lone};
    }""")


def _in_view(page) -> int:
    return int(page.get_attribute("#timeline-summary", "data-count"))


def _drag_timeline(page, start: float, end: float) -> None:
    """Drag across the chart between two fractions of its width."""
    box = page.locator("#timeline-chart").bounding_box()
    y = box["y"] + box["height"] / 3
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=6)
    page.mouse.up()


def test_web_many_events_cluster_into_fewer_markers(crowded_page, crowded_server):
    total = _stored_total(crowded_server)
    assert total >= 250
    counts = _map_counts(crowded_page)
    assert counts["events"] == total == _in_view(crowded_page)
    assert 0 < counts["badges"] + counts["lone"] < total / 10
    assert crowded_page.errors == []


def test_web_clicking_a_cluster_of_one_place_spiderfies_it(crowded_page, crowded_server):
    badge = crowded_page.locator("#map .cluster").first
    count = int(badge.get_attribute("data-count"))
    badge.click()
    # Every event of a town shares its coordinates: no zoom splits them, so they fan out around it.
    crowded_page.wait_for_function("(n) => document.querySelectorAll('#map .marker.store').length === n", arg=count)
    marker = crowded_page.locator("#map .marker.store").first
    event_id = marker.get_attribute("data-event-id")
    marker.click()
    crowded_page.wait_for_selector("#claims tbody tr")
    event = httpx.get(f"{crowded_server}/events/{event_id}").json()
    assert event["location"]["name"] in crowded_page.inner_text("#event-title")
    assert len(_claim_rows(crowded_page)) == len(event["claims"])


def test_web_the_page_pages_through_every_event(browser, crowded_server):
    requests = []

    def small_pages(page):
        def shrink(route):
            requests.append(route.request.url)
            route.continue_(url=route.request.url.replace("limit=1000", "limit=70"))
        page.route("**/events?*", shrink)

    context, page = _open_page(browser, crowded_server, before_load=small_pages)
    _wait_for_clusters(page)
    total = _stored_total(crowded_server)
    assert len(requests) == -(-total // 70)
    assert _in_view(page) == total == _map_counts(page)["events"]
    ids = page.eval_on_selector_all("#event-list [data-event-id]", "items => items.map(i => i.dataset.eventId)")
    assert len(ids) == len(set(ids)) == 200  # the list draws its first page of events
    page.click("#list-more")
    assert page.locator("#event-list [data-event-id]").count() == min(total, 400)
    context.close()


def test_web_timeline_selection_narrows_the_map_and_the_list(crowded_page, crowded_server):
    total = _stored_total(crowded_server)
    _drag_timeline(crowded_page, 0.2, 0.45)
    chosen = _in_view(crowded_page)
    assert 0 < chosen < total / 2
    summary = crowded_page.inner_text("#timeline-summary")
    period = crowded_page.evaluate("[...document.querySelectorAll('#timeline-chart g.bin:not(.outside)')]"
                                   ".map(g => [g.dataset.from, g.dataset.to])")
    first, last = period[0][0], period[-1][1]
    assert first in summary and last in summary
    dates = crowded_page.eval_on_selector_all("#event-list [data-event-id]", "items => items.map(i => i.dataset.date)")
    assert len(dates) == chosen and all(first <= date <= last for date in dates)
    assert _map_counts(crowded_page)["events"] == chosen
    expected = httpx.get(f"{crowded_server}/events", params={"since": first, "until": last, "limit": 1000}).json()
    assert expected["total"] == chosen
    crowded_page.click("#timeline-clear")
    assert _in_view(crowded_page) == total and crowded_page.locator("#timeline-clear").is_hidden()


def test_web_timeline_answers_the_keyboard(crowded_page, crowded_server):
    crowded_page.focus("#timeline-chart")
    crowded_page.keyboard.press("End")
    last_day = crowded_page.evaluate("[...document.querySelectorAll('#timeline-chart g.bin')].pop().dataset.from")
    expected = httpx.get(f"{crowded_server}/events", params={"since": last_day, "until": last_day}).json()["total"]
    assert _in_view(crowded_page) == expected > 0
    crowded_page.keyboard.press("Shift+ArrowRight")  # Arabic page: right is earlier
    assert _in_view(crowded_page) >= expected
    crowded_page.keyboard.press("Escape")
    assert _in_view(crowded_page) == _stored_total(crowded_server)


def test_web_english_switch_labels_the_new_controls(crowded_page):
    strings = json.loads((ROOT / "src" / "marsad" / "api" / "static" / "i18n.json").read_text(encoding="utf-8"))
    _drag_timeline(crowded_page, 0.1, 0.3)

    def labels():
        return {"clear": crowded_page.inner_text("#timeline-clear"),
                "legend": crowded_page.inner_text(".legend"),
                "unit": crowded_page.inner_text("#timeline-unit"),
                "hint": crowded_page.inner_text("#timeline-hint"),
                "summary": crowded_page.inner_text("#timeline-summary"),
                "badge": crowded_page.get_attribute("#map .cluster >> nth=0", "title"),
                "bar": crowded_page.text_content("#timeline-chart g.bin title")}

    arabic = labels()
    assert arabic["clear"] == strings["ar"]["timeline_clear"] and strings["ar"]["legend_deaths"] in arabic["legend"]
    crowded_page.click("#lang-switch")
    english = labels()
    assert english["clear"] == "Show all dates" and english["unit"] == "per day"
    assert "Events" in english["legend"] and "Deaths" in english["legend"]
    assert english["hint"] == strings["en"]["timeline_hint"]
    assert english["summary"].endswith("deaths") and "events" in english["summary"]
    assert english["badge"].startswith(crowded_page.get_attribute("#map .cluster >> nth=0", "data-count") + " events")
    assert "events" in english["bar"] and "deaths" in english["bar"]
    assert "of" in crowded_page.inner_text("#status")
    for key in ("clear", "legend", "unit", "hint", "summary", "badge", "bar"):
        assert not any("\u0600" <= char <= "\u06ff" for char in english[key]), (key, english[key])
    ARTIFACTS.mkdir(exist_ok=True)
    crowded_page.screenshot(path=str(ARTIFACTS / "web-crowded-en.png"), full_page=True)


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
