"""Stage `events`: event triggers, grouped into one event per place and episode.

Each sentence with an event trigger or a casualty claim is a candidate. Candidates at the same
place (and with the same news/background status and type family) are one event, so a fight
reported over several sentences and days is one event with a date range. A candidate that names
no place joins the nearest news event before it (else after it) of its family: Arabic reports
name the place once and go on with the figures.

ACLED codes one event per incident (one type, one place, one day), so a roundup is split:
- a summary ("30 قتيلا في تفجيرات متفرقة", a war's toll) covers several incidents: it is kept
  as a background event of its own, never added to one incident's figures, when the report
  gives incidents of that family besides;
- another tactic with figures of its own on another day ("الغارات قتلت 40 يوم الجمعة" after a
  chemical attack) is another event, at the same place when it names none;
- "ويأتي هذا التفجير بعد أيام من تفجير ..." recalls an earlier incident: background, apart;
- "سلمية الجمعة ... مقارنة بالأسبوع الماضي عندما سقط 50 مصابا": a clause a past period opens
  beside the sentence's own day tells another incident, of that period;
- a topic shift ("من جهة أخرى") ends what a place-less sentence may join by proximity;
- a demonstration told on other days than another at its place is an event of its own (ACLED codes
  one a day: "تظاهروا أمس ... وقطعوا اليوم الطريق").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from marsad.knowledge.gazetteer import IN_REGION, after_locative_word
from marsad.knowledge.place_cues import distance_km
from marsad.lang.ar.clitics import AND, BA, CONJUNCTIONS, LAM, THIRD_PERSON_PRONOUNS, stem_in, strip_article
from marsad.lang.ar.dates import ANNIVERSARY, time_span_forms, time_unit_forms
from marsad.lang.ar.lexicon import (
    casualty_triggers,
    event_triggers,
    forms_with_role,
    openers_with_role,
    register_cues,
    spread_words,
    stems_with_role,
)
from marsad.lang.ar.normalize import fold, match_key
from marsad.lang.ar.sentences import clause_end, clause_start, crosses_clause
from marsad.lang.ar.tokens import (
    LONGEST_WORD,
    WORD,
    alternation,
    holds_any,
    last_words,
    word_after,
    word_before,
)
from marsad.pipeline import demonstrations, strategic
from marsad.pipeline.attribution import spoken_at
from marsad.pipeline.document import Doc, EventDraft, Trigger
from marsad.pipeline.mentions import ResolvedPlace, crowd_gathered_at, distance_from
from marsad.schema.acled import (
    AGREEMENT,
    AIR_DRONE_STRIKE,
    BATTLES,
    DEMONSTRATION,
    EVENT_FAMILY,
    EXPLOSIONS,
    OTHER,
    PROTESTS,
    RIOTS,
    SHELLING,
    STRATEGIC,
    VIOLENCE,
)

REQUIRES = (
    "sentences",
    "dates",
    "quantities",
    "places",
    "countries",
    "actors",
    "main_country",
    "claims",
    "attributions",
)
ASSIGNS = (
    "triggers",
    "events",
    "events.triggers",
    "events.sentences",
    "events.spans",
    "events.place",
    "events.place_keys",
    "events.opened_as_new_episode",
    "events.claims",
    "events.dates",
    "events.background",
    "events.family",
    "claims",
)  # claims: a crowd's size read as a toll is dropped (demonstrations)

# History mentioned in passing: a day this long before publication, or a month or year that
# ended this long before it (news is weeks old at most; "في يونيو الماضي" in August is history).
BACKGROUND_DAYS = dt.timedelta(days=30)
BACKGROUND_PERIOD = dt.timedelta(days=14)
_NEXT_DAY = dt.timedelta(days=1)
# A death toll this large, undated, is a war's or a decade's (ACLED's events count tens, not thousands).
WAR_TOLL = 1000
# A fight over three days at one place is one event; reports further apart are separate ones.
MAX_GAP = dt.timedelta(days=3)
# A date in a sentence that is no candidate dates an event told at most this many sentences before.
LOOSE_DATE_REACH = 2
# Words that name an administrative region before its name ("منطقة موبتي", "ولاية عين الدفلى").
# A place the text gives as a reference ("شمال مقديشو") meets a named place this close to it.
REFERENCE_KM = 150
_PROVINCE = "ADM1"  # GeoNames' feature code of a first-level administrative region
_STATEMENT_WINDOW = 4
_STATEMENT_WORDS = forms_with_role("statement")
# "قبيل زيارته لموريتانيا، الاثنين": a day this many words after a visit or a meeting is its day.
_OCCASION_WINDOW = 4
# An article with this many sentences of sport, fiction, science or market words (and more of
# them than sentences naming violence) is not a conflict report.
OFF_TOPIC_SENTENCES = 2


@dataclass
class _Candidate:
    sentence: int
    triggers: list[Trigger]
    place: object | None
    family: str
    background: bool
    dates: list = field(default_factory=list)
    new_episode: bool = False
    counted: bool = False
    summary: bool = False
    section: range = range(0)
    span: tuple[int, int] | None = None
    # "في حي الكرادة": the keys of the city quarters its stretch names, in the gazetteer or not
    quarters: frozenset[str] = frozenset()
    # "قصفت بلدتي نبل والزهراء": a place of a list after its first, an event of its own by ACLED's rule
    listed: bool = False


def run(doc: Doc) -> None:
    for index, sentence in enumerate(doc.sentences):
        for match, row in [
            *event_triggers().finditer(doc.folded, sentence.start, sentence.end),
            *_fire_opened(doc.folded, sentence.start, sentence.end),
            *_aircraft_struck(doc.folded, sentence.start, sentence.end),
        ]:
            if not row["strength"] == "strong" and _in_relative_clause(doc.folded, match.start()):
                continue
            if (
                word_before(doc.folded, match.start()) in _ANY
                or _charged(doc.folded, sentence.start, match.start())
                or _hypothetical(doc.folded, sentence.start, match.start())
            ):
                # "تحسبا لأي أعمال عنف", "لم يسجل أي هجوم", "أدين بالمشاركة في مظاهرات", "إذا تعرضت
                # لهجوم": no incident
                continue
            # A protest against a law or an election is a protest; a "killing" of one is an idiom.
            if row["sub_event_type"] == AGREEMENT and stem_in(
                word_before(doc.folded, match.start()), _AGREEMENT_IN_FORCE, article=True
            ):
                continue  # "خرق الهدنة", "بموجب اتفاق": an agreement made before
            if EVENT_FAMILY[row["event_type"]] == VIOLENCE and (
                _figurative(doc.folded, match.end())
                or _judicial(doc.folded, sentence.start, match.start())
                or word_before(doc.folded, match.start()) in _PREVENTION
                or _handled(doc.folded, match.start())
                or _urged(doc.folded, sentence.start, match.start())
                or _named_as_a_topic(doc, index, match.start(), match.end())
            ):
                continue
            doc.triggers.append(
                Trigger(
                    match.start(),
                    match.end(),
                    row["event_type"],
                    row["sub_event_type"],
                    row["strength"] == "strong",
                    index,
                    row["needs_party"] == "yes",
                )
            )
    doc.triggers = sorted(doc.triggers + strategic.territory_triggers(doc), key=lambda t: t.start)
    doc.triggers = [_flown(doc, t) for t in doc.triggers]
    demonstrations.retype_triggers(doc)
    strategic.retype_triggers(doc)
    sections = topic_sections(doc)
    candidates = [
        _with_quarters(doc, incident)
        for c in (_candidate(doc, i, sections[i]) for i in range(len(doc.sentences)))
        if c is not None
        for clause in _split_clauses(doc, c)
        for incident in _split_place_list(doc, clause)
    ]
    _keep_summaries_apart(candidates)
    _join_demonstrations(doc, candidates)
    events: list[EventDraft] = []
    summaries: list[EventDraft] = []
    pending: list[_Candidate] = []
    by_sentence: dict[int, EventDraft] = {}
    for candidate in candidates:
        if candidate.summary:
            _add(summaries, candidate, _same_summary(summaries, candidate))
            continue
        if candidate.place is not None:
            event = (
                _same_place(doc, events, candidate)
                or _near_reference(events, candidate)
                or _placeless_lede(by_sentence, candidate)
                or _told_again_at_an_unlisted_place(doc, events, candidate)
            )
        elif candidate.new_episode:
            event = None
        else:
            event = _nearest_before(events, candidate)
            if event is None:
                pending.append(candidate)
                continue
            if _another_day_of_demonstration(event, candidate):
                event = _same_day_demonstration(events, candidate) or event
            if (
                _another_incident(event, candidate, doc.published)
                or _another_day_of_demonstration(event, candidate)
                or _a_reply(doc, event, candidate)
                or _another_act(doc, event, candidate)
                or _other_quarter(set(candidate.quarters), event.place_keys)
            ):
                by_sentence[candidate.sentence] = _split_off(events, candidate, event)
                continue
        by_sentence[candidate.sentence] = _add(events, candidate, event, doc.main_country)
    told_apart = {c.sentence for c in candidates if _opens_with(doc, c.sentence, "new_episode")}
    for candidate in pending:
        event = _nearest_after(events, candidate, told_apart)
        if event is not None and _a_reply(doc, event, candidate):
            event = None
        by_sentence[candidate.sentence] = _add(events, candidate, event, doc.main_country)
    _attach_loose_dates(doc, events, {c.sentence for c in candidates})
    events = _headline_told_by_body(doc, events)
    events += summaries
    for claim, owner in zip(doc.claims, _owners(events, doc.claims)):
        if owner is not None:
            owner.claims.append(claim)
    if _off_topic(doc):
        events = [e for e in events if _news_off_topic(doc, e)]
    doc.events = sorted(events, key=lambda e: min(e.sentences))


_OPENS_FIRE = forms_with_role("opens_fire")
_FIRE = forms_with_role("fire_object")
_FIRE_OPENED = fold("فتحت النار")
# "فتح مسلحون صباح الأحد النار": the subject and the time stand between the verb and النار.
_FIRE_REACH = 3


def _fire_opened(text: str, start: int, end: int) -> list[tuple[re.Match[str], dict[str, str]]]:
    """ "فتح مسلحون صباح الأحد النار على حافلة", "أطلق رجل النار على المصلين": a verb of
    opening fire with its object النار a few words on, past its subject or its time, is the
    shooting "فتحت النار" names next to it; each match spans the verb."""
    if not holds_any(text, start, end, _FIRE):
        return []
    words = list(WORD.finditer(text, start, end))
    found = []
    for at, word in enumerate(words):
        if not stem_in(word.group(), _OPENS_FIRE):
            continue
        between = [w.group() for w in words[at + 1 : at + 2 + _FIRE_REACH]]
        if not _FIRE.intersection(between[:1]) and _FIRE.intersection(between[1:]):
            found.append((word, event_triggers().entries[_FIRE_OPENED]))
    return found


_AIRCRAFT = stems_with_role("aircraft")
_STRIKES_WITH = forms_with_role("strikes_with")
_AIR_STRIKE = fold("ضربة جوية")


def _aircraft_struck(text: str, start: int, end: int) -> list[tuple[re.Match[str], dict[str, str]]]:
    """ "استهدفت مقاتلات حربية مواقع للتنظيم", "نفذت طائرات التحالف ضربات على منطقة X": a verb of
    striking whose subject, right after it, is an aircraft is an air strike; each match spans the verb."""
    if not holds_any(text, start, end, _AIRCRAFT):
        return []
    words = list(WORD.finditer(text, start, end))
    return [
        (word, event_triggers().entries[_AIR_STRIKE])
        for word, following in zip(words, words[1:])
        if stem_in(word.group(), _STRIKES_WITH) and strip_article(following.group()) in _AIRCRAFT
    ]


_AIR_TO_GROUND = forms_with_role("air_to_ground")


def _flown(doc: Doc, trigger: Trigger) -> Trigger:
    """ "قصف بطائرات مسيرة", "قصف لطيران التحالف", "قصفت مقاتلات التحالف", "قصف الطيران المروحي":
    a shelling with the aircraft right after it, as its instrument (ب), its owner (ل) or its
    subject, or with an air strike's weapon right after it, is an air strike; Arabic news says قصف
    of bombs dropped as of shells fired."""
    if trigger.sub_event_type != SHELLING:
        return trigger
    word = word_after(doc.folded, trigger.end)
    if word[:1] in CONJUNCTIONS:
        return trigger  # "قصف وطيران": a second weapon, not the shelling's
    if strip_article(word) in _AIRCRAFT or (word[:1] in (BA, LAM) and strip_article(word[1:]) in _AIRCRAFT):
        return replace(trigger, sub_event_type=AIR_DRONE_STRIKE)
    if _air_to_ground(doc.folded, trigger.end):
        return replace(trigger, sub_event_type=AIR_DRONE_STRIKE)
    # "قصف بالبراميل المتفجرة": the weapon right after it is an air strike's.
    after = next((t for t in doc.triggers if t.start > trigger.end), None)
    if (
        after is not None
        and after.sub_event_type == AIR_DRONE_STRIKE
        and not doc.folded[trigger.end : after.start].strip()
    ):
        return replace(trigger, sub_event_type=AIR_DRONE_STRIKE)
    return trigger


def _air_to_ground(text: str, end: int) -> bool:
    """ "صاروخ جو-أرض", "صواريخ \"جو-أرض\"", "صواريخ الجو-أرض": a missile named by the air it is
    fired from and the ground it strikes is fired from an aircraft."""
    words = WORD.findall(text[end : end + 16].replace("-", " "))[:2]
    return len(words) == 2 and f"{strip_article(words[0])} {words[1]}" in _AIR_TO_GROUND


def _is_title(doc: Doc) -> bool:
    """The first sentence is a title: a paragraph of its own."""
    return len(doc.sentences) > 1 and doc.sentences[0].paragraph != doc.sentences[1].paragraph


# A headline's place and the body's place of one incident lie this close ("غارة على خان يونس",
# then "على منزل في بلدة بني سهيلا شرق خان يونس").
HEADLINE_KM = 25.0
_TOWN = "P"  # GeoNames' feature class of populated places; a title may name a region instead


def _headline_told_by_body(doc: Doc, events: list[EventDraft]) -> list[EventDraft]:
    """The headline announces the incident the body then tells at a more precise place (a town
    near it, or inside the region it names): one event, among those of the body's first sentence
    that tells any ("قتل متظاهر في الديوانية في وقت فرقت الشرطة مظاهرات في بغداد")."""
    headline = next(
        (e for e in events if e.sentences == {0} and not e.background and isinstance(e.place, ResolvedPlace)),
        None,
    )
    if headline is None or not _is_title(doc):
        return events
    here = headline.place.place
    first = None  # the body's first sentence telling an incident
    for body in sorted(events, key=lambda e: min(e.sentences)):
        if (
            body is headline
            or body.background
            or body.family != headline.family
            or not isinstance(body.place, ResolvedPlace)
        ):
            continue
        if first is not None and min(body.sentences) != first:
            break  # only the body's first incidents can be the one the headline announces
        first = min(body.sentences)
        there = body.place.place
        near = (
            distance_km(here.lat, here.lon, there.lat, there.lon) <= HEADLINE_KM
            or _meets(headline.place_keys, body.place_keys)
            or (here.feature_class != _TOWN and here.country == there.country)
        )
        if near and _dates_compatible(body.dates, headline.dates):
            body.triggers[:0] = headline.triggers
            body.sentences |= headline.sentences
            body.spans[:0] = headline.spans
            body.dates[:0] = headline.dates
            return [e for e in events if e is not headline]
    return events


def _join_demonstrations(doc: Doc, candidates: list[_Candidate]) -> None:
    """ACLED codes a demonstration that turns violent as one event of the highest kind: in a report
    of a demonstration, shooting, clashes and casualties told in sentences of their own ("لقي شاب
    مصرعه برصاص قوات الأمن", "واندلعت مواجهات عنيفة") at its place, or at no place of their own,
    are what happened at it, unless an armed group or a weapon of war is named in that topic."""
    held = [c for c in candidates if c.family == DEMONSTRATION and not c.background and c.triggers]
    violent = [c for c in candidates if c.family == VIOLENCE and not c.background and not c.summary]
    # A fight with an armed group or a bombing in the same topic is where its casualties belong.
    fought = {
        i
        for c in violent
        if not demonstrations.at_a_demonstration(doc, c.sentence, c.triggers)
        for i in c.section
    }
    for candidate in violent:
        if candidate.sentence in fought or not any(_at_the_demonstration(candidate, d) for d in held):
            continue
        candidate.family = DEMONSTRATION
        candidate.triggers = [demonstrations.as_demonstration(t) for t in candidate.triggers]


def _at_the_demonstration(candidate: _Candidate, demonstration: _Candidate) -> bool:
    """Within the demonstration's topic and days, at its place (or where either names none)."""
    if candidate.sentence not in demonstration.section or not _dates_compatible(
        demonstration.dates, candidate.dates
    ):
        return False
    if candidate.place is None or demonstration.place is None:
        return True
    return _meets(_place_keys(candidate.place), _place_keys(demonstration.place))


def _same_summary(summaries: list[EventDraft], candidate: _Candidate) -> EventDraft | None:
    """Summaries of one family and period join unless both name places that do not meet."""
    return next(
        (
            e
            for e in summaries
            if _compatible(e, candidate)
            and (
                e.place is None
                or candidate.place is None
                or _meets(e.place_keys, _place_keys(candidate.place))
            )
        ),
        None,
    )


def _keep_summaries_apart(candidates: list[_Candidate]) -> None:
    """A summary is set apart, as background, only beside the incidents it sums up: a report
    whose one figure is "قتل 15 في هجمات متفرقة" has no other event to give it."""
    for candidate in candidates:
        if candidate.summary and not any(
            not other.summary and not other.background and other.family == candidate.family
            for other in candidates
        ):
            candidate.summary = False
        candidate.background = candidate.background or candidate.summary


def _off_topic(doc: Doc) -> bool:
    """A match report, a film review, a space launch or a market report: its "attack", "battle",
    "rocket" and "price war" are words of its own register, not news of violence."""
    cued = sum(1 for s in doc.sentences if next(register_cues().finditer(doc.folded, s.start, s.end), None))
    violent = len({t.sentence for t in doc.triggers if t.strong and EVENT_FAMILY[t.event_type] == VIOLENCE})
    return cued >= OFF_TOPIC_SENTENCES and cued > violent


def _news_off_topic(doc: Doc, event: EventDraft) -> bool:
    """What a match report or a review still tells as news: an incident with its toll and day, a
    strategic development with an armed or state party ("الديوك أوقفوا مهاجم برشلونة" stops a
    striker, no one is arrested), a demonstration."""
    if event.family == VIOLENCE:
        return _reported_as_news(event)
    if event.family == STRATEGIC:
        return any(_armed_party_in(doc, s) for s in event.sentences)
    return True


def _reported_as_news(event: EventDraft) -> bool:
    """Outside a conflict report, an incident is news only with its toll and its day ("قتل
    لاعب وثلاثة مشجعين في انفجار أمس"); a plot, a metaphor or a war's history gives neither."""
    return any(_counted(c) for c in event.claims) and any(d.precision == 1 for d in event.dates)


_ARMED_ROLES = frozenset({"armed", "state"})
_RESPONSIBILITY = forms_with_role("responsibility")
_RESPONSIBILITY_NOUNS = forms_with_role("responsibility_noun")
# "تبنت حركة الشباب المجاهدين المسؤولية": the noun within these words after the verb.
_CLAIM_REACH = 6
_ANOTHER = forms_with_role("another")
_PAST_COPULA = forms_with_role("past_copula")
_CAPTURED = "captured"
_ALREADY = "قد"
_RELATIVES = forms_with_role("relative")
_DESCRIPTIONS = forms_with_role("description")
_WHERE = forms_with_role("where")
_BEGAN = forms_with_role("began")
_SINCE = forms_with_role("since")
_COMPLEMENTS = forms_with_role("complement")
_OCCASIONS = forms_with_role("occasion")
_DURING = forms_with_role("during")
# "حيث انطلقت موجة الاحتجاجات الأخيرة في 8 تموز", "منذ بدء قوات الحكومة هجومها على ريف المدينة في
# 18 تموز": the day stands within these words after the verb, its subject and object between.
_BEGAN_REACH = 8
# A relative pronoun describes the event word when it follows it or its noun complement
# ("اعتداءات بروكسل التي"); mentions are looked for this many characters back.
_GOVERNING_WORDS, _NEAR_CHARS = 2, 60
_JUDICIAL = forms_with_role("judicial")
_CONVICTED = forms_with_role("convicted")
_HYPOTHETICAL = forms_with_role("hypothetical")
_WHETHER = forms_with_role("whether")
# "إذا تعرضت لهجوم", "تستطيع القوات تقديم الدعم أو حتى القتال": within these words before the event word.
_HYPOTHETICAL_REACH = 4
# "لجنة تفادي التعذيب", "لمنع هجوم": fighting or preventing the act names no incident of it.
_PREVENTION = forms_with_role("prevention")
_AGREEMENT_IN_FORCE = stems_with_role("agreement_in_force")
_HANDLING = stems_with_role("handling")
_FEAR = stems_with_role("fear")
_FROM = "من"
_URGING = stems_with_role("urging")
# "حرض الأمين العام للحزب أنصاره على قتال": the urger and the urged stand between the word and على.
_URGING_REACH = 7
_URGED_TO = forms_with_role("urged_to")
_CAUSE = stems_with_role("cause")
# "هربا من القصف", "للإشراف على المعارك", "المشاركة في القتال": each governor and the preposition
# that joins it to the fighting it names.
_TOPIC_GOVERNORS = (
    (stems_with_role("flight"), _FROM),
    (stems_with_role("oversight"), fold("على")),
    (stems_with_role("taking_part"), "في"),
)
_ANY = forms_with_role("any")
_EARLIEST_YEAR = 1900
# The feminine plural of event nouns: "احتجاجات", "اعتداءات", "مواجهات".
_PLURAL = "ات"
# "النار على سكان": the people fired on are named right after "على".
_ON = frozenset({"على", "علي"})
_TARGET_CHARS = 2
# Plural nisba endings: "الأرمينيين" names a country's people, "التركية" only qualifies a noun.
_PEOPLE = ("يين", "يون")
_JUDICIAL_WINDOW = 4
# "خطف الحارس الأضواء": the verb's subject may stand between it and the idiom's object.
_FIGURATIVE_WINDOW = 2
_FIGURATIVE_OBJECTS = stems_with_role("figurative_object")


def _figurative(text: str, end: int) -> bool:
    """ "خطف الأضواء", "معركة الأسعار": a trigger whose object is glory or prices is an idiom."""
    following = WORD.findall(text, end, end + 40)[:_FIGURATIVE_WINDOW]
    return any(strip_article(word) in _FIGURATIVE_OBJECTS for word in following)


def _handled(text: str, start: int) -> bool:
    """ "خبراء صناعة المتفجرات", "نزع الألغام", "وقف القتال": the weapon or the fighting is the
    object of a trade, a handling or a halt, not an incident; so is the word joined to it by و
    ("صناعة المتفجرات والعبوات الناسفة"), and a danger feared ("خوفا من هجمات انتقامية")."""
    heads = {start, _joined_to(text, start)}
    if any(stem_in(word_before(text, at), _HANDLING, article=True) for at in heads):
        return True
    return _governed_by(text, start, _FEAR, _FROM)


def _governed_by(text: str, start: int, governors: frozenset[str], preposition: str) -> bool:
    """ "خوفا من غارات", "هربا من القصف", "للإشراف على المعارك": the word before is the preposition,
    and the word before it one of the governors."""
    before = word_before(text, start)
    return before == preposition and stem_in(
        word_before(text, text.rfind(before, 0, start)), governors, article=True
    )


def _urged(text: str, sentence_start: int, start: int) -> bool:
    """ "حرض زعيم الجماعة أنصاره على قتال الجيش", "دعا إلى الهجوم على المعسكر": fighting urged on
    others, not fought: «على» or «إلى» right before the event word, a word of urging a few words
    before it in its clause."""
    if word_before(text, start) not in _URGED_TO:
        return False
    words = last_words(text, clause_start(text, sentence_start, start), start, _URGING_REACH)
    # "حث لندن على الرد بهدوء على الهجوم": the urging's own «على» is the first after it.
    return any(
        stem_in(_without_pronoun(word), _URGING, article=True) and not _URGED_TO & set(words[at + 1 : -1])
        for at, word in enumerate(words)
    )


def _without_pronoun(word: str) -> str:
    """ "حرضهم" -> "حرض": the verb without the attached pronoun of whom it urges."""
    return next((word[: -len(p)] for p in THIRD_PERSON_PRONOUNS if word.endswith(p)), word)


def _named_as_a_topic(doc: Doc, index: int, start: int, end: int) -> bool:
    """ "أغلق المطار بسبب المعارك في اليمن", "الفارين من القتال", "للإشراف على المعارك": fighting
    governed by a word of cause, flight, supervision or taking part is what the sentence is about,
    not an incident it tells, unless it comes with a figure, or a day or a town of its own ("هربا
    من القصف على بلدة بيت سوا", "بسبب الغارات التي قتلت 68 مدنيا")."""
    head = _joined_to(doc.folded, start)
    return any(_governed_as_a_topic(doc.folded, at) for at in {start, head}) and not _told_with_its_own(
        doc, index, end
    )


def _joined_to(text: str, start: int) -> int:
    """Where the word before starts when the word at `start` is joined to it by و ("من الغارات
    والبراميل" -> "الغارات"), else `start`."""
    before = word_before(text, start)
    if not (text.startswith(AND, start) and before):
        return start
    return text.rfind(before, 0, start)


def _governed_as_a_topic(text: str, start: int) -> bool:
    """ "بسبب المعارك", "هربا من القصف", "للإشراف على العمليات", "المشاركة في القتال"."""
    return stem_in(word_before(text, start), _CAUSE, article=True) or any(
        _governed_by(text, start, words, on) for words, on in _TOPIC_GOVERNORS
    )


def _told_with_its_own(doc: Doc, index: int, end: int) -> bool:
    """A figure in the sentence ("قتل خمسة بسبب القصف"), or a day or a place named after the
    event word in its clause ("يفرون من القتال في الحديدة", "بسبب القصف الذي استهدف البلدة أمس");
    a headline's fighting is the news the report tells ("فرار مئات الأسر بسبب معارك بين الفصائل")."""
    if (index == 0 and _is_title(doc)) or any(_counted(c) for c in doc.of_sentence(doc.claims, index)):
        return True
    until = clause_end(doc.folded, end, doc.sentences[index].end)
    return any(d.precision == 1 for d in doc.within(doc.dates, end, until)) or any(
        not p.abroad for p in doc.within(doc.places, end, until)
    )


def _judicial(text: str, sentence_start: int, start: int) -> bool:
    """ "حكمت المحكمة عليه بالإعدام", "بتهمة الاغتصاب": a sentence or a charge, not an incident."""
    return any(w in _JUDICIAL for w in last_words(text, sentence_start, start, _JUDICIAL_WINDOW))


def _hypothetical(text: str, sentence_start: int, start: int) -> bool:
    """ "تستطيع الدفاع عن اليابان فقط إذا تعرضت لهجوم مباشر": a condition or an ability a few
    words before the event word, in its clause."""
    opening = clause_start(text, sentence_start, start)
    # "تحديد ما إذا كانا تفجيرين انتحاريين": "whether" leaves the event, only its kind, in doubt.
    words = last_words(text, opening, start, _HYPOTHETICAL_REACH + 1)
    return any(
        stem_in(word, _HYPOTHETICAL) and (at == 0 or words[at - 1] not in _WHETHER)
        for at, word in enumerate(words)
        if at > 0 or len(words) <= _HYPOTHETICAL_REACH
    )


def _charged(text: str, sentence_start: int, start: int) -> bool:
    """ "فيما أدين الثاني بتلقي مبلغ مالي للخروج في مظاهرات والإخلال بالأمن": a conviction
    governs every event word after it in its clause, however long the list of charges."""
    opening = clause_start(text, sentence_start, start)
    return any(stem_in(word, _CONVICTED) for word in WORD.findall(text, opening, start))


def _in_relative_clause(text: str, start: int) -> bool:
    """ "الحوثيين الذين سيطروا على ..." describes who they are, not a new event."""
    return word_before(text, start) in _RELATIVES


def _attach_loose_dates(doc: Doc, events: list[EventDraft], taken: set[int]) -> None:
    """A date in a sentence with no trigger ("وقالت إن الحادثة وقعت يوم 17 يوليو") dates the news
    event reported just before it (a few sentences on, it may be another's). A weekday or a relative
    day dates it only when its own sentences have named no day before: after the day they told, such
    a day told apart is another act's ("وكانت السلطات فرضت السبت حظرا للتجول" after "قتل جنديان
    الأحد")."""
    for date in doc.dates:
        index = doc.sentence_of(date.start)
        if index in taken or not _loose_day(doc, date):
            continue
        earlier = [
            e
            for e in events
            if not e.background and _at_or_after(e.last_sentence_before(index), index - LOOSE_DATE_REACH)
        ]
        nearest = max(earlier, key=lambda e: e.last_sentence_before(index), default=None)
        if nearest is not None and (date.kind == "explicit" or not _dated_before(nearest, date.start)):
            nearest.dates.append(date)


def _dated_before(event: EventDraft, offset: int) -> bool:
    """Whether the event's own sentences name its day before `offset`."""
    return any(d.precision == 1 and d.start < offset for d in event.dates)


def _loose_day(doc: Doc, date) -> bool:
    """Whether a day in a sentence that tells no event may date the event before it: not the day of
    a statement, a day to come ("المقررة غدا"), a day since which something goes on ("ومنذ مساء
    الأربعاء نزح آلاف السكان"), or the day of an incident the sentence recalls ("وجاء ذلك بعد
    أيام من عملية نفذتها الجماعة الخميس")."""
    return (
        date.precision == 1
        and not _statement_date(doc, date)
        and not _is_background(doc, [date])
        and not (
            doc.published is not None and date.date_start is not None and date.date_start > doc.published
        )
        and not stem_in(word_before(doc.folded, date.start), _SINCE)
        and _recalled_from(doc, doc.sentence_of(date.start)) is None
    )


def _candidate(doc: Doc, index: int, section: range) -> _Candidate | None:
    triggers = doc.of_sentence(doc.triggers, index)
    if not _reports_an_event(doc, index, triggers, section):
        return None
    old = _named_by_a_past_year(doc, index, triggers)
    if old and len(old) < len(triggers):
        triggers = [t for t in triggers if t not in old]  # "اعتقلت السلطات الأحد ... خلال احتجاجات 2009"
    family = EVENT_FAMILY[_dominant(triggers).event_type] if triggers else VIOLENCE
    told_apart = set(_past_when(doc, index).values())  # the time of a clause told apart
    dates = _without_described_history(
        doc,
        index,
        triggers,
        [d for d in doc.in_sentence(doc.dates, index) if not _statement_date(doc, d) and d not in told_apart],
    )
    if _still_to_come(doc, list(doc.in_sentence(doc.dates, index))):
        return None  # "دعت الأحزاب إلى التظاهر غدا", "اعتصام مفتوح الأسبوع المقبل": a plan, no event yet
    war_toll = _war_toll(doc, index)
    background = (
        _is_background(doc, dates)
        or _tallies_cases(doc, index)
        or _running_toll(doc, index, dates)
        or (
            (_tells_history(doc, index, triggers) or war_toll or bool(old))
            and not any(d.precision == 1 for d in dates)
        )
        or (not dates and _history_goes_on(doc, index))
    )
    recalled = _recalled_from(doc, index)
    if recalled is not None:
        # "ويأتي هذا التفجير بعد أيام من تفجير انتحاري ...": the incident recalled, not this one.
        triggers = [t for t in triggers if t.start >= recalled] or triggers
        dates = [d for d in dates if d.start >= recalled]
    # News is dated by its days; history by the years and periods it names ("في عام 2023").
    kept = [d for d in dates if background or d.kind not in ("year", "period", ANNIVERSARY)]
    counted = any(_counted(c) for c in doc.of_sentence(doc.claims, index))
    place = _place(doc, index, triggers)
    summary = (war_toll and not dates) or (
        _sums_up(doc, index, triggers) and _names_no_one_town(doc, index, place)
    )
    sentence = doc.sentences[index]
    return _Candidate(
        index,
        triggers,
        place,
        family,
        background or recalled is not None,
        kept,
        _opens_new_episode(doc, index, place is not None) or recalled is not None,
        counted,
        summary,
        section,
        (sentence.start, sentence.end),
    )


def _still_to_come(doc: Doc, dates: list) -> bool:
    """Every day the sentence names is after the report's: what it tells has not happened."""
    days = [d for d in dates if d.date_start is not None]
    return doc.published is not None and bool(days) and all(d.date_start > doc.published for d in days)


def _reports_an_event(doc: Doc, index: int, triggers: list[Trigger], section: range) -> bool:
    """Whether a sentence reports an incident, not a football "attack", a chemistry lesson or a
    hurricane's toll: a tactic named by a word with other senses needs a figure or an armed party
    beside it (or, for clashes, a demonstration in its topic), a bare "attack" needs a figure, and a
    figure alone needs a conflict around it."""
    claims = list(doc.of_sentence(doc.claims, index))
    counted = any(_counted(c) for c in claims)
    strong = [t for t in triggers if t.strong]
    if any(EVENT_FAMILY[t.event_type] == DEMONSTRATION for t in strong):
        return True
    if strong and all(
        _crash_told_as_an_accident(doc, index, t) or _blast_of_no_weapon(doc, index, t) for t in strong
    ):
        return False  # "لقي تسعة أشخاص مصرعهم بحادث تحطم طائرة مروحية": a crash, not a downing
    if strong:
        return (
            bool(claims)
            or any(not t.needs_party for t in strong)
            or _armed_party_in(doc, index)
            or _responsibility_claimed(doc, index)
            or _clashes_at_a_demonstration(doc, strong, section)
            or any(_fired_at_something(doc, t) for t in strong)
        )
    if triggers:
        return counted or any(_fired_at_people(doc, t) for t in triggers)
    if _tells_an_accident(doc, index) or _headline_tells_an_accident(doc):
        # "لقي طفلان حتفهما إثر حريق في شقة": a fire, a crash, a flood is no conflict, nor are the
        # figures of a report whose headline tells one ("وفاة طفلين وإصابة 12 شخصا في 3 حرائق").
        return False
    if claims and all(c.kind == _CAPTURED for c in claims) and not strategic.political_arrest(doc, index):
        return False  # "أوقفت الشرطة رجلا يشتبه بقتله زوجته": a crime suspect's arrest
    return (counted and (_armed_party_in(doc, index) or _conflict_article(doc))) or any(
        _armed_victim(doc, c) for c in claims
    )


_ACCIDENTS = stems_with_role("accident")
_CRASH_ACCIDENT = stems_with_role("crash_accident")


def _crash_told_as_an_accident(doc: Doc, index: int, trigger: Trigger) -> bool:
    """A crash ("تحطمت طائرة") named an accident ("حادث تحطم"), told with an accident's words
    (an airliner's passengers, a technical fault) or in a report of no conflict (a Boeing after
    take-off): ACLED codes no accident."""
    return trigger.sub_event_type == OTHER and (
        stem_in(word_before(doc.folded, trigger.start), _CRASH_ACCIDENT, article=True)
        or _tells_an_accident(doc, index)
        or not (_armed_party_in(doc, index) or _conflict_article(doc))
    )


_NO_WEAPON_BLASTS = forms_with_role("no_weapon_blast")
# "انفجار أسطوانة غاز": what exploded stands right after the blast word, a space between (in characters).
_BLAST_REACH = 2


def _blast_of_no_weapon(doc: Doc, index: int, trigger: Trigger) -> bool:
    """ "إصابة عشرة أشخاص في انفجار ألعاب نارية", "انفجار أسطوانة غاز في مطعم": a bare blast word
    (no bomb named) naming fireworks or a gas cylinder as what exploded, or in a sentence naming
    them and no armed party, is an accident; "فجر مسلحون مخازن أسطوانات الغاز" names who blew them up."""
    sentence = doc.sentences[index]
    named = [
        at for blast in _NO_WEAPON_BLASTS if (at := doc.folded.find(blast, sentence.start, sentence.end)) >= 0
    ]
    return (
        trigger.needs_party
        and EVENT_FAMILY[trigger.event_type] == VIOLENCE
        and bool(named)
        and (not _armed_party_in(doc, index) or any(0 <= at - trigger.end <= _BLAST_REACH for at in named))
    )


def _headline_tells_an_accident(doc: Doc) -> bool:
    """A headline telling a fire or a flood, in a report that names no violence (asked once)."""

    def ask() -> bool:
        violence = any(t.strong and EVENT_FAMILY[t.event_type] == VIOLENCE for t in doc.triggers)
        return bool(doc.sentences) and not violence and _tells_an_accident(doc, 0)

    return doc.cached("headline_accident", doc.triggers, ask)


def _tells_an_accident(doc: Doc, index: int) -> bool:
    sentence = doc.sentences[index]
    return any(
        strip_article(word) in _ACCIDENTS for word in WORD.findall(doc.folded, sentence.start, sentence.end)
    )


def _fired_at_people(doc: Doc, trigger: Trigger) -> bool:
    """ "فتحت الدبابات النار على سكان البلدة": fire opened on people is an incident, counted or not."""
    if trigger.event_type != BATTLES or word_after(doc.folded, trigger.end) not in _ON:
        return False
    after = doc.folded.find(" ", trigger.end + 1)
    return any(a.role != "source-only" for a in doc.within(doc.actors, after, after + _TARGET_CHARS + 1))


_FIRES = stems_with_role("fires")
_NOT_A_TARGET = stems_with_role("not_a_target")
# "أطلقت إيران، فجر الخميس، 20 صاروخا": the firing verb stands this many words before the projectile,
# and "على" this many after it ("صاروخا من طراز غراد على قواعد").
_FIRING_REACH, _TARGET_REACH = 6, 5


def _fired_at_something(doc: Doc, trigger: Trigger) -> bool:
    """ "أطلقت إيران 20 صاروخا على قواعد عسكرية": a projectile fired at something is an attack,
    though no armed party is named (a state is named by its country); a rocket launched into
    space carries its crew "على متنه"."""
    if trigger.event_type != EXPLOSIONS:
        return False
    sentence = doc.sentences[trigger.sentence]
    before = last_words(doc.folded, sentence.start, trigger.start, _FIRING_REACH)
    if not any(stem_in(w, _FIRES, article=True) for w in before):
        return False
    after = [m.group() for m in WORD.finditer(doc.folded, trigger.end, sentence.end)][: _TARGET_REACH + 1]
    return any(
        w in _ON and n + 1 < len(after) and strip_article(after[n + 1]) not in _NOT_A_TARGET
        for n, w in enumerate(after)
    )


def _clashes_at_a_demonstration(doc: Doc, strong: list[Trigger], section: range) -> bool:
    """ "واندلعت مواجهات عنيفة قرب مبنى المحافظة" in a report of a demonstration: it turned violent."""
    return all(t.event_type == BATTLES for t in strong) and any(
        EVENT_FAMILY[t.event_type] == DEMONSTRATION and t.sentence in section for t in doc.triggers
    )


def _responsibility_claimed(doc: Doc, index: int) -> bool:
    """ "تبنت الحركة المسؤولية عن عملية تفجير": an act someone claims is an attack, whoever claims it."""
    sentence = doc.sentences[index]
    words = WORD.findall(doc.folded, sentence.start, sentence.end)
    return any(
        word in _RESPONSIBILITY and any(w in _RESPONSIBILITY_NOUNS for w in words[at + 1 : at + _CLAIM_REACH])
        for at, word in enumerate(words)
    )


def _armed_victim(doc: Doc, claim) -> bool:
    """ "قتل باسم عاشور من كتائب القسام": a killing of a named fighter is news with no number."""
    return (
        claim.kind == "killed"
        and not _counted(claim)
        and any(
            a.role in _ARMED_ROLES and a.name == claim.victim_name
            for a in doc.in_sentence(doc.actors, claim.sentence)
        )
    )


def _counted(claim) -> bool:
    """A figure, if only a ceiling ("قد تصل إلى 180 ضحية")."""
    return claim.low is not None or claim.high is not None


def _armed_party_in(doc: Doc, index: int) -> bool:
    return any(a.role in _ARMED_ROLES for a in doc.in_sentence(doc.actors, index))


def _conflict_article(doc: Doc) -> bool:
    """An article about fighting: a strong violence trigger beside an armed party, or a figure
    given in a sentence that names an armed party ("نفت البعثة قتل 20 مدنيا"), after which the
    report's other figures ("وكانت مصادر قالت إن الحادثة أسفرت عن مقتل عشرة") are of that news."""
    if any(t.strong and EVENT_FAMILY[t.event_type] == VIOLENCE for t in doc.triggers) and any(
        a.role in _ARMED_ROLES for a in doc.actors
    ):
        return True
    return any(_counted(c) and _armed_party_in(doc, c.sentence) for c in doc.claims)


def _opens_new_episode(doc: Doc, index: int, placed: bool) -> bool:
    """ "وفي حادث منفصل، ..." or "هجوما آخر": another incident with figures of its own; or one
    the text calls separate in so many words ("وبموازاة ذلك، فتحت امرأتان النار على القنصلية"),
    figures or not; or one counted by an ordinal or "another" at a place the sentence names ("هز
    انفجار ثالث وسط المدينة"), figures or not, unless كان stands just before it: "وكانت ساحة
    لمعارك أخرى" describes the place by its past."""
    if _opens_with(doc, index, "separate_incident"):
        return True
    another = [t for t in doc.of_sentence(doc.triggers, index) if _followed_by_another(doc.folded, t.end)]
    floor = doc.sentences[index].start
    if placed and any(
        not _PAST_COPULA & set(last_words(doc.folded, floor, t.start, _PLUPERFECT_REACH)) for t in another
    ):
        return True
    opener = _opens_with(doc, index, "new_episode") and _tells_more_than_figures(doc, index, placed)
    marked = bool(another) or opener or _tells_before(doc, index)
    return marked and any(c.low is not None for c in doc.of_sentence(doc.claims, index))


def _tells_more_than_figures(doc: Doc, index: int, placed: bool) -> bool:
    """ "كما أصيب مرافق آخر بجروح": after "كما", a sentence that gives figures with no
    event word, place or day of its own adds to the incident before it; one of them tells another."""
    return placed or bool(doc.of_sentence(doc.triggers, index)) or bool(doc.in_sentence(doc.dates, index))


# "وكان ستة أشخاص قد قتلوا الخميس": كان, then قد within these many words.
_PLUPERFECT_REACH = 6


def _tells_before(doc: Doc, index: int) -> bool:
    """The pluperfect "وكان ستة أشخاص قد قتلوا ..." tells what happened before the news, when
    the word after its قد is the event's own verb (a figure or an event word starts there);
    "وكانت مصادر قد قالت إن ..." only reports a statement about the news itself."""
    sentence = doc.sentences[index]
    words = list(WORD.finditer(doc.folded, sentence.start, sentence.end))[: _PLUPERFECT_REACH + 2]
    if not words or words[0].group() not in _PAST_COPULA:
        return False
    particle = next((w for w in words[1:] if w.group() == _ALREADY), None)
    if particle is None:
        return False
    verb = WORD.search(doc.folded, particle.end(), sentence.end)
    return verb is not None and any(
        item.start <= verb.start() < item.end or item.start == verb.start()
        for item in [*doc.of_sentence(doc.triggers, index), *doc.of_sentence(doc.claims, index)]
    )


def _followed_by_another(text: str, end: int) -> bool:
    return word_after(text, end) in _ANOTHER


# How far from an event word a word of spread ("متفرقة", "سلسلة", "مناطق مختلفة") still says
# the word is a sum of incidents: "سلسلة تفجيرات", "تفجيرات استهدفت مناطق مختلفة".
_SPREAD_BEFORE, _SPREAD_AFTER = 12, 30
# "ويأتي هذا التفجير بعد أيام من ...": the word "after" comes within these many words.
_RECALL_WINDOW = 4


def _sums_up(doc: Doc, index: int, triggers: list[Trigger]) -> bool:
    """A sentence that gives the toll of a series of incidents in several places at once, not
    of one of them ("قتل 30 شخصا في سلسلة تفجيرات استهدفت مناطق مختلفة")."""
    sentence = doc.sentences[index]
    violent = [t for t in triggers if EVENT_FAMILY[t.event_type] == VIOLENCE]
    return any(
        t.start - _SPREAD_BEFORE <= match.start() <= t.end + _SPREAD_AFTER
        for match, _ in spread_words().finditer(doc.folded, sentence.start, sentence.end)
        for t in violent
    )


def _names_no_one_town(doc: Doc, index: int, place) -> bool:
    """ "في مناطق مختلفة في العراق", "في محافظتي كركوك ونينوى": no single town is where it all was
    ("سلسلة غارات على مدينة دوما" is one incident)."""
    if place is None or _vague_place(place):
        return True
    return len({p.place.geonameid for p in doc.in_sentence(doc.places, index)}) > 1


def _recalled_from(doc: Doc, index: int) -> int | None:
    """Where a sentence that recalls an earlier incident ("وتأتي هذه الهجمات بعد أقل من شهر على
    مقتل 27 ...") starts telling it: after its "بعد", when no figure of this one comes before."""
    sentence = doc.sentences[index]
    words = list(WORD.finditer(doc.folded, sentence.start, sentence.end))
    if not words or words[0].group() not in forms_with_role("recall"):
        return None
    link = next(
        (w for w in words[1 : _RECALL_WINDOW + 1] if w.group() in forms_with_role("recall_link")), None
    )
    if link is None or any(c.start < link.end() for c in doc.of_sentence(doc.claims, index)):
        return None
    return link.end()


# A clause-linking word or phrase ("كما", "في حين") standing whole at an offset.
_CLAUSE_LINK = re.compile(
    "(?:"
    + "|".join(re.escape(link) for link in sorted(forms_with_role("clause_link"), key=len, reverse=True))
    + r")(?![^\W_])"
)
_PLACE_LIST_WORDS = forms_with_role("place_list_word")
# "كانبيرا "جنوب" وبيرث "غرب"", "A (شمال) وB": a short aside in quotes or brackets leaves the list whole.
_ASIDE = re.compile(r'"[^"]{1,30}"|\([^()]{1,30}\)')
# "اشتباكات بين مدينتي A وB" is one fight between two towns, not two incidents.
_BETWEEN = "بين"
# "في A وفي B": the preposition said again before each place of a list.
_IN = "في"
_JOINS = frozenset({AND, AND + _IN})


def _split_clauses(doc: Doc, candidate: _Candidate) -> list[_Candidate]:
    """One incident per clause that has its own event word or figure and its own place: "قتل
    ثلاثة جنود في هجوم في غاو وقتل خمسة مدنيين في انفجار في تمبكتو" is two events, each with its
    figures. A clause with no place of its own, or at a place that meets the one before ("في
    ريف حلب"), goes on telling the incident before it."""
    if candidate.summary:
        return [candidate]
    sentence = doc.sentences[candidate.sentence]
    past = _past_when(doc, candidate.sentence)
    recalled = _recalled_after(doc, candidate.sentence)
    apart = set(past) | recalled
    bounds = sorted({sentence.start, *_clause_starts(doc, candidate.sentence), *apart, sentence.end})
    groups: list[list] = []  # [start, end, place]
    towns: set[int] = set()  # clauses at a town of the region the clause before named
    for start, end in zip(bounds, bounds[1:]):
        place = _place(doc, candidate.sentence, _triggers_within(candidate, start, end), (start, end))
        before = groups[-1][2] if groups else None
        own = _tells_an_incident(doc, candidate, start, end) and place is not None and before is not None
        struck = any(t.strong for t in _triggers_within(candidate, start, end))
        if own and struck and _town_of_the_region_before(doc, start, before, place):
            towns.add(start)
        if (
            groups
            and start not in apart | towns
            and not (own and not _meets(_place_keys(before), _place_keys(place)))
        ):
            groups[-1][1] = end
            groups[-1][2] = groups[-1][2] or place
            continue
        groups.append([start, end, place or (groups[-1][2] if groups and start in apart else None)])
    if len(groups) == 1:
        return [candidate]
    return [
        replace(
            candidate,
            triggers=_triggers_within(candidate, start, end) or candidate.triggers[:0],
            place=place,
            span=(start, end),
            new_episode=_opens_another(doc, candidate, start, end, n) or start in towns,
            counted=any(_counted(c) and start <= c.start < end for c in doc.claims),
            dates=[past[start]]
            if start in past
            else [d for d in candidate.dates if start <= d.start < end]
            or ([] if start in recalled else candidate.dates),
            # "مقارنة بالأسبوع الماضي عندما سقط 50 مصابا", "بعد يومين من هجومين أسفرا عن مقتل 13":
            # a past told apart from the sentence's own day is told in passing, background to it.
            background=candidate.background or start in apart,
        )
        for n, (start, end, place) in enumerate(groups)
    ]


def _town_of_the_region_before(doc: Doc, start: int, before, place) -> bool:
    """ "غارات على ريف إدلب، بينما قتل قائد في اشتباكات في جسر الشغور": a clause opened by a linking
    word, with an event word of its own, at a town inside the region the clause before named tells
    an incident of its own there, not a detail of the region's (told apart, it is not joined back
    to the region's by place)."""
    return (
        _CLAUSE_LINK.match(doc.folded, start) is not None
        and not _vague_place(place)
        and is_region_mention(before)
        and _holds(_place_keys(before), _place_keys(place))
    )


def _opens_another(doc: Doc, candidate: _Candidate, start: int, end: int, n: int) -> bool:
    """Which clause of a sentence opening a new episode is the new one: the first, unless the
    sentence says so only by "another" after an event word, which marks its own clause ("قتل
    متظاهر في الديوانية في وقت فرقت الشرطة مظاهرات أخرى في بغداد")."""
    if not candidate.new_episode:
        return False
    another = [t for t in candidate.triggers if _followed_by_another(doc.folded, t.end)]
    if not another or _opens_with(doc, candidate.sentence, "separate_incident"):
        return n == 0
    if _opens_with(doc, candidate.sentence, "new_episode") or _tells_before(doc, candidate.sentence):
        return n == 0
    return any(start <= t.start < end for t in another)


_PAST_WHEN = forms_with_role("past_when")


def _past_when(doc: Doc, index: int) -> dict[int, object]:
    """Where a clause opens that tells a past period beside the sentence's own day, with it:
    "وكانت الاحتجاجات سلمية الجمعة ... مقارنة بالأسبوع الماضي عندما سقط 50 مصابا في اشتباكات"
    (the clashes and their wounded are last week's). "قتل ثلاثة أمس عندما انفجرت عبوة" tells
    the sentence's own day: one incident."""
    found = {}
    dates = doc.in_sentence(doc.dates, index)
    for date in dates:
        if date.kind == ANNIVERSARY and any(d.precision == 1 for d in dates):
            # "أصيب شخصان خلال مسيرة أمس الأول في الذكرى الأولى لمقتل ...": the day is the news,
            # the killing remembered after the anniversary is of its year.
            found[date.end] = date
            continue
        when = WORD.search(doc.folded, date.end, doc.sentences[index].end)
        if when is None or when.group() not in _PAST_WHEN or doc.folded[date.end : when.start()].strip(" ,"):
            continue
        # "الأسبوع الماضي", "العام الماضي" beside the day the sentence gives ("الجمعة").
        past = (
            date.precision != 1
            and date.date_end is not None
            and date.date_end <= (doc.published or date.date_end)
        )
        if past and any(d.precision == 1 and d.start < date.start for d in dates):
            found[when.start()] = date
    return found


# "... اليوم، بعد يومين من هجومين أسفرا عن مقتل 13": an earlier incident, dated from this one
# (in folded text, where على is written علي).
_AFTER_A_SPAN = re.compile(
    rf"(?<![^\W_])و?(?:{alternation(forms_with_role('recall_link'))})\s+(?:[^\W_]+\s+)?"
    rf"(?:{alternation(time_unit_forms())})\s+(?:من|علي)(?![^\W_])"
)


def _recalled_after(doc: Doc, index: int) -> set[int]:
    """Where a clause opens that recalls an incident some days before the sentence's own, once
    the sentence has told its own toll ("أعلنت انتهاء العملية بعد يومين من المداهمات أسفرت عن
    مقتل 4" tells one operation, its toll after)."""
    sentence = doc.sentences[index]
    tolls = [c.start for c in doc.of_sentence(doc.claims, index) if _counted(c)]
    return {
        m.start()
        for m in _AFTER_A_SPAN.finditer(doc.folded, sentence.start, sentence.end)
        if any(start < m.start() for start in tolls)
    }


def _triggers_within(candidate: _Candidate, start: int, end: int) -> list[Trigger]:
    return [t for t in candidate.triggers if start <= t.start < end]


def _tells_an_incident(doc: Doc, candidate: _Candidate, start: int, end: int) -> bool:
    """A clause tells an incident of its own with a strong event word or a figure."""
    return any(t.strong for t in _triggers_within(candidate, start, end)) or any(
        _counted(c) for c in doc.within(doc.claims, start, end)
    )


def _clause_starts(doc: Doc, index: int) -> list[int]:
    """Where a clause may open inside a sentence: at a linking word ("كما", "فيما", "في حين",
    "وفي حادث آخر") or at a word joined by و that opens a figure or an event word ("وقتل",
    "وانفجرت") or stands right before one ("ونظمت تجمعات")."""
    sentence = doc.sentences[index]
    figures = {c.start for c in doc.of_sentence(doc.claims, index)}
    events = sorted(t.start for t in doc.of_sentence(doc.triggers, index))
    starts = []
    words = list(WORD.finditer(doc.folded, sentence.start, sentence.end))
    for at, word in enumerate(words):
        start = word.start()
        if start == sentence.start:
            continue
        # "وقتل", "وانفجرت", or a verb before its event noun ("ونظمت تجمعات أخرى في ...").
        if word.group().startswith(AND):
            following = words[at + 1].start() if at + 1 < len(words) else None
            if (
                start in figures
                or following in events
                or bisect_left(events, start) < bisect_left(events, word.end())
            ):
                starts.append(start)
                continue
        if _CLAUSE_LINK.match(doc.folded, start):
            starts.append(start)
    return starts


def _split_place_list(doc: Doc, candidate: _Candidate) -> list[_Candidate]:
    """ "غارات على بلدات A وB وC": ACLED codes one event per place. The figures stay with the
    first place's event (the clause's own span); the others carry the act alone."""
    listed = _listed_places(doc, candidate)
    if len(listed) < 2:
        return [candidate]
    others = [
        replace(candidate, place=place, counted=False, new_episode=False, listed=True) for place in listed[1:]
    ]
    return [candidate, *others]


def _listed_places(doc: Doc, candidate: _Candidate) -> list[ResolvedPlace]:
    """The candidate's place and the places joined to it by و or a comma, with at most a place
    noun or a short aside between them ("بلدتي نبل والزهراء", "مدن A وB ومدينة C", "A "جنوب" وB"),
    each a town of its own."""
    first = candidate.place
    if not isinstance(first, ResolvedPlace) or _vague_place(first) or candidate.summary:
        return []
    sentence = doc.sentences[candidate.sentence]
    if _BETWEEN in last_words(doc.folded, sentence.start, first.start, 2):
        return []
    end = candidate.span[1] if candidate.span else sentence.end
    listed = [first]
    for place in doc.within(doc.places, first.end, end):
        if place.start < listed[-1].end:
            continue
        gap = WORD.findall(_ASIDE.sub(" ", doc.folded[listed[-1].end : place.start]))
        joined = (gap and all(w in _JOINS or w.removeprefix(AND) in _PLACE_LIST_WORDS for w in gap)) or (
            _crowds_in_other_towns(candidate, gap) and len(listed) == 1
        )
        if not joined or _vague_place(place) or place.place.country != first.place.country:
            break
        if any(_meets(_place_keys(p), _place_keys(place)) for p in listed):
            break
        listed.append(place)
    return listed


def _crowds_in_other_towns(candidate: _Candidate, gap: list[str]) -> bool:
    """ "تتزامن المظاهرات في طهران مع خروج حشود غاضبة في مدن مشهد وشيراز": in a demonstration's
    clause, the towns "في مدن" lists after its first place are demonstrations of their own."""
    return (
        candidate.family == DEMONSTRATION
        and len(gap) >= 2
        and gap[-2].removeprefix(AND) == _IN
        and gap[-1] in _PLACE_LIST_WORDS
    )


def topic_sections(doc: Doc) -> list[range]:
    """For each sentence, the sentences of its topic: from the last opening of a new topic
    ("من جهة أخرى، ...") at or before it to the next one."""
    count = len(doc.sentences)
    starts = [0, *(i for i in range(1, count) if _opens_with(doc, i, "topic_shift")), count]
    return [range(start, end) for start, end in zip(starts, starts[1:]) for _ in range(start, end)]


def _another_incident(event: EventDraft, candidate: _Candidate, published: dt.date | None) -> bool:
    """Another tactic, with figures of its own, on other days than the event's (than the day of
    the report, for an undated event) is another incident at the place, not a detail of this one."""
    if not candidate.counted or candidate.background or event.background:
        return False
    ours = event.strong_tactics()
    theirs = {t.sub_event_type for t in candidate.triggers if t.strong}
    if not ours or not theirs or ours & theirs:
        return False
    their_days = {d.date_start for d in candidate.dates if d.precision == 1 and d.date_start is not None}
    if not their_days:
        return False
    our_days = {d.date_start for d in event.dates if d.precision == 1 and d.date_start is not None}
    if our_days:
        return not our_days & their_days
    # "الجمعة والسبت" in a report of Sunday: not the report's day, and not only its eve.
    return (
        published is not None
        and published not in their_days
        and any((published - day).days > 1 for day in their_days)
    )


def _another_act(doc: Doc, event: EventDraft, candidate: _Candidate) -> bool:
    """ "قتل 27 مدنيا في قصف على السوق" then "وقالت إنها صدت هجوما للجيش وقتلت المئات منهم": an act
    of another ACLED type (a fight beside a shelling), each told with figures of its own, is
    another incident at the place; the same toll told again ("كمين ... لقي أربعة حتفهم" then "هجوم بصاروخ
    ... ما أسفر عن مقتل أربعة") is the incident told again."""
    if not candidate.counted or candidate.background or event.background:
        return False
    ours = {t.event_type for t in event.triggers if t.strong}
    theirs = {t.event_type for t in candidate.triggers if t.strong}
    if not ours or not theirs or ours & theirs:
        return False
    return _figures_of_its_own(doc, event, candidate)


def _figures_of_its_own(doc: Doc, event: EventDraft, candidate: _Candidate) -> bool:
    """The candidate's sentence tells figures and none the event's sentences told."""
    told = {(c.kind, c.low) for s in event.sentences for c in doc.of_sentence(doc.claims, s)}
    # "اشتباكات ..." then "قتل ثلاثة مدنيين جراء سقوط قذائف": the fight's toll, not another incident.
    return bool(told) and not any(
        (c.kind, c.low) in told for c in doc.of_sentence(doc.claims, candidate.sentence)
    )


def _another_blast_at_a_site(doc: Doc, event: EventDraft, candidate: _Candidate) -> bool:
    """ "قتل 20 في تفجير انتحاري داخل أكاديمية الشرطة" then "وقتل 15 في انفجار سيارة مفخخة في
    كابل": an event told at a named site of the city, and a blast newly told (no article: not
    "الانفجار") without the event's tactic and with figures of its own, are two incidents of the city."""
    if not candidate.counted or candidate.background or event.background:
        return False
    if not any(k.startswith(_DISTRICT) for k in event.place_keys):
        return False
    told = [t for t in candidate.triggers if t.strong]
    theirs = {t.sub_event_type for t in told}
    if not theirs or not event.strong_tactics() - theirs:
        return False
    if any(_told_before(doc, t) for t in told):
        return False
    return _figures_of_its_own(doc, event, candidate)


def _told_before(doc: Doc, trigger: Trigger) -> bool:
    """ "في الانفجار": a trigger word with the article names an act already told."""
    word = WORD.match(doc.folded, trigger.start)
    return word is not None and strip_article(word.group()) != word.group()


# "ورد الجيش بغارات جوية": the reply's word stands at most this many words before its tactic.
_REPLY_REACH = 4
_REPLIES = forms_with_role("reply")


def _a_reply(doc: Doc, event: EventDraft, candidate: _Candidate) -> bool:
    """ "قتل 15 جنديا في هجوم على موقع عسكري" then "ورد الجيش بغارات جوية أسفرت عن تحييد
    عشرات": a reply by another tactic, with figures of its own, is an incident of its own."""
    if not candidate.counted or candidate.background or event.background:
        return False
    theirs = [t for t in candidate.triggers if t.strong and t.sub_event_type not in event.strong_tactics()]
    floor = doc.sentences[candidate.sentence].start
    return any(
        stem_in(w, _REPLIES) for t in theirs for w in last_words(doc.folded, floor, t.start, _REPLY_REACH)
    )


def _dominant(triggers: list[Trigger]) -> Trigger:
    order = list(EVENT_FAMILY)
    return min(triggers, key=lambda t: (not t.strong, order.index(t.event_type)))


_CASE_NOUNS = stems_with_role("case_noun")


def _tallies_cases(doc: Doc, index: int) -> bool:
    """ "ورصد التقرير 150 حالة اختطاف و90 حالة اعتقال تعسفي": counts of cases are a report's tally
    of many incidents over a period, not one incident's toll."""
    counted = [c for c in doc.of_sentence(doc.claims, index) if c.low is not None]
    return bool(counted) and all(
        c.victim_start is not None and stem_in(doc.folded[c.victim_start : c.victim_end], _CASE_NOUNS)
        for c in counted
    )


def _war_toll(doc: Doc, index: int) -> bool:
    """ "أدى النزاع إلى مقتل نحو عشرة آلاف شخص": thousands killed is a war's toll, not one incident's."""
    return any(
        c.kind == "killed" and c.low is not None and c.low >= WAR_TOLL
        for c in doc.of_sentence(doc.claims, index)
    )


def _history_goes_on(doc: Doc, index: int) -> bool:
    """ "في يوليو عام 1988 وقع انفجار على المنصة. أدى الانفجار إلى مقتل 167 شخصا.": a sentence
    that names no date goes on, within its paragraph, in the past the sentence before it dated."""
    if (
        index == 0
        or doc.published is None
        or doc.sentences[index - 1].paragraph != doc.sentences[index].paragraph
    ):
        return False
    # "... وسط هتافات ضد الفساد الذي يحاربونه منذ سنوات": history told of a noun dates no sentence.
    before = _without_described_history(
        doc,
        index - 1,
        doc.of_sentence(doc.triggers, index - 1),
        [d for d in doc.in_sentence(doc.dates, index - 1) if not _statement_date(doc, d)],
    )
    return (
        bool(before)
        and all(d.date_end is not None and d.date_end < doc.published for d in before)
        and _is_background(doc, before)
    )


# "قتل نحو 300 شخص في أسابيع من الاشتباكات", "خلال أربعة أشهر من الحرب": a toll over a span of
# days, weeks or years of fighting or protest sums up that span, no one incident; a single unit
# ("في ثالث يوم من الاحتجاجات") is one day of it.
_OVER_A_SPAN = re.compile(
    rf"(?<![^\W_])[وف]?(?:{alternation(_DURING)})\s+(?:[^\W_]+\s+){{0,2}}"
    rf"(?:{alternation(time_span_forms())})\s+من(?![^\W_])"
)


def _tells_history(doc: Doc, index: int, triggers: list[Trigger]) -> bool:
    sentence = doc.sentences[index]
    markers = [
        found
        for marker in forms_with_role("history")
        for found in _occurrences(doc.folded, marker, sentence.start, sentence.end)
    ]
    markers += [m.start() for m in _OVER_A_SPAN.finditer(doc.folded, sentence.start, sentence.end)]
    return any(not _describes(doc, index, triggers, found) for found in markers)


def _without_described_history(doc: Doc, index: int, triggers: list[Trigger], dates: list) -> list:
    """The sentence's dates but for history told of a noun or a place after the event word, when
    what is left dates the event to a day or not at all ("تظاهرات في جيرونا، حيث ... عام 2016");
    a year or a season left ("المظاهرات التي نظمت أوائل 2018 ... منذ الاضطرابات التي وقعت عام
    2011") keeps the sentence in the past it tells."""
    kept = [d for d in dates if not (_describes(doc, index, triggers, d.start) and _is_background(doc, [d]))]
    kept = kept if all(d.precision == 1 for d in kept) else dates
    # A day told of a noun ("الانتخابات التي جرت الاثنين"), of when a wave began, or since which
    # something goes on ("منذ الرابع من الشهر الجاري") leaves the event its own day, when the
    # sentence gives one ("اندلعت أعمال عنف الأربعاء").
    apart = [
        d
        for d in kept
        if d.precision == 1
        and (
            _when_it_began(doc, index, d.start)
            or _describes(doc, index, triggers, d.start)
            or stem_in(word_before(doc.folded, d.start), _SINCE)
        )
    ]
    rest = [d for d in kept if d not in apart]
    return rest if any(d.precision == 1 for d in rest) else kept


def _when_it_began(doc: Doc, index: int, offset: int) -> bool:
    """ "من حيث انطلقت موجة الاحتجاجات الأخيرة في 8 تموز", "منذ بدء موجة الاحتجاجات في 30 آذار",
    "منذ أن بدأت الاحتجاجات يوم 30 مارس": a day told in a clause of beginning is when the wave
    began, not the day of the event the sentence reports."""
    words = last_words(doc.folded, doc.sentences[index].start, offset, _BEGAN_REACH + 1)
    return any(stem_in(word, _BEGAN) and _opens_a_beginning(words[:at]) for at, word in enumerate(words))


def _opens_a_beginning(before: list[str]) -> bool:
    """ "التي", "حيث", "منذ" or "منذ أن" right before a word of beginning."""
    if not before:
        return False
    last = before[-1]
    if last in _COMPLEMENTS and len(before) > 1:
        return stem_in(before[-2], _SINCE)
    return last in _RELATIVES or stem_in(last, _WHERE) or stem_in(last, _SINCE)


def _running_toll(doc: Doc, index: int, dates: list) -> bool:
    """ "وبذلك يرتفع إلى 46 عدد القتلى منذ اندلاع الاحتجاجات في 30 آذار", "يرتفع عدد الذين قتلوا
    منذ اندلاع هذه الموجة من الاحتجاجات في 30 آذار إلى 36": a sentence whose only day is when a
    wave began, and whose event words all stand in that clause of beginning, counts since that day:
    a running total, no event of that day."""
    days = [d for d in dates if d.precision == 1]
    if not days or not all(_when_it_began(doc, index, d.start) for d in days):
        return False
    sentence = doc.sentences[index]
    since = [
        m.start()
        for m in WORD.finditer(doc.folded, sentence.start, days[0].start)
        if stem_in(m.group(), _SINCE)
    ]
    return bool(since) and all(since[-1] < t.start for t in doc.of_sentence(doc.triggers, index))


def _named_by_a_past_year(doc: Doc, index: int, triggers: list[Trigger]) -> list[Trigger]:
    """ "احتجاجات 2009", "اعتداءات 2015": event words followed by a past year name old events; so
    do plural event nouns followed by a past stretch ("خلال احتجاجات الأسبوع الماضي")."""
    if doc.published is None:
        return []
    years = {
        len(doc.folded[: q.start].rstrip())
        for q in doc.in_sentence(doc.quantities, index)
        if q.text.isdigit() and _EARLIEST_YEAR <= (q.low or 0) < doc.published.year
    }
    years |= {
        len(doc.folded[: d.start].rstrip())
        for d in doc.in_sentence(doc.dates, index)
        if d.precision > 1 and d.date_end is not None and d.date_end < doc.published
    }
    return [t for t in triggers if t.end in years and doc.folded.endswith(_PLURAL, t.start, t.end)]


def _occurrences(text: str, phrase: str, start: int, end: int):
    at = text.find(phrase, start, end)
    while at != -1:
        yield at
        at = text.find(phrase, at + 1, end)


def _describes(doc: Doc, index: int, triggers: list[Trigger], offset: int) -> bool:
    """Whether `offset` stands in a clause that describes a noun or a place after the event word
    ("مظاهرة في جيرونا، حيث شغل منصب العمدة في عام 2016", "هتافات ضد الفساد الذي يحاربونه منذ
    سنوات"): history told there is that noun's, not the event's. With no event word, the figures
    are the event ("الشرطة التي كانت تحقق في قتل تلميذ في عام 1998": the year is the killing's)."""
    sentence = doc.sentences[index]
    figures = (c.start for c in doc.of_sentence(doc.claims, index))
    first = min((t.start for t in triggers), default=min(figures, default=sentence.start))
    if offset <= first:
        return False
    for word in WORD.finditer(doc.folded, first, offset):
        if crosses_clause(doc.folded[word.end() : offset]):
            continue
        if word.group() in _DESCRIPTIONS and not _event_word_before(doc, index, word.start()):
            return True  # "الفساد الذي ..." (not "الهجوم الذي وقع في ...": the event's own day)
        if word.group() in _WHERE and _place_before(doc, word.start()):
            return True  # "في مدينة جيرونا، حيث ..." describes the town
    return False


def _event_word_before(doc: Doc, index: int, offset: int) -> bool:
    """ "الهجوم الذي", "اعتداءات بروكسل التي": the event word or its noun complement before it."""
    words = last_words(doc.folded, doc.sentences[index].start, offset, _GOVERNING_WORDS)
    return any(
        t.start < offset and t.end >= offset - sum(len(w) + 1 for w in words)
        for t in doc.within(doc.triggers, offset - _NEAR_CHARS, offset)
    )


def _place_before(doc: Doc, offset: int) -> bool:
    """Whether a place or a country ends right before `offset`, but for spaces and a comma."""
    end = len(doc.folded[:offset].rstrip(" ,"))
    return any(
        m.end == end
        for mentions in (doc.places, doc.countries)
        for m in doc.within(mentions, offset - _NEAR_CHARS, offset)
    )


def _is_background(doc: Doc, dates: list) -> bool:
    """History (a date well before publication) or a plan (a date after it) is not news."""
    if doc.published is None:
        return False
    if any(d.date_start is not None and d.date_start > doc.published + _NEXT_DAY for d in dates):
        return True
    return any(
        d.date_end is not None
        and d.date_end < doc.published - (BACKGROUND_DAYS if d.precision == 1 else BACKGROUND_PERIOD)
        for d in dates
    )


def _statement_date(doc: Doc, date) -> bool:
    """A date beside a statement ("في بيان يوم الأحد") dates the statement, not the event."""
    sentence = doc.sentences[doc.sentence_of(date.start)]
    if _statement_word_before(doc, sentence.start, date.start) or _fronted_before_a_report(doc, date):
        return True
    for attribution in doc.attributions.get(doc.sentence_of(date.start), []):
        if attribution.how == "carried":
            continue
        if attribution.start <= date.start < attribution.end or (
            attribution.how != "prep" and attribution.end <= date.start < attribution.applies_from
        ):
            return True
    return _day_of_a_visit_or_meeting(doc, date)


def _statement_word_before(doc: Doc, sentence_start: int, start: int) -> bool:
    """A statement word a few words before the day ("في بيان يوم الأحد"), with no event or casualty
    word between them: "أعلنت الوكالة في بيان مقتل القيادي ظهر الخميس" dates the killing."""
    words = list(WORD.finditer(doc.folded, sentence_start, start))[-_STATEMENT_WINDOW:]
    said = next((w for w in reversed(words) if stem_in(w.group(), _STATEMENT_WORDS)), None)
    return said is not None and not (
        doc.within(doc.triggers, said.end(), start)
        or any(casualty_triggers().finditer(doc.folded, said.end(), start))
    )


def _fronted_before_a_report(doc: Doc, date) -> bool:
    """ "والاثنين، أعلنت وكالة سبأ مقتل القيادي ظهر الخميس": a day opening the sentence, right
    before its reporting verb and the source, dates the report when the report tells a day of its
    own; alone ("والأحد أعلن الجيش أنه قصف قرية") it is the best day the event has."""
    index = doc.sentence_of(date.start)
    if WORD.search(doc.folded, doc.sentences[index].start, date.start) or not any(
        d.start > date.end and d.precision == 1 and d.date_start is not None
        for d in doc.in_sentence(doc.dates, index)
    ):
        return False
    return any(
        a.how == "verb" and len(WORD.findall(doc.folded, date.end, a.start)) == 1
        for a in doc.attributions.get(index, [])
    )


def _day_of_a_visit_or_meeting(doc: Doc, date) -> bool:
    """ "قبيل زيارته لموريتانيا، الاثنين", "بعد اجتماع عقده الثلاثاء": a day told a few words after a
    visit, a meeting or talks, with no event word between, dates that occasion, not the event; not when
    the event happened during it ("إطلاق نار أثناء زيارة الوزير للمدينة الثلاثاء")."""
    sentence = doc.sentences[doc.sentence_of(date.start)]
    words = list(WORD.finditer(doc.folded, sentence.start, date.start))[-_OCCASION_WINDOW - 1 :]
    reach = 1 if len(words) > _OCCASION_WINDOW else 0  # the word before the window may say "during"
    at = next((i for i, w in enumerate(words) if i >= reach and stem_in(w.group(), _OCCASIONS)), None)
    if at is None or any(stem_in(w.group(), _DURING) for w in words[:at]):
        return False
    return not doc.within(doc.triggers, words[at].start(), date.start)


def _place(doc: Doc, index: int, triggers: list[Trigger], stretch: tuple[int, int] | None = None):
    """The candidate's place (in the sentence, or in one stretch of it): a resolved place outside
    any source phrase; a country named as such only when the article names no place at all (a
    country is where, not which, event)."""
    sentence = doc.sentences[index]
    start, end = stretch or (sentence.start, sentence.end)
    outside_sources = _outside_sources(doc, index)
    named_here = {
        c.country.iso3
        for c in doc.in_sentence(doc.countries, index)
        if not c.as_adjective or c.text.endswith(_PEOPLE) or _territory_of(doc.folded, c)
    }
    # A place abroad is where the event was only when its country or its people are named beside it
    # ("في روما بإيطاليا", "خرج آلاف الأرمينيين في يريفان") or it is a town of a region the article
    # names ("كيرش" with "القرم"); otherwise it is someone's base, origin or a talks venue.
    filed = dateline(doc)
    places = [
        p
        for p in doc.within(doc.places, start, end)
        if outside_sources(p)
        and not filed[0] <= p.start < filed[1]
        and not _where_victims_went(doc.folded, sentence.start, p.start)
        and not _came_from(doc.folded, sentence.start, p.start)
        and not spoken_at(doc, index, p.start)
        and (
            doc.main_country is None
            or p.place.country in (doc.main_country, *named_here)
            or _nisba_beside(doc, p)
            or p.trace.rule == IN_REGION
            or crowd_gathered_at(doc, p.start)
            or _struck_there(doc, triggers, p)
        )
    ]
    places = _without_reference_points(doc, places)
    if places:
        anchor = triggers[0].start if triggers else start
        after = [p for p in places if p.start >= anchor]
        return _told_where(doc, places, anchor) or (after[0] if after else _town_in_region(places))
    police = _police_country(doc, start, end, outside_sources)
    if police is not None:
        return police
    # "دبي، الإمارات العربية المتحدة (CNN)-- ... غارات على مواقع في سوريا": the dateline's place is
    # where the desk is, so a country the sentence names as the event's place still counts.
    if any(not filed[0] <= p.start < filed[1] for p in doc.places):
        return None
    countries = countries_named_as_places(doc, index, (start, end))
    return countries[0] if countries else None


def _outside_sources(doc: Doc, index: int) -> Callable[[object], bool]:
    """Whether a mention of sentence `index` stands outside its source phrases ("قال مسؤول في
    بغداد"), a carried report's phrase aside: who speaks, and from where, is not where it was."""
    sources = [a for a in doc.attributions.get(index, []) if a.how != "carried"]
    return lambda mention: not any(a.start <= mention.start < a.end for a in sources)


def countries_named_as_places(doc: Doc, index: int, stretch: tuple[int, int] | None = None) -> list:
    """The countries a sentence (or a stretch of it) names as where something was ("في سوريا",
    "داخل الأراضي السورية"), not as who did it ("شنت الولايات المتحدة غارات"), outside its sources."""
    sentence = doc.sentences[index]
    start, end = stretch or (sentence.start, sentence.end)
    outside_sources = _outside_sources(doc, index)
    return [
        c
        for c in doc.within(doc.countries, start, end)
        if outside_sources(c)
        and (at := _named_from(doc.folded, c)) >= 0
        and after_locative_word(doc.folded, at)
    ]


def _without_reference_points(doc: Doc, places: list) -> list:
    """ "عند أحد مخارج سامراء، على بعد نحو مئة كيلومتر من بغداد", "مدينة الحديدة الواقعة على بعد
    150 كلم من صنعاء": a point a distance is measured from, the distance told of a place right
    before it (after a comma or "الواقعة"), is where that place is, not where the event was."""
    kept = []
    for place in places:
        on = distance_from(doc.folded, place.start)
        if on < 0 or not any(_distance_describes(doc.folded, other.end, on) for other in places):
            kept.append(place)
    return kept


_LOCATED = forms_with_role("located_word")


def _distance_describes(text: str, end: int, on: int) -> bool:
    """Whether a distance phrase opening at `on` describes the place ending at `end`: only a
    comma ("سامراء، على بعد") or a word of lying ("الحديدة الواقعة على بعد") between them."""
    if end > on:
        return False
    gap = text[end:on]
    words = WORD.findall(gap)
    return all(w in _LOCATED for w in words) and (bool(words) or "," in gap or "،" in gap)


_TERRITORY = forms_with_role("territory_word")
_CAPITAL_WORDS = forms_with_role("capital_word")
_CITY_WORDS = forms_with_role("city_word")


def _territory_of(text: str, country) -> bool:
    """ "داخل الأراضي السورية", "على أراضي العراق": a country's nisba after a word for its
    territory names the country as a place, as its name would."""
    before = last_words(text, 0, country.start, 1)
    return country.as_adjective and bool(before) and stem_in(before[0], _TERRITORY)


def _named_from(text: str, country) -> int:
    """Where a country named as a place is said from: its name ("في سوريا"), the word for its
    territory before its nisba ("داخل الأراضي السورية"); -1 for a nisba of anything else."""
    if not country.as_adjective:
        return country.start
    if not _territory_of(text, country):
        return -1
    return text.rfind(last_words(text, 0, country.start, 1)[0], 0, country.start)


def _nisba_beside(doc: Doc, place) -> bool:
    """ "في مدينة سوروتش التركية", "في العاصمة البريطانية لندن": a place with its own country's
    nisba right after it, or between "the capital" ("the city") and it, is said with its country,
    as "في روما بإيطاليا" is, though the report is about another country."""
    text = doc.folded
    for country in doc.within(doc.countries, max(0, place.start - LONGEST_WORD), place.end + 2):
        if not country.as_adjective or country.country.iso3 != place.place.country:
            continue
        if country.start >= place.end and not text[place.end : country.start].strip():
            return True
        before = last_words(text, 0, country.start, 1)
        if (
            country.end <= place.start
            and not text[country.end : place.start].strip()
            and before
            and (stem_in(before[0], _CAPITAL_WORDS) or stem_in(before[0], _CITY_WORDS))
        ):
            return True
    return False


_STRUCK_REACH = 8  # words from an event word to the place its clause names


def _struck_there(doc: Doc, triggers: list[Trigger], place) -> bool:
    """ "هاجمت حركة الشباب فندقا يضم بعثات دبلوماسية في مقديشو" in a report about a visit to Addis
    Ababa: a capital or a province's seat named after في in the clause of an event word, right
    after it, is where the act was, wherever else the report is about."""
    town = place.place.major and place.place.feature_class == _TOWN
    if not town or not after_locative_word(doc.folded, place.start):
        return False
    for trigger in triggers:
        between = doc.folded[trigger.end : place.start]
        if (
            trigger.end <= place.start
            and not crosses_clause(between)
            and len(WORD.findall(between)) <= _STRUCK_REACH
        ):
            return True
    return False


# The police of a country acts in it: its nationality is where the arrest was.
_POLICE_OF_COUNTRY = "pattern:police-country"


def _police_country(doc: Doc, start: int, end: int, outside_sources):
    """ "واعتقلت الشرطة الألمانية بويغدمون" in a report about Spain: a sentence that names no place
    but the police of another country than the article's says the event is in that country (the
    country's nisba, at the country's point), not where the sentence before it was."""
    for actor in doc.within(doc.actors, start, end):
        if actor.how != _POLICE_OF_COUNTRY or actor.country in (None, doc.main_country):
            continue
        if not outside_sources(actor):
            continue
        nisbas = doc.within(doc.countries, actor.start, actor.end)
        named = [c for c in nisbas if c.country.iso3 == actor.country]
        if named:
            return named[0]
    return None


def _town_in_region(places: list):
    """The last of the places named before the event word, but for a region after a town inside
    it ("وفي بلدة سراقب بريف إدلب، قتل ...", "وفي مدينة الرمادي بمحافظة الأنبار، قتل ..."): the
    town."""
    last = places[-1]
    if not _vague_place(last):
        return last
    keys = _place_keys(last)
    return next(
        (p for p in reversed(places[:-1]) if not _vague_place(p) and _meets(keys, _place_keys(p))), last
    )


# "في منطقة جبل مرة الجبلية حيث يستمر القتال": at most these words from the place to the event word.
_WHERE_REACH = 6


def _told_where(doc: Doc, places: list, anchor: int):
    """ "نزحوا من منطقة جبل مرة حيث يستمر القتال ... يشمل ولاية النيل الأزرق", "وصلوا إلى البصرة حيث
    تظاهروا": the place right before حيث (where) is the place of the event word the حيث clause
    tells, not a place named after it."""
    before = [p for p in places if p.end <= anchor]
    if not before:
        return None
    words = WORD.findall(doc.folded, before[-1].end, anchor)
    if len(words) > _WHERE_REACH or not any(stem_in(word, _WHERE) for word in words):
        return None
    return before[-1]


# "غزة - ...", "باماكو (أ ف ب) - ...", "كانو (نيجيريا) (أ ف ب) - ...", "دبي، الإمارات (CNN) -- ...":
# where the report was filed, at the start of a paragraph near the top, before a dash.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[^\n()\-\u2013\u2014.،]{2,40}?(?:،[^\n()\-\u2013\u2014.]{2,40}?)?[ \t]*"
    r"(?:\([^\n()]{1,25}\)[ \t]*){0,2}[-\u2013\u2014]{1,2}[ \t]"
)
_DATELINE_REACH = 600


