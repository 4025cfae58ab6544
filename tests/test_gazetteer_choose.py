"""Choosing a mention's place, and the trace of why: which rule decided, and what the context added."""

import pytest

from marsad.knowledge.gazetteer import ChoiceTrace, Gazetteer, Place, PlaceMention
from marsad.knowledge.gazetteer import trace as rules
from marsad.knowledge.gazetteer.trace import ALONE, BY_PRIOR, FALLBACK, HINTED, NEEDS_HINT, NO_CANDIDATES
from marsad.lang.ar.normalize import fold
from support import chosen_places

GAO = Place(2457163, "Gao", 16.27, -0.04, "MLI", "Gao", "P", "PPLA", 86633)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("trace", "line"),
    [
        (ChoiceTrace("غاو", "arabic-name", 0, ("MLI",), NO_CANDIDATES), "غاو: no candidates"),
        (
            ChoiceTrace("غاو", "arabic-name", 4, ("MLI", "NER"), HINTED, GAO, "arabic-name", 9.5),
            "غاو (arabic-name): 4 candidates; in hinted MLI by arabic-name: "
            "Gao PPLA pop 86633 MLI (geonameid 2457163)",
        ),
        (
            ChoiceTrace(
                "غاو",
                "skeleton:g",
                2,
                ("MLI",),
                HINTED,
                GAO,
                "skeleton",
                7.0,
                ("12 km from another place of the article", "toward the NER border"),
            ),
            "غاو (skeleton:g): 2 candidates; in hinted MLI by skeleton "
            "(12 km from another place of the article; toward the "
            "NER border): Gao PPLA pop 86633 MLI (geonameid 2457163)",
        ),
        (
            ChoiceTrace("غاو", "skeleton:g", 2, (), NEEDS_HINT),
            "غاو (skeleton:g): 2 candidates; no country hints, and a skeleton match needs one",
        ),
        (
            ChoiceTrace("غاو", "skeleton:g", 2, ("NER", "TCD"), NEEDS_HINT),
            "غاو (skeleton:g): 2 candidates; none in NER, TCD, and a skeleton match needs one",
        ),
        (
            ChoiceTrace("الساقين", "arabic-name", 1, (), ALONE),
            "الساقين (arabic-name): 1 candidates; no country hints, "
            "and no notable place nor one near the article's places",
        ),
        (
            ChoiceTrace("غاو", "arabic-name", 3, ("NER",), BY_PRIOR, GAO, "arabic-name", 9.5),
            "غاو (arabic-name): 3 candidates; none in NER; best by prior: "
            "Gao PPLA pop 86633 MLI (geonameid 2457163)",
        ),
        (
            ChoiceTrace("غاو", "arabic-name", 3, ("NER", "TCD"), rules.CAPITAL_NAME, GAO, "arabic-name"),
            "غاو: a capital's name, over lesser towns in NER, TCD: "
            "Gao PPLA pop 86633 MLI (geonameid 2457163)",
        ),
        (
            ChoiceTrace(
                "مدينه غاو",
                "arabic-name",
                1,
                ("MLI",),
                FALLBACK,
                GAO,
                fallback=ChoiceTrace("غاو", "arabic-name", 4, ("MLI",), HINTED, GAO, "arabic-name", 9.5),
            ),
            "مدينه غاو: none in MLI; غاو (arabic-name): 4 candidates; "
            "in hinted MLI by arabic-name: Gao PPLA pop 86633 MLI "
            "(geonameid 2457163)",
        ),
    ],
)
def test_gazetteer_choose_trace_reads_as_one_line(trace, line):
    assert str(trace) == line


