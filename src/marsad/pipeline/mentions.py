"""Stage `mentions`: countries, actors and places named in the text.

The article's main country (the one named most, as a name or an adjective) is what generic
actor patterns ("الجيش", "مدنيين") fall back on. Each place mention is resolved once here, with
the article's countries as hints; a mention that resolves to nothing is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from marsad.knowledge.actors import ActorBase
from marsad.knowledge.countries import find_countries
from marsad.knowledge.gazetteer import (
    CAPITAL,
    HOW_ARABIC,
    HOW_SKELETON,
    IN_REGION,
    UNLISTED,
    ChoiceTrace,
    Gazetteer,
    Place,
    PlaceMention,
    after_admin_word,
    after_locative_word,
    after_settlement_word,
)
from marsad.knowledge.gazetteer.places import own_id
from marsad.knowledge.gazetteer.skeletons import MAX_SKELETON_WORDS
from marsad.knowledge.place_cues import cues_after
from marsad.lang.ar.clitics import (
    AND,
    ARTICLE,
    BA,
    THIRD_PERSON_PRONOUNS,
    proclitic_stems,
    stem_in,
    strip_article,
)
from marsad.lang.ar.common_words import is_common
from marsad.lang.ar.lexicon import demonstration_cues, event_triggers, forms_with_role
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import crosses_clause
from marsad.lang.ar.tokens import LONGEST_WORD, WORD, alternation, last_words
from marsad.pipeline.document import Doc
from marsad.resources import read_tsv
from marsad.schema.acled import DEMONSTRATION, EVENT_FAMILY

REQUIRES = ("sentences",)
ASSIGNS = ("countries", "actors", "places", "main_country")


# Words before a place name that make it a region, or a reference point the event is near.
REGION_WORDS = forms_with_role("region_word")
NEAR_WORDS = forms_with_role("near_word")
_DISTANCE_WORDS = forms_with_role("distance_word")
_ON, _IN_PLACE = fold("على"), fold("في")
# "على بعد نحو 45 كيلومترا شمال غربي العاصمة دمشق": the words from "على" to the place.
_DISTANCE_REACH = 9


@dataclass(frozen=True)
class ResolvedPlace:
    """A place mention and the gazetteer place it was resolved to, with the trace of why."""

    mention: PlaceMention
    place: Place
    trace: ChoiceTrace
    # read after a place-type word in another country the article points at (`_named_abroad`):
    # where the report also goes, not where it happens
    abroad: bool = False

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def is_region(self) -> bool:
        """ "منطقة موبتي", "ولاية عين الدفلى": the region, not its seat town."""
        return self.mention.after_locative in REGION_WORDS

    @property
    def unlisted(self) -> bool:
        """ "في بلدة عندان": a place the gazetteer lacks, put at the point of its province (or of
        the place named beside it): near the event, not at it."""
        return self.trace.rule == UNLISTED

    @property
    def is_reference(self) -> bool:
        """ "شمال مقديشو", "قرب غاو": a point the text places the event near, not the event's place."""
        return self.mention.after_locative in NEAR_WORDS


def distance_from(text: str, start: int) -> int:
    """Where the distance phrase a place at `start` is measured from opens ("على" of "على بعد 250
    كلم شمال بغداد", "على مسافة 5 كيلومترات من مدينة X"), or -1: a place a distance is measured
    from, in the same clause, is a reference point the event is near; not a place after "في" that
    follows the distance ("على بعد 6 كلم من توليه في منطقة نامبالا": Nampala holds it)."""
    clause = max(text.rfind(mark, 0, start) for mark in (",", "،", ".", ":", "\n"))
    floor = max(clause + 1, start - (_DISTANCE_REACH + 1) * LONGEST_WORD)
    words = list(WORD.finditer(text, floor, start))[-_DISTANCE_REACH:]
    for at in range(len(words) - 1):
        if words[at].group() == _ON and words[at + 1].group() in _DISTANCE_WORDS:
            later = [w.group() for w in words[at + 2 :]]
            return -1 if _IN_PLACE in later else words[at].start()
    return -1


def run(doc: Doc) -> None:
    doc.countries, named_capitals = _countries(doc.folded)
    doc.main_country = main_country(doc)
    actors = ActorBase.default()
    # State forces carry their regime period as of publication ("Military Forces of Mali (2021-)").
    doc.actors = actors.find_mentions(doc.folded, doc.main_country, on=doc.published)
    taken = bytearray(len(doc.folded) + 1)  # 1 where a country or an actor is named
    for mention in (*doc.countries, *doc.actors):
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    hints = country_hints(doc)
    doc.places = _with_capitals(_resolved_places(doc, hints, doc.main_country, taken), named_capitals)
    where = main_country(doc)
    if where != doc.main_country:
        # The places settle where the story is ("الفرنسيين" named often does not move it to France).
        if where is not None:
            # The places are read again with the story's country in view: a report that names no
            # country ("قتل ثلاثة جنود في غاو وخمسة في ميناكا") is about the country of the places
            # it names in Arabic, and a name of that country beats a transliteration abroad.
            places = _resolved_places(doc, hints if where in hints else [*hints, where], where, taken)
            doc.places = _with_capitals(places, named_capitals)
        doc.main_country = where
        doc.actors = actors.find_mentions(doc.folded, where, on=doc.published)
    doc.places = sorted(doc.places + _capitals(doc, hints), key=lambda p: p.start)
    doc.places = [_seat_named(doc, place, hints) for place in doc.places]
    doc.places = [place for place in doc.places if not _capital_for_its_state(doc.folded, place)]
    doc.places = sorted(doc.places + _unlisted_places(doc), key=lambda p: p.start)
    doc.actors = _outside_names(doc.actors, doc.places)


