"""Demonstrations as ACLED codes them: which words report one, and which of its five kinds it is.

- A demonstration word reports none after a call or a plan ("دعوات للتظاهر"), in a statement of
  support ("أعلن تأييده للاحتجاجات"), before a word that makes it a festival ("تظاهرة ثقافية"), or
  among crowds celebrating; "in protest" after an act of office ("استدعت سفيرها احتجاجا على") is a
  state or an office-holder protesting, no demonstration; nor does a right ("حرية التجمع والتظاهر"),
  or a verb holding to or feigning something ("اعتصم بالصمت", "تظاهر بالمرض"), nor a court's
  ruling ("قضت محكمة بسجن 20 متظاهرا"); nor one after a word of sequence or cause that makes it the
  backdrop of what the sentence tells ("استقالت الحكومة على خلفية الاحتجاجات", "بعد أسابيع من
  التظاهرات"), unless a place, a day or a crowd of its own follows it; nor one that a call, an urging
  or a plan governs from further back in its clause ("دعت لجان التنسيق في المحافظة إلى تظاهرة", "قررت
  النقابة في المدينة تنظيم اعتصام"), nor the demands of demonstrators ("الاستجابة لمطالب المحتجين").
- In a sentence that reports a demonstration, a clash is the demonstration turning violent and a
  shooting the force intervening, not a battle; a killing the demonstrators protest against
  ("احتجاجا على مقتل ...") is their cause, not an event of the sentence.
- A brawl or a crowd's rampage with no demonstration is Mob violence.
- One demonstration is one event of the highest kind (ACLED): demonstrators burning, stoning,
  storming or clashing make a Violent demonstration (Riots), even when the force kills; else
  demonstrators killed or live rounds that wound them make Excessive force against protesters;
  else dispersal, tear gas or arrests make a Protest with intervention; else a Peaceful protest.
  An arrest or a storming the demonstrators protest against ("احتجاجا على اعتقال ...") is their
  cause, not their kind.
- Its demonstrators are "Protesters (X)" (inter 6), or "Rioters (X)" (inter 5) in a riot, and the
  casualties among civilians or unnamed victims are theirs; the size the text gives beside it
  ("تظاهر الآلاف") is its crowd size as ACLED tags it ("thousands"), never a casualty figure; the
  security forces facing it ("قوات الأمن") are its police, as ACLED names them.
- A gathering the text does not call a protest ("تجمع مئات أمام ...", "خرج الآلاف إلى الشوارع") is
  one when a crowd, a public place or its organisers stand beside it, or when it chants or carries
  banners in its clause ("تجمع العشرات مرددين هتافات").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.knowledge.countries import by_iso3
from marsad.lang.ar.clitics import AND, ARTICLE, ITS, stem_in, strip_article
from marsad.lang.ar.lexicon import casualty_triggers, demonstration_cues, forms_with_role, stems_with_role
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import clause_end, clause_start, crosses_clause
from marsad.lang.ar.tokens import WORD, word_after
from marsad.pipeline.document import Doc, EventDraft, Trigger
from marsad.schema import Actor, Claim, Party
from marsad.schema.acled import (
    ARMED_CLASH,
    ARRESTS,
    BATTLES,
    CIVILIANS,
    DEMONSTRATION,
    EVENT_FAMILY,
    EXCESSIVE_FORCE,
    EXPLOSIONS,
    INTER_PROTESTERS,
    INTER_RIOTERS,
    MILITARY_FORCES,
    MOB_VIOLENCE,
    PEACEFUL_PROTEST,
    POLICE_FORCES,
    PROTEST_WITH_INTERVENTION,
    PROTESTERS,
    PROTESTS,
    RIOTERS,
    RIOTS,
    UNKNOWN_VICTIM,
    VIOLENT_DEMONSTRATION,
    of_country,
)

_ARMED = "armed"
_CIVILIAN = "civilian"
# What shows a crowd beside a word of protesting ("قطع أهالي القرية الطريق احتجاجا على ...").
_CROWD_ROLES = (
    "crowd",
    "public_place",
    "gathers",
    "goes_out",
    "gathering",
    "organised",
    "violent_act",
    "intervention",
    "mob",
    "unrest",
)
# A call or a statement governs the demonstration word within this many words after it.
_PLAN_REACH = 3
# "احتجاجا على مقتل شاب برصاص الشرطة": the cause follows the grievance word within these words.
_GRIEVANCE_REACH = 6
# "مظاهرات يوم السبت في مدن عدة احتجاجا على ...": the purpose follows its demonstration word
# within these words.
_PURPOSE_REACH = 8
# "استدعت الأردن سفيرها في طهران احتجاجا على ...": the act of office stands within these words
# before "in protest", or (the subject of "احتجت") within these words after it.
_OFFICE_BEFORE, _OFFICE_AFTER = 8, 2
# "حرية التعبير عن الرأي والتجمع والتظاهر": a right governs the demonstration words listed within
# this many words after it.
_RIGHT_REACH = 6
# "اعتصم محمد بعقلانية هادئة", "تظاهر بالمرض": what the verb holds to stands within these words
# after it (its subject may come between).
_HOLDS_REACH = 3
# "تظاهرة ثقافية": the adjective right after the noun, within this many characters.
_ADJECTIVE_GAP = 2
# A figure this many sentences after a demonstration is still about it.
_FOLLOWING = 2
# "ورددوا هتافات ... هاتفين «لن نسمح بذبح ...»": a quotation opening this many words after a
# chant word is the slogan.
_CHANT_REACH = 3
_NOMINATIVE_PLURAL = "ون"
# "قطعوا الطريق احتجاجا على ...": a past verb whose subject is "they".
_THEY_DID = "وا"
_QUOTE = '"'
_CONTRASTS = forms_with_role("contrast")
_BACKDROP, _BACKDROP_LINK = forms_with_role("backdrop"), forms_with_role("backdrop_link")
# "أثار احتجاجات", "تداعيات الاحتجاجات": a word whose topic or object the demonstration is.
_TOPIC_OF = forms_with_role("topic_of")
# "بعد أسابيع من التظاهرات": the word of sequence stands within these words before "من".
_BACKDROP_REACH = 3
_PREPOSITIONS = forms_with_role("preposition")
# "دعت اللجان التنسيقية في المحافظة إلى تظاهرة", "حثهم على عدم المشاركة في الاحتجاجات", "قررت
# النقابة في المحافظة تنظيم اعتصام": a word of calling, urging or planning, the preposition of what
# it calls for, and what may stand between that and the demonstration word (taking part in it, or
# not; holding it).
_URGING = stems_with_role("urging")
_URGED_TO = forms_with_role("urged_to")
_TAKING_PART, _IN = stems_with_role("taking_part"), "في"
_HOLDING = stems_with_role("holding")
_NEGATION = forms_with_role("negation")
# The caller, its place and the called stand between the word of calling and its preposition.
_CALL_REACH = 10
# What makes each kind of gathering word a demonstration when it stands near it: any of its
# context roles, or (going out) all of them: "خرج المواطنون إلى الشوارع" may be life going back
# to normal, "خرج الآلاف إلى الشوارع" is a demonstration.
_GATHERING_NEEDS = {"gathering": any, "gathers": any, "goes_out": all}
_GATHERING_CONTEXT = {
    "gathering": ("organised", "crowd", "grievance", "manner", "intervention"),
    "gathers": ("crowd", "public_place", "organised"),
    "goes_out": ("public_place", "crowd"),
}
# "تجمع مئات من أنصار الحزب أمام ...": the crowd, its place or its organisers within these words
# after a gathering word, or before it ("شارك المئات في مسيرة").
_GATHERING_AFTER, _GATHERING_BEFORE = 5, 6
# "خرجت قوات الأمن": an armed subject starts within these characters after the verb.
_SUBJECT_CHARS = 3
_ARMED_ROLES = ("armed", "state")
_CROWD = {PROTESTS: (PROTESTERS, INTER_PROTESTERS), RIOTS: (RIOTERS, INTER_RIOTERS)}
# ACLED's words for a crowd's order of magnitude, and for a hedged figure ("crowd size=around 300").
_MAGNITUDES = (
    (1_000_000, "millions"),
    (100_000, "hundreds of thousands"),
    (10_000, "tens of thousands"),
    (1_000, "thousands"),
    (100, "hundreds"),
    (10, "dozens"),
)
_HEDGED = {
    "about": "around {low}",
    "more_than": "more than {above}",
    "at_least": "at least {low}",
    "less_than": "less than {below}",
    "up_to": "up to {high}",
}
# A size stands right after a demonstration word (a day word may come between: "تظاهر الجمعة
# الآلاف"), or a few words before it ("شارك المئات من أنصار الحزب في مسيرة").
_CROWD_AFTER, _CROWD_BEFORE = 1, 4
# "لنحو 30 ثانية", "المتظاهرين الثلاثة": a count of things or of a few people is no crowd.
_THINGS = stems_with_role("counted_thing")
_SMALLEST_CROWD = 10
_YEARS = (1900, 2100)
_VICTIMS_TAKEN = (CIVILIANS, PROTESTERS, RIOTERS, UNKNOWN_VICTIM)
_STATE_PREFIXES = (POLICE_FORCES, MILITARY_FORCES)
_ACTS = ("violent_act", "intervention", "lethal_force")


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    role: str
    size: str = ""
    definite: bool = False
    suffixed: bool = False


def _cues(doc: Doc, index: int) -> list[_Cue]:
    """The sentence's demonstration cues, read once per sentence (several rules ask for them)."""
    sentence = doc.sentences[index]

    def read() -> list[_Cue]:
        return [
            _Cue(
                m.start(),
                m.end(),
                row["role"],
                row["size"],
                ARTICLE in m.group()[: m.start("form") - m.start()],
                m.end() > m.end("form"),
            )
            for m, row in demonstration_cues().finditer(doc.folded, sentence.start, sentence.end)
        ]

    return doc.cached(("demonstration_cues", index), doc.sentences, read)


