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

Two more files describe the actors without adding forms:
- `actor_periods.tsv`: the regime periods ACLED writes after state forces' names, chosen by the
  event's date ("Military Forces of Mali" on 2022-03-01 -> "Military Forces of Mali (2021-)");
- `actor_relations.tsv`: typed links between actors (JNIM's member groups, Wagner Group ->
  Africa Corps, coalitions and their members).

Roles: "state" (military, police, governments' armed bodies), "armed" (rebels, militias, foreign
mercenaries, rioters), "civilian" (civilians, protesters), "source-only" (ministries, agencies,
hospitals, NGOs: they report figures but are not parties to an event).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

from marsad.knowledge import countries as country_table
from marsad.knowledge.surface import SurfaceMatch, SurfaceMatcher, expand_brackets, surface_key
from marsad.lang.ar.clitics import ARTICLE, ARTICLE_AFTER_LAM
from marsad.lang.ar.lexicon import casualty_triggers, event_triggers, forms_with_role, register_cues
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.tokens import WORD
from marsad.resources import DataFileError, read_tsv
from marsad.schema.acled import EVENT_FAMILY, INTER_EXTERNAL, INTER_STATE, VIOLENCE

_PACKAGE = "marsad.knowledge"
_ACTORS = "actors.tsv"
_PATTERNS = "actor_patterns.tsv"
_BRANCHES = "actor_branches.tsv"
_PERIODS = "actor_periods.tsv"
_RELATIONS = "actor_relations.tsv"
_AMBIGUOUS = "actor_ambiguous.tsv"
_ACTOR_COLUMNS = ("name", "inter", "country", "role", "aliases_ar", "aliases_en", "aliases_fr", "years")
_PERIOD_COLUMNS = ("country", "bodies", "period", "start", "suffix", "checked")
_RELATION_COLUMNS = ("actor", "relation", "other")
_PATTERN_COLUMNS = ("id", "pattern", "name", "inter", "role", "only_in")
_BRANCH_COLUMNS = ("family", "country", "name", "inter")
ROLES = ("state", "armed", "civilian", "source-only")
# actor -> other: a group in a coalition or umbrella; a unit of a force; a branch of a transnational
# organisation; a group that replaced (or was renamed from) another; a group that broke away; an
# ally; a militia fighting under a force's command; a media outlet speaking for the actor.
RELATIONS = (
    "member_of",
    "part_of",
    "affiliate_of",
    "successor_of",
    "splinter_of",
    "allied_with",
    "auxiliary_of",
    "media_of",
)
_CHECKED = ("acled", "ours")
_DATED_NAME = re.compile(r"(?P<base>.+?) \((?P<label>\d{4}-(?:\d{4})?)\)(?: (?P<rest>.+))?")
_UNIT_AFTER_SUFFIX = " - "
_NOT_AN_ACTOR = "-"
_FAMILY = "@"
_ANY_COUNTRY = "*"
_ADJ, _COUNTRY = "{adj}", "{country}"
COUNTRY_SLOT = "{Country}"  # a generic name's country: "Civilians ({Country})"
_UNKNOWN = "Unknown"
# A country form's readings, as bits; its span is overwritten with the mark for its bits.
_NAME, _DEFINITE, _INDEFINITE = 1, 2, 4
_MARK_BASE = 0xE000  # private-use characters: never in real text
_SLOT_NAME, _SLOT_DEFINITE, _SLOT_INDEFINITE, _SLOT_ADJECTIVE = (chr(0xE010 + i) for i in range(4))
_SLOT_ACCEPTS = {
    _SLOT_NAME: _NAME,
    _SLOT_DEFINITE: _DEFINITE,
    _SLOT_INDEFINITE: _INDEFINITE,
    _SLOT_ADJECTIVE: _DEFINITE | _INDEFINITE,
}


