"""The HTTP API over real HTTP: `marsad serve` runs in a subprocess on a free port."""
from __future__ import annotations

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from marsad.api.local_server import served  # noqa: E402
from marsad.schema import Extraction  # noqa: E402

TOKEN = "test-token-7f3a"
ERROR_KEYS = {"ok", "error", "status"}

# Articles written for these tests, in news style.
ARTICLE_GAO = ("قُتل خمسة جنود ماليين وأصيب ثمانية آخرون في هجوم شنه مسلحون على موقع للجيش قرب مدينة غاو "
               "شمالي مالي يوم الثلاثاء، بحسب ما أعلن الجيش المالي في بيان.")
ARTICLE_MOPTI = "قال مصدر أمني إن ثلاثة مدنيين قتلوا في انفجار عبوة ناسفة قرب مدينة موبتي وسط مالي أمس الأحد."


@pytest.fixture(scope="module")
def read_only_server():
    with served() as base:
        yield base


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
            answer = httpx.post(f"{base}/documents", json={"text": text, "published": published, "title": "اختبار"},
                                headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
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


@pytest.mark.parametrize("text, published, kind, low", [
    (ARTICLE_GAO, "2024-03-13", "killed", 5),
    (ARTICLE_MOPTI, "2024-03-11", "killed", 3),
])
def test_api_extract_returns_the_contract(read_only_server, text, published, kind, low):
    response = httpx.post(f"{read_only_server}/extract", json={"text": text, "published": published}, timeout=30)
    assert response.status_code == 200
    extraction = Extraction.model_validate(response.json())
    claims = [claim for event in extraction.events for claim in event.claims]
    assert any(claim.kind == kind and claim.low == low for claim in claims)
    for claim in claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text


def test_api_extract_of_empty_text_is_empty(read_only_server):
    response = httpx.post(f"{read_only_server}/extract", json={"text": ""})
    assert response.status_code == 200 and response.json()["events"] == []


@pytest.mark.parametrize("body, status, code", [
    ({"text": ARTICLE_GAO, "published": "2024-13-01"}, 400, "E001"),
    ({"published": "2024-03-13"}, 422, "E303"),
    ({"text": ARTICLE_GAO, "surprise": 1}, 422, "E303"),
    ({"text": 42}, 422, "E303"),
])
def test_api_extract_refuses_bad_input_in_one_shape(read_only_server, body, status, code):
    error = assert_error_shape(httpx.post(f"{read_only_server}/extract", json=body), status)
    assert error["code"] == code


def test_api_extract_refuses_broken_json(read_only_server):
    response = httpx.post(f"{read_only_server}/extract", content=b'{"text": ', headers={"Content-Type": "application/json"})
    assert_error_shape(response, 422)


def test_api_refuses_a_20_mb_body_with_413(read_only_server):
    body = b'{"text": "' + b"x" * (20 * 1024 * 1024) + b'"}'
    response = httpx.post(f"{read_only_server}/extract", content=body,
                          headers={"Content-Type": "application/json"}, timeout=60)
    assert assert_error_shape(response, 413)["code"] == "E304"


def test_api_refuses_a_large_chunked_body_with_413(read_only_server):
    def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    response = httpx.post(f"{read_only_server}/extract", content=chunks(),
                          headers={"Content-Type": "application/json"}, timeout=60)
    assert assert_error_shape(response, 413)["code"] == "E304"


def test_api_write_is_forbidden_on_a_read_only_server(read_only_server):
    response = httpx.post(f"{read_only_server}/documents", json={"text": ARTICLE_GAO},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert assert_error_shape(response, 403)["code"] == "E306"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}])
def test_api_write_without_the_token_is_refused(writable_server, headers):
    response = httpx.post(f"{writable_server}/documents", json={"text": ARTICLE_GAO}, headers=headers)
    assert assert_error_shape(response, 401)["code"] == "E305"
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_store_routes_without_a_store_say_so(writable_server):
    for path in ("/events", "/events/ev1", "/documents/d1"):
        assert assert_error_shape(httpx.get(f"{writable_server}{path}"), 503)["code"] == "E307"
    response = httpx.post(f"{writable_server}/documents", json={"text": ARTICLE_GAO},
                          headers={"Authorization": f"Bearer {TOKEN}"})
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
    assert {"/extract", "/documents", "/events", "/events/{event_id}", "/documents/{document_id}",
            "/health"} <= set(openapi["paths"])
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
    assert "access-control-allow-origin" not in httpx.options(f"{read_only_server}/extract", headers=preflight).headers
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
    response = httpx.post(f"{store_server}/documents", json={"text": ARTICLE_GAO, "published": "2024-03-13"},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert response.status_code == 201
    body = response.json()
    assert body["ok"] is True and response.headers["location"] == f"/documents/{body['document_id']}"


def test_api_events_lists_and_paginates(store_server):
    page = httpx.get(f"{store_server}/events", params={"limit": 1}).json()
    assert page["total"] >= 2 and len(page["events"]) == 1 and page["next"]
    following = httpx.get(page["next"]).json()
    assert following["offset"] == 1 and following["events"][0]["id"] != page["events"][0]["id"]


@pytest.mark.parametrize("params, expected", [
    ({"country": "MLI"}, 2), ({"country": "NER"}, 0), ({"since": "2024-03-12"}, 1), ({"until": "2024-03-11"}, 1),
    ({"type": "Battles"}, 1),
])
def test_api_events_filters(store_server, params, expected):
    assert httpx.get(f"{store_server}/events", params=params).json()["total"] == expected


def test_api_events_bad_filter_date_is_refused(store_server):
    assert assert_error_shape(httpx.get(f"{store_server}/events", params={"since": "yesterday"}), 400)["code"] == "E001"


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
    data = [dict(zip(rows[0], row)) for row in rows[1 + hxl:]]
    assert {row["country"] for row in data} == {"Mali"} and {row["iso"] for row in data} == {"466"}


def test_api_events_background_are_asked_for_apart(store_server):
    news = httpx.get(f"{store_server}/events").json()
    background = httpx.get(f"{store_server}/events", params={"background": "true"}).json()
    assert news["total"] >= 2 and not any(e["background"] for e in news["events"])
    assert all(e["background"] for e in background["events"])
    assert_error_shape(httpx.get(f"{store_server}/events", params={"background": "sometimes"}), 422)


def test_api_event_and_document_carry_the_evidence(store_server):
    listed = httpx.get(f"{store_server}/events", params={"type": "Battles"}).json()["events"][0]
    event = httpx.get(f"{store_server}/events/{listed['id']}").json()
    claim = next(c for c in event["claims"] if c["kind"] == "killed")
    document = httpx.get(f"{store_server}/documents/{claim['document_id']}").json()
    assert document["text"][claim["evidence"]["start"]:claim["evidence"]["end"]] == claim["evidence"]["text"]


def test_api_unknown_event_and_document_are_404(store_server):
    assert assert_error_shape(httpx.get(f"{store_server}/events/nope"), 404)["code"] == "E301"
    assert assert_error_shape(httpx.get(f"{store_server}/documents/nope"), 404)["code"] == "E301"
