"""Arabic clitics: the article, the proclitics written before a word and the pronouns after it.

Arabic writes the conjunctions و ف, the prepositions ب ل ك and the article ال as one word with
what follows, in that order ("وبالجيش": and + by + the + army), and object and possessive
pronouns as suffixes ("بيانه": his statement). Lexicons list bare forms; every rule that reads a
word without its clitics takes them from here. Words are folded (see `normalize.fold`).
"""

from __future__ import annotations

from functools import lru_cache

ARTICLE = "ال"
AND = "و"
CONJUNCTIONS = AND + "ف"  # و "and", ف "so, then"
LAM, BA = "ل", "ب"
PREPOSITIONS = BA + LAM + "ك"  # ب "in, by, with", ل "to, for", ك "like"
PROCLITICS = CONJUNCTIONS + PREPOSITIONS
# ل before the article drops the article's alif: ل + الجيش is written للجيش.
ARTICLE_AFTER_LAM = LAM + LAM
# Regular-expression fragments: a conjunction, then a preposition, each optional; and after them
# the article, or the ل of للجيش (ل + الجيش).
PROCLITICS_PATTERN = f"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?"
PROCLITICS_ARTICLE_PATTERN = f"{PROCLITICS_PATTERN}(?:{ARTICLE}|{LAM})?"
# Every run of proclitics a word may carry (و، ب، وب، فل ...), and the article after each (وال،
# بال، وبال، لل، ولل ...).
PROCLITIC_RUNS = tuple(c + p for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS) if c + p)
ARTICLE_RUNS = (
    *(run + ARTICLE for run in ("", *PROCLITIC_RUNS) if not run.endswith(LAM)),
    *(c + ARTICLE_AFTER_LAM for c in ("", *CONJUNCTIONS)),
)

# Pronouns a word may end with (possessive on a noun, object on a verb); where one starts
# another the longer comes first. The third person plural, dual and feminine ones never end a
# bare noun; ه and ي often do (folded ة is ه, so "أسرة" a family reads as "أسره" captured him,
# and a nisba adjective ends in ي).
THIRD_PERSON_PRONOUNS = ("هما", "هم", "هن", "ها")
FIRST_PERSON_PLURAL = "نا"  # "رجالنا": our men
ATTACHED_PRONOUNS = (*THIRD_PERSON_PRONOUNS, "ه", FIRST_PERSON_PLURAL, "كم", "ي")
# The pronouns that name whose people a plural noun counts ("جنوده", "عناصرها", "مقاتليهم", "رجالنا").
POSSESSOR_PRONOUNS = (FIRST_PERSON_PLURAL, "هم", "ها", "ه")
AMBIGUOUS_PRONOUNS = ("ه", "ي")
# "his, its" as the text writes it, before folding makes ة the same letter ("مظاهره" its
# manifestations, "مظاهرة" a demonstration).
ITS = "\u0647"
# How many people a third person pronoun stands for, the longer first: هما two, ها and ه one;
# the plural ones (هم, هن) stand for many, no number.
PRONOUN_COUNTS = (("هما", 2), ("ها", 1), ("ه", 1))
PLURAL_PRONOUNS = ("هم", "هن")

# A clitic comes off only if a word of this many letters is left: الي is "to", not ال + ي, and
# بلد is a country, not ب + لد. Looking a stem up in a closed list needs no such guard.
_MIN_STEM = 3


@lru_cache(maxsize=1 << 16)
def split_proclitics(word: str, min_stem: int = _MIN_STEM) -> tuple[tuple[str, str], ...]:
    """Readings of a word as (proclitics, stem), the bare word first: a conjunction (و ف) may
    come off, then a preposition (ب ل ك): "وبمدينة" is ("", وبمدينه), (و, بمدينه), (وب, مدينه)."""
    splits = [("", word)]
    prefix, rest = "", word
    if rest[:1] in CONJUNCTIONS and len(rest) > min_stem:
        prefix, rest = rest[0], rest[1:]
        splits.append((prefix, rest))
    if rest[:1] in PREPOSITIONS and len(rest) > min_stem:
        splits.append((prefix + rest[0], rest[1:]))
    return tuple(splits)


@lru_cache(maxsize=1 << 16)
def proclitic_stems(word: str, min_stem: int = _MIN_STEM) -> tuple[str, ...]:
    """The word and its stems without proclitics (see `split_proclitics`), the bare word first."""
    return tuple(stem for _, stem in split_proclitics(word, min_stem))


# Asked of nearly every word of every sentence, of a few word lists that live as long as the
# process (frozensets): remembered per word and list.
@lru_cache(maxsize=1 << 17)
def stem_in(word: str, words: frozenset[str], article: bool = False) -> bool:
    """Whether the word, bare or without its proclitics, is one of `words` ("وعام", "بعام", "وفي");
    with `article`, each stem is also taken without its article (وبالسيارات -> سيارات)."""
    stems = proclitic_stems(word, min_stem=1)
    return any((strip_article(stem) if article else stem) in words for stem in stems)


def drop_article(word: str, after_lam: bool = False) -> str:
    """The word without its article: الحديده -> حديده; after a ل, whose article has lost its
    alif, لحديده -> حديده. Short words keep theirs (الي is "to", not ال + ي)."""
    if word.startswith(ARTICLE) and len(word) > _MIN_STEM:
        return word[len(ARTICLE) :]
    if after_lam and word.startswith(LAM) and len(word) > _MIN_STEM:
        return word[len(LAM) :]
    return word


@lru_cache(maxsize=1 << 16)
def strip_article(word: str) -> str:
    """The word without the article and the proclitics right before it: والجيش, للجيش -> جيش."""
    stem = word
    while len(stem) > 2 and stem[0] in PROCLITICS and stem[1:].startswith(ARTICLE):
        stem = stem[1:]
    if stem.startswith(ARTICLE_AFTER_LAM) and len(stem) > _MIN_STEM:
        return stem[len(ARTICLE_AFTER_LAM) :]
    return drop_article(stem)