@dataclass(frozen=True)
class ActorMention:
    start: int  # offsets into the folded text
    end: int
    text: str
    name: str  # ACLED style: "Military Forces of Mali", "Civilians (Syria)"
    inter: int  # 1..8
    country: str | None  # ISO3 of the actor's country or main theatre
    how: str  # "table:<alias>" | "pattern:<pattern id>"
    role: str  # "armed" | "civilian" | "state" | "source-only"


@dataclass(frozen=True)
class ActorRecord:
    name: str
    inter: int
    country: str | None
    role: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    aliases_fr: tuple[str, ...] = ()
    years: tuple[str, ...] = ()  # active years of a group; regime periods of state forces ("2021-")
    related: tuple[str, ...] = ()  # every actor linked to this one in actor_relations.tsv


@dataclass(frozen=True)
class RegimePeriod:
    """One regime period of a country's state forces, as ACLED labels it."""

    label: str  # "2021-", "2013-2020"
    start: date
    end: date | None  # exclusive: the start of the next period
    suffix: str = ""  # "Hadi": words ACLED writes after the label
    checked: bool = False  # the label was seen in ACLED data

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class ActorRelation:
    actor: str
    relation: str  # one of RELATIONS, read "actor <relation> other"
    other: str


@dataclass(frozen=True)
class _Candidate:
    """What one surface form may mean; patterns are resolved against the article's country."""

    name: str  # a final name, a template with {Country}, "@family" or "-"
    inter: int
    role: str
    how: str
    country: str | None  # ISO3 fixed by the form itself (a table row, an {adj} or {country})
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
    mention: ActorMention | None  # None: a phrase that is no actor, which still takes its span
    ambiguous: bool = False  # a word with an everyday sense (actor_ambiguous.tsv)


