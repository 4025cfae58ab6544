"""Actors: the actor table, generic patterns and country-dependent readings, on news-style Arabic."""

import json
from datetime import date

import pytest

import support
from marsad.knowledge import countries
from marsad.knowledge.actors import (
    RELATIONS,
    ROLES,
    ActorBase,
    ActorMention,
    ActorRelation,
    generic_name,
    period_label,
)
from marsad.lang.ar.normalize import fold, match_key

SHARED = support.SHARED / "corpus"


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return ActorBase.default()


def mentions(base: ActorBase, sentence: str, country: str | None) -> list[ActorMention]:
    return base.find_mentions(fold(sentence), country)


def names(base: ActorBase, sentence: str, country: str | None) -> list[str]:
    return [m.name for m in mentions(base, sentence, country)]


@pytest.mark.parametrize(
    "sentence, country, expected",
    [
        # state forces: by adjective, by country name, or the article's country for a bare word
        (
            "اشتبك الجيش المالي مع مسلحين قرب الحدود",
            "MLI",
            ["Military Forces of Mali", "Unidentified Armed Group (Mali)"],
        ),
        ("أعلن جيش النيجر أنه صد هجوما على أحد مواقعه", None, ["Military Forces of Niger"]),
        ("قتل جنديان ماليان في كمين", None, ["Military Forces of Mali"]),
        ("أعلن الجيش مقتل ثمانية جنود", "EGY", ["Military Forces of Egypt", "Military Forces of Egypt"]),
        ("تعرضت دورية من الجيش الوطني الشعبي لكمين في الجبل", None, ["Military Forces of Algeria"]),
        ("تقدمت وحدات الجيش العربي السوري في الريف", "SYR", ["Military Forces of Syria"]),
        ("ألقى طيران النظام السوري براميل متفجرة", None, ["Military Forces of Syria"]),
        ("وانتشرت قوات الأمن في المدينة", "TCD", ["Military Forces of Chad"]),
        (
            "اشتبكت القوات الحكومية السودانية مع المتمردين",
            "SDN",
            ["Military Forces of Sudan", "Rebels (Sudan)"],
        ),
        ("قصفت قوات جيش جنوب السودان القرية", None, ["Military Forces of South Sudan"]),
        # police
        (
            "لقي مسلح مصرعه في اشتباك مع رجال شرطة",
            "BFA",
            ["Unidentified Armed Group (Burkina Faso)", "Police Forces of Burkina Faso"],
        ),
        ("أعلنت الشرطة العراقية اعتقال ثلاثة", None, ["Police Forces of Iraq"]),
        ("وقتل شرطيا في الهجوم", "NGA", ["Police Forces of Nigeria"]),
        # civilians, protesters, rioters, unidentified armed groups
        ("قتل خمسة مدنيين في غارة", "SYR", ["Civilians (Syria)"]),
        ("قتل عشرون شخصا بينهم نساء وأطفال", "YEM", ["Civilians (Yemen)"] * 3),
        ("طلبت السفارة من الرعايا الفرنسيين البقاء في منازلهم", "BFA", ["Civilians (France)"]),
        ("فرقت الشرطة متظاهرين أمام البرلمان", "SDN", ["Police Forces of Sudan", "Protesters (Sudan)"]),
        ("أحرق مثيري الشغب إطارات", "TUN", ["Rioters (Tunisia)"]),
        ("هاجم مسلحون مجهولون نقطة تفتيش", "LBY", ["Unidentified Armed Group (Libya)"]),
        ("قام مجهولين بتدمير صهريج مياه", "SOM", ["Unidentified Armed Group (Somalia)"]),
        # named actors of the Sahel and Lake Chad
        (
            "أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها",
            "BFA",
            ["JNIM: Group for Support of Islam and Muslims"],
        ),
        (
            "تبنى تنظيم القاعدة في بلاد المغرب الإسلامي الهجوم",
            None,
            ["AQIM: Al Qaeda in the Islamic Maghreb"],
        ),
        ("قتل عدد من مرتزقة فاغنر الروسية", "MLI", ["Wagner Group"]),
        ("وصلت مجموعة فاجنر إلى المنطقة", "MLI", ["Wagner Group"]),
        ("انتشر الفيلق الإفريقي في المنطقة", "MLI", ["Africa Corps"]),
        ("قال المتحدث باسم الإطار الاستراتيجي الدائم للسلام والأمن والتنمية", "MLI", ["CSP-PSD"]),
        ("قالت تنسيقية الحركات الأزوادية إن", "MLI", ["CMA: Coordination of Azawad Movements"]),
        ("تبنت جماعة المرابطون الهجوم", "MLI", ["Al Mourabitoune Battalion"]),
        ("هاجمت جماعة بوكو حرام قرية", "TCD", ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]),
        ("معقل تمرد #جماعة_بوكو_حرام", "NGA", ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]),
        ("هاجم تنظيم الدولة الإسلامية في غرب أفريقيا قاعدة", "NGA", ["Islamic State (West Africa)"]),
        # Somalia, Libya, Sudan
        (
            "اتهم نواب بعثة الاتحاد الإفريقي في الصومال بقتل مدنيين",
            "SOM",
            ["AMISOM: African Union Mission in Somalia (2007-2022)", "Civilians (Somalia)"],
        ),
        ("تبنت حركة الشباب الهجوم", "SOM", ["Al Shabaab"]),
        ("قاد الجيش الوطني الليبي الهجوم", "LBY", ["LNA: Libyan National Army"]),
        (
            "اشتبكت قوات الدعم السريع مع الجيش السوداني",
            "SDN",
            ["Rapid Support Forces", "Military Forces of Sudan"],
        ),
        # Yemen
        ("اتهم الحوثيون التحالف العربي بشن الغارة", "YEM", ["Houthi Movement", "Saudi-led Coalition"]),
        ("قتل ثمانية عشر حوثيا في الاشتباكات", "YEM", ["Houthi Movement"]),
        ("هاجمت جماعة أنصار الله مواقع المقاومة الشعبية", "YEM", ["Houthi Movement", "Popular Resistance"]),
        (
            "رجح مسؤول أن يكون تنظيم القاعدة في جزيرة العرب وراء الهجوم",
            "YEM",
            ["AQAP: Al Qaeda in the Arabian Peninsula"],
        ),
        ("شنت المقاومة الشعبية في إقليم تهامة هجوما", "YEM", ["Popular Resistance (Tihama)"]),
        # Syria, Iraq, Egypt, Israel/Palestine, Lebanon
        ("سيطرت هيئة تحرير الشام على البلدة", "SYR", ["HTS: Hayat Tahrir al Sham"]),
        ("تقدمت قوات سوريا الديمقراطية شرق الفرات", "SYR", ["QSD: Syrian Democratic Forces"]),
        ("قصفت فصائل المعارضة حي الكشكول", "SYR", ["Opposition Rebels (Syria)"]),
        (
            "اتهم الحشد الشعبي التحالف الدولي",
            "IRQ",
            ["Popular Mobilization Forces", "Global Coalition Against Daesh"],
        ),
        ("أعلنت جماعة ولاية سيناء استهداف الكتيبة", "EGY", ["Islamic State (Egypt)"]),
        ("أطلقت كتائب القسام صواريخ", "PSE", ["Hamas Movement"]),
        ("اقتحم جيش الاحتلال مخيم جنين", "PSE", ["Military Forces of Israel"]),
        ("أعلن حزب الله اللبناني", "LBN", ["Hezbollah"]),
        ("أعلنت كتائب حزب الله العراقي", "IRQ", ["Kataib Hezbollah"]),
        # actors added with ACLED's spelling
        (
            "أعلنت حركة التوحيد والجهاد في غرب إفريقيا خطف رهينة",
            "MLI",
            ["MUJAO: Movement for Unity and Jihad in West Africa", "Civilians (Mali)"],
        ),
        (
            "وتبنت جبهة التناوب والوفاق في تشاد الهجوم على الرتل",
            "TCD",
            ["FACT: Front for Change and Concord in Chad"],
        ),
        (
            "قالت القوة المشتركة لحركات الكفاح المسلح إنها صدت هجوما لقوات الدعم السريع",
            "SDN",
            ["Darfur Joint Forces/JSAMF: Joint Force of Armed Struggle Movement", "Rapid Support Forces"],
        ),
        (
            "قاتلت كتيبة البراء بن مالك إلى جانب الجيش السوداني",
            "SDN",
            ["Al Baraa Ibn Malik Brigade", "Military Forces of Sudan"],
        ),
        (
            "وأعلنت المقاومة الشعبية في الولاية استنفار الشباب",
            "SDN",
            ["Sudanese Popular Resistance Factions"],
        ),
        (
            "شن الحزب الإسلامي التركستاني هجوما على مواقع الجيش",
            "SYR",
            ["TIP: Turkistan Islamic Party", "Military Forces of Syria"],
        ),
        (
            "اشتبكت الجبهة الشامية مع فرقة السلطان مراد في عفرين",
            "SYR",
            ["JaS: Levant Front", "Sultan Murad Division"],
        ),
        (
            "اعتقل الحرس الثوري الإيراني ثلاثة أشخاص",
            "IRN",
            ["Military Forces of Iran Islamic Revolutionary Guard Corps", "Civilians (Iran)"],
        ),
        ("هاجمت قوات البيشمركة موقعا للتنظيم", "IRQ", ["Military Forces of Iraq Peshmerga", "Rebels (Iraq)"]),
        ("تبنت حركة النجباء قصف قاعدة عسكرية", "IRQ", ["Harakat Hezbollah al Nujaba"]),
        (
            "قالت مجموعة عرين الأسود إن مقاتليها اشتبكوا مع جيش الاحتلال في نابلس",
            "PSE",
            ["Lions' Den", "Military Forces of Israel"],
        ),
        ("أعلنت ألوية الناصر صلاح الدين قصف مستوطنة", "PSE", ["Al Nasser Salah al Deen Brigades"]),
        ("وفتح مسلحون النار على سيارة", "PSE", ["Unidentified Armed Group (Palestine)"]),
        (
            "اعتقلت أجهزة أمن السلطة الفلسطينية ناشطا في جنين",
            "PSE",
            ["Military Forces of Palestine", "Civilians (Palestine)"],
        ),
        ("تقدمت القوات المشتركة في الساحل الغربي نحو المدينة", "YEM", ["West Coast Joint Forces"]),
        ("قصفت طائرات عاصفة الحزم مواقع الحوثيين", "YEM", ["Saudi-led Coalition", "Houthi Movement"]),
        ("اندلعت اشتباكات بين مجموعتين مسلحتين جنوب العاصمة", "LBY", ["Unidentified Armed Group (Libya)"]),
        ("قتل ثلاثة مسلحين من تنظيم داعش في اشتباكات", "SYR", ["Islamic State (Syria)"]),
        ("وقال ضابط في الشرطة إن الانفجار وقع قرب سوق", "IRQ", ["Police Forces of Iraq"]),
        (
            "قتل أربعة من جنود حفظ السلام في هجوم على معسكرهم",
            "MLI",
            ["MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)"],
        ),
        (
            "استهدف انفجار دورية لقوات حفظ السلام الدولية",
            "LBN",
            ["UNIFIL: United Nations Interim Force in Lebanon"],
        ),
        (
            "وقتل مسلحون سبعة من أفراد عائلة واحدة",
            "IRQ",
            ["Unidentified Armed Group (Iraq)", "Civilians (Iraq)"],
        ),
        ("وفقد ثلاثة صيادين في البحيرة", "TCD", ["Civilians (Chad)"]),
        ("وقتل ضابط ومجندان في الهجوم", "EGY", ["Military Forces of Egypt", "Military Forces of Egypt"]),
    ],
)
def test_actors_named_in_news_sentences(base, sentence, country, expected):
    assert names(base, sentence, country) == expected


