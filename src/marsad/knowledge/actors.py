"""Actors: ACLED-style names for the parties (and reporting bodies) named in Arabic news.

Three data files feed one matcher:
- `actors.tsv`: named actors with their aliases ("فاغنر" -> Wagner Group);
- `actor_patterns.tsv`: generic patterns, expanded at load over every country's names and nisba
  adjectives ("الجيش {adj}" -> "الجيش المالي" -> Military Forces of Mali), plus words that name an
  actor only in some countries (الشباب in Somalia) and phrases that are no actor at all
  (هجوم انتحاري, so that انتحاري inside it is not taken for the bomber);
- `actor_branches.tsv`: which branch a bare "داعش" or "تنظيم القاعدة" means in each country.

Forms are compiled into clitic-aware trie patterns, so finding actors costs a few passes over the
text whatever the size of the tables. Patterns with a country slot are not expanded into every
country's forms: country names and adjectives are found first and overwritten with marks in a
same-length copy of the text, where one slot form ("الجيش" + mark run) stands for all of them.
The longest mention wins (a table row over a pattern of the same length); mentions never overlap.

Roles: "state" (military, police, governments' armed bodies), "armed" (rebels, militias, foreign
mercenaries, rioters), "civilian" (civilians, protesters), "source-only" (ministries, agencies,
hospitals, NGOs: they report figures but are not parties to an event).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge import countries as country_table
from marsad.knowledge.surface import SurfaceMatcher, expand_brackets, surface_key
from marsad.lang.ar.normalize import fold
from marsad.resources import DataFileError, read_tsv

_PACKAGE = "marsad.knowledge"
_ACTORS = "actors.tsv"
_PATTERNS = "actor_patterns.tsv"
_BRANCHES = "actor_branches.tsv"
_ACTOR_COLUMNS = ("name", "inter", "country", "role", "aliases_ar", "aliases_en", "aliases_fr", "years", "related")
_PATTERN_COLUMNS = ("id", "pattern", "name", "inter", "role", "only_in")
_BRANCH_COLUMNS = ("family", "country", "name", "inter")
ROLES = ("state", "armed", "civilian", "source-only")
_NOT_AN_ACTOR = "-"
_FAMILY = "@"
_ANY_COUNTRY = "*"
_ADJ, _COUNTRY = "{adj}", "{country}"
_COUNTRY_SLOT = "{Country}"
_UNKNOWN = "Unknown"
_EXTERNAL = 8       # ACLED codes state forces acting outside their own country as external forces
# A country form's readings, as bits; its span is overwritten with the mark for its bits.
_NAME, _DEFINITE, _INDEFINITE = 1, 2, 4
_MARK_BASE = 0xE000                  # private-use characters: never in real text
_SLOT_NAME, _SLOT_DEFINITE, _SLOT_INDEFINITE, _SLOT_ADJECTIVE = (chr(0xE010 + i) for i in range(4))
_SLOT_ACCEPTS = {_SLOT_NAME: _NAME, _SLOT_DEFINITE: _DEFINITE, _SLOT_INDEFINITE: _INDEFINITE,
                 _SLOT_ADJECTIVE: _DEFINITE | _INDEFINITE}


@dataclass(frozen=True)
class ActorMention:
    start: int          # offsets into the folded text
    end: int
    text: str
    name: str           # ACLED style: "Military Forces of Mali", "Civilians (Syria)"
    inter: int          # 1..8
    country: str | None  # ISO3 of the actor's country or main theatre
    how: str            # "table:<alias>" | "pattern:<pattern id>"
    role: str           # "armed" | "civilian" | "state" | "source-only"


@dataclass(frozen=True)
class ActorRecord:
    name: str
    inter: int
    country: str | None
    role: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    aliases_fr: tuple[str, ...] = ()
    years: tuple[str, ...] = ()         # ACLED regime periods ("2021-"), not part of the emitted name
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Candidate:
    """What one surface form may mean; patterns are resolved against the article's country."""

    name: str                   # a final name, a template with {Country}, "@family" or "-"
    inter: int
    role: str
    how: str
    country: str | None         # ISO3 fixed by the form itself (a table row, an {adj} or {country})
    only_in: frozenset[str] = frozenset()
    from_pattern: bool = False


