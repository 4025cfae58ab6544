"""The HTTP API over real HTTP: `marsad serve` runs in a subprocess on a free port."""

from __future__ import annotations

import importlib
import os
import signal
import socket
import threading

import pytest

from processes import alive, children, command_line, cpu_seconds, run_tag, tagged_processes, wait_until

pytest.importorskip("httpx")
import patient_httpx as httpx  # noqa: E402  (httpx, waiting as long as a loaded machine needs)

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from marsad.api.errors import STATUS_OF_KIND, ApiError  # noqa: E402
from marsad.api.local_server import local_server, served  # noqa: E402
from marsad.errors import CODES, KINDS  # noqa: E402
from marsad.knowledge.gazetteer import GAZETTEER_ENV  # noqa: E402
from marsad.schema import Extraction  # noqa: E402
from support import ARTICLE_GAO, MANY  # noqa: E402

TOKEN = "test-token-7f3a"
ERROR_KEYS = {"ok", "error", "status"}

# Articles written for these tests, in news style (ARTICLE_GAO is in support: the store of many events
# repeats it).
ARTICLE_MOPTI = "قال مصدر أمني إن ثلاثة مدنيين قتلوا في انفجار عبوة ناسفة قرب مدينة موبتي وسط مالي أمس الأحد."
# One endless sentence of the articles' words, no punctuation: slow to extract at any speed
# (~8 MB; the slow servers accept 20 MB bodies).
UNPUNCTUATED = " ".join((ARTICLE_GAO + " " + ARTICLE_MOPTI).replace("،", " ").replace(".", " ").split())
SLOW_TEXT = " ".join([UNPUNCTUATED] * 35_000)
BIG_BODY = str(20 * 1024 * 1024)


@pytest.fixture(scope="module")
def read_only():
    with local_server() as server:
        yield server


@pytest.fixture(scope="module")
def read_only_server(read_only):
    return read_only.base


@pytest.fixture(scope="module")
def writable_server():
    with served("--cors-origin", "http://allowed.example", token=TOKEN) as base:
        yield base


@pytest.fixture(scope="module")
def store_server(tmp_path_factory):
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    db = tmp_path_factory.mktemp("store") / "events.db"
    with served("--db", f"sqlite:///{db}", token=TOKEN) as base:
        for text, published in ((ARTICLE_GAO, "2024-03-13"), (ARTICLE_MOPTI, "2024-03-11")):
            answer = httpx.post(
                f"{base}/documents",
                json={"text": text, "published": published, "title": "اختبار"},
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=30,
            )
            assert answer.status_code == 201, answer.text
        yield base


def assert_error_shape(response, status: int) -> dict:
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == ERROR_KEYS and body["ok"] is False and body["status"] == status
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"].startswith("E") and body["error"]["message"]
    return body["error"]


def test_api_health_says_read_only_without_token(read_only_server):
    body = httpx.get(f"{read_only_server}/health").json()
    assert body["ok"] is True and body["read_only"] is True and body["store"] is None


def test_api_health_says_writable_with_token(writable_server):
    assert httpx.get(f"{writable_server}/health").json()["read_only"] is False


def test_api_actor_names_in_arabic_without_a_store(read_only_server):
    names = ["Rapid Support Forces", "Civilians (Mali)", "Military Forces of Mali (2021-)", "مصادر أمنية"]
    body = httpx.get(f"{read_only_server}/actors/names", params={"name": [*names, names[0]]}).json()
    assert body["ok"] is True
    assert body["names"] == [
        {"name": "Rapid Support Forces", "name_ar": "قوات الدعم السريع"},
        {"name": "Civilians (Mali)", "name_ar": "مدنيون (مالي)"},
        {"name": "Military Forces of Mali (2021-)", "name_ar": "الجيش المالي (منذ 2021)"},
        {"name": "مصادر أمنية", "name_ar": None},  # a source as the article wrote it
    ]