@pytest.mark.parametrize(
    "sentence, country, expected",
    [
        ("أعلن تنظيم داعش مسؤوليته", "IRQ", "Islamic State (Iraq)"),
        ("أعلن تنظيم داعش مسؤوليته", "SYR", "Islamic State (Syria)"),
        ("أعلن تنظيم داعش مسؤوليته", "NGA", "Islamic State (West Africa)"),
        ("أعلن تنظيم داعش مسؤوليته", "MLI", "Islamic State Sahel Province"),
        ("أعلن تنظيم داعش مسؤوليته", None, "Islamic State (Unknown)"),
        ("تبنى تنظيم الدولة الإسلامية في ليبيا الهجوم", "EGY", "Islamic State (Libya)"),
        ("تبنى تنظيم القاعدة الهجوم", "DZA", "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("تبنى تنظيم القاعدة الهجوم", "YEM", "AQAP: Al Qaeda in the Arabian Peninsula"),
        ("تبنى تنظيم القاعدة الهجوم", "AFG", "Al Qaeda"),
        ("شن طيران التحالف غارات", "YEM", "Saudi-led Coalition"),
        ("شن طيران التحالف غارات", "IRQ", "Global Coalition Against Daesh"),
        ("هاجم مسلحو الشباب قاعدة", "SOM", "Al Shabaab"),
        ("هاجمت المقاومة مواقع الحوثيين", "YEM", "Popular Resistance"),
        ("قاتل عناصر أنصار الشريعة", "LBY", "Ansar al Sharia (Libya)"),
        ("قاتل عناصر أنصار الشريعة", "YEM", "AQAP: Al Qaeda in the Arabian Peninsula"),
    ],
)
def test_actors_depend_on_the_article_country(base, sentence, country, expected):
    assert expected in names(base, sentence, country)


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("خرج الشباب إلى الشوارع احتفالا", "SYR"),  # الشباب is "the youth" outside Somalia
        ("شن طيران التحالف غارات", "MLI"),  # no coalition is meant there
        ("تحدثت المقاومة عن الهدنة", "PSE"),  # the Yemeni Popular Resistance only in Yemen
        ("استهدف القصف القاعدة العسكرية", "MLI"),  # a military base, not Al Qaeda
        ("أسفر هجوم انتحاري عن مقتل 12", "IRQ"),  # an adjective, not the bomber
        ("نفذ تفجيرين انتحاريين في السوق", "CMR"),
        ("وقع هجوم مسلح على الحاجز", "EGY"),
        ("انفجرت عبوة ناسفة على الطريق", "SOM"),
    ],
)
def test_actors_phrases_that_are_no_actor(base, sentence, country):
    assert names(base, sentence, country) == []


