"""Date expressions in folded Arabic news text, resolved against the publication date.

Recognised, longest match first when two overlap:
  explicit  "17 يوليو 2015", "يوم الخميس 17 تموز/يوليو الجاري", "15 و16 آب", "2015/07/17", "17-7-2015"
  month     "في يوليو الماضي", "شهر آب 2015", "الشهر الماضي"
  weekday   "الخميس", "مساء يوم الخميس الماضي", "فجر السبت"
  relative  "أمس", "أول أمس", "صباح اليوم", "الليلة الماضية", "الأسبوع الماضي" (a week: precision 2)
  year      "عام 2020", "في 2020", "العام الماضي"
  period    "منذ عام 2012", "عامي 2014 و2015", "العقد الماضي", "السنوات الأخيرة" (background history)
  ago       "قبل ثلاث سنوات", "منذ يومين", "قبل أشهر": counted back from publication
  anniversary "الذكرى الخامسة لتفجير ...", "الذكرى السنوية": the remembered event is years old
Month, weekday, relative-day, period and qualifier words come from the data files; the grammar
words that glue them (يوم، شهر، الموافق، من) are part of the patterns below.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.lang.ar.clitics import (
    ARTICLE,
    ARTICLE_RUNS,
    CONJUNCTIONS,
    LAM,
    PROCLITICS_PATTERN,
    proclitic_stems,
    split_proclitics,
)
from marsad.lang.ar.lexicon import forms_with_role
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import CLAUSE_MARKS, TERMINAL_MARKS
from marsad.lang.ar.tokens import LONGEST_WORD, alternation
from marsad.resources import read_tsv

PACKAGE = "marsad.lang.ar"

# ACLED time_precision codes.
DAY, WEEK, MONTH = 1, 2, 3

# An explicit date without a year that would fall this far after publication is read as last
# year's (a report published on 2 January about "30 December").
FUTURE_SLACK = dt.timedelta(days=7)

YEAR_NUMBER = r"(?:19|20)\d\d"
START = r"(?<!\w)"
END = r"(?!\w)"
CLITIC = PROCLITICS_PATTERN


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: int
    kind: str


# The kind of a remembered event's date: a period, dating what the anniversary recalls.
ANNIVERSARY = "anniversary"


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    day_offsets: dict[str, int]
    day_parts: tuple[str, ...]
    vetoes: tuple[str, ...]
    periods: dict[str, tuple[str, int | None]]
    qualifiers: dict[str, str]
    year_cues: dict[str, str]
    ordinals: dict[str, int]
    ago_units: dict[str, tuple[str, int | None]]
    small_numbers: dict[str, int]


def _key(phrase: str) -> str:
    return " ".join(phrase.split())


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for row in read_tsv(PACKAGE, "months.tsv", ("name", "month", "ambiguous")):
        name = fold(row["name"])
        months[name] = int(row["month"])
        if row["ambiguous"] == "yes":
            ambiguous.add(name)
    weekdays = {
        fold(r["name"]): int(r["weekday"]) for r in read_tsv(PACKAGE, "weekdays.tsv", ("name", "weekday"))
    }
    offsets: dict[str, int] = {}
    parts: list[str] = []
    vetoes: list[str] = []
    for row in read_tsv(PACKAGE, "relative_days.tsv", ("phrase", "offset", "role")):
        phrase = fold(row["phrase"])
        if row["role"] == "day":
            offsets[phrase] = int(row["offset"])
        elif row["role"] == "part":
            parts.append(phrase)
        else:
            vetoes.append(phrase)
    periods = {
        fold(r["phrase"]): (r["unit"], int(r["offset"]) if r["offset"] else None)
        for r in read_tsv(PACKAGE, "periods.tsv", ("phrase", "unit", "offset"))
    }
    qualifiers = {
        fold(r["word"]): r["direction"]
        for r in read_tsv(PACKAGE, "date_qualifiers.tsv", ("word", "direction"))
    }
    cues = {fold(r["word"]): r["role"] for r in read_tsv(PACKAGE, "year_cues.tsv", ("word", "role"))}
    ordinals = {
        fold(r["ordinal"]): int(r["day"]) for r in read_tsv(PACKAGE, "day_ordinals.tsv", ("ordinal", "day"))
    }
    ago_units = {
        fold(r["form"]): (r["unit"], int(r["count"]) if r["count"] else None)
        for r in read_tsv(PACKAGE, "ago_units.tsv", ("form", "unit", "count"))
    }
    # Number words from two to ten count the units of an "ago" phrase ("قبل ثلاث سنوات").
    small_numbers = {
        fold(r["word"]): int(r["value"])
        for r in read_tsv(PACKAGE, "number_words.tsv", ("word", "value", "kind"))
        if r["kind"] in ("unit", "ten") and 2 <= int(r["value"]) <= 10
    }
    return _Lexicon(
        months,
        frozenset(ambiguous),
        weekdays,
        offsets,
        tuple(parts),
        tuple(vetoes),
        periods,
        qualifiers,
        cues,
        ordinals,
        ago_units,
        small_numbers,
    )


def month_names() -> frozenset[str]:
    """Folded month names (first words included for two-word names), for other rules to consult."""
    names = _lexicon().months
    return frozenset(names) | frozenset(name.split()[0] for name in names)


@lru_cache(maxsize=1)
def year_nouns() -> frozenset[str]:
    """Folded nouns for "year" ("عام", "سنة"): a number right after one is a year, whatever its size."""
    return frozenset(word for word, role in _lexicon().year_cues.items() if role == "year")


@lru_cache(maxsize=1)
def era_words() -> frozenset[str]:
    """Folded era words ("ميلادي", "م"): a number right before one is a year."""
    return frozenset(word for word, role in _lexicon().year_cues.items() if role == "era")


def year_cue_words() -> frozenset[str]:
    """Folded words that, before a 19xx/20xx number, make it a year."""
    return frozenset(word for word, role in _lexicon().year_cues.items() if role != "era")


def _with_clitics(phrases: Iterable[str]) -> str:
    """Phrases that may carry a conjunction/preposition clitic on their first word (والشهر، للشهر).

    The clitic part is written once for all phrases so the engine does not retry it per phrase.
    """
    phrases = set(phrases)
    definite = [p[len(ARTICLE) :] for p in phrases if p.startswith(ARTICLE)]
    other = [p for p in phrases if not p.startswith(ARTICLE)]
    forms = []
    if definite:
        forms.append(f"(?:{'|'.join(ARTICLE_RUNS)})(?:{alternation(definite)})")
    if other:
        forms.append(f"{CLITIC}(?:{alternation(other)})")
    return "|".join(forms)


def _cores(phrases: Iterable[str]) -> str:
    """The phrases as `_with_clitics` ends them, after the clitics and article it lets before
    them: where a text holds none of these, that pattern finds nothing in it."""
    return alternation({p[len(ARTICLE) :] if p.startswith(ARTICLE) else p for p in phrases})


@dataclass(frozen=True)
class _Patterns:
    explicit: re.Pattern[str]
    ordinal: re.Pattern[str]
    numeric: re.Pattern[str]
    month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    period: re.Pattern[str]
    year: re.Pattern[str]
    weak_year: re.Pattern[str]
    ago: re.Pattern[str]
    anniversary: re.Pattern[str]
    # For a pattern above, a cheap one for something every match of it holds: a text without
    # that is not scanned with the long pattern at all.
    cues: dict[re.Pattern[str], re.Pattern[str]]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = _lexicon()
    month = f"(?:{alternation(lex.months)})"
    month_pair = rf"(?P<month>{month})(?:\s*(?:/|\()\s*(?P<month2>{month})(?:\s*\))?)?"
    qualifier = rf"(?P<qual>{alternation(lex.qualifiers)}){END}"
    weekday = f"(?:{_with_clitics(lex.weekdays)})"
    lead = rf"(?:(?:{_with_clitics(lex.day_parts)})\s+)?(?:{CLITIC}يوم\s+)?"
    year_words = [w for w, role in lex.year_cues.items() if role == "year"]
    era = rf"(?:\s*(?:{alternation(w for w, role in lex.year_cues.items() if role == 'era')}){END})?"
    year_tail = (
        rf"(?:\s*,?\s*(?:(?:{alternation(year_words)})\s+)?"
        rf"(?P<year>{YEAR_NUMBER})(?!\d){era}|\s+{qualifier})?"
    )
    day = r"(?:3[01]|[12]\d|0?[1-9])"
    explicit = (
        rf"{START}{lead}(?:(?P<weekday>{weekday})\s*,?\s*(?:الموافق\s+)?)?"
        rf"(?P<day>{day})(?:\s*(?:-|و|الي|حتي)\s*(?P<day2>{day}))?\s+(?:من\s+)?(?:شهر\s+)?"
        rf"{month_pair}{END}{year_tail}"
    )
    month_periods = _with_clitics(p for p, (unit, offset) in lex.periods.items() if unit == "month")
    ordinal = (
        rf"{START}{lead}(?:(?P<weekday>{weekday})\s*,?\s*(?:الموافق\s+)?)?"
        rf"(?P<ordinal>{_with_clitics(lex.ordinals)}){END}\s+من\s+"
        rf"(?:(?:شهر\s+)?{month_pair}{END}{year_tail}|(?P<period>{month_periods}){END})"
    )
    numeric = (
        rf"{START}{lead}(?<![\d/.\-])(?:(?P<d>{day})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{YEAR_NUMBER})"
        rf"|(?P<y2>{YEAR_NUMBER})(?P<sep2>[/.\-])(?P<m2>\d{{1,2}})(?P=sep2)(?P<d2>{day}))(?![\d/.\-])"
    )
    month_alone = rf"{START}(?P<shahr>{CLITIC}شهر\s+)?{CLITIC}{month_pair}{END}{year_tail}"
    weekday_pattern = rf"{START}{lead}(?P<weekday>{weekday}){END}(?:\s+{qualifier})?"
    veto = rf"(?!\s+(?:{alternation(lex.vetoes)}){END})"
    # أمس (السبت): the weekday in brackets names the same day and joins the mention.
    bracketed_weekday = rf"(?:\s*\(\s*{weekday}\s*\))?"
    relative = rf"{START}{lead}(?P<rel>{_with_clitics(lex.day_offsets)}){END}{veto}{bracketed_weekday}"
    period = rf"{START}(?P<period>{_with_clitics(lex.periods)}){END}"
    since = alternation(w for w, role in lex.year_cues.items() if role == "since")
    year = (
        rf"{START}(?:(?P<since>[{CONJUNCTIONS}]?(?:{since}))\s+(?:(?:{alternation(year_words)})\s+)?|{CLITIC}(?:{alternation(year_words)})\s+)"
        rf"(?P<year>{YEAR_NUMBER})(?:\s*(?:-|/|و|الي|حتي)\s*(?P<year2>{YEAR_NUMBER}))?(?!\d){era}"
    )
    prepositions = alternation(w for w, role in lex.year_cues.items() if role == "preposition")
    weak_year = rf"{START}{CLITIC}(?:{prepositions})\s+(?P<year>{YEAR_NUMBER})(?!\d){era}"
    # "قبل عام 2015", "منذ يوم الخميس", "قبل شهر رمضان": the year, day or month named is the date.
    ago = (
        rf"{START}[{CONJUNCTIONS}]?(?:قبل|منذ)\s+(?:(?P<count>\d{{1,2}}|{alternation(lex.small_numbers)})\s+)?"
        rf"(?P<unit>{alternation(lex.ago_units)}){END}(?!\s*\d)(?!\s+(?:{month}|{weekday}){END})"
    )
    yearly = rf"(?:\s+{CLITIC}السنويه)"
    anniversary = (
        rf"{START}{CLITIC}(?:{ARTICLE})?ذكري{yearly}?(?:\s+(?P<nth>{alternation(_anniversary_ordinals())}){END})?{yearly}?"
        rf"(?<!ذكري){END}"
    )
    compiled = [
        re.compile(p)
        for p in (
            explicit,
            ordinal,
            numeric,
            month_alone,
            weekday_pattern,
            relative,
            period,
            year,
            weak_year,
            ago,
            anniversary,
        )
    ]
    year_number = re.compile(YEAR_NUMBER)
    cues = (
        re.compile(rf"\d\s+(?:من\s+)?(?:شهر\s+)?{month}"),  # the day's last digit, then the month
        re.compile(rf"(?:{_cores(lex.ordinals)}){END}\s+من\s+"),
        re.compile(r"\d[/.\-]\d"),
        None,
        re.compile(_cores(lex.weekdays)),
        re.compile(_cores(lex.day_offsets)),
        re.compile(_cores(lex.periods)),
        year_number,
        year_number,
        re.compile("قبل|منذ"),
        re.compile("ذكري"),
    )
    return _Patterns(*compiled, {p: cue for p, cue in zip(compiled, cues) if cue is not None})


@lru_cache(maxsize=1)
def _anniversary_ordinals() -> dict[str, int]:
    """Feminine ordinals of a "ذكرى" (an anniversary): الأولى، الخامسة، العاشرة."""
    ordinals = {fold("الأولى"): 1}
    for masculine, value in _lexicon().ordinals.items():
        if " " not in masculine and 1 < value <= 10:
            ordinals[masculine + "ه"] = value
    return ordinals


def time_unit_forms() -> frozenset[str]:
    """The folded words for spans of time ("يومين", "أسابيع") an "ago" or "after" phrase counts."""
    return frozenset(_lexicon().ago_units)


def time_span_forms() -> frozenset[str]:
    """Those of them that are more than one unit ("يومين", "أسابيع", not "يوم"): a span of time."""
    return frozenset(form for form, (_, count) in _lexicon().ago_units.items() if count != 1)


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Date mentions in folded `text`, sorted by start, none overlapping (the longest wins)."""
    if not text or not isinstance(text, str):
        return []
    if not isinstance(published, dt.date):
        published = None
    patterns = _patterns()
    readers: tuple[
        tuple[re.Pattern[str], Callable[[re.Match[str], dt.date | None], DateMention | None]], ...
    ] = (
        (patterns.explicit, _explicit),
        (patterns.ordinal, _ordinal),
        (patterns.numeric, _numeric),
        (patterns.year, _year),
        (patterns.month, _month),
        (patterns.weekday, _weekday),
        (patterns.relative, _relative),
        (patterns.period, _period),
        (patterns.weak_year, _weak_year),
        (patterns.ago, _ago),
        (patterns.anniversary, _anniversary),
    )
    found: list[tuple[int, int, int, DateMention]] = []
    for rank, (pattern, reader) in enumerate(readers):
        cue = patterns.cues.get(pattern)
        if cue is not None and cue.search(text) is None:
            continue
        for match in pattern.finditer(text):
            mention = reader(match, published)
            if mention is not None:
                found.append((mention.start, -(mention.end - mention.start), rank, mention))
    return _without_overlaps(found)


