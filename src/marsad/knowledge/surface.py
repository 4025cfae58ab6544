"""Find many folded surface forms at once in folded text, with Arabic proclitics.

Knowledge tables hold thousands of forms (country names and adjectives, actor aliases, generic
patterns expanded over every country). Python's `re` tries the alternatives of an alternation one
by one, so the forms are compiled into one trie-shaped pattern: shared prefixes are matched once,
and because every optional continuation is greedy the first match found at a position is the
longest form there.

A form may carry the conjunctions و ف and the prepositions ب ك ل in front ("وبالجيش", "لمالي");
a form that starts with the article also matches after ل, where the article's alef is dropped
("للجيش"). Words of a multiword form may be joined by spaces, hashtag underscores, quotes or a
hyphen ("#جماعة_بوكو_حرام", 'تنظيم "الدولة الإسلامية"').

Slots let a form stand for a family of phrases without listing them: a slot character in a form
matches a run of "mark" characters, which the caller writes over the spans it found earlier (a
country adjective, say) in a same-length copy of the text, so offsets stay those of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from marsad.lang.ar.clitics import ARTICLE, ARTICLE_AFTER_LAM, LAM, PROCLITICS_PATTERN
from marsad.lang.ar.tokens import trie_pattern

_SEPARATOR_CHARS = r"\s_\"'()\-"
_SEPARATOR = f"[{_SEPARATOR_CHARS}]+"
_SEPARATOR_RUN = re.compile(_SEPARATOR)
_BOUNDARY_BEFORE = r"(?<![^\W_])"
_BOUNDARY_AFTER = r"(?![^\W_])"
_NO_KEY: dict[str, str] = {}


def surface_key(text: str) -> str:
    """The lookup key of a folded form or matched span: separators as one space.

    Latin keeps its case: acronyms are matched as written (AFP, JNIM), never as English words.
    """
    return _SEPARATOR_RUN.sub(" ", text).strip()


def expand_brackets(form: str) -> list[str]:
    """All spellings of a form written with bracket groups: "الحوثي[,ون,ين]" -> 3 forms.

    A group lists comma-separated alternatives (an empty one is allowed); several groups multiply.
    """
    open_at = form.find("[")
    close_at = form.find("]", open_at + 1)
    if open_at < 0 or close_at < 0:
        return [form]
    head, options, tail = form[:open_at], form[open_at + 1 : close_at].split(","), form[close_at + 1 :]
    return [head + option + rest for option in options for rest in expand_brackets(tail)]


@dataclass(frozen=True)
class SurfaceMatch:
    start: int  # where the form itself starts (after any proclitics)
    end: int
    key: str  # the surface_key of the form that matched


class SurfaceMatcher:
    """One compiled pattern for a set of folded forms; yields leftmost-longest, non-overlapping matches.

    `slots` maps a slot character used in forms to the mark characters it accepts (one or more).
    """

    def __init__(self, forms: Iterable[str], slots: Mapping[str, str] | None = None):
        self._slots = dict(slots or {})
        marks = "".join(sorted(set("".join(self._slots.values()))))
        self._mark_run = re.compile(f"[{re.escape(marks)}]+") if marks else None
        self._keys: dict[str, str] = {}
        for form in forms:
            key = surface_key(form)
            for variant in _clitic_variants(key) if key else ():
                self._keys.setdefault(variant, key)
        atoms = {slot: f"[{re.escape(accepted)}]+" for slot, accepted in self._slots.items()}
        body = trie_pattern(self._keys, {" ": _SEPARATOR, **atoms}) if self._keys else "(?!)"
        self._pattern = re.compile(f"{_BOUNDARY_BEFORE}{PROCLITICS_PATTERN}(?P<form>{body}){_BOUNDARY_AFTER}")

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[SurfaceMatch]:
        # Most forms match as written: a key is its own surface_key, so it is looked up first.
        direct = self._keys.get if self._mark_run is None else _NO_KEY.get
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            form = match.group("form")
            key = direct(form) or self._key_of(surface_key(form))
            if key is not None:
                yield SurfaceMatch(match.start("form"), match.end("form"), key)

    def _key_of(self, matched: str) -> str | None:
        """The form that matched; a run of marks is tried as each slot that accepts it."""
        run = self._mark_run.search(matched) if self._mark_run else None
        if run is None:
            return self._keys.get(matched)
        for slot, accepted in self._slots.items():
            if run.group()[0] in accepted:
                key = self._keys.get(self._mark_run.sub(slot, matched))
                if key is not None:
                    return key
        return None


def _clitic_variants(key: str) -> list[str]:
    """The form, and for a form with the article its shape after ل ("الجيش" -> "للجيش")."""
    if not key.startswith(ARTICLE) or len(key) <= len(ARTICLE):
        return [key]
    rest = key[len(ARTICLE) :]
    variants = [key, ARTICLE_AFTER_LAM + rest]
    if rest.startswith(LAM):  # ل + الليل is written لليل: the article's lam merges
        variants.append(LAM + rest)
    return variants
