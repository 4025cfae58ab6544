"""Stage `assemble`: the working document turned into the published contract.

Decides each event's ACLED type (the strongest trigger; ACLED's hierarchy when tactics co-occur;
a bare "attack" on civilians alone is Violence against civilians), its date range, its actors,
and its claims (one per source, kind, victim and figure; a figure the article repeats in its own
voice after a source gave it is the source's, not a second claim).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

from marsad.knowledge.actors import ActorBase
from marsad.knowledge.countries import by_iso3, by_name
from marsad.lang.ar.clitics import stem_in
from marsad.lang.ar.lexicon import civilian_nouns, civilian_targets, forms_with_role
from marsad.lang.ar.normalize import fold
from marsad.pipeline.attribution import same_speaker
from marsad.pipeline.claims import OTHER_SIDE
from marsad.pipeline.demonstrations import as_demonstrators, crowd_size, demonstration_type
from marsad.pipeline.document import ClaimDraft, Doc, EventDraft
from marsad.pipeline.parties import accused, names_attackers, parties
from marsad.pipeline.reconcile import reconcile
from marsad.schema import Actor, Claim, Document, Event, Extraction, Party
from marsad.schema.acled import (
    ABDUCTION,
    ARMED_CLASH,
    ARRESTS,
    ATTACK,
    BATTLES,
    CHEMICAL_WEAPON,
    CIVILIANS,
    DEMONSTRATION,
    EVENT_FAMILY,
    EXPLOSIONS,
    INTER_CIVILIANS,
    INTER_EXTERNAL,
    INTER_IDENTITY_MILITIA,
    INTER_POLITICAL_MILITIA,
    INTER_REBELS,
    INTER_STATE,
    REBELS,
    STRATEGIC_DEVELOPMENTS,
    SUICIDE_BOMB,
    UNIDENTIFIED_ARMED_GROUP,
    UNKNOWN_VICTIM,
    VIOLENCE,
    VIOLENCE_AGAINST_CIVILIANS,
    of_country,
)

REQUIRES = ("sentences", "quantities", "attributions", "events", "events.location", "claims", "actors")
ASSIGNS = ("extraction",)

_AFFILIATION = forms_with_role("affiliation")
_AFFILIATION_REACH = 40  # characters before an actor's name to look for "المرتبطة ب"
_FIGHTING_INTERS = (
    INTER_STATE,
    INTER_REBELS,
    INTER_POLITICAL_MILITIA,
    INTER_IDENTITY_MILITIA,
    INTER_EXTERNAL,
)
_SPECIFIC_SHARE = 3
# How far after "هجوم" its target is named ("هجوم استهدف فندقا في سيفاري"), in characters.
_TARGET_WINDOW = 40
_ON = " علي "
_SPECIFIC_TACTICS = {EXPLOSIONS: (CHEMICAL_WEAPON, SUICIDE_BOMB)}
_RECENT = dt.timedelta(days=7)
_ABDUCTION = "Abduction/forced disappearance"
_UNDATED = 2  # ACLED's time precision of an event dated to the week of the report
_GENERIC_REBELS = "pattern:generic-rebels"
_UNIDENTIFIED_INTER = INTER_POLITICAL_MILITIA  # as ACLED codes an Unidentified Armed Group


def run(doc: Doc) -> None:
    doc.extraction = build(doc)


def build(doc: Doc, document_id: str | None = None, language: str = "ar") -> Extraction:
    digest = hashlib.sha256(doc.original.encode("utf-8", "surrogatepass")).hexdigest()
    document = Document(
        id=document_id or digest[:16],
        language=language,
        published=doc.published,
        sha256=digest,
        length=len(doc.original),
    )
    article_date = _article_date(doc)
    events = []
    told = None  # the days of the news event told before, in the order of the text
    for i, draft in enumerate(doc.events):
        own = _own_days(doc, draft)
        events.append(
            _event(
                doc,
                draft,
                f"e{i + 1}",
                told if own is None and not draft.background and told else article_date,
            )
        )
        if own is not None and not draft.background:
            told = own
    return Extraction(
        document=document, events=_with_perpetrators([e for e in events if e is not None], accused(doc))
    )


# Event types where the report may name only the victims: the perpetrator is then inferred.
_ONE_SIDED = (EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)
_ARMED_INTERS = (INTER_REBELS, INTER_POLITICAL_MILITIA)


def _with_perpetrators(events: list[Event], accused: list[Actor]) -> list[Event]:
    """A bombing or an attack on civilians whose sentences name no armed party gets the one
    armed group that a summary of the same kind in the article names ("تبنى تنظيم الدولة
    سلسلة التفجيرات"), else the one group the article accuses of an attack ("اتهم الحوثيون
    التحالف العربي بشن الهجومين"), else ACLED's Unidentified Armed Group of its country."""
    claimed = {
        (e.event_type, a.name): a
        for e in events
        if e.background
        for a in e.actors
        if a.inter in _ARMED_INTERS and a.side == 1 and not a.name.startswith(UNIDENTIFIED_ARMED_GROUP)
    }
    for event in events:
        if (
            event.background
            or event.event_type not in _ONE_SIDED
            or any(a.inter != INTER_CIVILIANS for a in event.actors)
        ):
            continue
        groups = [actor for (kind, _), actor in claimed.items() if kind == event.event_type]
        if len(groups) == 1:
            perpetrator = groups[0]
        else:
            perpetrator = accused[0] if len(accused) == 1 else _unidentified(event)
        if perpetrator is not None:
            # The one who did it leads; the civilians it hit are the other side.
            event.actors = [
                perpetrator.model_copy(update={"side": 1, "associated": False}),
                *(a.model_copy(update={"side": 2}) for a in event.actors),
            ]
    return events


def _unidentified(event: Event) -> Actor | None:
    country = by_iso3(event.location.country) if event.location and event.location.country else None
    if country is None:
        return None
    return Actor(
        name=of_country(UNIDENTIFIED_ARMED_GROUP, country.name),
        text="",
        inter=_UNIDENTIFIED_INTER,
        country=country.iso3,
    )


def _article_date(doc: Doc) -> tuple[dt.date | None, dt.date | None, int]:
    """The date of an event the text does not date: the latest day its news events are dated
    to (a report's undated events are most often that day's), else the publication date at
    ACLED's time precision 2 (the report says "recently", not which day)."""
    days = [
        d.date_start
        for e in doc.events
        if not e.background
        for d in e.dates
        if d.precision == 1
        and d.date_start is not None
        and (doc.published is None or d.date_start <= doc.published)
    ]
    if days:
        return max(days), max(days), 1
    return (doc.published, doc.published, _UNDATED) if doc.published is not None else (None, None, 3)


def _event(doc: Doc, draft: EventDraft, event_id: str, default_date) -> Event | None:
    anchor = draft.triggers[0] if draft.triggers else (draft.claims[0] if draft.claims else None)
    if anchor is None:
        return None
    rebels = _rebel_name(doc, draft)
    actors = _actors(doc, draft, rebels)
    claims = _claims(doc, draft, rebels, actors)
    event_type, sub_type = _event_type(doc, draft, claims, actors)
    if EVENT_FAMILY[event_type] == DEMONSTRATION:
        actors, claims = as_demonstrators(event_type, draft.location, actors, claims)
    actors = parties(doc, draft, actors, claims, event_type)
    start, end, precision = _dates(doc, draft, default_date)
    crowd = crowd_size(doc, draft) if EVENT_FAMILY[event_type] == DEMONSTRATION else None
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub_type,
        date_start=start,
        date_end=end,
        time_precision=precision,
        location=draft.location,
        actors=actors,
        claims=claims,
        fatalities=reconcile(claims),
        background=draft.background,
        evidence=doc.span(anchor.start, anchor.end),
        crowd_size=crowd,
    )


