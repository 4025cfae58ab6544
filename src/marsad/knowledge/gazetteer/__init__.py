"""Place mentions in folded Arabic text, looked up in the shipped GeoNames-derived gazetteer.

    gazetteer = Gazetteer.default()
    mentions = gazetteer.find_mentions(folded, countries)      # spans with candidate places
    context = gazetteer.context(folded, mentions, countries)   # the article's places, as anchors
    place, trace = gazetteer.choose(mentions[0], countries, context)

The package, in the order a text goes through it:
- `places`: the types (`Place`, `PlaceMention`, `PlaceContext`) and a place's prior;
- `words`: Arabic words as names are read in them (proclitics, the article, locative words);
- `scan`: finding the mentions, one pass over the words, by Arabic name;
- `skeletons`: the scan's matches by the consonant skeleton of a Latin name;
- `matches`: what the scan finds, the evidence each kind needs, the `PlaceMention`s made of it, and
  what the scan remembers across articles;
- `store`: the SQLite file, read-only, with its coded failures (E401, E402);
- `choose`: the place each mention means;
- `score`: a candidate's score against the article (priors, distances, borders);
- `trace`: the `ChoiceTrace` of why, and the rule that decided;
- `reader`: `Gazetteer`, which puts them together, with `supplement` (the OpenStreetMap places of
  Sudan, a separately licensed file, written by `supplement_build`) for the towns the file lacks;
- `build`: writing the file from GeoNames tables (`marsad gazetteer build`), with `sources` (reading
  the tables) and `writer` (the SQLite file's schema and rows).
"""

from marsad.knowledge.gazetteer.places import (
    HOW_ARABIC,
    HOW_SKELETON,
    Place,
    PlaceContext,
    PlaceMention,
    prior,
)
from marsad.knowledge.gazetteer.reader import GAZETTEER_ENV, Gazetteer
from marsad.knowledge.gazetteer.score import base_score
from marsad.knowledge.gazetteer.trace import CAPITAL, IN_REGION, UNLISTED, ChoiceTrace
from marsad.knowledge.gazetteer.words import after_admin_word, after_locative_word, after_settlement_word

__all__ = [
    "CAPITAL",
    "IN_REGION",
    "UNLISTED",
    "GAZETTEER_ENV",
    "HOW_ARABIC",
    "HOW_SKELETON",
    "ChoiceTrace",
    "Gazetteer",
    "Place",
    "PlaceContext",
    "PlaceMention",
    "after_admin_word",
    "after_locative_word",
    "after_settlement_word",
    "base_score",
    "prior",
]
