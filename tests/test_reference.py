"""The knowledge's answers to the store's questions (knowledge/reference.py), against what the store
asks (store/reference.py) and what it does without them."""

import inspect

import pytest

from marsad.knowledge.reference import KNOWLEDGE
from marsad.store.reference import AS_STORED, Reference

QUESTIONS = sorted(name for name in vars(Reference) if not name.startswith("_"))


@pytest.mark.parametrize("question", QUESTIONS)
def test_reference_knowledge_and_as_stored_answer_each_question_of_the_store(question):
    asked = list(inspect.signature(getattr(Reference, question)).parameters)[1:]  # without self
    for reference in (KNOWLEDGE, AS_STORED):
        assert list(inspect.signature(getattr(reference, question)).parameters) == asked


@pytest.mark.parametrize(
    "question, args, knowledge, as_stored",
    [
        ("actor_names", ("فاغنر",), ("Wagner Group",), ()),
        ("place_names", ("غاو",), ("Gao",), ()),
        ("country", ("MLI",), ("Mali", "Western Africa", 466), ("MLI", "", "")),
        ("country", (None,), ("", "", ""), ("", "", "")),
        ("source_name", ("aawsat",), "Asharq Al-Awsat", "aawsat"),
        ("source_name", ("صحيفة الساحل",), "صحيفة الساحل", "صحيفة الساحل"),
        ("source_scale", (["aawsat"], "MLI"), "International", ""),
        ("arabic_actor_name", ("Wagner Group",), "مجموعة فاغنر", None),
        ("arabic_actor_name", ("مصادر محلية",), None, None),
        ("arabic_actor_name", (None,), None, None),
        ("outlet_names", ("aawsat",), ("Asharq Al-Awsat", "الشرق الأوسط"), None),
        ("outlet_names", ("صحيفة الساحل",), None, None),
    ],
)
def test_reference_knowledge_names_what_as_stored_leaves_as_stored(question, args, knowledge, as_stored):
    assert getattr(KNOWLEDGE, question)(*args) == knowledge
    assert getattr(AS_STORED, question)(*args) == as_stored
