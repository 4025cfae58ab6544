"""Stage `mentions` (pipeline/mentions.py): the country the story happens in, and the places an
article's words resolve to, with the article's countries as hints. Sentences written for the tests."""

import datetime as dt

import pytest

from marsad.pipeline import run
from marsad.pipeline.mentions import distance_from

PUBLISHED = dt.date(2018, 4, 26)


@pytest.mark.parametrize(
    "text, main, places",
    [
        # Armenia (a nisba and its capital) and Russia (a nisba and its capital) score the same: the
        # story is where the text points first.
        (
            "تظاهر آلاف الأرمينيين في يريفان.\nوقال المسؤولون الروس إن موسكو لن تتدخل.",
            "ARM",
            [("يريفان", "ARM"), ("موسكو", "RUS")],
        ),
        (
            "قال المسؤولون الروس إن موسكو لن تتدخل.\nوتظاهر آلاف الأرمينيين في يريفان.",
            "RUS",
            [("موسكو", "RUS"), ("يريفان", "ARM")],
        ),
        (
            "بلغاريا.. تظاهرة حاشدة بوسط صوفيا احتجاجا على الفساد.\nوكانت ألمانيا قد دعت إلى الهدوء.",
            "BGR",
            [("صوفيا", "BGR")],
        ),
        (
            "أطلقت الشرطة الماليزية الغاز المسيل للدموع على محتجين في كوالالمبور.",
            "MYS",
            [("كوالالمبور", "MYS")],
        ),
    ],
)
def test_mentions_main_country_and_places_of_countries_the_world_over(text, main, places):
    doc = run(text, PUBLISHED)
    assert doc.main_country == main
    assert [(p.text, p.place.country) for p in doc.places] == places


def places_of(text: str) -> list[tuple[str, str]]:
    """(mention as written in the folded text, English name of the place) for each place found."""
    return [(place.text, place.place.name) for place in run(text, until="mentions").places]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قتل عشرة مدنيين في قصف على الفاشر أمس، بحسب مصادر طبية في السودان.", "El Fasher"),
        ("قالت لجان المقاومة في السودان إن اشتباكات اندلعت في الفاشر وقتل فيها خمسة.", "El Fasher"),
    ],
)
def test_mentions_name_with_the_article_resolves_by_its_latin_name(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # a common word of the news whose skeleton is a village's, in the country the article names:
        # the evidence of the place picked decides, not that of the words' first reading
        ("قال مسؤول في مالي إن أسهم الشركة تراجعت في بورصة نيويورك أمس.", "Boughessa"),
        # a seat known by its Latin name only is no name the news made common (Vitoria)
        ("سيسافر اللاعب إلى إسبانيا لقضاء فترة علاج من إصابته في إسبانيا", "Gasteiz / Vitoria"),
    ],
)
def test_mentions_common_word_is_no_transliterated_place(text, not_found):
    assert not_found not in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a capital the news made a common word, met by its skeleton ("كابول" for كابل)
        ("قتل 44 شخصا في سلسلة هجمات في كابول عاصمة أفغانستان.", "Kabul"),
    ],
)
def test_mentions_common_word_may_name_a_capital(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("تراجعت أسهم الشركات في البورصة أمس بعد إعلان نتائج الانتخابات في تركيا.", "Bursa"),
        ("وصف المحلل المشهد السياسي في إيران بأنه معقد.", "Mashhad"),
        ("جرفت السيول عشرات المنازل في كوريا الجنوبية.", "Seoul"),
    ],
)
def test_mentions_a_common_noun_with_the_article_is_no_place_named_without_it(text, not_found):
    assert not_found not in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the only country word is a nisba of something else
        ("قتل خمسة شرطيين في هجوم انتحاري قرب القنصلية الأمريكية في اسطنبول.", "Istanbul"),
        # a region after the word for region, its country named nowhere
        (
            "قتل 15 شخصا في تفجير استهدف مسجدا في منطقة عسير، وقالت الحكومة الإماراتية إنها تدين الهجوم.",
            "'Asir Region",
        ),
    ],
)
def test_mentions_a_region_or_a_great_city_is_itself_where_its_country_goes_unnamed(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("تظاهر آلاف العراقيين اليوم في العاصمة العراقية احتجاجا على الفساد.", "Baghdad"),
        ("خرج الآلاف إلى شوارع عاصمة العراق احتجاجا على انقطاع الكهرباء.", "Baghdad"),
        ("قتل ثلاثة أشخاص في انفجار عبوة ناسفة بالعاصمة الأفغانية أمس.", "Kabul"),
        # "the capital of" Oman, not "the capital" Amman
        ("احتج مئات الشبان في عاصمة عمان على ارتفاع أسعار الوقود.", "Muscat"),
    ],
)
def test_mentions_capital_named_by_its_country_is_that_capital(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قتل عشرة مدنيين في قصف على عاصمة ولاية شمال دارفور يوم الأحد.", "El Fasher"),
        ("تظاهر المئات في عاصمة محافظة أبين احتجاجا على انقطاع الكهرباء.", "Zinjibār"),
    ],
)
def test_mentions_capital_of_a_region_named_by_the_region_is_its_seat(text, name):
    assert [found for _, found in places_of(text)] == [name]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the capital's own name beside it is the mention
        ("تظاهر المئات في العاصمة الليبية طرابلس أمس.", "طرابلس"),
        ("قتل 44 شخصا في سلسلة هجمات في كابول عاصمة أفغانستان.", "كابول"),
    ],
)
def test_mentions_capital_with_its_name_is_the_name(text, named):
    assert [words for words, _ in places_of(text)] == [named]


