"""News outlets and ACLED's source scale: which outlet a document's `outlet` names, and how far
from the event's country its reporting comes.

`data/outlets.tsv` holds one row per outlet (names, domains, country, reach; its comments say how
reach was chosen). `lookup` takes whatever a document's metadata gives (a name in English or
Arabic, a corpus identifier, a domain, a subdomain or a full URL) and returns the outlet or None.

ACLED's `source_scale` names the scale of an event's sources relative to the event's country:
International, Regional, National, Subnational, New media, Local partner or Other. Sources of two
scales are written joined by a hyphen, narrowest first ("Subnational-National",
"National-International"), with "Other" ahead of the scale it joins ("Other-National"); ACLED's
published values only ever join two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args
from urllib.parse import urlsplit

from marsad.knowledge.countries import by_iso3
from marsad.lang.ar.normalize import fold
from marsad.resources import DataFileError, data_path, read_tsv

_PACKAGE = "marsad.knowledge"
_FILE = "outlets.tsv"
_COLUMNS = ("name", "name_ar", "country", "reach", "domains", "aliases")
Reach = Literal["international", "regional", "national", "subnational"]
_REACHES = get_args(Reach)
_OWN_COUNTRY_SCALE = {"national": "National", "subnational": "Subnational"}
_WIDE_SCALE = {"international": "International", "regional": "Regional"}
UNKNOWN_SCALE = "Other"
# ACLED's order when two scales are joined: the first named goes first in "A-B".
SCALE_ORDER = ("Local partner", "Other", "New media", "Subnational", "National", "Regional", "International")
_LOOKS_LIKE_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\.?(/\S*)?$")


@dataclass(frozen=True)
class Outlet:
    name: str  # English, as the `source` column writes it
    name_ar: str
    country: str | None  # ISO3 (see the data file for what it means per reach)
    reach: Reach
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


def all_outlets() -> tuple[Outlet, ...]:
    return _table().outlets


def lookup(outlet: object) -> Outlet | None:
    """The outlet a name, identifier, domain or URL stands for; None when unknown or not text."""
    if not isinstance(outlet, str) or not outlet.strip():
        return None
    text = outlet.strip()
    table = _table()
    host = _host(text)
    if host:
        for domain in _parent_domains(host):
            if domain in table.by_domain:
                return table.by_domain[domain]
    return table.by_name.get(_name_key(text))


def source_scale(outlet: object, event_country: str | None) -> str:
    """ACLED scale of one source for an event in `event_country` (ISO3); "Other" when unknown."""
    found = lookup(outlet)
    if found is None:
        return UNKNOWN_SCALE
    if found.reach in _WIDE_SCALE:
        return _WIDE_SCALE[found.reach]
    if not isinstance(event_country, str) or not event_country.strip():
        return UNKNOWN_SCALE
    if found.country == event_country.strip().upper():
        return _OWN_COUNTRY_SCALE[found.reach]
    return "Regional"


def combined_scale(scales: Iterable[str]) -> str:
    """One event's `source_scale` from the scales of its sources ("" when there are none).

    Two scales are joined as ACLED joins them. With three or more, which ACLED's values never
    show, the narrowest and the widest known scales are kept (Other is dropped once two known
    scales remain), so the value stays one ACLED uses and still spans the sources' reach.
    """
    distinct = sorted({s for s in scales if s in SCALE_ORDER}, key=SCALE_ORDER.index)
    known = [s for s in distinct if s != UNKNOWN_SCALE]
    if len(known) >= 2:
        return f"{known[0]}-{known[-1]}"
    return "-".join(distinct)


def event_source_scale(outlets: Iterable[object], event_country: str | None) -> str:
    """`source_scale` of an event in `event_country` reported by `outlets` (empty ones ignored)."""
    return combined_scale(source_scale(o, event_country) for o in outlets if isinstance(o, str) and o.strip())


def _name_key(text: str) -> str:
    """Names compared folded, case-free, and without spaces or punctuation: "Al-Jazeera" and
    "Al Jazeera", "أ ف ب" and "أ.ف.ب" meet."""
    return "".join(c for c in fold(text).casefold() if c.isalnum())


def _host(text: str) -> str | None:
    lowered = text.lower()
    if "://" not in lowered and not _LOOKS_LIKE_DOMAIN.match(lowered):
        return None
    try:
        host = urlsplit(lowered if "://" in lowered else f"//{lowered}").hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def _parent_domains(host: str) -> list[str]:
    """ "arabic.rt.com" -> ["arabic.rt.com", "rt.com"]; "www." and other subdomains fall away."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


@dataclass(frozen=True)
class _Table:
    outlets: tuple[Outlet, ...]
    by_name: dict[str, Outlet]
    by_domain: dict[str, Outlet]


@lru_cache(maxsize=1)
def _table() -> _Table:
    outlets, by_name, by_domain = [], {}, {}
    for number, row in enumerate(read_tsv(_PACKAGE, _FILE, _COLUMNS), start=1):
        outlet = _outlet(row, number)
        outlets.append(outlet)
        for key in {_name_key(n) for n in (outlet.name, outlet.name_ar, *outlet.aliases)} - {""}:
            _claim(by_name, key, outlet, "name")
        for domain in outlet.domains:
            _claim(by_domain, domain, outlet, "domain")
    return _Table(tuple(outlets), by_name, by_domain)


def _outlet(row: dict[str, str], number: int) -> Outlet:
    where = f"{data_path(_PACKAGE, _FILE)}: outlet {number} ({row['name']!r})"
    if not row["name"]:
        raise DataFileError(f"{where}: the name is empty")
    if row["reach"] not in _REACHES:
        raise DataFileError(f"{where}: reach {row['reach']!r} is not one of {', '.join(_REACHES)}")
    country = row["country"] or None
    if country is not None and by_iso3(country) is None:
        raise DataFileError(f"{where}: country {country!r} is not an ISO3 code of countries.tsv")
    if country is None and row["reach"] in _OWN_COUNTRY_SCALE:
        raise DataFileError(f"{where}: a {row['reach']} outlet needs its country")
    domains = tuple(d.strip().lower() for d in row["domains"].split("|") if d.strip())
    for domain in domains:
        if domain.startswith("www.") or not _LOOKS_LIKE_DOMAIN.match(domain) or "/" in domain:
            raise DataFileError(f"{where}: {domain!r} is not a bare domain (no www., no path)")
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    return Outlet(
        name=row["name"],
        name_ar=row["name_ar"],
        country=country,
        reach=row["reach"],
        domains=domains,
        aliases=aliases,
    )


def _claim(index: dict[str, Outlet], key: str, outlet: Outlet, what: str) -> None:
    holder = index.setdefault(key, outlet)
    if holder is not outlet:
        raise DataFileError(
            f"{data_path(_PACKAGE, _FILE)}: the {what} {key!r} is given to both "
            f"{holder.name!r} and {outlet.name!r}"
        )
