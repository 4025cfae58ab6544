"""A plain-text table of an extraction, for terminals."""

from __future__ import annotations

from marsad.schema import Actor, Claim, Extraction


def _figure(claim: Claim) -> str:
    if claim.low is None and claim.high is None:
        return "?"
    if claim.vague:
        return f"{claim.vague} ({claim.low}-{claim.high if claim.high is not None else ''})"
    if claim.high is None:
        return f"{claim.low}+"
    prefix = "~" if claim.approx else ""
    return f"{prefix}{claim.low}" if claim.low == claim.high else f"{claim.low}-{claim.high}"


def table(result: Extraction) -> str:
    lines = [
        f"document {result.document.id}  published {result.document.published or '?'}  "
        f"{len(result.events)} event(s)"
    ]
    for event in result.events:
        place = event.location.name if event.location else "?"
        when = f"{event.date_start}" + (f"..{event.date_end}" if event.date_end != event.date_start else "")
        flag = "  [background]" if event.background else ""
        lines.append("")
        lines.append(f"{event.id}  {event.event_type} / {event.sub_event_type}  {when}  {place}{flag}")
        if event.actors:
            lines.append("    actors: " + "; ".join(_actor(a) for a in event.actors))
        if event.crowd_size:
            lines.append(f"    crowd size: {event.crowd_size}")
        for claim in event.claims:
            source = claim.source.name if claim.source else "(article)"
            marks = " ".join(
                m
                for m in (
                    "denied" if claim.stance == "denied" else "",
                    "unverified" if claim.unverified else "",
                )
                if m
            )
            lines.append(
                f"    {claim.kind:<18} {_figure(claim):<16} {claim.victim.name:<36} "
                f"{source}  {marks}".rstrip()
            )
        f = event.fatalities
        lines.append(f"    fatalities: acled {f.acled}  low {f.low}  best {f.best}  high {f.high}")
    return "\n".join(lines)


def _actor(actor: Actor) -> str:
    """ "CSP-PSD (2) [side 1]", "Wagner Group (8) [side 2, associated]": ACLED's actor columns."""
    if actor.side is None:
        return f"{actor.name} ({actor.inter})"
    return f"{actor.name} ({actor.inter}) [side {actor.side}{', associated' if actor.associated else ''}]"
