"""Actors in both languages: the ACLED names a filter in any of the actor table's languages stands
for, and an actor's Arabic name.

The store keeps ACLED's (English) names; a reader types "فاغنر" or "الجيش المالي" as the news writes
them, or the Arabic name the page shows ("مسلحون مجهولون (مالي)"). The actor table's aliases (Arabic,
English, French), its state-forces patterns and the actors' Arabic names resolve the query (for the
store, through `marsad.knowledge.reference`).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.knowledge.actor_arabic import arabic_name, name_of_arabic, names_of_arabic
from marsad.knowledge.actors import COUNTRY_SLOT, ActorBase, generic_name
from marsad.lang.ar.normalize import fold


@lru_cache(maxsize=512)
def actor_names(query: str) -> tuple[str, ...]:
    """ACLED names the query names ('فاغنر' -> ('Wagner Group',)); () when it names none. The Arabic
    name the page shows names that actor alone; a generic actor named without its country stands for
    all of them ('مدنيين' -> 'Civilians (')."""
    text = fold(query).strip() if isinstance(query, str) else ""
    if not text:
        return ()
    shown = name_of_arabic(query)  # the page's own Arabic name of one actor
    if shown is not None:
        return (shown,)
    base = ActorBase.default()
    # Without an article, a generic actor has no country ("Civilians (Unknown)"): it stands for them all.
    heads = {generic_name(template, None): template.split(COUNTRY_SLOT)[0] for template in base.templates()}
    mentioned = {heads.get(mention.name, mention.name) for mention in base.find_mentions(text, None)}
    return tuple(sorted(mentioned | set(names_of_arabic(query))))


@lru_cache(maxsize=4096)
def arabic_actor_name(name: str | None) -> str | None:
    """The actor's Arabic name, to show in the Arabic interface ('Wagner Group' -> 'مجموعة فاغنر')."""
    return arabic_name(name) if name else None