def dateline(doc: Doc) -> tuple[int, int]:
    """The span of the report's dateline (or an empty one). It says where the report was
    filed, not where its incident was: a clause's place is never its dateline, though the
    article's fallback place may be."""

    def find() -> tuple[int, int]:
        match = _DATELINE.search(doc.folded, 0, _DATELINE_REACH)
        # "قال الجيش - في بيان - إن" is an aside: a dateline names a place.
        if match is None or not doc.within(doc.places, match.start(), match.end()):
            return 0, 0
        return match.start(), match.end()

    return doc.cached("dateline", doc.sentences, find)


_CARE_PLACES = forms_with_role("care_place")
# "إلى مستشفى الملك فهد في مدينة X": the hospital's name may stand between it and the town.
_CARE_WINDOW = 5
_COMING_FROM = stems_with_role("coming_from")
# "قادمة من محافظة إب": the words from "coming" to the place (من and a place word).
_COMING_WINDOW = 3


def _came_from(text: str, sentence_start: int, start: int) -> bool:
    """ "استهدفت تعزيزات قادمة من محافظة إب إلى أطراف مديرية حيس", "طائرة مسيرة قادمة من سوريا":
    the place something came from is not where the event was."""
    words = last_words(text, sentence_start, start, _COMING_WINDOW)
    return any(
        word == _FROM and at > 0 and stem_in(words[at - 1], _COMING_FROM, article=True)
        for at, word in enumerate(words)
    )