@dataclass(frozen=True)
class _Branch:
    name: str
    inter: int


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    mention: ActorMention | None     # None: a phrase that is no actor, which still takes its span


class ActorBase:
    """The actor tables compiled for matching; build once per process with `default()`."""

    def __init__(self, records: dict[str, ActorRecord], candidates: dict[str, list[_Candidate]],
                 branches: dict[tuple[str, str], _Branch]):
        self._records = records
        self._candidates = candidates
        self._branches = branches
        self._templates = _templates(candidates, branches)
        self._countries = _CountryMarks()
        slotted = {key for key in candidates if any(slot in key for slot in _SLOT_ACCEPTS)}
        self._literal = SurfaceMatcher(key for key in candidates if key not in slotted)
        self._slotted = SurfaceMatcher(slotted, {slot: _marks_with(bit) for slot, bit in _SLOT_ACCEPTS.items()})

    @classmethod
    def default(cls) -> ActorBase:
        return _default_base()

    def find_mentions(self, text: str, country: str | None) -> list[ActorMention]:
        """Actors named in folded `text`; `country` (ISO3) is the article's main country."""
        if not isinstance(text, str) or not text:
            return []
        article = _known_iso3(country)
        found = [self._resolve(text, match.start, match.end, match.key, article, None)
                 for match in self._literal.finditer(text)]
        masked, country_at = self._countries.mask(text)
        for match in self._slotted.finditer(masked):
            named = next((country_at[i] for i in range(match.start, match.end) if i in country_at), None)
            found.append(self._resolve(text, match.start, match.end, match.key, article, named))
        return [f.mention for f in _longest_first([f for f in found if f is not None]) if f.mention]

    def by_name(self, name: str) -> ActorRecord | None:
        """The table record, or a record built from the generic pattern that produces `name`."""
        if not isinstance(name, str):
            return None
        record = self._records.get(name)
        if record is not None:
            return record
        for pattern, (inter, role) in self._templates.items():
            match = pattern.fullmatch(name)
            if match and (found := country_table.by_name(match.group("country"))):
                return ActorRecord(name=name, inter=inter, country=found.iso3, role=role)
        return None

    def _resolve(self, text: str, start: int, end: int, key: str, article: str | None,
                 named: str | None) -> _Found | None:
        """The mention a matched form makes in this article (`named`: the country its slot holds)."""
        candidate = next((c for c in self._candidates[key] if not c.only_in or article in c.only_in), None)
        if candidate is None:
            return None
        if candidate.name == _NOT_AN_ACTOR:
            return _Found(start, end, None)
        own = candidate.country or named
        iso3 = own or (article if candidate.from_pattern else None)
        name, inter = candidate.name, candidate.inter
        if name.startswith(_FAMILY):
            branch = self._branches.get((name[1:], iso3 or "")) or self._branches[(name[1:], _ANY_COUNTRY)]
            name, inter = branch.name, branch.inter
        if candidate.role == "state" and own and article and own != article:
            inter = _EXTERNAL
        return _Found(start, end, ActorMention(start, end, text[start:end], _render(name, iso3), inter, iso3,
                                               candidate.how, candidate.role))


class _CountryMarks:
    """Country names and adjectives, found to be overwritten with marks for the slot patterns."""

    def __init__(self):
        self._readings: dict[str, tuple[str, int]] = {}
        for country in country_table.all_countries():
            for forms, bit in ((country.forms, _NAME),
                               (country_table.definite_adjectives(country), _DEFINITE),
                               (country_table.indefinite_adjectives(country), _INDEFINITE)):
                for form in forms:
                    iso3, bits = self._readings.get(form, (country.iso3, 0))
                    self._readings[form] = (iso3, bits | bit)
        self._matcher = SurfaceMatcher(self._readings)

    def mask(self, text: str) -> tuple[str, dict[int, str]]:
        """`text` with each country form overwritten by its mark, and the ISO3 at each marked offset."""
        chars, country_at = list(text), {}
        for match in self._matcher.finditer(text):
            iso3, bits = self._readings[match.key]
            chars[match.start:match.end] = _mark(bits) * (match.end - match.start)
            country_at.update(dict.fromkeys(range(match.start, match.end), iso3))
        return "".join(chars), country_at


