"""Stage `geocode`: each event's place as a Location with ACLED's geo precision.

Strategies in order: (1) the event's own place, resolved in `mentions` (or a country named as
the event's place, at the country's representative point, precision 3), else the place its
sentences name most, else a place abroad its first sentence names ("في مرتفعات الجولان" in a report
about Israel), else a part of a country they name ("في شرق البلاد"); for a news event with none,
(2) the place of the news event reported just before it, (3) the place the sentences of the
article's news events name most, (4) the place the sentences of its topic name most (not across
"ومن جهة أخرى"), unless its sentences name another country as its place (then that country);
(5) the article's most named place (a background event's first fallback); (6) the article's main
country (precision 3). A first-level area is put at its seat town, as ACLED codes an event it knows
only the province of.
"""

from __future__ import annotations

import re
from collections import Counter

from marsad.knowledge.countries import by_iso3
from marsad.knowledge.country_parts import country_part
from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.place_cues import (
    angle_between,
    bearing_deg,
    destination,
    direction_before,
    distance_km,
    offset_before,
)
from marsad.lang.ar.lexicon import forms_with_role
from marsad.lang.ar.tokens import last_words
from marsad.pipeline.attribution import spoken_at
from marsad.pipeline.document import Doc
from marsad.pipeline.events import countries_named_as_places, dateline, topic_sections
from marsad.pipeline.mentions import ResolvedPlace, distance_from
from marsad.schema import Location
from marsad.schema.acled import DEMONSTRATION

REQUIRES = (
    "sentences",
    "attributions",
    "places",
    "countries",
    "main_country",
    "events",
    "events.sentences",
    "events.place",
    "events.background",
    "events.family",
    "events.triggers",
)
ASSIGNS = ("events.location",)
# A capital abroad an event's sentence names is most often its government ("متهمة أنقرة").
_CAPITAL = "PPLC"
# A place measured this near from a town is put at the town, as ACLED does ("على بعد 5 كلم من").
_SAME_PLACE_KM = 10


def run(doc: Doc) -> None:
    # The article's place is the one its sentences of news events name most, not a place its
    # background or its politics go on about ("للسفر إلى شبه جزيرة القرم" four times).
    told = {index for event in doc.events if not event.background for index in event.sentences}
    fallback = most_named_place(doc)
    news_place = most_named_place(doc, told)
    sections = topic_sections(doc)
    previous = None
    for event in sorted(doc.events, key=lambda e: min(e.sentences)):
        own = (
            _location(doc, event.place)
            or _location(doc, most_named_place(doc, event.sentences))
            or _location(doc, most_named_place(doc, {min(event.sentences)}, anywhere=True))
        )
        # A report that names no place for an incident goes on where it was ("في نفس المنطقة").
        news = not event.background
        told_before = (
            (previous if news else None)
            or _location(doc, news_place if news else None)
            or _location(doc, _topic_place(doc, event, sections) if news else None)
            or _location(doc, fallback)
            or _country_location(doc, doc.main_country, None)
        )
        if own is None or _at_country(own):
            # "وفي جنوب البلاد قتل ...": a part of the country is a place of the event's own, unless
            # the place the report went on from lies in it (a town east of the capital in "شرق سوريا").
            part = _country_part_named(doc, event.sentences, own.country if own else doc.main_country)
            if part is not None and (
                own is not None or not _lies_toward(told_before, part[0].country, part[1])
            ):
                own = part[0]
        if own is None and news and event.family != DEMONSTRATION:
            own = _country_apart(doc, event, told_before)
        event.location = own or told_before
        if own is not None and news:
            previous = own


# "شمال البلاد": the country the report is about, named as a place.
_HOME_COUNTRY = re.compile(
    "|".join(rf"(?<!\S){re.escape(word)}(?!\w)" for word in sorted(forms_with_role("home_country")))
)


def _at_country(location: Location | None) -> bool:
    country = by_iso3(location.country) if location is not None else None
    return country is not None and location.geonameid is None and location.name == country.name


def _country_part_named(doc: Doc, sentences: set[int], iso3: str) -> tuple[Location, float] | None:
    """ "قتل مقاتل في اشتباكات في شمال سوريا", "في جنوب البلاد": an event known only by its country,
    in sentences naming a part of that country by a direction, is at that part's main town, as ACLED
    places it (Northern Syria near Aleppo), not at the capital (precision 3); with the direction's
    bearing."""
    for index in sorted(sentences):
        sentence = doc.sentences[index]
        named = [(c.start, c.end) for c in doc.in_sentence(doc.countries, index) if c.country.iso3 == iso3]
        if iso3 == doc.main_country:
            home = _HOME_COUNTRY.finditer(doc.folded, sentence.start, sentence.end)
            named += [(m.start(), m.end()) for m in home]
        for start, end in sorted(named):
            direction = direction_before(doc.folded, start)
            part = country_part(iso3, direction[0]) if direction is not None else None
            town = Gazetteer.default().place(part.town) if part is not None else None
            if town is None:
                continue
            span = doc.span(direction[1], end)
            location = Location(
                name=part.name,
                text=span.text,
                span=span,
                lat=town.lat,
                lon=town.lon,
                country=iso3,
                admin1=None,
                geo_precision=3,
            )
            return location, direction[0]
    return None


# Seen from the capital, a town within this angle of a part's direction lies in that part; a town
# this near the capital is the capital's.
_TOWARD_DEGREES = 67.5
_CAPITAL_KM = 25


