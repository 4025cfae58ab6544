"""Stage `attribution`: who gives the figures in each sentence.

Arabic news attributes with a reporting verb and its subject before a complementiser
("وقال الجيش المالي في بيان إن ..."), with a preposition ("بحسب مصادر طبية"), or by carrying the
last speaker over ("وأضاف البيان أن ...", "مضيفا أن"). A sentence that says a figure could not be
verified marks the claims of the sources it names (or, naming none, its own or the previous ones).
"""

from __future__ import annotations

import re
from itertools import islice

from marsad.knowledge.actors import ActorBase
from marsad.lang.ar.clitics import (
    ARTICLE_AFTER_LAM,
    CONJUNCTIONS,
    LAM,
    proclitic_stems,
    stem_in,
    strip_article,
)
from marsad.lang.ar.lexicon import casualty_triggers, forms_with_role, openers_with_role, reporting
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import CLAUSE_MARKS, crosses_clause
from marsad.lang.ar.tokens import LONGEST_WORD, WORD, alternation, last_words, word_before
from marsad.pipeline.document import Attribution, Doc
from marsad.schema.acled import GOVERNMENT, MILITARY_FORCES

REQUIRES = ("sentences", "dates", "actors")
ASSIGNS = ("attributions", "unverified_sentences")

_MAX_SUBJECT_WORDS = 30
_MAX_PREP_WORDS = 10
_FRONTED_READ = 3 * _MAX_PREP_WORDS
_NAME_WORDS = 8
_NO_COMPLEMENT_WORDS = 6
# "في بيان", "عبر حسابه": how a source spoke, not part of its name.
_STATEMENT = re.compile(
    rf"\s(?:في\s+(?:{alternation(forms_with_role('statement'))})"
    rf"|(?:عبر|علي)\s+(?:{alternation(forms_with_role('statement_channel'))}))"
)
_RECIPIENT_WORDS = 4
_TAIL_PARTICLES = forms_with_role("tail_particle")
# Nouns a speaker phrase starts with ("مصدر أمني", "مسؤول محلي", "شهود").
_SOURCE_HEADS = forms_with_role("source_head")
_MAX_QUOTED_NAME = 4
_TO = "الي"
_FROM = "عن"
# "المتحدث باسم X" (the spokesman of X): X is the source.
_ON_BEHALF_OF = " باسم "
_STOP = re.compile(r'[,.;:"()]|' + _STATEMENT.pattern + r"|\sيوم\b")
# "قال المسؤول طالبا عدم كشف اسمه إن": how the speaker spoke ends its name.
_ASIDE = re.compile(rf"\s(?:{alternation(forms_with_role('speaker_aside'))})(?![^\W_])")
_NEGATION = forms_with_role("negation")
_WHAT = "ما"
_RELATIVES = forms_with_role("relative")
# Words after which a subject stands before its verb.
_FRONTING = forms_with_role("fronting")
_DISCOURSE = forms_with_role("discourse_opener")
_ADVERBS = forms_with_role("adverb")
# "حسبما نشر" (as was published): no one is named.
_IMPERSONAL = forms_with_role("impersonal")
# A subject never starts with a preposition: "وقال في بيان" goes on with the last speaker.
_PREPOSITIONS = forms_with_role("preposition")
# A pronoun object is no subject: "تبنى فيه مقتل ..." (in it, it claimed ...).
_PRONOUN_OBJECTS = forms_with_role("pronoun_object")
# "وكانت حصيلة أولية أفادت بمقتل ...": a toll tells the figure; it is no one who gives it.
_TOLL_SUBJECTS = forms_with_role("toll_subject")
# "وتشير الحصيلة الرسمية إلى ...": an official toll is the authorities' word.
_OFFICIAL = forms_with_role("official")


