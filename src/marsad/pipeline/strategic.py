"""Strategic developments that an explosive weapon's word can hide.

An explosive weapon named as the object of an interception, a defusal or a seizure ("اعترضت
الدفاعات الجوية صاروخا", "تفكيك عبوة ناسفة", "ضبط متفجرات") never struck: ACLED codes it as
Disrupted weapons use, fatalities 0 unless the report gives deaths. A drone brought down
("أسقطت طائرة مسيرة") is disrupted; the bombs an aircraft drops are not. An arrest word where
people are killed tells captives of the fighting, not an arrest; one after a warrant's or a
detention place's noun ("مذكرة توقيف", "مراكز احتجاز") tells no arrest made; and the violence
named after an arrest as what those taken confessed to or are charged with ("اعترفوا باشتراكهم في
مجزرة") is the charge, not an incident.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.lang.ar.clitics import AND, ARTICLE, stem_in, strip_article
from marsad.lang.ar.lexicon import forms_with_role, stems_with_role
from marsad.lang.ar.sentences import clause_start
from marsad.lang.ar.tokens import WORD, last_words, word_before
from marsad.pipeline.document import Doc, Trigger
from marsad.schema.acled import (
    ABDUCTION,
    AIR_DRONE_STRIKE,
    ARRESTS,
    BATTLES,
    DISRUPTED_WEAPONS_USE,
    EXPLOSIONS,
    GOVERNMENT_REGAINS_TERRITORY,
    MILITARY_FORCES,
    NON_STATE_OVERTAKES_TERRITORY,
    NON_VIOLENT_TRANSFER,
    REMOTE_EXPLOSIVE,
    STRATEGIC_DEVELOPMENTS,
)

# Verbs that stop one kind of weapon only: a drone is brought down, a bomb defused.
_NARROW_VERBS = {AIR_DRONE_STRIKE: "downs", REMOTE_EXPLOSIVE: "defuses"}
# "قتلوا أو اعتقلوا", "قتل ثلاثة واعتقل اثنان": people taken in a fight that kills are its captives,
# part of the fighting (ACLED), not an arrest of their own.
_KILLING = ("killed", "killed_or_captured")
_CAPTURED = "captured"
_DISRUPTED = (STRATEGIC_DEVELOPMENTS, DISRUPTED_WEAPONS_USE)
# The verb governs its object within this many words ("اعترضت الدفاعات الجوية السعودية صاروخا").
_OBJECT_REACH = 4
_LIST_REACH = 8
_RELATIVES = forms_with_role("relative")
_POLITICAL_CHARGES = stems_with_role("political_charge")
_ARMY = f"{MILITARY_FORCES} of"
_UNMADE_ARREST = stems_with_role("unmade_arrest")
_SUSPICION = stems_with_role("suspicion")
# "في انفجار عبوة ناسفة، الجمعة": a day within these words after the charged act is its own.
_DAY_REACH = 3


def retype_triggers(doc: Doc) -> None:
    killing = {c.sentence for c in doc.claims if c.kind in _KILLING}
    stopped: set[tuple[int, str]] = set()  # (sentence, weapon word) intercepted there
    doc.triggers = [t for t in doc.triggers if not _held_for(doc, t)]
    kept = []
    for trigger in doc.triggers:
        if trigger.sub_event_type == ARRESTS and (
            trigger.sentence in killing
            or unmade_arrest(doc.folded, trigger.start)
            or not political_arrest(doc, trigger.sentence)
            or _takes_hostages(doc, trigger)
        ):
            continue
        word = strip_article(doc.folded[trigger.start : trigger.end])
        # "اعترضت الدفاعات صاروخين ... وتسببت شظايا الصاروخين": the definite word names them again.
        again = (trigger.sentence, word) in stopped and doc.folded.startswith(ARTICLE, trigger.start)
        if again or _stopped(doc, trigger):
            stopped.add((trigger.sentence, word))
            trigger = _disrupted(trigger)
        kept.append(trigger)
    doc.triggers = kept


def unmade_arrest(text: str, start: int) -> bool:
    """ "مذكرات توقيف بحق 205 أشخاص", "أوامر اعتقال", "مراكز احتجاز المهاجرين": the arrest word names
    a warrant, an order or a place of detention, not an arrest made."""
    return stem_in(word_before(text, start), _UNMADE_ARREST, article=True)


def _held_for(doc: Doc, trigger: Trigger) -> bool:
    """ "ألقت القبض على ثمانية إرهابيين ... والمتهمون اعترفوا باشتراكهم في ارتكاب مجزرة", "مذكرات
    توقيف ضد أشخاص متورطين في ... تعذيب وقتل": after an arrest word, violence named after a word of
    confession, involvement or charge in its clause is what those taken are held for."""
    if trigger.sub_event_type == ARRESTS:
        return False
    text = doc.folded
    opening = clause_start(text, doc.sentences[trigger.sentence].start, trigger.start)
    cues = [
        w.start()
        for w in WORD.finditer(text, opening, trigger.start)
        if stem_in(w.group(), _SUSPICION, article=True)
    ]
    if not cues or _told_as_news(doc, trigger, cues[-1]):
        return False
    return any(
        t.sub_event_type == ARRESTS and t.end <= cues[-1]
        for t in doc.of_sentence(doc.triggers, trigger.sentence)
    )


def _told_as_news(doc: Doc, trigger: Trigger, cue: int) -> bool:
    """ "يشتبه بتورطها في انفجار عبوة ناسفة، الجمعة", "المشتبه بتنفيذ الهجوم الذي أسفر عن مقتل
    خمسة": a day right after the charged act, or a toll after the charge, tells it as news of its own."""
    end = doc.sentences[trigger.sentence].end
    following = [w.end() for w in WORD.finditer(doc.folded, trigger.end, end)][:_DAY_REACH]
    reach = following[-1] if following else trigger.end
    return any(d.precision == 1 for d in doc.within(doc.dates, trigger.end, reach)) or any(
        c.kind != _CAPTURED and c.start > cue for c in doc.of_sentence(doc.claims, trigger.sentence)
    )


