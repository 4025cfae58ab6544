"""The evaluation's one name matcher (GOLD.md, Scoring: "Names match after Arabic normalisation").

Two names match when their keys are equal, when one key contains the other, or when every word
of one, its leading clitics stripped, is a word of the other. Places, actors, victims and sources
are all compared with `names_match`, so the rule lives here only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from marsad.lang.ar.clitics import ARTICLE, ARTICLE_AFTER_LAM, PROCLITICS, drop_article
from marsad.lang.ar.normalize import fold

_WORD = re.compile(r"\w+")
# Stripping stops before a word gets shorter than this, so short words are not eaten away.
_MIN_STEM = 3


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """Folded, case-folded words of `name`, each without its leading article."""
    words = _WORD.findall(fold(name).casefold())
    return tuple(drop_article(word) for word in words)


@lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset[str]:
    """The word and every form of it with leading clitics (و ف ب ل ك ال) stripped."""
    forms = {word}
    for prefix in (ARTICLE_AFTER_LAM, ARTICLE, *PROCLITICS):
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            forms |= _stems(word[len(prefix) :])
    return frozenset(forms)


def _contains(outer: str, inner: str) -> bool:
    """`inner` occurs in `outer` starting at a word start (so مالي is not found in الصومالي)."""
    start = outer.find(inner)
    while start != -1:
        if start == 0 or outer[start - 1] == " ":
            return True
        start = outer.find(inner, start + 1)
    return False


def _words_within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    whole_stems = [_stems(word) for word in whole]
    return all(any(_stems(word) & stems for stems in whole_stems) for word in part)


def names_match(first: str | None, second: str | None) -> bool:
    """GOLD.md's name rule; an empty or missing name matches nothing."""
    first_words, second_words = name_words(first or ""), name_words(second or "")
    if not first_words or not second_words:
        return False
    first_key, second_key = " ".join(first_words), " ".join(second_words)
    return (
        first_key == second_key
        or _contains(first_key, second_key)
        or _contains(second_key, first_key)
        or _words_within(first_words, second_words)
        or _words_within(second_words, first_words)
    )


def any_names_match(gold_names: Iterable[str | None], system_names: Iterable[str | None]) -> bool:
    """True when some gold name matches some system name."""
    system_list = list(system_names)
    return any(names_match(gold, system) for gold in gold_names for system in system_list)