def run(doc: Doc) -> None:
    complements = forms_with_role("complement")
    anaphors = forms_with_role("anaphor")
    unverified_forms = forms_with_role("unverified")
    last: Attribution | None = None
    for index, sentence in enumerate(doc.sentences):
        found: list[Attribution] = []
        for match, row in reporting().finditer(doc.folded, sentence.start, sentence.end):
            if _negated(doc.folded, match.start()) or _verb_as_noun(doc.folded, match, row):
                continue
            previous = found[-1] if found else last
            attribution = _attribution(doc, index, match, row, complements, anaphors, previous)
            if attribution is not None:
                found.append(attribution)
        if not found and last is not None and last.sentence == index - 1 and _opens_with_quote(doc, sentence):
            # A quotation running on from the sentence that introduced its speaker.
            found.append(
                Attribution(index, last.start, last.end, last.name, last.stance, sentence.start, "carried")
            )
        if found:
            doc.attributions[index] = found
            last = found[-1]
        text = doc.folded[sentence.start : sentence.end]
        if any(form in text for form in unverified_forms):
            doc.unverified_sentences.add(index)


def _verb_as_noun(text: str, match, row) -> bool:
    """A verb or participle of saying takes no article and no preposition, only و or ف: "في الذكرى
    الأولى" is no "ذكر", "من المؤكد أن" no "مؤكدا" (a preposition's source, "بحسب", has its own)."""
    if row["kind"] in _PREPOSITION_KINDS:
        return False
    return bool(text[match.start() : match.start("form")].lstrip(CONJUNCTIONS))


def _opens_with_quote(doc: Doc, sentence) -> bool:
    return doc.folded.startswith('"', sentence.start)


def _negated(text: str, start: int) -> bool:
    """A negated verb ("ولم تعلن") or one in a relative clause ("التي أعلنت ولاءها") reports nothing."""
    before = word_before(text, start)
    return before in _NEGATION or before in _RELATIVES


_PREP_WITH_LAM = "prep_lam"
_PREPOSITION_KINDS = ("prep", _PREP_WITH_LAM)


def _attribution(doc, index, match, row, complements, anaphors, previous) -> Attribution | None:
    sentence = doc.sentences[index]
    kind, stance = row["kind"], row["stance"]
    start = match.end()
    if kind == _PREP_WITH_LAM:
        # "وفقا لمصادر محلية": the preposition's ل is written on the source's first word.
        kind = "prep"
        glued = next(WORD.finditer(doc.folded, start, sentence.end), None)
        if glued is not None and glued.group().startswith(LAM):
            # "للمصادر" is ل with the article's alif dropped: the source starts after both lams.
            start = glued.start() + len(
                ARTICLE_AFTER_LAM if glued.group().startswith(ARTICLE_AFTER_LAM) else LAM
            )
    if _in_headline_order(doc, index, match):
        headline = _headline_subject(doc, sentence, match)
        if headline is None:
            return None
        return Attribution(index, *headline, _source_name(doc, *headline), stance, match.end(), "fronted")
    words = _skip_dates(doc, list(WORD.finditer(doc.folded, start, sentence.end)))
    if (
        kind == "prep"
        and words
        and (
            words[0].group() == _WHAT
            or words[0].group() in _IMPERSONAL
            or reporting().pattern.fullmatch(words[0].group())
        )
    ):
        return None
    if words and words[0].group() in _PREPOSITIONS:
        words = []
    while words and words[0].group() in _ADVERBS:
        words = words[1:]
    words = _skip_leading_recipient(doc, words)
    if words and (
        words[0].group() in _PRONOUN_OBJECTS or casualty_triggers().pattern.fullmatch(words[0].group())
    ):
        words = []
    if kind == "via":
        quoted = next((i for i, w in enumerate(words[:_MAX_PREP_WORDS]) if w.group() == _FROM), None)
        if quoted is None:
            return None
        words, kind = words[quoted + 1 :], "verb"
    # "لكن الجيش الصومالي قال إن ...": a complement right after a verb means no subject follows it;
    # a participle ("مضيفا أن", "موضحا أنه") goes on with the speaker before, never a noun before it.
    participle = _is_participle(match.group())
    fronted = (
        None
        if participle and words and words[0].group() in complements
        else _fronted_subject(
            doc, sentence, match, bool(words) and (participle or words[0].group() not in complements)
        )
    )
    if fronted is not None:
        start, end = fronted
        if _names_a_toll(doc, start, end):
            return None
        return Attribution(index, start, end, _source_name(doc, start, end), stance, match.end(), "fronted")
    limit = _MAX_PREP_WORDS if kind == "prep" else _MAX_SUBJECT_WORDS
    subject_end, applies_from = _subject_end(
        doc.folded, words[:limit], complements, match.end(), sentence.end
    )
    if kind == "prep":
        applies_from = sentence.start
    start = words[0].start() if words else match.end()
    aside = _ASIDE.search(doc.folded, start, subject_end)
    subject_end = _trim_tail(doc.folded, start, aside.start() if aside else subject_end)
    if words and _names_a_toll(doc, start, subject_end):
        return None
    if subject_end <= start:
        if kind == "prep":
            return None
        opener = None if participle else _sentence_subject(doc, sentence, match)
        if opener is not None:
            return Attribution(
                index,
                opener.start,
                opener.end,
                _source_name(doc, opener.start, opener.end),
                stance,
                applies_from,
                "clause-subject",
            )
        if previous is None:
            return None
        return Attribution(
            index, previous.start, previous.end, previous.name, stance, applies_from, "carried"
        )
    # "وأضافت الوزارة في بيان تلي عبر التلفزيون": how it spoke is no part of who spoke.
    subject = doc.folded[start : _before_recipient(doc, start, _before_statement(doc, start, subject_end))]
    first = subject.split()[0] if subject.split() else ""
    # Only a definite noun points back ("المصادر"); "مصادر أمنية" is a new source.
    if previous is not None and len(subject.split()) <= 2 and first in anaphors:
        named = _named_before(doc, index, start, first) or previous
        return Attribution(index, start, subject_end, named.name, stance, applies_from, "anaphor")
    return Attribution(
        index,
        start,
        _before_statement(doc, start, subject_end),
        _source_name(doc, start, subject_end),
        stance,
        applies_from,
        kind,
    )