def test_api_events_carry_their_actors_in_arabic(store_server):
    event = httpx.get(f"{store_server}/events", params={"limit": 1}).json()["events"][0]
    assert event["actors"] and all(actor["name_ar"] for actor in event["actors"])
    detail = httpx.get(f"{store_server}/events/{event['id']}").json()
    victims = [claim["victim"] for claim in detail["claims"]]
    assert victims and all(victim["name_ar"] for victim in victims if victim["name"] != "unknown")


@pytest.mark.parametrize(
    "text, published, kind, low",
    [
        (ARTICLE_GAO, "2024-03-13", "killed", 5),
        (ARTICLE_MOPTI, "2024-03-11", "killed", 3),
    ],
)
def test_api_extract_returns_the_contract(read_only_server, text, published, kind, low):
    response = httpx.post(
        f"{read_only_server}/extract", json={"text": text, "published": published}, timeout=30
    )
    assert response.status_code == 200
    extraction = Extraction.model_validate(response.json())
    claims = [claim for event in extraction.events for claim in event.claims]
    assert any(claim.kind == kind and claim.low == low for claim in claims)
    for claim in claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_api_extract_of_empty_text_is_empty(read_only_server):
    response = httpx.post(f"{read_only_server}/extract", json={"text": ""})
    assert response.status_code == 200 and response.json()["events"] == []


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"text": ARTICLE_GAO, "published": "2024-13-01"}, 400, "E001"),
        ({"published": "2024-03-13"}, 422, "E303"),
        ({"text": ARTICLE_GAO, "surprise": 1}, 422, "E303"),
        ({"text": 42}, 422, "E303"),
    ],
)
def test_api_extract_refuses_bad_input_in_one_shape(read_only_server, body, status, code):
    error = assert_error_shape(httpx.post(f"{read_only_server}/extract", json=body), status)
    assert error["code"] == code


@pytest.fixture(scope="module")
def broken_setup_server(tmp_path_factory):
    """A server whose gazetteer is no gazetteer file: a fault of its setup, none of a request's."""
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    folder = tmp_path_factory.mktemp("broken-setup")
    (folder / "gazetteer.sqlite").write_text("no gazetteer", encoding="utf-8")
    env = {**os.environ, GAZETTEER_ENV: str(folder / "gazetteer.sqlite")}
    with local_server("--db", f"sqlite:///{folder / 'events.db'}", env=env) as server:
        yield server.base


@pytest.mark.parametrize(
    "method, route, options",
    [
        ("POST", "/extract", {"json": {"text": ARTICLE_GAO, "published": "2024-03-13"}}),
        ("GET", "/events", {"params": {"place": "غاو"}}),
    ],
)
def test_api_a_broken_setup_is_503_in_one_shape(broken_setup_server, method, route, options):
    error = assert_error_shape(httpx.request(method, f"{broken_setup_server}{route}", **options), 503)
    assert error["code"] == "E401" and GAZETTEER_ENV in error["message"]


def test_api_an_input_fault_stays_400_beside_a_broken_setup(broken_setup_server):
    body = {"text": ARTICLE_GAO, "published": "2024-13-01"}
    assert assert_error_shape(httpx.post(f"{broken_setup_server}/extract", json=body), 400)["code"] == "E001"


@pytest.mark.parametrize("code", sorted(CODES))
def test_api_status_of_every_code_follows_its_kind(code):
    module, name = CODES[code].where.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    status = cls.status if issubclass(cls, ApiError) else STATUS_OF_KIND[CODES[code].kind]
    assert set(STATUS_OF_KIND) == set(KINDS)
    assert {"input": 400 <= status < 500, "setup": status == 503, "bug": status == 500}[CODES[code].kind]


def test_api_refuses_a_20_mb_body_with_413(read_only_server):
    body = b'{"text": "' + b"x" * (20 * 1024 * 1024) + b'"}'
    response = httpx.post(
        f"{read_only_server}/extract", content=body, headers={"Content-Type": "application/json"}, timeout=60
    )
    assert assert_error_shape(response, 413)["code"] == "E304"


