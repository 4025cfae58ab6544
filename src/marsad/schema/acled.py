"""ACLED's vocabulary, spelled as ACLED spells it: event types and sub-types, their families,
inter codes and the names of generic actors. Every module takes them from here.

Part of the contract: like the rest of `schema`, it imports nothing from the rest of the package.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
CHEMICAL_WEAPON = "Chemical weapon"
AIR_DRONE_STRIKE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
SUICIDE_BOMB = "Suicide bomb"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
ARRESTS = "Arrests"
AGREEMENT = "Agreement"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
OTHER = "Other"

# ACLED's six event types and 25 sub-types, in ACLED's order.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: (ARMED_CLASH, GOVERNMENT_REGAINS_TERRITORY, NON_STATE_OVERTAKES_TERRITORY),
    EXPLOSIONS: (
        CHEMICAL_WEAPON,
        AIR_DRONE_STRIKE,
        SUICIDE_BOMB,
        SHELLING,
        REMOTE_EXPLOSIVE,
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", ATTACK, ABDUCTION),
    PROTESTS: (PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE),
    RIOTS: (VIOLENT_DEMONSTRATION, MOB_VIOLENCE),
    STRATEGIC_DEVELOPMENTS: (
        "Agreement",
        ARRESTS,
        "Change to group/activity",
        DISRUPTED_WEAPONS_USE,
        "Headquarters or base established",
        "Looting/property destruction",
        NON_VIOLENT_TRANSFER,
        OTHER,
    ),
}

# Families of event types: reports of one episode merge within a family only.
VIOLENCE, DEMONSTRATION, STRATEGIC = "violence", "demonstration", "strategic"
FAMILIES = (VIOLENCE, DEMONSTRATION, STRATEGIC)
EVENT_FAMILY: dict[str, str] = {
    BATTLES: VIOLENCE,
    EXPLOSIONS: VIOLENCE,
    VIOLENCE_AGAINST_CIVILIANS: VIOLENCE,
    PROTESTS: DEMONSTRATION,
    RIOTS: DEMONSTRATION,
    STRATEGIC_DEVELOPMENTS: STRATEGIC,
}

# ACLED's disorder types (its disorder_type column); strategic developments are named as their type.
POLITICAL_VIOLENCE, DEMONSTRATIONS = "Political violence", "Demonstrations"

# Inter codes: what kind of actor a party is.
INTER_STATE = 1
INTER_REBELS = 2
INTER_POLITICAL_MILITIA = 3
INTER_IDENTITY_MILITIA = 4
INTER_RIOTERS = 5
INTER_PROTESTERS = 6
INTER_CIVILIANS = 7
INTER_EXTERNAL = 8  # state forces acting outside their own country, and other external forces

# Generic actors are named "<kind> (<country>)": Civilians (Mali), Unidentified Armed Group (Niger).
CIVILIANS = "Civilians"
PROTESTERS = "Protesters"
RIOTERS = "Rioters"
REBELS = "Rebels"
UNIDENTIFIED = "Unidentified"
UNIDENTIFIED_ARMED_GROUP = UNIDENTIFIED + " Armed Group"
# State forces are named "<body> of <country>": Military Forces of Mali, Police Forces of Mali.
MILITARY_FORCES, POLICE_FORCES, GOVERNMENT = "Military Forces", "Police Forces", "Government"

# A claim's victim when the report does not say who died (our contract's, as in the gold files).
UNKNOWN_VICTIM = "unknown"


def of_country(kind: str, country: str) -> str:
    """A generic actor's name: of_country(CIVILIANS, "Canada") is "Civilians (Canada)"."""
    return f"{kind} ({country})"