@pytest.mark.parametrize(
    ("text", "main", "name"),
    [
        # the report's country names no place of its own: the story happens where its place is
        (
            "قالت القوات الأمريكية إن غارة جوية نفذتها في المنطقة الشرقية من محافظة نانغارهار قتلت قياديا"
            " في تنظيم داعش، وأكد البنتاغون أن الولايات المتحدة ستواصل دعم الحكومة في أفغانستان.",
            "AFG",
            "Nangarhar",
        ),
        # the report's country has places of its own: the place abroad is read, the story stays
        (
            "قال مسؤولون أمريكيون إن القوات الأمريكية نفذت غارة في ولاية هلمند بأفغانستان بعد لقاء في"
            " واشنطن وآخر في نيويورك.",
            "USA",
            "Helmand",
        ),
    ],
)
def test_mentions_transliterated_name_after_a_place_type_word_may_be_in_another_country_pointed_at(
    text, main, name
):
    doc = run(text, until="mentions")
    assert doc.main_country == main
    assert name in {place.place.name for place in doc.places}


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # without a word saying what kind of place follows, a skeleton abroad is not read
        (
            "قالت القوات الأمريكية إن غارة جوية في نانغارهار قتلت قياديا، وأكد البنتاغون أن الولايات"
            " المتحدة ستواصل دعم الحكومة في أفغانستان.",
            "Nangarhar",
        ),
        # a small town abroad is no place the news names across borders (Terrell, Texas)
        (
            "هاجم مسلحون قوات هندية في بلدة ترال جنوبي كشمير، واتهمت الهند باكستان بدعمهم، وقالت الهند"
            " إن الولايات المتحدة تتابع الوضع.",
            "Terrell",
        ),
    ],
)
def test_mentions_transliterated_name_abroad_needs_a_place_type_word_and_a_notable_place(text, not_found):
    assert not_found not in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # a given name, then two surnames spelled like American towns (Jennings, Bryan)
        (
            "استخدم المرشح الرئاسي الأمريكي آنذاك ويليام جينينغز بريان القطار في حملته الانتخابية في"
            " الولايات المتحدة.",
            {"Jennings", "Bryan"},
        ),
    ],
)
def test_mentions_name_after_a_title_or_a_given_name_is_a_persons(text, not_found):
    assert not not_found & {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        ("وتجمع المحتجون أمس في شارع بغداد وسط دمشق.", "Damascus", "Baghdad"),
        ("وحطم المحتجون واجهات المتاجر بشارع ويست فلوريسانت في فيرغسون.", "Ferguson", "Florissant"),
    ],
)
def test_mentions_a_town_named_after_a_streets_word_is_the_streets_name(text, found, not_found):
    names = {name for _, name in places_of(text)}
    assert found in names and not_found not in names


