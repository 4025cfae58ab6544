"""Sentence splitting for Arabic news text.

Splits on full stops, question and exclamation marks and line breaks, never on commas (Arabic
news runs whole paragraphs on commas) and never inside a quotation: a quoted statement with
full stops inside it belongs to the sentence that reports it. A quotation whose closing mark the
writer dropped quotes nothing, and one closed right after its own stop ends its sentence.

A "sentence" longer than any a newsroom writes (unpunctuated dumps, word salad) is cut into
windows at a space, so that every later per-sentence step works on bounded text and the whole
extraction stays linear in the length of its input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.lang.ar.clitics import PROCLITICS

TERMINAL_MARKS = ".!?"
# Marks that end a clause inside a sentence (folded text: the Arabic comma is ",").
CLAUSE_MARKS = ",.;:"
_CLAUSE_MARK = re.compile("[" + re.escape(CLAUSE_MARKS) + "]")
# A quote left open longer than this is a stray mark, not a quotation.
_MAX_QUOTE = 600
_DECIMAL = re.compile(r"\d\.\d")
# After a quotation, a clause mark that carries on the sentence reporting it.
_GOES_ON = re.compile(r" *[,;:]")
# Longer than the longest sentence in a 10% sample of the news archive (3,060 characters).
MAX_SENTENCE_CHARS = 4000


def crosses_clause(stretch: str) -> bool:
    """Whether a stretch of folded text holds a clause mark: the words on its two sides are in two
    clauses ("قتل جندي، وأصيب" vs "قتل جندي وأصيب")."""
    return _CLAUSE_MARK.search(stretch) is not None


def clause_start(text: str, floor: int, offset: int) -> int:
    """Where the clause holding `offset` opens: after the last clause mark before it, never before
    `floor` (its sentence's start): "ونقلوا إلى المستشفى، في حين هرع السكان" has two clauses."""
    return max(floor, *(text.rfind(mark, floor, offset) + 1 for mark in CLAUSE_MARKS))


def clause_end(text: str, offset: int, ceiling: int) -> int:
    """Where the clause holding `offset` ends: at the first clause mark after it, else `ceiling`
    (its sentence's end)."""
    marks = (text.find(mark, offset, ceiling) for mark in CLAUSE_MARKS)
    return min((at for at in marks if at >= 0), default=ceiling)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def _closes_quote(text: str, index: int) -> bool:
    close = text.find('"', index + 1, index + _MAX_QUOTE)
    return close != -1 and "\n" not in text[index:close]


def _opens_a_word(text: str, index: int) -> bool:
    """A quote mark written against the word after it and apart from the one before ( ان "كلمة),
    with at most a one-letter clitic before it (ب"كلمة): the shape of an opening mark."""
    after = text[index + 1 : index + 2]
    if not after.isalnum():
        return False
    before = text[max(index - 2, 0) : index]
    return not before[-1:].isalnum() or (len(before) == 2 and before[0].isspace() and before[1] in PROCLITICS)


def _closes_a_word(text: str, index: int) -> bool:
    """A quote mark written against the word (or stop) before it and apart from the word after it
    (كلمة" و)."""
    before = text[index - 1 : index] if index else ""
    return (before.isalnum() or before in TERMINAL_MARKS + ")") and not text[index + 1 : index + 2].isalnum()


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the quotations, from opening to closing mark, line by line. On a line with an even
    number of marks they pair in turn (a quotation nested in another pairs as two, and the stops
    between stay quoted). An odd number means a writer dropped a mark, so there the shapes decide:
    a mark shaped like an opening one inside a quotation opens a new one (the earlier quotation was
    never closed, so it quotes nothing), and a mark shaped like a closing one outside any quotation
    closes nothing and opens nothing."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        marks = [at for at in range(line.start(), line.end()) if text[at] == '"']
        uneven = len(marks) % 2 == 1
        opened = -1
        for index in marks:
            opens = uneven and _opens_a_word(text, index) and not _closes_a_word(text, index)
            closes = uneven and _closes_a_word(text, index) and not _opens_a_word(text, index)
            if opened != -1 and not opens:
                spans.append((opened, index))
                opened = -1
            elif not closes:
                opened = index if _closes_quote(text, index) else -1
    return spans


def _quoted_stops(text: str) -> set[int]:
    """Full stops, question and exclamation marks inside a quotation, except those that end it
    ('... انتهى." وأضاف'): a quotation closed right after its stop closes its sentence too, unless a
    comma or another clause mark goes on with the reporting sentence."""
    stops: set[int] = set()
    for opened, closed in _quotations(text):
        last = closed
        while last > opened + 1 and text[last - 1] in TERMINAL_MARKS:
            last -= 1
        goes_on = _GOES_ON.match(text, closed + 1) is not None
        ends_at = closed if goes_on or last == closed else last
        stops.update(at for at in range(opened + 1, ends_at) if text[at] in TERMINAL_MARKS)
    return stops


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a folded text (quotes already folded to '"'), as [start, end) spans."""
    sentences: list[Sentence] = []
    quoted = _quoted_stops(text)
    start = 0
    paragraph = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            _emit(text, start, index, paragraph, sentences)
            if text[index + 1 : index + 2] == "\n":
                paragraph += 1
            start = index + 1
        elif char in TERMINAL_MARKS and index not in quoted and not _DECIMAL.match(text, max(index - 1, 0)):
            end = index + 1
            while end < length and text[end] in TERMINAL_MARKS + '"':
                end += 1
            _emit(text, start, end, paragraph, sentences)
            start = index = end
            continue
        index += 1
    _emit(text, start, length, paragraph, sentences)
    return sentences


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut != -1 else start + MAX_SENTENCE_CHARS
        out.append(Sentence(start, cut, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
