"""Tests of `marsad eval`'s engine: each scoring rule of GOLD.md on small gold and system events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import support
from marsad.evaluation import EvalReport, evaluate, format_table, load_gold, names_match, score_articles
from marsad.evaluation.gold import GoldArticle, GoldEvent
from marsad.schema import Actor, Claim, Document, Event, Extraction, Fatalities, Location, Party, Span

REAL_GOLD = support.SHARED / "corpus" / "gold"
PUBLISHED = dt.date(2024, 3, 11)
NO_SPAN = Span(start=0, end=0, text="")

# Kafr Nabl and two points 30 km and 150 km from it.
KAFR_NABL = (35.61, 36.56)
NEAR_KAFR_NABL = (35.88, 36.56)
FAR_FROM_KAFR_NABL = (36.96, 36.56)

ARMY = {"name": "Military Forces of Syria", "aliases": ["الجيش السوري", "قوات النظام"], "inter": 1}
HTS = {"name": "Hayat Tahrir al-Sham", "aliases": ["هيئة تحرير الشام", "الهيئة"], "inter": 2}
OBSERVATORY = {
    "name": "Syrian Observatory for Human Rights",
    "aliases": ["المرصد السوري لحقوق الإنسان", "المرصد"],
}
DEFENCE_MINISTRY = {"name": "Ministry of Defence of Syria", "aliases": ["وزارة الدفاع السورية"]}


# --- builders ----------------------------------------------------------------------------------


def gold_claim(**fields) -> dict:
    return {
        "source": OBSERVATORY,
        "kind": "killed",
        "victim": ARMY["name"],
        "low": None,
        "high": None,
        "stance": "asserted",
        **fields,
    }


def gold_event(**fields) -> dict:
    return {
        "id": "e1",
        "optional": False,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date_start": "2024-03-10",
        "date_end": "2024-03-10",
        "time_precision": 1,
        "country": "SYR",
        "location": {
            "name": "Kafr Nabl",
            "aliases": ["كفرنبل", "بلدة كفرنبل"],
            "lat": KAFR_NABL[0],
            "lon": KAFR_NABL[1],
            "geo_precision": 1,
        },
        "actors": [ARMY, HTS],
        "claims": [],
        **fields,
    }


def gold_article(events: list[dict], article_id: str = "t1") -> GoldArticle:
    return GoldArticle(
        article_id,
        Path(f"{article_id}.gold.json"),
        text="نص الخبر",
        published=PUBLISHED,
        events=tuple(GoldEvent.model_validate(event) for event in events),
    )


def party(name: str, text: str) -> Party:
    return Party(name=name, text=text)


ARMY_VICTIM = party(ARMY["name"], "جنود الجيش السوري")
OBSERVATORY_SOURCE = party(OBSERVATORY["name"], "المرصد السوري")


def system_claim(
    kind: str = "killed",
    low: int | None = None,
    high: int | None = None,
    victim: Party = ARMY_VICTIM,
    source: Party | None = OBSERVATORY_SOURCE,
    stance: str = "asserted",
    vague: str | None = None,
) -> Claim:
    return Claim(
        kind=kind,
        low=low,
        high=high,
        vague=vague,
        victim=victim,
        source=source,
        stance=stance,
        evidence=NO_SPAN,
    )


def system_location(
    text: str = "كفرنبل", name: str = "Kafr Nabl", point: tuple[float, float] | None = KAFR_NABL
) -> Location:
    lat, lon = point if point else (None, None)
    return Location(name=name, text=text, lat=lat, lon=lon, geo_precision=1)


def system_event(
    event_id: str = "s1",
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    start: str | None = "2024-03-10",
    end: str | None = None,
    location: Location | None = None,
    actors: list[Actor] | None = None,
    claims: list[Claim] | None = None,
    background: bool = False,
) -> Event:
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date_start=start,
        date_end=end or start,
        time_precision=1,
        location=location or system_location(),
        actors=actors if actors is not None else [Actor(name=ARMY["name"], text="الجيش السوري", inter=1)],
        claims=claims or [],
        fatalities=Fatalities(rule="test"),
        background=background,
        evidence=NO_SPAN,
    )


def extraction(events: list[Event]) -> Extraction:
    return Extraction(
        document=Document(id="t1", language="ar", published=PUBLISHED, sha256="0", length=0), events=events
    )


def score(gold_events: list[dict], system_events: list[Event]) -> EvalReport:
    return score_articles([gold_article(gold_events)], lambda text, published: extraction(system_events))


def event_counts(report: EvalReport) -> tuple[int, int, int]:
    prf = report.metrics.events
    return prf.tp, prf.fp, prf.fn


def claim_counts(report: EvalReport) -> tuple[int, int, int]:
    prf = report.metrics.claims
    return prf.tp, prf.fp, prf.fn


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("الجيش السوري", "جيش سوري", True),  # leading ال of every word
        ("إدلب", "ادلب", True),  # hamza forms fold to bare alef
        ("مُسلّحون", "مسلحون", True),  # diacritics removed
        ("قرية الهيجة", "قرية الهيجه", True),  # ta marbuta folds to ha
        ("وزارة الدفاع", "بوزارة الدفاع", True),  # a clitic preposition on the first word
        ("الجيش", "للجيش", True),  # ل + ال written لل
        ("المتمردين", "المتمرد", True),  # one contains the other (plural suffix)
        ("الجيش", "قال مصدر في الجيش", True),  # every word of one is a word of the other
        ("Military Forces of Syria", "military forces of SYRIA", True),
        ("مالي", "الصومالي", False),  # not a match inside a longer word
        ("قوات النظام", "النظام السوري", False),  # shares a word only
        ("حلب", "حماة", False),
        ("", "حلب", False),
    ],
)
def test_evaluation_names_match_rule(first: str, second: str, expected: bool) -> None:
    assert names_match(first, second) is expected
    assert names_match(second, first) is expected


# --- event pairing -------------------------------------------------------------------------------


def test_evaluation_event_pairs_by_place_alias_without_coordinates() -> None:
    report = score([gold_event()], [system_event(location=system_location("بلدة كفرنبل", "كفرنبل", None))])
    assert event_counts(report) == (1, 0, 0)
    assert report.metrics.median_km is None
    assert report.metrics.within_50km.value == 0.0


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (NEAR_KAFR_NABL, (1, 0, 0)),
        (FAR_FROM_KAFR_NABL, (0, 1, 1)),
        (None, (0, 1, 1)),
    ],
)
def test_evaluation_event_pairs_by_distance(point: tuple[float, float] | None, expected: tuple) -> None:
    location = system_location("ريف إدلب الجنوبي", "Southern Idlib countryside", point)
    report = score([gold_event()], [system_event(location=location)])
    assert event_counts(report) == expected


def test_evaluation_location_error_is_haversine_km() -> None:
    report = score([gold_event()], [system_event(location=system_location(point=NEAR_KAFR_NABL))])
    assert report.metrics.median_km == pytest.approx(30.0, abs=0.5)
    assert report.metrics.within_50km.value == 1.0


@pytest.mark.parametrize(
    ("start", "end", "pairs"),
    [
        ("2024-03-13", None, True),  # a day after the gold range ends
        ("2024-03-09", None, True),  # a day before it starts
        ("2024-03-14", None, False),
        ("2024-03-08", None, False),
        ("2024-03-05", "2024-03-08", False),
        ("2024-03-05", "2024-03-09", True),
        (None, None, False),  # an undated system event pairs nothing
    ],
)
def test_evaluation_event_date_ranges_overlap_with_a_day_of_slack(
    start: str | None, end: str | None, pairs: bool
) -> None:
    gold = gold_event(date_start="2024-03-10", date_end="2024-03-12")
    report = score([gold], [system_event(start=start, end=end)])
    assert report.metrics.events.tp == int(pairs)


def test_evaluation_start_date_accuracy_is_exact() -> None:
    gold = gold_event(date_start="2024-03-10", date_end="2024-03-12")
    report = score(
        [gold, gold_event(id="e2", location={"name": "Aleppo", "aliases": ["حلب"]})],
        [
            system_event(start="2024-03-10", end="2024-03-12"),
            system_event("s2", start="2024-03-11", location=system_location("حلب", "Aleppo", None)),
        ],
    )
    assert report.metrics.start_date.hits == 1
    assert report.metrics.start_date.total == 2


def test_evaluation_event_type_alt_pairs_but_sub_type_counts_against_main_type() -> None:
    gold = gold_event(
        event_type="Strategic developments",
        sub_event_type="Other",
        event_type_alt=["Battles", "Explosions/Remote violence"],
    )
    report = score([gold], [system_event()])
    assert event_counts(report) == (1, 0, 0)
    assert report.metrics.sub_type.value == 0.0


def test_evaluation_event_type_must_agree_without_alt() -> None:
    gold = gold_event(event_type="Strategic developments", sub_event_type="Other")
    assert event_counts(score([gold], [system_event()])) == (0, 1, 1)


def test_evaluation_optional_gold_counts_neither_way() -> None:
    paired = score([gold_event(optional=True)], [system_event()])
    assert event_counts(paired) == (0, 0, 0)
    unpaired = score([gold_event(optional=True)], [])
    assert event_counts(unpaired) == (0, 0, 0)


def test_evaluation_background_event_counts_neither_way() -> None:
    history = system_event(start="2012-05-01", background=True, location=system_location("حمص", "Homs", None))
    assert event_counts(score([], [history])) == (0, 0, 0)
    # A background event that pairs a news gold event does not report it as news.
    assert event_counts(score([gold_event()], [system_event(background=True)])) == (0, 0, 1)


def test_evaluation_background_event_does_not_take_gold_from_news_event() -> None:
    report = score([gold_event()], [system_event("s1", background=True), system_event("s2")])
    assert event_counts(report) == (1, 0, 0)
    assert report.articles[0].counted_pairs[0].system == 1


def test_evaluation_event_pairing_prefers_non_optional_gold() -> None:
    optional_first = [gold_event(id="e0", optional=True), gold_event(id="e1")]
    report = score(optional_first, [system_event()])
    assert event_counts(report) == (1, 0, 0)


def test_evaluation_event_pairing_prefers_place_name_over_nearness() -> None:
    # The system names Kafr Nabl but places its point next to gold e2's Maarrat al-Numan.
    maarrat = {"name": "Maarrat al-Numan", "aliases": ["معرة النعمان"], "lat": 35.64, "lon": 36.67}
    golds = [gold_event(id="e2", location=maarrat), gold_event(id="e1")]
    systems = [
        system_event("s1", location=system_location("كفرنبل", "Kafr Nabl", (35.64, 36.67))),
        system_event("s2", location=system_location("معرة النعمان", "Maarrat al-Numan", None)),
    ]
    report = score(golds, systems)
    assert event_counts(report) == (2, 0, 0)
    assert {(pair.gold, pair.system) for pair in report.articles[0].pairs} == {(1, 0), (0, 1)}


def test_evaluation_event_pairing_prefers_same_sub_type() -> None:
    kinds = {"event_type": "Explosions/Remote violence"}
    golds = [
        gold_event(id="e1", sub_event_type="Air/drone strike", **kinds),
        gold_event(id="e2", sub_event_type="Shelling/artillery/missile attack", **kinds),
    ]
    report = score(golds, [system_event(sub_event_type="Shelling/artillery/missile attack", **kinds)])
    assert report.articles[0].pairs[0].gold == 1
    assert report.metrics.sub_type.value == 1.0


def test_evaluation_event_pairing_prefers_most_claims_in_common() -> None:
    golds = [
        gold_event(id="e1", claims=[gold_claim(low=3, high=3)]),
        gold_event(id="e2", claims=[gold_claim(low=9, high=9)]),
    ]
    report = score(golds, [system_event(claims=[system_claim(low=9, high=9)])])
    assert report.articles[0].pairs[0].gold == 1
    assert claim_counts(report) == (1, 0, 1)


# --- claims --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_range", "system_range", "pairs"),
    [
        ((7, 7), (7, 7), True),  # exact: equal figures
        ((7, 7), (7, None), False),  # exact gold is not met by "at least 7"
        ((7, 7), (8, 8), False),
        ((0, 0), (0, 0), True),  # "no deaths" (لم يسقط قتلى)
        ((15, None), (20, 20), True),  # open range: overlap
        ((15, None), (10, 14), False),
        ((15, None), (None, None), False),  # a figure in gold needs one in the system
        ((None, None), (5, 5), True),  # no number in gold: kind and victim alone
        ((None, None), (None, None), True),
    ],
)
def test_evaluation_claim_count_ranges(gold_range: tuple, system_range: tuple, pairs: bool) -> None:
    gold = gold_event(claims=[gold_claim(low=gold_range[0], high=gold_range[1])])
    system = system_event(claims=[system_claim(low=system_range[0], high=system_range[1])])
    assert score([gold], [system]).metrics.claims.tp == int(pairs)


@pytest.mark.parametrize(("system_range", "pairs"), [((30, 30), True), ((10, 99), True), ((100, 999), False)])
def test_evaluation_claim_vague_range_overlaps(system_range: tuple, pairs: bool) -> None:
    gold = gold_event(claims=[gold_claim(kind="injured", low=10, high=99, vague="العشرات")])
    system = system_event(claims=[system_claim(kind="injured", low=system_range[0], high=system_range[1])])
    assert score([gold], [system]).metrics.claims.tp == int(pairs)


def test_evaluation_claim_kind_must_agree() -> None:
    gold = gold_event(claims=[gold_claim(kind="captured", low=4, high=4)])
    system = system_event(claims=[system_claim(kind="killed", low=4, high=4)])
    assert claim_counts(score([gold], [system])) == (0, 1, 1)


@pytest.mark.parametrize(
    ("victim", "actors", "pairs"),
    [
        (party("Syrian soldiers", "جنود قوات النظام"), None, True),  # victim text contains an alias
        (party(ARMY["name"], "عناصر"), None, True),  # victim name is the gold actor
        (party("SYR-1", "عناصر"), [Actor(name="SYR-1", text="الجيش السوري", inter=1)], True),  # via its actor
        (party("Civilians (Syria)", "المدنيين"), None, False),
    ],
)
def test_evaluation_claim_victim_matches(victim: Party, actors: list[Actor] | None, pairs: bool) -> None:
    gold = gold_event(claims=[gold_claim(low=6, high=6)])
    system = system_event(actors=actors, claims=[system_claim(low=6, high=6, victim=victim)])
    assert score([gold], [system]).metrics.claims.tp == int(pairs)


def test_evaluation_unknown_gold_victim_matches_any_victim() -> None:
    gold = gold_event(claims=[gold_claim(victim="unknown", low=11, high=11)])
    system = system_event(claims=[system_claim(low=11, high=11, victim=party("Civilians (Syria)", "أشخاص"))])
    assert score([gold], [system]).metrics.claims.tp == 1


def test_evaluation_unknown_gold_victim_yields_to_named_victim() -> None:
    gold = gold_event(claims=[gold_claim(victim="unknown", low=11, high=11), gold_claim(low=11, high=11)])
    report = score([gold], [system_event(claims=[system_claim(low=11, high=11)])])
    assert report.articles[0].pairs[0].claims[0].gold == 1


@pytest.mark.parametrize(("system_stance", "pairs"), [("denied", True), ("asserted", False)])
def test_evaluation_denied_pairs_only_with_denied(system_stance: str, pairs: bool) -> None:
    gold = gold_event(claims=[gold_claim(stance="denied", low=20, high=20, victim=HTS["name"])])
    victim = party(HTS["name"], "عناصر الهيئة")
    system = system_event(claims=[system_claim(low=20, high=20, victim=victim, stance=system_stance)])
    assert score([gold], [system]).metrics.claims.tp == int(pairs)


@pytest.mark.parametrize(
    ("gold_source", "system_source", "correct"),
    [
        (None, None, True),  # the article's own voice
        (None, party("Syrian Observatory", "المرصد"), False),
        (OBSERVATORY, None, False),
        (OBSERVATORY, party("SOHR", "المرصد السوري لحقوق الإنسان"), True),  # alias in the system text
        (OBSERVATORY, party("Syrian Observatory for Human Rights", "مصدر"), True),  # name in the system name
        (DEFENCE_MINISTRY, party("SOHR", "المرصد"), False),
    ],
)
def test_evaluation_attribution(gold_source: dict | None, system_source: Party | None, correct: bool) -> None:
    gold = gold_event(claims=[gold_claim(source=gold_source, low=3, high=3)])
    report = score([gold], [system_event(claims=[system_claim(low=3, high=3, source=system_source)])])
    assert report.metrics.claims.tp == 1
    assert report.metrics.attribution.value == float(correct)
    assert len(report.articles[0].wrong_sources) == int(not correct)


def test_evaluation_claims_pair_most_specific_first() -> None:
    # In input order the army's claim would take the observatory's figure and both sources would be wrong.
    gold = gold_event(
        claims=[
            gold_claim(source=DEFENCE_MINISTRY, low=5, high=5),
            gold_claim(source=OBSERVATORY, low=5, high=None),
        ]
    )
    system = system_event(
        claims=[
            system_claim(low=5, high=5, source=party("SOHR", "المرصد")),
            system_claim(low=5, high=5, source=party("MoD", "وزارة الدفاع السورية")),
        ]
    )
    report = score([gold], [system])
    assert claim_counts(report) == (2, 0, 0)
    assert report.metrics.attribution.value == 1.0


def test_evaluation_claims_follow_their_events() -> None:
    golds = [
        gold_event(id="e1", claims=[gold_claim(low=2, high=2)]),
        gold_event(
            id="e2",
            optional=True,
            location={"name": "Aleppo", "aliases": ["حلب"]},
            claims=[gold_claim(low=40, high=40)],
        ),
        gold_event(
            id="e3", location={"name": "Homs", "aliases": ["حمص"]}, claims=[gold_claim(low=1, high=1)]
        ),
    ]
    systems = [
        system_event("s1", claims=[system_claim(low=2, high=2), system_claim(kind="injured", low=8, high=8)]),
        system_event(
            "s2", location=system_location("حلب", "Aleppo", None), claims=[system_claim(low=3, high=3)]
        ),
        system_event(
            "s3", location=system_location("درعا", "Daraa", None), claims=[system_claim(low=4, high=4)]
        ),
    ]
    report = score(golds, systems)
    assert event_counts(report) == (1, 1, 1)
    # s1: 1 tp, 1 fp; s2 paired with optional e2: not counted; s3 spurious: 1 fp; e3 missed: 1 fn.
    assert claim_counts(report) == (1, 2, 1)


# --- articles, errors, rendering -----------------------------------------------------------------


def test_evaluation_extraction_failure_is_recorded_and_scoring_goes_on() -> None:
    def extract(text: str, published: dt.date | None) -> Extraction:
        if text == "خبر معطوب":
            raise ValueError("boom")
        return extraction([system_event()])

    broken = GoldArticle(
        "a1",
        Path("a1.gold.json"),
        text="خبر معطوب",
        published=PUBLISHED,
        events=(GoldEvent.model_validate(gold_event()),),
    )
    report = score_articles([broken, gold_article([gold_event()], "a2")], extract)
    assert [error.article_id for error in report.errors] == ["a1"]
    assert report.errors[0].stage == "extract"
    assert event_counts(report) == (1, 0, 1)


def write_gold(folder: Path, article_id: str, text_path: str, events: list[dict]) -> None:
    document = {
        "id": article_id,
        "text": text_path,
        "lang": "ar",
        "published": "2024-03-11",
        "events": events,
    }
    (folder / f"{article_id}.gold.json").write_text(
        json.dumps(document, ensure_ascii=False), encoding="utf-8"
    )


def test_evaluation_load_gold_resolves_text_and_records_errors(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (tmp_path / "texts" / "b.txt").write_text("اشتباكات في كفرنبل", encoding="utf-8")
    write_gold(gold_dir, "b", "../texts/b.txt", [gold_event()])
    write_gold(gold_dir, "a", "../texts/missing.txt", [gold_event()])
    (gold_dir / "c.gold.json").write_text("{not json", encoding="utf-8")
    write_gold(gold_dir, "d", "../texts/b.txt", [gold_event(event_type="Skirmish")])

    articles = load_gold(gold_dir)
    assert [article.id for article in articles] == ["a", "b", "c", "d"]
    by_id = {article.id: article for article in articles}
    assert by_id["b"].error is None and by_id["b"].text == "اشتباكات في كفرنبل"
    assert "missing.txt" in by_id["a"].error
    assert "JSON" in by_id["c"].error
    assert "event_type" in by_id["d"].error

    report = evaluate(gold_dir, lambda text, published: extraction([system_event()]))
    assert {error.article_id for error in report.errors} == {"a", "c", "d"}
    assert event_counts(report) == (1, 0, 0)


def test_evaluation_load_gold_of_missing_folder_is_empty(tmp_path: Path) -> None:
    assert load_gold(tmp_path / "nowhere") == []


def test_evaluation_table_and_json_show_misses() -> None:
    gold = gold_event(claims=[gold_claim(low=2, high=2), gold_claim(kind="injured", low=5, high=5)])
    systems = [
        system_event(
            "s1",
            claims=[system_claim(low=2, high=2, source=None), system_claim(kind="captured", low=1, high=1)],
        ),
        system_event("s2", location=system_location("درعا", "Daraa", None)),
    ]
    report = score([gold, gold_event(id="e9", location={"name": "Homs", "aliases": ["حمص"]})], systems)
    table = format_table(report)
    for expected in (
        "events P / R / F1",
        "attribution accuracy",
        "missed event    e9",
        "spurious event  s2",
        "missed claim    e1 injured 5",
        "spurious claim  s1 captured 1",
        "wrong source",
    ):
        assert expected in table
    document = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    article = document["articles"][0]
    assert document["metrics"]["events"] == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert [event["id"] for event in article["missed_events"]] == ["e9"]
    assert [event["id"] for event in article["spurious_events"]] == ["s2"]
    assert (
        len(article["missed_claims"]) == len(article["spurious_claims"]) == len(article["wrong_sources"]) == 1
    )
    assert document["counts"]["articles"] == 1


# --- the real gold files -------------------------------------------------------------------------


def gold_as_system(article: GoldArticle) -> Extraction:
    """The gold events written as a system would, to check that scoring gold against itself is perfect."""
    events = []
    for gold in article.events:
        actors = [
            Actor(name=actor.name, text=(actor.aliases or (actor.name,))[0], inter=actor.inter or 8)
            for actor in gold.actors
        ]
        claims = [
            Claim(
                kind=claim.kind,
                low=claim.low,
                high=claim.high,
                vague=claim.vague,
                victim=Party(name=claim.victim, text=claim.victim),
                source=Party(name=claim.source.name, text=claim.source.name) if claim.source else None,
                stance=claim.stance,
                evidence=NO_SPAN,
            )
            for claim in gold.claims
        ]
        place = gold.location
        location = (
            Location(
                name=place.name,
                text=place.name,
                lat=place.lat,
                lon=place.lon,
                geo_precision=place.geo_precision or 1,
            )
            if place
            else None
        )
        events.append(
            Event(
                id=gold.id,
                event_type=gold.event_type,
                sub_event_type=gold.sub_event_type,
                date_start=gold.date_start,
                date_end=gold.date_end,
                time_precision=1,
                location=location,
                actors=actors,
                claims=claims,
                fatalities=Fatalities(rule="gold"),
                evidence=NO_SPAN,
            )
        )
    return extraction(events)


@pytest.mark.skipif(not REAL_GOLD.is_dir(), reason="shared gold corpus not available")
def test_evaluation_real_gold_with_empty_extractor() -> None:
    report = evaluate(REAL_GOLD, lambda text, published: extraction([]))
    assert report.errors == ()
    assert report.counts.articles == len(list(REAL_GOLD.glob("*.gold.json")))
    assert report.metrics.events.recall == 0.0
    assert report.metrics.claims.recall == 0.0
    assert report.metrics.events.fn == report.counts.gold_events > 0
    assert "events P / R / F1" in format_table(report)
    json.dumps(report.to_json(), ensure_ascii=False)


@pytest.mark.skipif(not REAL_GOLD.is_dir(), reason="shared gold corpus not available")
def test_evaluation_real_gold_scored_against_itself_is_perfect() -> None:
    articles = {article.id: article for article in load_gold(REAL_GOLD)}
    report = evaluate(
        REAL_GOLD,
        lambda text, published: gold_as_system(
            next(article for article in articles.values() if article.text == text)
        ),
    )
    metrics = report.metrics
    assert (metrics.events.f1, metrics.claims.f1, metrics.attribution.value) == (1.0, 1.0, 1.0)
    assert (metrics.sub_type.value, metrics.start_date.value, metrics.actor_recall.value) == (1.0, 1.0, 1.0)


def write_archive(path: Path, articles: dict[str, str]) -> Path:
    lines = [
        json.dumps({"id": article_id, "text": text}, ensure_ascii=False)
        for article_id, text in articles.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluation_load_gold_reads_archive_texts(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "news.jsonl", {"n1": "قصف على كفرنبل", "n2": "خبر آخر"})
    write_gold(tmp_path, "n1", "archive:n1", [gold_event()])
    write_gold(tmp_path, "n3", "archive:n3", [gold_event()])
    by_id = {article.id: article for article in load_gold(tmp_path, archive)}
    assert by_id["n1"].text == "قصف على كفرنبل" and by_id["n1"].error is None
    assert "'n3'" in by_id["n3"].error


def test_evaluation_skips_archive_articles_when_the_archive_is_absent(tmp_path: Path) -> None:
    write_gold(tmp_path, "n1", "archive:n1", [gold_event()])
    report = evaluate(
        tmp_path, lambda text, published: extraction([system_event()]), tmp_path / "absent.jsonl.gz"
    )
    assert report.counts.skipped == 1 and report.counts.errors == 0
    assert event_counts(report) == (0, 0, 0)
    assert "skipped: the news archive" in format_table(report)


def test_evaluation_gold_evidence_may_be_offsets(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "news.jsonl", {"n1": "قتل جنديان في كفرنبل"})
    write_gold(
        tmp_path, "n1", "archive:n1", [gold_event(claims=[gold_claim(evidence={"start": 0, "end": 9})])]
    )
    [article] = load_gold(tmp_path, archive)
    assert article.error is None and article.events[0].claims[0].evidence.end == 9


def test_evaluation_actor_precision_counts_system_actors_matching_gold() -> None:
    actors = [
        Actor(name=ARMY["name"], text="الجيش السوري", inter=1),
        Actor(name="Civilians (Syria)", text="المدنيين", inter=7),
    ]
    report = score([gold_event()], [system_event(actors=actors)])
    assert (report.metrics.actor_precision.hits, report.metrics.actor_precision.total) == (1, 2)


def test_evaluation_aggregate_only_folder_prints_no_article_lines(tmp_path: Path) -> None:
    from marsad.evaluation import aggregate_only

    report = score([gold_event(id="e9")], [])
    assert "missed event" in format_table(report)
    assert "missed event" not in format_table(report, per_article=False)
    assert report.to_json(per_article=False)["articles"] == []
    (tmp_path / ".aggregate-only").touch()
    assert aggregate_only(tmp_path)


@pytest.mark.parametrize(
    "family, expected",
    [
        (None, (1, 1, 1)),  # the battle pairs; the system's riot and gold's protest do not
        ("violence", (1, 0, 0)),
        ("demonstration", (0, 1, 1)),
        ("strategic", (0, 0, 0)),
    ],
)
def test_evaluation_one_family_scores_its_events_alone(family: str | None, expected: tuple) -> None:
    gold = [
        gold_event(),
        gold_event(id="e2", event_type="Protests", sub_event_type="Peaceful protest", actors=[]),
    ]
    riot_elsewhere = system_event("s2", "Riots", "Violent demonstration", start="2024-03-01", actors=[])
    report = score_articles(
        [gold_article(gold)], lambda text, published: extraction([system_event(), riot_elsewhere]), family
    )
    assert event_counts(report) == expected
