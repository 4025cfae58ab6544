"""The working document that the pipeline's stages read and fill in.

Offsets in every mention are into `folded` (the normalised text); `span()` maps them back to
the original text, which is what the contract publishes.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from itertools import accumulate
from typing import TYPE_CHECKING

from marsad.knowledge.actors import ActorMention
from marsad.knowledge.countries import CountryMention
from marsad.lang.ar.dates import DateMention
from marsad.lang.ar.normalize import Normalized
from marsad.lang.ar.numbers import NoCasualties, Quantity
from marsad.lang.ar.sentences import Sentence
from marsad.schema import Actor, Claim, Extraction, Location, Span
from marsad.schema.acled import UNKNOWN_VICTIM, VIOLENCE

if TYPE_CHECKING:
    from marsad.pipeline.mentions import ResolvedPlace


@dataclass
class Attribution:
    """Who speaks in one sentence: the source phrase, from where its voice applies, and how."""

    sentence: int
    start: int
    end: int
    name: str
    stance: str = "asserted"
    applies_from: int = 0
    how: str = ""


@dataclass
class Trigger:
    start: int
    end: int
    event_type: str
    sub_event_type: str
    strong: bool
    sentence: int
    needs_party: bool = False


@dataclass
class ClaimDraft:
    kind: str
    start: int
    end: int
    sentence: int
    low: int | None = None
    high: int | None = None
    vague: str | None = None
    approx: bool = False
    victim_name: str = UNKNOWN_VICTIM
    victim_start: int | None = None
    victim_end: int | None = None
    source: Attribution | None = None
    stance: str = "asserted"
    unverified: bool = False


@dataclass
class EventDraft:
    triggers: list[Trigger]
    sentences: set[int]
    place: ResolvedPlace | CountryMention | None = None
    claims: list[ClaimDraft] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    background: bool = False
    family: str = VIOLENCE
    location: Location | None = None
    place_keys: set[str] = field(default_factory=set)
    opened_as_new_episode: bool = False
    # The stretches of text (folded offsets) that tell this event: a sentence may tell two
    # incidents ("قتل ثلاثة في غاو وقتل خمسة في تمبكتو"), and a figure belongs to its own.
    spans: list[tuple[int, int]] = field(default_factory=list)
    # The decisions the stages after `geocode` take, one field each, in the order they run:
    # the parties in view and the claims with their victims resolved (`victims`), then renamed
    # as a demonstration's crowd (`kinds`); the ACLED type (`kinds`); the crowd's size
    # (`crowds`); the sides (`parties`); the dates (`timing`); and the trace of why.
    actors: list[Actor] = field(default_factory=list)
    resolved_claims: list[Claim] = field(default_factory=list)
    event_type: str = ""
    sub_event_type: str = ""
    crowd_size: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int = 3
    # Why each decision was taken: its name ("type", "perpetrator", "dates") -> the rule that took it.
    trace: dict[str, str] = field(default_factory=dict)
    _reach: tuple = field(default=(), repr=False, compare=False)
    _ordered: tuple = field(default=(), repr=False, compare=False)
    _tactics: tuple = field(default=(0, frozenset()), repr=False, compare=False)

    @property
    def anchor(self) -> Trigger | ClaimDraft | None:
        """What the event is published as evidence of: its first trigger, else its first figure; an
        event with neither is no event of the contract."""
        return self.triggers[0] if self.triggers else (self.claims[0] if self.claims else None)

    def last_sentence_before(self, index: int) -> int | None:
        """The event's last sentence before `index` (by bisection over its sentences, kept sorted)."""
        if len(self._ordered) != len(self.sentences):
            self._ordered = tuple(sorted(self.sentences))
        at = bisect_left(self._ordered, index)
        return self._ordered[at - 1] if at else None

    def strong_tactics(self) -> frozenset[str]:
        """The sub-types its strong triggers name (triggers are only ever added: read the new ones)."""
        seen, tactics = self._tactics
        if seen > len(self.triggers):
            seen, tactics = 0, frozenset()
        if seen < len(self.triggers):
            tactics = tactics | {t.sub_event_type for t in self.triggers[seen:] if t.strong}
            self._tactics = (len(self.triggers), tactics)
        return tactics

    def tells(self, offset: int) -> bool:
        """Whether a stretch of this event holds `offset` (by bisection over the spans sorted by
        start, with the furthest end reached so far: an event may gather many stretches)."""
        if not self._reach or len(self._reach[0]) != len(self.spans):
            ordered = sorted(self.spans)
            self._reach = (
                tuple(start for start, _ in ordered),
                tuple(accumulate((end for _, end in ordered), max)),
            )
        starts, furthest = self._reach
        at = bisect_right(starts, offset) - 1
        return at >= 0 and furthest[at] > offset


