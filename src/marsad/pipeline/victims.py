"""Stage `victims`: each event's parties in view and its claims, with the victim of each figure
resolved.

- The parties in view are the actors its sentences name, but not a group named as what a party is
  linked to ("المرتبطة بتنظيم القاعدة") nor one named only as a source; "المسلحين" is the armed
  group the report is about, or ACLED's Unidentified Armed Group; nationals a figure counts are
  civilians of that country even where no actor was found ("لا ضحايا فرنسيين").
- A figure that names no victim counts the side an attack in its sentence was on ("هجوما على دورية
  تابعة للحوثيين ... أسفر عن مقتل اثنين"), else the victims the event's previous figure named;
  "لم يسقط قتلى" from a party speaks of its own side; "the other side" a party speaks of is the
  first other armed party, the state first.
- One claim per source, kind, victim and figure: the article's own voice repeating a figure a
  source gave is that source's claim; the headline's vague word summing up a figure the report
  gives is none; one speaker named twice giving one figure is one claim; wounded told in a grave
  state after a larger count of the event's wounded ("20 جريحا ما زالوا في حالة حرجة") are among
  them, no claim of their own.
"""

from __future__ import annotations

from marsad.knowledge.actors import ActorBase
from marsad.knowledge.countries import by_name
from marsad.lang.ar.clitics import stem_in, strip_article
from marsad.lang.ar.lexicon import forms_with_role, stems_with_role
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import clause_end
from marsad.lang.ar.tokens import WORD
from marsad.pipeline.attribution import same_speaker
from marsad.pipeline.claims import OTHER_SIDE
from marsad.pipeline.document import ClaimDraft, Doc, EventDraft
from marsad.schema import Actor, Claim, Party
from marsad.schema.acled import (
    CIVILIANS,
    INTER_CIVILIANS,
    INTER_POLITICAL_MILITIA,
    INTER_REBELS,
    INTER_STATE,
    REBELS,
    UNIDENTIFIED_ARMED_GROUP,
    UNKNOWN_VICTIM,
)

REQUIRES = ("sentences", "actors", "events", "events.sentences", "events.triggers", "events.claims")
ASSIGNS = (
    "events.actors",
    "events.resolved_claims",
    "events.claims",
)  # events.claims: a figure that names no victim takes the one it inherits

_AFFILIATION = forms_with_role("affiliation")
_ATTACKERS = forms_with_role("attacker")
_AFFILIATION_REACH = 40  # characters before an actor's name to look for "المرتبطة ب"
# How far after "هجوم" its target is named ("هجوم استهدف فندقا في سيفاري"), in characters.
TARGET_WINDOW = 40
_ON = " علي "
_GENERIC_REBELS = "pattern:generic-rebels"
UNIDENTIFIED_INTER = INTER_POLITICAL_MILITIA  # as ACLED codes an Unidentified Armed Group
# More claims of one kind and figure than any report gives: beyond it, only the latest are compared.
_RESTATEMENT_REACH = 64


def run(doc: Doc) -> None:
    for draft in doc.events:
        if draft.anchor is None:
            continue
        rebels = _rebel_name(doc, draft)
        draft.actors = _actors(doc, draft, rebels)
        draft.resolved_claims = _claims(doc, draft, rebels, draft.actors)


def _named_as_affiliation(text: str, start: int) -> bool:
    """ "المرتبطة بتنظيم القاعدة": the group a party is linked to, within the two words before."""
    return any(word in _AFFILIATION for word in text[max(0, start - _AFFILIATION_REACH) : start].split()[-2:])


def _actors(doc: Doc, draft: EventDraft, rebels: str | None) -> list[Actor]:
    mentions = [
        a
        for a, sentence in zip(doc.actors, doc.sentences_of(doc.actors))
        if sentence in draft.sentences
        and a.role != "source-only"
        and not _named_as_affiliation(doc.folded, a.start)
    ]
    actors: dict[str, Actor] = {}
    for mention in mentions:
        name, inter = mention.name, mention.inter
        if mention.how.startswith(_GENERIC_REBELS):
            name = armed_group_name(name, rebels)
            inter = mention.inter if rebels else UNIDENTIFIED_INTER
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
        for a, sentence in zip(doc.actors, doc.sentences_of(doc.actors))
        if sentence in draft.sentences and a.inter == INTER_REBELS and not a.how.startswith(_GENERIC_REBELS)
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


def names_attackers(text: str) -> bool:
    """Whether a victim's words name the attackers themselves ("الانتحاريتين", "المهاجمين")."""
    words = fold(text).split()
    return bool(words) and stem_in(words[0], _ATTACKERS, article=True)


def _attack_target(doc: Doc, draft: EventDraft, sentence: int):
    """The armed or state actor an attack in `sentence` was made on ("هجوم على X")."""
    for trigger in doc.of_sentence(draft.triggers, sentence):
        following = doc.folded[trigger.end : trigger.end + TARGET_WINDOW]
        on = following.find(_ON)
        if on == -1:
            continue
        start = trigger.end + on
        target = next(
            (
                a
                for a in doc.within(doc.actors, start + 1, start + TARGET_WINDOW)
                if a.role in ("armed", "state")
            ),
            None,
        )
        if target is not None:
            return target
    return None


_CONDITION_NOUNS = stems_with_role("condition_noun")
_SEVERE = stems_with_role("severe")
# "أربعة جنود أصيبوا في الهجوم -الذي استخدمت فيه البنادق- في حالة خطيرة": how many words after its
# count a clause may tell the wounded's condition.
_CONDITION_WORDS = 14


def _severely_wounded_part(doc: Doc, claim: ClaimDraft, claims: list[ClaimDraft]) -> bool:
    """ "أصيب نحو 100 ... وإن 20 جريحا ما زالوا في حالة حرجة": wounded told in a grave state after a
    larger count of the event's wounded are among those, no figure of their own."""
    if claim.kind != "injured" or claim.low is None:
        return False
    larger = [o for o in claims if o.kind == "injured" and o.start < claim.start and o.low is not None]
    if not any(other.low > claim.low for other in larger):
        return False
    end = clause_end(doc.folded, claim.end, doc.sentences[claim.sentence].end)
    # "بين المصابين 149 طفلا مشيرا إلى أن ثلاثة منهم في حالة خطيرة": the condition is the next count's.
    end = min([end] + [q.start for q in doc.within(doc.quantities, claim.end, end)])
    words = [strip_article(w.group()) for w in WORD.finditer(doc.folded, claim.end, end)][:_CONDITION_WORDS]
    return any(
        stem_in(word, _CONDITION_NOUNS) and any(after in _SEVERE for after in words[i + 1 : i + 3])
        for i, word in enumerate(words)
    )


def _claims(doc: Doc, draft: EventDraft, rebels: str | None, parties: list[Actor]) -> list[Claim]:
    draft.claims = [c for c in draft.claims if not _severely_wounded_part(doc, c, draft.claims)]
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
