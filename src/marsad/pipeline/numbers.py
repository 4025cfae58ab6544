"""Stage `numbers`: counts, vague quantities and "no deaths" statements.

A number inside a date ("17 يوليو 2015") is part of the date, never a count.
"""
from __future__ import annotations

from marsad.lang.ar.numbers import find_no_casualties, find_quantities
from marsad.pipeline.document import Doc

REQUIRES = ("sentences", "dates")
ASSIGNS = ("quantities", "no_casualties")


def run(doc: Doc) -> None:
    dates = [(d.start, d.end) for d in doc.dates]
    doc.quantities = [q for q in find_quantities(doc.folded)
                      if not any(start <= q.start < end or q.start <= start < q.end for start, end in dates)]
    doc.no_casualties = find_no_casualties(doc.folded)