def _mark(bits: int) -> str:
    return chr(_MARK_BASE + bits)


def _marks_with(bit: int) -> str:
    return "".join(_mark(bits) for bits in range(1, 8) if bits & bit)



def _longest_first(found: list[_Found]) -> list[_Found]:
    """Non-overlapping finds, longer ones first (literal forms were listed before slot forms), by start."""
    chosen: list[_Found] = []
    starts: list[int] = []
    for item in sorted(found, key=lambda f: f.start - f.end):        # stable: ties keep list order
        at = bisect_left(starts, item.start)
        if at > 0 and chosen[at - 1].end > item.start or at < len(chosen) and chosen[at].start < item.end:
            continue
        chosen.insert(at, item)
        starts.insert(at, item.start)
    return chosen


@lru_cache(maxsize=1)
def _default_base() -> ActorBase:
    records, candidates = _load_actors()
    branches = _load_branches()
    _load_patterns(candidates, branches)
    return ActorBase(records, candidates, branches)


def _render(template: str, iso3: str | None) -> str:
    if _COUNTRY_SLOT not in template:
        return template
    country = country_table.by_iso3(iso3) if iso3 else None
    if country is None:
        return template.replace(_COUNTRY_SLOT, _UNKNOWN)
    template = template.replace("of " + _COUNTRY_SLOT, "of " + country_table.name_after_of(country))
    return template.replace(_COUNTRY_SLOT, country.name)


def _known_iso3(code: object) -> str | None:
    if not isinstance(code, str):
        return None
    country = country_table.by_iso3(code)
    return country.iso3 if country else None


def _templates(candidates: dict[str, list[_Candidate]],
               branches: dict[tuple[str, str], _Branch]) -> dict[re.Pattern[str], tuple[int, str]]:
    """Each generic name ("Civilians ({Country})") as a pattern that recovers the country."""
    found: dict[str, tuple[int, str]] = {}
    for options in candidates.values():
        for candidate in options:
            if candidate.from_pattern and _COUNTRY_SLOT in candidate.name:
                found.setdefault(candidate.name, (candidate.inter, candidate.role))
    for branch in branches.values():
        if _COUNTRY_SLOT in branch.name:
            found.setdefault(branch.name, (branch.inter, "armed"))
    return {re.compile(re.escape(template).replace(re.escape(_COUNTRY_SLOT), "(?P<country>.+)")): value
            for template, value in found.items()}


# --- loading -----------------------------------------------------------------------------------

def _load_actors() -> tuple[dict[str, ActorRecord], dict[str, list[_Candidate]]]:
    records: dict[str, ActorRecord] = {}
    candidates: dict[str, list[_Candidate]] = {}
    owner: dict[str, str] = {}
    for number, row in enumerate(read_tsv(_PACKAGE, _ACTORS, _ACTOR_COLUMNS), start=1):
        where = f"{_ACTORS} row {number} ({row['name'] or '?'})"
        record = _record(row, where)
        if record.name in records:
            raise DataFileError(f"{where}: the name appears twice")
        records[record.name] = record
        for alias in record.aliases_ar + record.aliases_en + record.aliases_fr:
            key = surface_key(fold(alias))
            if owner.setdefault(key, record.name) != record.name:
                raise DataFileError(f"{where}: alias {alias!r} already belongs to {owner[key]!r}")
            if key not in candidates:
                candidates[key] = [_Candidate(record.name, record.inter, record.role, f"table:{key}", record.country)]
    for record in records.values():
        missing = [name for name in record.related if name not in records]
        if missing:
            raise DataFileError(f"{_ACTORS}: {record.name!r} is related to unknown actors {missing}")
    return records, candidates


