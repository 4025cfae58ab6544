"""Stage `parties`: who the parties to each event are, and on which side: ACLED's actor1 and
actor2 with their associated actors.

An article names more groups than take part in an event: the speaker of a figure ("المدونين
العسكريين الروس"), the people a group is made of ("تحالف يضم في معظمه الطوارق"), the civilians of a
sentence that counts no civilian victim. The parties are the actors the event's text makes a side:
- a group named inside a speaker's phrase, when the speaker is someone else (bloggers, experts,
  journalists "of" a country), is not a party unless it is also named outside such a phrase;
  nor is the subject of an accusing verb ("اتهم الحوثيون التحالف بشن الغارة"), whom the article
  hears, while the one accused is who the article says struck (`accused`);
- an ethnic or communal word (ACLED's identity militias) is a party only when a figure counts it
  or a trigger of the event names it within a few words;
- civilians are a party when a figure counts them or the event is violence against civilians;
  in a battle, a figure counts them only by a word that says who they were ("مدنيين", "فرنسيين"):
  the "أشخاص" of a fight's toll may be the fighters themselves.
In a demonstration, a group other than the state's forces (who may be both protested against and
facing the crowd) named only in what the demonstrators protest against ("يدينون تنظيم داعش",
"رفضهم للعمليات العسكرية ضد حزب العمال") is no party; nor, in a peaceful protest, is any group but
the state's forces (the leader they cheer, "استقبل آلاف المحتجين زعيم المعارضة", or the
party that called them out faces no one).
Sides: ACLED's actor1 is the first party the text names (in violence against civilians the
perpetrator, the civilians actor2; in protests the demonstrators), actor2 the first party not on
actor1's side; allies and components of either (Wagner beside the Malian army, a coalition's
members, a country's army and police) are associated actors of that side.
A bombing or an attack on civilians whose sentences name no armed party gets the perpetrator the
article names elsewhere: the one group a summary of that kind names, else the one group the
article accuses of an attack, else ACLED's Unidentified Armed Group of its country.
"""

from __future__ import annotations

from marsad.knowledge.actors import ActorBase
from marsad.knowledge.countries import by_iso3
from marsad.lang.ar.clitics import stem_in
from marsad.lang.ar.lexicon import forms_with_role, neutral_persons
from marsad.lang.ar.normalize import fold
from marsad.pipeline.demonstrations import protested_against
from marsad.pipeline.document import Doc, EventDraft
from marsad.pipeline.victims import UNIDENTIFIED_INTER, names_attackers
from marsad.schema import Actor, Claim
from marsad.schema.acled import (
    BATTLES,
    EXPLOSIONS,
    INTER_CIVILIANS,
    INTER_IDENTITY_MILITIA,
    INTER_POLITICAL_MILITIA,
    INTER_PROTESTERS,
    INTER_REBELS,
    INTER_RIOTERS,
    INTER_STATE,
    PEACEFUL_PROTEST,
    PROTESTS,
    RIOTS,
    UNIDENTIFIED_ARMED_GROUP,
    VIOLENCE_AGAINST_CIVILIANS,
    of_country,
)

REQUIRES = (
    "sentences",
    "actors",
    "attributions",
    "events",
    "events.sentences",
    "events.triggers",
    "events.claims",
    "events.background",
    "events.location",
    "events.actors",
    "events.resolved_claims",
    "events.event_type",
    "events.sub_event_type",
)
ASSIGNS = ("events.actors", "events.trace")

_DEMONSTRATORS = (INTER_RIOTERS, INTER_PROTESTERS)
_ALLIANCES = frozenset(
    {"member_of", "part_of", "affiliate_of", "allied_with", "auxiliary_of", "successor_of"}
)
_ACCUSE = forms_with_role("accuse")
_ACCUSED_OF = forms_with_role("accused_of")
_CHARGE_REACH = 20  # characters after the one accused to find the charge's first word
# How near an event's trigger an ethnic word must stand to name a side ("هاجم مسلحو الطوارق").
_IDENTITY_REACH = 40
# Event types where the report may name only the victims: the perpetrator is then inferred.
_ONE_SIDED = (EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)
_ARMED_INTERS = (INTER_REBELS, INTER_POLITICAL_MILITIA)