def _where_victims_went(text: str, sentence_start: int, start: int) -> bool:
    """ "ونقلت جثث القتلى إلى مستشفى في مدينة X": the town of the hospital the victims were
    taken to is not where the incident was."""
    return any(
        stem_in(w, _CARE_PLACES) for w in last_words(text, sentence_start, start, _CARE_WINDOW)
    ) or _carried_to(last_words(text, clause_start(text, sentence_start, start), start, _CARRIED_WINDOW))


_CARRIED = forms_with_role("carried_to")
_CARRIED_PERSON = forms_with_role("carried_person")
_CARRIED_VICTIMS = tuple(forms_with_role("carried_victim"))
_TO, _REPORTED_FROM = fold("إلى"), fold("عن")
# "نقلت جثث الضحايا في ثلاث شاحنات إلى ثكنة في مدينة X": the words from the verb to the place.
_CARRIED_WINDOW = 9


def _carried_to(words: list[str]) -> bool:
    """ "وتم نقل الجرحى إلى العاصمة بغداد", "توفي خلال نقله إلى X": a place after a verb of taking
    the dead or wounded somewhere and "إلى" is where they were taken; "نقل السفارة إلى القدس"
    moves no victim, and "نقلت الوكالة عن" is a report."""
    for at, word in enumerate(words):
        victim = stem_in(word, _CARRIED_PERSON) or (
            stem_in(word, _CARRIED) and at + 1 < len(words) and words[at + 1].startswith(_CARRIED_VICTIMS)
        )
        if victim and _TO in words[at + 1 :]:
            return _REPORTED_FROM not in words[at + 1 : words.index(_TO, at + 1)]
    return False


