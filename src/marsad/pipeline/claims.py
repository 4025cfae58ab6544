"""Stage `claims`: casualty figures, each linked to its trigger, count, victim and source.

A trigger (قتل، مقتل، أصيب، قتلى ...) takes the nearest count on the side its form prefers:
verb-first and nominal forms count after them ("مقتل تسعة"), subject-first verbs and casualty
nouns before ("سبعة متمردين قتلوا", "18 قتيلا"). Each count serves one trigger; a trigger never
reaches a count past another trigger. "آخرون"/"بعضهم" take the victim of the claim before.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from marsad.knowledge.countries import find_countries, indefinite_adjectives
from marsad.lang.ar.clitics import (
    AND,
    ARTICLE,
    FIRST_PERSON_PLURAL,
    PLURAL_PRONOUNS,
    POSSESSOR_PRONOUNS,
    PRONOUN_COUNTS,
    stem_in,
    strip_article,
)
from marsad.lang.ar.lexicon import (
    casualty_openers,
    casualty_triggers,
    forms_with_role,
    openers_with_role,
    singular_persons,
    stems_with_role,
    suicide_attackers,
)
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.numbers import is_dual_noun
from marsad.lang.ar.sentences import crosses_clause
from marsad.lang.ar.tokens import WORD, holds_any
from marsad.pipeline.attribution import claim_is_unverified, source_of
from marsad.pipeline.document import ClaimDraft, Doc
from marsad.pipeline.strategic import unmade_arrest
from marsad.schema.acled import CIVILIANS, UNKNOWN_VICTIM, of_country

REQUIRES = (
    "sentences",
    "quantities",
    "no_casualties",
    "countries",
    "actors",
    "attributions",
    "unverified_sentences",
)
ASSIGNS = ("claims",)

_MAX_DISTANCE = 7
# "لقي 20 من طلاب أكاديمية الشرطة في العاصمة كابل أمس حتفهم": the pronoun on the closing noun
# binds the phrase, so its opening verb may stand this many words back.
_FRAME_REACH = 12
_GENERIC_MEMBERS = "pattern:generic-rebels"
# A casualty noun stands next to its count ("18 قتيلا", "عدد القتلى 20"), never far from it.
_MAX_NOUN_DISTANCE = 2
_WRONG_SIDE_COST = 2
_VICTIM_WORDS = 6
_NEAR_WORDS = 3
# "إن جنديا عراقيا قتل": a fronted subject of a noun and at most one adjective.
_FRONTED_WORDS = 2
_FRONTING = forms_with_role("fronting")
_ONE = "واحد"
# "مقاتلا من مجموعة فاغنر", "مقاتلي وجنود فاغنر": a kind of person, then the group it belongs to.
_OF_WORDS = forms_with_role("belongs_to")
_COMPLEMENTS = forms_with_role("complement")
_BREAKDOWN = forms_with_role("breakdown")
_COORDINATION_WORDS = 3
# The items of a breakdown may each be described at length ("وستة عمال في مصنع تابع لشركة
# أجنبية للإسمنت وثلاثة مهاجمين"): the list goes on while each item is joined by و.
_BREAKDOWN_ITEM_WORDS = 12
# No twelve words of Arabic span more characters than this: counts further apart never join.
_MAX_JOIN_CHARS = 400
# No count written in words ("ثلاثة آلاف وخمسمئة وعشرين") runs longer than this many characters.
_LONGEST_COUNT = 200
_SOME_OF_THEM = "بعضهم"
# "وأسر أسرى" names no one: prisoners a party takes are the other side's (resolved per event).
OTHER_SIDE = "(other side)"
# "وأصيب 12 آخرون": the others are of the victims named before.
_OTHERS = forms_with_role("others")
_ONE_MORE = forms_with_role("one_more")
_ALTERNATIVE = "او"
# Words that follow a count without being what it counts ("أربعة بجروح", "12 على الأقل").
_NOT_COUNTED_NOUNS = (
    forms_with_role("preposition")
    | forms_with_role("belongs_to")
    | forms_with_role("breakdown")
    | forms_with_role("others")
    | forms_with_role("count_filler")
)
_COMBINED = {frozenset({"killed", "captured"}): "killed_or_captured"}
# "60 قتيلا وجريحا": one total of dead and wounded together, so each is at most that many.
_DEAD_AND_WOUNDED, _CASUALTIES = {"killed", "injured"}, "casualties"


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str
    side: str
    strong: bool
    form: str
    # An adjective of state ("مصابين") reaches its count anywhere in the clause, not only next to it.
    clause_reach: bool
    # The word index of the verb that opens the phrase this trigger closes ("لقي ... حتفهم").
    opener: int | None = None


def run(doc: Doc) -> None:
    by_sentence = [_sentence_claims(doc, index, sentence) for index, sentence in enumerate(doc.sentences)]
    attackers = _most_specific(
        [
            claim
            for index, sentence in enumerate(doc.sentences)
            for claim in _suicide_attackers(doc, index, sentence, by_sentence[index])
        ]
    )
    for index, drafts in enumerate(by_sentence):
        _died_of_wounds(doc, doc.sentences[index], drafts)
        for draft in sorted(drafts + [a for a in attackers if a.sentence == index], key=lambda d: d.start):
            draft.source = source_of(doc, index, draft.start)
            if draft.source is not None:
                draft.stance = draft.source.stance
                _our_own(doc, draft)
            doc.claims.append(draft)
    doc.claims.extend(_denied_tolls(doc))
    doc.claims.sort(key=lambda c: (c.sentence, c.start))
    marks = sorted(doc.unverified_sentences)
    with_claims = {c.sentence for c in doc.claims}
    for draft in doc.claims:
        source_text = doc.folded[draft.source.start : draft.source.end] if draft.source else ""
        draft.unverified = claim_is_unverified(doc, draft.sentence, source_text, marks, with_claims)


_DIED_OF_WOUNDS = forms_with_role("died_of_wounds")
_WOUNDS = tuple(forms_with_role("wounds_prefix"))


def _died_of_wounds(doc: Doc, sentence, drafts: list[ClaimDraft]) -> None:
    """ "وأصيب ضابط في الهجوم وتوفي متأثرا بجروحه": the wounded of a sentence that says they died of
    their wounds are dead; counted dead already ("توفي جنديان متأثرين بجروح أصيبا بها"), no claim.
    Wounded of another count beside the dead ("قتل 5 وأصيب 10، توفي أحدهم متأثرا بجروحه") stay."""
    if not holds_any(doc.folded, sentence.start, sentence.end, _WOUNDS):
        return
    words = [w.group() for w in WORD.finditer(doc.folded, sentence.start, sentence.end)]
    if not any(w in _DIED_OF_WOUNDS and n.startswith(_WOUNDS) for w, n in zip(words, words[1:])):
        return
    killed = [d for d in drafts if d.kind == "killed"]
    for draft in [d for d in drafts if d.kind == "injured"]:
        if not killed:
            draft.kind = "killed"
        elif any(d.victim_name == draft.victim_name and draft.low in (None, d.low) for d in killed):
            drafts.remove(draft)


# "ونفى المتحدث باسم الجيش هذه الحصيلة": the toll referred to stands within these words of the verb.
_DENIAL_REACH = 8


def _denied_tolls(doc: Doc) -> list[ClaimDraft]:
    """ "قتل 23 جنديا، وفق مصدر أمني. ونفى المتحدث باسم الجيش هذه الحصيلة": a speaker denying the
    toll just given is a claim of its own, that figure denied, not a figure of its own."""
    denied = []
    references = openers_with_role("toll_reference")
    for index, attributions in doc.attributions.items():
        denier = next((a for a in attributions if a.stance == "denied" and a.how == "verb"), None)
        if denier is None:
            continue
        sentence = doc.sentences[index]
        words = list(WORD.finditer(doc.folded, denier.start, sentence.end))[:_DENIAL_REACH]
        phrase = next((w for w in words if doc.folded.startswith(references, w.start())), None)
        if phrase is None:
            continue
        told = [
            c
            for c in doc.claims
            if c.sentence < index and c.low is not None and c.stance == "asserted" and c.kind != "captured"
        ]
        # "... مؤكدا أن سبعة جنود فقط قتلوا": the denier's own figure says whose toll it denies.
        own = {(c.kind, c.victim_name) for c in doc.claims if c.sentence == index}
        told = [c for c in told if (c.kind, c.victim_name) in own] or told
        if not told or (told[-1].source is not None and told[-1].source.name == denier.name):
            continue
        toll = told[-1]
        claim = replace(toll, start=phrase.start(), end=phrase.end(), sentence=index, source=denier)
        claim.stance = "denied"
        denied.append(claim)
    return denied


def _sentence_claims(doc: Doc, index: int, sentence) -> list[ClaimDraft]:
    text = doc.folded
    negations = doc.in_sentence(doc.no_casualties, index)
    if not negations and next(casualty_triggers().finditer(text, sentence.start, sentence.end), None) is None:
        return []  # not a casualty word in it, nor a denial: no need to split it into words
    words = list(WORD.finditer(text, sentence.start, sentence.end))
    position = _WordPositions(words)
    triggers = _triggers(text, sentence, negations, words, position)
    if not triggers and not negations:
        return []  # no casualty word and no denial: its counts are no claims
    quantities = [
        q
        for q in doc.in_sentence(doc.quantities, index)
        if not _counts_things(words, _last_word(position, words, q)) and not _is_age(words, position, q)
    ]
    drafts = [draft for n in negations for draft in _denials(doc, n, index, words, position)]
    pairs = _link(text, triggers, quantities, words, position)
    linked = [(trigger, pairs.get(id(trigger))) for trigger in triggers]
    linked += _coordinated(text, linked, quantities)
    combined = _combined_totals(triggers, quantities, words, position)
    for trigger, quantity in sorted(linked, key=lambda pair: (pair[1] or pair[0]).start):
        if quantity is None and not trigger.strong:
            continue
        if trigger.kind == "captured" and unmade_arrest(text, trigger.start):
            continue  # "مذكرات توقيف بحق 271 جنديا": a warrant keeps its count, but no one is taken yet
        kind = _CASUALTIES if quantity is not None and id(quantity) in combined else trigger.kind
        if kind == _CASUALTIES and quantity is not None and _exact(quantity):
            continue
        draft = ClaimDraft(
            kind,
            min(trigger.start, quantity.start if quantity else trigger.start),
            max(trigger.end, quantity.end if quantity else trigger.end),
            index,
        )
        if quantity is not None:
            draft.low, draft.high, draft.vague, draft.approx = (
                quantity.low,
                quantity.high,
                quantity.vague,
                quantity.approx,
            )
        if not _find_victim(doc, draft, trigger, quantity, words, position, drafts) and quantity is None:
            if draft.kind != "captured":
                continue
            draft.victim_name = OTHER_SIDE
        if _sub_count(doc, draft, quantity, drafts, words, position):
            continue
        _with_companions(draft, trigger, quantity, quantities, words, position)
        if quantity is not None:
            apart = _singulars_before(doc, draft, trigger, quantity, words, position)
            if not apart and draft.low == quantity.low:
                _one_before_the_others(doc, draft, quantity, words, position)
            drafts.extend(apart)
        drafts.extend(_split_casualties(draft))
    return sorted(drafts, key=lambda d: d.start)


_COMPANION = forms_with_role("companion")
# "قتل القائد الميداني مع": the singular subject between the verb and "with", a noun and an adjective.
_SUBJECT_WORDS = 2


def _with_companions(draft: ClaimDraft, trigger, quantity, quantities, words, position) -> None:
    """ "فقتل مع أحد مرافقيه" (he was killed with one of his companions), "قتل القائد مع سبعة آخرين"
    count one more than the number: the one the singular verb speaks of and those with him; "لقي
    مصرعه مع 2 من مرافقيه", the one its pronoun counts and those with him (three)."""
    after = _word_index(position, words, trigger.end - 1) + 1
    between = words[after : after + _SUBJECT_WORDS + 1]
    at = next((i for i, word in enumerate(between) if word.group() in _COMPANION), None)
    if at is None or after + at + 1 >= len(words):
        return
    if at and not _singular(strip_article(between[0].group())):
        return  # "قتل الجنود مع 3 مدنيين": plural people with them, of no number
    companions = next((q for q in quantities if q.start == words[after + at + 1].start()), None)
    if companions is None or companions.low is None:
        return
    if quantity is companions and trigger.side == "after" and trigger.opener is None:
        draft.low += 1
        draft.high = None if draft.high is None else draft.high + 1
    elif quantity is None and not at and draft.low is not None and draft.low == draft.high:
        draft.low, draft.high = (
            draft.low + companions.low,
            None if companions.high is None else draft.high + companions.high,
        )
        draft.end = max(draft.end, companions.end)


