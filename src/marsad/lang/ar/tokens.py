"""Word tokens of folded Arabic text, and lexicon patterns aware of clitics.

Arabic writes conjunctions (و ف), prepositions (ب ل ك) and the article (ال) as prefixes and
object/possessive pronouns as suffixes. Lexicon entries are stems; `lexicon_pattern` lets each
match carry those prefixes and suffixes without listing every surface form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from marsad.lang.ar.clitics import AMBIGUOUS_PRONOUNS, ATTACHED_PRONOUNS, PROCLITICS_ARTICLE_PATTERN

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

ENCLITIC = "(?:" + "|".join(ATTACHED_PRONOUNS) + ")?"
# Nouns and verbs of lexicons that hold nouns take only the pronouns that are no word's ending.
ENCLITIC_UNAMBIGUOUS = "(?:" + "|".join(p for p in ATTACHED_PRONOUNS if p not in AMBIGUOUS_PRONOUNS) + ")?"
_BOUNDARY_BEFORE = r"(?<![^\W_])"
_BOUNDARY_AFTER = r"(?![^\W_])"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def alternation(phrases: Iterable[str]) -> str:
    """Folded phrases as one regular expression that matches any of them, the longest that fits
    first (so the longest wins), the words of a phrase joined by any run of spaces."""
    return trie_pattern(phrases, {" ": r"\s+"})


_END = ""  # the key that marks a form ending at a node of the trie


def trie_pattern(forms: Iterable[str], atoms: Mapping[str, str] | None = None) -> str:
    """Forms as one regular expression written as a trie ("قتل", "قتلى", "قتلت" → "قتل(?:[تى])?"):
    at each character the engine follows one branch instead of trying every form in turn, which
    keeps lexicons of thousands of forms cheap to scan; a longer form is tried before a shorter
    one it extends, as in a plain alternation ordered longest first. `atoms` writes some
    characters as a pattern of their own (the space as any run of spaces)."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(trie, dict(atoms or {}))


def _emit(node: dict, atoms: Mapping[str, str]) -> str:
    # Children start with different characters, so they exclude each other (keys hold no separator
    # but the space; two atoms may accept the same character, and then backtracking tries both).
    # The optional end comes last, after every continuation, so the longest form wins.
    leaves = sorted(
        char for char, child in node.items() if char != _END and set(child) == {_END} and char not in atoms
    )
    branches = [
        atoms.get(char, re.escape(char)) + _emit(child, atoms)
        for char, child in sorted(node.items())
        if char != _END and char not in leaves
    ]
    if len(leaves) == 1:
        branches.append(re.escape(leaves[0]))
    elif leaves:
        branches.append("[" + "".join(re.escape(char) for char in leaves) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"
    return body


def lexicon_pattern(
    forms: list[str], *, proclitics: bool = True, enclitics: str | bool = False
) -> re.Pattern[str]:
    """One compiled alternation for folded `forms`, longest first, matching whole words.

    The named group `form` holds the lexicon form that matched (without clitics).
    """
    body = alternation(forms)
    prefix = PROCLITICS_ARTICLE_PATTERN if proclitics else ""
    suffix = {True: ENCLITIC, "all": ENCLITIC, "unambiguous": ENCLITIC_UNAMBIGUOUS}.get(enclitics, "")
    return re.compile(f"{_BOUNDARY_BEFORE}{prefix}(?P<form>{body}){suffix}{_BOUNDARY_AFTER}")


@cache
def word_pattern(form: str) -> re.Pattern[str]:
    """A single folded word or phrase as a whole-word pattern (with proclitics)."""
    return lexicon_pattern([form])


def word_before(text: str, start: int, reach: int = 12) -> str:
    """The whole word right before offset `start` ("" at the start of the text)."""
    before = text[max(0, start - reach) : start].split()
    return before[-1] if before else ""


# No Arabic word with its clitics runs longer than this many characters.
LONGEST_WORD = 30


def last_words(text: str, floor: int, end: int, count: int) -> list[str]:
    """The last `count` words before `end`, none before `floor` (a sentence's start); reads a
    bounded stretch, so that looking back from each trigger of a long sentence stays cheap."""
    start = max(floor, end - (count + 1) * LONGEST_WORD)
    words = WORD.findall(text, start, end)
    if start > floor and words and WORD.match(text, start - 1):
        words = words[1:]  # the stretch opens inside a word
    return words[-count:] if count else []


def holds_any(text: str, start: int, end: int, forms: Iterable[str]) -> bool:
    """Whether text[start:end] holds one of `forms` anywhere, in a word or across words: where it
    holds none, none of its words is one (or starts with one), and a rule that reads a sentence
    word by word for them has nothing to read."""
    return any(text.find(form, start, end) >= 0 for form in forms)


def word_after(text: str, end: int, reach: int = 12) -> str:
    """The whole word right after offset `end`."""
    after = text[end : end + reach].split()
    return after[0] if after else ""