_CAPITAL_WORDS = forms_with_role("capital_word")
_CITY_WORDS = forms_with_role("city_word")
_MISSION_WORDS = forms_with_role("mission_word")
_GOVERNMENT_WORDS = forms_with_role("government_word")
_ALLEGIANCE_WORDS = forms_with_role("allegiance_word")
_BACKED_WORDS = forms_with_role("backed_word")
_OUTLET_WORDS = forms_with_role("outlet_word")
_NEWS_WORDS = forms_with_role("news_word")
_BY = "من"


def _words_before(text: str, start: int, count: int) -> list[str]:
    """The last `count` whole words before a name, without a clitic glued to the name ("الموالية
    لدمشق": ["الموالية"], not ["الموالية", "ل"])."""
    words = last_words(text, 0, start, count + 1)
    if words and start > 0 and WORD.match(text, start - 1):
        words = words[:-1]
    return words[-count:]


def _capital_for_its_state(text: str, place: ResolvedPlace) -> bool:
    """ "وقالت حكومة أنقرة إن", "قوات نظام دمشق", "القوات الموالية لدمشق", "روسيا حليفة دمشق",
    "القوات المدعومة من موسكو": a capital after a word for a government, or for loyalty, alliance
    or backing, stands for the state it governs, not for where the story is."""
    if place.place.feature_code != _CAPITAL_CODE:
        return False
    before = _words_before(text, place.start, 2)
    if not before:
        return False
    last = before[-1]
    return (
        stem_in(last, _GOVERNMENT_WORDS)
        or stem_in(last, _ALLEGIANCE_WORDS)
        or (last == _BY and len(before) == 2 and stem_in(before[0], _BACKED_WORDS))
    )


def _names_an_outlet(text: str, place: PlaceMention) -> bool:
    """ "ذكرت صحيفة واشنطن بوست", "لقناة عدن", "وكالة أنباء فارس": a name right after a newspaper,
    a channel, a radio or an agency is the outlet's (or a canal's, "قناة السويس"), not a place."""
    before = _words_before(text, place.start, 2)
    if not before:
        return False
    return stem_in(before[-1], _OUTLET_WORDS) or (
        before[-1] in _NEWS_WORDS and len(before) == 2 and stem_in(before[0], _OUTLET_WORDS)
    )


def _countries(text: str) -> tuple[list, list[ResolvedPlace]]:
    """The countries named, but for a city named like a country right after "مدينة" or after
    "the capital" and a country's adjective ("مدينة الكويت", "العاصمة الأردنية عمان"): the
    gazetteer places that city; and but for the country an embassy stands for ("تظاهر المئات أمام
    السفارة الأمريكية في القاهرة"), which is not where the story is. Second, the capitals named
    like a country right after "the capital" (`_capital_by_its_name`), which are no country."""
    found = find_countries(text)
    kept, capitals = [], []
    for country in found:
        before = last_words(text, 0, country.start, 1)
        if before and (stem_in(before[0], _CITY_WORDS) or stem_in(before[0], _MISSION_WORDS)):
            continue
        capital = _capital_by_its_name(text, country, before)
        if capital is not None:
            capitals.append(capital)
            continue
        adjective = kept[-1] if kept and kept[-1].as_adjective else None
        if (
            adjective is not None
            and not country.as_adjective
            and not text[adjective.end : country.start].strip()
            and stem_in(next(iter(last_words(text, 0, adjective.start, 1)), ""), _CAPITAL_WORDS)
        ):
            continue
        kept.append(country)
    return kept, capitals