def _names_a_toll(doc: Doc, start: int, end: int) -> bool:
    """ "حصيلة أولية", "حصيلة غير نهائية للتفجير": a toll no one is said to have issued (not "حصيلة
    للمرصد السوري", whose issuer it names, nor the official toll)."""
    head = [strip_article(w.group()) for w in islice(WORD.finditer(doc.folded, start), 2)]
    return (
        bool(head)
        and head[0] in _TOLL_SUBJECTS
        and not any(w in _OFFICIAL for w in head[1:])
        and not any(a.role != "civilian" for a in doc.within(doc.actors, start, end))
    )


def _named_before(doc: Doc, index: int, start: int, anaphor: str) -> Attribution | None:
    """ "أعلنت وزارة الداخلية ...، فيما قال المتحدث باسم الحركة ... وأكدت الوزارة": the last
    speaker whose own words hold the anaphor's noun, not merely the last speaker."""
    noun = strip_article(anaphor)
    for sentence in range(index, -1, -1):
        for attribution in reversed(doc.attributions.get(sentence, [])):
            if (
                attribution.start < start
                and attribution.how != "anaphor"
                and noun in doc.folded[attribution.start : attribution.end]
            ):
                return attribution
    return None


def _short_quote(text: str, quote: int, rest: list) -> bool:
    """A quote that closes within a few words names something ('قناة "بازا"'); a longer one is
    reported speech."""
    closing = text.find('"', quote + 1, quote + 60)
    return closing != -1 and len([w for w in rest if quote < w.start() < closing]) <= _MAX_QUOTED_NAME


def _complement_follows(text: str, quote: int, rest: list, complements) -> bool:
    """After a quoted name, the subject goes on only if its complementiser comes soon."""
    closing = text.find('"', quote + 1)
    after = [w for w in rest if w.start() > closing]
    return any(w.group() in complements for w in after[: _MAX_QUOTED_NAME + 2])


def _skip_leading_recipient(doc: Doc, words: list) -> list:
    """ "وقال لوكالة فرانس برس مصدر أمني إن": the outlet comes first, the speaker after it."""
    recipients = forms_with_role("recipient")
    if not words or not any(doc.folded.startswith(r, words[0].start()) for r in recipients):
        return words
    rest = words[1:]
    while rest and len(words) - len(rest) < _RECIPIENT_WORDS and not _starts_subject(doc, rest[0]):
        rest = rest[1:]
    return rest if rest else words