def place_key(place) -> str:
    if isinstance(place, ResolvedPlace):
        return f"place:{place.place.geonameid}"
    return f"country:{place.country.iso3}"


def _place_keys(place) -> set[str]:
    """Keys under which two mentions are the same place; "منطقة موبتي" (the region) meets any
    place inside that region."""
    keys = {place_key(place)}
    if isinstance(place, ResolvedPlace):
        keys.add(f"name:{match_key(place.text)}")
        if place.place.admin1:
            keys.add(
                f"region:{place.place.admin1}" if is_region_mention(place) else f"within:{place.place.admin1}"
            )
    return keys


def is_region_mention(place) -> bool:
    """ "منطقة موبتي", or a province named by its name alone ("في ديالى", "شمال صلاح الدين"); "منطقة
    كتم" is the area of a town whose province bears another name (North Darfur), not that province."""
    if not isinstance(place, ResolvedPlace):
        return False
    return place.place.feature_code == _PROVINCE or (place.is_region and _names_its_region(place))


def _names_its_region(place) -> bool:
    """The name is also its country's province: "موبتي" is Mopti and the region of Mopti."""
    return any(
        other.feature_code == _PROVINCE and other.country == place.place.country
        for other in place.mention.candidates
    )


def _vague_place(place) -> bool:
    return not isinstance(place, ResolvedPlace) or is_region_mention(place) or place.is_reference