def _event_type(doc: Doc, draft: EventDraft, claims: list[Claim], actors: list[Actor]) -> tuple[str, str]:
    if draft.family == DEMONSTRATION:
        return demonstration_type(doc, draft)
    order = list(EVENT_FAMILY)
    claim_sentences = {c.sentence for c in draft.claims}
    # "وتكثر المواجهات في هذه المنطقة" beside a massacre of civilians describes the area, not this
    # event: a clash word counts only where the figures are, when every victim is a civilian,
    # unless its sentence dates it ("اندلعت اشتباكات مساء الأحد": that fight is the incident).
    dated = {doc.sentence_of(d.start) for d in draft.dates if d.precision == 1}
    strong = [
        t
        for t in draft.triggers
        if t.strong
        and not (
            t.event_type == BATTLES and t.sentence not in claim_sentences | dated and _civilians_only(claims)
        )
    ]
    # "اغتيل مسؤول بعبوة ناسفة": a killing word names the victim's fate, the weapon names the
    # tactic; ACLED codes an assassination or a massacre by the explosive that did it.
    explosive = {t.sentence for t in strong if t.event_type == EXPLOSIONS}
    strong = [t for t in strong if not (t.sub_event_type == ATTACK and t.sentence in explosive)]
    if strong:
        # The tactic the report keeps naming (the headline counts twice); ACLED's order breaks ties.
        votes = Counter()
        for trigger in strong:
            votes[(trigger.event_type, trigger.sub_event_type)] += 2 if trigger.sentence == 0 else 1
        event_type, sub_type = min(votes, key=lambda kind: (-votes[kind], order.index(kind[0])))
        if sub_type == ABDUCTION and any(c.kind == "killed" and c.low for c in claims):
            # "هاجمت القرية وقتلت أكثر من مئة ... واختطفوا عددا": the killing is the gravest act.
            return VIOLENCE_AGAINST_CIVILIANS, ATTACK
        total = sum(n for (kind, _), n in votes.items() if kind == event_type)
        # A suicide car bomb is a suicide bomb, a chemical shell a chemical weapon: the more
        # specific tactic wins within its type when the report names it often enough.
        for specific in _SPECIFIC_TACTICS.get(event_type, ()):
            if votes[(event_type, specific)] * _SPECIFIC_SHARE >= total:
                return event_type, specific
        return event_type, sub_type
    weak = draft.triggers[0] if draft.triggers else None
    if weak is not None and EVENT_FAMILY[weak.event_type] != VIOLENCE:
        return weak.event_type, weak.sub_event_type
    if any(t.sub_event_type == _ABDUCTION for t in draft.triggers) and any(
        c.kind == "captured" for c in claims
    ):
        return "Violence against civilians", _ABDUCTION  # "احتجزوا أربعة رهائن": hostages are never arrests
    captures = _capture_type(claims, actors)
    if captures is not None:
        return captures
    if (
        _civilians_only(claims)
        or _mostly_civilians(claims)
        or _civilian_target(doc, draft)
        or _one_armed_side(claims, actors)
    ):
        return VIOLENCE_AGAINST_CIVILIANS, ATTACK
    return BATTLES, ARMED_CLASH


