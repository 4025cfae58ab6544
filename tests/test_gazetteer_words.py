"""Gazetteer words: the locative words a place name follows."""

import pytest

from marsad.knowledge.countries import find_countries
from marsad.knowledge.gazetteer import after_locative_word
from marsad.lang.ar.normalize import fold


@pytest.mark.parametrize(
    "text, locative",
    [
        ("قتل جندي في سوريا", True),
        ("قتل جندي بسوريا", True),
        ("تقدمت القوات شمال سوريا", True),
        ("سقطت قذيفة على مقربة من العراق", True),
        ("شنت الولايات المتحدة غارات جوية", False),
        ("وقالت سوريا إن الهجوم فشل", False),
    ],
)
def test_gazetteer_words_a_name_after_a_locative_word(text, locative):
    folded = fold(text)
    country = find_countries(folded)[0]
    assert after_locative_word(folded, country.start) is locative