def test_api_refuses_a_large_chunked_body_with_413(read_only_server):
    def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    response = httpx.post(
        f"{read_only_server}/extract",
        content=chunks(),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert assert_error_shape(response, 413)["code"] == "E304"


def test_api_write_is_forbidden_on_a_read_only_server(read_only_server):
    response = httpx.post(
        f"{read_only_server}/documents",
        json={"text": ARTICLE_GAO},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert assert_error_shape(response, 403)["code"] == "E306"


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}],
)
def test_api_write_without_the_token_is_refused(writable_server, headers):
    response = httpx.post(f"{writable_server}/documents", json={"text": ARTICLE_GAO}, headers=headers)
    assert assert_error_shape(response, 401)["code"] == "E305"
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_store_routes_without_a_store_say_so(writable_server):
    for path in ("/events", "/events/ev1", "/documents/d1"):
        assert assert_error_shape(httpx.get(f"{writable_server}{path}"), 503)["code"] == "E307"
    response = httpx.post(
        f"{writable_server}/documents",
        json={"text": ARTICLE_GAO},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert assert_error_shape(response, 503)["code"] == "E307"


def _failing_requests(base: str, openapi: dict):
    """One request per route and method of the OpenAPI document that must fail, plus routing failures."""
    for path, methods in openapi["paths"].items():
        concrete = path.replace("{event_id}", "no-such-event").replace("{document_id}", "no-such-document")
        for method in methods:
            if method == "get":
                yield "GET", f"{base}{concrete}?limit=0", None
            else:
                yield method.upper(), f"{base}{concrete}", {"unexpected": True}
            yield "DELETE", f"{base}{concrete}", None
    yield "GET", f"{base}/no/such/route", None
    yield "GET", f"{base}/static/no-such-file.js", None


@pytest.mark.parametrize("server_name", ["read_only_server", "writable_server"])
def test_api_every_route_errors_in_one_shape(request, server_name):
    base = request.getfixturevalue(server_name)
    openapi = httpx.get(f"{base}/openapi.json").json()
    assert {
        "/extract",
        "/documents",
        "/events",
        "/events/{event_id}",
        "/documents/{document_id}",
        "/health",
    } <= set(openapi["paths"])
    seen = 0
    for method, url, body in _failing_requests(base, openapi):
        response = httpx.request(method, url, json=body)
        if response.status_code < 400:
            continue
        assert_error_shape(response, response.status_code)
        seen += 1
    assert seen >= 2 * len(openapi["paths"])


def test_api_sends_no_cors_headers_unless_configured(read_only_server, writable_server):
    preflight = {"Origin": "http://allowed.example", "Access-Control-Request-Method": "POST"}
    assert (
        "access-control-allow-origin"
        not in httpx.options(f"{read_only_server}/extract", headers=preflight).headers
    )
    allowed = httpx.options(f"{writable_server}/extract", headers=preflight)
    assert allowed.headers["access-control-allow-origin"] == "http://allowed.example"
    other = httpx.get(f"{writable_server}/health", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_api_serves_the_page_with_a_strict_content_policy(read_only_server):
    page = httpx.get(f"{read_only_server}/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and 'lang="ar"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/app.css", "/static/i18n.json"):
        assert httpx.get(f"{read_only_server}{asset}").status_code == 200


def test_api_has_no_docs_pages_that_need_the_internet(read_only_server):
    assert_error_shape(httpx.get(f"{read_only_server}/docs"), 404)


# ---- with the event store ------------------------------------------------------------------


def test_api_ingest_with_token_creates_a_document(store_server):
    response = httpx.post(
        f"{store_server}/documents",
        json={"text": ARTICLE_GAO, "published": "2024-03-13"},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 201
    body = response.json()
    assert body["ok"] is True and response.headers["location"] == f"/documents/{body['document_id']}"


def test_api_events_lists_and_paginates(store_server):
    page = httpx.get(f"{store_server}/events", params={"limit": 1}).json()
    assert page["total"] >= 2 and len(page["events"]) == 1 and page["next"]
    following = httpx.get(f"{store_server}{page['next']}").json()
    assert following["offset"] == 1 and following["events"][0]["id"] != page["events"][0]["id"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"country": "MLI"}, 2),
        ({"country": "NER"}, 0),
        ({"since": "2024-03-12"}, 1),
        ({"until": "2024-03-11"}, 1),
        ({"type": "Battles"}, 1),
        ({"place": "Gao"}, 1),
        ({"place": "غاو"}, 1),
        ({"place": "مدينة موبتي"}, 1),
        ({"place": "Kidal"}, 0),
    ],
)
def test_api_events_filters(store_server, params, expected):
    assert httpx.get(f"{store_server}/events", params=params).json()["total"] == expected