@pytest.mark.parametrize("sentence", ["وللجيش", "بالجيش", "فالجيش", "والجيش", "لجيش مالي", "وجيش مالي"])
def test_actors_carry_proclitics(base, sentence):
    found = mentions(base, sentence, "MLI")
    assert [m.name for m in found] == ["Military Forces of Mali"]
    assert not found[0].text.startswith("و")


def test_actors_foreign_state_forces_are_external(base):
    assert [m.inter for m in mentions(base, "تدخلت القوات الفرنسية", "MLI")] == [8]
    assert [m.inter for m in mentions(base, "تدخلت القوات الفرنسية", "FRA")] == [1]
    assert [m.inter for m in mentions(base, "بالتنسيق مع القوات المسلحة النيجرية", "MLI")] == [8]
    assert [(m.name, m.inter) for m in mentions(base, "قصفت طائرة أميركية بلا طيار", "YEM")] == [
        ("Military Forces of the United States", 8)
    ]


def test_actors_report_how_they_were_found(base):
    table, pattern = mentions(base, "قتل مقاتلو فاغنر المتمردين", "MLI")
    assert table.how == "table:فاغنر" and table.name == "Wagner Group" and table.inter == 8
    assert pattern.how == "pattern:generic-rebels" and pattern.name == "Rebels (Mali)" and pattern.inter == 2