def _takes_hostages(doc: Doc, trigger: Trigger) -> bool:
    """ "احتجزت الجبهة 68 رهينة": holding hostages is an abduction, never an arrest."""
    return any(
        t.sub_event_type == ABDUCTION
        and t.start >= trigger.end
        and len(WORD.findall(doc.folded, trigger.end, t.start)) < _OBJECT_REACH
        for t in doc.of_sentence(doc.triggers, trigger.sentence)
    )


def _disrupted(trigger: Trigger) -> Trigger:
    event_type, sub_event_type = _DISRUPTED
    return replace(
        trigger, event_type=event_type, sub_event_type=sub_event_type, strong=True, needs_party=False
    )


def _stopped(doc: Doc, trigger: Trigger) -> bool:
    if trigger.event_type != EXPLOSIONS:
        return False
    floor = doc.sentences[trigger.sentence].start
    # "صادرت أسلحة وذخيرة وعبوات ناسفة": the last of the things seized is further from the verb.
    reach = _LIST_REACH if doc.folded.startswith(AND, trigger.start) else _OBJECT_REACH
    words = {strip_article(w) for w in last_words(doc.folded, floor, trigger.start, reach)}
    if words & stems_with_role("disrupts") or _after_air_defences(doc, floor, trigger.start):
        return True
    narrow = _NARROW_VERBS.get(trigger.sub_event_type)
    return narrow is not None and bool(words & stems_with_role(narrow))


# "تصدت الدفاعات الجوية للجيش السوداني لهجوم بطائرات": the weapon within these words of the defences.
_DEFENCE_REACH = 8


def _after_air_defences(doc: Doc, floor: int, start: int) -> bool:
    window = " ".join(last_words(doc.folded, floor, start, _DEFENCE_REACH))
    return any(phrase in window for phrase in forms_with_role("air_defence"))


