"""Which script a text is written in, to keep non-Arabic documents out of the Arabic rules.

A cheap letter count, not language identification: it only has to tell Arabic-script text from
the rest. (Routing by language proper belongs to batch ingest.)
"""
from __future__ import annotations

# Share of letters that must be Arabic script for the Arabic pipeline to run.
ARABIC_SHARE = 0.5


def _is_arabic(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF


def language_of(text: str) -> str:
    """"ar" when most letters are Arabic script, else "und" (undetermined)."""
    letters = arabic = 0
    for char in text[:20000]:
        if char.isalpha():
            letters += 1
            arabic += _is_arabic(char)
    return "ar" if letters and arabic / letters >= ARABIC_SHARE else "und"