# "عشرة من رجالنا", "جنودنا", "مقاتلينا": the first person plural on the victim noun.
# "جنوده", "عناصرها", "مقاتليهم": his, her, their people, the speaker's when it speaks of its own
# (a pronoun on a plural of people: a final ه is more often a folded ة).
_PEOPLE_OF = forms_with_role("people_of")


def _own_people(word: str) -> bool:
    return word.endswith(FIRST_PERSON_PLURAL) or any(
        word.endswith(p) and word[: -len(p)] in _PEOPLE_OF for p in POSSESSOR_PRONOUNS
    )


_OF = "من"


def _our_own(doc: Doc, draft: ClaimDraft) -> None:
    """ "قال مسؤول في الجيش: نحو عشرة من رجالنا قتلوا", "أعلن الجيش ... فقدان ثلاثة من جنوده":
    the speaker's own men are its side, the party its phrase names."""
    if draft.victim_start is None or not _own_people(doc.folded[draft.victim_start : draft.victim_end]):
        return
    source = draft.source
    party = next(
        (a for a in doc.within(doc.actors, source.start, source.end) if a.role in ("state", "armed")), None
    )
    if party is not None:
        draft.victim_name = party.name


def _most_specific(attackers: list[ClaimDraft]) -> list[ClaimDraft]:
    """An article's reports of its suicide attackers' deaths are of the same attackers: "فجر انتحاري
    على الأقل نفسه" then "فجر الانتحاريان نفسيهما" are two dead, so an open figure gives way to an
    exact one it agrees with."""
    exact = [a for a in attackers if a.low is not None and a.low == a.high]
    return [
        a
        for a in attackers
        if not (a.high is None and any(e is not a and e.low >= (a.low or 0) for e in exact))
    ]