@pytest.mark.parametrize(
    "sentence, country, role",
    [
        ("أعلنت الحكومة المالية في بيان", None, "source-only"),
        ("قالت وزارة الدفاع الجزائرية", None, "source-only"),
        ("أفاد المرصد السوري لحقوق الإنسان", "SYR", "source-only"),
        ("نقلت وكالة فرانس برس", "MLI", "source-only"),
        ("قالت منظمة أطباء بلا حدود", "YEM", "source-only"),
        ("قتل مدنيون", "IRQ", "civilian"),
        ("اشتبك الجيش", "IRQ", "state"),
        ("هاجم مسلحون", "IRQ", "armed"),
    ],
)
def test_actors_roles(base, sentence, country, role):
    assert [m.role for m in mentions(base, sentence, country)] == [role]


@pytest.mark.parametrize(
    "sentence, country, expected",
    [
        ("أعلنت الحكومة المالية في بيان", None, "Government of Mali"),
        ("قالت وزراة الدفاع في بيانها", "DZA", "Ministry of Defence of Algeria"),  # a common misspelling
        ("أجملت وزارة الصحة عدد القتلى", "LBY", "Ministry of Health of Libya"),
        ("قال مصدر في وزارة الداخلية", "IRQ", "Ministry of Interior of Iraq"),
        ("ذكرت الخارجية الأمريكية في بيان", "SYR", "Ministry of Foreign Affairs of the United States"),
    ],
)
def test_actors_sources_of_claims(base, sentence, country, expected):
    assert names(base, sentence, country) == [expected]