def test_mentions_a_town_after_a_streets_name_with_the_article_is_the_town():
    assert "Beirut" in {name for _, name in places_of("وأغلق المتظاهرون شارع الحمراء بيروت أمس.")}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Amsterdam, not the American town of the report's country
        (
            "قالت الخارجية الأمريكية إن مواطنا أمريكيا أصيب في هجوم طعن بالعاصمة أمستردام، وإن الولايات"
            " المتحدة تتابع التحقيق مع السلطات.",
            "NLD",
        ),
    ],
)
def test_mentions_name_right_after_the_word_capital_is_a_capital(text, country):
    doc = run(text, until="mentions")
    assert [(place.text, place.place.country) for place in doc.places] == [("امستردام", country)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # settlers make the report Israeli; the city after "مدينة" is Hebron all the same
        ("هاجم مستوطنون منزلا في مدينة الخليل فجر اليوم وأصيب ثلاثة من سكانه بجروح.", "Hebron"),
    ],
)
def test_mentions_a_city_of_some_size_after_the_word_city_is_itself_anywhere(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("تجمع نحو 200 متظاهر اليوم أمام مقر الأمم المتحدة في جنيف احتجاجا على زيارة وزير إيراني.", True),
        ("التقى وزير الخارجية الإيراني اليوم نظيره الفرنسي في جنيف لبحث الملف النووي.", False),
        ("تظاهر المئات في طهران اليوم احتجاجا على محادثات الوزير الإيراني في جنيف.", False),
    ],
)
def test_mentions_a_city_abroad_is_itself_where_a_crowd_gathered_not_in_its_grievance(text, found):
    assert ("Genève" in {name for _, name in places_of(text)}) is found


@pytest.mark.parametrize(
    "text, name",
    [
        # "مدني" alone is a civilian; "ود مدني" is Wad Madani, and no civilian is named
        ("قصفت قوات الدعم السريع سوق ود مدني في السودان", "Wad Medani"),
        ("سقطت قذائف على مدينة ود مدني وسط السودان", "Wad Medani"),
    ],
)
def test_mentions_a_name_of_several_words_holds_the_actor_word_inside_it(text, name):
    doc = run(text, PUBLISHED, until="mentions")
    assert [p.place.name for p in doc.places] == [name]
    assert not any(actor.start >= doc.places[0].start for actor in doc.actors)


@pytest.mark.parametrize(
    "text, name",
    [
        # after a word naming a settlement the article is the name's (OSM writes the town كومة)
        ("قصفت قوات الدعم السريع سوق مدينة الكومة في السودان", "Kuma"),
    ],
)
def test_mentions_the_article_after_a_settlement_word_is_the_names(text, name):
    assert [p.place.name for p in run(text, PUBLISHED, until="mentions").places] == [name]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("تظاهر المئات أمام مبنى البرلمان في العاصمة الأردنية عمان.", "JOR"),
        ("تظاهر المئات أمام مبنى البرلمان في مدينة عمان.", "JOR"),
        ("تجمع العشرات أمام مجلس الأمة في مدينة الكويت.", "KWT"),
        # "the capital" with its article beside a country's name: the capital city of that name
        ("اعتصم عشرات المعلمين أمام مقر الحكومة في العاصمة عمان للمطالبة بزيادة رواتبهم.", "JOR"),
        ("وصل وفد نقابي إلى العاصمة عمان صباح اليوم في زيارة تستمر يومين.", "JOR"),
        ("تجمع مئات الطلاب أمام وزارة التربية بالعاصمة الكويت.", "KWT"),
    ],
)
def test_mentions_a_city_named_like_a_country_is_the_city(text, country):
    doc = run(text, PUBLISHED, until="mentions")
    assert [c.country.iso3 for c in doc.countries if not c.as_adjective] == []
    assert doc.main_country == country and [p.place.country for p in doc.places] == [country]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("تظاهر المئات أمام السفارة الأمريكية في القاهرة احتجاجا على الحرب.", "EGY"),
        ("تجمع العشرات أمام القنصلية الفرنسية في مدينة طرابلس احتجاجا على الرسوم.", "LBY"),
    ],
)
def test_mentions_an_embassy_country_is_not_where_the_story_is(text, country):
    doc = run(text, PUBLISHED, until="mentions")
    assert doc.main_country == country and {p.place.country for p in doc.places} == {country}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("هاجم مسلحون مدينة مروة في أقصى شمال الكاميرون وقتلوا خمسة مدنيين.", "Maroua"),
        ("قتل ثلاثة جنود في هجوم على مدينة مأرب شرقي صنعاء.", "Ma'rib"),
        ("قتل مدنيان في قصف على مديرية التحيتا جنوب الحديدة.", "At Tuḩaytā’"),
        ("سقط صاروخ باليستي على قاعدة العند الجوية في محافظة لحج اليمنية.", "Al Anad Air Base"),
        ("استهدفت غارة مطار التيفور العسكري في ريف حمص الشرقي في سوريا.", "Tiyas Air Base (T4)"),
        ("قتل شرطيان في انفجار في مدينة كويتا جنوب غربي باكستان.", "Quetta"),
    ],
)
def test_mentions_arabic_names_the_news_writes_resolve(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قصفت طائرات التحالف مواقع لتنظيم الدولة في مدينة البوكمال السورية.", "Ālbū Kamāl"),
        ("خرج مئات المحتجين في مدينة الأحواز جنوب غربي إيران.", "Ahvaz"),
    ],
)
def test_mentions_name_with_the_article_as_its_place_is_named_resolves(text, name):
    assert name in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    "text",
    [
        "قال المتحدث عند وصوله إلى عدن إن الهدنة صامدة.",
        "قالت مروة إن الحكومة المصرية قررت ذلك في القاهرة.",
    ],
)
def test_mentions_a_word_or_a_person_named_like_an_added_place_is_none(text):
    assert {found for _, found in places_of(text)} <= {"Aden", "Cairo"}


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # a town named like a Turkish village is no place in Turkey when Iraq is given beside it
        ("قصفت طائرات تركية مواقع في منطقة قنديل شمالي العراق يوم الاثنين.", []),
        ("شنت طائرات تركية غارات على جبل قنديل بالعراق، وقالت إن جبل قنديل معقل للمسلحين.", []),
        ("قتل ثلاثة أشخاص في انفجار في طرابلس اللبنانية يوم الاثنين.", ["LBN"]),
        # a name written in Arabic keeps its place: "في" after it need not say where it lies
        ("انتقد النائب الأمريكي استراتيجية واشنطن في العراق وسوريا.", ["USA"]),
    ],
)
def test_mentions_a_place_is_in_the_country_given_beside_it(text, countries):
    assert [place.place.country for place in run(text, until="mentions").places] == countries


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("قال المتحدث باسم الكرملين إن الانفجار الذي وقع في القرم عمل إرهابي.", "Crimea"),
        ("أعلن تنظيم داعش مسؤوليته عن تفجير استهدف مسجدا في عسير.", "'Asir Region"),
    ],
)
def test_mentions_first_level_area_after_in_is_itself_whatever_country_the_article_names(text, region):
    assert region in {found for _, found in places_of(text)}


