"""Stage `segment`: sentences of the folded text."""

from __future__ import annotations

from marsad.lang.ar.sentences import split_sentences
from marsad.pipeline.document import Doc

REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("sentences",)


def run(doc: Doc) -> None:
    doc.sentences = split_sentences(doc.folded)
