"""Actors' names in Arabic, for readers (`data/actor_names_ar.tsv`), and the actors an Arabic name names.

The extraction, the store and the exports keep ACLED's English names; the page's Arabic interface
shows each actor by the name Arabic news gives it. A table actor has its own row; a generic actor
("Civilians (Mali)") takes its template's row with the country's Arabic name ("مدنيون (مالي)");
a dated name ("Military Forces of Mali (2021-)") keeps its regime period ("الجيش المالي (منذ 2021)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge import countries as country_table
from marsad.knowledge.actors import COUNTRY_SLOT, ActorBase, generic_name, period_label
from marsad.lang.ar.normalize import fold
from marsad.resources import DataFileError, read_tsv

_PACKAGE = "marsad.knowledge"
_FILE = "actor_names_ar.tsv"
_COLUMNS = ("name", "name_ar")
_SINCE = "منذ"
# A period as `arabic_name` writes it after a name, which a reader may paste back into a filter.
_PERIOD_AFTER = re.compile(r"\s*\((?:" + _SINCE + r"\s*)?\d{4}-?(?:\d{4})?\)\s*$")


@dataclass(frozen=True)
class _Template:
    """A generic actor's Arabic name, folded, as a pattern that recovers the country's Arabic name."""

    pattern: re.Pattern[str]
    words: str  # the folded Arabic name without the country: "مدنيون ()"
    name: str  # "Civilians ({Country})"
    head: str  # what every English name of it starts with: "Civilians ("


@dataclass(frozen=True)
class _Names:
    arabic: dict[str, str]  # an actors.tsv name or a template -> its Arabic name
    by_folded: dict[str, str]  # a table actor's folded Arabic name -> its name
    templates: tuple[_Template, ...]
    countries: dict[str, country_table.Country]  # folded Arabic country name -> the country


def arabic_name(name: object) -> str | None:
    """The actor's Arabic name ("Rapid Support Forces" -> "قوات الدعم السريع"); None for a name the
    actor tables do not know (a source as the article wrote it, already Arabic)."""
    base = ActorBase.default()
    record = base.by_name(name) if isinstance(name, str) else None
    if record is None:
        return None
    names = _names()
    arabic = names.arabic.get(record.name)
    if arabic is None:
        generic = base.generic(record.name)
        if generic is None:
            return None
        template, country = generic
        arabic = names.arabic[template].replace(COUNTRY_SLOT, country.name_ar)
    label = period_label(name)
    if label is None:
        return arabic
    start, _, end = label.partition("-")
    return f"{arabic} ({start}-{end})" if end else f"{arabic} ({_SINCE} {start})"


def name_of_arabic(query: object) -> str | None:
    """The ACLED name whose Arabic name `query` is, as `arabic_name` writes it ("مسلحون مجهولون (مالي)"
    -> "Unidentified Armed Group (Mali)"), its period left out; None for any other text."""
    text = _query(query)
    names = _names()
    if text in names.by_folded:
        return names.by_folded[text]
    for template in names.templates:
        match = template.pattern.fullmatch(text)
        country = names.countries.get(match["country"]) if match else None
        if country is not None:
            return generic_name(template.name, country.iso3)
    return None


def names_of_arabic(query: object) -> tuple[str, ...]:
    """ACLED names (or the head all of a generic actor's names share, "Civilians (") whose Arabic
    name holds `query` as whole words ("الدعم" -> Rapid Support Forces; "مدنيون" -> "Civilians (";
    but "مالي" is no word of "الجيش المالي")."""
    text = _query(query)
    if not text:
        return ()
    names = _names()
    found = {name for folded, name in names.by_folded.items() if f" {text} " in f" {folded} "}
    found |= {template.head for template in names.templates if f" {text} " in f" {template.words} "}
    return tuple(sorted(found))


def _query(query: object) -> str:
    return _PERIOD_AFTER.sub("", fold(query)).strip() if isinstance(query, str) else ""


@lru_cache(maxsize=1)
def _names() -> _Names:
    base = ActorBase.default()
    known = set(base.table_names()) | set(base.templates())
    arabic: dict[str, str] = {}
    for number, row in enumerate(read_tsv(_PACKAGE, _FILE, _COLUMNS), start=1):
        where = f"{_FILE} row {number} ({row['name'] or '?'})"
        name, name_ar = row["name"], row["name_ar"]
        if name not in known:
            raise DataFileError(f"{where}: no actor or generic actor has this name")
        if name in arabic:
            raise DataFileError(f"{where}: the name appears twice")
        if not name_ar or (COUNTRY_SLOT in name) != (COUNTRY_SLOT in name_ar):
            raise DataFileError(f"{where}: name_ar must be given, with {COUNTRY_SLOT} where the name has it")
        arabic[name] = name_ar
    missing = sorted(known - set(arabic))
    if missing:
        raise DataFileError(f"{_FILE}: no Arabic name for {missing}")
    templates = tuple(
        _Template(
            re.compile(re.escape(fold(name_ar)).replace(re.escape(COUNTRY_SLOT), "(?P<country>.+)")),
            fold(name_ar).replace(COUNTRY_SLOT, ""),
            name,
            name.split(COUNTRY_SLOT)[0],
        )
        for name, name_ar in arabic.items()
        if COUNTRY_SLOT in name
    )
    return _Names(
        arabic=arabic,
        by_folded={fold(name_ar): name for name, name_ar in arabic.items() if COUNTRY_SLOT not in name},
        templates=templates,
        countries={fold(country.name_ar): country for country in country_table.all_countries()},
    )