@pytest.mark.parametrize("arabic, latin", [("غاو", "Gao"), ("موبتي", "Mopti")])
def test_api_place_filter_finds_the_same_events_in_arabic_and_latin(store_server, arabic, latin):
    def ids(place):
        return [
            event["id"]
            for event in httpx.get(f"{store_server}/events", params={"place": place}).json()["events"]
        ]

    assert ids(arabic) == ids(latin) != []


def test_api_events_bad_filter_date_is_refused(store_server):
    assert (
        assert_error_shape(httpx.get(f"{store_server}/events", params={"since": "yesterday"}), 400)["code"]
        == "E001"
    )


def test_api_events_as_csv_and_geojson(store_server):
    csv_answer = httpx.get(f"{store_server}/events", params={"format": "csv"})
    assert csv_answer.headers["content-type"].startswith("text/csv")
    assert csv_answer.text.splitlines()[0].startswith("event_id_cnty,event_date")
    geojson = httpx.get(f"{store_server}/events", params={"format": "geojson"}).json()
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    longitude, latitude = geojson["features"][0]["geometry"]["coordinates"]
    assert -10 < longitude < 10 and 10 < latitude < 25


@pytest.mark.parametrize("hxl", [False, True])
def test_api_events_csv_is_the_acled_export(store_server, hxl):
    import csv
    import io

    from marsad.store.export import ACLED_COLUMNS, HXL_TAGS

    params = {"format": "csv", **({"hxl": "1"} if hxl else {})}
    rows = list(csv.reader(io.StringIO(httpx.get(f"{store_server}/events", params=params).text)))
    assert rows[0] == list(ACLED_COLUMNS) and len(rows[0]) == 31
    assert (rows[1] == [HXL_TAGS.get(c, "") for c in ACLED_COLUMNS]) == hxl
    data = [dict(zip(rows[0], row)) for row in rows[1 + hxl :]]
    assert {row["country"] for row in data} == {"Mali"} and {row["iso"] for row in data} == {"466"}


def test_api_events_background_are_asked_for_apart(store_server):
    news = httpx.get(f"{store_server}/events").json()
    background = httpx.get(f"{store_server}/events", params={"background": "true"}).json()
    assert news["total"] >= 2 and not any(e["background"] for e in news["events"])
    assert all(e["background"] for e in background["events"])
    assert_error_shape(httpx.get(f"{store_server}/events", params={"background": "sometimes"}), 422)


def test_api_events_asked_again_give_the_same_bytes(store_server):
    first, again = (httpx.get(f"{store_server}/events", params={"limit": 1}) for _ in range(2))
    assert first.content == again.content and first.headers["content-type"] == again.headers["content-type"]


def test_api_events_show_what_another_process_wrote_since(tmp_path):
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    from marsad.store import open_store

    db = f"sqlite:///{tmp_path / 'events.db'}"
    with served("--db", db, "--extract-workers", "1") as base:
        assert httpx.get(f"{base}/events").json()["total"] == 0
        with open_store(db) as store:
            store.ingest(ARTICLE_MOPTI, published="2024-03-11")
        assert httpx.get(f"{base}/events").json()["total"] == 1


