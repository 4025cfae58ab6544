"""Stage `kinds`: each event's ACLED type and sub-type, and a demonstration's crowd named as ACLED
names it.

- A demonstration is of the highest of ACLED's five kinds its sentences report (demonstrations).
- Otherwise the tactic the strong triggers keep naming (the headline counts twice; ACLED's order
  breaks ties; a specific tactic within its type wins when named often enough); a killing word
  beside an explosive is the explosive's; a clash word away from the figures of an attack on
  civilians only describes the area.
- With no strong trigger: a weak trigger of another family is its type; hostages taken are an
  abduction; captures alone are arrests (by the state) or an abduction (of civilians); civilians
  counted, a civilian target or one armed side firing is Violence against civilians; else a fight.
- A demonstration's crowd is "Protesters (X)" or "Rioters (X)", and the civilians or unnamed
  victims counted are theirs.
"""

from __future__ import annotations

from collections import Counter

from marsad.lang.ar.clitics import stem_in
from marsad.lang.ar.lexicon import civilian_nouns, civilian_targets, forms_with_role
from marsad.lang.ar.normalize import fold
from marsad.pipeline.demonstrations import as_demonstrators, demonstration_type
from marsad.pipeline.document import Doc, EventDraft
from marsad.pipeline.victims import TARGET_WINDOW
from marsad.schema import Actor, Claim
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
    INTER_EXTERNAL,
    INTER_IDENTITY_MILITIA,
    INTER_POLITICAL_MILITIA,
    INTER_REBELS,
    INTER_STATE,
    STRATEGIC_DEVELOPMENTS,
    SUICIDE_BOMB,
    VIOLENCE,
    VIOLENCE_AGAINST_CIVILIANS,
)

REQUIRES = (
    "sentences",
    "events",
    "events.family",
    "events.triggers",
    "events.sentences",
    "events.spans",
    "events.claims",
    "events.dates",
    "events.location",
    "events.actors",
    "events.resolved_claims",
)
ASSIGNS = (
    "events.event_type",
    "events.sub_event_type",
    "events.trace",
    "events.actors",
    "events.resolved_claims",
)  # events.actors, events.resolved_claims: a demonstration's crowd and its casualties renamed

_FIGHTING_INTERS = (
    INTER_STATE,
    INTER_REBELS,
    INTER_POLITICAL_MILITIA,
    INTER_IDENTITY_MILITIA,
    INTER_EXTERNAL,
)
_SPECIFIC_SHARE = 3
_SPECIFIC_TACTICS = {EXPLOSIONS: (CHEMICAL_WEAPON, SUICIDE_BOMB)}
_ABDUCTION = "Abduction/forced disappearance"


def run(doc: Doc) -> None:
    for draft in doc.events:
        if draft.anchor is None:
            continue
        draft.event_type, draft.sub_event_type, draft.trace["type"] = _event_type(
            doc, draft, draft.resolved_claims, draft.actors
        )
        if EVENT_FAMILY[draft.event_type] == DEMONSTRATION:
            draft.actors, draft.resolved_claims = as_demonstrators(
                draft.event_type, draft.location, draft.actors, draft.resolved_claims
            )


def _event_type(
    doc: Doc, draft: EventDraft, claims: list[Claim], actors: list[Actor]
) -> tuple[str, str, str]:
    """The type, the sub-type, and the rule that chose them (the event's trace)."""
    if draft.family == DEMONSTRATION:
        return (*demonstration_type(doc, draft), "the highest kind of demonstration told")
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
    # "اقتحم مسلحون منزلا وقتلوا سبعة من أفراد عائلة", "اقتحمت القوات منزل الأسير وقتلته":
    # storming a place where no armed side is hit and one armed side is named is an attack on the
    # people there, an abduction or an arrest, no battle (ACLED's needs two sides), whether or not
    # the victims are called civilians.
    if _one_armed_side(claims, actors):
        strong = [t for t in strong if not (t.event_type == BATTLES and _raid(doc, t))]
    # "اغتيل مسؤول بعبوة ناسفة": a killing word names the victim's fate, the weapon names the
    # tactic; ACLED codes an assassination or a massacre by the explosive that did it. Once one
    # sentence says the explosive did it, the event's other "اغتيال شطح" recall that same killing.
    explosive = {t.sentence for t in strong if t.event_type == EXPLOSIONS}
    if any(t.sub_event_type == ATTACK and t.sentence in explosive for t in strong):
        strong = [t for t in strong if t.sub_event_type != ATTACK]
    if strong:
        # The tactic the report keeps naming (the headline counts twice); ACLED's order breaks ties.
        votes = Counter()
        for trigger in strong:
            votes[(trigger.event_type, trigger.sub_event_type)] += 2 if trigger.sentence == 0 else 1
        # The type first, summed over its tactics ("قصف" and "غارات" both bomb), then its tactic.
        by_type = Counter()
        for (kind, _), n in votes.items():
            by_type[kind] += n
        event_type = min(by_type, key=lambda kind: (-by_type[kind], order.index(kind)))
        sub_type = max(
            (sub for kind, sub in votes if kind == event_type), key=lambda sub: votes[(event_type, sub)]
        )
        if sub_type == ABDUCTION and any(c.kind == "killed" and c.low for c in claims):
            # "هاجمت القرية وقتلت أكثر من مئة ... واختطفوا عددا": the killing is the gravest act.
            return VIOLENCE_AGAINST_CIVILIANS, ATTACK, "a killing beside an abduction"
        total = by_type[event_type]
        # A suicide car bomb is a suicide bomb, a chemical shell a chemical weapon: the more
        # specific tactic wins within its type when the report names it often enough.
        for specific in _SPECIFIC_TACTICS.get(event_type, ()):
            if votes[(event_type, specific)] * _SPECIFIC_SHARE >= total:
                return event_type, specific, "the specific tactic named often enough"
        return event_type, sub_type, "the tactic the strong triggers keep naming"
    weak = draft.triggers[0] if draft.triggers else None
    if weak is not None and EVENT_FAMILY[weak.event_type] != VIOLENCE:
        return weak.event_type, weak.sub_event_type, "a weak trigger outside political violence"
    if any(t.sub_event_type == _ABDUCTION for t in draft.triggers) and any(
        c.kind == "captured" for c in claims
    ):
        # "احتجزوا أربعة رهائن": hostages are never arrests.
        return "Violence against civilians", _ABDUCTION, "hostages taken"
    captures = _capture_type(claims, actors)
    if captures is not None:
        return (*captures, "captures only")
    if _civilians_only(claims):
        return VIOLENCE_AGAINST_CIVILIANS, ATTACK, "only civilians counted"
    if _mostly_civilians(claims):
        return VIOLENCE_AGAINST_CIVILIANS, ATTACK, "mostly civilians counted"
    if _civilian_target(doc, draft):
        return VIOLENCE_AGAINST_CIVILIANS, ATTACK, "an attack on a civilian target"
    if _one_armed_side(claims, actors):
        return VIOLENCE_AGAINST_CIVILIANS, ATTACK, "one armed side in view"
    return BATTLES, ARMED_CLASH, "no tactic named: a fight"


_RAIDS = forms_with_role("raid")


def _raid(doc: Doc, trigger) -> bool:
    return stem_in(doc.folded[trigger.start : trigger.end], _RAIDS, article=True)


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
        window_end = min(trigger.end + TARGET_WINDOW, doc.sentences[trigger.sentence].end)
        if next(civilian_targets().finditer(doc.folded, trigger.end, window_end), None) is not None:
            return True
    return False
