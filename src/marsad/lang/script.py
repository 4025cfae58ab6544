"""Which script a text is written in, to keep non-Arabic documents out of the Arabic rules.

A cheap letter count, not language identification: it only has to tell Arabic-script text from
the rest. (Routing by language proper belongs to batch ingest.)
"""

from __future__ import annotations

import re

# Share of letters that must be Arabic script for the Arabic pipeline to run.
ARABIC_SHARE = 0.5
_SAMPLE = 20000
# What is not an Arabic-script character, and what is not a letter: the characters of each kind
# are counted as what is left once the others are deleted (cheaper than a list of every one).
_NOT_ARABIC = re.compile(r"[^\u0600-\u06FF\u0750-\u077F\uFB50-\uFEFF]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def language_of(text: str) -> str:
    """ "ar" when most letters are Arabic script, else "und" (undetermined)."""
    sample = text[:_SAMPLE]
    letters = len(_NOT_LETTER.sub("", sample))
    arabic = len(_NOT_ARABIC.sub("", sample))
    return "ar" if letters and arabic / letters >= ARABIC_SHARE else "und"