def _meets(ours: set[str], theirs: set[str]) -> bool:
    """The same place or name, or a region and a place inside it; two towns of one province are
    two places (مندلي and خان بني سعد are both in Diyala)."""
    if {k for k in ours & theirs if not k.startswith("within:")}:
        return True
    return _holds(ours, theirs) or _holds(theirs, ours)


def _holds(regions: set[str], places: set[str]) -> bool:
    named = {k.split(":", 1)[1] for k in regions if k.startswith("region:")}
    return any(k.split(":", 1)[1] in named for k in places if k.startswith("within:"))


def _same_day_demonstration(events: list[EventDraft], candidate: _Candidate) -> EventDraft | None:
    """The latest demonstration within reach told on one of the candidate's days, if any."""
    theirs = _days(candidate.dates)
    told = (e for e in reversed(events) if _within_reach(e, candidate) and theirs & _days(e.dates))
    return next(told, None)


def _days(dates: list) -> set:
    """The days a list of dates names one by one."""
    return {d.date_start for d in dates if d.precision == 1 and d.date_start is not None}


def _same_place(doc: Doc, events: list[EventDraft], candidate: _Candidate) -> EventDraft | None:
    keys = _place_keys(candidate.place) | candidate.quarters
    for event in events:
        if (
            event.place is not None
            and _meets(keys, event.place_keys)
            and not _other_quarter(keys, event.place_keys)
            and not _another_blast_at_a_site(doc, event, candidate)
            and _compatible(event, candidate)
            and not _another_day_of_demonstration(event, candidate)
        ):
            return event
    return None


