"""Stage `mentions`: the country the story happens in, and the places found with it."""
import datetime as dt

import pytest

from marsad.pipeline import run

PUBLISHED = dt.date(2018, 4, 26)


@pytest.mark.parametrize("text, main, places", [
    # Armenia (a nisba and its capital) and Russia (a nisba and its capital) score the same: the
    # story is where the text points first.
    ("تظاهر آلاف الأرمينيين في يريفان.\nوقال المسؤولون الروس إن موسكو لن تتدخل.",
     "ARM", [("يريفان", "ARM"), ("موسكو", "RUS")]),
    ("قال المسؤولون الروس إن موسكو لن تتدخل.\nوتظاهر آلاف الأرمينيين في يريفان.",
     "RUS", [("موسكو", "RUS"), ("يريفان", "ARM")]),
    ("بلغاريا.. تظاهرة حاشدة بوسط صوفيا احتجاجا على الفساد.\nوكانت ألمانيا قد دعت إلى الهدوء.",
     "BGR", [("صوفيا", "BGR")]),
    ("أطلقت الشرطة الماليزية الغاز المسيل للدموع على محتجين في كوالالمبور.",
     "MYS", [("كوالالمبور", "MYS")]),
])
def test_mentions_main_country_and_places_of_countries_the_world_over(text, main, places):
    doc = run(text, PUBLISHED)
    assert doc.main_country == main
    assert [(p.text, p.place.country) for p in doc.places] == places
