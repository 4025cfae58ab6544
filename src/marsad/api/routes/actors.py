"""GET /actors/names: actors' names in Arabic, for what the store does not annotate (a pasted article's
extraction keeps ACLED's English names; the page's Arabic interface shows the Arabic ones)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from marsad.api.fields import PlainText
from marsad.knowledge.reference import KNOWLEDGE

router = APIRouter(tags=["actors"])
MAX_NAMES = 200


@router.get("/actors/names", summary="Actors' Arabic names, for their ACLED names")
async def actor_names(
    name: Annotated[
        list[PlainText],
        Query(
            max_length=MAX_NAMES,
            description=f"an ACLED actor name, e.g. Rapid Support Forces; repeat it, up to {MAX_NAMES}",
        ),
    ],
):
    """Each name with its Arabic name (null where the actor tables do not know it)."""
    return {
        "ok": True,
        "names": [{"name": one, "name_ar": KNOWLEDGE.arabic_actor_name(one)} for one in dict.fromkeys(name)],
    }