def _record(row: dict[str, str], where: str) -> ActorRecord:
    if not row["name"]:
        raise DataFileError(f"{where}: the name is empty")
    return ActorRecord(
        name=row["name"], inter=_inter(row["inter"], where), country=_country_code(row["country"], where),
        role=_role(row["role"], where), aliases_ar=tuple(_expanded(row["aliases_ar"])),
        aliases_en=tuple(_split(row["aliases_en"])), aliases_fr=tuple(_split(row["aliases_fr"])),
        years=tuple(_split(row["years"])), related=tuple(_split(row["related"])))


def _load_branches() -> dict[tuple[str, str], _Branch]:
    branches: dict[tuple[str, str], _Branch] = {}
    for number, row in enumerate(read_tsv(_PACKAGE, _BRANCHES, _BRANCH_COLUMNS), start=1):
        where = f"{_BRANCHES} row {number}"
        country = row["country"] if row["country"] == _ANY_COUNTRY else _country_code(row["country"], where)
        branches[(row["family"], country or "")] = _Branch(row["name"], _inter(row["inter"], where))
    return branches


def _load_patterns(candidates: dict[str, list[_Candidate]], branches: dict[tuple[str, str], _Branch]) -> None:
    for number, row in enumerate(read_tsv(_PACKAGE, _PATTERNS, _PATTERN_COLUMNS), start=1):
        where = f"{_PATTERNS} row {number} ({row['id'] or '?'})"
        name = row["name"]
        if name.startswith(_FAMILY) and (name[1:], _ANY_COUNTRY) not in branches:
            raise DataFileError(f"{where}: no '*' branch for family {name!r} in {_BRANCHES}")
        only_in = frozenset(_country_code(code, where) for code in _split(row["only_in"]))
        candidate = _Candidate(name, _inter(row["inter"], where), _role(row["role"], where),
                               f"pattern:{row['id']}", None, only_in, from_pattern=True)
        for form in _expanded(row["pattern"]):
            _add_pattern(candidates, surface_key(_with_slot(form, where)), candidate, where)


def _add_pattern(candidates: dict[str, list[_Candidate]], key: str, candidate: _Candidate, where: str) -> None:
    options = candidates.setdefault(key, [])
    if candidate.name == _NOT_AN_ACTOR:     # a phrase that is no actor overrides any reading of it
        options.insert(0, candidate)
        return
    for other in options:
        if other.how == candidate.how:
            return
        if other.from_pattern and (not other.only_in or not candidate.only_in or other.only_in & candidate.only_in) \
                and other.name != candidate.name:
            raise DataFileError(f"{where}: {key!r} is also {other.how} ({other.name}) in the same countries")
    options.append(candidate)


def _with_slot(form: str, where: str) -> str:
    """The form with its {adj} or {country} as a slot character; an adjective agrees in
    definiteness with its noun (الجيش المالي, but جنود ماليين)."""
    holes = form.count(_ADJ) + form.count(_COUNTRY)
    if holes > 1:
        raise DataFileError(f"{where}: {form!r} has more than one placeholder")
    if _COUNTRY in form:
        return form.replace(_COUNTRY, _SLOT_NAME)
    if _ADJ not in form:
        return form
    head = form.split(_ADJ)[0].split()
    if not head:
        return form.replace(_ADJ, _SLOT_ADJECTIVE)
    definite = head[-1].startswith(("ال", "لل"))
    return form.replace(_ADJ, _SLOT_DEFINITE if definite else _SLOT_INDEFINITE)


def _expanded(cell: str) -> list[str]:
    return list(dict.fromkeys(fold(spelling) for form in _split(cell) for spelling in expand_brackets(form)))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _inter(value: str, where: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 8:
        raise DataFileError(f"{where}: inter must be 1 to 8, not {value!r}")
    return int(value)


def _role(value: str, where: str) -> str:
    if value not in ROLES:
        raise DataFileError(f"{where}: role must be one of {ROLES}, not {value!r}")
    return value


def _country_code(value: str, where: str) -> str | None:
    if not value:
        return None
    country = country_table.by_iso3(value)
    if country is None:
        raise DataFileError(f"{where}: unknown country code {value!r}")
    return country.iso3