def test_actors_longest_match_wins_without_overlaps(base):
    text = fold("قاد الجيش الوطني الليبي والجيش الوطني الشعبي العمليات")
    found = base.find_mentions(text, "LBY")
    assert [m.name for m in found] == ["LNA: Libyan National Army", "Military Forces of Algeria"]
    for earlier, later in zip(found, found[1:]):
        assert earlier.end <= later.start


def test_actors_offsets_point_into_the_folded_text(base):
    text = fold("وقال الجيش المالي إن 'مسلحين' هاجموا #جماعة_بوكو_حرام وقوات التحالف العربي")
    for mention in base.find_mentions(text, "MLI"):
        assert text[mention.start : mention.end] == mention.text


def test_actors_unknown_country_and_latin_aliases(base):
    assert [(m.name, m.country) for m in mentions(base, "قتل مدنيين", None)] == [
        ("Civilians (Unknown)", None)
    ]
    assert names(base, "قال المتحدث باسم التحالف (CSP-PSD) في بيان", "MLI")[-1] == "CSP-PSD"
    assert names(base, "أعلنت JNIM مسؤوليتها", "MLI") == ["JNIM: Group for Support of Islam and Muslims"]


@pytest.mark.parametrize(
    "bad_text, bad_country",
    [
        (None, "MLI"),
        (42, None),
        ("", "MLI"),
        ("\x00\ufffe", "MLI"),
        ("قتل مدنيين", 17),
        ("قتل مدنيين", "XXX"),
    ],
)
def test_actors_bad_input_never_raises(base, bad_text, bad_country):
    assert isinstance(base.find_mentions(bad_text, bad_country), list)


def test_actors_default_base_is_loaded_once():
    assert ActorBase.default() is ActorBase.default()