def run(doc: Doc) -> None:
    told = [draft for draft in doc.events if draft.anchor is not None]
    for draft in told:
        draft.actors = parties(doc, draft, draft.actors, draft.resolved_claims, draft.event_type)
    _with_perpetrators(told, accused(doc))


def parties(
    doc: Doc, draft: EventDraft, actors: list[Actor], claims: list[Claim], event_type: str
) -> list[Actor]:
    """The event's parties in ACLED order, each with its side and whether it is associated."""
    counted = {
        name for claim in claims for name in (claim.victim.name, claim.source and claim.source.name) if name
    }
    kept = [actor for actor in actors if _is_party(doc, draft, actor, counted, event_type)]
    if event_type in (PROTESTS, RIOTS):
        kept = [actor for actor in kept if _faces_the_demonstration(doc, draft, actor)]
    # "مقتل 12 شخصا إضافة إلى الانتحاريين": the attackers' own dead leave them the striking side.
    hit = {claim.victim.name for claim in claims if not names_attackers(claim.victim.text or "")} - {
        claim.source.name for claim in claims if claim.source
    }
    return _with_sides(kept, event_type, hit)


def _with_perpetrators(events: list[EventDraft], accusations: list[Actor]) -> None:
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
            perpetrator, why = groups[0], "the one group a summary of its kind names"
        elif len(accusations) == 1:
            perpetrator, why = accusations[0], "the one group the article accuses of an attack"
        else:
            perpetrator, why = _unidentified(event), "no group named: unidentified"
        if perpetrator is not None:
            event.trace["perpetrator"] = why
            # The one who did it leads; the civilians it hit are the other side.
            event.actors = [
                perpetrator.model_copy(update={"side": 1, "associated": False}),
                *(a.model_copy(update={"side": 2}) for a in event.actors),
            ]


def _unidentified(event: EventDraft) -> Actor | None:
    country = by_iso3(event.location.country) if event.location and event.location.country else None
    if country is None:
        return None
    return Actor(
        name=of_country(UNIDENTIFIED_ARMED_GROUP, country.name),
        text="",
        inter=UNIDENTIFIED_INTER,
        country=country.iso3,
    )


def _mentions_in(doc: Doc, draft: EventDraft, name: str) -> list:
    """The mentions of the actor `name` in the event's sentences."""
    return [
        m
        for m, sentence in zip(doc.actors, doc.sentences_of(doc.actors))
        if m.name == name and sentence in draft.sentences
    ]


def _is_party(doc: Doc, draft: EventDraft, actor: Actor, counted: set[str], event_type: str) -> bool:
    mentions = _mentions_in(doc, draft, actor.name)
    if actor.inter == INTER_CIVILIANS and event_type == BATTLES and _only_neutral(doc, actor, mentions):
        return False
    if actor.name in counted:
        return True
    if actor.span is None:
        return True
    if actor.inter == INTER_CIVILIANS:
        return event_type == VIOLENCE_AGAINST_CIVILIANS
    if mentions and all(_inside_another_speaker(doc, m) or _accuser(doc, m) for m in mentions):
        return False
    if actor.inter == INTER_IDENTITY_MILITIA:
        return any(_near_trigger(draft, m) for m in mentions)
    return True


def _faces_the_demonstration(doc: Doc, draft: EventDraft, actor: Actor) -> bool:
    """The demonstrators; the state's forces; and in a demonstration that is more than peaceful,
    whoever else the text names outside what the demonstrators protest against."""
    if actor.inter in _DEMONSTRATORS or actor.inter == INTER_STATE:
        return True
    if draft.sub_event_type == PEACEFUL_PROTEST:
        return False
    mentions = _mentions_in(doc, draft, actor.name)
    return not mentions or not all(protested_against(doc, m.start) for m in mentions)


def _only_neutral(doc: Doc, actor: Actor, mentions) -> bool:
    """Whether every word the event names these civilians by is a neutral "شخصا"."""
    texts = [actor.text, *(doc.folded[m.start : m.end] for m in mentions)]
    words = [word for text in texts for word in fold(text).split()]
    return bool(words) and all(stem_in(word, neutral_persons(), article=True) for word in words)


