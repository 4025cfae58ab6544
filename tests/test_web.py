"""The web page end to end, in real headless Debian Chromium driven by Playwright.

Skips with a reason when Chromium, Playwright or the npm assets (`make web`) are missing.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

import support

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# How long Playwright waits for a selector or a condition: its own default, 30 s, a loaded machine can exceed.
PAGE_TIMEOUT_MS = 120_000
ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "web" / "vendor"
ARTIFACTS = ROOT / "test-artifacts"
SEED = support.SHARED / "seed" / "tinzaouaten.ar.txt"

if not CHROMIUM.exists():
    pytest.skip(
        "Debian chromium is not installed (.ci/setup-chromium.sh installs it)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
pytest.importorskip("httpx")
import patient_httpx as httpx  # noqa: E402  (httpx, waiting as long as a loaded machine needs)

if not (VENDOR / "leaflet" / "leaflet.js").exists():
    pytest.skip("the web assets are not built; run `make web`", allow_module_level=True)

from marsad.api.local_server import served  # noqa: E402
from support import ARTICLE_GAO, MANY  # noqa: E402
from test_api import TOKEN, every_page  # noqa: E402  (the API tests' token and paging helper)

XSS_ARTICLE = (
    "<img src=x onerror=alert(1)> قال مصدر أمني إن ثلاثة مدنيين قتلوا في انفجار عبوة ناسفة "
    "قرب مدينة موبتي وسط مالي أمس الأحد. <script>alert(2)</script>"
)


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
        answer = httpx.post(
            f"{base}/documents",
            json={"text": text, "published": published, "title": "founding"},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=60,
        )
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
    context.set_default_timeout(PAGE_TIMEOUT_MS)
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
CROWDED_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
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
            n=2 + index % 9, town=CROWDED_TOWNS[index % len(CROWDED_TOWNS)], date=date
        )
        yield text, day + dt.timedelta(days=1)


@pytest.fixture(scope="module")
def crowded_server(tmp_path_factory):
    """A read-only server over a store of a few hundred events in six towns of Mali and Niger."""
    store_module = pytest.importorskip(
        "marsad.store", reason="the event store (marsad.store) is not installed yet"
    )
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
    crowded_page.wait_for_function(
        "(n) => document.querySelectorAll('#map .marker.store').length === n", arg=count
    )
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
    ids = page.eval_on_selector_all(
        "#event-list [data-event-id]", "items => items.map(i => i.dataset.eventId)"
    )
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
    period = crowded_page.evaluate(
        "[...document.querySelectorAll('#timeline-chart g.bin:not(.outside)')]"
        ".map(g => [g.dataset.from, g.dataset.to])"
    )
    first, last = period[0][0], period[-1][1]
    assert first in summary and last in summary
    dates = crowded_page.eval_on_selector_all(
        "#event-list [data-event-id]", "items => items.map(i => i.dataset.date)"
    )
    assert len(dates) == chosen and all(first <= date <= last for date in dates)
    assert _map_counts(crowded_page)["events"] == chosen
    expected = httpx.get(
        f"{crowded_server}/events", params={"since": first, "until": last, "limit": 1000}
    ).json()
    assert expected["total"] == chosen
    crowded_page.click("#timeline-clear")
    assert _in_view(crowded_page) == total and crowded_page.locator("#timeline-clear").is_hidden()


def test_web_timeline_answers_the_keyboard(crowded_page, crowded_server):
    crowded_page.focus("#timeline-chart")
    crowded_page.keyboard.press("End")
    last_day = crowded_page.evaluate(
        "[...document.querySelectorAll('#timeline-chart g.bin')].pop().dataset.from"
    )
    expected = httpx.get(f"{crowded_server}/events", params={"since": last_day, "until": last_day}).json()[
        "total"
    ]
    assert _in_view(crowded_page) == expected > 0
    crowded_page.keyboard.press("Shift+ArrowLeft")  # time runs left to right in Arabic too: left is earlier
    assert _in_view(crowded_page) >= expected
    assert (
        crowded_page.evaluate("document.querySelector('#timeline-chart .brush').getAttribute('width')") != "0"
    )
    assert _query(crowded_page)["from"] < _query(crowded_page)["to"] == last_day
    crowded_page.keyboard.press("Escape")
    assert _in_view(crowded_page) == _stored_total(crowded_server)


def test_web_english_switch_labels_the_new_controls(crowded_page):
    strings = json.loads(
        (ROOT / "src" / "marsad" / "api" / "static" / "i18n.json").read_text(encoding="utf-8")
    )
    _drag_timeline(crowded_page, 0.1, 0.3)

    def labels():
        return {
            "clear": crowded_page.inner_text("#timeline-clear"),
            "legend": crowded_page.inner_text(".legend"),
            "unit": crowded_page.inner_text("#timeline-unit"),
            "hint": crowded_page.inner_text("#timeline-hint"),
            "summary": crowded_page.inner_text("#timeline-summary"),
            "badge": crowded_page.get_attribute("#map .cluster >> nth=0", "title"),
            "bar": crowded_page.text_content("#timeline-chart g.bin title"),
        }

    arabic = labels()
    assert (
        arabic["clear"] == strings["ar"]["timeline_clear"]
        and strings["ar"]["legend_deaths"] in arabic["legend"]
    )
    crowded_page.click("#lang-switch")
    english = labels()
    assert english["clear"] == "Show all dates" and english["unit"] == "per day"
    assert "Events" in english["legend"] and "Deaths" in english["legend"]
    assert english["hint"] == strings["en"]["timeline_hint"]
    assert english["summary"].endswith("deaths") and "events" in english["summary"]
    assert english["badge"].startswith(
        crowded_page.get_attribute("#map .cluster >> nth=0", "data-count") + " events"
    )
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
        "#claims tbody tr", "rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))"
    )


def _screenshot_stats(
    browser, png: bytes, near: tuple[int, int, int] = (0, 0, 0), tolerance: int = 12
) -> dict:
    """Pixel statistics of a PNG, computed by Chromium on a blank page: how much is drawn and highlighted,
    and (`near`) the share of pixels within `tolerance` of one colour."""
    scratch = browser.new_page()
    stats = scratch.evaluate(
        """async ([data, near, tolerance]) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = document.createElement("canvas");
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        let dark = 0, highlight = 0, close = 0;
        const colours = new Set();
        for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
            if (r + g + b < 200) dark += 1;
            if (r > 230 && g > 180 && r - b > 50) highlight += 1;  // the yellow of <mark>
            if ([r, g, b].every((value, k) => Math.abs(value - near[k]) <= tolerance)) close += 1;
            colours.add((r << 16) | (g << 8) | b);
        }
        const total = pixels.length / 4;
        return {dark: dark / total, highlight: highlight / total, colours: colours.size, near: close / total};
    }""",
        [base64.b64encode(png).decode(), list(near), tolerance],
    )
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
    extraction = httpx.post(
        page.url.rstrip("/") + "/extract", json={"text": text, "published": published}
    ).json()
    event = next(e for e in extraction["events"] if not e["background"] and e["claims"])
    page.click(f".marker.paste[data-event-id='{event['id']}']")
    last = len(event["claims"]) - 1
    page.click(f"#claims tr[data-claim='{last}']")
    active = page.eval_on_selector_all(
        "#article mark.active", "marks => marks.map(m => m.textContent).join('')"
    )
    assert active == event["claims"][last]["evidence"]["text"]


# Notes every element the page gains that could run script: a <script>, or one with an inline handler
# (onerror=...). Seeing the element is enough: no need to wait and see whether its handler fires.
WATCH_FOR_SCRIPT = """() => {
  window.scriptable = [];
  new MutationObserver((changes) => {
    for (const node of changes.flatMap((change) => [...change.addedNodes])) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      for (const element of [node, ...node.querySelectorAll("*")]) {
        if (element.localName === "script" || [...element.attributes].some((a) => a.name.startsWith("on"))) {
          window.scriptable.push(element.outerHTML);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}"""


def test_web_article_with_markup_renders_as_text(page):
    page.evaluate(WATCH_FOR_SCRIPT)
    _paste(page, XSS_ARTICLE, "2024-03-11")
    article = page.text_content("#article")
    assert "<img src=x onerror=alert(1)>" in article and "<script>alert(2)</script>" in article
    assert page.locator("#event-panel img, #event-panel script").count() == 0
    assert page.evaluate("window.scriptable") == []
    assert page.dialogs == []


def test_web_clicking_a_stored_event_on_the_map_shows_its_claims(page, server):
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    _, _, place = _founding_example()
    events = httpx.get(f"{server}/events", params={"limit": 100}).json()["events"]
    stored = next(
        e for e in events if e["location"] and e["location"]["name"] == place and e["fatalities"]["acled"]
    )
    marker = page.locator(f".marker.store[data-event-id='{stored['id']}']")
    marker.click()
    page.wait_for_selector("#claims tbody tr")
    detail = httpx.get(f"{server}/events/{stored['id']}").json()
    assert len(_claim_rows(page)) == len(detail["claims"])
    page.click("#claims tr[data-claim='0']")
    first = sorted(detail["claims"], key=lambda c: (c["document_id"], c["evidence"]["start"]))[0]
    active = page.eval_on_selector_all(
        "#article mark.active", "marks => marks.map(m => m.textContent).join('')"
    )
    assert active == first["evidence"]["text"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-store-event.png"), full_page=True)
    assert json.loads(page.evaluate("JSON.stringify(document.documentElement.dir)")) == "rtl"


# ---- the page as an analyst's tool (issue 13) ----------------------------------------------

ARABIC = re.compile("[\u0600-\u06ff]")
# Written for these tests: a report with an address, and one whose address must not become a link.
LINKED_ARTICLE = (
    "قال مسؤول محلي إن أربعة مدنيين قتلوا في هجوم شنه مسلحون على سوق في مدينة تمبكتو "
    "شمال مالي يوم 9 مارس 2024."
)
UNSAFE_ARTICLE = (
    "أعلن الجيش أن ستة من جنوده قتلوا في كمين نصبه مسلحون قرب مدينة سيغو وسط مالي يوم 3 فبراير 2024."
)
OUTLET_ARTICLE = (
    "قال مصدر أمني إن خمسة جنود قتلوا في هجوم شنه مسلحون على دورية قرب مدينة كيدال يوم 14 أبريل 2024."
)
# A toll whose dead the article does not identify (the victim side "unknown").
UNIDENTIFIED_VICTIMS_ARTICLE = (
    "أسفر الهجوم على قرية قرب مدينة غاو أمس الأحد عن سقوط 12 قتيلا، بحسب مصدر محلي."
)
NO_EVENT_ARTICLE = "افتتحت البلدية مكتبة جديدة في وسط المدينة أمس بحضور عدد من الطلاب."


def _store_only():
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")


def _founding_event(base: str) -> dict:
    _, _, place = _founding_example()
    events = httpx.get(f"{base}/events", params={"limit": 100}).json()["events"]
    return next(
        e for e in events if e["location"] and e["location"]["name"] == place and e["fatalities"]["acled"]
    )


def _open(browser, url: str):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1600}, locale="ar", accept_downloads=True
    )
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    return context, page


def _ingest(base: str, text: str, published: str, **metadata) -> dict:
    answer = httpx.post(
        f"{base}/documents",
        json={"text": text, "published": published, **metadata},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


def _event_of_document(base: str, document_id: str) -> str:
    for summary in httpx.get(f"{base}/events", params={"limit": 1000}).json()["events"]:
        if document_id in httpx.get(f"{base}/events/{summary['id']}").json()["documents"]:
            return summary["id"]
    raise AssertionError(f"no event holds {document_id}")


def _query(page) -> dict:
    return dict(parse_qsl(urlsplit(page.url).query))


def test_web_permalink_opens_the_founding_event(browser, server):
    _store_only()
    event = _founding_event(server)
    context, page = _open(browser, f"{server}/?event={event['id']}")
    page.wait_for_selector("#claims tbody tr")
    assert page.locator("#event-panel").is_visible()
    assert event["location"]["name"] in page.inner_text("#event-title")
    page.wait_for_selector(f"#map .marker.store.selected[data-event-id='{event['id']}']")
    assert page.locator(f"#event-list [data-event-id='{event['id']}'][aria-current=true]").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-permalink-ar.png"), full_page=True)
    assert page.errors == []
    context.close()


def test_web_filters_and_period_survive_a_reload_and_back(browser, crowded_server):
    context, page = _open(browser, f"{crowded_server}/")
    _wait_for_clusters(page)
    total = _stored_total(crowded_server)
    in_mali = httpx.get(f"{crowded_server}/events", params={"country": "MLI", "limit": 1}).json()["total"]
    assert 0 < in_mali < total
    page.fill("#filter-country", "MLI")
    page.click("#filters button[type=submit]")
    page.wait_for_function(
        "(n) => document.querySelector('#timeline-summary').dataset.count === String(n)", arg=in_mali
    )
    assert _query(page) == {"country": "MLI"}
    _drag_timeline(page, 0.3, 0.6)
    chosen = _in_view(page)
    query = _query(page)
    assert query["country"] == "MLI" and query["from"] <= query["to"] and 0 < chosen < in_mali
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("#filter-country") == "MLI" and _in_view(page) == chosen
    assert _query(page) == query
    page.go_back()
    page.wait_for_function(
        "(n) => document.querySelector('#timeline-summary').dataset.count === String(n)", arg=in_mali
    )
    assert _query(page) == {"country": "MLI"}
    page.go_back()
    page.wait_for_function(
        "(n) => document.querySelector('#timeline-summary').dataset.count === String(n)", arg=total
    )
    assert page.input_value("#filter-country") == ""
    assert page.errors == []
    context.close()


def test_web_timeline_runs_left_to_right_in_arabic(crowded_page):
    starts = crowded_page.eval_on_selector_all(
        "#timeline-chart g.bin",
        "bins => bins.map(b => [b.dataset.from, b.querySelector('.hit').getBoundingClientRect().x])",
    )
    by_place = [date for date, _ in sorted(starts, key=lambda item: item[1])]
    assert by_place == sorted(by_place) and len(by_place) > 10
    ticks = crowded_page.eval_on_selector_all(
        "#timeline-axis .tick", "ticks => ticks.map(t => t.textContent)"
    )
    assert len(ticks) >= 3 and ticks == sorted(ticks)
    assert crowded_page.inner_text("#timeline-scale")


def test_web_timeline_counts_news_events_only(page, server):
    text, published, _ = _founding_example()
    _paste(page, text, published)
    extraction = httpx.post(f"{server}/extract", json={"text": text, "published": published}).json()
    news = [event for event in extraction["events"] if not event["background"]]
    stored = httpx.get(f"{server}/events", params={"limit": 1000}).json()["events"]
    assert _in_view(page) == len(news) + len(stored)
    deaths = sum(event["fatalities"]["acled"] for event in news + stored)
    assert str(deaths) in page.inner_text("#timeline-summary")


def test_web_legend_explains_markers_and_badges(page):
    legend = page.locator("#map-legend")
    assert legend.is_visible()
    strings = json.loads(
        (ROOT / "src" / "marsad" / "api" / "static" / "i18n.json").read_text(encoding="utf-8")
    )
    assert strings["ar"]["legend_cluster"] in legend.inner_text()
    page.click("#lang-switch")
    assert strings["en"]["legend_marker"] in legend.inner_text() and "counts events" in legend.inner_text()


def test_web_pasted_markers_at_one_place_fan_out(page):
    text, published, _ = _founding_example()
    _paste(page, text, published)
    centres = page.eval_on_selector_all(
        "#map .marker",
        """dots => dots.map(d => {
        const box = d.getBoundingClientRect();
        return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    })""",
    )
    assert len(centres) >= 2 and len(set(map(tuple, centres))) == len(centres)
    for marker in page.locator("#map .marker.paste").all():
        marker.click()  # Playwright refuses a click on a marker that another one covers
        page.wait_for_selector("#map .marker.paste.selected")


def test_web_paste_without_events_closes_the_previous_panel(page):
    text, published, _ = _founding_example()
    _paste(page, text, published)
    assert page.locator("#event-panel").is_visible()
    page.fill("#paste-text", NO_EVENT_ARTICLE)
    page.click("#paste-submit")
    page.wait_for_selector("#event-panel", state="hidden")
    assert "0" in page.inner_text("#status")


def _interface_text(page) -> str:
    """The page's own words: everything but the article, the data in <bdi>, and Arabic-marked parts."""
    return page.evaluate("""() => {
        const copy = document.body.cloneNode(true);
        copy.querySelectorAll("#article, bdi, [lang=ar], textarea, script, .leaflet-control-attribution")
            .forEach(n => n.remove());
        return copy.innerText;
    }""")


def test_web_english_interface_has_no_untranslated_string(browser, server):
    _store_only()
    strings = json.loads(
        (ROOT / "src" / "marsad" / "api" / "static" / "i18n.json").read_text(encoding="utf-8")
    )
    static = ROOT / "src" / "marsad" / "api" / "static"
    used = set(
        re.findall(r'data-i18n(?:-placeholder)?="(\w+)"', (static / "index.html").read_text(encoding="utf-8"))
    )
    used |= set(re.findall(r'\b(?:t|tFormat|say)\("(\w+)"', (static / "app.js").read_text(encoding="utf-8")))
    assert used and not used - set(strings["ar"]) and not used - set(strings["en"]), used ^ (
        used & set(strings["en"])
    )
    assert set(strings["ar"]) <= set(strings["en"])
    event = _founding_event(server)
    context, page = _open(browser, f"{server}/?event={event['id']}&lang=en&view=table")
    page.wait_for_selector("#claims tbody tr")
    assert page.get_attribute("html", "lang") == "en"
    words = _interface_text(page)
    assert not ARABIC.search(words), ARABIC.findall(words)[:20]
    assert not ARABIC.search(page.inner_text(".rule")) and not ARABIC.search(
        page.inner_text("#events-table thead")
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-event-en.png"), full_page=True)
    context.close()


def test_web_arabic_interface_gives_the_rule_in_arabic(browser, server):
    _store_only()
    event = _founding_event(server)
    context, page = _open(browser, f"{server}/?event={event['id']}")
    page.wait_for_selector("#claims tbody tr")
    rule = page.inner_text(".rule")
    assert not re.search("[A-Za-z]{4,}", rule.replace("ACLED", "")), rule
    assert ARABIC.search(page.inner_text("#event-title"))  # the place as the article wrote it
    context.close()


def test_web_vague_figures_read_in_order_in_english(page):
    if not SEED.exists():
        pytest.skip("the founding example (/work/shared/seed) is not here")
    text, published, _ = _founding_example()
    _paste(page, text, published)
    page.click("#lang-switch")
    cells = page.locator("#claims td.num .vague")
    figures = [cell.inner_text() for cell in cells.all()]
    assert "dozens (10–99)" in figures and "some of them (2+)" in figures
    dozens = cells.filter(has_text="dozens")
    word, number = dozens.locator("bdi").first.bounding_box(), dozens.locator("bdi").nth(1).bounding_box()
    assert word["x"] < number["x"]  # drawn left to right: "dozens", then "(10–99)"
    page.click("#lang-switch")
    assert "العشرات" in page.inner_text("#claims")


def test_web_claims_cite_their_article_with_links(browser, server):
    _store_only()
    url = "https://news.example.org/2024/03/timbuktu"
    linked = _ingest(
        server, LINKED_ARTICLE, "2024-03-10", url=url, outlet="Example News", title="Attack in Timbuktu"
    )
    unsafe = _ingest(server, UNSAFE_ARTICLE, "2024-02-04", url="javascript:alert(1)", title="Ambush")
    for ingested in (linked, unsafe):
        event_id = _event_of_document(server, ingested["document_id"])
        context, page = _open(browser, f"{server}/?event={event_id}&lang=en")
        page.wait_for_selector("#claims tbody tr")
        citation = page.locator("#claims tbody tr >> nth=0").locator(".citation")
        record = citation.locator("a.record-link")
        assert record.get_attribute("href") == f"/documents/{ingested['document_id']}"
        if ingested is linked:
            assert citation.locator("a.source-link").get_attribute("href") == url
            assert "Attack in Timbuktu" in citation.inner_text() and "Example News" in citation.inner_text()
            assert "2024-03-10" in citation.inner_text()
        else:
            assert citation.locator("a.source-link").count() == 0 and "Ambush" in citation.inner_text()
        assert page.locator("#article mark.evidence").count() >= 1
        context.close()


def test_web_table_sorts_pages_and_opens_an_event(browser, crowded_server):
    context, page = _open(browser, f"{crowded_server}/")
    _wait_for_clusters(page)
    page.click("#table-toggle")
    assert _query(page).get("view") == "table"
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 25
    page.click("#events-table button[data-sort=acled]")
    deaths = [int(row.locator("td.num").first.inner_text()) for row in rows.all()]
    assert deaths == sorted(deaths, reverse=True)
    page.click("#events-table button[data-sort=acled]")
    deaths = [int(row.locator("td.num").first.inner_text()) for row in rows.all()]
    assert deaths == sorted(deaths)
    first_page = rows.first.get_attribute("data-event-id")
    page.click("#events-table .pager .next")
    assert (
        "2" in page.inner_text("#events-table .page-number")
        and rows.first.get_attribute("data-event-id") != first_page
    )
    event_id = rows.nth(3).get_attribute("data-event-id")
    rows.nth(3).click()
    page.wait_for_selector("#claims tbody tr")
    assert _query(page)["event"] == event_id
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-table-ar.png"), full_page=True)
    context.close()


def _csv_rows(body: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize(
    "link, download_format", [("#download-csv", "csv"), ("#download-geojson", "geojson")]
)
def test_web_download_gives_the_rows_on_screen(browser, crowded_server, link, download_format):
    context, page = _open(browser, f"{crowded_server}/?country=MLI")
    _wait_for_clusters(page)
    _drag_timeline(page, 0.2, 0.5)
    query = _query(page)
    with page.expect_download() as download:
        page.click(link)
    body = Path(download.value.path()).read_text(encoding="utf-8")
    params = {"country": "MLI", "since": query["from"], "until": query["to"], "limit": 1000}
    expected = httpx.get(f"{crowded_server}/events", params=params).json()
    assert expected["total"] == _in_view(page) > 0
    if download_format == "csv":
        # ACLED's rows: one a day of each event, as GET /events?format=csv gives them.
        same = httpx.get(f"{crowded_server}/events", params={**params, "format": "csv"}).text
        assert _csv_rows(body) == _csv_rows(same) and len(_csv_rows(body)) >= expected["total"]
    else:
        ids = [feature["id"] for feature in json.loads(body)["features"]]
        assert ids == [event["id"] for event in expected["events"]]
    context.close()


@pytest.mark.parametrize("link", ["#download-csv", "#download-geojson"])
def test_web_download_holds_every_event_beyond_one_page(browser, many_server, link):
    context, page = _open(browser, f"{many_server}/?place=" + "غاو")
    page.wait_for_function(
        "(n) => document.querySelector('#timeline-summary').dataset.count === String(n)", arg=MANY
    )
    with page.expect_download() as download:
        page.click(link)
    body = Path(download.value.path()).read_text(encoding="utf-8")
    if link == "#download-csv":
        assert body.splitlines()[1:] == every_page(many_server, {"place": "غاو"}, "csv")
    else:
        ids = [feature["id"] for feature in json.loads(body)["features"]]
        assert (
            ids == [event["id"] for event in every_page(many_server, {"place": "غاو"})] and len(ids) == MANY
        )
    context.close()


def test_web_actor_filter_accepts_arabic_names(browser, server):
    _store_only()
    event = _founding_event(server)
    actor = next(a["name"] for a in event["actors"] if a["name"].startswith("Military Forces of Mali"))
    expected = httpx.get(f"{server}/events", params={"actor": actor}).json()["total"]
    context, page = _open(browser, f"{server}/?actor=" + "الجيش المالي")
    assert page.input_value("#filter-actor") == "الجيش المالي"
    assert _in_view(page) == expected > 0
    context.close()


def _listed_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#event-list [data-event-id]", "items => items.map(i => i.dataset.eventId)"
    )


def test_web_place_filter_accepts_arabic_and_latin_names(browser, crowded_server):
    expected = httpx.get(f"{crowded_server}/events", params={"place": "Gao", "limit": 1000}).json()
    assert 0 < expected["total"] < _stored_total(crowded_server)
    context, page = _open(browser, f"{crowded_server}/?place=" + "غاو")
    assert page.input_value("#filter-place") == "غاو"
    assert _in_view(page) == expected["total"]
    assert sorted(_listed_ids(page)) == sorted(event["id"] for event in expected["events"])
    page.fill("#filter-place", "Gao")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => new URLSearchParams(location.search).get('place') === 'Gao'")
    assert _in_view(page) == expected["total"]
    assert sorted(_listed_ids(page)) == sorted(event["id"] for event in expected["events"])
    assert page.errors == []
    context.close()


def test_web_basemap_names_towns_and_regions_offline(page, browser):
    if not (VENDOR / "basemap" / "labels.json").exists():
        pytest.skip("the basemap labels are not built; run `make web`")
    page.wait_for_selector("#map .place-label.town")
    page.click("#lang-switch")  # the labels in Latin letters (the Arabic ones: the next test)
    page.evaluate("() => { state.map.setView([16.27, -0.04], 7, {animate: false}); }")  # Gao, on the Niger
    page.wait_for_function(
        "() => [...document.querySelectorAll('#map .place-label.town')]"
        ".some(label => label.textContent === 'Gao')"
    )
    towns = page.eval_on_selector_all("#map .place-label.town", "labels => labels.map(l => l.textContent)")
    regions = page.eval_on_selector_all(
        "#map .place-label.region", "labels => labels.map(l => l.textContent)"
    )
    assert "Gao" in towns and len(towns) > 5 and regions
    map_pixels = _screenshot_stats(browser, page.locator("#map").screenshot())
    assert map_pixels["dark"] > 0.001, "no label drawn on the map"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#map").screenshot(path=str(ARTIFACTS / "web-basemap-gao.png"))


# ---- names in the interface's language (issue 13) ---------------------------------------------


def _labels(page, kind: str = "town") -> list[str]:
    return page.eval_on_selector_all(f"#map .place-label.{kind}", "labels => labels.map(l => l.textContent)")


def test_web_basemap_labels_follow_the_interface_language(page, browser):
    if not (VENDOR / "basemap" / "labels.json").exists():
        pytest.skip("the basemap labels are not built; run `make web`")
    from marsad.knowledge.gazetteer import Gazetteer

    gao = Gazetteer.default().arabic_name(2457163)
    page.evaluate("() => { state.map.setView([16.27, -0.04], 7, {animate: false}); }")  # Gao, on the Niger
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('#map .place-label.town')]"
        ".some(label => label.textContent === name)",
        arg=gao,
    )
    arabic = _labels(page)
    # Towns GeoNames names in Arabic are labelled in Arabic; the others (most of the Sahel's) in Latin.
    assert "Gao" not in arabic and sum(bool(ARABIC.search(label)) for label in arabic) >= 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#map").screenshot(path=str(ARTIFACTS / "web-basemap-ar.png"))
    page.click("#lang-switch")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#map .place-label.town')]"
        ".some(label => label.textContent === 'Gao')"
    )
    assert not any(ARABIC.search(label) for label in _labels(page) + _labels(page, "region"))
    page.locator("#map").screenshot(path=str(ARTIFACTS / "web-basemap-en.png"))


def test_web_places_in_the_list_and_panel_follow_the_interface_language(browser, crowded_server):
    regions = json.loads((VENDOR / "basemap" / "regions.json").read_text(encoding="utf-8"))
    expected = httpx.get(f"{crowded_server}/events", params={"place": "Timbuktu", "limit": 1}).json()[
        "events"
    ][0]
    location = expected["location"]
    assert location["name"] == "Timbuktu" and location["name_ar"] == "تمبكتو"
    context, page = _open(browser, f"{crowded_server}/?place=Timbuktu&event={expected['id']}")
    page.wait_for_selector("#event-facts dd")
    meta = page.eval_on_selector_all("#event-list .item-meta", "items => items.map(i => i.textContent)")
    assert meta and all("تمبكتو" in item and "Timbuktu" not in item for item in meta)
    where = page.inner_text("#event-facts dd >> nth=1")
    assert "تمبكتو" in where and "(Timbuktu)" in where and regions["MLI"][location["admin1"]] in where
    page.click("#table-toggle")
    assert "تمبكتو" in page.inner_text("#events-table tbody tr >> nth=0")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-places-ar.png"), full_page=True)
    page.click("#lang-switch")
    meta = page.eval_on_selector_all("#event-list .item-meta", "items => items.map(i => i.textContent)")
    assert all("Timbuktu" in item and not ARABIC.search(item) for item in meta)
    where = page.inner_text("#event-facts dd >> nth=1")
    assert where.startswith("Timbuktu") and location["admin1"] in where
    assert "Timbuktu" in page.inner_text("#events-table tbody tr >> nth=0")
    page.screenshot(path=str(ARTIFACTS / "web-places-en.png"), full_page=True)
    assert page.errors == []
    context.close()


def test_web_english_interface_names_known_sources_in_english(browser, server):
    _store_only()
    event = httpx.get(f"{server}/events/{_founding_event(server)['id']}").json()
    context, page = _open(browser, f"{server}/?event={event['id']}&lang=en")
    page.wait_for_selector("#claims tbody tr")
    claims = sorted(event["claims"], key=lambda c: (c["document_id"], c["evidence"]["start"]))
    cells = page.locator("#claims tbody tr td:nth-child(2)")
    army = [claim for claim in claims if claim["source"] and claim["source"]["text"] == "الجيش المالي"]
    assert army and all(claim["source"]["name"].startswith("Military Forces of Mali") for claim in army)
    for index, claim in enumerate(claims):
        if claim["source"] is None:
            continue
        cell = cells.nth(index)
        name = claim["source"]["name"]
        assert cell.inner_text().strip() == name
        # The actors table's names are English; what it does not know stays as written, isolated.
        isolated = cell.locator("bdi")
        assert isolated.count() == 1 and isolated.get_attribute("dir") == "auto"
    context.close()


REGION_BORDER = (0x9C, 0x8F, 0x7A)  # app.js setUpRegionBorders
WATER = (0xCF, 0xE0, 0xEE)  # app.css .leaflet-container: the sea, where no land is drawn


def test_web_basemap_draws_regions_and_water_offline(page, browser):
    if not (VENDOR / "basemap" / "admin1-borders.geojson").exists():
        pytest.skip("the region borders are not built; run `make web`")
    page.wait_for_selector("#map[data-region-borders=true]")
    page.evaluate("() => { state.map.setView([17.5, -2], 6, {animate: false}); }")  # Mali's regions
    page.wait_for_function(
        "() => [...document.querySelectorAll('#map .place-label.region')]"
        ".some(label => /[\\u0600-\\u06ff]/.test(label.textContent))"
    )
    arabic_regions = _labels(page, "region")
    borders = _screenshot_stats(browser, page.locator("#map").screenshot(), REGION_BORDER, 20)["near"]
    assert borders > 0.0005, "no region border drawn"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#map").screenshot(path=str(ARTIFACTS / "web-regions-ar.png"))
    page.click("#lang-switch")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#map .place-label.region')]"
        ".some(label => label.textContent === 'Tombouctou')"
    )
    english_regions = _labels(page, "region")
    assert len(english_regions) >= 5 and not any(ARABIC.search(label) for label in english_regions)
    assert sum(bool(ARABIC.search(label)) for label in arabic_regions) >= len(arabic_regions) / 2
    page.locator("#map").screenshot(path=str(ARTIFACTS / "web-regions-en.png"))
    _moved(page, [34, 18], 5)  # Libya and the Mediterranean
    assert _screenshot_stats(browser, page.locator("#map").screenshot(), WATER)["near"] > 0.2, "no sea drawn"
    assert page.errors == []


# ---- actors in the interface's language, lakes and rivers (issue 13) ---------------------------


def _facts_actors(page) -> str:
    return page.inner_text("#event-facts dd >> nth=2")


def test_web_actors_follow_the_interface_language(browser, server):
    _store_only()
    event = httpx.get(f"{server}/events/{_founding_event(server)['id']}").json()
    context, page = _open(browser, f"{server}/?event={event['id']}&view=table")
    page.wait_for_selector("#claims tbody tr")
    arabic = [actor["name_ar"] for actor in event["actors"]]
    assert arabic and all(arabic)
    shown = _facts_actors(page)
    assert all(name in shown for name in arabic) and not re.search("[A-Za-z]{3}", shown)
    row = page.locator(f"#events-table tbody tr[data-event-id='{event['id']}']")
    assert all(name in row.inner_text() for name in arabic)
    claims = sorted(event["claims"], key=lambda c: (c["document_id"], c["evidence"]["start"]))
    sources = page.locator("#claims tbody tr td:nth-child(2)")
    victims = page.locator("#claims tbody tr td:nth-child(5)")
    for index, claim in enumerate(claims):
        if claim["source"] and claim["source"]["name_ar"]:
            assert sources.nth(index).inner_text().strip() == claim["source"]["name_ar"]
        if claim["victim"]["name_ar"]:
            assert victims.nth(index).inner_text().strip() == claim["victim"]["name_ar"]
    options = page.eval_on_selector_all("#actor-options option", "options => options.map(o => o.value)")
    assert set(arabic) <= set(options) and not any(re.search("[A-Za-z]{3}", o) for o in options)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-actors-ar.png"), full_page=True)
    page.click("#lang-switch")
    shown = _facts_actors(page)
    assert all(actor["name"] in shown for actor in event["actors"]) and not ARABIC.search(shown)
    assert all(actor["name"] in row.inner_text() for actor in event["actors"])
    page.screenshot(path=str(ARTIFACTS / "web-actors-en.png"), full_page=True)
    assert page.errors == []
    context.close()


def test_web_pasted_article_names_its_actors_in_arabic(page):
    text, published, _ = _founding_example()
    _paste(page, text, published)
    extraction = httpx.post(
        page.url.split("?")[0].rstrip("/") + "/extract", json={"text": text, "published": published}
    )
    first = next(event for event in extraction.json()["events"] if not event["background"])
    names = [actor["name"] for actor in first["actors"]]
    answer = httpx.get(page.url.split("?")[0].rstrip("/") + "/actors/names", params={"name": names}).json()
    arabic = [entry["name_ar"] for entry in answer["names"]]
    assert arabic and all(arabic)
    shown = _facts_actors(page)
    assert all(name in shown for name in arabic) and not re.search("[A-Za-z]{3}", shown)
    page.click("#lang-switch")
    assert all(name in _facts_actors(page) for name in names)
    assert page.errors == []


def test_web_actor_filter_accepts_the_arabic_name_it_shows(browser, server):
    _store_only()
    event = _founding_event(server)
    # A generic actor if the event has one ("مسلحون مجهولون (مالي)"), else its first.
    actor = next((a for a in event["actors"] if re.search(r"\([^\d]+\)$", a["name"])), event["actors"][0])
    expected = httpx.get(f"{server}/events", params={"actor": actor["name"]}).json()["total"]
    context, page = _open(browser, f"{server}/")
    page.fill("#filter-actor", actor["name_ar"])
    page.click("#filters button[type=submit]")
    page.wait_for_function(
        "(name) => new URLSearchParams(location.search).get('actor') === name", arg=actor["name_ar"]
    )
    page.wait_for_function("(n) => state.storeEvents.length === n", arg=expected)
    assert _in_view(page) == expected > 0
    assert page.errors == []
    context.close()


LAKE = (0xCF, 0xE0, 0xEE)  # app.js WATER_STYLE: lakes take the sea's colour
RIVER = (0x6F, 0x9C, 0xC6)  # app.js RIVER_STYLE


def _moved(page, center: list[float], zoom: int) -> None:
    """Move the map and wait for it to have painted two frames since."""
    page.evaluate(
        "([center, zoom]) => new Promise(done => { state.map.once('moveend', () => requestAnimationFrame("
        "() => requestAnimationFrame(() => done(true))));"
        " state.map.setView(center, zoom, {animate: false}); })",
        [center, zoom],
    )


def test_web_basemap_draws_lakes_and_rivers_offline(page, browser):
    if not (VENDOR / "basemap" / "lakes.geojson").exists():
        pytest.skip("the lakes and rivers are not built; run `make web`")
    page.wait_for_selector("#map[data-water=true]")
    _moved(page, [-1.2, 33.0], 7)  # Lake Victoria, a thousand kilometres from any sea
    ARTIFACTS.mkdir(exist_ok=True)
    shot = page.locator("#map").screenshot(path=str(ARTIFACTS / "web-lake.png"))
    assert _screenshot_stats(browser, shot, LAKE, 6)["near"] > 0.05, "no lake drawn"
    _moved(page, [16.5, -2.5], 7)  # the Niger between Timbuktu and Gao
    page.evaluate("() => { document.getElementById('map-legend').hidden = true; }")  # its blue sample
    shot = page.locator("#map").screenshot(path=str(ARTIFACTS / "web-river.png"))
    # A thin line is drawn blended with the land: its colour within a wide tolerance.
    assert _screenshot_stats(browser, shot, RIVER, 40)["near"] > 0.0005, "no river drawn"
    assert page.errors == []


def test_web_list_names_a_place_without_an_arabic_name_as_its_article_wrote_it(browser, server):
    _store_only()
    location = _founding_event(server)["location"]
    expected = location["name_ar"] or location["text"]
    assert expected and ARABIC.search(expected)
    context, page = _open(browser, f"{server}/?view=table")
    meta = page.eval_on_selector_all("#event-list .item-meta", "items => items.map(i => i.textContent)")
    assert any(expected in item for item in meta)
    assert any(expected in row for row in page.locator("#events-table tbody tr").all_inner_texts())
    assert page.errors == []
    context.close()


def test_web_citations_name_a_known_outlet_in_the_interface_language(browser, server):
    _store_only()
    ingested = _ingest(server, OUTLET_ARTICLE, "2024-04-15", outlet="aljazeera.net", title="هجوم في كيدال")
    context, page = _open(browser, f"{server}/?event={_event_of_document(server, ingested['document_id'])}")
    page.wait_for_selector("#claims tbody tr")
    citation = page.locator(f"#claims .citation[data-document-id='{ingested['document_id']}']").first
    assert "الجزيرة" in citation.inner_text() and "aljazeera" not in citation.inner_text()
    page.click("#lang-switch")
    citation = page.locator(f"#claims .citation[data-document-id='{ingested['document_id']}']").first
    assert "Al Jazeera" in citation.inner_text()
    assert page.errors == []
    context.close()


def test_web_unidentified_victims_are_named_in_the_interface_language(page):
    _paste(page, UNIDENTIFIED_VICTIMS_ARTICLE, "2024-03-11")
    strings = json.loads(
        (ROOT / "src" / "marsad" / "api" / "static" / "i18n.json").read_text(encoding="utf-8")
    )
    assert [row[4] for row in _claim_rows(page)] == [strings["ar"]["unknown_victim"]]
    page.click("#lang-switch")
    assert [row[4] for row in _claim_rows(page)] == [strings["en"]["unknown_victim"]]
    assert page.errors == []