def _one_armed_side(claims: list[Claim], actors: list[Actor]) -> bool:
    """Shooting with no clash named, no armed victim and at most one armed party in view is one
    side firing on people: ACLED's battle needs two organised armed sides."""
    armed = {a.name for a in actors if a.inter in _FIGHTING_INTERS}
    victims = {c.victim.name for c in claims}
    return len(armed) <= 1 and not victims & armed and bool(claims)


def _capture_type(claims: list[Claim], actors: list[Actor]) -> tuple[str, str] | None:
    """With no tactic named and only captures counted, ACLED's arrests (state forces holding
    people who are not state forces) or an abduction (anyone else taking civilians); captured
    soldiers stay with the fighting."""
    if not claims or any(c.kind != "captured" for c in claims):
        return None
    victims = {c.victim.name for c in claims}
    states = {a.name for a in actors if a.inter == INTER_STATE}
    if states and not victims & states:
        return STRATEGIC_DEVELOPMENTS, ARRESTS
    if victims and all(v.startswith(CIVILIANS) for v in victims):
        return VIOLENCE_AGAINST_CIVILIANS, ABDUCTION
    return None


def _civilians_only(claims: list[Claim]) -> bool:
    victims = {c.victim.name for c in claims if c.kind in ("killed", "injured") and c.low is not None}
    return bool(victims) and all(v.startswith(CIVILIANS) for v in victims)