def _without_overlaps(found: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    kept: list[DateMention] = []
    for _, _, _, mention in sorted(found, key=lambda item: item[:3]):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _mention(
    match: re.Match[str], start: int, first: dt.date | None, last: dt.date | None, precision: int, kind: str
) -> DateMention:
    end = match.end()
    return DateMention(start, end, match.string[start:end], first, last, precision, kind)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(match: re.Match[str]) -> int:
    """The month of a name or of a paired name (تموز/يوليو). When the pair disagrees ("يناير/كانون
    أول", a slip in the gloss), the name written first is the one the writer meant."""
    return _lexicon().months[_key(match.group("month"))]


def _direction(match: re.Match[str]) -> str | None:
    qualifier = match.groupdict().get("qual")
    return _lexicon().qualifiers[qualifier] if qualifier else None


def _resolve_year(
    month: int, day: int, direction: str | None, published: dt.date, weekday: int | None = None
) -> int:
    """The year of a day-and-month date that gives none, read against publication. A date over a
    week ahead is last year's, unless its weekday is this year's: "يوم الجمعة 15 يونيو" published
    on 1 June 2018 is 15 June 2018, a Friday (15 June 2017 was a Thursday). "الجاري" or "الحالي"
    after the month ("في 26 أبريل الجاري") puts it in the month of publication, however far ahead."""
    year = published.year
    candidate = _safe_date(year, month, day) or dt.date(year, month, 28)
    if direction == "current":
        return year
    if direction == "future":
        return year + 1 if candidate < published else year
    if direction == "past":
        return year - 1 if candidate > published else year
    ahead = candidate > published + FUTURE_SLACK and candidate.weekday() != weekday
    return year - 1 if ahead else year


def _explicit(match: re.Match[str], published: dt.date | None, day: int | None = None) -> DateMention | None:
    month = _month_number(match)
    day = day or int(match.group("day"))
    last_day = int(match.group("day2")) if match.groupdict().get("day2") else day
    if last_day < day:
        return None
    if match.group("year"):
        year: int | None = int(match.group("year"))
    elif published is not None:
        year = _resolve_year(month, day, _direction(match), published, _weekday_number(match))
    else:
        year = None
    first = _safe_date(year, month, day) if year else None
    last = _safe_date(year, month, last_day) if year else None
    if year is not None and (first is None or last is None):
        return None
    return _mention(match, match.start(), first, last, DAY, "explicit")


def _ordinal(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    """التاسع من فبراير، الثالث من الشهر الجاري: an ordinal day of a named or relative month."""
    lexicon = _lexicon()
    day = lexicon.ordinals[_strip_clitic(_key(match.group("ordinal")), lexicon.ordinals)]
    if match.group("period") is None:
        return _explicit(match, published, day)
    _, offset = lexicon.periods[_strip_clitic(_key(match.group("period")), lexicon.periods)]
    if published is None or offset is None:
        return _mention(match, match.start(), None, None, DAY, "explicit")
    index = published.year * 12 + published.month - 1 + offset
    date = _safe_date(index // 12, index % 12 + 1, day)
    return _mention(match, match.start(), date, date, DAY, "explicit") if date else None


def _numeric(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    if match.group("y"):
        parts = (match.group("y"), match.group("m"), match.group("d"))
    else:
        parts = (match.group("y2"), match.group("m2"), match.group("d2"))
    date = _safe_date(*(int(p) for p in parts))
    if date is None:
        return None
    return _mention(match, match.start(), date, date, DAY, "explicit")


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    month = _month_number(match)
    direction = _direction(match)
    confirmed = match.group("shahr") or match.group("month2") or match.group("year") or direction
    if _key(match.group("month")) in _lexicon().ambiguous_months and not confirmed:
        return None
    if match.group("year"):
        year: int | None = int(match.group("year"))
    elif published is None:
        year = None
    elif direction == "future":
        year = published.year if month > published.month else published.year + 1
    elif direction == "past":
        year = published.year if month < published.month else published.year - 1
    elif direction == "current":
        year = published.year
    else:
        year = published.year if month <= published.month else published.year - 1
    first, last = _month_range(year, month) if year else (None, None)
    return _mention(match, match.start(), first, last, MONTH, "month")


def _weekday_number(match: re.Match[str]) -> int | None:
    """The weekday a match names ("الجمعة" → 4, "والخميس" → 3), None when it names none."""
    name = match.groupdict().get("weekday")
    return _lexicon().weekdays[_strip_clitic(_key(name), _lexicon().weekdays)] if name else None


def _weekday(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    target = _weekday_number(match)
    direction = _direction(match) or ("future" if _told_as_to_come(match.string, match.start()) else None)
    date = _resolve_weekday(target, direction, published) if published else None
    return _mention(match, match.start(), date, date, DAY, "weekday")


# "من المقرر أن يعقد البرلمان جلسة طارئة الثلاثاء": the marker stands within these words before the day.
_FUTURE_REACH = 8
_CLAUSE_END = re.compile("[" + re.escape(CLAUSE_MARKS + TERMINAL_MARKS) + "\n]")


def _told_as_to_come(text: str, start: int) -> bool:
    """Whether a future marker ("سوف", "من المقرر", "ستخرج") governs the clause a weekday ends."""
    before = text[max(0, start - _FUTURE_REACH * LONGEST_WORD) : start]
    clause = _CLAUSE_END.split(before)[-1].split()[-_FUTURE_REACH:]
    markers = forms_with_role("future_marker")
    return any(stem in markers for word in clause for stem in proclitic_stems(word, min_stem=2))


def _resolve_weekday(target: int, direction: str | None, published: dt.date) -> dt.date:
    if direction == "future":
        ahead = (target - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - target) % 7
    if direction == "past" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _strip_clitic(form: str, table: dict[str, object]) -> str:
    """The table key a clitic-carrying form stands for (والخميس -> الخميس, للشهر الماضي -> الشهر الماضي)."""
    for prefix, stem in split_proclitics(form, min_stem=1):
        if stem in table:
            return stem
        # ل + الشهر is written للشهر: the article lost its alif.
        if prefix.endswith(LAM) and stem.startswith(LAM) and ARTICLE + stem[len(LAM) :] in table:
            return ARTICLE + stem[len(LAM) :]
    return form


def _relative(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    offsets = _lexicon().day_offsets
    offset = offsets[_strip_clitic(_key(match.group("rel")), offsets)]
    date = published + dt.timedelta(days=offset) if published else None
    return _mention(match, match.start(), date, date, DAY, "relative")


def _period_kind(unit: str) -> tuple[str, int]:
    """Kind and precision of a relative period: weeks and months are news time, years history."""
    return {"week": ("relative", WEEK), "month": ("month", MONTH), "year": ("year", MONTH)}.get(
        unit, ("period", MONTH)
    )


def _period(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    periods = _lexicon().periods
    unit, offset = periods[_strip_clitic(_key(match.group("period")), periods)]
    kind, precision = _period_kind(unit)
    first, last = _period_range(unit, offset, published) if published and offset is not None else (None, None)
    return _mention(match, match.start(), first, last, precision, kind)


def _period_range(unit: str, offset: int, published: dt.date) -> tuple[dt.date, dt.date]:
    if unit == "week":
        last = {-1: published - dt.timedelta(days=1), 0: published}.get(
            offset, published + dt.timedelta(weeks=offset)
        )
        return last - dt.timedelta(days=6), last
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return _month_range(index // 12, index % 12 + 1)
    if unit == "year":
        year = published.year + offset
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    decade = published.year // 10 * 10 + 10 * offset
    return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)


def _year(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    """عام 2020، منذ 2012، عامي 2014 و2015: "since" and two-year spans are background periods."""
    first = int(match.group("year"))
    last = int(match.group("year2")) if match.group("year2") else first
    if last < first:
        return None
    kind = "period" if match.group("since") or last != first else "year"
    return _mention(match, match.start(), dt.date(first, 1, 1), dt.date(last, 12, 31), MONTH, kind)


def _weak_year(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    """في 2020: the preposition makes the number a year but is not part of the mention."""
    year = int(match.group("year"))
    return _mention(match, match.start("year"), dt.date(year, 1, 1), dt.date(year, 12, 31), MONTH, "year")


# "قبل أيام" (some days ago) and its kin: the span of a plural with no number, in units back.
_SOME_FEWEST, _SOME_MOST = 2, 9


def _ago(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    """ "قبل ثلاث سنوات" is a year three before publication; "منذ يومين" the day two before it;
    "قبل أشهر" some months back."""
    if published is None:
        return None
    lexicon = _lexicon()
    unit, count = lexicon.ago_units[_key(match.group("unit"))]
    raw = match.group("count")
    if raw is not None:
        count = int(raw) if raw.isdigit() else lexicon.small_numbers[_key(raw)]
    most, fewest = (count, count) if count is not None else (_SOME_MOST, _SOME_FEWEST)
    try:
        first, last = (
            _units_back(published, unit, most, start=True),
            _units_back(published, unit, fewest, start=False),
        )
    except (OverflowError, ValueError):
        return None
    if unit == "day" and count is not None:
        return _mention(match, match.start(), first, last, DAY, "relative")
    # Weeks, months and years back are too rough to date the news (and often date something else
    # the sentence recalls: "ردا على مقتل قادتها قبل أسبوعين"); they only tell history from news.
    return _mention(match, match.start(), first, last, WEEK if unit in ("day", "week") else MONTH, "period")


def _units_back(published: dt.date, unit: str, count: int, start: bool) -> dt.date:
    """The first (or last) day of the unit `count` units before publication."""
    if unit == "day":
        return published - dt.timedelta(days=count)
    if unit == "week":
        return published - dt.timedelta(days=7 * count + (3 if start else -3))
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        first, last = _month_range(index // 12, index % 12 + 1)
        return first if start else last
    years = count * (10 if unit == "decade" else 1)
    return dt.date(published.year - years, 1, 1) if start else dt.date(published.year - years, 12, 31)


def _anniversary(match: re.Match[str], published: dt.date | None) -> DateMention | None:
    """ "الذكرى الخامسة لتفجير الكنيستين": what is remembered happened that many years ago; an
    anniversary with no number ("الذكرى السنوية") at least a year ago."""
    if published is None:
        return None
    nth = match.group("nth")
    years = (_anniversary_ordinals()[nth],) * 2 if nth else (_SOME_MOST, 1)
    first, last = dt.date(published.year - years[0], 1, 1), dt.date(published.year - years[1], 12, 31)
    return _mention(match, match.start(), first, last, MONTH, ANNIVERSARY)
