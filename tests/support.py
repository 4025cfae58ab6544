"""Helpers shared by the extraction tests (claims, attribution) and the store's, API's and web page's
(a store of many events)."""

import datetime as dt
import os
from pathlib import Path

import marsad
from marsad.lang.ar.normalize import fold

# The project's shared folder (real articles, gold, third-party data) lies beside the checkout;
# tests that read it skip where it is absent. MARSAD_SHARED points elsewhere.
SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))

PUBLISHED = "2024-07-28"  # a Sunday

# An attack at Gao written for the API and web tests, in news style; the store of many events repeats it.
ARTICLE_GAO = (
    "قُتل خمسة جنود ماليين وأصيب ثمانية آخرون في هجوم شنه مسلحون على موقع للجيش قرب مدينة غاو "
    "شمالي مالي يوم الثلاثاء، بحسب ما أعلن الجيش المالي في بيان."
)
MANY = 1050  # more events than GET /events gives in one page


def claims_of(text, published=PUBLISHED):
    """The claims of the news (not background) events extracted from `text`."""
    result = marsad.extract(text, published=published)
    return [c for e in result.events if not e.background for c in e.claims]


def one_claim(text, kind):
    found = [c for c in claims_of(text) if c.kind == kind]
    assert len(found) == 1, [(c.kind, c.low, c.high) for c in claims_of(text)]
    return found[0]


def news_events(text, published=PUBLISHED):
    """The news (not background) events extracted from `text`."""
    return [e for e in marsad.extract(text, published=published).events if not e.background]


def event_kinds(text, published=PUBLISHED):
    """(event_type, sub_event_type) of each news event extracted from `text`."""
    return [(e.event_type, e.sub_event_type) for e in news_events(text, published)]


def store_of_many_events(url: str, text: str, published: str, count: int) -> None:
    """A store of `count` events, the one event of `text` again and again, ten days apart (too far apart
    to merge): the article is extracted once and stored as `count` articles, so it takes seconds."""
    from marsad.store import open_store

    extraction = marsad.extract(text, published=published)
    first = dt.date(1990, 1, 1)
    with open_store(url) as store:
        for index in range(count):
            day = first + dt.timedelta(days=10 * index)
            document = extraction.document.model_copy(update={"id": f"many-{index}", "published": day})
            events = [
                event.model_copy(update={"date_start": day, "date_end": day}) for event in extraction.events
            ]
            store.ingest_extraction(
                extraction.model_copy(update={"document": document, "events": events}), f"{text} ({index})"
            )


def chosen_places(gazetteer, sentence, hints):
    """Each place mention's text (folded) and the place the gazetteer chooses for it, the article's
    countries as hints, its other places as context."""
    text = fold(sentence)
    mentions = gazetteer.find_mentions(text, hints)
    context = gazetteer.context(text, mentions, hints)
    picks = {}
    for mention in mentions:
        place, _ = gazetteer.choose(mention, hints, context)
        if place is not None:
            picks[mention.text] = place
    return picks