def _mostly_civilians(claims: list[Claim]) -> bool:
    """With no tactic named, figures that call their victims civilians ("قتل 20 مدنيا") more often
    than they count an armed side's losses report an attack on civilians, not a fight; "شخصا"
    says nothing either way."""
    civilians = armed = 0
    for claim in claims:
        if claim.kind not in ("killed", "injured"):
            continue
        if _names_civilians(claim.victim.text):
            civilians += 1
        elif claim.victim.text and not claim.victim.name.startswith(CIVILIANS):
            armed += 1
    return civilians > armed


def _names_civilians(text: str) -> bool:
    # "لمدنيين", "ومدنيين": a proclitic on an indefinite noun.
    return any(stem_in(word, civilian_nouns(), article=True) for word in fold(text).split())


def _civilian_target(doc: Doc, draft: EventDraft) -> bool:
    """A bare "هجوم" on a hotel, a market or a village targets civilians."""
    for trigger in draft.triggers:
        window_end = min(trigger.end + _TARGET_WINDOW, doc.sentences[trigger.sentence].end)
        if next(civilian_targets().finditer(doc.folded, trigger.end, window_end), None) is not None:
            return True
    return False


def _own_days(doc: Doc, draft: EventDraft) -> tuple[dt.date, dt.date, int] | None:
    """The days an event's own sentences date it to, if they name a day: "كما انفجرت سيارة
    مفخخة" after "قتل 20 شخصا الثلاثاء" goes on telling that Tuesday."""
    start, end, precision = _dates(doc, draft, (None, None, 0))
    return (start, end, precision) if start is not None and precision == 1 else None


def _dates(doc: Doc, draft: EventDraft, default_date) -> tuple[dt.date | None, dt.date | None, int]:
    resolved = [
        d
        for d in draft.dates
        if d.date_start is not None and not _past_month(doc, d, draft) and not _recent_stretch(doc, d, draft)
    ]
    if not resolved:
        return default_date
    start = min(d.date_start for d in resolved)
    end = max(d.date_end or d.date_start for d in resolved)
    return (
        start,
        end,
        max(d.precision for d in resolved) if len(resolved) == 1 else min(d.precision for d in resolved),
    )


def _recent_stretch(doc: Doc, date, draft: EventDraft) -> bool:
    """ "قبل أيام", "هذا الأسبوع": news of these days that names no day is dated like an undated
    item, to the publication date at precision 2, as ACLED codes it."""
    return (
        not draft.background
        and date.precision > 1
        and doc.published is not None
        and date.date_end is not None
        and doc.published - _RECENT <= date.date_end
    )


def _past_month(doc: Doc, date, draft: EventDraft) -> bool:
    """ "بدأ في فبراير الماضي" dates what led up to a news event, not the event itself."""
    return (
        not draft.background
        and date.precision > 1
        and doc.published is not None
        and date.date_end is not None
        and date.date_end < doc.published - _RECENT
    )


def _named_as_affiliation(text: str, start: int) -> bool:
    """ "المرتبطة بتنظيم القاعدة": the group a party is linked to, within the two words before."""
    return any(word in _AFFILIATION for word in text[max(0, start - _AFFILIATION_REACH) : start].split()[-2:])


def _actors(doc: Doc, draft: EventDraft, rebels: str | None) -> list[Actor]:
    mentions = [
        a
        for a in doc.actors
        if doc.sentence_of(a.start) in draft.sentences
        and a.role != "source-only"
        and not _named_as_affiliation(doc.folded, a.start)
    ]
    actors: dict[str, Actor] = {}
    for mention in mentions:
        name, inter = mention.name, mention.inter
        if mention.how.startswith(_GENERIC_REBELS):
            name = armed_group_name(name, rebels)
            inter = mention.inter if rebels else _UNIDENTIFIED_INTER
        if name not in actors:
            span = doc.span(mention.start, mention.end)
            actors[name] = Actor(name=name, text=span.text, span=span, inter=inter, country=mention.country)
    for claim in draft.claims:
        if (
            claim.victim_name.startswith(CIVILIANS)
            and claim.victim_name not in actors
            and claim.victim_start is not None
        ):
            # "لا ضحايا فرنسيين": nationals a figure names are a party even where no actor was found.
            span = doc.span(claim.victim_start, claim.victim_end)
            actors[claim.victim_name] = Actor(
                name=claim.victim_name,
                text=span.text,
                span=span,
                inter=INTER_CIVILIANS,
                country=_country_of(claim.victim_name),
            )
    return list(actors.values())