def test_actors_by_name_records_and_pattern_names(base):
    wagner = base.by_name("Wagner Group")
    assert wagner.inter == 8 and "Africa Corps" in wagner.related and "فاغنر" in wagner.aliases_ar
    assert "2021-" in base.by_name("Military Forces of Mali").years
    civilians = base.by_name("Civilians (Syria)")
    assert (civilians.inter, civilians.country, civilians.role) == (7, "SYR", "civilian")
    assert base.by_name("Islamic State (Iraq)").country == "IRQ"
    assert base.by_name("Military Forces of the United States").country == "USA"
    assert base.by_name("Ministry of Defence of Algeria").role == "source-only"
    assert base.by_name("No Such Actor") is None and base.by_name(None) is None


@pytest.mark.parametrize(
    "name",
    [
        "AMISOM: African Union Mission in Somalia (2007-2022)",
        "AQAP: Al Qaeda in the Arabian Peninsula",
        "AQIM: Al Qaeda in the Islamic Maghreb",
        "Al Mourabitoune Battalion",
        "Al Shabaab",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "CSP-PSD",
        "Houthi Movement",
        "Popular Resistance",
        "Popular Resistance (Tihama)",
        "Saudi-led Coalition",
        "Wagner Group",
        "Opposition Rebels (Syria)",
        "Islamic State (Egypt)",
        "Unidentified Armed Group (Libya)",
    ],
)
def test_actors_know_the_names_gold_uses(base, name):
    assert base.by_name(name) is not None


def test_actors_records_are_valid(base):
    for name in ("Hezbollah", "JNIM: Group for Support of Islam and Muslims", "Rapid Support Forces"):
        record = base.by_name(name)
        assert 1 <= record.inter <= 8 and record.role in ROLES and record.aliases_ar