# A suicide attacker's reflexive follows the verb and its subject at most this many words later.
_SELF_WORDS = 4
_ARMED = "armed"


def _suicide_attackers(doc: Doc, index: int, sentence, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """Attackers who died by their own bombs: "فجر انتحاريان نفسيهما" is two dead on the attackers'
    side, as is "... مقتل 12 شخصا إضافة إلى الانتحاريين" when no reflexive counted them already."""
    text = doc.folded
    found = list(suicide_attackers().finditer(text, sentence.start, sentence.end))
    claims = []
    for (detonate, row), (self_word, self_row) in zip(found, found[1:]):
        # With the article it is the blast, not its author: "التفجير نفسه" is "the blast itself".
        if row["role"] == "detonate" and self_row["role"] == "self" and ARTICLE not in detonate.group():
            claim = _self_detonation(doc, index, detonate, self_word, self_row["count"])
            claims += [claim] if claim else []
    for match, row in found:
        if (
            row["role"] == "addition"
            and not claims
            and any(d.kind == "killed" and d.start < match.start() for d in drafts)
        ):
            claim = _added_attackers(doc, index, match.end())
            claims += [claim] if claim else []
    return claims


def _self_detonation(doc: Doc, index: int, detonate, self_word, count: str) -> ClaimDraft | None:
    """The subject between the verb and its reflexive is the attacker ("فجر انتحاري واحد نفسه"); with
    none ("قبل تفجير نفسيهما"), the last armed actor named before the verb in the sentence. The
    count is the subject's, else the reflexive's (نفسه one, نفسيهما two)."""
    between = list(WORD.finditer(doc.folded, detonate.end(), self_word.start()))
    actors = [a for a in doc.actors if detonate.end() <= a.start < self_word.start()]
    quantities = [q for q in doc.quantities if detonate.end() <= q.start < self_word.start()]
    covered = actors + quantities
    if len(between) > _SELF_WORDS or not all(
        any(m.start <= w.start() < m.end for m in covered) for w in between
    ):
        return None
    if not actors:
        actors = [a for a in doc.in_sentence(doc.actors, index) if a.start < detonate.start()]
    armed = [a for a in actors if a.role == _ARMED]
    if not armed:
        return None
    attacker = armed[0] if between else armed[-1]
    draft = ClaimDraft(
        "killed",
        detonate.start(),
        self_word.end(),
        index,
        victim_name=attacker.name,
        victim_start=attacker.start,
        victim_end=attacker.end,
    )
    if quantities:
        q = quantities[0]
        draft.low, draft.high, draft.vague, draft.approx = q.low, q.high, q.vague, q.approx
    elif count:
        draft.low = draft.high = int(count)
    else:
        return None  # "فجر المسلحون أنفسهم" says neither how many nor that all of them died
    return draft


def _added_attackers(doc: Doc, index: int, after: int) -> ClaimDraft | None:
    """ "إضافة إلى الانتحاريين": the armed actor right after the addition word, counted by its form."""
    attacker = next((a for a in doc.actors if a.start >= after), None)
    if attacker is None or attacker.role != _ARMED or doc.folded[after : attacker.start].strip():
        return None
    draft = ClaimDraft(
        "killed",
        attacker.start,
        attacker.end,
        index,
        victim_name=attacker.name,
        victim_start=attacker.start,
        victim_end=attacker.end,
    )
    quantity = next((q for q in doc.quantities if q.start <= attacker.start < q.end), None)
    if quantity is not None:
        draft.low, draft.high = quantity.low, quantity.high
    elif _singular(strip_article(doc.folded[attacker.start : attacker.end])):
        draft.low = draft.high = 1
    return draft


def _split_casualties(draft: ClaimDraft) -> list[ClaimDraft]:
    """ "عدد من القتلى والجرحى": a vague word counts each of them; an exact total of both never
    reaches here (see `_combined_totals`)."""
    if draft.kind != _CASUALTIES:
        return [draft]
    return [replace(draft, kind=kind) for kind in ("killed", "injured")]


# Words between a total and its "dead and wounded" ("12 شخصا بين قتيل وجريح"): the noun, بين.
_COMBINED_GAP_WORDS = 2


def _combined_totals(triggers, quantities, words, position) -> set[int]:
    """Counts of dead and wounded together ("20 قتيلا وجريحا", "12 شخصا بين قتيل وجريح"): ids of the
    quantities a joined killed-and-injured trigger follows closely. Such a total says how many
    of neither, so an exact one makes no claim."""
    totals = set()
    for trigger in (t for t in triggers if t.kind == _CASUALTIES):
        first = _word_index(position, words, trigger.start)
        for quantity in quantities:
            gap = first - _last_word(position, words, quantity) - 1
            if quantity.end <= trigger.start and 0 <= gap <= _COMBINED_GAP_WORDS:
                totals.add(id(quantity))
    return totals


def _exact(quantity) -> bool:
    return quantity.low is not None and quantity.low == quantity.high and quantity.vague is None


def _coordinated(text: str, linked: list, quantities: list) -> list:
    """Counts joined by و share their trigger: "ثلاثة موظفين وأربعة حراس قتلوا" is two claims,
    as is "مقتل 8 جنود و14 مسلحا", and each count of a breakdown ("13 قتيلا هم أربعة عسكريين
    وخمسة موظفين") is a claim of its own."""
    used = {id(q) for _, q in linked if q is not None}
    extra: list = []
    frontier = [(t, q, False) for t, q in linked if q is not None]
    while frontier:
        trigger, quantity, in_breakdown = frontier.pop()
        for other in quantities:
            if id(other) in used:
                continue
            first, second = sorted((quantity, other), key=lambda q: q.start)
            if second.start - first.end > _MAX_JOIN_CHARS:
                continue
            gap = text[first.end : second.start]
            crosses_trigger = first.start < trigger.start < second.start
            limit = _BREAKDOWN_ITEM_WORDS if in_breakdown and first is quantity else _COORDINATION_WORDS
            if _joins_by_and(gap, text, second.start, limit) and (not crosses_trigger or _breaks_down(gap)):
                extra.append((trigger, other))
                frontier.append((trigger, other, in_breakdown or _breaks_down(gap)))
                used.add(id(other))
    return extra


def _breaks_down(gap: str) -> bool:
    words = gap.split()
    return bool(words) and words[-1] in _BREAKDOWN


_IN_ADDITION = forms_with_role("in_addition")


def _joins_by_and(gap: str, text: str, second_start: int, limit: int = _COORDINATION_WORDS) -> bool:
    """ "N جنود وM مسلحين", "N جنود بالإضافة إلى M مسلحين", or a breakdown: "13 قتيلا هم أربعة
    عسكريين ..." / "بينهم 3 أطفال"."""
    addition = next((a for a in _IN_ADDITION if gap.rstrip().endswith(" " + a)), None)
    if addition is not None and not crosses_clause(gap):
        return len(gap.rstrip()[: -len(addition)].split()) <= limit
    words = gap.split(maxsplit=limit)
    if crosses_clause(gap) or len(words) > limit:
        return False
    return (
        words[-1:] == [AND]
        or _starts_with_and(text, second_start)
        or text[second_start - 1 : second_start] == AND
        or _breaks_down(gap)
    )


def _starts_with_and(text: str, offset: int) -> bool:
    """ "وخمسة" carries و; "واحدة" (one) only begins with its letter."""
    return text.startswith(AND, offset) and (
        not text.startswith(_ONE, offset) or text.startswith(AND + _ONE, offset)
    )


def _denials(doc: Doc, statement, index: int, words, position) -> list[ClaimDraft]:
    """A count of 0 per kind the statement denies ("لم يسقط قتلى أو جرحى" is neither killed nor
    injured), of the people it says were spared ("لم يصب أي جندي") or names right after it."""
    draft = ClaimDraft(statement.kind, statement.start, statement.end, index, 0, 0)
    if statement.victim_start is None:
        _nationals_named(doc, draft, words, position)
    else:
        _spared(doc, draft, statement.victim_start, statement.victim_end)
    return _split_casualties(draft)


def _spared(doc: Doc, draft: ClaimDraft, start: int, end: int) -> None:
    actor = next((a for a in doc.within(doc.actors, start, end) if a.role != "source-only"), None)
    if actor is not None:
        draft.victim_name, draft.victim_start, draft.victim_end = actor.name, actor.start, actor.end
    else:
        draft.victim_start, draft.victim_end = start, end


class _WordPositions(dict):
    """Word index by start offset, and by bisection for an offset inside a word."""

    def __init__(self, words: list) -> None:
        super().__init__((word.start(), i) for i, word in enumerate(words))
        self.ends = [word.end() for word in words]


def _word_index(position: _WordPositions, words, offset: int) -> int:
    """The index of the first word ending after `offset` (len(words) when none does)."""
    if offset in position:
        return position[offset]
    return bisect_right(position.ends, offset)


def _last_word(position, words, span) -> int:
    """The index of the word `span` (a count, a claim) ends in."""
    return _word_index(position, words, max(span.end - 1, span.start))


_CLOSER = "closer"


def _triggers(text, sentence, negations, words, position) -> list[_Trigger]:
    found: list[_Trigger] = []
    for match, row in casualty_triggers().finditer(text, sentence.start, sentence.end):
        if any(n.start <= match.start() < n.end for n in negations) or _attempted(match, words, position):
            continue
        trigger = _Trigger(
            match.start(),
            match.end(),
            row["kind"],
            row["side"],
            row["strength"] in ("strong", _CLOSER),
            row["form"],
            row["reach"] == "clause",
        )
        if found and _joined(text, found[-1], trigger):
            found[-1] = _merge(found[-1], trigger)
            continue
        trigger.opener = _opener(text, trigger, words, position)
        if row["strength"] == _CLOSER and trigger.opener is None:
            continue
        found.append(trigger)
    # "فقد 20 شخصا حياتهم": a verb that opens another trigger's phrase is no trigger of its own
    # (they lost their lives: killed, not missing).
    openers = {t.opener for t in found if t.opener is not None}
    return [t for t in found if _word_index(position, words, t.start) not in openers]


# "نجا من محاولة اغتيال", "حاولوا خطفه": a killing or an abduction tried, not done, counts nobody.
_ATTEMPTS = forms_with_role("attempt")


def _attempted(match, words, position) -> bool:
    """Whether the word right before a casualty word names an attempt at it."""
    at = _word_index(position, words, match.start())
    return at > 0 and words[at - 1].group() in _ATTEMPTS


def _opener(text: str, trigger: _Trigger, words, position) -> int | None:
    """The word index of the verb that opens the phrase `trigger` closes, within its clause."""
    openers = casualty_openers()
    at = _word_index(position, words, trigger.start)
    for index in range(at - 1, max(-1, at - _FRAME_REACH - 2), -1):
        if crosses_clause(text[words[index].end() : words[index + 1].start()]):
            return None
        match = openers.pattern.fullmatch(words[index].group())
        if match:
            closes = openers.entries[match.group("form")]["closes"].split("|")
            return index if trigger.form.startswith(tuple(closes)) else None
    return None


# "مقتل وإصابة 20 شخصا": two verbal nouns joined by و count the dead and wounded together.
_TOLL_NOUNS = forms_with_role("toll_noun")


def _joined(text: str, first: _Trigger, second: _Trigger) -> bool:
    """Two triggers that make one claim: "قتلوا أو أسروا", or a repeated kind ("وأسر أسرى")."""
    between = text[first.end : second.start].split()
    if between == [_ALTERNATIVE] and frozenset({first.kind, second.kind}) in _COMBINED:
        return True
    if (
        between in ([], [AND])
        and {first.kind, second.kind} == _DEAD_AND_WOUNDED
        and (not (first.strong or second.strong) or fold(first.form) in _TOLL_NOUNS)
    ):
        return True
    return not between and first.kind == second.kind


def _merge(first: _Trigger, second: _Trigger) -> _Trigger:
    # "قتلى وجرحى في صفوف X" says both happened to X even with no number: two claims, as a verb would.
    joined_toll = {first.kind, second.kind} == _DEAD_AND_WOUNDED
    if joined_toll:
        kind = _CASUALTIES
    else:
        kind = first.kind if first.kind == second.kind else _COMBINED[frozenset({first.kind, second.kind})]
    return _Trigger(
        first.start,
        second.end,
        kind,
        first.side,
        first.strong or second.strong or joined_toll,
        first.form,
        first.clause_reach or second.clause_reach,
    )


def _link(text, triggers, quantities, words, position) -> dict:
    """Pair triggers with counts, cheapest first; returns id(trigger) -> quantity."""
    trigger_words = [
        (_word_index(position, words, t.start), _word_index(position, words, t.end - 1)) for t in triggers
    ]
    counts = [
        (
            q_index,
            quantity,
            _word_index(position, words, quantity.start),
            _last_word(position, words, quantity),
        )
        for q_index, quantity in enumerate(quantities)
    ]
    counts = [count for count in counts if not _describes_a_thing(words, count[2])]
    candidates = []
    for t_index, trigger in enumerate(triggers):
        first, last = trigger_words[t_index]
        for q_index, quantity, q_first, q_last in counts:
            if trigger.opener is not None:
                if not trigger.opener < q_first <= q_last < first:
                    continue
                distance, side = q_first - trigger.opener - 1, trigger.side
            elif quantity.start >= trigger.end:
                distance, side = q_first - last - 1, "after"
            elif quantity.end <= trigger.start:
                if _in_breakdown(quantity, words, position):
                    continue  # "خمسة بينهم طفلان، وأصيب آخرون": the two children are of the five dead
                distance, side = first - q_last - 1, "before"
            else:
                distance, side = 0, trigger.side
            limit = _MAX_DISTANCE if trigger.strong or trigger.clause_reach else _MAX_NOUN_DISTANCE
            if distance > limit or _blocked(trigger_words, t_index, q_first, q_last):
                continue
            # A count right after a plural verb is its object ("قتلوا 30 جنديا": they killed 30); one
            # joined to it by و opens the next item ("قتيل و6 جرحى": the six are wounded).
            adjacent_object = side == "after" and distance == 0 and not _joined_by_and(text, quantity)
            cost = distance + (0 if side == trigger.side or adjacent_object else _WRONG_SIDE_COST)
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


def _describes_a_thing(words, q_first: int) -> bool:
    """ "عائلة واحدة" (one family) counts no one: "واحد" after a noun is its adjective, a count of
    people only after a person noun ("جندي واحد")."""
    word = words[q_first].group() if q_first < len(words) else ""
    if not word.startswith(_ONE) or q_first == 0:
        return False
    noun = strip_article(words[q_first - 1].group())
    # "رجلا واحدا على الأقل": the noun in the accusative is a person all the same.
    return not _singular(noun) and not _is_trigger_word(words[q_first - 1].group())


_COUNTED_THINGS = forms_with_role("counted_thing")


def _counts_things(words, q_last: int) -> bool:
    """ "وتدمير 5 منازل", "شن 20 غارة": a count of things is no toll, even joined to one by و."""
    if q_last + 1 >= len(words):
        return False
    return stem_in(words[q_last + 1].group(), _COUNTED_THINGS, article=True)


_AGE = "عمر"


def _is_age(words, position, quantity) -> bool:
    """ "في العشرين من عمره", "البالغ من العمر 42 عاما": an age, not a count of people."""
    first, last = _word_index(position, words, quantity.start), _last_word(position, words, quantity)
    after = [strip_article(w.group()) for w in words[last + 1 : last + 3]]
    before = strip_article(words[first - 1].group()) if first else ""
    return (len(after) == 2 and after[0] == "من" and after[1].startswith(_AGE)) or before.startswith(_AGE)


def _is_trigger_word(word: str) -> bool:
    return casualty_triggers().pattern.fullmatch(word) is not None


def _blocked(trigger_words, t_index, q_first, q_last) -> bool:
    first, last = trigger_words[t_index]
    low, high = (q_last, first) if q_last < first else (last, q_first)
    return any(
        low < other_first and other_last < high
        for i, (other_first, other_last) in enumerate(trigger_words)
        if i != t_index
    )


def _find_victim(doc, draft, trigger, quantity, words, position, previous) -> bool:
    """Fill the victim from the actor the count's noun phrase names (else the one the claim before
    in the sentence named); False when the claim names no victim at all."""
    window = _victim_window(trigger, quantity, words, position)
    if quantity is None and trigger.opener is not None:
        return _frame_victim(doc, draft, trigger, words, position)
    texts = [w.group() for w in window]
    if quantity is None and texts and texts[0] in _ONE_MORE:
        draft.low = draft.high = 1  # "قتل شرطيان وأصيب ثالث": a third one, of the same people
        return _inherit(draft, previous)
    if texts and (
        texts[0] in _OTHERS or texts[0] == _SOME_OF_THEM or texts[min(1, len(texts) - 1)] in _OTHERS
    ):
        return _inherit(draft, previous)
    if (
        quantity is None
        and trigger.side == "after"
        and _fronted_singular(doc, draft, trigger, words, position)
    ):
        return True
    if quantity is None and window:
        _count_singulars(draft, texts)
    noun_before = _noun_before_count(doc, quantity, words, position) if quantity is not None else None
    if noun_before is not None:
        draft.victim_name, draft.victim_start, draft.victim_end = (
            noun_before.name,
            noun_before.start,
            noun_before.end,
        )
        return True
    if quantity is not None and _one_after_its_noun(doc, draft, quantity, words, position):
        return True
    if window:
        start, end = window[0].start(), window[-1].end()
        actors = [a for a in doc.within(doc.actors, start, end) if a.role != "source-only"]
        if quantity is None and actors and _force_as_subject(trigger, window, actors[0]):
            return _object_of_force(doc, draft, window, actors[0])
        if quantity is None and actors and _object_after_subject(doc, draft, window, actors[0]):
            return True
        if actors:
            chosen = _head_actor(doc.folded, actors)
            draft.victim_name, draft.victim_start, draft.victim_end = chosen.name, chosen.start, chosen.end
            if quantity is None and draft.low is None and _singular(doc.folded[chosen.start : chosen.end]):
                draft.low = draft.high = 1
            return True
    after = _last_word(position, words, quantity) + 1 if quantity is not None else len(words)
    if after < len(words) and words[after].group() in _OF_THEM and _ends_clause(doc, words, after):
        return _of_them(doc, draft, quantity)
    in_breakdown = _in_breakdown(quantity, words, position)
    if window and not in_breakdown and _nationals(doc, draft, window):
        return True
    if quantity is not None and not in_breakdown and _own_noun(doc, quantity, words, position, draft):
        return True
    if quantity is not None and is_dual_noun(quantity.text.split()[0]):
        draft.victim_start, draft.victim_end = quantity.start, quantity.end  # "شقيقان": the dual is its noun
        return True
    if quantity is not None:
        return _inherit(draft, previous)
    return trigger.side == "after" and _counted_singular(draft, window, previous)


_ANOTHER = forms_with_role("another")


def _counted_singular(draft: ClaimDraft, window: list, previous: list[ClaimDraft]) -> bool:
    """ "وأصيب مرافق بجروح": a person noun of no known party right after the verb is one victim all
    the same, of no known side; "وأصيب مرافق آخر", another one, is of the people counted before it."""
    if draft.low is None or not window:
        return False
    if len(window) > 1 and window[1].group() in _ANOTHER and _inherit(draft, previous):
        return True
    draft.victim_start, draft.victim_end = window[0].start(), window[0].end()
    return True


# "وقتلت المئات منهم": a count of "them", the party named before it in the sentence.
_OF_THEM = forms_with_role("of_them")


def _of_them(doc: Doc, draft: ClaimDraft, quantity) -> bool:
    """ "صدت هجوما للجيش وقتلت المئات منهم": the people counted are of the last armed party named
    before the count, not the speaker; with none, of the people named before ("جرح 40 شخصا، توفي
    ثلاثة منهم")."""
    sentence = doc.sentences[draft.sentence]
    source = draft.source
    before = [
        a
        for a in doc.within(doc.actors, sentence.start, quantity.start)
        if a.role != "source-only" and not (source is not None and source.start <= a.start < source.end)
    ]
    armed = [a for a in before if a.role in (_ARMED, "state") and not _names_the_speaker(doc, a)]
    chosen = (armed or before or [None])[-1]
    if chosen is None:
        return False
    draft.victim_name, draft.victim_start, draft.victim_end = chosen.name, chosen.start, chosen.end
    return True


def _ends_clause(doc: Doc, words, index: int) -> bool:
    """ "المئات منهم." and not "13 قتيلا منهم خمسة أطفال" (a breakdown: among them, five children)."""
    if index + 1 >= len(words):
        return True
    following = words[index + 1]
    return not any(
        q.start == following.start() for q in doc.within(doc.quantities, following.start(), following.end())
    )


def _names_the_speaker(doc: Doc, actor) -> bool:
    """Whether the actor is the one whose words the sentence reports (the subject of قال/نفى)."""
    return any(a.start <= actor.start < a.end for a in doc.attributions.get(doc.sentence_of(actor.start), []))


def _frame_victim(doc, draft: ClaimDraft, trigger, words, position) -> bool:
    """ "لقي شاب فلسطيني مصرعه": the people between the opening verb and the closing noun, as
    many as its pronoun says (a plural pronoun with no number leaves the count open)."""
    inside = words[trigger.opener + 1 : _word_index(position, words, trigger.start)]
    if not inside:
        return False
    # The pronoun on a closing noun counts its people when no number does: "لقي شاب مصرعه" is
    # one, "لقي شقيقان حتفهما" two.
    count = next((n for suffix, n in PRONOUN_COUNTS if trigger.form.endswith(suffix)), None)
    if count is not None and not trigger.form.endswith(PLURAL_PRONOUNS):
        draft.low = draft.high = count
    actors = [
        a for a in doc.within(doc.actors, inside[0].start(), inside[-1].end()) if a.role != "source-only"
    ]
    if actors:
        chosen = _head_actor(doc.folded, actors)
        draft.victim_name, draft.victim_start, draft.victim_end = chosen.name, chosen.start, chosen.end
    else:
        draft.victim_start, draft.victim_end = inside[0].start(), inside[0].end()
    return True


def _fronted_singular(doc: Doc, draft: ClaimDraft, trigger, words, position) -> bool:
    """ "قال إن جنديا عراقيا قتل": after إن/أن the subject comes first, in the accusative; one
    person noun (with its adjective) right before a passive verb is one victim."""
    at = _word_index(position, words, trigger.start)
    for size in range(1, _FRONTED_WORDS + 1):
        if at - size - 1 < 0:
            return False
        fronting, noun = words[at - size - 1], words[at - size]
        if fronting.group() not in _FRONTING:
            continue
        if crosses_clause(doc.folded[fronting.end() : trigger.start]):
            return False
        if not _singular(strip_article(noun.group().removesuffix(_ACCUSATIVE))):
            return False
        start, end = noun.start(), words[at - 1].end()
        actor = next((a for a in doc.within(doc.actors, start, end) if a.role != "source-only"), None)
        draft.victim_name = actor.name if actor is not None else UNKNOWN_VICTIM
        draft.victim_start, draft.victim_end = start, end
        draft.start = min(draft.start, start)
        draft.low = draft.high = 1
        return True
    return False


# Plural nisba endings after folding: "فرنسيين", "كنديون", "فرنسيان" name people of that country.
_PLURAL_NISBA = ("يين", "يون", "يان")
_ACCUSATIVE_NISBA = "يا"
# "فلسطيني": the masculine singular nisba, one person of the country.
_SINGULAR_NISBA = "ي"


def _nationals(doc, draft: ClaimDraft, window: list) -> bool:
    """ "ستة كنديين", "ضحايا من الفرنسيين": a plural nisba standing for people, with no actor
    named, counts civilians of that country (ACLED's "Civilians (Canada)"); "مقتل فلسطيني", a
    singular one right after the casualty word, one of them."""
    start, end = window[0].start(), window[-1].end()
    for mention in doc.countries:
        if not (start <= mention.start < end and mention.as_adjective):
            continue
        stem = strip_article(mention.text)
        if stem not in indefinite_adjectives(mention.country):
            continue
        one = draft.low is None and mention.start == start and stem.endswith(_SINGULAR_NISBA)
        if stem.endswith(_PLURAL_NISBA) or one:
            draft.victim_name = of_country(CIVILIANS, mention.country.name)
            draft.victim_start, draft.victim_end = mention.start, mention.end
            if one:
                draft.low = draft.high = 1
            return True
    return _counted_national(draft, window)


def _counted_national(draft: ClaimDraft, window: list) -> bool:
    """ "اعتقلت القوات 15 فلسطينيا": after a count of eleven and more the nisba stands in the
    singular accusative, a form the country table does not list."""
    for word in window[:_NEAR_WORDS]:
        text = word.group()
        if not text.endswith(_ACCUSATIVE_NISBA):
            continue
        found = find_countries(text[:-1])
        if found and found[0].as_adjective and found[0].start == 0 and found[0].end == len(text) - 1:
            draft.victim_name = of_country(CIVILIANS, found[0].country.name)
            draft.victim_start, draft.victim_end = word.start(), word.end()
            return True
    return False


def _nationals_named(doc, draft: ClaimDraft, words, position) -> ClaimDraft:
    """ "لا ضحايا فرنسيين": a denial names whose dead it denies right after it."""
    after = _last_word(position, words, draft) + 1
    window = _clause(words[after : after + _NEAR_WORDS], draft.end)
    if window:
        _nationals(doc, draft, window)
    return draft


def _own_noun(doc, quantity, words, position, draft: ClaimDraft) -> bool:
    """A count with a noun of its own that names no known actor ("وستة عمال نظافة قتلوا") counts
    those people, not the victims of the count before it: the victim is that noun, of no known
    side. Only an indefinite noun is the counted one (Arabic counts take the indefinite)."""
    after = _last_word(position, words, quantity) + 1
    if after >= len(words):
        return False
    if crosses_clause(doc.folded[quantity.end : words[after].start()]):
        return False
    noun = words[after]
    word = noun.group()
    if word == _OF and after + 1 < len(words) and _partitive_people(doc, words[after + 1]):
        # "عشرة من رجالنا", "ثلاثة من جنوده": the partitive names whose people they were;
        # "عشرة من منسوبي القوات", people of its own, not those of the count before.
        noun = words[after + 1]
        draft.victim_start, draft.victim_end = noun.start(), noun.end()
        return True
    # The counted noun takes neither the article nor و, and is not the next count ("اثنين وخمسة").
    if word.startswith((ARTICLE, AND)) or word in _NOT_COUNTED_NOUNS or _is_trigger_word(word):
        return False
    nearby = doc.within(doc.quantities, noun.start() - _LONGEST_COUNT, noun.end())
    if any(q.start <= noun.start() < q.end for q in nearby):
        return False
    draft.victim_start, draft.victim_end = noun.start(), noun.end()
    return True


def _partitive_people(doc: Doc, noun) -> bool:
    """The noun after "من" that a count takes its people from: a word of its own, not another count,
    a preposition or a casualty word ("ثلاثة من العاملين", not "ثلاثة من بين", "عشرة من 15")."""
    word = noun.group()
    if _own_people(word):
        return True
    if word in _NOT_COUNTED_NOUNS or _is_trigger_word(word) or word in _OF_THEM:
        return False
    counts = doc.within(doc.quantities, noun.start(), noun.end())
    places = doc.within(doc.countries, noun.start(), noun.end())  # "ثلاثة من مالي": whence, not who
    return not any(q.start <= noun.start() < q.end for q in counts) and not places


def _sub_count(doc: Doc, draft: ClaimDraft, quantity, drafts: list[ClaimDraft], words, position) -> bool:
    """ "قتل تسعة مدنيين بينهم أربعة أطفال": the children are among the nine civilians counted, no
    claim of their own; "قتل عشرة أشخاص بينهم ثلاثة جنود" splits the toll by side and stays."""
    return (
        quantity is not None
        and _in_breakdown(quantity, words, position)
        and draft.low is not None
        and _name_the_toll(doc, draft, drafts)
    )


def _name_the_toll(doc: Doc, part: ClaimDraft, drafts: list[ClaimDraft]) -> bool:
    """Whether a toll before the part counts it; "11 قتيلا بينهم ثلاثة أطفال" names its dead by the
    part: a toll with children among it is a toll of civilians."""
    toll = next(
        (
            d
            for d in drafts
            if d.kind == part.kind
            and (d.victim_name == part.victim_name or _part_of_toll(doc, part))
            and d.low is not None
            and part.low <= d.low
        ),
        None,
    )
    if toll is not None and toll.victim_name == UNKNOWN_VICTIM and toll.victim_start is None:
        toll.victim_name, toll.victim_start, toll.victim_end = (
            part.victim_name,
            part.victim_start,
            part.victim_end,
        )
    return toll is not None


_PART_OF_TOLL = stems_with_role("part_of_toll")


def _part_of_toll(doc: Doc, draft: ClaimDraft) -> bool:
    """ "15 قتيلا وأكثر من 240 جريحا بينهم 47 امرأة": women, children and the old are among any toll
    they are counted in, whoever the toll names (or none), never a side of their own."""
    if draft.victim_start is None:
        return False
    noun = doc.folded[draft.victim_start : draft.victim_end].split()
    return bool(noun) and stem_in(noun[0], _PART_OF_TOLL, article=True)


def _in_breakdown(quantity, words, position) -> bool:
    """The items of a breakdown ("30 شخصا بينهم ستة كنديين") are among the victims already named."""
    if quantity is None:
        return False
    first = _word_index(position, words, quantity.start)
    return any(w.group() in _BREAKDOWN for w in words[max(0, first - _BREAKDOWN_ITEM_WORDS) : first])


def _head_actor(text: str, actors: list):
    """The victim is the first actor named, unless it is a kind of person whose group follows:
    "15 مقاتلا من مجموعة فاغنر" (15 fighters of the Wagner Group), "جنود فاغنر"."""
    previous = actors[0]
    for other in actors[1:]:
        between = text[previous.end : other.start].split()
        linked = not between or (between[0] in _OF_WORDS and len(between) <= 2) or between == [AND]
        if not linked or previous.how.startswith("table:"):
            break
        # "4 عناصر من الأمن العام": a generic word for fighters, then the force they belong to.
        if other.how.startswith("table:") or (previous.how == _GENERIC_MEMBERS and other.role == "state"):
            return other
        previous = other
    return actors[0]


# The indefinite accusative ending (tanween al-fath, written as a final alif): "جنديا", "متظاهرا".
_ACCUSATIVE = "ا"
# Words after the subject's name within which its object stands ("مسلحون مجهولون جنديا").
_OBJECT_REACH = 2


def _object_after_subject(doc: Doc, draft: ClaimDraft, window: list, subject) -> bool:
    """Verb, subject, object: in "قتل مسلحون جنديا" and "قتلت قوات الأمن متظاهرا" the first party
    named after the verb is the killer and the person noun in the accusative after it the victim,
    one person. The passive "قتل مسلحون في هجوم" has no such object: its subject is the victim."""
    after = [w for w in window if w.start() >= subject.end][:_OBJECT_REACH]
    word = next((w for w in after if w.group().endswith(_ACCUSATIVE) and _singular(w.group())), None)
    if word is None:
        return False
    victim = next(
        (a for a in doc.within(doc.actors, word.start(), word.end()) if a.role != "source-only"), None
    )
    if victim is not None:
        draft.victim_name = victim.name
    draft.victim_start, draft.victim_end = word.start(), word.end()
    draft.low = draft.high = 1
    return True


# "اعتقلت الشرطة", "قتلت قوات من الجيش": a force named as a body, the subject of an active verb.
_FORCE_BODY = forms_with_role("force_body")
# Verbs whose unvocalised form is active as often as passive: a body after them is their subject.
_DONE_BY_A_FORCE = ("killed", "captured")
# "دورية من مخابرات الجيش": words of the body before the force's own name.
_BODY_WORDS = 3


def _force_as_subject(trigger, window: list, subject) -> bool:
    """ "اعتقلت الشرطة الناشط", "قتلت قوات من جيش الاحتلال الأسير": unvocalised, the verb may be
    active or passive, but a force named as a body (not as its people, "قتل جنود") is not killed or
    arrested as a whole: it is the subject, the one who kills or arrests."""
    if trigger.side != "after" or trigger.kind not in _DONE_BY_A_FORCE:
        return False
    opening = window[: _BODY_WORDS + 1]
    before = [w for w in opening if w.start() < subject.start]
    return any(w.start() == subject.start for w in opening) and all(
        w.group() == _OF or stem_in(w.group(), _FORCE_BODY, article=True)
        for w in [*before, window[len(before)]]
    )


def _object_of_force(doc: Doc, draft: ClaimDraft, window: list, subject) -> bool:
    """After the force that kills or arrests, its object is the victim: the party named there
    ("الناشط", "شابا فلسطينيا"), or one person noun ("الرجل"); else a victim of no known side."""
    after = [w for w in window if w.start() >= subject.end]
    # "أوقف الأمن العام اللبناني الشيخ": the force's own nisba is not its object.
    while after and any(m.as_adjective and m.start == after[0].start() for m in doc.countries):
        after = after[1:]
    draft.victim_name, draft.victim_start, draft.victim_end = UNKNOWN_VICTIM, None, None
    if not after:
        return True
    actors = [
        a
        for a in doc.within(doc.actors, after[0].start(), after[-1].end())
        if a.role != "source-only" and not doc.folded[a.start :].startswith(AND)
    ]
    if actors:
        chosen = _head_actor(doc.folded, actors)
        draft.victim_name, draft.victim_start, draft.victim_end = chosen.name, chosen.start, chosen.end
    elif _singular(strip_article(after[0].group())):
        draft.victim_start, draft.victim_end = after[0].start(), after[0].end()
    elif _nationals(doc, draft, after):
        return True  # "أوقفت القوات الإسرائيلية إيطاليين"
    victim = doc.folded[draft.victim_start : draft.victim_end] if draft.victim_start is not None else ""
    if _singular(strip_article(victim)):
        draft.low = draft.high = 1
    return True


def _count_singulars(draft: ClaimDraft, texts: list[str]) -> None:
    """ "قتل قائد ومقاتل من الحركة": singular person nouns joined by و count one each (here 2)."""
    count = _joined_singulars(texts)
    if count:
        draft.low = draft.high = count


def _joined_singulars(texts: list[str]) -> int:
    """How many words open `texts` as singular person nouns joined by و ("قائد ومقاتل": 2)."""
    count = 0
    for index, word in enumerate(texts):
        if index and not word.startswith(AND):
            break
        if strip_article(word[1:] if index else word) not in singular_persons() and not (
            index == 0 and _singular(strip_article(word))
        ):
            break
        count += 1
    return count


def _singulars_before(doc: Doc, draft: ClaimDraft, trigger, quantity, words, position) -> list[ClaimDraft]:
    """ "مقتل ضابط وثلاثة مجندين", "إصابة طفل وامرأتين": singular person nouns joined to the count
    by و, between it and its trigger, are counted with it (4) when they are the count's people or
    name none; of another party ("مقتل جندي وثلاثة مدنيين") they are a claim of their own."""
    if draft.low is None or not _joined_by_and(doc.folded, quantity):
        return []
    first = _word_index(position, words, trigger.end)
    last = _word_index(position, words, quantity.start)
    gap = words[first:last]
    if not gap or crosses_clause(doc.folded[trigger.end : quantity.start]):
        return []
    if _joined_singulars([w.group() for w in gap]) < len(gap):
        return []
    named = {a.name for a in doc.within(doc.actors, gap[0].start(), gap[-1].end()) if a.role != "source-only"}
    if not named or named == {draft.victim_name} or (draft.victim_name == UNKNOWN_VICTIM and len(named) == 1):
        draft.low += len(gap)
        draft.high = None if draft.high is None else draft.high + len(gap)
        if draft.victim_name == UNKNOWN_VICTIM and named:
            draft.victim_name = named.pop()
            draft.victim_start, draft.victim_end = gap[0].start(), gap[-1].end()
        draft.start = min(draft.start, gap[0].start())
        return []
    own = ClaimDraft(draft.kind, gap[0].start(), gap[-1].end(), draft.sentence, low=len(gap), high=len(gap))
    own.victim_name = sorted(named)[0]
    own.victim_start, own.victim_end = gap[0].start(), gap[-1].end()
    return [own]


def _joined_by_and(text: str, quantity) -> bool:
    """ "وثلاثة" (not "واحد", whose و is its own), and "و3" where the digits stand glued to the و."""
    before = quantity.start - 1
    own = text.startswith(_ONE, quantity.start)
    return (text.startswith(AND, quantity.start) and not own) or (
        before >= 0 and text[before] == AND and (before == 0 or not WORD.match(text, before - 1))
    )


def _one_before_the_others(doc: Doc, draft: ClaimDraft, quantity, words, position) -> None:
    """ "أن زعيم التنظيم و10 مقاتلين آخرين قتلوا" (the leader and ten other fighters): "others"
    after a count joined by و to one person named before it counts that person too (eleven)."""
    first, last = _word_index(position, words, quantity.start), _last_word(position, words, quantity)
    after = [w.group() for w in words[last + 1 : last + 3]]
    if not any(word in _OTHERS for word in after):
        return
    if first and words[first - 1].group() == AND:
        first -= 1
    elif not _joined_by_and(doc.folded, quantity):
        return
    for size in range(1, _SUBJECT_WORDS + 2):
        if first - size < 0 or _is_trigger_word(words[first - size].group()):
            return
        noun = words[first - size]
        if crosses_clause(doc.folded[noun.end() : quantity.start]):
            return
        if _singular(strip_article(noun.group())):
            draft.low += 1
            draft.high = None if draft.high is None else draft.high + 1
            draft.start = min(draft.start, noun.start())
            return


def _noun_before_count(doc: Doc, quantity, words, position):
    """ "جنود ثلاثة", "الجنود الثلاثة": a number in words may follow its noun as an adjective does,
    agreeing with it in definiteness, when no noun of its own follows it. The actor of that noun."""
    first = _word_index(position, words, quantity.start)
    if first == 0 or first >= len(words) or any(ch.isdigit() for ch in words[first].group()):
        return None  # "حوثيا و8 من جنود ...": digits never follow their noun as an adjective
    noun, number = words[first - 1], words[first]
    if is_dual_noun(number.group()):
        return None  # "قتل مسلحون جنديين": the dual names its own people; the word before is the killer
    if _joined_by_and(doc.folded, quantity):
        return None  # "قتل خمسة جنود وثلاثة من المدنيين": a count joined by و is no adjective of the noun
    if crosses_clause(doc.folded[noun.end() : number.start()]):
        return None
    if _definite(noun.group()) != _definite(number.group()) or _has_own_noun(doc, quantity, words, position):
        return None
    # "جندي واحد": one counts a singular noun; the others agree with a plural ("الجنود الثلاثة").
    one = number.group().startswith(_ONE)
    return next(
        (
            a
            for a in doc.within(doc.actors, noun.start(), noun.end())
            if a.end == noun.end()
            and a.role != "source-only"
            and (one or not _singular(strip_article(noun.group())))
        ),
        None,
    )


def _one_after_its_noun(doc: Doc, draft: ClaimDraft, quantity, words, position) -> bool:
    """ "قال إن شخصا واحدا فقط أصيب": "واحد" follows the person it counts, as an adjective does, and
    counts no word after it."""
    first = _word_index(position, words, quantity.start)
    if first == 0 or first >= len(words) or not words[first].group().startswith(_ONE):
        return False
    if first + 1 < len(words) and _definite(words[first + 1].group()):
        return False  # "قائد وأحد العناصر" (folded "واحد"): "and one of", which opens its own phrase
    noun = words[first - 1]
    if not _singular(strip_article(noun.group())) or _is_trigger_word(noun.group()):
        return False  # "أوقعت قتيلا واحدا": the casualty noun is the trigger, not whom it counts
    actors = doc.within(doc.actors, noun.start(), noun.end())
    actor = next((a for a in actors if a.role != "source-only"), None)
    if actor is not None:
        draft.victim_name = actor.name
    draft.victim_start, draft.victim_end = noun.start(), noun.end()
    return True


def _definite(word: str) -> bool:
    return strip_article(word) != word and ARTICLE in word[:4]


def _has_own_noun(doc: Doc, quantity, words, position) -> bool:
    after = _last_word(position, words, quantity) + 1
    if after >= len(words) or crosses_clause(doc.folded[quantity.end : words[after].start()]):
        return False
    word = words[after].group()
    return not (
        word.startswith((ARTICLE, AND))
        or word in _NOT_COUNTED_NOUNS
        or _is_trigger_word(word)
        or _agent_phrase(word)
    )


# "في هجوم للمسلحين", "برصاص الجيش": the attacker follows these; the victim never lies past them.
_AGENT_PHRASE = forms_with_role("agent_phrase")


def _agent_phrase(word: str) -> bool:
    return stem_in(word, _AGENT_PHRASE, article=True)


def _before_agent(words: list) -> list:
    kept = []
    for word in words:
        if kept and _agent_phrase(word.group()):
            break
        kept.append(word)
    return kept


def _victim_window(trigger, quantity, words, position) -> list:
    """The words that can name the victim: the count's noun phrase, or (with no count) the words
    right after a verb-first trigger or right before a subject-first one, within the clause."""
    if quantity is not None:
        first = _word_index(position, words, quantity.start)
        last = _last_word(position, words, quantity) + _VICTIM_WORDS
        return _before_agent(_clause(words[first : last + 1]))
    at = _word_index(position, words, trigger.start)
    # With no count, "قتلى وجرحى" names its victims after it ("... في صفوف الجيش").
    if trigger.side == "after" or trigger.kind == _CASUALTIES:
        after = _word_index(position, words, trigger.end - 1) + 1
        return _before_agent(_clause(words[after : after + _VICTIM_WORDS], trigger.end))
    before = list(reversed(words[max(0, at - _NEAR_WORDS) : at]))
    kept = []
    for word, following in zip(before, [trigger.start] + [w.start() for w in before]):
        if crosses_clause(word.string[word.end() : following]):
            break
        kept.append(word)
    return list(reversed(kept))


def _clause(words: list, start: int | None = None) -> list:
    """Words up to the first comma or full stop, or a breakdown ("13 قتيلا هم ..."): a victim
    never lies past one."""
    kept = []
    previous_end = start if start is not None else (words[0].start() if words else 0)
    for word in words:
        if crosses_clause(word.string[previous_end : word.start()]) or word.group() in _BREAKDOWN:
            break
        kept.append(word)
        previous_end = word.end()
    return kept


def _singular(text: str) -> bool:
    """One person named by a singular noun, also in the accusative ("قتلت مسلحا")."""
    word = text.split()[0] if text.split() else ""
    return word in singular_persons() or (word.endswith(_ACCUSATIVE) and word[:-1] in singular_persons())


def _inherit(draft: ClaimDraft, previous: list[ClaimDraft]) -> bool:
    earlier = [d for d in previous if d.victim_start is not None]
    if not earlier:
        return False
    last = earlier[-1]
    draft.victim_name, draft.victim_start, draft.victim_end = (
        last.victim_name,
        last.victim_start,
        last.victim_end,
    )
    return True
