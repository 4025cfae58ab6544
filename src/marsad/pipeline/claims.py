"""Stage `claims`: casualty figures, each linked to its trigger, count, victim and source.

A trigger (قتل، مقتل، أصيب، قتلى ...) takes the nearest count on the side its form prefers:
verb-first and nominal forms count after them ("مقتل تسعة"), subject-first verbs and casualty
nouns before ("سبعة متمردين قتلوا", "18 قتيلا"). Each count serves one trigger; a trigger never
reaches a count past another trigger. "آخرون"/"بعضهم" take the victim of the claim before.
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.lang.ar.lexicon import casualty_triggers
from marsad.lang.ar.tokens import WORD
from marsad.pipeline.attribution import claim_is_unverified, source_of
from marsad.pipeline.document import ClaimDraft, Doc

REQUIRES = ("sentences", "quantities", "no_casualties", "actors", "attributions")
ASSIGNS = ("claims",)

_MAX_DISTANCE = 7
_WRONG_SIDE_COST = 2
_VICTIM_WORDS = 6
_OTHERS = ("اخرين", "اخرون", "اخران", "اخريين", "اخري", "اخرا")
_ALTERNATIVE = "او"
_COMBINED = {frozenset({"killed", "captured"}): "killed_or_captured"}


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str
    side: str
    strong: bool


def run(doc: Doc) -> None:
    for index, sentence in enumerate(doc.sentences):
        for draft in _sentence_claims(doc, index, sentence):
            draft.source = source_of(doc, index, draft.start)
            if draft.source is not None:
                draft.stance = draft.source.stance
            doc.claims.append(draft)
    marks = sorted(doc.unverified_sentences)
    with_claims = {c.sentence for c in doc.claims}
    for draft in doc.claims:
        source_text = doc.folded[draft.source.start:draft.source.end] if draft.source else ""
        draft.unverified = claim_is_unverified(doc, draft.sentence, source_text, marks, with_claims)


def _sentence_claims(doc: Doc, index: int, sentence) -> list[ClaimDraft]:
    text = doc.folded
    words = list(WORD.finditer(text, sentence.start, sentence.end))
    position = {w.start(): i for i, w in enumerate(words)}
    negations = doc.in_sentence(doc.no_casualties, index)
    triggers = _triggers(text, sentence, negations, words, position)
    quantities = doc.in_sentence(doc.quantities, index)
    drafts = [ClaimDraft(_negated_kind(n.kind), n.start, n.end, index, 0, 0) for n in negations]
    pairs = _link(triggers, quantities, words, position)
    for trigger in triggers:
        quantity = pairs.get(id(trigger))
        if quantity is None and not trigger.strong:
            continue
        draft = ClaimDraft(trigger.kind, min(trigger.start, quantity.start if quantity else trigger.start),
                           max(trigger.end, quantity.end if quantity else trigger.end), index)
        if quantity is not None:
            draft.low, draft.high, draft.vague, draft.approx = quantity.low, quantity.high, quantity.vague, quantity.approx
        if not _find_victim(doc, draft, trigger, quantity, words, position, drafts) and quantity is None:
            continue
        drafts.append(draft)
    return sorted(drafts, key=lambda d: d.start)


def _negated_kind(kind: str) -> str:
    return "injured" if kind == "injured" else "killed"


def _word_index(position, words, offset: int) -> int:
    if offset in position:
        return position[offset]
    for i, word in enumerate(words):
        if word.end() > offset:
            return i
    return len(words)


def _triggers(text, sentence, negations, words, position) -> list[_Trigger]:
    found: list[_Trigger] = []
    for match, row in casualty_triggers().finditer(text, sentence.start, sentence.end):
        if any(n.start <= match.start() < n.end for n in negations):
            continue
        trigger = _Trigger(match.start(), match.end(), row["kind"], row["side"], row["strength"] == "strong")
        if found and _joined(text, found[-1], trigger):
            found[-1] = _merge(found[-1], trigger)
            continue
        found.append(trigger)
    return found


def _joined(text: str, first: _Trigger, second: _Trigger) -> bool:
    """Two triggers that make one claim: "قتلوا أو أسروا", or a repeated kind ("وأسر أسرى")."""
    between = text[first.end:second.start].split()
    if between == [_ALTERNATIVE] and frozenset({first.kind, second.kind}) in _COMBINED:
        return True
    return not between and first.kind == second.kind


def _merge(first: _Trigger, second: _Trigger) -> _Trigger:
    kind = first.kind if first.kind == second.kind else _COMBINED[frozenset({first.kind, second.kind})]
    return _Trigger(first.start, second.end, kind, first.side, first.strong or second.strong)


def _link(triggers, quantities, words, position) -> dict:
    """Pair triggers with counts, cheapest first; returns id(trigger) -> quantity."""
    trigger_words = [(_word_index(position, words, t.start), _word_index(position, words, t.end - 1)) for t in triggers]
    candidates = []
    for t_index, trigger in enumerate(triggers):
        first, last = trigger_words[t_index]
        for q_index, quantity in enumerate(quantities):
            q_first = _word_index(position, words, quantity.start)
            q_last = _word_index(position, words, max(quantity.end - 1, quantity.start))
            if quantity.start >= trigger.end:
                distance, side = q_first - last - 1, "after"
            elif quantity.end <= trigger.start:
                distance, side = first - q_last - 1, "before"
            else:
                distance, side = 0, trigger.side
            if distance > _MAX_DISTANCE or _blocked(trigger_words, t_index, q_first, q_last):
                continue
            cost = distance + (0 if side == trigger.side else _WRONG_SIDE_COST)
            candidates.append((cost, t_index, q_index))
    pairs: dict = {}
    used: set[int] = set()
    for _, t_index, q_index in sorted(candidates):
        trigger = triggers[t_index]
        if id(trigger) in pairs or q_index in used:
            continue
        pairs[id(trigger)] = quantities[q_index]
        used.add(q_index)
    return pairs


def _blocked(trigger_words, t_index, q_first, q_last) -> bool:
    first, last = trigger_words[t_index]
    low, high = (q_last, first) if q_last < first else (last, q_first)
    return any(low < other_first and other_last < high
               for i, (other_first, other_last) in enumerate(trigger_words) if i != t_index)


def _find_victim(doc, draft, trigger, quantity, words, position, previous) -> bool:
    """Fill the victim from the actor named by the count's noun phrase; False when none is found."""
    if quantity is not None:
        start = quantity.start
        end_word = _word_index(position, words, max(quantity.end - 1, quantity.start)) + _VICTIM_WORDS
    elif trigger.side == "after":
        start = trigger.end
        end_word = _word_index(position, words, trigger.end) + _VICTIM_WORDS - 1
    else:
        start = words[max(0, _word_index(position, words, trigger.start) - 4)].start() if words else trigger.start
        end_word = _word_index(position, words, trigger.start) - 1
    end = words[min(end_word, len(words) - 1)].end() if words else draft.end
    window = [w.group() for w in words if start <= w.start() < end]
    if window and window[0 if quantity is None else min(1, len(window) - 1)] in _OTHERS or "بعضهم" in window[:1]:
        return _inherit(draft, previous)
    stop = min((t for t in (trigger.start,) if t > start), default=end)
    region_end = end if trigger.start < start else min(end, stop) if quantity is not None and trigger.side == "before" else end
    actors = [a for a in doc.actors if start <= a.start < region_end and a.role != "source-only"]
    if not actors:
        return _inherit(draft, previous) if quantity is not None and window and window[0] == "بعضهم" else False
    chosen = next((a for a in actors if a.how.startswith("table:")), actors[0])
    draft.victim_name, draft.victim_start, draft.victim_end = chosen.name, chosen.start, chosen.end
    return True


def _inherit(draft: ClaimDraft, previous: list[ClaimDraft]) -> bool:
    earlier = [d for d in previous if d.victim_start is not None]
    if not earlier:
        return False
    last = earlier[-1]
    draft.victim_name, draft.victim_start, draft.victim_end = last.victim_name, last.victim_start, last.victim_end
    return True