def _same_name(a: str, b: str) -> bool:
    """GOLD.md's name rule: equal, one contains the other, or every word of one is in the other."""
    ka, kb = match_key(a), match_key(b)
    wa, wb = set(ka.split()), set(kb.split())
    return ka == kb or ka in kb or kb in ka or wa <= wb or wb <= wa


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="the shared gold corpus is not available")
def test_actors_cover_the_gold_actors(base):
    total = found = 0
    for gold_file in sorted((SHARED / "gold").glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = (gold_file.parent / gold["text"]).resolve()
        if not article.is_file():
            continue
        text = fold(article.read_text(encoding="utf-8"))
        for event in gold["events"]:
            named = {m.name for m in base.find_mentions(text, event["country"])}
            for actor in event["actors"]:
                total += 1
                found += any(_same_name(actor["name"], name) for name in named)
    assert total and found / total >= 0.85


@pytest.mark.parametrize(
    "name, day, expected",
    [
        ("Military Forces of Mali", "2020-08-17", "Military Forces of Mali (2013-2020)"),
        ("Military Forces of Mali", "2020-08-18", "Military Forces of Mali (2020-2021)"),
        ("Military Forces of Mali", "2024-07-27", "Military Forces of Mali (2021-)"),
        ("Police Forces of Burkina Faso", "2019-05-01", "Police Forces of Burkina Faso (2015-2022)"),
        ("Military Forces of Niger", "2023-08-10", "Military Forces of Niger (2023-)"),
        ("Military Forces of Nigeria", "2018-02-19", "Military Forces of Nigeria (2015-2023)"),
        ("Military Forces of Sudan", "2023-04-15", "Military Forces of Sudan (2019-)"),
        ("Military Forces of Syria", "2018-04-07", "Military Forces of Syria (2000-2024)"),
        ("Military Forces of Yemen", "2018-06-13", "Military Forces of Yemen (2012-2022) Hadi"),
        (
            "Military Forces of Yemen",
            "2023-01-01",
            "Military Forces of Yemen (2022-) Presidential Leadership Council",
        ),
        ("Police Forces of Egypt", "2017-04-09", "Police Forces of Egypt (2014-)"),
        ("Military Forces of Israel", "2024-05-01", "Military Forces of Israel (2022-)"),
        (
            "Military Forces of the United States",
            "2025-03-15",
            "Military Forces of the United States (2025-)",
        ),
        ("Military Forces of Iraq Peshmerga", "2023-01-01", "Military Forces of Iraq (2022-) Peshmerga"),
        ("Government of Lebanon", "2022-01-01", "Government of Lebanon (2021-2025)"),
    ],
)
def test_actors_dated_name_picks_the_regime_period(base, name, day, expected):
    assert base.dated_name(name, day) == expected
    assert base.dated_name(name, date.fromisoformat(day)) == expected
    assert base.by_name(expected).name == name


@pytest.mark.parametrize(
    "name, day",
    [
        ("Military Forces of Mali", "1980-01-01"),  # before the table's first period
        ("Military Forces of Mali", None),
        ("Military Forces of Mali", "2024-13-01"),
        ("Military Forces of Mali (2021-)", "2015-01-01"),  # already dated
        ("Wagner Group", "2022-01-01"),
        ("Ministry of Defence of Mali", "2022-01-01"),
        ("Civilians (Mali)", "2022-01-01"),
    ],
)
def test_actors_dated_name_leaves_other_names(base, name, day):
    assert base.dated_name(name, day) == name


def test_actors_find_mentions_dates_state_forces_on_request(base):
    sentence = fold("اشتبك الجيش المالي مع مقاتلي جماعة نصرة الإسلام والمسلمين وقتل مدنيان")
    assert [m.name for m in base.find_mentions(sentence, "MLI", on="2022-03-05")] == [
        "Military Forces of Mali (2021-)",
        "JNIM: Group for Support of Islam and Muslims",
        "Civilians (Mali)",
    ]
    assert base.find_mentions(sentence, "MLI")[0].name == "Military Forces of Mali"


def test_actors_periods_describe_every_covered_country(base):
    covered = (
        "MLI",
        "BFA",
        "NER",
        "TCD",
        "NGA",
        "CMR",
        "MRT",
        "DZA",
        "LBY",
        "EGY",
        "SDN",
        "SSD",
        "ETH",
        "ERI",
        "SOM",
        "YEM",
        "SYR",
        "IRQ",
        "ISR",
        "PSE",
        "LBN",
    )
    for iso3 in covered:
        country = countries.by_iso3(iso3)
        for body in ("Military Forces", "Police Forces"):
            name = f"{body} of {countries.name_after_of(country)}"
            assert base.by_name(name).years, name
            assert base.period(name, "2024-06-01") is not None, name
    assert base.period("Military Forces of Mali", "2022-01-01").checked


def test_actors_relations_are_typed_and_both_ways(base):
    members = {
        r.actor
        for r in base.relations("JNIM: Group for Support of Islam and Muslims")
        if r.relation == "member_of"
    }
    assert {"Ansar Dine", "Katiba Macina", "Al Mourabitoune Battalion"} <= members
    assert ActorRelation("Africa Corps", "successor_of", "Wagner Group") in base.relations("Wagner Group")
    assert "Military Forces of Cameroon" in base.by_name("MNJTF: Multinational Joint Task Force").related
    assert "MNJTF: Multinational Joint Task Force" in base.by_name("Military Forces of Cameroon").related
    assert base.relations("Military Forces of Mali (2021-)") == base.relations("Military Forces of Mali")
    assert all(r.relation in RELATIONS for r in base.relations("Popular Mobilization Forces"))
    assert base.relations("No Such Actor") == () and base.relations(None) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "وسجل المهاجم الدولي هدف الفوز في الدقيقة الأخيرة من المباراة.",
        "أصيب المهاجم في الشوط الأول وغادر الملعب.",
        "يعد الحديد من أهم العناصر في صناعة السيارات.",
        "تضم الواجهة الجديدة عناصر تصميم مستوحاة من الطبيعة.",
        "وأشاد الوزير بحسن التنظيم في المعرض الدولي للكتاب.",
        "يجب أن تكون مصلحة الجماعة فوق مصلحة الفرد في الفريق.",
        "ويتتبع الموقع المستخدم عبر معرف مجهول.",
    ],
)
def test_actors_everyday_words_are_no_actor_outside_violence(base, sentence):
    assert not any(m.role == "armed" for m in mentions(base, sentence, None))


