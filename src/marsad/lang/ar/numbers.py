"""Counts in folded Arabic news text: numerals, number words, duals, vague words and hedges.

`find_quantities` reads, at each token, the first of:
  1. a dual noun that counts two by itself (جنديان، طفلين), with an optional اثنين after it;
  2. a number in digits (15، 1,200، 3 آلاف، 1.5 مليون) or words (خمسة وعشرون، ثلاثمئة، ألفين),
     with a range (بين 10 و15، ثلاثة أو أربعة) or a hedge (ما لا يقل عن 15، 15 على الأقل);
  3. a vague quantity (عشرات، مئات الآلاف، بعض، عدد من).
Numbers that are clearly not counts are skipped, not returned: years (عام 2015، في 2020، 19xx/20xx
after a month name), days of a month (17 يوليو), percentages (15 في المئة), labels and clock
times (رقم 2254، الساعة 10), numbers inside date-like tokens (2015/07/17) and ordinals (الخامس عشر).
`find_no_casualties` finds statements that an incident caused no casualties (count 0).
All word lists are in data/*.tsv; the loaders fold them and add the clitic forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.lang.ar.clitics import (
    AND,
    ARTICLE,
    ARTICLE_RUNS,
    CONJUNCTIONS,
    PROCLITIC_RUNS,
    PROCLITICS_ARTICLE_PATTERN,
    stem_in,
)
from marsad.lang.ar.dates import era_words, month_names, year_cue_words, year_nouns
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.tokens import alternation
from marsad.resources import read_tsv

PACKAGE = "marsad.lang.ar"

YEARS = range(1900, 2100)
DAYS_OF_MONTH = range(1, 32)
# Words that may stand between a day number and its month (17 من شهر يوليو، 15 و16 آب).
DAY_LINKS = frozenset(("من", "شهر", AND, "-", "الي", "حتي"))


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    low: int | None
    high: int | None
    approx: bool
    vague: str | None
    hedge: str | None
    text: str


@dataclass(frozen=True)
class NoCasualties:
    start: int
    end: int
    kind: str
    text: str
    # The people it says were spared, where it names them ("لم يصب أي جندي": the soldier).
    victim_start: int | None = None
    victim_end: int | None = None


class _Token(NamedTuple):
    kind: str  # "date" | "num" | "word" | "mark"
    start: int
    end: int
    text: str


_TOKEN = re.compile(
    r"(?P<date>\d+(?:[/:]\d+)+|\d{1,4}-\d{1,2}-\d{1,4})"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<mark>\S)"
)


# The tokens are built with tuple.__new__, not the named tuple's own constructor: this runs over
# every word of every article.
_new_tuple = tuple.__new__


def _tokenize(text: str) -> list[_Token]:
    return [
        _new_tuple(_Token, (m.lastgroup or "mark", m.start(), m.end(), m.group()))
        for m in _TOKEN.finditer(text)
    ]


# ---------------------------------------------------------------- lexicons


def _clitic_forms(word: str, article: bool) -> Iterator[tuple[str, str]]:
    """(surface form, form without the conjunction/preposition) for a folded word.

    Stems under three letters take only و: ل+ست is لست "I am not", not "and six".
    """
    for prefix in PROCLITIC_RUNS:
        if len(word) >= 3 or prefix == AND:
            yield prefix + word, word
    if article:
        for prefix in ARTICLE_RUNS:
            yield prefix + word, ARTICLE + word


class _NumberWord(NamedTuple):
    value: int
    kind: str
    conjoined: bool  # carried the conjunction و (خمسة وعشرون)
    prefixed: bool  # carried any clitic (وال، ب، ل ...)


@dataclass(frozen=True)
class _Vague:
    rest: tuple[str, ...]
    low: int
    high: int | None
    written: str


@dataclass(frozen=True)
class _Lexicon:
    numbers: dict[str, _NumberWord]
    vague: dict[str, tuple[_Vague, ...]]
    duals: frozenset[str]
    hedges_before: dict[tuple[str, ...], str]
    hedges_after: dict[tuple[str, ...], str]
    hedge_lengths: tuple[int, ...]
    percent: frozenset[tuple[str, ...]]
    negations: frozenset[str]
    labels: frozenset[str]
    measures: frozenset[str]
    months: frozenset[str]
    year_cues: frozenset[str]
    year_nouns: frozenset[str]
    eras: frozenset[str]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(phrase).split())


def _number_words() -> dict[str, _NumberWord]:
    table: dict[str, _NumberWord] = {}
    bare: dict[str, _NumberWord] = {}
    for row in read_tsv(PACKAGE, "number_words.tsv", ("word", "value", "kind", "article")):
        word, value, kind = fold(row["word"]), int(row["value"]), row["kind"]
        bare[word] = _NumberWord(value, kind, False, False)
        for form, _ in _clitic_forms(word, row["article"] == "yes"):
            table.setdefault(form, _NumberWord(value, kind, form.startswith(AND), True))
    table.update(bare)  # a bare word wins over a clitic reading of another (واحد is not و+أحد)
    return table


def _vague_words() -> dict[str, tuple[_Vague, ...]]:
    table: dict[str, list[_Vague]] = {}
    for row in read_tsv(PACKAGE, "vague_quantities.tsv", ("phrase", "low", "high", "article")):
        first, *rest = _words(row["phrase"])
        high = int(row["high"]) if row["high"] else None
        forms = [(first, first), *_clitic_forms(first, row["article"] == "yes")]
        for form, written in forms:
            entry = _Vague(tuple(rest), int(row["low"]), high, " ".join((written, *rest)))
            table.setdefault(form, []).append(entry)
    return {form: tuple(sorted(entries, key=lambda e: -len(e.rest))) for form, entries in table.items()}


def _dual_nouns() -> frozenset[str]:
    forms: set[str] = set()
    for row in read_tsv(PACKAGE, "dual_nouns.tsv", ("noun",)):
        noun = fold(row["noun"])
        forms.add(noun)
        forms.update(form for form, _ in _clitic_forms(noun, article=True))
    return frozenset(forms)


def _hedges() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    before: dict[tuple[str, ...], str] = {}
    after: dict[tuple[str, ...], str] = {}
    for row in read_tsv(PACKAGE, "hedges.tsv", ("phrase", "hedge", "position")):
        first, *rest = _words(row["phrase"])
        table = before if row["position"] == "before" else after
        table[(first, *rest)] = row["hedge"]
        for form, _ in _clitic_forms(first, article=False):
            table.setdefault((form, *rest), row["hedge"])
    return before, after


def _negations() -> frozenset[str]:
    """Negative particles (لم، لا): أحد after them is "anyone" (لم يصب أحد), not "one of"."""
    rows = read_tsv(PACKAGE, "no_casualties.tsv", ("part", "form", "kind"))
    particles = {fold(r["form"]) for r in rows if r["part"] == "negation" and " " not in r["form"]}
    return frozenset(particles | {c + p for c in CONJUNCTIONS for p in particles})


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    before, after = _hedges()
    context = list(read_tsv(PACKAGE, "number_context.tsv", ("phrase", "role")))
    return _Lexicon(
        numbers=_number_words(),
        vague=_vague_words(),
        duals=_dual_nouns(),
        hedges_before=before,
        hedges_after=after,
        hedge_lengths=tuple(sorted({len(k) for k in (*before, *after)}, reverse=True)),
        percent=frozenset(_words(r["phrase"]) for r in context if r["role"] == "percent"),
        negations=_negations(),
        labels=frozenset(fold(r["phrase"]) for r in context if r["role"] == "label"),
        measures=frozenset(fold(r["phrase"]) for r in context if r["role"] == "measure"),
        months=month_names(),
        year_cues=year_cue_words(),
        year_nouns=year_nouns(),
        eras=era_words(),
    )


# ---------------------------------------------------------------- numbers


class _Number(NamedTuple):
    value: int | None  # None: a number that is not a count (year, day, ordinal, percentage)
    first: int  # token indexes [first, after)
    after: int


_SLOT = {"hundred": 3, "hundred_base": 3, "unit": 2, "ten": 1, "tens": 1}


def _word_at(tokens: list[_Token], index: int) -> _NumberWord | None:
    if index >= len(tokens) or tokens[index].kind != "word":
        return None
    return _lexicon().numbers.get(tokens[index].text)


def _read_words(tokens: list[_Token], index: int) -> _Number | None:
    """A number written in words: units before tens (خمسة وعشرون), hundreds, then scales."""
    first = _word_at(tokens, index)
    if first is None or first.kind == "scale_plural":
        return None
    if first.kind == "ordinal":
        after = index + 2 if (_word_at(tokens, index + 1) or first).kind == "ten" else index + 1
        return _Number(None, index, after)
    if first.kind == "teen_unit":
        following = _word_at(tokens, index + 1)
        if following is None or following.kind != "ten" or following.conjoined:
            return _Number(1, index, index + 1) if _is_one_of(tokens, index, first) else None
        first = _NumberWord(first.value, "unit", first.conjoined, first.prefixed)
    total, group, slot, kind, scale = 0, 0, 4, "", None
    position = index
    word: _NumberWord | None = first
    while word is not None:
        if position == index:
            if word.kind in _SLOT:
                group, slot = word.value, _SLOT[word.kind]
            else:
                total, scale = word.value, word.value if word.kind == "scale" else word.value // 2
        elif word.kind == "ten" and not word.conjoined and kind == "unit":
            group, slot = group + 10, 1
        elif word.kind == "hundred_base" and not word.conjoined and kind == "unit" and 3 <= group <= 9:
            group, slot = group * 100, 3
        elif word.kind in _SLOT and word.conjoined and _SLOT[word.kind] < slot:
            group, slot = group + word.value, _SLOT[word.kind]
        elif (
            word.kind in ("scale", "scale_plural")
            and not word.conjoined
            and group
            and (scale is None or word.value < scale)
        ):
            total, group, slot, scale = total + group * word.value, 0, 4, word.value
        elif (
            word.kind in ("scale", "scale_fixed")
            and word.conjoined
            and not group
            and scale
            and word.value < scale
        ):
            total, scale = total + word.value, word.value
        else:
            break
        kind = word.kind
        position += 1
        word = _word_at(tokens, position)
    return _Number(total + group, index, position)


def _is_one_of(tokens: list[_Token], index: int, word: _NumberWord) -> bool:
    """أحد الجنود، إحدى مواطناته: a bare أحد before a noun, not after a negation (لم يصب أحد)."""
    if word.value != 1 or word.prefixed or index + 1 >= len(tokens) or tokens[index + 1].kind != "word":
        return False
    if _word_at(tokens, index + 1) is not None:
        return False
    return not any(t.text in _lexicon().negations for t in tokens[max(0, index - 2) : index])


def _scale_after(tokens: list[_Token], index: int) -> int:
    """The multiplier of a scale word right after a numeral (3 آلاف، 1.5 مليون), or 1."""
    word = _word_at(tokens, index + 1)
    if word is not None and word.kind in ("scale", "scale_plural") and not word.conjoined:
        return word.value
    return 1


def _digits_value(raw: str, scale: int) -> int | None:
    """The integer a numeral stands for, times `scale`; None for a fraction (2.5 كيلوغرام)."""
    if "," in raw or raw.count(".") > 1:
        return int(raw.replace(",", "").replace(".", "")) * scale
    if "." in raw:
        whole, fraction = raw.split(".")
        if scale > 1:
            return round(float(raw) * scale)
        # A European thousands point (1.200) in Maghreb prose; casualty counts are never fractions.
        return int(whole + fraction) if len(fraction) == 3 else None
    return int(raw) * scale


def _read_digits(tokens: list[_Token], index: int) -> _Number:
    scale = _scale_after(tokens, index)
    value = _digits_value(tokens[index].text, scale)
    after = index + 2 if scale > 1 else index + 1
    if value is None or _is_year(tokens, index) or _is_day_of_month(tokens, index):
        return _Number(None, index, after)
    return _Number(value, index, after)


def _is_year(tokens: list[_Token], index: int) -> bool:
    token = tokens[index]
    if _named_year(tokens, index):
        return True
    if len(token.text) != 4 or not token.text.isdigit() or int(token.text) not in YEARS:
        return False
    lexicon = _lexicon()
    before = [t.text for t in tokens[max(0, index - 3) : index]]
    if before and _is_year_cue(before[-1]):
        return True
    # A count is followed by what it counts; a year closes a name or clause (اتفاقية سلام 2015.).
    if index + 1 == len(tokens) or tokens[index + 1].kind == "mark":
        return True
    return any(word in lexicon.months for word in before)


def _named_year(tokens: list[_Token], index: int) -> bool:
    """ "في عام 68 ميلاديا": a number after the noun "year" or before an era word is a year, even
    one of two digits (a count follows what it counts, never "عام")."""
    lexicon = _lexicon()
    before = tokens[index - 1].text if index > 0 else ""
    after = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return stem_in(before, lexicon.year_nouns) or after in lexicon.eras


def _is_year_cue(word: str) -> bool:
    return stem_in(word, _lexicon().year_cues)


def _is_day_of_month(tokens: list[_Token], index: int) -> bool:
    """17 يوليو، 17 من شهر يوليو، 15 و16 آب: the date reader owns these numbers."""
    if not tokens[index].text.isdigit() or int(tokens[index].text) not in DAYS_OF_MONTH:
        return False
    following = [t.text for t in tokens[index + 1 : index + 4]]
    words = [word for word in following if word not in DAY_LINKS and not word.isdigit()]
    return bool(words) and words[0] in _lexicon().months


def _read_number(tokens: list[_Token], index: int) -> _Number | None:
    token = tokens[index]
    if token.kind == "num":
        number = _read_digits(tokens, index)
    elif token.kind == "word":
        number = _read_words(tokens, index)
    else:
        return None
    if number is not None and number.value is not None and _is_label(tokens, index):
        return _Number(None, number.first, number.after)
    if number is not None and number.value is not None and _is_measure(tokens, number):
        return _Number(None, number.first, number.after + 1)
    return _percentage(tokens, number) if number is not None else None


def _is_measure(tokens: list[_Token], number: _Number) -> bool:
    """ثلاثة أسابيع، 37 عاما، 100 ألف دولار: a duration, an age or a sum, not a count."""
    return number.after < len(tokens) and tokens[number.after].text in _lexicon().measures


def _is_label(tokens: list[_Token], index: int) -> bool:
    """رقم 2254، الساعة 10، الساعة (2059 بتوقيت غرينتش)."""
    previous = index - 1
    if previous >= 0 and tokens[previous].text == "(":
        previous -= 1
    return previous >= 0 and tokens[previous].text in _lexicon().labels


def _percentage(tokens: list[_Token], number: _Number) -> _Number:
    """A number followed by a percent marker is not a count; the marker is consumed with it."""
    for marker in _lexicon().percent:
        end = number.after + len(marker)
        if tuple(t.text for t in tokens[number.after : end]) == marker:
            return _Number(None, number.first, end)
    return number


# ---------------------------------------------------------------- hedges and ranges


def _hedge_before(tokens: list[_Token], index: int) -> tuple[str, int] | None:
    hedges = _lexicon().hedges_before
    for length in _lexicon().hedge_lengths:
        if length > index:
            continue
        phrase = tuple(t.text for t in tokens[index - length : index])
        if phrase in hedges:
            return hedges[phrase], index - length
    return None


def _hedge_after(tokens: list[_Token], index: int) -> tuple[str, int] | None:
    """A hedge right after the number, or after the counted noun (15 قتيلا على الأقل)."""
    hedges = _lexicon().hedges_after
    for start in (index, index + 1):
        if start > index and (
            start - 1 >= len(tokens) or tokens[start - 1].kind != "word" or _word_at(tokens, start - 1)
        ):
            break
        for length in _lexicon().hedge_lengths:
            phrase = tuple(t.text for t in tokens[start : start + length])
            if len(phrase) == length and phrase in hedges:
                return hedges[phrase], start + length
    return None


BETWEEN = (("بين",), ("ما", "بين"), ("وبين",))
RANGE_LINKS = ("او", "الي")


def _between_start(tokens: list[_Token], index: int) -> int | None:
    for phrase in BETWEEN:
        start = index - len(phrase)
        if start >= 0 and tuple(t.text for t in tokens[start:index]) == phrase:
            return start
    return None


def _range_end(tokens: list[_Token], number: _Number, between: bool) -> _Number | None:
    """The upper number of بين 10 و15، ثلاثة أو أربعة، 10 إلى 15 (not من 10 إلى 15: an increase)."""
    link = tokens[number.after].text if number.after < len(tokens) else ""
    increase = link == "الي" and number.first > 0 and tokens[number.first - 1].text == "من"
    if (link in RANGE_LINKS and not increase) or (between and link == AND):
        second_at = number.after + 1
    elif between:
        second_at = number.after
    else:
        return None
    if second_at >= len(tokens):
        return None
    second = _read_number(tokens, second_at)
    if second is None or second.value is None or number.value is None or second.value <= number.value:
        return None
    return second


def _bounds(value: int, hedge: str | None) -> tuple[int | None, int | None]:
    """The gold coding of a hedged figure (GOLD.md: more than N is N+1 and open)."""
    return {
        "at_least": (value, None),
        "more_than": (value + 1, None),
        "less_than": (0, value - 1),
        "up_to": (None, value),
    }.get(hedge or "", (value, value))


# ---------------------------------------------------------------- the reader


def _quantity(
    text: str,
    tokens: list[_Token],
    first: int,
    after: int,
    low: int | None,
    high: int | None,
    hedge: str | None = None,
    vague: str | None = None,
) -> Quantity:
    start, end = tokens[first].start, tokens[after - 1].end
    return Quantity(start, end, low, high, hedge == "about", vague, hedge, text[start:end])


def is_dual_noun(word: str) -> bool:
    """A folded word that counts two people by itself ("جنديين"): it is its own noun."""
    return word in _lexicon().duals


def _read_dual(text: str, tokens: list[_Token], index: int) -> tuple[Quantity, int] | None:
    if tokens[index].kind != "word" or tokens[index].text not in _lexicon().duals:
        return None
    two = _word_at(tokens, index + 1)
    after = index + 2 if two and two.value == 2 and two.kind == "unit" and not two.conjoined else index + 1
    return _quantity(text, tokens, index, after, 2, 2), after


def _read_count(text: str, tokens: list[_Token], index: int) -> tuple[Quantity | None, int] | None:
    number = _read_number(tokens, index)
    if number is None:
        return None
    if number.value is None:
        return None, number.after
    between = _between_start(tokens, index)
    second = _range_end(tokens, number, between is not None)
    if second is not None:
        first = between if between is not None else index
        return _quantity(text, tokens, first, second.after, number.value, second.value), second.after
    before = _hedge_before(tokens, index)
    after = None if before else _hedge_after(tokens, number.after)
    hedge = before[0] if before else after[0] if after else None
    first = before[1] if before else index
    last = after[1] if after else number.after
    low, high = _bounds(number.value, hedge)
    return _quantity(text, tokens, first, last, low, high, hedge), last


def _read_vague(text: str, tokens: list[_Token], index: int) -> tuple[Quantity, int] | None:
    if tokens[index].kind != "word":
        return None
    for entry in _lexicon().vague.get(tokens[index].text, ()):
        after = index + 1 + len(entry.rest)
        if tuple(t.text for t in tokens[index + 1 : after]) != entry.rest:
            continue
        low, high, written = entry.low, entry.high, entry.written
        scale = _word_at(tokens, after)
        if scale is not None and scale.kind == "scale_plural" and not scale.conjoined and not entry.rest:
            # عشرات الآلاف: tens of thousands, 10,000 to 99,999.
            low, high = low * scale.value, (high + 1) * scale.value - 1 if high else None
            written = f"{written} {tokens[after].text}"
            after += 1
        return _quantity(text, tokens, index, after, low, high, vague=written), after
    return None


@lru_cache(maxsize=1)
def _count_starts() -> frozenset[str]:
    """The words a count may start with (a number word, a dual noun, a vague quantity): the
    readers pass over any other word, which most words of a text are."""
    lexicon = _lexicon()
    return frozenset(lexicon.numbers) | lexicon.duals | frozenset(lexicon.vague)


def find_quantities(text: str) -> list[Quantity]:
    """Counts in folded `text`, sorted by start, none overlapping."""
    if not isinstance(text, str) or not text:
        return []
    tokens = _tokenize(text)
    starts = _count_starts()
    found: list[Quantity] = []
    index = 0
    while index < len(tokens):
        if tokens[index].kind != "num" and tokens[index].text not in starts:
            index += 1
            continue
        read = (
            _read_dual(text, tokens, index)
            or _read_count(text, tokens, index)
            or _read_vague(text, tokens, index)
        )
        if read is None:
            index += 1
            continue
        quantity, index = read
        if quantity is not None:
            found.append(quantity)
    return found


# ---------------------------------------------------------------- "no casualties"


@dataclass(frozen=True)
class _NoCasualtyPatterns:
    statements: tuple[re.Pattern[str], ...]
    phrases: re.Pattern[str]
    spared: re.Pattern[str]
    noun_kinds: dict[str, str]
    phrase_kinds: dict[str, str]
    victim_verb_kinds: dict[str, str]


@lru_cache(maxsize=1)
def _no_casualty_patterns() -> _NoCasualtyPatterns:
    rows = [
        (r["part"], fold(r["form"]), r["kind"])
        for r in read_tsv(PACKAGE, "no_casualties.tsv", ("part", "form", "kind"))
    ]
    verbal = alternation(
        [form for part, form, kind in rows if part == "negation" and kind in ("verbal", "both")]
    )
    direct = alternation(
        [form for part, form, kind in rows if part == "negation" and kind in ("direct", "both")]
    )
    verb = alternation([form for part, form, _ in rows if part == "verb"])
    stop = alternation([form for part, form, _ in rows if part == "stop"])
    noun_kinds = {form: kind for part, form, kind in rows if part == "noun"}
    phrase_kinds = {form: kind for part, form, kind in rows if part == "phrase"}
    nouns = alternation(list(noun_kinds))
    start, end = r"(?<!\w)", r"(?!\w)"
    # Up to three words (the subject: لم يسفر الهجوم عن ...) may stand between verb and noun,
    # but not a word that turns the sentence into "the count is unknown".
    filler = rf"(?:\s+(?!{PROCLITICS_ARTICLE_PATTERN}(?:{stop}){end})[^\W\d_]+){{0,3}}?"
    noun = (
        rf"(?:{PROCLITICS_ARTICLE_PATTERN})(?P<noun>{nouns}){end}"
        rf"(?:\s+(?:او\s+|ولا\s+|{AND})(?:{ARTICLE})?(?P<noun2>{nouns}){end})?"
    )
    head = rf"(?:عن\s+)?(?:(?:{verb})\s+)?(?:ايه?\s+)?"
    statements = (
        re.compile(
            rf"{start}[{CONJUNCTIONS}]?(?:{verbal})\s+(?:ان\s+)?(?:{verb}){end}{filler}\s+{head}{noun}"
        ),
        re.compile(
            rf"{start}[{CONJUNCTIONS}]?(?:{direct})\s+(?:ان\s+(?:{verb}){end}{filler}\s+)?{head}{noun}"
        ),
    )
    phrases = re.compile(rf"{start}[{CONJUNCTIONS}]?(?P<phrase>{alternation(list(phrase_kinds))}){end}")
    victim_verb_kinds = {form: kind for part, form, kind in rows if part == "victim_verb"}
    any_noun = alternation([form for part, form, kind in rows if part == "anyone" and kind == "any"])
    one_of = alternation([form for part, form, kind in rows if part == "anyone" and kind == "one_of"])
    # "لم يصب أي جندي", "لم يقتل أحد من المدنيين": the verb's subject is who was spared.
    spared = re.compile(
        rf"{start}[{CONJUNCTIONS}]?(?:{verbal})\s+(?P<verb>{alternation(list(victim_verb_kinds))})\s+"
        rf"(?:(?:{any_noun})\s+(?:من\s+)?|(?:{one_of})\s+(?:من\s+)?(?={ARTICLE}))(?P<victim>[^\W\d_]+)"
    )
    return _NoCasualtyPatterns(statements, phrases, spared, noun_kinds, phrase_kinds, victim_verb_kinds)


def _statement_kind(match: re.Match[str], patterns: _NoCasualtyPatterns) -> str:
    if "verb" in match.re.groupindex:
        return patterns.victim_verb_kinds[match.group("verb")]
    if "phrase" in match.re.groupindex:
        return patterns.phrase_kinds[" ".join(match.group("phrase").split())]
    kinds = {
        patterns.noun_kinds[" ".join(match.group(g).split())] for g in ("noun", "noun2") if match.group(g)
    }
    return kinds.pop() if len(kinds) == 1 else "casualties"


def find_no_casualties(text: str) -> list[NoCasualties]:
    """Statements in folded `text` that nobody was killed or injured, sorted, none overlapping."""
    if not isinstance(text, str) or not text:
        return []
    patterns = _no_casualty_patterns()
    matches = [m for p in (*patterns.statements, patterns.phrases, patterns.spared) for m in p.finditer(text)]
    found: list[NoCasualties] = []
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if found and match.start() < found[-1].end:
            continue
        victim = match.span("victim") if "victim" in match.re.groupindex else (None, None)
        found.append(
            NoCasualties(match.start(), match.end(), _statement_kind(match, patterns), match.group(), *victim)
        )
    return found