def accused(doc: Doc) -> list[Actor]:
    """The armed or state groups the article accuses of an attack: one named right before the
    charge ("بشن", "بتنفيذ") in a sentence with an accusing verb before it."""
    found: dict[str, Actor] = {}
    for mention in doc.actors:
        if mention.role not in ("armed", "state") or mention.name in found:
            continue
        charge = doc.folded[mention.end : mention.end + _CHARGE_REACH].split()[:1]
        if not charge or not stem_in(charge[0], _ACCUSED_OF):
            continue
        opening = doc.sentences[doc.sentence_of(mention.start)].start
        if any(stem_in(word, _ACCUSE) for word in doc.folded[opening : mention.start].split()):
            span = doc.span(mention.start, mention.end)
            found[mention.name] = Actor(
                name=mention.name, text=span.text, span=span, inter=mention.inter, country=mention.country
            )
    return list(found.values())


def _accuser(doc: Doc, mention) -> bool:
    """ "واتهم الحوثيون التحالف ...": the subject right after an accusing verb speaks, it does not fight."""
    opening = doc.sentences[doc.sentence_of(mention.start)].start
    before = doc.folded[opening : mention.start].split()
    return bool(before) and stem_in(before[-1], _ACCUSE)


def _inside_another_speaker(doc: Doc, mention) -> bool:
    """ "أفاد المدونون العسكريون الروس": a group qualifying a speaker who is not the group itself."""
    for attribution in doc.attributions.get(doc.sentence_of(mention.start), []):
        if attribution.start <= mention.start < attribution.end and attribution.name != mention.name:
            return True
    return False


def _near_trigger(draft: EventDraft, mention) -> bool:
    return any(
        t.start - _IDENTITY_REACH <= mention.end and mention.start <= t.end + _IDENTITY_REACH
        for t in draft.triggers
    )


def _with_sides(actors: list[Actor], event_type: str, hit: set[str] = frozenset()) -> list[Actor]:
    if not actors:
        return actors
    ordered = _lead_first(actors, event_type, hit)
    first = ordered[0]
    second = next((a for a in ordered[1:] if not same_side(first, a) and a.inter != INTER_CIVILIANS), None)
    if second is None:
        second = next((a for a in ordered[1:] if not same_side(first, a)), None)
    coded = []
    for actor in ordered:
        if actor is first or actor is second:
            coded.append(actor.model_copy(update={"side": 1 if actor is first else 2, "associated": False}))
        else:
            side = 1 if same_side(first, actor) or second is None else 2
            coded.append(actor.model_copy(update={"side": side, "associated": True}))
    return sorted(coded, key=lambda a: (a.side, a.associated))


def _lead_first(actors: list[Actor], event_type: str, hit: set[str]) -> list[Actor]:
    """ACLED's actor order: demonstrators before the police; civilians never lead (they are the
    target of a shelling or an attack, whoever the text names first); nor does the one armed party
    the figures count when another is named ("قتل 12 حوثيا في غارات للتحالف": the coalition struck)."""
    if any(a.inter in _DEMONSTRATORS for a in actors):
        return sorted(actors, key=lambda a: a.inter not in _DEMONSTRATORS)
    ordered = sorted(actors, key=lambda a: a.inter == INTER_CIVILIANS)
    armed_hit = {a.name for a in ordered if a.name in hit and a.inter != INTER_CIVILIANS}
    if ordered[0].name not in hit or len(armed_hit) > 1:
        return ordered  # both sides counting dead: a fight, told in its own order
    striker = next(
        (
            a
            for a in ordered
            if a.name not in hit and a.inter != INTER_CIVILIANS and not same_side(a, ordered[0])
        ),
        None,
    )
    if striker is None:
        return ordered
    return [striker, *(a for a in ordered if a is not striker)]


def same_side(one: Actor, other: Actor) -> bool:
    """Allies, members, components or successors (actor_relations.tsv), or one country's forces."""
    if one.inter == other.inter == INTER_STATE and one.country and one.country == other.country:
        return True
    base = ActorBase.default()
    first, second = base.by_name(one.name), base.by_name(other.name)
    if first is None or second is None:
        return False
    return any(
        r.relation in _ALLIANCES and {r.actor, r.other} == {first.name, second.name}
        for r in base.relations(first.name)
    )