class ActorBase:
    """The actor tables compiled for matching; build once per process with `default()`."""

    def __init__(
        self,
        records: dict[str, ActorRecord],
        candidates: dict[str, list[_Candidate]],
        branches: dict[tuple[str, str], _Branch],
        periods: dict[str, tuple[RegimePeriod, ...]],
    ):
        self._periods = periods
        self._records = {name: self._with_periods(record) for name, record in records.items()}
        self._relations_of: dict[str, tuple[ActorRelation, ...]] = {}
        self._candidates = candidates
        self._branches = branches
        self._templates = _templates(candidates, branches)
        self._template_patterns = {
            template: re.compile(re.escape(template).replace(re.escape(COUNTRY_SLOT), "(?P<country>.+)"))
            for template in self._templates
        }
        self._countries = _CountryMarks()
        slotted = {key for key in candidates if any(slot in key for slot in _SLOT_ACCEPTS)}
        self._literal = SurfaceMatcher(key for key in candidates if key not in slotted)
        self._slotted = SurfaceMatcher(
            slotted, {slot: _marks_with(bit) for slot, bit in _SLOT_ACCEPTS.items()}
        )
        self._last_forms: tuple[str, list, list] | None = None  # see _forms_in

    @classmethod
    def default(cls) -> ActorBase:
        return _default_base()

    def find_mentions(
        self, text: str, country: str | None, on: date | str | None = None
    ) -> list[ActorMention]:
        """Actors named in folded `text`; `country` (ISO3) is the article's main country. With `on`
        (the event's or article's date), state forces carry their regime period (`dated_name`)."""
        if not isinstance(text, str) or not text:
            return []
        found = self._find(text, country)
        day = _as_date(on)
        if day is None:
            return found
        names: dict[str, str] = {}  # an article names the same actors again and again
        return [self._dated(mention, day, names) for mention in found]

    def _dated(self, mention: ActorMention, day: date, names: dict[str, str]) -> ActorMention:
        """The mention with its name dated (see `dated_name`, remembered in `names` for the day);
        most names have no periods and keep the mention as it is."""
        name = names.get(mention.name)
        if name is None:
            name = names[mention.name] = self.dated_name(mention.name, day)
        return mention if name == mention.name else replace(mention, name=name)

    def dated_name(self, name: str, on: date | str | None) -> str:
        """ACLED's name on that day: "Military Forces of Mali" -> "Military Forces of Mali (2021-)",
        "Military Forces of Iraq Peshmerga" -> "Military Forces of Iraq (2022-) Peshmerga". Names
        without periods, already dated, or without a usable date come back unchanged."""
        if not isinstance(name, str) or _DATED_NAME.fullmatch(name):
            return name
        base, unit = self._periodised_base(name)
        period = self._period_on(base, _as_date(on))
        if period is None:
            return name
        tail = _UNIT_AFTER_SUFFIX.join(part for part in (period.suffix, unit) if part)
        return f"{base} ({period.label})" + (f" {tail}" if tail else "")

    def period(self, name: str, on: date | str | None) -> RegimePeriod | None:
        """The regime period of the state forces `name` (undated, or a unit of them) on that day."""
        base = self._periodised_base(name)[0] if isinstance(name, str) else None
        return self._period_on(base, _as_date(on))

    def _period_on(self, base: str | None, day: date | None) -> RegimePeriod | None:
        # A country's periods never overlap (each ends where the next starts): at most one covers the day.
        if day is None:
            return None
        return next((p for p in self._periods.get(base, ()) if p.covers(day)), None)

    def relations(self, name: str) -> tuple[ActorRelation, ...]:
        """The typed links of an actor (either side), its name dated or not."""
        record = self.by_name(name)
        if record is None:
            return ()
        return self._relations_of.get(record.name, ())

    def _forms_in(self, text: str) -> tuple[list[SurfaceMatch], list[tuple[SurfaceMatch, str | None]]]:
        """The literal forms in `text`, and the slot forms with the country each slot holds;
        remembered for the last text: the pipeline reads one article's actors again once it
        knows the country the story is in, and only what they resolve to changes."""
        last = self._last_forms
        if last is not None and last[0] is text:
            return last[1], last[2]
        literal = list(self._literal.finditer(text))
        masked, country_at = self._countries.mask(text)
        slotted = [
            (match, next((country_at[i] for i in range(match.start, match.end) if i in country_at), None))
            for match in self._slotted.finditer(masked)
        ]
        self._last_forms = (text, literal, slotted)
        return literal, slotted

    def _find(self, text: str, country: str | None) -> list[ActorMention]:
        article = _known_iso3(country)
        literal, slotted = self._forms_in(text)
        found = [self._resolve(text, match.start, match.end, match.key, article, None) for match in literal]
        for match, named in slotted:
            found.append(self._resolve(text, match.start, match.end, match.key, article, named))
        kept = [f for f in _longest_first([f for f in found if f is not None]) if f.mention]
        # "عناصر من الجماعة": a person word and the group it belongs to name an actor together.
        paired = {i for i in range(len(kept) - 1) if _group_follows(text, kept[i], kept, i + 1)}
        paired |= {i + 1 for i in paired}
        mentions = [
            f.mention
            for i, f in enumerate(kept)
            if not f.ambiguous
            or (not _identity_unknown(text, f) and (i in paired or _reads_as_actor(text, f)))
        ]
        return _without_members_of_named_groups(text, mentions)

    def by_name(self, name: str) -> ActorRecord | None:
        """The table record, or a record built from the generic pattern that produces `name`."""
        if not isinstance(name, str):
            return None
        record = self._undated_record(name)
        dated = _DATED_NAME.fullmatch(name) if record is None else None
        if dated is None:
            return record
        unit = " ".join(part for part in (dated["base"], dated["rest"]) if part)
        return self._undated_record(unit) or self._undated_record(dated["base"])

    def _undated_record(self, name: str) -> ActorRecord | None:
        record = self._records.get(name)
        if record is not None:
            return record
        generic = self.generic(name)
        if generic is None:
            return None
        template, country = generic
        inter, role = self._templates[template]
        record = ActorRecord(
            name=name, inter=inter, country=country.iso3, role=role, related=self._linked(name)
        )
        return self._with_periods(record)

    def generic(self, name: str) -> tuple[str, country_table.Country] | None:
        """The generic name an undated `name` is made from and its country: "Civilians (Mali)" ->
        ("Civilians ({Country})", Mali); None for a table name or no actor's."""
        if not isinstance(name, str) or name in self._records:
            return None
        for template, pattern in self._template_patterns.items():
            match = pattern.fullmatch(name)
            if match and (found := country_table.by_name(match.group("country"))):
                return template, found
        return None

    def table_names(self) -> tuple[str, ...]:
        """The names of actors.tsv's rows."""
        return tuple(self._records)

    def templates(self) -> tuple[str, ...]:
        """The generic names with a country slot ("Civilians ({Country})"), of patterns and branches."""
        return tuple(self._templates)

    def _with_periods(self, record: ActorRecord) -> ActorRecord:
        periods = self._periods.get(record.name)
        return replace(record, years=tuple(p.label for p in periods)) if periods else record

    def _periodised_base(self, name: str) -> tuple[str | None, str]:
        """The longest leading words of `name` that have regime periods, and the unit after them."""
        words = name.split(" ")
        for count in range(len(words), 0, -1):
            base = " ".join(words[:count])
            if base in self._periods:
                return base, " ".join(words[count:])
        return None, name

    def _attach_relations(self, relations: tuple[ActorRelation, ...]) -> ActorBase:
        """Part of building the base: relations are checked against its names, so they come last."""
        for relation in relations:
            for name in dict.fromkeys((relation.actor, relation.other)):
                self._relations_of[name] = (*self._relations_of.get(name, ()), relation)
        for name, record in self._records.items():
            self._records[name] = replace(record, related=self._linked(name))
        return self

    def _linked(self, name: str) -> tuple[str, ...]:
        linked = (r.other if r.actor == name else r.actor for r in self._relations_of.get(name, ()))
        return tuple(dict.fromkeys(linked))

    def _resolve(
        self, text: str, start: int, end: int, key: str, article: str | None, named: str | None
    ) -> _Found | None:
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
            inter = INTER_EXTERNAL
        return _Found(
            start,
            end,
            ActorMention(
                start,
                end,
                text[start:end],
                generic_name(name, iso3),
                inter,
                iso3,
                candidate.how,
                candidate.role,
            ),
            ambiguous=candidate.from_pattern and key in _ambiguous_forms(),
        )