def test_api_answer_cache_keeps_answers_only_while_the_store_is_unchanged():
    from marsad.api.cache import AnswerCache

    answers = AnswerCache(max_bytes=10)
    assert answers.get("limit=1", 7) is None
    answers.put("limit=1", 7, b"page")
    assert answers.get("limit=1", 7) == b"page"
    assert answers.get("limit=1", 8) is None
    answers.put("limit=1", 7, b"stale")  # read before the change: never kept
    assert answers.get("limit=1", 8) is None
    answers.put("limit=1", None, b"page")
    assert answers.get("limit=1", None) is None


def test_api_answer_cache_forgets_the_oldest_beyond_its_size():
    from marsad.api.cache import AnswerCache

    answers = AnswerCache(max_bytes=10)
    answers.get("a", 1)
    answers.put("a", 1, b"123456")
    answers.put("b", 1, b"123456")
    answers.put("c", 1, b"12345678901")
    assert answers.get("a", 1) is None and answers.get("b", 1) == b"123456" and answers.get("c", 1) is None


def test_api_event_and_document_carry_the_evidence(store_server):
    listed = httpx.get(f"{store_server}/events", params={"type": "Battles"}).json()["events"][0]
    event = httpx.get(f"{store_server}/events/{listed['id']}").json()
    claim = next(c for c in event["claims"] if c["kind"] == "killed")
    document = httpx.get(f"{store_server}/documents/{claim['document_id']}").json()
    assert (
        document["text"][claim["evidence"]["start"] : claim["evidence"]["end"]] == claim["evidence"]["text"]
    )


def test_api_unknown_event_and_document_are_404(store_server):
    assert assert_error_shape(httpx.get(f"{store_server}/events/nope"), 404)["code"] == "E301"
    assert assert_error_shape(httpx.get(f"{store_server}/documents/nope"), 404)["code"] == "E301"


def test_api_next_link_ignores_the_host_header(store_server):
    page = httpx.get(f"{store_server}/events", params={"limit": 1}, headers={"Host": "evil.example"}).json()
    assert page["next"].startswith("/events?") and "evil" not in page["next"]


@pytest.mark.parametrize("actor", ["%", "_", "\\\\"])
def test_api_actor_filter_takes_like_wildcards_literally(store_server, actor):
    assert httpx.get(f"{store_server}/events", params={"actor": actor}).json()["total"] == 0


def every_page(base: str, params: dict, format: str = "json") -> list:
    """What a client paging through GET /events collects: events (json) or CSV lines without the header."""
    collected, offset = [], 0
    while True:
        answer = httpx.get(
            f"{base}/events", params={**params, "limit": 1000, "offset": offset, "format": "json"}
        )
        page = answer.json()
        if format == "csv":
            lines = httpx.get(
                f"{base}/events", params={**params, "limit": 1000, "offset": offset, "format": "csv"}
            ).text.splitlines()
            collected += lines[1:]
        else:
            collected += page["events"]
        offset += len(page["events"])
        if not page["events"] or offset >= page["total"]:
            return collected


@pytest.mark.parametrize("params", [{}, {"country": "MLI", "place": "غاو", "since": "1991-01-01"}])
def test_api_csv_download_streams_every_page(many_server, params):
    answer = httpx.get(f"{many_server}/events", params={**params, "format": "csv"}, timeout=60)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    lines = answer.text.splitlines()
    from marsad.store.export import ACLED_COLUMNS

    assert lines[0] == ",".join(ACLED_COLUMNS)
    expected = every_page(many_server, params, "csv")
    assert lines[1:] == expected and len(expected) > 1000


def test_api_geojson_download_streams_every_page(many_server):
    features = httpx.get(f"{many_server}/events", params={"format": "geojson"}, timeout=60).json()["features"]
    events = every_page(many_server, {})
    assert [feature["id"] for feature in features] == [event["id"] for event in events]
    assert len(features) == MANY