def _another_day_of_demonstration(event: EventDraft, candidate: _Candidate) -> bool:
    """ "تظاهر المعلمون أمس ... وقطع المحتجون اليوم الطريق": ACLED codes a demonstration for each
    day, so one told by a demonstration word of its own on other days than the event's is another
    event, even at its place (a shooting at it, "دانت فرنسا السبت إطلاق النار", is no new day's)."""
    if event.family != DEMONSTRATION or candidate.family != DEMONSTRATION or event.background:
        return False
    if not any(t.strong and t.event_type in (PROTESTS, RIOTS) for t in candidate.triggers):
        return False
    theirs, ours = _days(candidate.dates), _days(event.dates)
    return bool(theirs and ours) and not theirs & ours


_DISTRICT = "district:"
# "انفجار في حي الشعب" then "انفجار ثان في حي الكرادة": a quarter named after a quarter word;
# "تفجير في أكاديمية الشرطة" then "انفجرت القنبلة بمنطقة شاه شاهيد": a site or area named after its word.
_QUARTER = re.compile(
    rf"(?<![^\W_])[وفب]?(?:{alternation(forms_with_role('quarter_word') | forms_with_role('site_word'))})"
    r"\s+(?P<name>[^\W\d_]+)"
)


def _with_quarters(doc: Doc, candidate: _Candidate) -> _Candidate:
    """The candidate with the quarters of a city its own stretch names (a clause's, not its
    sentence's)."""
    if candidate.span is None:
        return candidate
    names = (strip_article(m.group("name")) for m in _QUARTER.finditer(doc.folded, *candidate.span))
    # "في منطقة موبتي": the area word before the candidate's own place names that place, no site of it.
    own = _place_keys(candidate.place) if candidate.place is not None else set()
    return replace(candidate, quarters=frozenset(_DISTRICT + n for n in names if f"name:{n}" not in own))


