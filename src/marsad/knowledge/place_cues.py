"""Distance, direction and border phrases right after a place mention, which locate the place
relative to another: "X (على بعد) 150 كيلومترا جنوب غرب العاصمة", "X شمالي Y", "X قرب الحدود
الجزائرية". Words come from `data/place_cues.tsv`; the phrases are read on folded text, and the
geometry (bearings, distances) lives here too, so that `gazetteer.choose` only asks whether a
candidate fits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge.countries import find_countries
from marsad.lang.ar.normalize import fold
from marsad.resources import read_tsv

EARTH_RADIUS_KM = 6371.0
# How far after the mention a cue may start: room for "الواقعة على بعد نحو" but not for the
# next clause.
MAX_GAP_WITH_DISTANCE = 45
MAX_GAP_DIRECTION_ONLY = 2
MAX_GAP_BORDER = 30
ANCHOR_WITHIN = 12  # characters between the direction word and the anchor's name ("من ")
COUNTRY_WITHIN = 25  # characters between the border word and the country's name

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Cue:
    """A located relation: `km` (None for a bare direction) along `bearing` from an anchor that is
    the capital or the place named at `anchor_start`; or, for a border cue, `across` (ISO3)."""

    kind: str  # "distance", "direction" or "border"
    bearing: float | None = None
    km: float | None = None
    capital: bool = False
    anchor_start: int | None = None
    across: str | None = None


@dataclass(frozen=True)
class _Words:
    directions: dict[str, float]
    units: dict[str, float]
    capital: frozenset[str]
    border: frozenset[str]
    distance: re.Pattern
    direction: re.Pattern
    border_pattern: re.Pattern
    border_words: re.Pattern  # a border word anywhere, to skip `border_pattern` where none is near
    border_longest: int
    direction_before: re.Pattern  # a direction right before a name: "في شمال غربي سوريا"


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> _Words:
    directions: dict[str, float] = {}
    units: dict[str, float] = {}
    capital: set[str] = set()
    border: set[str] = set()
    for row in read_tsv("marsad.knowledge", "place_cues.tsv", ("word", "kind", "value")):
        word, kind = fold(row["word"]), row["kind"]
        if kind == "direction":
            directions[word] = float(row["value"])
        elif kind == "unit":
            units[word] = float(row["value"])
        elif kind == "capital":
            capital.add(word)
        elif kind == "border":
            border.add(word)
    direction = rf"(?:الي\s+|ب)?({_alternation(directions)})(?:\s+({_alternation(directions)}))?(?:\s+من)?\s+"
    return _Words(
        directions,
        units,
        frozenset(capital),
        frozenset(border),
        re.compile(rf"{_NUMBER}\s*({_alternation(units)})\s+{direction}"),
        re.compile(direction),
        re.compile(rf"(?:^|\s)({_alternation(border)})(?:\s|$)"),
        re.compile(_alternation(border)),
        max(map(len, border), default=0),
        re.compile(
            rf"(?<!\S)[وفبل]{{0,2}}({_alternation(directions)})(?:\s+({_alternation(directions)}))?\s+$"
        ),
    )


def _bearing(words: _Words, first: str, second: str | None) -> float:
    """A compound direction ("جنوب غرب") is the mean of its two bearings."""
    angles = [words.directions[first]] + ([words.directions[second]] if second else [])
    x = sum(math.sin(math.radians(a)) for a in angles)
    y = sum(math.cos(math.radians(a)) for a in angles)
    return math.degrees(math.atan2(x, y)) % 360


def cues_after(text: str, end: int) -> list[Cue]:
    """The cues that follow a mention ending at `end` in folded `text` (empty if none)."""
    if not isinstance(text, str) or not 0 <= end <= len(text):
        return []
    words = _words()
    window = text[end : end + 120]
    cues: list[Cue] = []
    # Most mentions have no cue: the full searches run only where a number, or a border word,
    # starts near enough to count (the first match of each is the one that counts).
    near_number = _DIGIT.search(window, 0, MAX_GAP_WITH_DISTANCE + 1)
    distance = words.distance.search(window) if near_number else None
    direction = words.direction.match(window, _skip_spaces_and_commas(window))
    found = distance if distance and distance.start() <= MAX_GAP_WITH_DISTANCE else None
    if found is not None:
        km = float(found.group(1).replace(",", ".")) * words.units[found.group(2)]
        cues.append(
            _relation(
                words,
                text,
                end + found.end(),
                "distance",
                _bearing(words, found.group(3), found.group(4)),
                km,
            )
        )
    elif direction is not None and direction.start() <= MAX_GAP_DIRECTION_ONLY:
        cues.append(
            _relation(
                words,
                text,
                end + direction.end(),
                "direction",
                _bearing(words, direction.group(1), direction.group(2)),
                None,
            )
        )
    # The border pattern's match starts at the space before the word: the word within one more.
    near_border = words.border_words.search(window, 0, MAX_GAP_BORDER + 1 + words.border_longest)
    border = words.border_pattern.search(window) if near_border else None
    if border is not None and border.start() <= MAX_GAP_BORDER:
        after = border.end()
        countries = [
            m
            for m in find_countries(window[after : after + COUNTRY_WITHIN + 20])
            if m.start <= COUNTRY_WITHIN
        ]
        if countries:
            cues.append(Cue("border", across=countries[0].country.iso3))
    return cues


def offset_before(text: str, start: int, end: int) -> tuple[float, float] | None:
    """The distance and bearing of a phrase that ends right at a reference place ("على بعد 250 كلم
    شمال بغداد": 250, 0), read in folded `text` from `start` (the phrase) to `end` (the place's
    name); or None without a number, a unit and a direction."""
    if not isinstance(text, str) or not 0 <= start <= end <= len(text):
        return None
    words = _words()
    found = words.distance.search(text, start, end)
    if found is None or text[found.end() : end].strip(" ,"):
        return None
    km = float(found.group(1).replace(",", ".")) * words.units[found.group(2)]
    return km, _bearing(words, found.group(3), found.group(4))


# Room before a name for two direction words and their clitics ("وبالشمال الغربي").
_DIRECTION_REACH = 30


def direction_before(text: str, start: int) -> tuple[float, int] | None:
    """The bearing of the direction that names a part of what is named at `start` in folded `text`
    ("في شمال سوريا": 0, "جنوب غرب البلاد": 225, "في الشمال السوري": 0), and where its words
    start; or None."""
    if not isinstance(text, str) or not 0 <= start <= len(text):
        return None
    words = _words()
    found = words.direction_before.search(text, max(0, start - _DIRECTION_REACH), start)
    if found is None:
        return None
    return _bearing(words, found.group(1), found.group(2)), found.start(1)


def _skip_spaces_and_commas(window: str) -> int:
    index = 0
    while index < len(window) and window[index] in " ,":
        index += 1
    return index


def _relation(words: _Words, text: str, anchor_at: int, kind: str, bearing: float, km: float | None) -> Cue:
    following = text[anchor_at : anchor_at + 20].split()
    capital = bool(following) and following[0] in words.capital
    return Cue(kind, bearing=bearing, km=km, capital=capital, anchor_start=None if capital else anchor_at)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlmb = math.radians(lon2 - lon1)
    x = math.sin(dlmb) * math.cos(phi2)
    y = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlmb)
    return math.degrees(math.atan2(x, y)) % 360


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    delta, theta = km / EARTH_RADIUS_KM, math.radians(bearing)
    phi1, lmb1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta))
    lmb2 = lmb1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1), math.cos(delta) - math.sin(phi1) * math.sin(phi2)
    )
    return math.degrees(phi2), (math.degrees(lmb2) + 540) % 360 - 180


def angle_between(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)
