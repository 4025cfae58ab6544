"""Countries: ACLED names, ISO codes, Arabic names and nisba adjectives, and finding them in text.

`data/countries.tsv` holds one row per country. Arabic adjectives are generated from stems by
the nisba rule (مال -> مالي، ماليه، ماليين، ماليون، ماليان ...), each with and without the article,
so the table lists stems, not every inflected form.

Some forms are also ordinary words (مالي "financial", عمان the Jordanian capital): they are
reported like any other mention and the pipeline decides with context. A form that is mostly
something else is left out (`left_out`: the Hungarian nisba مجري is mostly "the course" مجرى), as
is a phrase or a glued word that holds a form and means something else ("ولاية جورجيا" is the US
state, "كلاوس" is Klaus, not ك + لاوس): those are never reported. See the data file's notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge.surface import SurfaceMatcher
from marsad.lang.ar.clitics import ARTICLE
from marsad.lang.ar.normalize import fold
from marsad.resources import DataFileError, read_tsv

_PACKAGE = "marsad.knowledge"
_FILE = "countries.tsv"
_COLUMNS = (
    "iso3",
    "iso2",
    "name",
    "of_name",
    "name_ar",
    "forms",
    "adj_stems",
    "adj_extra",
    "lat",
    "lon",
    "region",
    "capital_ar",
    "left_out",
)
_ISO_FILE = "iso3166.tsv"
_ISO_COLUMNS = ("iso3", "iso_numeric", "name")
# Nisba endings after folding (ة -> ه): masculine and feminine singular, masculine plural
# (oblique, nominative), dual (nominative; the oblique equals the plural), feminine dual and plural.
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين", "يتان", "يات")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str  # English, ACLED spelling
    name_ar: str
    forms: tuple[str, ...]  # folded Arabic names of the country
    adjectives: tuple[str, ...]  # folded nisba forms and demonyms, with and without ال
    lat: float
    lon: float
    region: str  # ACLED region
    capital_ar: str


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    country: Country
    as_adjective: bool


def all_countries() -> tuple[Country, ...]:
    return _table().countries


def by_iso3(iso3: str) -> Country | None:
    return _table().by_iso3.get(str(iso3).upper())


def by_iso2(iso2: str) -> Country | None:
    return _table().by_iso2.get(str(iso2).upper())


def by_name(name: str) -> Country | None:
    """The country with this English (ACLED) name, or the `of_name` form ("the United States")."""
    return _table().by_name.get(str(name).casefold())


@dataclass(frozen=True)
class IsoCountry:
    """Any country's ISO 3166-1 codes and English name (data/iso3166.tsv), beyond the ACLED table."""

    iso3: str
    numeric: int
    name: str


def iso_country(iso3: str) -> IsoCountry | None:
    return _iso_table().get(str(iso3).upper())


@lru_cache(maxsize=1)
def _iso_table() -> dict[str, IsoCountry]:
    table = {}
    for number, row in enumerate(read_tsv(_PACKAGE, _ISO_FILE, _ISO_COLUMNS), start=1):
        if len(row["iso3"]) != 3 or not row["iso_numeric"].isdigit():
            raise DataFileError(f"{_ISO_FILE} row {number}: a 3-letter iso3 and a numeric code are required")
        table[row["iso3"].upper()] = IsoCountry(row["iso3"].upper(), int(row["iso_numeric"]), row["name"])
    return table


def name_after_of(country: Country) -> str:
    """The name as ACLED writes it after "of": "the United States", but "Mali"."""
    return _table().of_names.get(country.iso3, country.name)


def definite_adjectives(country: Country) -> tuple[str, ...]:
    """The adjective forms that carry the article (they agree with a definite noun: الجيش المالي)."""
    return tuple(form for form in country.adjectives if form not in _table().indefinite[country.iso3])


def indefinite_adjectives(country: Country) -> tuple[str, ...]:
    """The adjective forms without the article (جنود ماليين، طائرة أمريكية)."""
    return tuple(form for form in country.adjectives if form in _table().indefinite[country.iso3])