@pytest.mark.parametrize(
    ("sentence", "surface", "hints", "rule", "geonameid", "reasons"),
    [
        ("غارات جوية على الحديدة غربي البلاد", "الحديدة", ["YEM"], HINTED, 79415, ()),
        (
            "اندلعت اشتباكات عنيفة في تينزاوتين قرب الحدود الجزائرية",
            "تينزاوتين",
            ["MLI"],
            HINTED,
            2476086,
            ("toward the DZA border",),
        ),
        (
            "هاجم مسلحون موقع باروا العسكري قرب نغيغمي في منطقة ديفا",
            "نغيغمي",
            ["NER"],
            HINTED,
            2440495,
            ("41 km from another place of the article",),
        ),
        (
            "استعاد الجيش السيطرة على مدينة زنجبار بعد معارك طويلة",
            "مدينة زنجبار",
            ["YEM"],
            FALLBACK,
            69426,
            None,
        ),
        ("وصل وفد رسمي إلى بيبلوس", "بيبلوس", ["MLI"], BY_PRIOR, 273203, ()),
        ("اشتباكات في تينزاوتين", "تينزاوتين", [], NEEDS_HINT, None, ()),
        # a hamlet called after a common word ("the legs"), in no country the article names
        ("أصيب الجنديان بجروح في الساقين", "الساقين", [], ALONE, None, ()),
        ("أصيب الجنديان بجروح في الساقين", "الساقين", ["KOR"], ALONE, None, ()),
        # ... and in the country of the story, a hamlet after a bare preposition with nothing near
        ("أصيب الجنديان بجروح في الساقين", "الساقين", ["YEM"], ALONE, None, ()),
        ("سقطت قذيفة على قرية الساقين", "الساقين", ["YEM"], HINTED, 406662, ()),
        # a notable place named in Arabic before a lesser one of a more salient country sharing its consonants
        ("تقدمت القوات التركية في عفرين", "عفرين", ["TUR", "SYR"], HINTED, 174186, ()),
        # ... but a notable place of the story's country stays, though only its skeleton meets the words
        ("احتفال الزفاف الملكي في ويندسور", "ويندسور", ["GBR", "USA"], HINTED, 2633842, ()),
        # an admin seat whose people GeoNames does not count names its town in no named country
        ("وصل الوفد إلى عنيزة صباح اليوم", "عنيزة", [], BY_PRIOR, 100768, ()),
    ],
)
def test_gazetteer_choose_traces_the_rule_that_decided(
    gazetteer, sentence, surface, hints, rule, geonameid, reasons
):
    text = fold(sentence)
    mentions = gazetteer.find_mentions(text)
    mention = next(m for m in mentions if m.text == fold(surface))
    place, trace = gazetteer.choose(mention, hints, gazetteer.context(text, mentions, hints))
    assert trace.rule == rule and trace.mention == mention.text and trace.hints == tuple(hints)
    assert (
        (place.geonameid if place else None) == geonameid == (trace.place.geonameid if trace.place else None)
    )
    assert reasons is None or trace.reasons == reasons
    assert (trace.fallback is not None) == (rule == FALLBACK)
    assert (trace.score is not None) == (rule in (HINTED, BY_PRIOR))
    assert str(trace).startswith(
        f"{mention.text}: none in" if rule == FALLBACK else f"{mention.text} ({mention.how}): "
    )


def test_gazetteer_choose_mention_without_candidates(gazetteer):
    place, trace = gazetteer.choose(PlaceMention(0, 5, "مجهول", (), "arabic-name", None), ["MLI"])
    assert place is None and trace.rule == NO_CANDIDATES and str(trace) == "مجهول: no candidates"


@pytest.mark.parametrize("hints", [["MLI"], ["MLI", "NER"], []])
def test_gazetteer_choose_score_is_the_best_among_the_options(gazetteer, hints):
    mention = gazetteer.find_mentions(fold("تحطمت مروحية عسكرية في كيدال"))[0]
    place, trace = gazetteer.choose(mention, hints)
    assert place.geonameid == 2455290 and trace.evidence == "arabic-name"
    assert trace.score == pytest.approx(
        max(score for score, _, option in mention.choices.by_base if option[0].country == place.country)
    )


@pytest.mark.parametrize(
    ("sentence", "hints", "name"),
    [
        ("زرع المسلحون الألغام في ولاية لحج قبل انسحابهم", ["YEM"], "لحج"),
        ("زرع المسلحون الألغام في محافظتي لحج وأبين قبل انسحابهم", ["YEM"], "لحج"),
        ("هاجم المسلحون قرى في ولايتي بورنو ويوبي", ["NGA"], "بورنو"),
        ("فرض حظر التجول في ولاية شرناق", ["TUR"], "شرناق"),
    ],
)
def test_gazetteer_choose_after_an_admin_word_the_area_not_its_seat_town(gazetteer, sentence, hints, name):
    picks = chosen_places(gazetteer, sentence, hints)
    assert picks[fold(name)].feature_class == "A"


@pytest.mark.parametrize(
    ("sentence", "hints", "name", "country"),
    [
        # a capital's Arabic name over a lesser same-named town, or a skeleton, in a hinted country
        ("حضر مسيرة تضامن في باريس بعد أعمال القتل", ["TUR", "ISR"], "باريس", "FRA"),
        ("وباريس وأوتاوا توحدان موقفهما حيال واشنطن", ["USA", "JOR"], "باريس", "FRA"),
        ("تظاهر المئات في أثينا احتجاجا على التقشف", ["USA"], "اثينا", "GRC"),
        # a first-level seat of the hinted country keeps the name
        ("قتل ثلاثة في اشتباكات في طرابلس شمال البلاد", ["LBN"], "طرابلس", "LBN"),
    ],
)
def test_gazetteer_choose_a_capitals_name_over_a_lesser_town_hinted(
    gazetteer, sentence, hints, name, country
):
    assert chosen_places(gazetteer, sentence, hints)[fold(name)].country == country