def _country_of(civilians: str) -> str | None:
    """ "Civilians (Canada)" -> "CAN"."""
    country = by_name(civilians[len(CIVILIANS) :].strip(" ()"))
    return country.iso3 if country is not None else None


def armed_group_name(generic: str, rebels: str | None) -> str:
    """ "المسلحين" names the armed group the report is about, or, naming none, ACLED's
    Unidentified Armed Group of the country."""
    if not generic.startswith(REBELS):
        return generic
    return rebels or UNIDENTIFIED_ARMED_GROUP + generic[len(REBELS) :]


def _rebel_name(doc: Doc, draft: EventDraft) -> str | None:
    named = [
        a
        for a in doc.actors
        if doc.sentence_of(a.start) in draft.sentences
        and a.inter == INTER_REBELS
        and not a.how.startswith(_GENERIC_REBELS)
    ]
    if not named:
        named = [a for a in doc.actors if a.inter == INTER_REBELS and not a.how.startswith(_GENERIC_REBELS)]
    return named[0].name if named else None


def _is_party(name: str) -> bool:
    record = ActorBase.default().by_name(name)
    return record is not None and record.role in ("state", "armed")


def _inherit_victims(doc: Doc, draft: EventDraft, claims: list[ClaimDraft]) -> None:
    """A figure that names no victim counts the side the attack in its sentence was on ("هجوما
    على دورية تابعة للحوثيين ... أسفر عن مقتل اثنين"), else the victims the event's previous
    figure named ("ومقتل 20 وإصابة 60")."""
    named = None
    for claim in claims:
        if claim.victim_start is not None:
            # "وأحصينا 12 جثة بالإضافة إلى جثتي الانتحاريتين": the attackers' own dead name no one else.
            if not names_attackers(doc.folded[claim.victim_start : claim.victim_end]):
                named = claim
            continue
        if claim.victim_name != UNKNOWN_VICTIM or claim.low is None:
            continue
        target = _attack_target(doc, draft, claim.sentence)
        if target is not None:
            claim.victim_name, claim.victim_start, claim.victim_end = target.name, target.start, target.end
        elif named is not None:
            claim.victim_name, claim.victim_start, claim.victim_end = (
                named.victim_name,
                named.victim_start,
                named.victim_end,
            )


def _attack_target(doc: Doc, draft: EventDraft, sentence: int):
    """The armed or state actor an attack in `sentence` was made on ("هجوم على X")."""
    for trigger in doc.of_sentence(draft.triggers, sentence):
        following = doc.folded[trigger.end : trigger.end + _TARGET_WINDOW]
        on = following.find(_ON)
        if on == -1:
            continue
        start = trigger.end + on
        target = next(
            (
                a
                for a in doc.within(doc.actors, start + 1, start + _TARGET_WINDOW)
                if a.role in ("armed", "state")
            ),
            None,
        )
        if target is not None:
            return target
    return None


def _claims(doc: Doc, draft: EventDraft, rebels: str | None, parties: list[Actor]) -> list[Claim]:
    _inherit_victims(doc, draft, sorted(draft.claims, key=lambda c: c.start))
    built = [
        c
        for c in (_claim(doc, c, rebels, parties) for c in sorted(draft.claims, key=lambda c: c.start))
        if c.victim.name != OTHER_SIDE
    ]
    unique: dict[tuple, Claim] = {}
    for claim in built:
        key = (
            claim.source.name if claim.source else None,
            claim.kind,
            claim.victim.name,
            claim.low,
            claim.high,
            claim.stance,
        )
        unique.setdefault(key, claim)
    # The article's own voice repeating a figure a source gave (headline, lede) is that source's claim.
    attributed = {(c.kind, c.low) for c in unique.values() if c.source is not None}
    kept = [c for c in unique.values() if c.source is not None or (c.kind, c.low) not in attributed]
    headline = doc.span(doc.sentences[0].start, doc.sentences[0].end) if doc.sentences else None
    return _merge_restatements(
        [c for c in kept if not (c.evidence == headline and _vaguely_restates(c, kept))]
    )


