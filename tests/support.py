"""Helpers shared by the extraction tests (claims, attribution)."""
import os
from pathlib import Path

import marsad

# The project's shared folder (real articles, gold, third-party data) lies beside the checkout;
# tests that read it skip where it is absent. MARSAD_SHARED points elsewhere.
SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))

PUBLISHED = "2024-07-28"  # a Sunday


def claims_of(text, published=PUBLISHED):
    """The claims of the news (not background) events extracted from `text`."""
    result = marsad.extract(text, published=published)
    return [c for e in result.events if not e.background for c in e.claims]


def one_claim(text, kind):
    found = [c for c in claims_of(text) if c.kind == kind]
    assert len(found) == 1, [(c.kind, c.low, c.high) for c in claims_of(text)]
    return found[0]


def news_events(text, published=PUBLISHED):
    """The news (not background) events extracted from `text`."""
    return [e for e in marsad.extract(text, published=published).events if not e.background]


def event_kinds(text, published=PUBLISHED):
    """(event_type, sub_event_type) of each news event extracted from `text`."""
    return [(e.event_type, e.sub_event_type) for e in news_events(text, published)]
