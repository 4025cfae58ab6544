"""Stage `dates`: date expressions resolved against the publication date."""

from __future__ import annotations

from marsad.lang.ar.dates import find_dates
from marsad.pipeline.document import Doc

REQUIRES = ("sentences",)
ASSIGNS = ("dates",)


def run(doc: Doc) -> None:
    doc.dates = find_dates(doc.folded, doc.published)
