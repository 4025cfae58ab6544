"""Stage `timing`: each event's date range and ACLED's time precision.

- An event's own sentences date it: the earliest to the latest day they name, at the precision
  of its one date, else the coarsest of its dates; a stretch of these days that names no day
  ("قبل أيام") or a past month before a news event ("بدأ في فبراير الماضي") does not date it,
  nor a day told in the pluperfect before the days of its news ("وكانت دورية أخرى تعرضت السبت
  لانفجار" after "استهدف انفجار دورية الأحد").
- A news demonstration is dated by the days told beside its demonstration words ("تظاهر الآلاف الأحد",
  "المظاهرات التي نظمت الأحد") when there are any: the other days its sentences name date what
  is told around it (a speech it answers, a ruling it protests).
- A news event its sentences do not date goes on telling the days of the news event told before
  it ("كما انفجرت سيارة مفخخة" after "قتل 20 شخصا الثلاثاء"); else it is dated like the article.
"""

from __future__ import annotations

import datetime as dt

from marsad.lang.ar.clitics import stem_in
from marsad.lang.ar.lexicon import forms_with_role
from marsad.lang.ar.tokens import WORD
from marsad.pipeline.document import Doc, EventDraft
from marsad.schema.acled import DEMONSTRATION, EVENT_FAMILY

REQUIRES = ("sentences", "attributions", "events", "events.triggers", "events.dates", "events.background")
ASSIGNS = ("events.date_start", "events.date_end", "events.time_precision", "events.trace")

_RECENT = dt.timedelta(days=7)
_UNDATED = 2  # ACLED's time precision of an event dated to the week of the report
# "تظاهر آلاف الأشخاص الأحد في الدار البيضاء", "اجتمع الآلاف الأحد في الدار البيضاء في مسيرة":
# a day this many words from a demonstration word, in its sentence, is the demonstration's.
_BESIDE_WORDS = 5
_PAST_COPULA = forms_with_role("past_copula")
_BEGAN = forms_with_role("began")


def run(doc: Doc) -> None:
    article_date = _article_date(doc)
    told = None  # the days of the news event told before, in the order of the text
    for draft in doc.events:
        own = _own_dates(doc, draft)
        if own is not None:
            when, why = own, "its own sentences"
        elif told and not draft.background:
            when, why = told, "the news event told before it"
        else:
            when, why = article_date, "the article's date"
        draft.date_start, draft.date_end, draft.time_precision = when
        draft.trace["dates"] = why
        # "كما انفجرت سيارة مفخخة" after "قتل 20 شخصا الثلاثاء" goes on telling that Tuesday.
        if own is not None and own[2] == 1 and not draft.background:
            told = own


def _article_date(doc: Doc) -> tuple[dt.date | None, dt.date | None, int]:
    """The date of an event the text does not date: the latest day its news events are dated
    to (a report's undated events are most often that day's), else the publication date at
    ACLED's time precision 2 (the report says "recently", not which day)."""
    days = [
        d.date_start
        for e in doc.events
        if not e.background
        for d in e.dates
        if d.precision == 1
        and d.date_start is not None
        and (doc.published is None or d.date_start <= doc.published)
    ]
    if days:
        return max(days), max(days), 1
    return (doc.published, doc.published, _UNDATED) if doc.published is not None else (None, None, 3)


def _own_dates(doc: Doc, draft: EventDraft) -> tuple[dt.date, dt.date, int] | None:
    """The range the event's own sentences date it to, at the precision of its one date, else
    the coarsest of its dates; None when they date it to nothing."""
    resolved = [
        d
        for d in draft.dates
        if d.date_start is not None and not _past_month(doc, d, draft) and not _recent_stretch(doc, d, draft)
    ]
    if not resolved:
        return None
    if not draft.background:  # history is dated by the periods it names ("منذ شهر")
        resolved = _beside_demonstration(doc, draft, resolved) or resolved
        resolved = _without_days_told_before(doc, resolved)
    start = min(d.date_start for d in resolved)
    end = max(d.date_end or d.date_start for d in resolved)
    return (
        start,
        end,
        max(d.precision for d in resolved) if len(resolved) == 1 else min(d.precision for d in resolved),
    )


def _without_days_told_before(doc: Doc, dates: list) -> list:
    """ "وكانت دورية أخرى للشرطة تعرضت السبت لانفجار": a sentence opening on كان tells what came
    before the news; its days earlier than the days the other sentences give are another act's.
    Not what a source had said of the event ("وكان الجيش أعلن أن هجمات الثلاثاء أسفرت عن ..."),
    nor when the event began ("وكانت المواجهات اندلعت مساء الثلاثاء")."""
    told_before = [_told_before(doc, d) for d in dates]
    news = [d.date_start for d, told in zip(dates, told_before) if d.precision == 1 and not told]
    if not news:
        return dates
    return [d for d, told in zip(dates, told_before) if not (told and d.date_start < min(news))]


def _told_before(doc: Doc, date) -> bool:
    index = doc.sentence_of(date.start)
    start = doc.sentences[index].start
    words = [w.group() for w in WORD.finditer(doc.folded, start, date.start)]
    return (
        bool(words)
        and words[0] in _PAST_COPULA
        and not any(stem_in(word, _BEGAN) for word in words)
        and not any(a.how != "carried" and a.start < date.start for a in doc.attributions.get(index, []))
    )


def _recent_stretch(doc: Doc, date, draft: EventDraft) -> bool:
    """ "قبل أيام", "هذا الأسبوع": news of these days that names no day is dated like an undated
    item, to the publication date at precision 2, as ACLED codes it."""
    return (
        not draft.background
        and date.precision > 1
        and doc.published is not None
        and date.date_end is not None
        and doc.published - _RECENT <= date.date_end
    )


def _past_month(doc: Doc, date, draft: EventDraft) -> bool:
    """ "بدأ في فبراير الماضي" dates what led up to a news event, not the event itself."""
    return (
        not draft.background
        and date.precision > 1
        and doc.published is not None
        and date.date_end is not None
        and date.date_end < doc.published - _RECENT
    )


def _beside_demonstration(doc: Doc, draft: EventDraft, dates: list) -> list:
    """The days told within a few words of one of the event's demonstration words."""
    words = [(t.start, t.end) for t in draft.triggers if EVENT_FAMILY[t.event_type] == DEMONSTRATION]
    return [
        d
        for d in dates
        if d.precision == 1
        and any(
            doc.sentence_of(d.start) == doc.sentence_of(start)
            and _words_apart(doc, (start, end), d) <= _BESIDE_WORDS
            for start, end in words
        )
    ]


def _words_apart(doc: Doc, word: tuple[int, int], date) -> int:
    if date.start >= word[1]:
        return len(WORD.findall(doc.folded, word[1], date.start))
    return len(WORD.findall(doc.folded, date.end, word[0])) if date.end <= word[0] else 0