def _other_quarter(ours: set[str], theirs: set[str]) -> bool:
    """Two quarters of one city are two places ("حي الشعب" and "حي الكرادة" in Baghdad)."""
    mine = {k for k in ours if k.startswith(_DISTRICT)}
    other = {k for k in theirs if k.startswith(_DISTRICT)}
    return bool(mine and other) and not mine & other


def _near_reference(events: list[EventDraft], candidate: _Candidate) -> EventDraft | None:
    """ "في مدينة صغيرة تقع شمال مقديشو" then "في سوق مدينة وانلاوين": the town named later is
    where the event was."""
    if not isinstance(candidate.place, ResolvedPlace) or candidate.place.is_reference:
        return None
    here = candidate.place.place
    for event in events:
        if event.opened_as_new_episode:
            continue  # "كما انفجرت سيارة في الزعفرانية بجنوب بغداد": its place is given, if only roughly
        if (
            isinstance(event.place, ResolvedPlace)
            and event.place.is_reference
            and _compatible(event, candidate)
            and distance_km(event.place.place.lat, event.place.place.lon, here.lat, here.lon) <= REFERENCE_KM
        ):
            return event
    return None


def _compatible(event: EventDraft, candidate: _Candidate) -> bool:
    if candidate.new_episode:
        return False
    return (
        event.background == candidate.background
        and event.family == candidate.family
        and _dates_compatible(event.dates, candidate.dates)
    )