def _lies_toward(location: Location | None, iso3: str, bearing: float) -> bool:
    country = by_iso3(iso3)
    if location is None or country is None or location.country != iso3 or _at_country(location):
        return False
    if distance_km(country.lat, country.lon, location.lat, location.lon) < _CAPITAL_KM:
        return False
    seen = bearing_deg(country.lat, country.lon, location.lat, location.lon)
    return angle_between(seen, bearing) <= _TOWARD_DEGREES


def most_named_place(
    doc: Doc, sentences: set[int] | None = None, anywhere: bool = False
) -> ResolvedPlace | None:
    """The place the article (or these of its sentences) names most, in the country it is about
    (`anywhere`: or in another, but not a capital abroad, which stands for its government);
    even a place inside a source's phrase ("المسؤول في مدينة سبها") says where the report is from,
    but not its dateline (a desk may file on a whole region) nor where a speaker spoke ("وقال أمام
    الصحافيين في أنقرة إن")."""
    filed = dateline(doc)
    home = [
        p
        for p in doc.places
        if not p.unlisted  # put at its province's point: no place to put another event at
        and (
            doc.main_country is None
            or p.place.country == doc.main_country
            or (anywhere and p.place.feature_code != _CAPITAL)
        )
        and (sentences is None or doc.sentence_of(p.start) in sentences)
        and not filed[0] <= p.start < filed[1]
        and not spoken_at(doc, doc.sentence_of(p.start), p.start)
    ]
    counts = Counter(p.place.geonameid for p in home)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(p for p in home if p.place.geonameid == top)


# "أثناء محاولة السفر إلى تركيا", "عقوبات على روسيا": a country someone went to, or one an act
# is against, is not where the act was.
_TOWARD = forms_with_role("toward")


def _country_apart(doc: Doc, event, told_before: Location | None) -> Location | None:
    """ "بإطلاق 60 صاروخا على مواقع إيرانية في سوريا" after an attack in Israel, "اعتقل في ألمانيا"
    in a report about Belgium: an event with no place of its own, whose sentences name another
    country than the one the report went on in as where it was, is in that country (at its part
    when they name one: "في شمال العراق"). Not for a demonstration, whose country named is most
    often what it is about ("احتجاجا على الحرب في اليمن")."""
    triggered = {t.sentence for t in event.triggers}
    there = next(
        (
            c
            for index in sorted(event.sentences)
            for c in countries_named_as_places(doc, index)
            if index in triggered and not set(last_words(doc.folded, 0, c.start, 1)) & _TOWARD
        ),
        None,
    )
    if there is None or told_before is None or there.country.iso3 == told_before.country:
        return None
    part = _country_part_named(doc, event.sentences, there.country.iso3)
    return part[0] if part is not None else _country_location(doc, there.country.iso3, there)


def _topic_place(doc: Doc, event, sections: list[range]) -> ResolvedPlace | None:
    """The place named most in the event's topic: not across "ومن جهة أخرى" into another
    (the politics of "ومن جهة أخرى، تشهد برلين ضجة حول السفر إلى القرم" after a battle)."""
    return most_named_place(doc, {index for s in event.sentences for index in sections[s]})


def _location(doc: Doc, mention) -> Location | None:
    if mention is None:
        return None
    if not isinstance(mention, ResolvedPlace):
        return _country_location(doc, mention.country.iso3, mention)
    place = mention.place
    measured_from = distance_from(doc.folded, mention.start)
    near = mention.is_reference or mention.unlisted or measured_from >= 0
    span = doc.span(mention.start, mention.end)
    lat, lon = _point(place)
    offset = offset_before(doc.folded, measured_from, mention.start) if measured_from >= 0 else None
    if offset is not None and offset[0] > _SAME_PLACE_KM:
        # "على بعد 250 كلم شمال بغداد": the event is that far from the place named, in that direction.
        lat, lon = destination(lat, lon, offset[1], offset[0])
    return Location(
        name=place.name,
        text=span.text,
        span=span,
        lat=lat,
        lon=lon,
        country=place.country,
        admin1=place.admin1,
        admin2=place.admin2,
        geonameid=place.geonameid if place.geonameid > 0 else None,
        geo_precision=_precision(place, near),
    )


def _point(place) -> tuple[float, float]:
    """Where ACLED puts an event it can only place in a first-level area ("في محافظة صعدة",
    "منطقة عسير"): at the area's seat town, not at the middle of the area."""
    seat = Gazetteer.default().seat(place) if place.feature_code == "ADM1" else None
    return (seat.lat, seat.lon) if seat is not None else (place.lat, place.lon)


def _precision(place, near: bool) -> int:
    if place.feature_class == "P":
        return 2 if near else 1
    if place.feature_class == "A" and place.feature_code in ("ADM1", "PCLI"):
        return 3
    return 2 if place.feature_class == "A" else 3


def _country_location(doc: Doc, iso3: str | None, mention) -> Location | None:
    country = by_iso3(iso3) if iso3 else None
    if country is None:
        return None
    span = doc.span(mention.start, mention.end) if mention is not None else None
    return Location(
        name=country.name,
        text=span.text if span else "",
        span=span,
        lat=country.lat,
        lon=country.lon,
        country=country.iso3,
        admin1=None,
        geo_precision=3,
    )