@pytest.mark.parametrize(
    "text",
    [
        "قتل 17 شخصا وأصيب العشرات في انفجار داخل كلية بمدينة كيرش بالقرم. وقالت لجنة التحقيق الروسية إن"
        " الانفجار نجم عن عبوة ناسفة.",
        "قال الكرملين إن التفجير الذي وقع في كلية في القرم عمل إرهابي. وأضاف أن التفجير الذي أودى بحياة"
        " عشرة أشخاص في مدينة كيرش قد يكون عملا إرهابيا.",
    ],
)
def test_mentions_transliterated_town_is_the_one_in_the_region_named(text):
    assert ("كيرش", "Kerch") in places_of(text)


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("وقالت حكومة أنقرة إن طائراتها قصفت مواقع للمسلحين في شمال العراق.", "انقره"),
        ("قصفت قوات نظام دمشق مدينة كفرنبل في ريف إدلب وقتلت ثلاثة مدنيين.", "دمشق"),
        ("وقالت سلطات طهران إنها اعتقلت عشرة متظاهرين في مدينة الأهواز.", "طهران"),
        # loyal to, allied with, backed by
        ("وقتل عشرة مقاتلين سوريين موالين لدمشق في غارات تركية على قرى في منطقة عفرين.", "دمشق"),
        ("وانتشرت فصائل مسلحة موالية لطهران في شوارع مدينة البصرة بعد الاشتباكات.", "طهران"),
        ("وهاجمت الفصائل السورية المدعومة من دمشق قرى في ريف حلب الشمالي.", "دمشق"),
        ("وقالت روسيا، حليفة دمشق، إن الضربات على مدينة دوما السورية لا مبرر لها.", "دمشق"),
    ],
)
def test_mentions_capital_after_a_government_or_allegiance_word_stands_for_the_state_not_a_place(
    text, capital
):
    # mentions as folded ("أنقرة" is read "انقره")
    assert capital not in {mention for mention, _ in places_of(text)}


