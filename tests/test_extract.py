"""Property tests: extraction never raises and always returns a valid contract."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.schema import Extraction

ARABIC_WORDS = (
    "قتل",
    "مقتل",
    "أصيب",
    "جنود",
    "الجيش",
    "المالي",
    "في",
    "هجوم",
    "غارة",
    "قال",
    "إن",
    "بحسب",
    "مصادر",
    "الخميس",
    "أمس",
    "ما لا يقل عن",
    "العشرات",
    "15",
    "١٢",
    "تينزاوتين",
    "كيدال",
    "“",
    "”",
    ".",
    "،",
    "\n",
    "لم يسقط قتلى",
    "بعضهم",
    "وأضاف",
    "البيان",
    "عام 2012",
    "نقلا",
    "عن",
    "وفقا",
    "لقي",
    "حتفه",
    "عبوة",
    "ناسفة",
    "في حادث منفصل",
    "هجوما",
    "آخر",
    "و14",
    "فندق",
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid(result) -> None:
    assert isinstance(result, Extraction)
    Extraction.model_validate(result.model_dump(mode="json"))
    text_length = result.document.length
    for event in result.events:
        for claim in event.claims:
            assert 0 <= claim.evidence.start <= claim.evidence.end <= text_length


@SETTINGS
@given(st.text(max_size=400))
def test_extract_random_unicode_never_raises(text):
    _valid(marsad.extract(text, published="2024-07-28"))


@SETTINGS
@given(
    st.lists(
        st.tuples(st.sampled_from(ARABIC_WORDS), st.sampled_from([" ", "  ", "\n", "\t ", "، "])), max_size=80
    ),
    st.sampled_from([None, "2024-07-28", "2015-01-01"]),
)
def test_extract_arabic_word_salad_gives_a_valid_contract(words, published):
    _valid(marsad.extract("".join(word + space for word, space in words), published=published))


@SETTINGS
@given(st.randoms(use_true_random=False), st.integers(min_value=0, max_value=2000))
def test_extract_truncated_and_shuffled_article_gives_a_valid_contract(rng: random.Random, cut):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "examples" / "ansongo.ar.txt").read_text(encoding="utf-8")
    sentences = text.split(".")
    rng.shuffle(sentences)
    _valid(marsad.extract(".".join(sentences)[:cut], published="2025-03-12"))


def test_extract_evidence_offsets_point_into_the_original_text():
    text = "وقال الجيشُ المالي في بيانٍ إن جنديين قُتلا وأصيب ١٠ آخرون في هجوم."
    result = marsad.extract(text, published="2024-07-28")
    for event in result.events:
        for claim in event.claims:
            assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_extract_is_deterministic():
    text = "قتل خمسة جنود في هجوم على بلدة كيدال يوم الخميس، بحسب مصادر أمنية."
    first = marsad.extract(text, published="2024-07-28").model_dump(mode="json")
    assert first == marsad.extract(text, published="2024-07-28").model_dump(mode="json")