def test_api_download_of_nothing_is_a_header_or_an_empty_collection(many_server):
    params = {"place": "كيدال"}
    assert (
        httpx.get(f"{many_server}/events", params={**params, "format": "csv", "hxl": "1"}).text.count("\n")
        == 2
    )
    assert httpx.get(f"{many_server}/events", params={**params, "format": "geojson"}).json() == {
        "type": "FeatureCollection",
        "features": [],
    }


def test_api_download_fault_is_one_json_error(many_server):
    assert (
        assert_error_shape(
            httpx.get(f"{many_server}/events", params={"format": "csv", "since": "soon"}), 400
        )["code"]
        == "E001"
    )


def test_api_health_shows_no_path(tmp_path):
    db = tmp_path / "hidden-folder" / "events.db"
    db.parent.mkdir()
    with served("--db", str(db)) as base:
        answer = httpx.get(f"{base}/health")
    assert answer.json()["store"] == "sqlite" and "hidden-folder" not in answer.text


# ---- every input fault: a 4xx in the one shape, naming what is wrong --------------------------

FAULTY_BODIES = [  # (name, raw body, status, word the message must hold)
    ("not UTF-8", '{"text": "قتل '.encode() + b'\xff"}', 400, "UTF-8"),
    (
        "lone surrogate",
        b'{"text": "\\u0642\\u062a\\u0644 \\ud800 \\u062c\\u0646\\u0648\\u062f"}',
        422,
        "text",
    ),
    ("NUL", b'{"text": "a\\u0000b"}', 422, "text"),
    ("broken JSON", b'{"text": ', 400, "JSON"),
    ("deep nesting", b"[" * 100_000, 400, "nests"),
    ("bad date", '{"text": "قتل جندي", "published": "2024-13-01"}'.encode(), 400, "published"),
    ("wrong type", b'{"text": 42}', 422, "text"),
    ("surrogate in another field", b'{"text": "x", "title": "\\udfff"}', 422, "title"),
]
FAULTY_QUERIES = [  # (route, query string, status, word)
    ("/events", "since=yesterday", 400, "since"),
    ("/events", "until=2024-02-30", 400, "until"),
    ("/events", "limit=many", 422, "limit"),
    ("/events", "actor=%00", 422, "actor"),
    ("/events", "place=%00", 422, "place"),
    ("/events", "format=xml", 422, "format"),
    ("/events/{event_id}", "", 422, "event_id"),
    ("/documents/{document_id}", "", 422, "document_id"),
    ("/actors/names", "", 422, "name"),
    ("/actors/names", "name=%00", 422, "name"),
    ("/actors/names", "name=a&" * 201, 422, "name"),
]


def _fault_requests(base: str):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    for path in ("/extract", "/documents"):
        for name, body, status, word in FAULTY_BODIES:
            if path == "/documents" or name != "surrogate in another field":
                yield path, ("POST", f"{base}{path}", {"content": body, "headers": auth}), status, word
    for path, query, status, word in FAULTY_QUERIES:
        concrete = path.replace("{event_id}", "a%00b").replace("{document_id}", "a%00b")
        yield path, ("GET", f"{base}{concrete}?{query}", {}), status, word


def test_api_every_route_refuses_input_faults_in_one_shape(store_server):
    covered = set()
    for path, (method, url, options), status, word in _fault_requests(store_server):
        error = assert_error_shape(httpx.request(method, url, timeout=30, **options), status)
        assert word in error["message"], (url, error)
        covered.add(path)
    openapi = httpx.get(f"{store_server}/openapi.json").json()
    with_input = {
        path
        for path, methods in openapi["paths"].items()
        if any(operation.get("parameters") or operation.get("requestBody") for operation in methods.values())
    }
    assert with_input <= covered, f"routes without a fault test: {with_input - covered}"