def _starts_subject(doc: Doc, word) -> bool:
    return any(a.start == word.start() for a in doc.actors) or word.group() in _SOURCE_HEADS


def _trim_tail(text: str, start: int, end: int) -> int:
    """A subject ends before spaces, commas and the particle of a fronted verb ("أن الجيش قد أعلن")."""
    while True:
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        last = text.rfind(" ", start, end)
        if last == -1 or text[last + 1 : end] not in _TAIL_PARTICLES:
            return end
        end = last


def _skip_dates(doc: Doc, words: list) -> list:
    """Drop a time adverb standing between the verb and its subject ("أعلن أمس الجيش ...")."""
    while words:
        date = next(iter(doc.within(doc.dates, words[0].start(), words[0].start() + 1)), None)
        if date is None:
            return words
        words = [w for w in words if w.start() >= date.end]
    return words


# "وتبنت جماعة نصرة الإسلام الهجوم ..." : the sentence's subject follows its first word or two.
_OPENING_SUBJECT_WORDS = 2


def _sentence_subject(doc: Doc, sentence, match):
    """ "وتبنت جماعة نصرة الإسلام الهجوم في بيان، وقالت إنها قتلت ...": a speech verb with no
    subject of its own, in a sentence opened by a verb and a named party, has that party for
    its speaker (not the speaker of the sentence before)."""
    words = list(islice(WORD.finditer(doc.folded, sentence.start, match.start()), _OPENING_SUBJECT_WORDS + 1))
    if len(words) < 2:
        return None
    window_end = words[min(_OPENING_SUBJECT_WORDS, len(words) - 1)].end()
    return next(
        (
            a
            for a in doc.within(doc.actors, words[1].start(), window_end)
            if a.role in ("armed", "state", "source-only") and a.end <= match.start()
        ),
        None,
    )


def _is_participle(word: str) -> bool:
    """ "مضيفا", "موضحا", "مشيرا": an active participle in the accusative, the speaker's manner."""
    return word.startswith("م") and word.endswith("ا")


def _fronted_subject(doc: Doc, sentence, match, has_subject_after: bool) -> tuple[int, int] | None:
    """A subject put before its verb: after كان or أن ("وكان تنظيم القاعدة تحدث", "إلا أن البعثة
    نفت"), or, when nothing nominal follows the verb, an actor named just before it (headlines)."""
    # A fronted subject stands within the sentence's first words: read no further than that.
    before = list(islice(WORD.finditer(doc.folded, sentence.start, match.start()), _FRONTED_READ))
    long_lead = len(before) == _FRONTED_READ
    while before and before[0].group() in _DISCOURSE:
        before = before[1:]
    if long_lead:
        # Only the word right before the verb matters now.
        before = list(
            WORD.finditer(doc.folded, max(sentence.start, match.start() - 2 * LONGEST_WORD), match.start())
        )[-1:]
    if 2 <= len(before) <= _MAX_PREP_WORDS and before[0].group() in _FRONTING:
        end = _trim_tail(doc.folded, before[1].start(), before[-1].end())
        return (before[1].start(), end) if end > before[1].start() else None
    if not has_subject_after and before:
        actor = next(
            (
                a
                for a in doc.within(doc.actors, sentence.start, match.start())
                if a.end >= before[-1].start() and a.end <= match.start() and a.role != "civilian"
            ),
            None,
        )
        if actor is not None:
            return actor.start, actor.end
    return None


# "وزير الداخلية العراقي يعلن مقتل ...": at most this many words stand before a headline's verb.
_HEADLINE_SUBJECT_WORDS = 6
_PRESENT_REPORTING = forms_with_role("present_reporting")


def _in_headline_order(doc: Doc, index: int, match) -> bool:
    """A title's present-tense reporting verb after some words ("السعودية تعلن اعتراضها ..."): its
    subject stands before it, so the noun after it is its object, never its speaker; not after an
    adverb ("وفي سياق متصل يقول الجيش")."""
    first = WORD.search(doc.folded, doc.sentences[index].start, match.start())
    return (
        index == 0
        and match.start() == match.start("form")
        and match.group("form") in _PRESENT_REPORTING
        and first is not None
        and first.group() not in _PREPOSITIONS | _DISCOURSE
    )