def test_mentions_capital_without_a_government_word_is_a_place():
    assert ("انقره", "Ankara") in places_of("قتل خمسة أشخاص في انفجار سيارة مفخخة في أنقرة.")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ('وذكرت صحيفة "واشنطن بوست" أن الغارة على بلدة كفرنبل قتلت ستة مدنيين.', "واشنطن"),
        ("ونقلت صحيفة نيويورك تايمز عن مسؤولين أن الانفجار في كابول قتل عشرة أشخاص.", "نيويورك"),
        ("وقالت قناة الموصل المحلية إن مسلحين هاجموا نقطة أمنية في مدينة تكريت العراقية.", "الموصل"),
        ("وقالت إذاعة دمشق إن الجيش السوري استعاد بلدة كفرنبل في ريف إدلب.", "دمشق"),
    ],
)
def test_mentions_name_after_an_outlet_word_is_the_outlet_not_a_place(text, outlet):
    assert outlet not in {mention for mention, _ in places_of(text)}


def test_mentions_capital_and_outlet_words_away_from_a_name_leave_it_a_place():
    places = places_of("وقالت الصحيفة إن القوات الموالية للحكومة قتلت خمسة مسلحين في دمشق.")
    assert ("دمشق", "Damascus") in places


@pytest.mark.parametrize(
    "text, reference_points",
    [
        ("سقطت قذيفة على قرية تقع على بعد 40 كلم شمال الموصل.", ["الموصل"]),
        ("وقع الهجوم على مسافة خمسة كيلومترات من مدينة كركوك.", ["كركوك"]),
        # a place after "في" past the distance holds the spot: not measured from
        ("نصب المسلحون كمينا على بعد 6 كلم من القرية في منطقة تلعفر.", []),
        # another clause
        ("تقع البلدة على بعد 20 كلم، وقتل فيها مدنيان في الموصل.", []),
        ("قتل جنديان في هجوم شمال الموصل.", []),
    ],
)
def test_mentions_a_place_a_distance_is_measured_from(text, reference_points):
    doc = run(text, until="mentions")
    assert [p.text for p in doc.places if distance_from(doc.folded, p.start) >= 0] == reference_points


def unlisted_of(text: str) -> list[tuple[str, str, str | None]]:
    """(name, country, first-level area) of each place read after a settlement word that the
    gazetteer lacks."""
    return [
        (place.text, place.place.country, place.place.admin1)
        for place in run(text, PUBLISHED, until="mentions").places
        if place.unlisted
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("قصفت قوات النظام بلدة طويرش بريف إدلب الجنوبي.", [("طويرش", "SYR", "Idlib")]),
        (
            "قتل ثلاثة مدنيين في قصف على قريتي الصفصوف وحنيضة في ريف حماة.",
            [("الصفصوف", "SYR", "Hama"), ("حنيضه", "SYR", "Hama")],
        ),
        ("قصفت قوات النظام بلدتي نبل والطويرش أمس.", [("الطويرش", "SYR", "Aleppo")]),
        ("قصفت قوات النظام منطقة المقيبرة بمحافظة درعا.", [("المقيبره", "SYR", "Daraa")]),
        (
            "قتل خمسة في قصف على مدينة إدلب. وفي بلدة طويرش قتل ثلاثة آخرون في قصف مدفعي.",
            [("طويرش", "SYR", "Idlib")],
        ),
    ],
)
def test_mentions_a_name_after_a_settlement_word_is_a_place_though_the_gazetteer_lacks_it(text, found):
    assert unlisted_of(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "قصف الطيران قرية نائية في ريف حلب.",  # an adjective
        "اشتبكت القوات مع مسلحين في منطقة أحراش جبلية قرب حلب.",  # a noun an adjective describes
        "اندلعت اشتباكات بين قريتي الصفصوف وحنيضة في ريف حماة.",  # between two places
        "سيطر المسلحون على بضع بلدات وأعدموا عشرة في ريف حلب.",  # a verb after the place word
        "قصفت قوات النظام منطقة المقيبرة في سوريا.",  # an area whose province goes unsaid
        "تظاهر الآلاف في أكبر مدن الصفصوف بريف حلب.",  # the area the towns are in
        "قصفت قوات النظام بلدات ومدنا في ريف حلب.",  # a place word, not a name
        "وقعت المجزرة في مدينة بيرسوس (سروج) قبل ثلاثة أيام.",  # another name of a known town
        "وقع الاتفاق في مدينة الصخيرات الساحلية المغربية بعد مفاوضات حول ليبيا.",  # a town abroad
    ],
)
def test_mentions_no_unlisted_place_where_the_word_after_a_settlement_word_is_no_name_of_a_home_town(text):
    assert unlisted_of(text) == []
