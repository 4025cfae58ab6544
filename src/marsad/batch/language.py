"""Which language a document is in, so that only Arabic reaches the Arabic rules.

lingua, limited to Arabic and the languages a news feed mixes in (English, French, the other
Arabic-script languages Persian and Urdu, and a few more), in low-accuracy mode: news articles
are long, and this mode keeps the detector at a few MB instead of hundreds. Built once per process.
"""

from __future__ import annotations

from functools import lru_cache

HANDLED = "ar"
# Arabic-script neighbours (fa, ur) matter most: they would otherwise pass a script test.
CANDIDATES = (
    "ARABIC",
    "ENGLISH",
    "FRENCH",
    "PERSIAN",
    "URDU",
    "TURKISH",
    "SPANISH",
    "GERMAN",
    "HEBREW",
    "RUSSIAN",
)
# Enough text to decide; detection time grows with length.
SAMPLE_CHARS = 3000
UNKNOWN = "unknown"


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, or "unknown" when lingua cannot tell."""
    language = _detector().detect_language_of(text[:SAMPLE_CHARS])
    return UNKNOWN if language is None else language.iso_code_639_1.name.lower()


def warm_up() -> None:
    detect("warm up")