def _headline_subject(doc: Doc, sentence, match) -> tuple[int, int] | None:
    """ "الأمير خالد يؤكد مقتل ...": the title's words before its verb are the verb's subject when
    they are a short noun phrase (no clause mark, number, preposition, relative or other speaker)."""
    lead = doc.folded[sentence.start : match.start()]
    words = list(WORD.finditer(doc.folded, sentence.start, match.start()))
    closed = _PREPOSITIONS | _DISCOURSE | _RELATIVES | _NEGATION | _FRONTING
    if (
        len(words) > _HEADLINE_SUBJECT_WORDS
        or any(mark in lead for mark in CLAUSE_MARKS + '"')
        or any(w.group() in closed or w.group().isdigit() for w in words)
        or reporting().pattern.search(lead)
    ):
        return None
    return words[0].start(), words[-1].end()


def _subject_end(text, words, complements, start, sentence_end) -> tuple[int, int]:
    """End of the reporting verb's subject, and where the reported content starts.

    A short quoted name inside the subject ('قناة "بازا" الإخبارية أن') is part of it; a quote
    that opens the reported speech ends it."""
    scan = start
    for index, word in enumerate(words):
        between = text[scan : word.start()]
        quote = scan + between.find('"') if '"' in between else -1
        if ":" in between or (quote != -1 and not _short_quote(text, quote, words[index:])):
            cut = scan + min(i for i in (between.find(":"), between.find('"')) if i >= 0)
            return cut, cut
        if quote != -1 and not _complement_follows(text, quote, words[index:], complements):
            closing = text.find('"', quote + 1)
            return closing + 1, closing + 1
        if '"' in between:
            closing = text.find('"', scan + between.find('"') + 1)
            scan = closing + 1 if closing != -1 else word.start()
        else:
            scan = word.start()
        if word.group() in complements:
            if index and words[index - 1].group() == _TO:
                return words[index - 1].start(), word.end()
            return word.start(), word.end()
        if casualty_triggers().pattern.match(text, word.start()):
            return word.start(), word.start()
    if words:
        # No complementiser: the subject is a short noun phrase ("تبنى قيادي متطرف الهجوم").
        short = words[:_NO_COMPLEMENT_WORDS]
        for before, word in zip(short, short[1:]):
            if "," in text[before.end() : word.start()]:
                return before.end(), before.end()
        return short[-1].end(), short[-1].end()
    return start, start


def _source_name(doc: Doc, start: int, end: int) -> str:
    """The source's canonical name: an actor named at the head of the phrase, else its first
    words, never the outlet it spoke to ("لوكالة الأنباء")."""
    end = _before_recipient(doc, start, end)
    head_limit = start + 1 + len(" ".join(doc.folded[start:end].split()[:2]))
    spokesman = doc.folded.find(_ON_BEHALF_OF, start, end)
    for actor in doc.within(doc.actors, start, end):
        if start <= actor.start < min(end, head_limit) or (
            spokesman != -1 and spokesman < actor.start < end and actor.role != "civilian"
        ):
            return actor.name
    stop = _STOP.search(doc.folded, start, end)
    cut = stop.start() if stop else end
    cut = min([cut] + [d.start for d in doc.within(doc.dates, start + 1, cut)])
    phrase = doc.span(start, cut).text
    return " ".join(phrase.split()[:_NAME_WORDS]) or doc.span(start, end).text


def _before_statement(doc: Doc, start: int, end: int) -> int:
    """ "الجيش المالي في بيان", "وزارة الصحة الجمعة،": the source is the army, the ministry; the
    statement and its day are how and when it spoke."""
    statement = _STATEMENT.search(doc.folded, start, end)
    cuts = [statement.start()] if statement and statement.start() > start else []
    dates = [date.start for date in doc.within(doc.dates, start + 1, end)]
    if dates:
        # "في 15 شباط": the day's preposition goes with it.
        day = min(dates)
        before = word_before(doc.folded, day)
        preposition = doc.folded.rfind(before, start + 1, day) if before in _PREPOSITIONS else -1
        cuts.append(preposition if preposition != -1 else day)
    return _trim_tail(doc.folded, start, min(cuts)) if cuts else end


