"""The tables a gazetteer is built from, and reading them.

Sources, recognised by file name (plain, `.gz` or `.zip`) or, for `.tsv`, by header row:
- `XX.txt` country dumps: every populated place, admin area, mountain, wadi, well and region
  (feature classes P A T H L; countries themselves are the countries module's business);
- `cities500.txt` (any `cities*`) and `allCountries.txt`: rows with an Arabic name, and the
  populated places and admin areas of the countries in `gazetteer_skeleton_countries.tsv`
  (Africa, the Arab world and its neighbours) even without one, for their Latin skeletons, and
  elsewhere the cities of 50,000 people (Girona: "مدينة جيرونا"), for their longer skeletons;
- `admin1CodesASCII.txt`, `admin2Codes.txt`: admin-1/admin-2 names for the places' codes; the
  admin-1 areas themselves (about 4,000 world-wide) where no other source has them, for their
  Latin skeletons (Nangarhar, Johor), placed at their most populous town in the sources;
- `alternateNamesV2.txt`: Arabic names (isolanguage `ar`) added to the places above;
- a facts table (`.tsv`, header `name arabic iso3 feature_class ...`, see
  `data/gazetteer_regions.tsv`): regions and natural features with their Arabic names, read
  after the GeoNames tables, so that a row with a geonameid already read only adds names;
- OCHA COD admin points (`.tsv`, header `admin_level name_en name_ar ...`): admin areas with
  English and Arabic names and p-codes.
A source that cannot be read is a `BuildError` (E400) naming the file, and the line where one is.
Of a place's names, the Arabic ones give its keys (`arabic_keys`) and the one to show (`arabic_label`).
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import BuildError
from marsad.knowledge.transliterate import name_key
from marsad.lang.ar.clitics import ARTICLE

FACTS_COLUMNS = (
    "name",
    "arabic",
    "iso3",
    "feature_class",
    "feature_code",
    "admin1_code",
    "geonameid",
    "lat",
    "lon",
)
OCHA_COLUMNS = ("admin_level", "name_en", "name_ar")
MIN_ARABIC_KEY_LETTERS = 3

_ARABIC_NAME = re.compile(r"[\u0621-\u063a\u0640-\u0652\u0670\u0671 \-]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671]")
_ARABIC_MARKS = re.compile(r"[\u064b-\u0652\u0670]")


@dataclass(frozen=True)
class _Row:
    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country2: str
    admin1_code: str
    population: int
    admin2_code: str = ""


def _kind(path: Path) -> str:
    if path.suffix.lower() == ".tsv":
        return _table_kind(path)
    stem = path.name.lower()
    for suffix in (".gz", ".zip", ".txt"):
        stem = stem.removesuffix(suffix)
    if stem.startswith("alternatenames"):
        return "alternate-names"
    if stem.startswith("admin1codes"):
        return "admin1"
    if stem.startswith("admin2codes"):
        return "admin2"
    if stem.startswith(("cities", "allcountries")):
        return "arabic-only"
    if re.fullmatch(r"[a-z]{2}", stem):
        return "country"
    raise BuildError(
        f"{path}: not a GeoNames file this builder knows (XX.txt, cities500, "
        "allCountries, admin1CodesASCII, admin2Codes, alternateNamesV2)"
    )


def _table_kind(path: Path) -> str:
    header = next(iter(_tsv_header_and_rows(path)), None)
    if header is not None and tuple(header[: len(FACTS_COLUMNS)]) == FACTS_COLUMNS:
        return "facts"
    if header is not None and tuple(header[: len(OCHA_COLUMNS)]) == OCHA_COLUMNS:
        return "ocha-adminpoints"
    raise BuildError(
        f"{path}: a .tsv source needs a header starting {' '.join(FACTS_COLUMNS[:4])} ... "
        f"(a facts table) or {' '.join(OCHA_COLUMNS)} (OCHA admin points)"
    )


def _tsv_header_and_rows(path: Path) -> Iterator[list[str]]:
    """The header, then each row, of a TSV with `#` comment lines (the project's data format,
    here for a file given on the command line rather than one shipped in a package)."""
    for line in _lines(path):
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.rstrip("\n").rstrip("\r").split("\t")]


def _tsv_dicts(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    rows = _tsv_header_and_rows(path)
    header = next(rows, [])
    for number, cells in enumerate(rows, start=2):
        yield number, dict(zip(header, cells + [""] * (len(header) - len(cells))))


def _lines(path: Path) -> Iterator[str]:
    if not path.is_file():
        raise BuildError(f"{path}: no such file")
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            wanted = path.stem + ".txt"
            member = wanted if wanted in members else (members[0] if members else None)
            if member is None:
                raise BuildError(f"{path}: the archive holds no .txt table")
            with archive.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    elif path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            yield from handle
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def _rows(path: Path) -> Iterator[_Row]:
    for number, line in enumerate(_lines(path), start=1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) != 19:
            raise BuildError(f"{path}:{number}: {len(cells)} columns, a GeoNames table has 19")
        try:
            yield _Row(
                int(cells[0]),
                cells[1],
                cells[2],
                tuple(filter(None, cells[3].split(","))),
                float(cells[4]),
                float(cells[5]),
                cells[6],
                cells[7],
                cells[8],
                cells[10],
                int(cells[14] or 0),
                cells[11],
            )
        except ValueError as error:
            raise BuildError(f"{path}:{number}: {error}") from None


def _admin_names(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in _lines(path):
        cells = line.rstrip("\n").split("\t")
        if len(cells) >= 2:
            names[cells[0]] = cells[1]
    return names


@dataclass(frozen=True)
class _Admin1:
    """A row of admin1CodesASCII.txt: code ("AF.18"), name, ASCII name, geonameid."""

    code: str
    name: str
    asciiname: str
    geonameid: int


def _admin1_areas(path: Path) -> list[_Admin1]:
    areas: list[_Admin1] = []
    for number, line in enumerate(_lines(path), start=1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 4 or "." not in cells[0]:
            continue
        if not cells[3].isdigit():
            raise BuildError(f"{path}:{number}: {cells[3]!r} is not a geonameid")
        areas.append(_Admin1(cells[0], cells[1], cells[2], int(cells[3])))
    return areas


def _arabic_alternates(path: Path) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for line in _lines(path):
        cells = line.rstrip("\n").split("\t")
        if len(cells) >= 4 and cells[2] == "ar" and cells[1].isdigit():
            names[int(cells[1])].append(cells[3])
    return names


def is_arabic_name(name: str) -> bool:
    """Arabic script only, Arabic letters only (Persian/Urdu forms would never match our text)."""
    return bool(_ARABIC_NAME.fullmatch(name)) and bool(_ARABIC_LETTER.search(name))


def arabic_keys(names: Iterable[str]) -> set[str]:
    keys = {name_key(name) for name in names if is_arabic_name(name)}
    return {key for key in keys if len(key.replace(" ", "")) >= MIN_ARABIC_KEY_LETTERS}


def arabic_label(names: Iterable[str]) -> str | None:
    """The Arabic name to show for a place (a map label, a panel), as written, among its Arabic
    names: the one whose key most of them share (GeoNames lists both القاهرة and قاهره), then one
    with the article (الجزائر before a Uyghur ئالجىر), then one without vowel marks, then the first."""
    spellings = [name.strip() for name in names if is_arabic_name(name)]
    spellings = [name for name in spellings if len(name_key(name).replace(" ", "")) >= MIN_ARABIC_KEY_LETTERS]
    if not spellings:
        return None
    shared = Counter(name_key(name) for name in spellings)
    return min(
        spellings,
        key=lambda name: (
            -shared[name_key(name)],
            not name.startswith(ARTICLE),
            bool(_ARABIC_MARKS.search(name)),
            spellings.index(name),
        ),
    )