def _within_reach(event: EventDraft, candidate: _Candidate) -> bool:
    """A place-less sentence joins, by proximity, events of its own topic only."""
    return _compatible(event, candidate) and any(s in candidate.section for s in event.sentences)


def _dates_compatible(ours: list, theirs: list) -> bool:
    """Days more than MAX_GAP_DAYS apart are different episodes, even at one place."""
    days = [d for d in ours if d.date_start is not None]
    other = [d for d in theirs if d.date_start is not None]
    if not days or not other:
        return True
    first, last = min(d.date_start for d in days), max(d.date_end or d.date_start for d in days)
    return all(
        first - MAX_GAP < d.date_start and (d.date_end or d.date_start) < last + MAX_GAP for d in other
    )


def _owners(events: list[EventDraft], claims: list) -> list[EventDraft | None]:
    """Each claim's event: the first that tells the stretch of text it stands in, else the first
    whose sentences hold it (events indexed once by sentence, so a long text stays linear)."""
    by_sentence: dict[int, list[EventDraft]] = {}
    for event in events:
        for sentence in event.sentences:
            by_sentence.setdefault(sentence, []).append(event)
    owners = []
    for claim in claims:
        # An event tells stretches of its own sentences: only those holding the claim can tell it.
        holding = by_sentence.get(claim.sentence, [])
        owners.append(next((e for e in holding if e.tells(claim.start)), holding[0] if holding else None))
    return owners


def _at_or_after(sentence: int | None, earliest: int) -> bool:
    return sentence is not None and sentence >= earliest


def _nearest_before(events: list[EventDraft], candidate: _Candidate) -> EventDraft | None:
    before = [
        e
        for e in events
        if _within_reach(e, candidate) and e.last_sentence_before(candidate.sentence) is not None
    ]
    return max(before, key=lambda e: e.last_sentence_before(candidate.sentence)) if before else None


def _nearest_after(
    events: list[EventDraft], candidate: _Candidate, told_apart: set[int]
) -> EventDraft | None:
    """A lede with no place is told by the next event, unless that one opens as "وفي هجوم آخر"
    (then the lede is an incident of its own)."""
    after = sorted((e for e in events if _within_reach(e, candidate)), key=lambda e: min(e.sentences))
    if not after or (min(after[0].sentences) > candidate.sentence and min(after[0].sentences) in told_apart):
        return None
    return after[0]


def _opens_with(doc: Doc, index: int, role: str) -> bool:
    """Whether a sentence opens with a discourse word of `role`: "وفي هجوم آخر، ..." (new_episode:
    it tells another incident), "من جهة أخرى، ..." (topic_shift: it turns to another topic)."""
    return doc.folded.startswith(openers_with_role(role), doc.sentences[index].start)


def _split_off(events: list[EventDraft], candidate: _Candidate, origin: EventDraft) -> EventDraft:
    """Another incident told with no place of its own: at the place of the event before it."""
    event = _add(events, candidate, None)
    event.place = origin.place
    event.place_keys = {k for k in origin.place_keys if not k.startswith(_DISTRICT)} | candidate.quarters
    return event


def _told_again_at_an_unlisted_place(doc: Doc, events: list[EventDraft], candidate: _Candidate):
    """ "اشتباكات في مديرية أرحب" then "وأوضحت المصادر أن الاشتباكات اندلعت في قرية الجنادبة", "قتل
    7 في هجوم في قضاء الحضر" then "قتلوا 7 أشخاص داخل منزل مختار قرية مشيرفة": at a place the
    gazetteer lacks (whose point is only its province's), an act told again by its noun with the
    article, or by no event word, with no figures the event before has not told, says where the
    act told before was."""
    place = candidate.place
    if not isinstance(place, ResolvedPlace) or not place.unlisted or candidate.listed:
        return None
    strong = [t for t in candidate.triggers if t.strong]
    if strong and not (_told_before(doc, strong[0]) and not _defined_here(doc, strong[0])):
        return None
    event = _nearest_before(events, candidate)
    if event is None or _new_figures(doc, event, candidate):
        return None
    return event


def _defined_here(doc: Doc, trigger: Trigger) -> bool:
    """ "سقطت القذائف التي أطلقتها الفصائل": a noun with the article that a relative clause
    defines is told for the first time, not again."""
    return word_after(doc.folded, trigger.end) in _RELATIVES


def _new_figures(doc: Doc, event: EventDraft, candidate: _Candidate) -> bool:
    """Whether the candidate's stretch tells a figure none of the event's sentences told."""
    told = {(c.kind, c.low) for s in event.sentences for c in doc.of_sentence(doc.claims, s)}
    sentence = doc.sentences[candidate.sentence]
    start, end = candidate.span or (sentence.start, sentence.end)
    return any(
        _counted(c) and (c.kind, c.low) not in told and start <= c.start < end
        for c in doc.of_sentence(doc.claims, candidate.sentence)
    )


def _placeless_lede(by_sentence: dict[int, EventDraft], candidate: _Candidate) -> EventDraft | None:
    """ "من جهة أخرى، قتل تسعة جنود في هجوم" then "واقتحم انتحاري ... في بلدة القطن": the
    sentence right after a place-less lede names the lede's place."""
    lede = by_sentence.get(candidate.sentence - 1)
    if (
        lede is not None
        and lede.place is None
        and lede.family == candidate.family
        and lede.background == candidate.background
        and candidate.sentence - 1 in candidate.section
    ):
        return lede
    return None


def _add(
    events: list[EventDraft], candidate: _Candidate, event: EventDraft | None, main_country: str | None = None
) -> EventDraft:
    if event is None:
        event = EventDraft(
            triggers=[], sentences=set(), place=candidate.place, background=candidate.background
        )
        event.family = candidate.family
        event.opened_as_new_episode = candidate.new_episode
        events.append(event)
    if candidate.place is not None:
        event.place_keys |= _place_keys(candidate.place) | candidate.quarters
        abroad = isinstance(candidate.place, ResolvedPlace) and main_country not in (
            None,
            candidate.place.place.country,
        )
        if event.place is None or (
            _vague_place(event.place) and not _vague_place(candidate.place) and not abroad
        ):
            if event.place is not None and not _vague_place(candidate.place):
                # "قصف على ريف إدلب" then "في بلدة معرة مصرين": the region named first was that
                # town; another town of the region is another place.
                event.place_keys = {k for k in event.place_keys if not k.startswith("region:")} | _place_keys(
                    candidate.place
                )
            event.place = candidate.place
    event.triggers.extend(candidate.triggers)
    event.sentences.add(candidate.sentence)
    if candidate.span is not None:
        event.spans.append(candidate.span)
    event.dates.extend(candidate.dates)
    return event
