"""Stage `numbers`: counts, vague quantities and "no deaths" statements.

A number inside a date ("17 يوليو 2015") is part of the date, never a count.
"""

from __future__ import annotations

from marsad.lang.ar.numbers import find_no_casualties, find_quantities
from marsad.pipeline.document import Doc

REQUIRES = ("sentences", "dates")
# No date phrase ("من الخميس 17 إلى الأحد 20 يوليو/تموز 2015") runs longer than this many characters.
_LONGEST_DATE = 120
ASSIGNS = ("quantities", "no_casualties")


def run(doc: Doc) -> None:
    doc.quantities = [q for q in find_quantities(doc.folded) if not _in_a_date(doc, q)]
    doc.no_casualties = find_no_casualties(doc.folded)


def _in_a_date(doc: Doc, quantity) -> bool:
    nearby = doc.within(doc.dates, quantity.start - _LONGEST_DATE, quantity.end)
    return any(d.start <= quantity.start < d.end or quantity.start <= d.start < quantity.end for d in nearby)
