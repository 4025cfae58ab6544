"""The outlet table and ACLED's source scale. Outlet names below are facts; no article text is used."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import support
from marsad.knowledge.outlets import (
    SCALE_ORDER,
    all_outlets,
    combined_scale,
    event_source_scale,
    lookup,
    source_scale,
)


@pytest.mark.parametrize(
    "given_as, name",
    [
        ("Al Jazeera", "Al Jazeera"),
        ("al-jazeera", "Al Jazeera"),
        ("الجزيرة", "Al Jazeera"),
        ("قناة الجزيرة", "Al Jazeera"),
        ("aljazirah", "Al-Jazirah"),
        ("صحيفة الجزيرة", "Al-Jazirah"),
        ("AFP", "Agence France-Presse"),
        ("أ ف ب", "Agence France-Presse"),
        ("أ.ف.ب", "Agence France-Presse"),
        ("وكالة فرانس برس", "Agence France-Presse"),
        ("فرانس برس", "Agence France-Presse"),
        ("الشرق الأوسط", "Asharq Al-Awsat"),
        ("الشرق الاوسط", "Asharq Al-Awsat"),
        ("الشَّرقُ الأوسط", "Asharq Al-Awsat"),
        ("aawsat", "Asharq Al-Awsat"),
        ("  Reuters ", "Reuters"),
        ("رويترز", "Reuters"),
        ("BBC", "BBC Arabic"),
        ("France 24", "France 24"),
        ("france24", "France 24"),
        ("فرانس 24", "France 24"),
        ("فرانس ٢٤", "France 24"),
        ("skynews", "Sky News Arabia"),
        ("alarabia", "Al Arabiya"),
        ("SANA", "Syrian Arab News Agency"),
        ("وكالة الأنباء السعودية", "Saudi Press Agency"),
        ("واس", "Saudi Press Agency"),
        ("3alyoum", "Ain Alyoum"),
    ],
)
def test_outlets_lookup_by_name_in_english_arabic_or_corpus_identifier(given_as, name):
    assert lookup(given_as).name == name


@pytest.mark.parametrize(
    "given_as, name",
    [
        ("aljazeera.net", "Al Jazeera"),
        ("www.aljazeera.net", "Al Jazeera"),
        ("ALJAZEERA.NET", "Al Jazeera"),
        ("https://www.aljazeera.net/news/2025/3/11/مالي", "Al Jazeera"),
        ("http://aawsat.com/home/article/1", "Asharq Al-Awsat"),
        ("arabic.rt.com", "RT Arabic"),
        ("https://arabic.cnn.com/middle-east", "CNN"),
        ("www.bbc.co.uk", "BBC Arabic"),
        ("http://www.bbc.co.uk/arabic/middleeast-1", "BBC Arabic"),
        ("al-jazirah.com", "Al-Jazirah"),
        ("https://www.alarabiya.net:443/ar/arab-and-world", "Al Arabiya"),
        ("sabanew.net", "Saba News Agency"),
        ("saba.ye", "Saba News Agency (Houthi)"),
        ("alwatan.com.sa", "Al-Watan (Saudi Arabia)"),
        ("alwatan.com", "Al-Watan (Oman)"),
        ("alquds.co.uk", "Al-Quds Al-Arabi"),
        ("alquds.com", "Al-Quds"),
    ],
)
def test_outlets_lookup_by_domain_subdomain_or_url(given_as, name):
    assert lookup(given_as).name == name


@pytest.mark.parametrize(
    "unknown",
    [
        None,
        "",
        "   ",
        42,
        b"aawsat",
        ["aawsat"],
        "صحيفة لا يعرفها أحد",
        "example.org",
        "https://example.org/aawsat",
        "http://[",
        "الوطن",
        "Al Ghad",
        "co.uk",
        "http://",
        "aawsat.example",
    ],
)
def test_outlets_lookup_unknown_or_bad_input_is_none(unknown):
    assert lookup(unknown) is None


@given(st.one_of(st.text(), st.none(), st.integers(), st.binary()))
def test_outlets_lookup_and_scale_never_raise(anything):
    assert lookup(anything) is None or lookup(anything).name
    assert source_scale(anything, "MLI") in SCALE_ORDER


@pytest.mark.parametrize(
    "outlet, country, scale",
    [
        ("AFP", "MLI", "International"),
        ("الجزيرة", "SDN", "International"),
        ("aawsat", None, "International"),
        ("Maliweb", "MLI", "National"),
        ("Maliweb", "mli", "National"),
        ("Maliweb", "NER", "Regional"),
        ("alriyadh", "MLI", "Regional"),
        ("alriyadh", "SAU", "National"),
        ("Rudaw", "IRQ", "Subnational"),
        ("Rudaw", "SYR", "Regional"),
        ("Rai al-Youm", "LBY", "Regional"),
        ("Rai al-Youm", "GBR", "Regional"),
        ("صحيفة لا يعرفها أحد", "MLI", "Other"),
        ("Maliweb", None, "Other"),
        ("Maliweb", "", "Other"),
        ("Maliweb", 7, "Other"),
    ],
)
def test_outlets_source_scale_relative_to_the_event_country(outlet, country, scale):
    assert source_scale(outlet, country) == scale


@pytest.mark.parametrize(
    "scales, combined",
    [
        ([], ""),
        (["National"], "National"),
        (["National", "National"], "National"),
        (["International", "National"], "National-International"),
        (["Regional", "National"], "National-Regional"),
        (["National", "Subnational"], "Subnational-National"),
        (["International", "Regional"], "Regional-International"),
        (["National", "Other"], "Other-National"),
        (["Other", "Other"], "Other"),
        (["International", "Regional", "National"], "National-International"),
        (["Other", "National", "International"], "National-International"),
        (["not a scale", "National"], "National"),
    ],
)
def test_outlets_combined_scale_joins_as_acled_does(scales, combined):
    assert combined_scale(scales) == combined


def test_outlets_event_source_scale_ignores_empty_outlets():
    assert (
        event_source_scale(["maliweb.net", None, "", "https://www.france24.com/ar/x"], "MLI")
        == "National-International"
    )
    assert event_source_scale([], "MLI") == ""


def test_outlets_table_covers_the_regions_and_reaches():
    outlets = all_outlets()
    assert len(outlets) >= 150
    assert {o.reach for o in outlets} == {"international", "regional", "national", "subnational"}
    national = {o.country for o in outlets if o.reach == "national"}
    covered = {
        "MLI",
        "BFA",
        "NER",
        "TCD",
        "MRT",
        "LBY",
        "SDN",
        "SSD",
        "SOM",
        "ETH",
        "ERI",
        "DJI",
        "YEM",
        "SYR",
        "IRQ",
        "EGY",
        "ISR",
        "PSE",
        "LBN",
        "JOR",
        "SAU",
        "ARE",
        "QAT",
        "KWT",
        "BHR",
        "OMN",
        "MAR",
        "DZA",
        "TUN",
    }
    assert covered <= national
    assert all(o.name_ar for o in outlets)


@pytest.mark.skipif(
    not (support.SHARED / "corpus" / "articles").is_dir(), reason="the shared corpus is absent"
)
def test_outlets_know_every_outlet_of_the_shared_corpus():
    unknown = set()
    for sidecar in sorted((support.SHARED / "corpus" / "articles").glob("ar*.json")):
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        if lookup(meta.get("outlet")) is None and lookup(meta.get("url")) is None:
            unknown.add(meta.get("outlet"))
    assert not unknown
