"""The Arabic lexicons the pipeline matches: casualty and event triggers, reporting words.

Each lexicon is a data file in `data/`; forms are folded at load so they match folded text, and
each lexicon is compiled once into a single clitic-aware alternation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.lang.ar.clitics import ARTICLE, ARTICLE_AFTER_LAM, strip_article
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.tokens import lexicon_pattern
from marsad.resources import DataFileError, read_tsv
from marsad.schema.acled import ACLED_TAXONOMY

_PACKAGE = "marsad.lang.ar"


@dataclass(frozen=True)
class Lexicon:
    """Folded forms with their attributes, and one pattern that finds any of them; with
    `definite`, a second one for the definite forms of its phrases (see definite_phrase)."""

    entries: dict[str, dict[str, str]]
    pattern: re.Pattern[str]
    definite: re.Pattern[str] | None = None

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """(match, attributes) for each form found in text[start:end]."""
        end = len(text) if end is None else end
        if self.definite is None:
            for match in self.pattern.finditer(text, start, end):
                yield match, self._entry(match)
            return
        # Each pattern's next match, the earlier first, and of two at one place the longer: the
        # definite phrase "القصف الجوي" over the noun "القصف" alone.
        position, definite = start, None
        while position < end:
            if definite is None or definite.start() < position:
                definite = self._next_definite(text, position, end)
            plain = self.pattern.search(text, position, end)
            if plain is None and definite is None:
                return
            if definite is None or (
                plain is not None and (plain.start(), -plain.end()) <= (definite.start(), -definite.end())
            ):
                match = plain
            else:
                match = definite
            yield match, self._entry(match)
            position = match.end()

    def _next_definite(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """A definite phrase stands where the clitics before it end with the article ("ال",
        "لل" after the preposition): "توقيع الاتفاق" is a construct, no definite "توقيع اتفاق"."""
        for match in self.definite.finditer(text, start, end):
            if text[match.start() : match.start("form")].endswith((ARTICLE, ARTICLE_AFTER_LAM)):
                return match
        return None

    def _entry(self, match: re.Match[str]) -> dict[str, str]:
        # A multi-word form matches across any run of spaces; its entry is keyed by single spaces.
        return self.entries[" ".join(match.group("form").split())]


def _load(
    name: str, columns: tuple[str, ...], *, enclitics: str | bool = False, definite: bool = False
) -> Lexicon:
    entries: dict[str, dict[str, str]] = {}
    phrases: dict[str, dict[str, str]] = {}
    for row in read_tsv(_PACKAGE, name, columns):
        form = fold(row["form"])
        entries.setdefault(form, row)
        if definite and definite_phrase(form) != form:
            phrases.setdefault(definite_phrase(form), row)
    pattern = lexicon_pattern(list(entries), enclitics=enclitics)
    if not phrases:
        return Lexicon(entries, pattern)
    return Lexicon({**phrases, **entries}, pattern, lexicon_pattern(list(phrases), enclitics=enclitics))


def definite_phrase(form: str) -> str:
    """A noun and its adjective agree in definiteness: "غارة جوية" is also "الغارة الجوية". The
    noun's own article is one of the clitics the pattern reads before a form ("القصف الجوي",
    "للقصف الجوي", "والقصف الجوي"), so the phrase is keyed "قصف الجوي" and found only with it."""
    words = form.split()
    if len(words) < 2 or any(w.startswith(ARTICLE) for w in words):
        return form
    return " ".join([words[0], *(ARTICLE + w for w in words[1:])])


@lru_cache(maxsize=1)
def casualty_triggers() -> Lexicon:
    return _load(
        "casualty_triggers.tsv", ("form", "kind", "side", "strength", "reach"), enclitics="unambiguous"
    )


@lru_cache(maxsize=1)
def suicide_attackers() -> Lexicon:
    """Self-detonation verbs, reflexives and toll additions (see suicide_attackers.tsv)."""
    return _load("suicide_attackers.tsv", ("form", "role", "count"), enclitics="unambiguous")


@lru_cache(maxsize=1)
def casualty_openers() -> Lexicon:
    """Verbs that open a casualty phrase its noun closes: "لقي 5 أشخاص حتفهم" (see casualty_frames.tsv)."""
    return _load("casualty_frames.tsv", ("form", "closes"))


@lru_cache(maxsize=1)
def event_triggers() -> Lexicon:
    lexicon = _load(
        "event_triggers.tsv",
        ("form", "event_type", "sub_event_type", "strength", "needs_party"),
        enclitics="unambiguous",
        definite=True,
    )
    for form, row in lexicon.entries.items():
        if row["sub_event_type"] not in ACLED_TAXONOMY.get(row["event_type"], ()):
            raise DataFileError(
                f"event_triggers.tsv: {form!r} has an unknown ACLED type "
                f"{row['event_type']!r}/{row['sub_event_type']!r}"
            )
    return lexicon


@lru_cache(maxsize=1)
def reporting() -> Lexicon:
    return _load("reporting.tsv", ("form", "kind", "stance"), enclitics="all")


@cache
def forms_with_role(role: str) -> frozenset[str]:
    """Folded discourse words of one role (a word may have several: "في" opens and is a preposition)."""
    forms = frozenset(
        fold(row["form"])
        for row in read_tsv(_PACKAGE, "discourse_words.tsv", ("form", "role"))
        if row["role"] == role
    )
    if not forms:
        raise DataFileError(f"discourse_words.tsv: no word has the role {role!r}")
    return forms


@cache
def openers_with_role(role: str) -> tuple[str, ...]:
    """The folded forms of one role as a tuple, for `str.startswith` at an offset ("does a
    sentence open with a new_episode word?") in one call."""
    return tuple(sorted(forms_with_role(role)))


@lru_cache(maxsize=1)
def singular_persons() -> frozenset[str]:
    return frozenset(fold(row["form"]) for row in read_tsv(_PACKAGE, "singular_persons.tsv", ("form",)))


@lru_cache(maxsize=1)
def civilian_targets() -> Lexicon:
    return _load("civilian_targets.tsv", ("form",))


@cache
def stems_with_role(role: str) -> frozenset[str]:
    """The discourse words of one role without their clitics and ال, to look up a stripped word."""
    return frozenset(strip_article(form) for form in forms_with_role(role))


def civilian_nouns() -> frozenset[str]:
    """Victim words that say "civilians" outright, keyed without ال (see discourse_words.tsv)."""
    return stems_with_role("civilian_noun")


def neutral_persons() -> frozenset[str]:
    """Toll words for persons that say nothing of who they were, keyed without ال (see
    discourse_words.tsv)."""
    return stems_with_role("neutral_person")


@lru_cache(maxsize=1)
def spread_words() -> Lexicon:
    """Words that make an event word a series of incidents in several places (see spread_words.tsv)."""
    return _load("spread_words.tsv", ("form",))


@lru_cache(maxsize=1)
def register_cues() -> Lexicon:
    """Words of sport, fiction, science and market news (see registers.tsv)."""
    return _load("registers.tsv", ("form", "register"))


@lru_cache(maxsize=1)
def demonstration_cues() -> Lexicon:
    """What demonstrators and the forces facing them do, and what makes a demonstration word
    no demonstration (see demonstration_cues.tsv)."""
    return _load("demonstration_cues.tsv", ("form", "role"), enclitics="unambiguous")
