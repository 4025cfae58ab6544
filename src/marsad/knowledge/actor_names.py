"""An actor filter in any of the actor table's languages: the ACLED names a query names.

The store keeps ACLED's (English) names; a reader types "فاغنر" or "الجيش المالي" as the news writes
them. The actor table's aliases (Arabic, English, French) and state-forces patterns resolve the query
(for the store, through `marsad.knowledge.reference`).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.knowledge.actors import ActorBase
from marsad.lang.ar.normalize import fold


@lru_cache(maxsize=512)
def actor_names(query: str) -> tuple[str, ...]:
    """ACLED names the query names ('فاغنر' -> ('Wagner Group',)); () when it names none."""
    text = fold(query).strip() if isinstance(query, str) else ""
    if not text:
        return ()
    return tuple(sorted({mention.name for mention in ActorBase.default().find_mentions(text, None)}))
