"""Why a place was chosen: the rule that decided (`ChoiceTrace.rule`) and the trace's one line."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.knowledge.gazetteer.places import Place

# Which rule decided a choice (`ChoiceTrace.rule`), in the order `Chooser.choose` tries them.
NO_CANDIDATES = "no-candidates"  # the gazetteer has nothing under the words
HINTED = "hinted"  # the best candidate in the most salient hinted country that has one
FALLBACK = "fallback"  # none in a hinted country, but the name after the locative word has one
NEEDS_HINT = "needs-hint"  # none in a hinted country, and a skeleton match needs one
ALONE = "alone"  # none in a hinted country, and the Arabic names are of hamlets with nothing near
BY_PRIOR = "prior"  # no candidate in a hinted country: the best Arabic name by its score
CAPITAL = "capital"  # "في العاصمة العراقية": the capital of the country named, no name looked up
CAPITAL_NAME = "capital-name"  # "باريس": a capital's Arabic name, over a lesser same-named town hinted
IN_REGION = "in-region"  # "كيرش" with "القرم" named: the same-spelled town inside the region named
# "في بلدة عندان بريف حلب": a name after a word for a settlement that the gazetteer lacks, a place of
# its own at the point of the place the text says it is in or near (see pipeline.mentions)
UNLISTED = "unlisted"


@dataclass(frozen=True)
class ChoiceTrace:
    """Why `Chooser.choose` picked a place, or none; `str()` gives it as one line."""

    mention: str  # the mention's text
    how: str  # its evidence: "arabic-name" or "skeleton:<key>"
    candidates: int  # the options among the mention and its alternative readings
    hints: tuple[str, ...]  # the article's countries (ISO3), most salient first
    rule: str  # which rule decided: NO_CANDIDATES, HINTED, FALLBACK, NEEDS_HINT, ALONE or BY_PRIOR
    place: Place | None = None
    evidence: str | None = None  # the kind of evidence of the pick: HOW_ARABIC or HOW_SKELETON
    score: float | None = None  # the pick's score (`score._Judge.score`)
    reasons: tuple[str, ...] = ()  # what the context said for the pick: a distance, a border...
    fallback: ChoiceTrace | None = None  # the fallback reading's choice (FALLBACK)

    def __str__(self) -> str:
        if self.rule == NO_CANDIDATES:
            return f"{self.mention}: no candidates"
        if self.rule == CAPITAL:
            return f"{self.mention}: the capital of {self.place.country}: {_describe(self.place)}"
        if self.rule == CAPITAL_NAME:
            where = ", ".join(self.hints)
            return f"{self.mention}: a capital's name, over lesser towns in {where}: {_describe(self.place)}"
        if self.rule == IN_REGION:
            return (
                f"{self.mention}: the town so spelled in a region the article names: {_describe(self.place)}"
            )
        if self.rule == UNLISTED:
            return f"{self.mention}: not in the gazetteer; put near {_describe(self.place)}"
        if self.rule == FALLBACK:
            return f"{self.mention}: none in {', '.join(self.hints)}; {self.fallback}"
        counted = f"{self.mention} ({self.how}): {self.candidates} candidates"
        why = f" ({'; '.join(self.reasons)})" if self.reasons else ""
        if self.rule == HINTED:
            return (
                f"{counted}; in hinted {self.place.country} by {self.evidence}{why}: {_describe(self.place)}"
            )
        where = f"none in {', '.join(self.hints)}" if self.hints else "no country hints"
        if self.rule == NEEDS_HINT:
            return f"{counted}; {where}, and a skeleton match needs one"
        if self.rule == ALONE:
            return f"{counted}; {where}, and no notable place nor one near the article's places"
        return f"{counted}; {where}; best by prior{why}: {_describe(self.place)}"


def _describe(place: Place) -> str:
    return (
        f"{place.name} {place.feature_code} pop {place.population} {place.country} "
        f"(geonameid {place.geonameid})"
    )