@pytest.mark.parametrize(
    "sentence",
    [
        "وقتل طفل برصاص الجيش خلال المواجهات شرق المدينة، ولا يزال مجهول الهوية.",
        "وعثرت الشرطة على جثة رجل مجهول الهوية مصابة بطلقات نارية في الموصل.",
    ],
)
def test_actors_unknown_identity_describes_a_person_not_an_attacker(base, sentence):
    assert not any(m.role == "armed" and m.text.startswith("مجهول") for m in mentions(base, sentence, None))


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("قتل المهاجمون ثلاثة حراس قبل أن يفروا من المكان.", "المهاجمون"),
        ("وأصيب عنصر من الشرطة في الهجوم المسلح.", "عنصر"),
        ("اعتقلت الشرطة عنصرا من التنظيم في المدينة.", "عنصرا"),
        ("وشارك عناصر من الجماعة في الاجتماع.", "عناصر"),
        ("وأسفر الهجوم عن سقوط 10 قتلى هم ثلاثة شرطيين وأربعة عمال في مصنع قريب وثلاثة مهاجمين.", "مهاجمين"),
    ],
)
def test_actors_everyday_words_are_actors_in_context(base, sentence, word):
    assert word in [m.text for m in mentions(base, sentence, None)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("قتل ثلاثة أشخاص جراء قصف روسي استهدف حيا سكنيا في مدينة خاركيف.", "Military Forces of Russia"),
        ("استشهد خمسة فلسطينيين في غارة إسرائيلية على منزل في خان يونس.", "Military Forces of Israel"),
    ],
)
def test_actors_the_nisba_of_an_attack_names_its_perpetrator(text, name):
    from support import news_events

    assert any(a.name.startswith(name) and a.side == 1 for a in news_events(text)[0].actors)


def test_actors_the_nisba_of_a_weapon_bought_names_no_attacker():
    from support import news_events

    assert news_events("واشنطن تحذر أنقرة من شراء منظومة صواريخ روسية.") == []


@pytest.mark.parametrize(
    "name, template, iso3",
    [
        ("Civilians (Mali)", "Civilians ({Country})", "MLI"),
        ("Police Forces of the United States", "Police Forces of {Country}", "USA"),
        ("Military Forces of Ghana", "Military Forces of {Country}", "GHA"),
        ("Islamic State (Iraq)", "Islamic State ({Country})", "IRQ"),
    ],
)
def test_actors_generic_names_know_their_template_and_country(base, name, template, iso3):
    found, country = base.generic(name)
    assert (found, country.iso3) == (template, iso3)
    assert generic_name(template, iso3) == name
    assert template in base.templates()


@pytest.mark.parametrize("name", ["Wagner Group", "Civilians (Atlantis)", "Civilians (Unknown)", "", None])
def test_actors_table_and_unknown_names_are_no_generic_name(base, name):
    assert base.generic(name) is None


@pytest.mark.parametrize(
    "name, label",
    [
        ("Military Forces of Mali (2021-)", "2021-"),
        ("Military Forces of Iraq (2022-) Peshmerga", "2022-"),
        ("Military Forces of Yemen (2012-2022) Hadi", "2012-2022"),
        ("Military Forces of Mali", None),
        (None, None),
    ],
)
def test_actors_period_label_of_a_dated_name(name, label):
    assert period_label(name) == label
