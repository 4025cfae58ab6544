"""Place mentions in folded Arabic text, looked up in the shipped GeoNames-derived gazetteer.

    gazetteer = Gazetteer.default()
    mentions = gazetteer.find_mentions(folded, countries)      # spans with candidate places
    context = gazetteer.context(folded, mentions, countries)   # the article's places, as anchors
    place, trace = gazetteer.choose(mentions[0], countries, context)

The package, in the order a text goes through it:
- `places`: the types (`Place`, `PlaceMention`, `PlaceContext`) and a place's prior;
- `words`: Arabic words as names are read in them (proclitics, the article, locative words);
- `scan` and `matches`: finding the mentions, by Arabic name or by the consonant skeleton of a
  Latin name, and the evidence each kind needs;
- `store`: the SQLite file, read-only, with its coded failures (E401, E402);
- `choose`: the place each mention means, with a `ChoiceTrace` of why;
- `reader`: `Gazetteer`, which puts them together;
- `build` (with `sources`): writing the file from GeoNames tables (`marsad gazetteer build`).
"""

from marsad.knowledge.gazetteer.choose import CAPITAL, ChoiceTrace, base_score
from marsad.knowledge.gazetteer.places import (
    HOW_ARABIC,
    HOW_SKELETON,
    Place,
    PlaceContext,
    PlaceMention,
    prior,
)
from marsad.knowledge.gazetteer.reader import GAZETTEER_ENV, Gazetteer

__all__ = [
    "CAPITAL",
    "GAZETTEER_ENV",
    "HOW_ARABIC",
    "HOW_SKELETON",
    "ChoiceTrace",
    "Gazetteer",
    "Place",
    "PlaceContext",
    "PlaceMention",
    "base_score",
    "prior",
]