def find_countries(text: str) -> list[CountryMention]:
    """Country names and adjectives in folded `text`, leftmost-longest, without overlaps.

    A form that is both a name and an adjective (سوريه, السعوديه) counts as the name.
    """
    if not isinstance(text, str) or not text:
        return []
    table = _table()
    mentions = []
    for match in table.matcher.finditer(text):
        found = table.by_form.get(match.key)
        if found is None or _glued_left_out(text, match.start, match.end, table.left_out):
            continue
        country, as_adjective = found
        mentions.append(
            CountryMention(match.start, match.end, text[match.start : match.end], country, as_adjective)
        )
    return mentions


@dataclass(frozen=True)
class _Table:
    countries: tuple[Country, ...]
    by_iso3: dict[str, Country]
    by_iso2: dict[str, Country]
    by_name: dict[str, Country]
    of_names: dict[str, str]
    indefinite: dict[str, frozenset[str]]
    by_form: dict[str, tuple[Country, bool]]
    left_out: frozenset[str]  # phrases and words that hold a form and are no country
    matcher: SurfaceMatcher


@lru_cache(maxsize=1)
def _table() -> _Table:
    countries, of_names, indefinite, left_out = [], {}, {}, set()
    for number, row in enumerate(read_tsv(_PACKAGE, _FILE, _COLUMNS), start=1):
        country, plain, left = _country(row, number)
        countries.append(country)
        left_out |= left
        indefinite[country.iso3] = plain
        if row["of_name"]:
            of_names[country.iso3] = row["of_name"]
    by_form: dict[str, tuple[Country, bool]] = {}
    for country in countries:  # names first: a form that is both stays a name
        for form in country.forms:
            by_form.setdefault(form, (country, False))
    for country in countries:
        for form in country.adjectives:
            by_form.setdefault(form, (country, True))
    # Left-out entries are matched too, so that a longer one ("ولاية جورجيا") wins over the form in it.
    blocked = frozenset(left_out - set(by_form))
    return _Table(
        countries=tuple(countries),
        by_iso3={c.iso3: c for c in countries},
        by_iso2={c.iso2: c for c in countries},
        by_name={
            **{c.name.casefold(): c for c in countries},
            **{of.casefold(): c for c in countries if (of := of_names.get(c.iso3))},
        },
        of_names=of_names,
        indefinite=indefinite,
        by_form=by_form,
        left_out=blocked,
        matcher=SurfaceMatcher([*by_form, *blocked]),
    )


def _glued_left_out(text: str, start: int, end: int, left_out: frozenset[str]) -> bool:
    """Whether the form at [start, end) and the letters glued before it, taken as proclitics by
    the matcher, make a left-out word ("كلاوس")."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return any(text[i:end] in left_out for i in range(word_start, start))


def _country(row: dict[str, str], number: int) -> tuple[Country, frozenset[str], frozenset[str]]:
    where = f"{_FILE} row {number} ({row['iso3'] or '?'})"
    if len(row["iso3"]) != 3 or len(row["iso2"]) != 2 or not row["name"] or not row["name_ar"]:
        raise DataFileError(f"{where}: iso3, iso2, name and name_ar are required")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as error:
        raise DataFileError(f"{where}: lat/lon must be numbers") from error
    left_out = frozenset(_split(row["left_out"]))
    forms = [form for form in _unique([fold(row["name_ar"])] + _split(row["forms"])) if form not in left_out]
    if not forms:
        raise DataFileError(f"{where}: every Arabic name is left out; give one in forms")
    stems = _split(row["adj_stems"])
    plain = [stem + ending for stem in stems for ending in _NISBA_ENDINGS]
    plain += [form for form in _split(row["adj_extra"]) if not form.startswith(ARTICLE)]
    definite = [ARTICLE + form for form in plain]  # on the first word only: الجنوب سوداني
    definite += [form for form in _split(row["adj_extra"]) if form.startswith(ARTICLE)]
    plain = [form for form in plain if form not in left_out]
    adjectives = [form for form in _unique(plain + definite) if form not in left_out]
    country = Country(
        iso3=row["iso3"].upper(),
        iso2=row["iso2"].upper(),
        name=row["name"],
        name_ar=row["name_ar"],
        forms=tuple(forms),
        adjectives=tuple(adjectives),
        lat=lat,
        lon=lon,
        region=row["region"],
        capital_ar=row["capital_ar"],
    )
    return country, frozenset(plain), left_out


def _split(cell: str) -> list[str]:
    return [fold(part.strip()) for part in cell.split("|") if part.strip()]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