def political_arrest(doc: Doc, index: int) -> bool:
    """An arrest is news of conflict in a report of fighting or demonstrations, when those taken
    are an armed group's or the army takes them, or when the charge is political ("خلية إرهابية",
    "الانتماء إلى تنظيم");
    a murder suspect's arrest is crime news (not an ACLED event)."""
    if any(t.strong and t.event_type != STRATEGIC_DEVELOPMENTS for t in doc.triggers):
        return True
    # Those taken are an armed group's, or the army takes them (soldiers do not arrest for theft).
    if any(a.role == "armed" or a.name.startswith(_ARMY) for a in doc.in_sentence(doc.actors, index)):
        return True
    sentence = doc.sentences[index]
    return any(
        strip_article(word) in _POLITICAL_CHARGES
        for word in WORD.findall(doc.folded, sentence.start, sentence.end)
    )


# "سيطرت قوات الدعم السريع على مدينة ود مدني": the verb, its subject, then على and the place.
_CONTROL_REACH = 5  # words between the verb and its على
_ON = "علي"  # على, folded
_TAKES_CONTROL = stems_with_role("takes_control")


def territory_triggers(doc: Doc) -> list[Trigger]:
    """A force taking a town: "سيطرت قوات X على مدينة Y" with the place named right after على,
    in a main clause (not "التي سيطرت عليها", a description); the state's forces regain
    territory, any other force overtakes it (ACLED)."""
    found = []
    # "سيطر المقاتلون على البلدة بعد انسحاب القوات منها دون مقاومة": taken without a fight, the town
    # changed hands (the sentence's transfer word types it), no battle.
    peaceful = {t.sentence for t in doc.triggers if t.sub_event_type == NON_VIOLENT_TRANSFER}
    for index, sentence in enumerate(doc.sentences):
        text = doc.folded[sentence.start : sentence.end]
        if index in peaceful or not any(form in text for form in _TAKES_CONTROL):
            continue  # no word of taking control here, with or without the article
        words = list(WORD.finditer(doc.folded, sentence.start, sentence.end))
        for at, word in enumerate(words):
            if strip_article(word.group()) not in _TAKES_CONTROL or (
                at and words[at - 1].group() in _RELATIVES
            ):
                continue
            on = next(
                (
                    i
                    for i in range(at + 1, min(len(words), at + _CONTROL_REACH + 2))
                    if words[i].group() == _ON
                ),
                None,
            )
            if on is None or on + 1 >= len(words):
                continue
            place = next(
                iter(doc.within(doc.places, words[on + 1].start(), words[min(on + 2, len(words) - 1)].end())),
                None,
            )
            if place is None:
                continue
            subject = next(
                (
                    a
                    for a in doc.within(doc.actors, word.end(), words[on].start())
                    if a.role in ("state", "armed")
                ),
                None,
            ) or _subject_before(doc, words, at)
            if subject is None:
                continue
            sub_type = (
                GOVERNMENT_REGAINS_TERRITORY if subject.role == "state" else NON_STATE_OVERTAKES_TERRITORY
            )
            found.append(Trigger(word.start(), word.end(), BATTLES, sub_type, True, index, False))
    return found


# "واصلت قوات الجيش تقدمها، إذ تمكنت من بسط سيطرتها على مدينة زنجبار": the force named first, as
# the subject of the clause the verb continues, stands this many words before it.
_SUBJECT_REACH = 16
_COMPLEMENTS = forms_with_role("complement")


def _subject_before(doc: Doc, words: list, at: int):
    """The force that takes control, named before the verb in its sentence: the first armed or
    state actor within reach, after the last "أن" or "إن" ("أعلن الجيش أن مسلحين سيطروا على":
    the gunmen, not the army that speaks); its allies ("مدعومة بالمقاومة") come after it."""
    first = max(0, at - _SUBJECT_REACH)
    opens = [i for i in range(first, at) if words[i].group() in _COMPLEMENTS]
    floor = words[opens[-1] + 1 if opens else first].start()
    return next(
        (a for a in doc.within(doc.actors, floor, words[at].start()) if a.role in ("state", "armed")), None
    )