class _CountryMarks:
    """Country names and adjectives, found to be overwritten with marks for the slot patterns."""

    def __init__(self):
        self._readings: dict[str, tuple[str, int]] = {}
        for country in country_table.all_countries():
            for forms, bit in (
                (country.forms, _NAME),
                (country_table.definite_adjectives(country), _DEFINITE),
                (country_table.indefinite_adjectives(country), _INDEFINITE),
            ):
                for form in forms:
                    iso3, bits = self._readings.get(form, (country.iso3, 0))
                    self._readings[form] = (iso3, bits | bit)
        self._matcher = SurfaceMatcher(self._readings)

    def mask(self, text: str) -> tuple[str, dict[int, str]]:
        """`text` with each country form overwritten by its mark, and the ISO3 at each marked offset."""
        parts, country_at, done = [], {}, 0
        for match in self._matcher.finditer(text):
            iso3, bits = self._readings[match.key]
            parts += (text[done : match.start], _mark(bits) * (match.end - match.start))
            done = match.end
            country_at.update(dict.fromkeys(range(match.start, match.end), iso3))
        return "".join(parts) + text[done:], country_at


def _mark(bits: int) -> str:
    return chr(_MARK_BASE + bits)


def _marks_with(bit: int) -> str:
    return "".join(_mark(bits) for bits in range(1, 8) if bits & bit)


# A word of everyday sense reads as an actor within this many words of a violence word, in its sentence
# (a toll's breakdown names its items far from its trigger: "13 قتيلا هم ... وأربعة مهاجمين").
_CONTEXT_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_OF = "من"
# Sport and fiction share violence words ("هجوم" of a team, a film's killing); markets and science do not.
_SHARED_REGISTERS = frozenset({"sport", "fiction"})
_WORD_REACH = 12  # characters enough to read the word after a mention
_VIOLENT_TYPES = frozenset(kind for kind, family in EVENT_FAMILY.items() if family == VIOLENCE)


