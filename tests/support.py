"""Helpers shared by the extraction tests (claims, attribution)."""
import marsad

PUBLISHED = "2024-07-28"  # a Sunday


def claims_of(text, published=PUBLISHED):
    """The claims of the news (not background) events extracted from `text`."""
    result = marsad.extract(text, published=published)
    return [c for e in result.events if not e.background for c in e.claims]


def one_claim(text, kind):
    found = [c for c in claims_of(text) if c.kind == kind]
    assert len(found) == 1, [(c.kind, c.low, c.high) for c in claims_of(text)]
    return found[0]