@pytest.mark.parametrize("content_length", [b"12abc", b"-1", b"1,2"])
def test_api_malformed_content_length_is_a_json_error(read_only_server, content_length):
    host, port = read_only_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(
            b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + content_length + b"\r\n\r\n{}"
        )
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400") and b"content-type: application/json" in head.lower()
    response = httpx.Response(400, content=body)
    assert assert_error_shape(response, 400)["code"] == "E314"


# ---- the extraction's time budget, its workers, and stopping ----------------------------------


def _workers(server_pid: int) -> list[int]:
    return [pid for pid in children(server_pid) if "spawn_main" in command_line(pid)]


@pytest.fixture(scope="module")
def tight_budget_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("tight") / "events.db"
    with served("--db", f"sqlite:///{db}", "--extract-budget", "0.05", token=TOKEN) as base:
        yield base


@pytest.mark.parametrize("route", ["/extract", "/documents"])
def test_api_extraction_over_its_budget_is_refused_and_the_server_goes_on(tight_budget_server, route):
    slow = httpx.post(
        f"{tight_budget_server}{route}",
        json={"text": UNPUNCTUATED * 300},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    error = assert_error_shape(slow, 413)
    assert (
        error["code"] == "E310"
        and "shorter text" in error["message"]
        and "--extract-budget" in error["message"]
    )
    assert httpx.post(f"{tight_budget_server}/extract", json={"text": ""}, timeout=30).status_code == 200


@pytest.fixture
def slow_server():
    """One worker, a long budget, room for SLOW_TEXT; the environment tags its processes."""
    tag, env = run_tag()
    with local_server(
        "--extract-budget", "600", "--extract-workers", "1", "--max-body-bytes", BIG_BODY, env=env
    ) as server:
        [worker] = _workers(server.process.pid)
        yield server, worker, tag


def _post_slow_text_in_background(base: str) -> threading.Thread:
    def post():
        try:
            httpx.post(f"{base}/extract", json={"text": SLOW_TEXT}, timeout=600)  # the server's budget
        except httpx.HTTPError:  # the server went away: what the test is about
            pass

    thread = threading.Thread(target=post, daemon=True)
    thread.start()
    return thread


def _wait_until_busy(worker: int) -> None:
    before = cpu_seconds(worker)
    wait_until(lambda: cpu_seconds(worker) > before + 0.3, 60, "the worker to start extracting")


def test_api_extraction_stops_when_the_client_goes(slow_server):
    server, worker, _ = slow_server
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{server.base}/extract", json={"text": SLOW_TEXT}, timeout=httpx.Timeout(60, read=1))
    wait_until(lambda: not alive(worker), 60, "the abandoned extraction's worker to be killed")
    wait_until(lambda: len(_workers(server.process.pid)) == 1, 60, "a fresh worker")


def test_api_answers_other_requests_during_a_slow_extraction(slow_server):
    server, worker, _ = slow_server
    slow = _post_slow_text_in_background(server.base)
    _wait_until_busy(worker)
    assert httpx.get(f"{server.base}/health", timeout=60).status_code == 200
    assert slow.is_alive(), "the answer came only once the slow extraction was over"


def test_api_sigterm_stops_the_server_and_its_workers_mid_extraction(slow_server):
    server, worker, tag = slow_server
    _post_slow_text_in_background(server.base)
    _wait_until_busy(worker)
    server.process.send_signal(signal.SIGTERM)
    wait_until(lambda: server.process.poll() is not None, 60, "the server to stop on SIGTERM")
    wait_until(lambda: not tagged_processes(tag), 60, "the extraction workers to end")


def test_api_workers_end_when_the_server_is_sigkilled(slow_server):
    server, _, tag = slow_server
    server.process.kill()
    server.process.wait()
    wait_until(lambda: not tagged_processes(tag), 60, "the orphaned extraction workers to end")


def test_api_serve_prints_its_address_and_logs_each_request(read_only):
    httpx.get(f"{read_only.base}/events?limit=1")
    wait_until(lambda: "GET /events?limit=1 503" in read_only.output(), 60, "the access log line")
    assert f"{read_only.base}/" in read_only.output()
