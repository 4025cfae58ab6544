"""The OpenStreetMap supplement for Sudan (gazetteer/supplement.py, supplement_build.py): the towns
the gazetteer file lacks, held to its rules of evidence. Sentences written for the tests."""

import pytest

from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.gazetteer.supplement import COLUMNS, supplement
from marsad.knowledge.gazetteer.supplement_build import main
from marsad.knowledge.place_cues import distance_km
from marsad.lang.ar.normalize import fold
from support import chosen_places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("sentence", "surface", "town", "lat", "lon"),
    [
        # a town GeoNames lacks, which OCHA knows only as a locality (centred 70 km away)
        ("قصفت قوات الدعم السريع سوق مدينة مليط شمال دارفور", "مليط", "Mellit", 14.14, 25.55),
        ("وصلت تعزيزات عسكرية إلى مليط صباح اليوم", "مليط", "Mellit", 14.14, 25.55),
        # a town GeoNames has without an Arabic name
        ("سقطت قذائف على مدينة أم روابة في شمال كردفان", "ام روابه", "Umm Ruwaba", 12.91, 31.21),
    ],
)
def test_gazetteer_supplement_gives_the_town_the_gazetteer_lacks(
    gazetteer, sentence, surface, town, lat, lon
):
    place = chosen_places(gazetteer, sentence, ["SDN"])[surface]
    assert place.name == town and place.geonameid < 0  # our own id: never taken for a geonameid
    assert distance_km(place.lat, place.lon, lat, lon) < 2


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # OSM hamlets and towns named after words: no place without the word that licenses them
        ("انتشرت قوات الجيش في الجبل المطل على المدينة", "الجبل"),
        ("أطلق المسلحون النار على جندي أمام المقر", "جندي"),
        ("قال المتحدث محمد بابكر إن القوات تقدمت", "بابكر"),
        ("داهمت الشرطة وكرا للمهربين", "وكرا"),
        ("طابت نفوس الأهالي بعد عودة الهدوء إلى المدينة", "طابت"),
    ],
)
def test_gazetteer_supplement_never_reads_a_common_word_as_a_hamlet(gazetteer, sentence, surface):
    place = chosen_places(gazetteer, sentence, ["SDN"]).get(surface)
    assert place is None or place.geonameid not in supplement().labels


@pytest.mark.parametrize(
    ("sentence", "surface", "town"),
    [
        ("هاجم مسلحون قرية طابت في ولاية الجزيرة", "طابت", "Tabat"),
        ("نزح سكان قرية طابت بعد الهجوم", "طابت", "Tabat"),
    ],
)
def test_gazetteer_supplement_names_a_village_after_a_settlement_word(gazetteer, sentence, surface, town):
    assert chosen_places(gazetteer, sentence, ["SDN"])[surface].name == town
    assert fold(surface) not in chosen_places(gazetteer, sentence.replace("قرية ", "في "), ["SDN"])


def test_gazetteer_supplement_leaves_a_name_the_gazetteer_has_a_town_for(gazetteer):
    # El Fasher is GeoNames' (its geonameid), and Doha is Qatar's capital, never a Sudanese hamlet
    assert chosen_places(gazetteer, "اشتباكات عنيفة في مدينة الفاشر", ["SDN"])["الفاشر"].geonameid == 379555
    assert (
        chosen_places(gazetteer, "عقدت المفاوضات في مدينة الدوحة", ["SDN", "QAT"])["الدوحه"].country == "QAT"
    )


def test_gazetteer_supplement_shows_the_arabic_name(gazetteer):
    mellit = chosen_places(gazetteer, "قصف على مدينة مليط", ["SDN"])["مليط"]
    assert gazetteer.arabic_name(mellit.geonameid) == "مليط"


OSM = (
    "osm_type\tosm_id\tlat\tlon\tplace\tname\tname_en\tname_ar\tpopulation\tis_in\n"
    "nodes\t20\t14.14\t25.55\ttown\tمليط\tMellit\tمليط\t\t\n"
    "nodes\t10\t13.96\t26.02\ttown\tKuma\t\tكومة\t\t\n"
    "nodes\t30\t15.0\t30.0\tvillage\tX\tX\t\t\t\n"  # no Arabic name: left out
    "nodes\t40\t15.72\t32.48\t\tسوق ال17\t\tسوق ال17\t\t\n"  # no place kind: left out
)
OCHA = (
    "admin_level\tname_en\tname_ar\tadm2_pcode\tadm2_name_en\tadm2_name_ar\tadm1_pcode\tadm1_name_en"
    "\tadm1_name_ar\tlon\tlat\tvalid_on\tversion\n"
    "2\tMelit\tمليط\tSD02129\tMelit\tمليط\tSD02\tNorth Darfur\tشمال دارفور\t26.2\t14.2\t2020\tv03\n"
    "2\tUm Rawaba\tأم روابة\tSD1301\tUm Rawaba\tأم روابة\tSD13\tNorth Kordofan\tشمال كردفان"
    "\t31.2\t12.9\t2020\tv03\n"
)


def test_gazetteer_supplement_build_writes_sorted_rows_with_their_state(tmp_path, capsys):
    (tmp_path / "osm.tsv").write_text(OSM, encoding="utf-8")
    (tmp_path / "ocha.tsv").write_text(OCHA, encoding="utf-8")
    main([str(tmp_path / "osm.tsv"), str(tmp_path / "ocha.tsv")])
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    assert lines == [
        "\t".join(COLUMNS),
        "10\tكومة\tKuma\t13.96\t26.02\ttown\t\tNorth Darfur",
        "20\tمليط\tMellit\t14.14\t25.55\ttown\t\tNorth Darfur",
    ]


def test_gazetteer_supplement_file_is_what_the_build_writes():
    # every row read: an Arabic key, a known kind, coordinates in Sudan
    places = {place.geonameid: place for places in supplement().by_key.values() for place in places}
    assert len(places) == len(supplement().labels) > 5000
    assert all(8 < place.lat < 23 and 21 < place.lon < 39 for place in places.values())