def _before_recipient(doc: Doc, start: int, end: int) -> int:
    recipients = openers_with_role("recipient")
    for word in WORD.finditer(doc.folded, start, end):
        if word.start() > start and doc.folded.startswith(recipients, word.start()):
            cut = word.start()
            while cut > start and doc.folded[cut - 1] in " ,":
                cut -= 1
            return cut
    return end


def source_of(doc: Doc, sentence: int, offset: int) -> Attribution | None:
    """The attribution that covers a claim at `offset` in `sentence`: a clause-final one ("...،
    وفقا لمصادر طبية") for the claims of its clause, else the last one before the claim."""
    found = doc.attributions.get(sentence, [])
    closing = _clause_final(doc.folded, offset, found)
    if closing is not None:
        return closing
    before = [a for a in found if a.applies_from <= offset and a.start < offset]
    if before:
        return before[-1]
    return found[0] if found else _given_next(doc, sentence)


# "وقال أمام الصحافيين في أنقرة إن": the place stands this many words after the venue word.
_VENUE_REACH = 4
_SPEECH_VENUES = forms_with_role("speech_venue")
_QUOTE_OPENERS = '«":'


def spoken_at(doc: Doc, sentence: int, offset: int) -> bool:
    """Whether a place at `offset` is where a speaker spoke, not where the incident was ("وقال
    رئيس الوزراء أمام الصحافيين في أنقرة إن", "في مؤتمر صحفي عقده في بغداد"): a few words after a
    word naming journalists, a press conference or a speech, between a reporting verb and the
    words it reports."""
    start = doc.sentences[sentence].start
    venue = last_words(doc.folded, start, offset, _VENUE_REACH)
    if not any(stem_in(word, _SPEECH_VENUES, article=True) for word in venue):
        return False
    verbs = [match for match, row in reporting().finditer(doc.folded, start, offset) if row["kind"] == "verb"]
    if not verbs:
        return False
    between = doc.folded[verbs[-1].end() : offset]
    complements = forms_with_role("complement")
    return not any(mark in between for mark in _QUOTE_OPENERS) and not any(
        word in complements for word in WORD.findall(between)
    )


def _given_next(doc: Doc, sentence: int) -> Attribution | None:
    """ "قتل 12 شخصا في انفجار" then "جاء ذلك وفق ما أعلنته مديرية الصحة": the next sentence names
    the source of this one's figures."""
    following = sentence + 1
    if following >= len(doc.sentences) or not doc.folded.startswith(
        openers_with_role("back_reference"), doc.sentences[following].start
    ):
        return None
    return next(iter(doc.attributions.get(following, [])), None)


def _clause_final(text: str, offset: int, found: list[Attribution]) -> Attribution | None:
    """A preposition phrase closing the claim's clause ("وأصيب 4 آخرين، وفقا لمصادر محلية") names
    its source, over a speaker whose reported speech ended at an earlier clause mark, or over any
    speaker before it when it says it is another source and closes the claim's own figure alone
    ("قال مصدر إن 12 قتلوا وأصيب 30 آخرون بحسب مصادر طبية أخرى": the 30 are the other sources')."""
    closing = next((a for a in found if a.how == "prep" and a.start > offset), None)
    if closing is None:
        return None
    prep = list(reporting().pattern.finditer(text, offset, closing.start))
    head = text[offset : prep[-1].start() if prep else closing.start].rstrip(" ,و")
    if crosses_clause(head):
        return None
    earlier = [a for a in found if a.how != "prep" and a.start < offset]
    if (
        earlier
        and not crosses_clause(text[earlier[-1].applies_from : offset])
        and not (
            _says_another(text[closing.start : closing.end])
            and len(casualty_triggers().pattern.findall(head)) <= 1
        )
    ):
        return None
    return closing