def _vaguely_restates(claim: Claim, claims: list[Claim]) -> bool:
    """ "مقتل العشرات" in the article's own voice when the report gives the figure
    itself ("قالت لجان المقاومة إن 27 مدنيا قتلوا"): the vague word only sums that figure up."""
    if claim.source is not None or claim.vague is None or claim.low is None:
        return False
    return any(
        other is not claim
        and other.vague is None
        and other.kind == claim.kind
        and other.stance == claim.stance
        and other.low is not None
        and claim.low <= other.low
        and (claim.high is None or other.low <= claim.high)
        and claim.victim.name in (UNKNOWN_VICTIM, other.victim.name)
        for other in claims
    )


# More claims of one kind and figure than any report gives: beyond it, only the latest are compared.
_RESTATEMENT_REACH = 64


def _merge_restatements(claims: list[Claim]) -> list[Claim]:
    """One speaker named twice ("شهود عيان وأطباء" in the lede, "أطباء من المدينة" further on)
    giving one figure makes one claim, the more specific of the two."""
    kept: list[Claim] = []
    # Only claims of one kind, figure and stance can restate each other: compare within those.
    alike: dict[tuple, list[int]] = {}
    for claim in claims:
        same = alike.setdefault((claim.kind, claim.low, claim.stance), [])
        twin = next((i for i in same[-_RESTATEMENT_REACH:] if _restates(kept[i], claim)), None)
        if twin is None:
            same.append(len(kept))
            kept.append(claim)
        elif _more_specific(claim, kept[twin]):
            kept[twin] = claim
    return kept


def _more_specific(claim: Claim, than: Claim) -> bool:
    """An exact figure over an open one; at equal figures, a named victim over "unknown"."""
    if (claim.high is None) != (than.high is None):
        return claim.high is not None
    return than.victim.name == UNKNOWN_VICTIM and claim.victim.name != UNKNOWN_VICTIM


def _restates(first: Claim, second: Claim) -> bool:
    if first.source is None or second.source is None or first.low is None:
        return False
    if (first.kind, first.low, first.stance) != (second.kind, second.low, second.stance):
        return False
    if first.high != second.high and None not in (first.high, second.high):
        return False
    victims = {first.victim.name, second.victim.name} - {UNKNOWN_VICTIM}
    return len(victims) <= 1 and same_speaker(first.source, second.source)


def _other_side(doc: Doc, draft: ClaimDraft, parties: list[Actor]) -> str:
    source = draft.source.name if draft.source is not None else None
    others = [a for a in parties if a.name != source and a.inter != INTER_CIVILIANS]
    others.sort(key=lambda a: a.inter != INTER_STATE)
    return others[0].name if source in {a.name for a in parties} and others else OTHER_SIDE


def _claim(doc: Doc, draft: ClaimDraft, rebels: str | None, parties: list[Actor]) -> Claim:
    sentence = doc.sentences[draft.sentence]
    if (
        draft.victim_start is None
        and draft.low == 0
        and draft.source is not None
        and _is_party(draft.source.name)
    ):
        # "لم يسقط قتلى" from a party to the fight speaks of its own side.
        draft.victim_name, draft.victim_start, draft.victim_end = (
            draft.source.name,
            draft.source.start,
            draft.source.end,
        )
    victim_name = draft.victim_name
    if victim_name == OTHER_SIDE:
        victim_name = _other_side(doc, draft, parties)
    victim_name = armed_group_name(victim_name, rebels)
    if draft.victim_start is not None:
        victim_span = doc.span(draft.victim_start, draft.victim_end)
        victim = Party(name=victim_name, text=victim_span.text, span=victim_span)
    else:
        victim = Party(name=victim_name, text="")
    source = None
    if draft.source is not None:
        span = doc.span(draft.source.start, draft.source.end)
        source = Party(name=armed_group_name(draft.source.name, rebels), text=span.text, span=span)
    return Claim(
        kind=draft.kind,
        low=draft.low,
        high=draft.high,
        vague=draft.vague,
        approx=draft.approx,
        victim=victim,
        source=source,
        stance=draft.stance,
        unverified=draft.unverified,
        evidence=doc.span(sentence.start, sentence.end),
    )