@dataclass
class Doc:
    """What the stages read and fill in, each field named in the REQUIRES and ASSIGNS of the
    stages (see `marsad.pipeline`), in the order they run."""

    original: str
    norm: Normalized
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)  # segment
    dates: list[DateMention] = field(default_factory=list)  # dates
    quantities: list[Quantity] = field(default_factory=list)  # numbers
    no_casualties: list[NoCasualties] = field(default_factory=list)  # numbers
    countries: list[CountryMention] = field(default_factory=list)  # mentions
    actors: list[ActorMention] = field(default_factory=list)  # mentions
    places: list[ResolvedPlace] = field(default_factory=list)  # mentions
    main_country: str | None = None  # mentions
    attributions: dict[int, list[Attribution]] = field(default_factory=dict)  # attribution
    unverified_sentences: set[int] = field(default_factory=set)  # attribution
    claims: list[ClaimDraft] = field(default_factory=list)  # claims
    triggers: list[Trigger] = field(default_factory=list)  # events
    events: list[EventDraft] = field(default_factory=list)  # events, and each stage after it
    extraction: Extraction | None = None  # assemble
    _lookups: dict = field(default_factory=dict, repr=False)
    # The normalised text, which every rule reads: a plain attribute, since it is read so often.
    folded: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.folded = self.norm.text

    def span(self, start: int, end: int) -> Span:
        first, last = self.norm.to_original(start, end)
        return Span(start=first, end=last, text=self.original[first:last])

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the last sentence starting at or before it)."""
        low, high = 0, len(self.sentences) - 1
        found = 0
        while low <= high:
            middle = (low + high) // 2
            if self.sentences[middle].start <= offset:
                found, low = middle, middle + 1
            else:
                high = middle - 1
        return found

    def sentences_of(self, mentions: list) -> list[int]:
        """The sentence of each mention (of a list with `start`), found once per list: rules that
        keep an event's mentions ask it of every mention, event after event."""
        return self.cached("sentence of", mentions, lambda: [self.sentence_of(m.start) for m in mentions])

    def in_sentence(self, mentions: list, index: int) -> list:
        sentence = self.sentences[index]
        return self.within(mentions, sentence.start, sentence.end)

    def of_sentence(self, items: list, index: int) -> list:
        """The items (triggers, claims: anything with a `sentence`) of sentence `index`, grouped
        once per list, so that asking sentence by sentence stays linear in the text's length."""

        def group() -> dict[int, list]:
            groups: dict[int, list] = {}
            for item in items:
                groups.setdefault(item.sentence, []).append(item)
            return groups

        return self.cached("sentence", items, group).get(index, [])

    def within(self, mentions: list, start: int, end: int) -> list:
        """The mentions (of a list in text order) that start in [start, end), found by bisection
        so that per-sentence lookups stay cheap however many mentions a long text has."""
        starts = self.cached("starts", mentions, lambda: [m.start for m in mentions])
        return mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def cached(self, kind, items: list, build):
        """`build()`, computed once per `kind` while `items` (a list of this Doc) stays the same
        list: what several rules of a stage ask of the same text ("dateline", a sentence's cues)."""
        # Keyed by the list's identity and length; the entry keeps the list itself, so that its id
        # is not reused by a later list while the entry stands.
        key = (kind, id(items), len(items))
        entry = self._lookups.get(key)
        if entry is None or entry[0] is not items:
            entry = self._lookups[key] = (items, build())
        return entry[1]


# The fields a stage may require or assign (its inputs and the private lookup cache are no stage's),
# and those of what a field holds, named "events.location" (private working caches are no stage's).
DOC_FIELDS = frozenset(f.name for f in fields(Doc)) - {"original", "norm", "folded", "published", "_lookups"}
ITEM_FIELDS = {"events": frozenset(f.name for f in fields(EventDraft) if not f.name.startswith("_"))}
