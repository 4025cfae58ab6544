"""Strategic developments that an explosive weapon's word can hide.

An explosive weapon named as the object of an interception, a defusal or a seizure ("اعترضت
الدفاعات الجوية صاروخا", "تفكيك عبوة ناسفة", "ضبط متفجرات") never struck: ACLED codes it as
Disrupted weapons use, fatalities 0 unless the report gives deaths. A drone brought down
("أسقطت طائرة مسيرة") is disrupted; the bombs an aircraft drops are not. An arrest word where
people are killed tells captives of the fighting, not an arrest.
"""
from __future__ import annotations

from dataclasses import replace

from marsad.lang.ar.clitics import ARTICLE, strip_article
from marsad.lang.ar.lexicon import stems_with_role
from marsad.lang.ar.tokens import WORD, last_words
from marsad.pipeline.document import Doc, Trigger
from marsad.schema.acled import (AIR_DRONE_STRIKE, ARRESTS, DISRUPTED_WEAPONS_USE, EXPLOSIONS,
                                 MILITARY_FORCES, REMOTE_EXPLOSIVE, STRATEGIC_DEVELOPMENTS)

# Verbs that stop one kind of weapon only: a drone is brought down, a bomb defused.
_NARROW_VERBS = {AIR_DRONE_STRIKE: "downs", REMOTE_EXPLOSIVE: "defuses"}
# "قتلوا أو اعتقلوا", "قتل ثلاثة واعتقل اثنان": people taken in a fight that kills are its captives,
# part of the fighting (ACLED), not an arrest of their own.
_KILLING = ("killed", "killed_or_captured")
_DISRUPTED = (STRATEGIC_DEVELOPMENTS, DISRUPTED_WEAPONS_USE)
# The verb governs its object within this many words ("اعترضت الدفاعات الجوية السعودية صاروخا").
_OBJECT_REACH = 4
_POLITICAL_CHARGES = stems_with_role("political_charge")
_ARMY = f"{MILITARY_FORCES} of"


def retype_triggers(doc: Doc) -> None:
    killing = {c.sentence for c in doc.claims if c.kind in _KILLING}
    stopped: set[tuple[int, str]] = set()  # (sentence, weapon word) intercepted there
    kept = []
    for trigger in doc.triggers:
        if trigger.sub_event_type == ARRESTS and (trigger.sentence in killing or not political_arrest(doc, trigger.sentence)):
            continue
        word = strip_article(doc.folded[trigger.start:trigger.end])
        # "اعترضت الدفاعات صاروخين ... وتسببت شظايا الصاروخين": the definite word names them again.
        again = (trigger.sentence, word) in stopped and doc.folded.startswith(ARTICLE, trigger.start)
        if again or _stopped(doc, trigger):
            stopped.add((trigger.sentence, word))
            trigger = _disrupted(trigger)
        kept.append(trigger)
    doc.triggers = kept


def _disrupted(trigger: Trigger) -> Trigger:
    event_type, sub_event_type = _DISRUPTED
    return replace(trigger, event_type=event_type, sub_event_type=sub_event_type, strong=True, needs_party=False)


def _stopped(doc: Doc, trigger: Trigger) -> bool:
    if trigger.event_type != EXPLOSIONS:
        return False
    floor = doc.sentences[trigger.sentence].start
    words = {strip_article(w) for w in last_words(doc.folded, floor, trigger.start, _OBJECT_REACH)}
    if words & stems_with_role("disrupts"):
        return True
    narrow = _NARROW_VERBS.get(trigger.sub_event_type)
    return narrow is not None and bool(words & stems_with_role(narrow))


def political_arrest(doc: Doc, index: int) -> bool:
    """An arrest is news of conflict in a report of fighting or demonstrations, when those taken
    are an armed group's or the army takes them, or when the charge is political ("خلية إرهابية", "الانتماء إلى تنظيم");
    a murder suspect's arrest is crime news (not an ACLED event)."""
    if any(t.strong and t.event_type != STRATEGIC_DEVELOPMENTS for t in doc.triggers):
        return True
    # Those taken are an armed group's, or the army takes them (soldiers do not arrest for theft).
    if any(a.role == "armed" or a.name.startswith(_ARMY) for a in doc.in_sentence(doc.actors, index)):
        return True
    sentence = doc.sentences[index]
    return any(strip_article(word) in _POLITICAL_CHARGES for word in WORD.findall(doc.folded, sentence.start, sentence.end))