@lru_cache(maxsize=1)
def _ambiguous_forms() -> frozenset[str]:
    return frozenset(
        surface_key(fold(row["form"])) for row in read_tsv(_PACKAGE, _AMBIGUOUS, ("form", "other_sense"))
    )


def _reads_as_actor(text: str, found: _Found) -> bool:
    """ "المهاجم" is a striker and "عناصر" are elements unless their sentence reports violence and
    is no sport or fiction news."""
    start, end = _context(text, found.start, found.end)
    # A word that only closes a casualty phrase ("حياتهم", "مجهولا") says nothing of violence alone.
    violent = any(
        row["strength"] != "closer" for _, row in casualty_triggers().finditer(text, start, end)
    ) or any(row["event_type"] in _VIOLENT_TYPES for _, row in event_triggers().finditer(text, start, end))
    off_register = any(
        row["register"] in _SHARED_REGISTERS and not (match.start() < found.end and found.start < match.end())
        for match, row in register_cues().finditer(text, start, end)
    )
    return violent and not off_register


# Generic words for fighters whose group, when named right after "من", is the actor.
_GENERIC_FIGHTERS = frozenset({"pattern:unidentified", "pattern:generic-rebels"})


def _without_members_of_named_groups(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "ثلاثة مسلحين من تنظيم داعش": gunmen of a named group are that group, not an unidentified one."""
    dropped = set()
    for i, (mention, following) in enumerate(zip(mentions, mentions[1:])):
        if (
            mention.how in _GENERIC_FIGHTERS
            and following.how not in _GENERIC_FIGHTERS
            and following.role == "armed"
            and text[mention.end : following.start].split() == [_OF]
        ):
            dropped.add(i)
    return [m for i, m in enumerate(mentions) if i not in dropped]


_UNKNOWN_IDENTITY = forms_with_role("unknown_identity")


def _identity_unknown(text: str, found: _Found) -> bool:
    """ "مجهول الهوية" tells whose identity is unknown ("جثة رجل مجهول الهوية"), not who attacked."""
    following = WORD.findall(text, found.end, found.end + _WORD_REACH)[:1]
    return bool(following) and following[0] in _UNKNOWN_IDENTITY


def _group_follows(text: str, found: _Found, kept: list[_Found], after: int) -> bool:
    following = next((kept[i] for i in range(after, len(kept)) if kept[i].start >= found.end), None)
    return following is not None and text[found.end : following.start].split(maxsplit=2) in ([], [_OF])


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the words around [start, end) within its sentence, up to _CONTEXT_WORDS each side."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    sentence_start = ends[-1] if ends else 0
    stop = _SENTENCE_END.search(text, end)
    sentence_end = stop.start() if stop else len(text)
    before = [m.start() for m in WORD.finditer(text, sentence_start, start)][-_CONTEXT_WORDS:]
    after = [m.end() for m in WORD.finditer(text, end, sentence_end)][:_CONTEXT_WORDS]
    return (before[0] if before else start), (after[-1] if after else end)


def _longest_first(found: list[_Found]) -> list[_Found]:
    """Non-overlapping finds, longer ones first (literal forms were listed before slot forms), by start."""
    chosen: list[_Found] = []
    starts: list[int] = []
    for item in sorted(found, key=lambda f: f.start - f.end):  # stable: ties keep list order
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
    periods = _load_periods()
    clashing = sorted(name for name, record in records.items() if record.years and name in periods)
    if clashing:
        raise DataFileError(f"{_ACTORS}: {clashing} have years; state forces' periods belong in {_PERIODS}")
    base = ActorBase(records, candidates, branches, periods)
    return base._attach_relations(_load_relations(base))


def period_label(name: object) -> str | None:
    """The regime period a dated name carries: "Military Forces of Mali (2021-)" -> "2021-"."""
    dated = _DATED_NAME.fullmatch(name) if isinstance(name, str) else None
    return dated["label"] if dated else None


@lru_cache(maxsize=4096)
def generic_name(template: str, iso3: str | None) -> str:
    """A generic name for the country: ("Military Forces of {Country}", "USA") -> "Military Forces of
    the United States"; "Unknown" without a known country. Remembered: an article names the
    same few actors again and again."""
    if COUNTRY_SLOT not in template:
        return template
    country = country_table.by_iso3(iso3) if iso3 else None
    if country is None:
        return template.replace(COUNTRY_SLOT, _UNKNOWN)
    template = template.replace("of " + COUNTRY_SLOT, "of " + country_table.name_after_of(country))
    return template.replace(COUNTRY_SLOT, country.name)


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _known_iso3(code: object) -> str | None:
    if not isinstance(code, str):
        return None
    country = country_table.by_iso3(code)
    return country.iso3 if country else None


def _templates(
    candidates: dict[str, list[_Candidate]], branches: dict[tuple[str, str], _Branch]
) -> dict[str, tuple[int, str]]:
    """Each generic name ("Civilians ({Country})") with its inter and role."""
    found: dict[str, tuple[int, str]] = {}
    for options in candidates.values():
        for candidate in options:
            if candidate.from_pattern and COUNTRY_SLOT in candidate.name:
                found.setdefault(candidate.name, (candidate.inter, candidate.role))
    for branch in branches.values():
        if COUNTRY_SLOT in branch.name:
            found.setdefault(branch.name, (branch.inter, "armed"))
    return found


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
                candidates[key] = [
                    _Candidate(record.name, record.inter, record.role, f"table:{key}", record.country)
                ]
    return records, candidates


def _record(row: dict[str, str], where: str) -> ActorRecord:
    if not row["name"]:
        raise DataFileError(f"{where}: the name is empty")
    return ActorRecord(
        name=row["name"],
        inter=_inter(row["inter"], where),
        country=_country_code(row["country"], where),
        role=_role(row["role"], where),
        aliases_ar=tuple(_expanded(row["aliases_ar"])),
        aliases_en=tuple(_split(row["aliases_en"])),
        aliases_fr=tuple(_split(row["aliases_fr"])),
        years=tuple(_split(row["years"])),
    )


def _load_branches() -> dict[tuple[str, str], _Branch]:
    branches: dict[tuple[str, str], _Branch] = {}
    for number, row in enumerate(read_tsv(_PACKAGE, _BRANCHES, _BRANCH_COLUMNS), start=1):
        where = f"{_BRANCHES} row {number}"
        country = row["country"] if row["country"] == _ANY_COUNTRY else _country_code(row["country"], where)
        branches[(row["family"], country or "")] = _Branch(row["name"], _inter(row["inter"], where))
    return branches


def _load_periods() -> dict[str, tuple[RegimePeriod, ...]]:
    """Each state-force name ("Military Forces of Mali") with its periods in order."""
    by_country: dict[str, list[tuple[date, dict[str, str], str]]] = {}
    for number, row in enumerate(read_tsv(_PACKAGE, _PERIODS, _PERIOD_COLUMNS), start=1):
        where = f"{_PERIODS} row {number} ({row['country'] or '?'} {row['period'] or '?'})"
        iso3 = _country_code(row["country"], where)
        if iso3 is None:
            raise DataFileError(f"{where}: the country is empty")
        by_country.setdefault(iso3, []).append((_start_date(row["start"], where), row, where))
    periods: dict[str, tuple[RegimePeriod, ...]] = {}
    for iso3, rows in by_country.items():
        rows.sort(key=lambda item: item[0])
        country = country_table.by_iso3(iso3)
        for (start, row, where), following in zip(rows, [*rows[1:], None]):
            end = following[0] if following else None
            period = RegimePeriod(
                _period_label(row["period"], start, end, where),
                start,
                end,
                row["suffix"],
                _checked(row["checked"], where),
            )
            bodies = _split(row["bodies"])
            if not bodies:
                raise DataFileError(f"{where}: no bodies")
            for body in bodies:
                name = f"{body} of {country_table.name_after_of(country)}"
                periods[name] = (*periods.get(name, ()), period)
    return periods


def _start_date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataFileError(f"{where}: start must be a date YYYY-MM-DD, not {value!r}") from None


def _period_label(label: str, start: date, end: date | None, where: str) -> str:
    """ACLED's label, checked against the dates: the start's year, then the year the country's next
    period starts (open for its last period)."""
    expected = f"{start.year}-{end.year if end else ''}"
    if label != expected:
        raise DataFileError(
            f"{where}: period {label!r} should read {expected!r} (its start and the next period's)"
        )
    return label


def _checked(value: str, where: str) -> bool:
    if value not in _CHECKED:
        raise DataFileError(f"{where}: checked must be one of {_CHECKED}, not {value!r}")
    return value == "acled"


def _load_relations(base: ActorBase) -> tuple[ActorRelation, ...]:
    relations: list[ActorRelation] = []
    for number, row in enumerate(read_tsv(_PACKAGE, _RELATIONS, _RELATION_COLUMNS), start=1):
        where = f"{_RELATIONS} row {number} ({row['actor'] or '?'})"
        if row["relation"] not in RELATIONS:
            raise DataFileError(f"{where}: relation must be one of {RELATIONS}, not {row['relation']!r}")
        unknown = [name for name in (row["actor"], row["other"]) if not _is_actor_name(base, name)]
        if unknown:
            raise DataFileError(f"{where}: unknown actors {unknown}")
        relation = ActorRelation(row["actor"], row["relation"], row["other"])
        if relation in relations:
            raise DataFileError(f"{where}: the relation appears twice")
        relations.append(relation)
    return tuple(relations)


def _is_actor_name(base: ActorBase, name: str) -> bool:
    """A table name or a generic name, undated (relations link actors, not their periods)."""
    record = base.by_name(name)
    return record is not None and record.name == name


def _load_patterns(candidates: dict[str, list[_Candidate]], branches: dict[tuple[str, str], _Branch]) -> None:
    for number, row in enumerate(read_tsv(_PACKAGE, _PATTERNS, _PATTERN_COLUMNS), start=1):
        where = f"{_PATTERNS} row {number} ({row['id'] or '?'})"
        name = row["name"]
        if name.startswith(_FAMILY) and (name[1:], _ANY_COUNTRY) not in branches:
            raise DataFileError(f"{where}: no '*' branch for family {name!r} in {_BRANCHES}")
        only_in = frozenset(_country_code(code, where) for code in _split(row["only_in"]))
        candidate = _Candidate(
            name,
            _inter(row["inter"], where),
            _role(row["role"], where),
            f"pattern:{row['id']}",
            None,
            only_in,
            from_pattern=True,
        )
        for form in _expanded(row["pattern"]):
            _add_pattern(candidates, surface_key(_with_slot(form, where)), candidate, where)


def _add_pattern(
    candidates: dict[str, list[_Candidate]], key: str, candidate: _Candidate, where: str
) -> None:
    options = candidates.setdefault(key, [])
    if candidate.name == _NOT_AN_ACTOR:  # a phrase that is no actor overrides any reading of it
        options.insert(0, candidate)
        return
    for other in options:
        if other.how == candidate.how:
            return
        if (
            other.from_pattern
            and (not other.only_in or not candidate.only_in or other.only_in & candidate.only_in)
            and other.name != candidate.name
        ):
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
    definite = head[-1].startswith((ARTICLE, ARTICLE_AFTER_LAM))
    return form.replace(_ADJ, _SLOT_DEFINITE if definite else _SLOT_INDEFINITE)


def _expanded(cell: str) -> list[str]:
    return list(dict.fromkeys(fold(spelling) for form in _split(cell) for spelling in expand_brackets(form)))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _inter(value: str, where: str) -> int:
    if not value.isdigit() or not INTER_STATE <= int(value) <= INTER_EXTERNAL:
        raise DataFileError(f"{where}: inter must be {INTER_STATE} to {INTER_EXTERNAL}, not {value!r}")
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
