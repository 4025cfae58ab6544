"""Strategic developments that an explosive weapon's word can hide.

An explosive weapon named as the object of an interception, a defusal or a seizure ("اعترضت
الدفاعات الجوية صاروخا", "تفكيك عبوة ناسفة", "ضبط متفجرات") never struck: ACLED codes it as
Disrupted weapons use, fatalities 0 unless the report gives deaths. A drone brought down
("أسقطت طائرة مسيرة") is disrupted; the bombs an aircraft drops are not.
"""
from __future__ import annotations

from dataclasses import replace

from marsad.lang.ar.lexicon import stems_with_role
from marsad.lang.ar.normalize import strip_article
from marsad.lang.ar.tokens import last_words
from marsad.pipeline.document import Doc, Trigger

_EXPLOSIONS, _AIR = "Explosions/Remote violence", "Air/drone strike"
_DISRUPTED = ("Strategic developments", "Disrupted weapons use")
# The verb governs its object within this many words ("اعترضت الدفاعات الجوية السعودية صاروخا").
_OBJECT_REACH = 4


def retype_triggers(doc: Doc) -> None:
    doc.triggers = [_disrupted(doc, t) if _stopped(doc, t) else t for t in doc.triggers]


def _disrupted(doc: Doc, trigger: Trigger) -> Trigger:
    event_type, sub_event_type = _DISRUPTED
    return replace(trigger, event_type=event_type, sub_event_type=sub_event_type, strong=True, needs_party=False)


def _stopped(doc: Doc, trigger: Trigger) -> bool:
    if trigger.event_type != _EXPLOSIONS:
        return False
    floor = doc.sentences[trigger.sentence].start
    words = {strip_article(w) for w in last_words(doc.folded, floor, trigger.start, _OBJECT_REACH)}
    if words & stems_with_role("disrupts"):
        return True
    return trigger.sub_event_type == _AIR and bool(words & stems_with_role("downs"))