def claim_is_unverified(
    doc: Doc, claim_sentence: int, source_text: str, later_marks: list[int], claim_sentences: set[int]
) -> bool:
    """Whether a verification disclaimer covers this claim: one in its own sentence, or a later
    disclaimer sentence of its own (with no figures of its own) that names the claim's source."""
    if claim_sentence in doc.unverified_sentences:
        return True
    for mark in later_marks:
        if mark <= claim_sentence or mark in claim_sentences:
            continue
        named = _names_a_source(doc, mark, source_text)
        if named:
            return True
        if named is None and claim_sentence == max(s for s in claim_sentences if s < mark):
            return True
    return False


def _names_a_source(doc: Doc, mark: int, source_text: str) -> bool | None:
    """Whether disclaimer sentence `mark` names this source; None when it names no source at all
    ("ولم يتسن التحقق من هذه الحصيلة"), so that it covers the figures just before it."""
    sentence = doc.sentences[mark]
    words = {strip_article(w) for w in WORD.findall(doc.folded[sentence.start : sentence.end])}
    words = {w for w in words if len(w) >= 4 and w not in _GENERIC}
    if not words & _SOURCE_WORDS and not _mentions_actor(doc, sentence):
        return None
    return _shares_stem(source_text, words)


def _shares_stem(text: str, words: set[str]) -> bool:
    stems = {strip_article(w) for w in text.split() if len(w) >= 4}
    return any(_same_stem(a, b) for a in words for b in stems)


def _mentions_actor(doc: Doc, sentence) -> bool:
    return any(sentence.start <= a.start < sentence.end for a in doc.actors)


# Words that name a kind of source, so a disclaimer using them names someone ("تقرير المدون").
_SOURCE_WORDS = forms_with_role("source_kind")
# Words of a disclaimer that name no one ("صحة", "بشكل مستقل"), nor do the nouns for statements.
_GENERIC = forms_with_role("disclaimer_word") | {strip_article(w) for w in forms_with_role("statement")}


def _same_stem(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


# A state's military voice: its army, its defence ministry and its government speak as one.
_MILITARY_VOICES = (f"{MILITARY_FORCES} of ", "Ministry of Defence of ", f"{GOVERNMENT} of ")


def same_speaker(first, second) -> bool:
    """Whether two source phrases (schema Parties) name one speaker: the same actor, one state's
    military voice, or descriptions sharing a word of their own ("سكان ومسعفون" / "مسعفون في
    البلدة"), unless one says it is another ("مصادر طبية أخرى", "الثالث")."""
    if _says_another(first.text) or _says_another(second.text):
        return False
    if first.name == second.name:
        return True
    countries = {_military_country(first), _military_country(second)}
    if len(countries) == 1 and None not in countries:
        return True
    ours, theirs = _own_words(first.text), _own_words(second.text)
    return any(_same_stem(a, b) for a in ours for b in theirs)


def _says_another(text: str) -> bool:
    return any(strip_article(w) in _ANOTHER_SOURCE for w in WORD.findall(fold(text)))


def _military_country(source) -> str | None:
    """The country whose military voice a source is; "مصدر في وزارة الدفاع" (a source inside it)
    speaks for itself."""
    if not source.name.startswith(_MILITARY_VOICES):
        return None
    record = ActorBase.default().by_name(source.name)
    if record is None:
        return None
    first = next(iter(WORD.findall(fold(source.text))), "")
    return None if strip_article(first) in _SOURCE_HEAD_STEMS else record.country


def _own_words(text: str) -> set[str]:
    # "بمدينة", "ومصدر": a proclitic on an indefinite noun.
    words = {proclitic_stems(strip_article(w))[-1] for w in WORD.findall(fold(text))}
    return {w for w in words if len(w) >= 4 and w not in _GENERIC_SOURCE_WORDS}


_SOURCE_HEAD_STEMS = frozenset(strip_article(w) for w in _SOURCE_HEADS)
_ANOTHER_SOURCE = frozenset(strip_article(w) for w in forms_with_role("another") | forms_with_role("others"))
_GENERIC_SOURCE_WORDS = (
    frozenset(strip_article(w) for w in forms_with_role("generic_source_word")) | _ANOTHER_SOURCE
)