def _with_capitals(places: list[ResolvedPlace], capitals: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """The places and the capitals named like a country that no place's name already covers."""
    apart = [c for c in capitals if not any(p.start < c.end and p.end > c.start for p in places)]
    return sorted(places + apart, key=lambda p: p.start) if apart else places


def _capital_by_its_name(text: str, country, before: list[str]) -> ResolvedPlace | None:
    """ "تظاهر المئات في العاصمة عمان": a country's name set beside "the capital" (with its article,
    not "عاصمة عمان", the capital of Oman) names the capital city so called (Amman), not the
    country and its capital (Oman's Muscat)."""
    if country.as_adjective or not before or not stem_in(before[0], _CAPITAL_WORDS):
        return None
    if strip_article(before[0]) == before[0] or text[country.start - 1 : country.start] != " ":
        return None
    named = Gazetteer.default().lookup(country.text)
    city = next((place for place in named if place.feature_code == _CAPITAL_CODE), None)
    if city is None:
        return None
    start = text.rfind(before[0], 0, country.start)
    name = text[start : country.end]
    mention = PlaceMention(start, country.end, name, (city,), HOW_ARABIC, None)
    return ResolvedPlace(mention, city, ChoiceTrace(name, HOW_ARABIC, 1, (), CAPITAL, city, HOW_ARABIC))


_CAPITAL_CODE = "PPLC"
_AREA_CLASS = "A"
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_REACH = 20
# "شارع ويست فلوريسانت": a street's word stands within two words before the name it gives.
_STREET = "street"
_STREET_REACH = 40
# "العاصمة الليبية طرابلس", "كابول عاصمة أفغانستان": a name right beside (within these characters)
# is the place.
_NAME_AFTER = 2


def _capitals(doc: Doc, hints: list[str]) -> list[ResolvedPlace]:
    """ "تظاهر الآلاف في العاصمة العراقية", "في عاصمة العراق": the capital named by its country
    and not by its name is the country's capital, as precise as its name would be."""
    gazetteer = Gazetteer.default()
    found = []
    for country in doc.countries:
        word = last_words(doc.folded, 0, country.start, 1)
        if not word or not stem_in(word[0], _CAPITAL_WORDS):
            continue
        start = doc.folded.rfind(word[0], 0, country.start)
        if any(p.start < country.end + _NAME_AFTER and p.end > start - _NAME_AFTER for p in doc.places):
            continue
        capital = gazetteer.capital(country.country.iso3)
        if capital is None:
            continue
        text = doc.folded[start : country.end]
        mention = PlaceMention(start, country.end, text, (capital,), HOW_ARABIC, None)
        trace = ChoiceTrace(text, HOW_ARABIC, 1, tuple(hints), CAPITAL, capital, HOW_ARABIC)
        found.append(ResolvedPlace(mention, capital, trace))
    return found


def _seat_named(doc: Doc, place: ResolvedPlace, hints: list[str]) -> ResolvedPlace:
    """ "عاصمة ولاية شمال دارفور", "في عاصمة محافظة أبين": the capital of a region named by the
    region is the region's seat town, as precise as its name would be."""
    word = last_words(doc.folded, 0, place.start, 1)
    if not word or not stem_in(word[0], _CAPITAL_WORDS):
        return place
    seat = Gazetteer.default().seat(place.place)
    if seat is None:
        return place
    start = doc.folded.rfind(word[0], 0, place.start)
    text = doc.folded[start : place.end]
    mention = PlaceMention(start, place.end, text, (seat,), HOW_ARABIC, None)
    return ResolvedPlace(
        mention, seat, ChoiceTrace(text, HOW_ARABIC, 1, tuple(hints), CAPITAL, seat, HOW_ARABIC)
    )


# How far before a transliterated name its place-type word may stand ("بمدينة كيرش").
_NAME_WINDOW = 20


def _inside_named_regions(doc: Doc, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """ "تفجير في القرم ... في مدينة كيرش": a transliterated town name the article also names a
    first-level area for is the same-spelled town inside that area (Kerch in Crimea), not one of
    the article's other countries (Kirishi in Russia) nor of nowhere near."""
    regions = {(p.place.country, p.place.admin1) for p in places if p.place.feature_code == _FIRST_LEVEL}
    if not regions:
        return places
    gazetteer = Gazetteer.default()
    countries = sorted({country for country, _ in regions})
    kept = []
    for place in places:
        if (
            place.trace is None
            or place.trace.evidence != HOW_SKELETON
            or ((place.place.country, place.place.admin1) in regions)
        ):
            kept.append(place)
            continue
        start = max(0, place.start - _NAME_WINDOW)
        inside = [
            (candidate, _shifted(mention, start))
            for mention in gazetteer.find_mentions(doc.folded[start : place.end], countries)
            if mention.start + start == place.start and mention.end + start == place.end
            for candidate in mention.candidates
            if candidate.feature_class == place.place.feature_class
            and (candidate.country, candidate.admin1) in regions
        ]
        if not inside:
            kept.append(place)
            continue
        town, mention = max(inside, key=lambda pair: pair[0].population)
        trace = ChoiceTrace(
            mention.text, HOW_SKELETON, len(inside), tuple(countries), IN_REGION, town, HOW_SKELETON
        )
        kept.append(ResolvedPlace(mention, town, trace, place.abroad))
    return kept


def _resolved_places(doc: Doc, hints: list[str], main: str | None, taken: bytearray) -> list[ResolvedPlace]:
    gazetteer = Gazetteer.default()
    found = [
        m
        for m in gazetteer.find_mentions(doc.folded, skeleton_countries(hints, main))
        if (1 not in taken[m.start : m.end] or _name_around(m, taken)) and not _names_an_outlet(doc.folded, m)
    ]
    context = gazetteer.context(doc.folded, found, hints)
    # One name, one place: where the text gives its country once, it is in that country throughout.
    named_in = {m.text: iso3 for m in found if (iso3 := _country_given(doc, m)) is not None}
    given = {m.start: named_in[m.text] for m in found if m.text in named_in}
    gathered = partial(crowd_gathered_at, doc)  # asked only of the mentions where it counts
    places = _chosen(doc.folded, found, hints, main, context, given=given, gathered=gathered)
    abroad = [
        country for country in hints[:_NAME_COUNTRIES] if country not in skeleton_countries(hints, main)
    ]
    if abroad:
        places = sorted(
            places + _named_abroad(doc, places, hints, main, context, abroad, taken), key=lambda p: p.start
        )
    return _inside_named_regions(doc, _not_person_names(doc.folded, places))


def _chosen(
    text: str,
    found: list[PlaceMention],
    hints: list[str],
    main: str | None,
    context,
    abroad=(),
    given=None,
    gathered: Callable[[int], bool] = lambda start: False,
):
    """The places the mentions mean. A mention whose country the text gives beside it (`given`, by
    start) is a place of that country; without one there, it is no transliterated name of a place
    elsewhere, though a name written in Arabic keeps its place ("استراتيجية واشنطن في العراق"); a
    city the news of other countries names, written in Arabic where a crowd gathered (`gathered`,
    asked of its start only then: reading its sentence's cues is dear), is that city ("تجمع
    متظاهرون أمام مقر الأمم المتحدة في جنيف" in a report on Iran)."""
    gazetteer = Gazetteer.default()
    given = given or {}
    places = []
    for mention in found:
        place, trace = _in_given_country(gazetteer, mention, given, context)
        if place is None and mention.start in given and mention.how != HOW_ARABIC:
            continue
        if place is None:
            capital = _capital_named(text, mention)
            if capital is not None:
                trace = ChoiceTrace(
                    mention.text, mention.how, len(mention.candidates), tuple(hints), CAPITAL, capital
                )
                places.append(ResolvedPlace(mention, capital, trace))
                continue
            place, trace = _hinted(gazetteer, mention, hints, main, context)
        if place is None:
            continue
        reading = mention.reading_of(place)
        # The evidence of the place picked: the words may be an Arabic name of some places and
        # the skeleton of others ("في بورصة": the stock exchange, and a Malian village's skeleton).
        how = reading.evidence_of(reading.candidates.index(place))
        if _plausible(reading, how, place, hints, main, abroad) or (
            how == HOW_ARABIC and _named_across_borders(place) and gathered(mention.start)
        ):
            places.append(ResolvedPlace(reading, place, trace, place.country in abroad))
    return places


# "تجمع نحو 150 متظاهرا، الثلاثاء، أمام مقر الأمم المتحدة في جنيف": at most these words from the
# demonstration word to the place where the crowd was.
_GATHERED_REACH = 8


def crowd_gathered_at(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is said as where (after a locative word) a few words after a
    demonstration word of its sentence: where the crowd was, though the article is about another
    country (protests abroad go on about a country's politics: "تظاهر مئات الإيرانيين أمام سفارة
    بلادهم في لندن")."""
    if not after_locative_word(doc.folded, start):
        return False
    floor = max(doc.sentences[doc.sentence_of(start)].start, start - (_GATHERED_REACH + 1) * LONGEST_WORD)
    # "احتجاجا على محادثات الوزير في جنيف": a place in the grievance is where its cause was.
    grievance = {
        match.start()
        for match, row in demonstration_cues().finditer(doc.folded, floor, start)
        if row["role"] == "grievance"
    }
    return any(
        EVENT_FAMILY.get(row["event_type"]) == DEMONSTRATION
        and match.start() not in grievance
        and len(WORD.findall(doc.folded, match.end(), start)) <= _GATHERED_REACH
        for match, row in event_triggers().finditer(doc.folded, floor, start)
    )


def _in_given_country(gazetteer, mention: PlaceMention, given: dict[int, str], context):
    """The place of the mention in the country the text gives beside it, if it has one there."""
    if mention.start not in given:
        return None, None
    place, trace = gazetteer.choose(mention, [given[mention.start]], context)
    return (place, trace) if place is not None and place.country == given[mention.start] else (None, None)


def _hinted(gazetteer, mention: PlaceMention, hints: list[str], main: str | None, context):
    """The place of the mention given the article's countries."""
    place, trace = gazetteer.choose(mention, hints, context)
    if place is not None and main is not None and place.country != main and trace.evidence == HOW_SKELETON:
        # "حلب" in a Syrian story is Aleppo, its Arabic name, not a Lebanese village whose Latin
        # name spells like it because the story also names Lebanon's Hezbollah.
        home, home_trace = gazetteer.choose(mention, [main], context)
        if home is not None and home.country == main and home_trace.evidence == HOW_ARABIC:
            return home, home_trace
    return place, trace


# "جبل قنديل بالعراق": characters from a place name to the country it is given in.
_GIVEN_WITHIN = 12
# "بالعراق", "في القرم": the prepositions that put a place or an event in a place.
_IN = (BA, "في")


def _country_given(doc: Doc, mention: PlaceMention) -> str | None:
    """The country the text places a name in right after it: "في منطقة قنديل شمالي العراق" (in
    the north of Iraq), "جبل قنديل بالعراق", "في طرابلس اللبنانية". A same-spelled town of another
    country is not meant (Kandilli in Turkey, Tripoli in Libya)."""
    country = next((c for c in doc.countries if mention.end <= c.start <= mention.end + _GIVEN_WITHIN), None)
    if country is None:
        return None
    gap = doc.folded[mention.end : country.start]
    if country.as_adjective:
        return country.country.iso3 if not gap.strip() else None
    if gap.strip() in _IN or any(
        cue.kind == "direction" and cue.km is None and cue.anchor_start == country.start
        for cue in cues_after(doc.folded, mention.end)
    ):
        return country.country.iso3
    return None


def _named_abroad(doc: Doc, places, hints: list[str], main: str | None, context, abroad: list[str], taken):
    """ "في المنطقة الشرقية من محافظة نانغارهار" in a report about American forces: after a word
    saying what kind of place follows, a transliterated name may be a place in another of the few
    countries the article points at, not only in the one it is about, if it is a place the news
    names across borders (a capital, a first-level area or its seat, a city of some size; see
    `_plausible`). Only these few words are read again, with those countries' skeletons."""
    gazetteer = Gazetteer.default()
    starts = [p.start for p in places]
    found = []
    for phrase in _PLACE_TYPE_PHRASE.finditer(doc.folded):
        name_start = doc.folded.find(" ", phrase.start()) + 1
        at = bisect.bisect_left(starts, name_start)
        if at < len(starts) and starts[at] < phrase.end():
            continue  # a place is read there already
        found.extend(
            _shifted(m, phrase.start())
            for m in gazetteer.find_mentions(phrase.group(), abroad)
            if m.how.startswith(HOW_SKELETON)
            and m.after_locative in _PLACE_TYPE_WORDS
            and 1 not in taken[phrase.start() + m.start : phrase.start() + m.end]
        )
    return _chosen(doc.folded, found, hints, main, context, abroad) if found else []


def _name_around(mention: PlaceMention, taken: bytearray) -> bool:
    """ "قصف سوق ود مدني": an Arabic name of several words whose first word names no actor or
    country is the place's, even where a later word of it would name one alone ("مدني", a
    civilian); the actor read inside it is no actor (`_outside_names`)."""
    return mention.how == HOW_ARABIC and " " in mention.text.strip() and not taken[mention.start]


def _outside_names(actors: list, places: list[ResolvedPlace]) -> list:
    """The actor mentions that no place's name holds (see `_name_around`)."""
    spans = [(p.start, p.end) for p in places if p.mention.how == HOW_ARABIC]
    return [a for a in actors if not any(start < a.start and a.end <= end for start, end in spans)]


def _capital_named(text: str, mention: PlaceMention) -> Place | None:
    """ "بالعاصمة أمستردام": a name right after "the capital" is a capital's, Amsterdam and not
    an American town the report's country offers."""
    before = _WORD_BEFORE.search(text, max(0, mention.start - _WORD_REACH), mention.start)
    if before is None or not stem_in(before.group(1), _CAPITAL_WORDS):
        return None
    return next((place for place in mention.candidates if place.feature_code == _CAPITAL_CODE), None)


def _shifted(mention: PlaceMention, offset: int) -> PlaceMention:
    """A mention found in a stretch of the text, at its offsets in the whole text."""
    return replace(
        mention,
        start=mention.start + offset,
        end=mention.end + offset,
        alternatives=tuple(_shifted(m, offset) for m in mention.alternatives),
        fallbacks=tuple(_shifted(m, offset) for m in mention.fallbacks),
    )


@lru_cache(maxsize=1)
def _person_cues() -> dict[str, frozenset[str]]:
    """The words before a name that make it no town's, by kind (place_person_cues.tsv)."""
    kinds: dict[str, set[str]] = {}
    for row in read_tsv("marsad.knowledge", "place_person_cues.tsv", ("form", "kind")):
        kinds.setdefault(row["kind"], set()).add(fold(row["form"]))
    return {kind: frozenset(forms) for kind, forms in kinds.items()}


def _not_person_names(text: str, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """ "المرشح الرئاسي آنذاك ويليام جينينغز بريان": a name right after a title or a given name,
    or right after another name so read, is a person's, not a place's (Jennings and Bryan are
    American towns); "في شارع ويست فلوريسانت": a name within two words after a street's word is
    the street's. A name after a locative word ("في", "مدينة") is a place's."""
    cues = _person_cues()
    persons = frozenset().union(*(forms for kind, forms in cues.items() if kind != _STREET))
    kept, person_end = [], None
    for place in places:
        if place.mention.after_locative is None:
            if person_end is not None and not text[person_end : place.start].strip():
                person_end = place.end
                continue
            before = _WORD_BEFORE.search(text, max(0, place.start - _WORD_REACH), place.start)
            if before is not None and before.group(1) in persons:
                person_end = place.end
                continue
            if _names_a_street(text, place, cues.get(_STREET, frozenset())):
                continue
        kept.append(place)
    return kept


def _names_a_street(text: str, place: ResolvedPlace, streets: frozenset[str]) -> bool:
    """ "شارع بغداد", "شارع ويست فلوريسانت": the name right after a street's word, or after it and
    a word of the name without the article; "شارع الحمراء بيروت" names the street, then the town."""
    words = last_words(text, max(0, place.start - _STREET_REACH), place.start, 2)
    if words and stem_in(words[-1], streets):
        return True
    return len(words) == 2 and stem_in(words[0], streets) and not words[1].startswith(ARTICLE)


# An Arabic name may be a place in any of the few countries the article is most about; a
# transliteration match (far noisier) only in the one it is about.
_NAME_COUNTRIES = 3
_SHORT_SKELETON = 3
_CITY_ANYWHERE = 1_000_000
_CITY_NAMED_BY_KIND = 100_000  # "في مدينة الخليل" is Hebron in a report that names no Palestine
_PLACE_TYPE_WORDS = forms_with_role("place_type_word")
# A word saying what kind of place follows ("محافظة", "ولاية", "مدينة"), with its conjunction and
# preposition ("وبمحافظة"), and the words after it a skeleton match may span.
_PLACE_TYPE_PHRASE = re.compile(
    r"(?<!\S)[وف]?[بل]?(?:"
    + "|".join(sorted(map(re.escape, _PLACE_TYPE_WORDS), key=len, reverse=True))
    + rf")(?:\s+\S+){{1,{MAX_SKELETON_WORDS}}}"
)


def skeleton_countries(hints: list[str], main: str | None) -> set[str]:
    """Where a transliteration match may be a place: the country the article is about and the
    one it points at most (none without hints)."""
    return {main, hints[0]} - {None} if hints else set()


def _plausible(mention, how: str, place, hints: list[str], main: str | None, abroad=()) -> bool:
    if not hints:
        return not how.startswith("skeleton")
    if how.startswith("skeleton"):
        # A word with a pronoun suffix, or a word every kind of news uses ("تتبنى", "قرون"), is
        # Arabic ("في سعيها"), not a transliterated name, unless the name is a capital's or a
        # region's that the news itself made common ("كابول", see `_named_in_arabic_news`); a
        # word with the article meets only a Latin name with one, "El Fasher", in the gazetteer;
        # a two-letter skeleton is evidence only after "مدينة", "قرية"...
        key = how.split(":", 1)[1]
        return (
            (
                place.country in skeleton_countries(hints, main)
                or (place.country in abroad and _named_across_borders(place))
            )
            and not mention.text.endswith(THIRD_PERSON_PRONOUNS)
            and (_named_in_arabic_news(place) or not is_common(mention.text))
            and (len(key) >= _SHORT_SKELETON or mention.after_locative in _PLACE_TYPE_WORDS)
        )
    # A region or a city the news names everywhere is itself even in a report that names its
    # country nowhere, or only as a nisba of something else ("القنصلية الأمريكية في اسطنبول",
    # "استهدف مسجدا في منطقة عسير"): an admin area or a capital after a word saying what kind of
    # place follows, or a city of millions; a city of some size after such a word.
    if _article_not_in_its_name(mention, place):
        return False
    return (
        place.country in hints[:_NAME_COUNTRIES]
        or place.country == main
        or (_named_across_borders(place) and _after_place_type_word(mention))
        or (place.seat and place.population >= _CITY_ANYWHERE)
        or _region_named_in(mention, place)
    )


_FIRST_LEVEL = "ADM1"


def _region_named_in(mention, place) -> bool:
    """ "انفجار في كلية بمدينة كيرش بالقرم" in a report that names no Ukraine: a first-level area
    named in Arabic right after "في" or "ب" is that area wherever it is, and its country is then
    one the article points at (so "كيرش" is Kerch in Crimea, not Kirishi in Russia)."""
    return place.feature_code == _FIRST_LEVEL and mention.after_locative in _IN


def _named_in_arabic_news(place) -> bool:
    """A capital, a first-level area, or its seat if it has an Arabic name: a place the news
    names so often that its name is among the commonest words ("كابول", "كاليفورنيا"); a Spanish
    seat known by its Latin name only (Vitoria) is not why "فترة" is written."""
    return place.major and (
        place.feature_class == _AREA_CLASS
        or place.feature_code == _CAPITAL_CODE
        or Gazetteer.default().arabic_name(place.geonameid) is not None
    )


def _named_across_borders(place) -> bool:
    """A capital, a first-level area or its seat, or a city of some size: a place the news of
    other countries names too."""
    return place.major or (place.seat and place.population >= _CITY_NAMED_BY_KIND)


def _after_place_type_word(mention) -> bool:
    return mention.after_locative in _PLACE_TYPE_WORDS or mention.text.split()[0] in _PLACE_TYPE_WORDS


def _article_not_in_its_name(mention, place) -> bool:
    """A one-word name written with the article whose place is named without one ("المشهد" the
    scene, not Mashhad; "البورصة" the stock exchange, not Bursa; "السيول" floods, not Seoul):
    a common noun. Places named with it ("الخرطوم", "الفاشر") keep it in their Arabic name, if
    not always in the same spelling (GeoNames' "البو كمال", "الأهواز" are the news' "البوكمال",
    "الأحواز"), and after a word naming a settlement the article is the name's ("مدينة الكومة",
    OSM's كومة)."""
    words = mention.text.split()
    if len(words) != 1 or after_settlement_word(mention.after_locative):
        return False
    stems = [stem for stem in proclitic_stems(words[0], min_stem=1) if stem.startswith(ARTICLE)]
    if not stems:
        return False
    label = Gazetteer.default().arabic_name(place.geonameid)
    if label is None or fold(label).startswith(ARTICLE):
        return False
    return not any(stem in fold(label) for stem in stems)


# How much each kind of mention says about where the story happens.
_PLACE_WEIGHT, _NAME_WEIGHT, _ADJECTIVE_WEIGHT, _HEADLINE_BONUS = 2.0, 1.0, 0.5, 1.0


def main_country(doc: Doc) -> str | None:
    """The country the story happens in: its places first, then countries named, then nisbas.
    Between equal scores, the one the text points at first: news tells where before the
    background ("protests in Yerevan ... Moscow will not intervene"). A place read in another
    country the article points at (`_named_abroad`) counts only where the country that would win
    names no place of its own ("غارة أمريكية في محافظة نانغارهار" happens in Afghanistan)."""
    scores: Counter = Counter()
    first: dict[str, int] = {}
    headline_end = doc.sentences[0].end if doc.sentences else 0
    for mention in doc.countries:
        scores[mention.country.iso3] += _ADJECTIVE_WEIGHT if mention.as_adjective else _NAME_WEIGHT
        if mention.start < headline_end and not mention.as_adjective:
            scores[mention.country.iso3] += _HEADLINE_BONUS
        first[mention.country.iso3] = min(mention.start, first.get(mention.country.iso3, mention.start))
    home = [place for place in doc.places if not place.abroad]
    for place in home:
        scores[place.place.country] += _PLACE_WEIGHT
        first[place.place.country] = min(place.start, first.get(place.place.country, place.start))
    if not scores:
        return None
    best = max(scores, key=lambda iso3: (scores[iso3], -first[iso3]))
    if len(home) == len(doc.places) or any(place.place.country == best for place in home):
        return best
    for place in doc.places:
        if place.abroad:
            scores[place.place.country] += _PLACE_WEIGHT
            first[place.place.country] = min(place.start, first.get(place.place.country, place.start))
    return max(scores, key=lambda iso3: (scores[iso3], -first[iso3]))


def country_hints(doc: Doc) -> list[str]:
    """ISO3 codes the article points at, most salient first (names, adjectives, actors)."""
    counts = Counter(m.country.iso3 for m in doc.countries)
    counts.update(a.country for a in doc.actors if a.country)
    return [iso3 for iso3, _ in counts.most_common()]


# "في بلدة عندان", "قصفت بلدتي نبل والزهراء", "في منطقة صرين بريف حلب": a name after a word for a
# settlement (or for an area, where the text says which province the area is in) is a place's,
# whether the gazetteer knows it or not.
_SETTLEMENT_WORDS = forms_with_role("settlement_word")
_AREA_WORDS = forms_with_role("area_word")
_SEVERAL_PLACES = forms_with_role("several_places_word")
_SETTLEMENT = re.compile(
    rf"(?<![^\W_])[وف]?[بل]?(?P<word>{alternation(_SETTLEMENT_WORDS | _AREA_WORDS)})[ \t]+(?=[^\W\d_])"
)
# "عندان بريف حلب الشمالي", "المهاذر بمديرية سحار": at most these words from a name to the place
# that says which province it is in.
_PROVINCE_REACH = 3
_COUNTRY_REACH = 2
_ADJECTIVE_ENDINGS = ("يه", "ي")  # "قرية نائية", "منطقة حدودية", "مخيم عشوائي": no name
_FEMININE_NISBA = "يه"
_SHORTEST_ADJECTIVE = 5
_SHORTEST_NAME = 3
_BETWEEN = "بين"
_ACCUSATIVE = "ا"  # "مدنا": the indefinite accusative of a place word
_PLACE_NOUNS = forms_with_role("place_list_word")
_TOWN, _UNLISTED_CODE = "P", "PPL"  # GeoNames' class and code of a populated place


def _unlisted_places(doc: Doc) -> list[ResolvedPlace]:
    """The places named after a settlement word that no place, country or actor already holds,
    each put at the point of the place that says which province it is in (see `_province_of`), as
    ACLED places a village it cannot find: near it (precision 2), never at coordinates of its own."""
    if doc.main_country is None:
        return []
    named = sorted((*doc.places, *doc.countries, *doc.actors), key=lambda m: m.start)
    starts = [m.start for m in named]
    found = []
    for match in _SETTLEMENT.finditer(doc.folded):
        if _BETWEEN in last_words(doc.folded, 0, match.start(), 1):
            continue  # "بين قريتي A وB": a stretch between two places, told by the places around it
        word = match.group("word")
        several = word in _SEVERAL_PLACES
        names = list(_names_after(doc, match.end(), several, named, starts))
        if several and len(names) < 2:
            continue  # "أكبر مدن كشمير": the area the towns are in, not a list of them
        listed: list = []
        for start, end, known in names:
            if known is not None:
                listed.append(known)
                continue
            near = _province_of(doc, end, listed, word in _AREA_WORDS and not several)
            if near is None or _abroad_after(doc, end, near.country) or _named_again(doc, end):
                continue
            listed.append(_unlisted(doc, start, end, word, near))
            found.append(listed[-1])
    return found


def _names_after(doc: Doc, at: int, several: bool, named: list, starts: list[int]):
    """The names right after a settlement word: one, or after a dual or plural word each of a
    list joined by و or a comma; as (start, end, the place already named there or None)."""
    text = doc.folded
    while True:
        word = WORD.match(text, at)
        if word is None:
            return
        index = bisect.bisect_right(starts, at) - 1
        known = named[index] if index >= 0 and named[index].start <= at < named[index].end else None
        if known is None:
            end = _name_end(text, at, word.end())
            if end is None:
                return
            yield at, end, None
        elif isinstance(known, ResolvedPlace):
            end = known.end
            yield at, end, known
        else:
            return  # "مدن العراق", "مدينة الصدر": a country's or an actor's name
        if not several:
            return
        at = _next_in_list(text, end)
        if at is None:
            return


_LIST_GAP = re.compile(r"\s*(?:[،,]\s*)?(?:و\s+|و(?=[^\W\d_]))?")


def _next_in_list(text: str, end: int) -> int | None:
    """Where the next name of a list starts after a name ending at `end` ("نبل والزهراء", "A، B
    وC", "علاف و المهاذر"), or None where the list ends: a name after a comma belongs to it only
    if another follows it ("كشمير، لتصدم ستة أشخاص" ends the list)."""
    gap = _LIST_GAP.match(text, end)
    joined = gap.group().strip()
    following = WORD.match(text, gap.end()) if joined else None
    if following is None:
        return None
    if AND not in joined and _next_in_list(text, following.end()) is None:
        return None
    return gap.end()


def _name_end(text: str, start: int, end: int) -> int | None:
    """Where a name starting at `start` ends, or None if the word there is no name: a common word
    (or a place word: "بلدات ومدنا"), a short one, a word joined by و ("بلدات وأعدم"), or a noun
    an indefinite adjective describes ("قرية نائية", "منطقة أحراج جبلية"); a word with the article
    after a first word without it ("كرم الطراب") is the name's second word unless it is a common one."""
    first = text[start:end]
    bare = strip_article(first)
    if (
        len(bare) < _SHORTEST_NAME
        or first.startswith(AND)
        or any(_no_name(stem) for stem in proclitic_stems(first))
        or _indefinite_adjective(first)
    ):
        return None
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if following is not None and _described(following.group()):
        return None
    if (
        following is not None
        and bare == first
        and following.group().startswith(ARTICLE)
        and not is_common(following.group())
    ):
        return following.end()
    return end


def _no_name(stem: str) -> bool:
    """A common word, or a place word itself ("مدنا": the indefinite accusative of مدن)."""
    return is_common(stem) or stem.removesuffix(_ACCUSATIVE) in _PLACE_NOUNS


def _indefinite_adjective(word: str) -> bool:
    """A nisba without the article ("نائية", "حدودية", "عشوائي"): no name."""
    return not word.startswith(ARTICLE) and word.endswith(_ADJECTIVE_ENDINGS)


def _described(word: str) -> bool:
    """A feminine nisba without the article after a word ("أحراج جبلية"): an indefinite noun's
    adjective, never a name's (a name is definite); not "شمالي", "في", which say where."""
    return (
        len(word) >= _SHORTEST_ADJECTIVE and not word.startswith(ARTICLE) and word.endswith(_FEMININE_NISBA)
    )


def _named_again(doc: Doc, end: int) -> bool:
    """ "في مدينة بيرسوس (سروج)": a name with a known place's name in brackets after it is another
    name of that place."""
    aside = re.match(r"\s*\(", doc.folded[end:])
    return aside is not None and any(p.start == end + aside.end() for p in doc.places)


def _province_of(doc: Doc, end: int, listed: list, must_name: bool) -> Place | None:
    """The place a name after a settlement word is put at: the place the text names right after
    it ("بريف حلب", "بمديرية سحار", "قرب مدينة X"), or, but for an area word whose province the
    text must give (`must_name`), a place listed with it ("بلدتي نبل والزهراء"), or the seat of
    the province of the place named last before it (`_named_before`), or of the province the
    article names most in the country it is about."""
    text = doc.folded
    sentence = doc.sentences[doc.sentence_of(end)]
    after = next((p for p in doc.within(doc.places, end, sentence.end) if not p.unlisted), None)
    if after is not None:
        between = text[end : after.start]
        if not crosses_clause(between) and len(WORD.findall(between)) <= _PROVINCE_REACH:
            locative = after.mention.after_locative
            if (
                after.place.feature_code == _FIRST_LEVEL
                or locative in REGION_WORDS
                or locative in NEAR_WORDS
                or after_admin_word(locative)
                or (not must_name and after_locative_word(text, after.start))
            ):
                return _point_of(after.place)
    if must_name:
        return None
    known = [p for p in listed if isinstance(p, ResolvedPlace)]
    if known:
        return _point_of(known[-1].place)
    told = _named_before(doc, end)
    if told is not None:
        return Gazetteer.default().province_seat(told.country, told.admin1) or _point_of(told)
    home = Counter(
        (p.place.country, p.place.admin1)
        for p in doc.places
        if p.place.country == doc.main_country and p.place.admin1 and not p.unlisted
    )
    return Gazetteer.default().province_seat(*home.most_common(1)[0][0]) if home else None


def _abroad_after(doc: Doc, end: int, country: str) -> bool:
    """ "في مدينة الصخيرات الساحلية المغربية": a name said with another country's name or nisba a
    word or two after it is a place of that country, whose province the text does not give."""
    sentence = doc.sentences[doc.sentence_of(end)]
    named = next(iter(doc.within(doc.countries, end, sentence.end)), None)
    return (
        named is not None
        and named.country.iso3 != country
        and len(WORD.findall(doc.folded, end, named.start)) <= _COUNTRY_REACH
        and not crosses_clause(doc.folded[end : named.start])
    )


# "اشتباكات في مديرية أرحب" then "اندلعت الاشتباكات في قرية الجنادبة": a place named this many
# sentences before a name says which province the report is in there.
_TOLD_BEFORE_SENTENCES = 2


def _named_before(doc: Doc, end: int) -> Place | None:
    """The last place of the article's country named before a name, in its sentence or the few
    before it, that says which province it is in."""
    first = doc.sentences[max(0, doc.sentence_of(end) - _TOLD_BEFORE_SENTENCES)].start
    before = [
        p
        for p in doc.within(doc.places, first, end)
        if p.end < end and not p.unlisted and p.place.admin1 and p.place.country == doc.main_country
    ]
    return before[-1].place if before else None


def _point_of(place: Place) -> Place:
    """A first-level area's seat town (where ACLED puts what it knows only the province of); a
    town, or any other place, itself."""
    return (Gazetteer.default().seat(place) if place.feature_code == _FIRST_LEVEL else None) or place


def _unlisted(doc: Doc, start: int, end: int, word: str, near: Place) -> ResolvedPlace:
    """A place the gazetteer lacks, in the country and province of the place `near`, at its point."""
    name = doc.span(start, end).text
    where = (near.lat, near.lon, near.country, near.admin1)
    place = Place(own_id(near.country, name), name, *where, _TOWN, _UNLISTED_CODE, 0)
    text = doc.folded[start:end]
    mention = PlaceMention(start, end, text, (place,), HOW_ARABIC, strip_article(word))
    return ResolvedPlace(mention, place, ChoiceTrace(text, HOW_ARABIC, 0, (), UNLISTED, place, HOW_ARABIC))