def _words_between(doc: Doc, start: int, end: int) -> int:
    return len(WORD.findall(doc.folded, start, end)) if start <= end else _PLAN_REACH + _GRIEVANCE_REACH


def _is_demonstration(trigger: Trigger) -> bool:
    return EVENT_FAMILY[trigger.event_type] == DEMONSTRATION


def _no_demonstration(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """A call, a plan, a statement of support, a right, a figure of speech, a festival or a celebration."""
    if _another_noun_with_its(doc, trigger):
        return True
    for cue in cues:
        # "ساحة الحرية" is a square: a right is named without the article ("حرية التظاهر").
        if cue.role == "right" and not cue.definite and _governs(doc, cue, trigger, _RIGHT_REACH):
            return True
        if (
            cue.role == "holds_to"
            and cue.start >= trigger.end
            and _words_between(doc, trigger.end, cue.start) < _HOLDS_REACH
            and not _in_definite(doc, trigger)
        ):
            return True
        if (
            cue.role in ("plan", "support")
            and cue.end <= trigger.start
            and _words_between(doc, cue.end, trigger.start) < _PLAN_REACH
            and not _nominative_plural(doc, trigger)
        ):
            return True
        if (
            cue.role == "court"
            and cue.end <= trigger.start
            and _opens_the_sentence(doc, trigger.sentence, cue)
        ):
            return True
        if cue.role == "not_protest" and 0 <= cue.start - trigger.end <= _ADJECTIVE_GAP:
            return True
        # "مسيرة سلمية مزمعة": another adjective may come between the noun and the plan's.
        if (
            cue.role == "planned"
            and cue.start >= trigger.end
            and _words_between(doc, trigger.end, cue.start) < _HOLDS_REACH
        ):
            return True
        if cue.role == "celebration" and _celebrates(doc, trigger, cue, cues):
            return True
    return (
        _by_office(doc, trigger, cues)
        or _called_for(doc, trigger, cues)
        or _motive_of_an_act(doc, trigger, cues)
        or (_after_a_backdrop_word(doc, trigger) and not _told_of_its_own(doc, trigger, cues))
    )


def _called_for(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """ "دعت اللجان التنسيقية للتظاهرات في المحافظة إلى تظاهرة واسعة", "حثهم على عدم المشاركة في
    الاحتجاجات", "قررت نقابة المعلمين في المحافظة تنظيم اعتصام": a demonstration word after «إلى» or
    «على», or held by a word of holding, that a word of calling, urging or planning governs a few
    words before in its clause is called for or planned, not held."""
    if _names_people(doc, trigger):
        return False
    sentence = doc.sentences[trigger.sentence]
    words = list(WORD.finditer(doc.folded, sentence.start, _first_of_joined(doc, trigger)))
    head = len(words) - 1
    held = head >= 0 and stem_in(words[head].group(), _HOLDING, article=True)
    if held:
        head -= 1
    elif head >= 1 and words[head].group() == _IN and stem_in(words[head - 1].group(), _TAKING_PART, True):
        head -= 2
    if head >= 0 and words[head].group() in _NEGATION:
        head -= 1
    if head >= 0 and words[head].group() in _URGED_TO:
        head -= 1
    elif not held:
        return False
    if head < 0:
        return False
    floor = clause_start(doc.folded, sentence.start, words[head + 1].start())
    window = [w for w in words[max(0, head + 1 - _CALL_REACH) : head + 1] if w.start() >= floor]
    return bool(window) and (
        any(stem_in(word.group(), _URGING, article=True) for word in window)
        or any(c.role == "plan" and window[0].start() <= c.start < window[-1].end() for c in cues)
    )


def _first_of_joined(doc: Doc, trigger: Trigger) -> int:
    """ "إلى تنفيذ إضراب واعتصام": where the demonstration word the trigger is joined to by و
    starts, else where the trigger starts."""
    if not doc.folded.startswith(AND, trigger.start):
        return trigger.start
    before = [
        t
        for t in doc.of_sentence(doc.triggers, trigger.sentence)
        if _is_demonstration(t) and t.end <= trigger.start and not doc.folded[t.end : trigger.start].strip()
    ]
    return before[0].start if before else trigger.start


def _another_noun_with_its(doc: Doc, trigger: Trigger) -> bool:
    """ "الإرهاب بجميع أشكاله ومظاهره", "تظاهره بالسقوط": a one-word demonstration noun the text
    ends with ه, not ة, is another word with "its, his" (مظاهر + ه, manifestations); with the
    article it cannot take the pronoun, and is a demonstration misspelt ("المظاهره")."""
    text = doc.span(trigger.start, trigger.end).text
    return len(text.split()) == 1 and text.endswith(ITS) and not _in_definite(doc, trigger)


def _after_a_backdrop_word(doc: Doc, trigger: Trigger) -> bool:
    """ "استقالت الحكومة على خلفية الاحتجاجات", "بعد أسابيع من التظاهرات الشعبية": the word for a
    demonstration right after a word of sequence or cause, or after "من" that such a word opens a
    few words before, is the backdrop of what the sentence tells, and right after a word whose topic
    it is ("ناقش المجلس تداعيات الاحتجاجات", "أثار القرار احتجاجات", "الاستجابة لمطالب المحتجين")
    what it is about; after a word of sequence or cause its people are a crowd ("تأخر القطار بسبب
    المتظاهرين الذين يقطعون الطرق")."""
    before = WORD.findall(doc.folded, doc.sentences[trigger.sentence].start, trigger.start)
    if not before:
        return False
    if stem_in(before[-1], _TOPIC_OF):
        return True
    if _names_people(doc, trigger):
        return False
    if stem_in(before[-1], _BACKDROP):
        return True
    return before[-1] in _BACKDROP_LINK and any(
        stem_in(word, _BACKDROP) for word in before[-_BACKDROP_REACH - 1 : -1]
    )


def _told_of_its_own(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """ "بعد احتجاجات في مدينة الحسيمة", "عقب مظاهرة الجمعة", "إثر تظاهر الآلاف": a place, a day or a
    crowd in the clause after the demonstration word tells it as an event of its own."""
    sentence = doc.sentences[trigger.sentence]
    end = clause_end(doc.folded, trigger.end, sentence.end)
    words = list(WORD.finditer(doc.folded, trigger.end, end))[:_PURPOSE_REACH]
    end = words[-1].end() if words else trigger.end
    return (
        bool(doc.within(doc.places, trigger.end, end))
        or any(d.precision == 1 for d in doc.within(doc.dates, trigger.end, end))
        or any(_size_of(q) for q in doc.within(doc.quantities, trigger.end, end))
        or any(c.role in ("crowd", "public_place") and trigger.end <= c.start < end for c in cues)
    )


def _opens_the_sentence(doc: Doc, index: int, cue: _Cue) -> bool:
    """ "أصدرت المحكمة", "قضت محكمة": the subject right after the sentence's verb, not a place
    ("أمام المحكمة") nor a speaker ("وأفاد القاضي أن المتظاهرين ...")."""
    before = WORD.findall(doc.folded, doc.sentences[index].start, cue.start)
    return (
        len(before) <= 1
        and not any(stem_in(word, _PREPOSITIONS) for word in before)
        and not any(a.start <= cue.start < a.end for a in doc.attributions.get(index, []))
    )


def _governs(doc: Doc, cue: _Cue, trigger: Trigger, reach: int) -> bool:
    """Whether the cue stands over the trigger: it holds it ("حق التظاهر") or opens its clause within
    `reach` words before it ("حرية التعبير والتجمع والتظاهر")."""
    if cue.start <= trigger.start < cue.end:
        return True
    return (
        cue.end <= trigger.start
        and _words_between(doc, cue.end, trigger.start) < reach
        and not crosses_clause(doc.folded[cue.end : trigger.start])
    )


def _in_definite(doc: Doc, trigger: Trigger) -> bool:
    """ "اتسمت التظاهرات بالهدوء": a definite noun is the demonstration, not a verb holding to something."""
    word = doc.folded[trigger.start : trigger.end].split()[0]
    return strip_article(word) != word


def _grievance_word(trigger: Trigger, cues: list[_Cue]) -> bool:
    """Whether the trigger is a word of protesting ("احتجاجا على", "احتج") rather than a word for a
    demonstration ("تظاهر المئات أمام السفارة")."""
    return any(c.role == "grievance" and c.start <= trigger.start < c.end for c in cues)


def _by_office(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """ "استدعت الخارجية سفيرها احتجاجا على ...", "احتجت وزارة الخارجية على ...": a state or an
    office-holder protesting by an act of office (a recall, a note, a resignation, a walkout)."""
    if not _grievance_word(trigger, cues):
        return False
    for cue in (c for c in cues if c.role == "office"):
        if cue.end <= trigger.start:
            start, end, reach = cue.end, trigger.start, _OFFICE_BEFORE
        elif cue.start >= trigger.end:
            start, end, reach = trigger.end, cue.start, _OFFICE_AFTER
        else:
            continue
        if _words_between(doc, start, end) < reach and not crosses_clause(doc.folded[start:end]):
            return True
    return False


def _motive_of_an_act(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """ "انسحب الفريق من المباراة احتجاجا على ...", "دخل المدرب أرض الملعب احتجاجا على ...": a word
    of protesting with no crowd and no word for a demonstration beside it says why someone acted,
    not that people demonstrated."""
    return (
        _grievance_word(trigger, cues)
        and not _demonstration_word_near(doc, trigger.sentence)
        and not _crowd_in(doc, trigger, cues)
    )


def _crowd_in(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """ "قطع أهالي القرية الطريق احتجاجا على ...", "خرج الآلاف احتجاجا على ...", "وأغلقوا الطريق
    احتجاجا على ...": people, a crowd's size, its place or its acts in the sentence of the trigger, or
    a verb whose subject is "they"; the people a demonstration is against are no crowd of it."""
    sentence = doc.sentences[trigger.sentence]
    return (
        any(c.role in _CROWD_ROLES for c in cues)
        or any(
            a.role == _CIVILIAN and not _protested(doc, a.start, cues)
            for a in doc.in_sentence(doc.actors, trigger.sentence)
        )
        or any(_size_of(q) for q in doc.within(doc.quantities, sentence.start, sentence.end))
        or any(
            len(word) > len(_THEY_DID) + 1 and word.endswith(_THEY_DID)
            for word in WORD.findall(doc.folded, sentence.start, trigger.start)
        )
    )


def _demonstration_word_near(doc: Doc, index: int) -> bool:
    """ "انطلقت مظاهرات الجمعة في مدينة المحمرة جنوب غربي إيران، احتجاجا على ...", "تظاهر المئات
    أمام الوزارة. ويأتي ذلك احتجاجا على ...": a word for a demonstration (not one of protesting) in
    the sentence or the one before, which the word of protesting goes on telling."""
    for i in range(max(index - 1, 0), index + 1):
        cues = _cues(doc, i)
        if any(
            _is_demonstration(t) and not _grievance_word(t, cues) for t in doc.of_sentence(doc.triggers, i)
        ):
            return True
    return False


def _reported_demonstrations(doc: Doc, triggers: list[Trigger], cues: list[_Cue]) -> list[Trigger]:
    """The demonstration words of a sentence that report one; "احتجاجا على" says why the
    demonstration word before it was held, and reports none when that word reports none
    ("ستخرج مظاهرات يوم السبت احتجاجا على الزيارة")."""
    reported, previous = [], None
    for trigger in (t for t in triggers if _is_demonstration(t)):
        why = _grievance_word(trigger, cues)
        if why and previous is not None and _words_between(doc, previous.end, trigger.start) < _PURPOSE_REACH:
            held = previous in reported
        else:
            held = not _no_demonstration(doc, trigger, cues)
        if held:
            reported.append(trigger)
        previous = trigger
    return reported


def _nominative_plural(doc: Doc, trigger: Trigger) -> bool:
    """ "ودعا متظاهرون إلى الإفراج عن ...": a plural in -ون is the subject of the call, the
    demonstrators who make it, where "دعوات للتظاهر" calls for a demonstration still to come."""
    return doc.folded.endswith(_NOMINATIVE_PLURAL, trigger.start, trigger.end)


def _celebrates(doc: Doc, trigger: Trigger, cue: _Cue, cues: list[_Cue]) -> bool:
    """A crowd celebrating in the clause of the demonstration word ("خرج آلاف المشجعين احتفالا
    بالفوز"), not a celebration the demonstrators protest against ("احتجاجا على إلغاء احتفالات
    المولد") or another crowd's in another clause ("في حين ...")."""
    start, end = (trigger.end, cue.start) if cue.start >= trigger.end else (cue.end, trigger.start)
    return not _contrast_between(doc, start, end) and not any(
        c.role == "grievance" and start <= c.start < end for c in cues
    )


def _contrast_between(doc: Doc, start: int, end: int) -> bool:
    words = f" {' '.join(WORD.findall(doc.folded, start, end))} "
    return any(f" {link} " in words for link in _CONTRASTS)


def _protested(doc: Doc, start: int, cues: list[_Cue]) -> bool:
    """Whether what starts at `start` is what a demonstration is against ("تنديدا بالغارات")."""
    return any(
        c.role == "grievance" and c.end <= start and _words_between(doc, c.end, start) < _GRIEVANCE_REACH
        for c in cues
    )


def protested_against(doc: Doc, start: int) -> bool:
    """Whether what starts at `start` is what a demonstration in its sentence is against ("يدينون
    تنظيم داعش", "تطالب بوقف القتال ضد حزب العمال الكردستاني")."""
    return _protested(doc, start, _cues(doc, doc.sentence_of(start)))


def _chanted(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """Whether the trigger stands in a quotation that a chant word opens ("مرددين «الموت لـ...»")."""
    sentence = doc.sentences[trigger.sentence]
    opening = doc.folded.rfind(_QUOTE, sentence.start, trigger.start)
    if opening == -1 or doc.folded.count(_QUOTE, sentence.start, trigger.start) % 2 == 0:
        return False
    return any(
        c.role == "chant" and c.end <= opening and _words_between(doc, c.end, opening) < _CHANT_REACH
        for c in cues
    )


def _gatherings(doc: Doc) -> list[Trigger]:
    """Gatherings the text does not call protests: "تجمع مئات من أنصار الحزب", "خرج الآلاف إلى
    الشوارع", "شارك المئات في مسيرة" (demonstration_cues.tsv says what each word needs beside
    it); worshippers, fans or pilgrims make none, nor armed men ("خرجت قوات الأمن إلى الشوارع")."""
    found = []
    for index in range(len(doc.sentences)):
        cues = _cues(doc, index)
        for cue in cues:
            # "التجمع" is a party or a bloc, "مسيرتها" a career or a journey.
            if (
                cue.role not in _GATHERING_CONTEXT
                or cue.suffixed
                or (cue.role != "gathering" and cue.definite)
            ):
                continue
            # "مسيرة سلمية" is a march, "مسيرة الإصلاح السلمية" a political process.
            near = {
                c.role
                for c in cues
                if c is not cue and _near_gathering(doc, cue, c) and not (c.role == "manner" and c.definite)
            }
            if (
                (
                    _GATHERING_NEEDS[cue.role](role in near for role in _GATHERING_CONTEXT[cue.role])
                    or _chanting(doc, cue, cues)
                )
                and "not_crowd" not in near
                and not _armed_subject(doc, cue)
                and not doc.within(doc.triggers, cue.start, cue.end)
            ):
                found.append(Trigger(cue.start, cue.end, PROTESTS, PEACEFUL_PROTEST, True, index))
    return found


def _chanting(doc: Doc, gathering: _Cue, cues: list[_Cue]) -> bool:
    """ "تجمع عدد من أنصار الحزب بعد الظهر في ساحة البلدة مرددين هتافات مناهضة للحكومة", "خرج الطلاب
    من الجامعة رافعين لافتات": people gathering or going out who chant or carry banners in its clause
    are demonstrating ("احتشد الفرنسيون في الساحات، رافعين أصواتهم إعجابا بالمنتخب" cheer)."""
    end = clause_end(doc.folded, gathering.end, doc.sentences[doc.sentence_of(gathering.start)].end)
    return any(c.role == "chant" and gathering.end <= c.start < end for c in cues)


def _near_gathering(doc: Doc, gathering: _Cue, other: _Cue) -> bool:
    if other.start >= gathering.end:
        return _words_between(doc, gathering.end, other.start) < _GATHERING_AFTER
    return (
        other.end <= gathering.start and _words_between(doc, other.end, gathering.start) < _GATHERING_BEFORE
    )


def _armed_subject(doc: Doc, gathering: _Cue) -> bool:
    return any(
        a.role in _ARMED_ROLES for a in doc.within(doc.actors, gathering.end, gathering.end + _SUBJECT_CHARS)
    )


def retype_triggers(doc: Doc) -> None:
    """Drop demonstration words that report none, and read the violence words of a sentence
    reporting a demonstration (or a brawl) as what happened at it."""
    doc.triggers = sorted(doc.triggers + _gatherings(doc), key=lambda t: t.start)
    kept: list[Trigger] = []
    for index in sorted({t.sentence for t in doc.triggers} | _mob_sentences(doc)):
        triggers = doc.of_sentence(doc.triggers, index)
        cues = _cues(doc, index)
        demonstrations = _reported_demonstrations(doc, triggers, cues)
        mob = next((c for c in cues if c.role == "mob"), None) if not demonstrations else None
        for trigger in triggers:
            if _is_demonstration(trigger):
                if trigger in demonstrations:
                    kept.append(trigger)
            elif (demonstrations or mob) and (
                _protested(doc, trigger.start, cues) or _chanted(doc, trigger, cues)
            ):
                continue
            elif demonstrations and (trigger.event_type == BATTLES or _thrown(doc, trigger, cues)):
                kept.append(as_demonstration(trigger))
            elif mob is not None and trigger.event_type == BATTLES:
                kept.append(replace(trigger, event_type=RIOTS, sub_event_type=MOB_VIOLENCE))
            else:
                kept.append(trigger)
        if mob is not None and not triggers:
            kept.append(Trigger(mob.start, mob.end, RIOTS, MOB_VIOLENCE, True, index))
    doc.triggers = sorted(kept + _casualties_of_demonstrations(doc, kept), key=lambda t: t.start)
    by_sentence: dict[int, list[Trigger]] = {}
    for trigger in kept:
        by_sentence.setdefault(trigger.sentence, []).append(trigger)
    doc.claims = [c for c in doc.claims if not _counts_the_crowd(doc, c, by_sentence.get(c.sentence, []))]


def _counts_the_crowd(doc: Doc, claim, triggers: list[Trigger]) -> bool:
    """ "تظاهر المئات تنديدا بمقتل ...": the number right after a demonstration verb is its crowd,
    not the count of a killing named further on; "آلاف الكتالونيين ينددون باعتقال ..." counts those
    who protest an arrest, not the arrested. `triggers` are those of the claim's sentence."""
    if casualty_triggers().pattern.match(doc.folded, claim.start) is not None:
        return False
    return any(
        _is_demonstration(t) and t.end <= claim.start and _words_between(doc, t.end, claim.start) == 0
        for t in triggers
    ) or any(
        c.role == "grievance" and claim.start < c.start and c.end < claim.end
        for c in _cues(doc, claim.sentence)
    )


def crowd_size(doc: Doc, draft: EventDraft) -> str | None:
    """ACLED's crowd size tag of a demonstration: the first size the text gives beside one of its
    demonstration words ("تظاهر الآلاف" thousands, "نحو 300 متظاهر" around 300, "مظاهرة حاشدة"
    large); a figure that is a casualty claim's is no crowd."""
    counted = [(c.start, c.end) for c in doc.claims]
    for trigger in sorted((t for t in draft.triggers if _is_demonstration(t)), key=lambda t: t.start):
        sentence = doc.sentences[trigger.sentence]
        sizes = [
            (q.start, q.end, _size_of(q))
            for q in doc.within(doc.quantities, sentence.start, sentence.end)
            if strip_article(word_after(doc.folded, q.end)) not in _THINGS
        ]
        sizes += [(c.start, c.end, c.size) for c in _cues(doc, trigger.sentence) if c.role == "crowd"]
        beside = [
            size
            for start, end, size in sorted(sizes)
            if size
            and _beside(doc, trigger, start, end)
            and not any(first <= start < last for first, last in counted)
            and not _counts_events(doc, trigger, end)
        ]
        if beside:
            return beside[0]
    return None


def _counts_events(doc: Doc, trigger: Trigger, end: int) -> bool:
    """ "أكثر من 71 مظاهرة": a number right before a word for the act (not its people) counts acts."""
    return (
        end <= trigger.start
        and _words_between(doc, end, trigger.start) == 0
        and not _names_people(doc, trigger)
    )


def _names_people(doc: Doc, trigger: Trigger) -> bool:
    """ "المتظاهرين", "محتجون": the word names the people demonstrating, not the act."""
    return any(a.start <= trigger.start < a.end for a in doc.actors)


def _beside(doc: Doc, trigger: Trigger, start: int, end: int) -> bool:
    """ "تظاهر الآلاف", "مظاهرة حاشدة", "تظاهر في الرباط مساء الثلاثاء المئات" (right after it, but
    for the place and the day it is told at), "آلاف المتظاهرين", "شارك المئات من أنصار الحزب في
    مسيرة" (a few words before it, in its clause); not a figure of another clause ("خوفا من اتساع
    المواجهات، بينهم نحو 60 أميركيا")."""
    if start >= trigger.end:
        return _subject_after(doc, trigger.end, start)
    return (
        end <= trigger.start
        and _words_between(doc, end, trigger.start) <= _CROWD_BEFORE
        and not crosses_clause(doc.folded[end : trigger.start])
    )


def _subject_after(doc: Doc, start: int, end: int) -> bool:
    """Whether what ends at `end` is the subject of the demonstration word ending at `start`: the
    words between, but for the days and places named there, are at most a preposition, and none
    stands behind a clause mark."""
    gap = list(doc.folded[start:end])
    for mention in (*doc.within(doc.dates, start, end), *doc.within(doc.places, start, end)):
        gap[mention.start - start : mention.end - start] = " " * (min(mention.end, end) - mention.start)
    rest = "".join(gap)
    words = WORD.findall(rest)
    return len(words) <= _CROWD_AFTER and not (words and crosses_clause(rest))


def _size_of(quantity) -> str | None:
    """ "الآلاف" thousands, "عشرات الآلاف" tens of thousands, "نحو 300" around 300; "عدد من" says none."""
    if quantity.vague:
        if quantity.low is None or quantity.high is None:
            return None
        return next((word for floor, word in _MAGNITUDES if quantity.low >= floor), None)
    if quantity.low is None and quantity.high is None or (quantity.high or quantity.low) < _SMALLEST_CROWD:
        return None
    if quantity.text.isdigit() and _YEARS[0] <= quantity.low <= _YEARS[1]:
        return None  # "احتجاجات 2009": a year
    return _HEDGED.get(quantity.hedge, "{low}").format(
        low=quantity.low, high=quantity.high, below=(quantity.high or 0) + 1, above=(quantity.low or 1) - 1
    )


def _casualties_of_demonstrations(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """In a report of demonstrations and no fighting, a figure told in a sentence of its own right
    after one ("وقتل شخص وأصيب 15 آخرون") counts the demonstration's casualties."""
    if not any(_is_demonstration(t) for t in triggers) or any(
        not _is_demonstration(t) and t.strong for t in triggers
    ):
        return []
    by_sentence = {t.sentence: t for t in triggers}
    added = []
    for claim in doc.claims:
        if claim.sentence in by_sentence or claim.kind not in ("killed", "injured") or claim.low is None:
            continue
        before = [i for i in by_sentence if claim.sentence - _FOLLOWING <= i < claim.sentence]
        if before and _is_demonstration(by_sentence[max(before)]):
            added.append(Trigger(claim.start, claim.end, PROTESTS, PEACEFUL_PROTEST, False, claim.sentence))
            by_sentence[claim.sentence] = added[-1]
    return added


def at_a_demonstration(doc: Doc, index: int, triggers: list[Trigger]) -> bool:
    """Whether violence told in a sentence of its own may be what happened at a demonstration the
    article reports: clashes, shooting, casualties or explosives a crowd throws ("ألقوا متفجرات"),
    and the arrests the police make at them ("اشتباكات عنيفة أوقفت على إثرها الشرطة 109 أشخاص"),
    with no armed group named and no weapon of war (a bombing or an air strike beside a protest is
    an event of its own)."""
    cues = _cues(doc, index)
    if any(
        (t.event_type != BATTLES or t.sub_event_type != ARMED_CLASH)
        and t.sub_event_type != ARRESTS
        and not _thrown(doc, t, cues)
        for t in triggers
    ):
        return False
    return not any(a.role == _ARMED for a in doc.in_sentence(doc.actors, index))


def _thrown(doc: Doc, trigger: Trigger, cues: list[_Cue]) -> bool:
    """ "ألقوا متفجرات": an explosive right after a crowd's verb of throwing."""
    return trigger.event_type == EXPLOSIONS and any(
        c.role == "throws" and c.end <= trigger.start and _words_between(doc, c.end, trigger.start) == 0
        for c in cues
    )


def as_demonstration(trigger: Trigger) -> Trigger:
    """A clash at a demonstration is it turning violent; a shooting or an arrest, the force
    intervening."""
    if trigger.strong and trigger.sub_event_type != ARRESTS:
        return replace(trigger, event_type=RIOTS, sub_event_type=VIOLENT_DEMONSTRATION, needs_party=False)
    return replace(trigger, event_type=PROTESTS, sub_event_type=PROTEST_WITH_INTERVENTION, needs_party=False)


def _mob_sentences(doc: Doc) -> set[int]:
    """Sentences with a brawl word and a figure but no event word ("قتل ثلاثة في شجار")."""
    counted = {c.sentence for c in doc.claims if c.kind in ("killed", "injured")}
    return {i for i in counted if any(c.role == "mob" for c in _cues(doc, i))}


def demonstration_type(doc: Doc, draft: EventDraft) -> tuple[str, str]:
    """The highest of ACLED's five kinds that the event's sentences report."""
    subs = {t.sub_event_type for t in draft.triggers}
    if MOB_VIOLENCE in subs and not any(t.event_type == PROTESTS for t in draft.triggers):
        return RIOTS, MOB_VIOLENCE
    # A sentence may tell two demonstrations ("فرقت الشرطة متظاهرين بعد صدامات، ونظمت تجمعات
    # أخرى في بيرث"): only what its own stretches tell makes this one violent.
    cues = {
        index: [c for c in _cues(doc, index) if not draft.spans or draft.tells(c.start)]
        for index in draft.sentences
    }
    roles = {
        c.role
        for found in cues.values()
        for c in found
        if not _forestalled(doc, c, found) and not _protested_act(doc, c, found)
    }
    hurt = [
        c
        for c in draft.claims
        if c.kind in ("killed", "injured")
        and c.low != 0
        and not _protested(doc, c.victim_start if c.victim_start is not None else c.start, cues[c.sentence])
    ]
    if VIOLENT_DEMONSTRATION in subs or "violent_act" in roles or any(_is_state(c.victim_name) for c in hurt):
        return RIOTS, VIOLENT_DEMONSTRATION
    if any(c.kind == "killed" for c in hurt) or ("lethal_force" in roles and hurt):
        return PROTESTS, EXCESSIVE_FORCE
    taken = [
        c for c in draft.claims if c.kind == "captured" and not _protested(doc, c.start, cues[c.sentence])
    ]
    if PROTEST_WITH_INTERVENTION in subs or roles & {"intervention", "lethal_force"} or taken:
        return PROTESTS, PROTEST_WITH_INTERVENTION
    return PROTESTS, PEACEFUL_PROTEST


def _forestalled(doc: Doc, cue: _Cue, cues: list[_Cue]) -> bool:
    """ "انتشرت الشرطة تحسبا لأي أعمال عنف": violence or force a precaution or a plan governs did
    not happen."""
    return cue.role in _ACTS and any(
        c.role == "plan" and c.end <= cue.start and _words_between(doc, c.end, cue.start) < _PLAN_REACH
        for c in cues
    )


def _protested_act(doc: Doc, cue: _Cue, cues: list[_Cue]) -> bool:
    """ "احتجاجا على اعتقال الرئيس السابق", "تنديدا باقتحام المسجد": an arrest or a storming the
    demonstrators protest against, in the clause of their grievance, is its cause, not what they
    or the police did."""
    return cue.role in _ACTS and any(
        c.role == "grievance"
        and c.end <= cue.start
        and _words_between(doc, c.end, cue.start) < _GRIEVANCE_REACH
        and not crosses_clause(doc.folded[c.end : cue.start])
        for c in cues
    )


def _is_state(name: str) -> bool:
    return name.startswith(_STATE_PREFIXES)


def as_demonstrators(
    event_type: str, location, actors: list[Actor], claims: list[Claim]
) -> tuple[list[Actor], list[Claim]]:
    """The crowd of a demonstration named as ACLED names it, with its casualties, and the security
    forces facing it as its police."""
    actors, claims = _as_police(actors, claims)
    prefix, inter = _CROWD[event_type]
    country = _country(location, actors)
    if country is None:
        return actors, claims
    name = of_country(prefix, country.name)
    crowd = next((a for a in actors if a.name.startswith(_VICTIMS_TAKEN[:3])), None)
    others = [a for a in actors if not a.name.startswith(_VICTIMS_TAKEN[:3])]
    if crowd is None:
        crowd = Actor(name=name, text="", inter=inter, country=country.iso3)
    crowd = crowd.model_copy(update={"name": name, "inter": inter, "country": country.iso3})
    renamed = [
        c.model_copy(update={"victim": Party(name=name, text=c.victim.text, span=c.victim.span)})
        if c.victim.name.startswith(_VICTIMS_TAKEN)
        else c
        for c in claims
    ]
    return [crowd, *others], renamed


def _as_police(actors: list[Actor], claims: list[Claim]) -> tuple[list[Actor], list[Claim]]:
    """ "أطلقت قوات الأمن الغاز المسيل للدموع": ACLED names the security forces facing a crowd its
    Police Forces (of the same regime period); forces the text calls the army stay Military Forces."""
    police = {
        a.name: POLICE_FORCES + a.name[len(MILITARY_FORCES) :]
        for a in actors
        if a.name.startswith(MILITARY_FORCES) and _security_forces(a.text)
    }
    if not police:
        return actors, claims
    renamed = [
        c.model_copy(update={"victim": c.victim.model_copy(update={"name": police[c.victim.name]})})
        if c.victim.name in police and _security_forces(c.victim.text)
        else c
        for c in claims
    ]
    return [a.model_copy(update={"name": police.get(a.name, a.name)}) for a in actors], renamed


def _security_forces(text: str) -> bool:
    """ "قوات الأمن", "القوات الأمنية": forces the text calls security, not the army."""
    folded = fold(text.strip())
    return any(
        m.span() == (0, len(folded)) and row["role"] == "security"
        for m, row in demonstration_cues().finditer(folded)
    )


def _country(location, actors: list[Actor]):
    if location is not None and location.country:
        return by_iso3(location.country)
    iso = next((a.country for a in actors if a.country and a.name.startswith(_VICTIMS_TAKEN[:3])), None)
    return by_iso3(iso) if iso else None
