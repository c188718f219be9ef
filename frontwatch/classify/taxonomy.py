"""ACLED's sub-event types (ACLED codebook 2023 spelling), grouped by their event type."""

from __future__ import annotations

# event type -> its sub-event types, in the codebook's order.
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in ACLED_EVENT_TYPES.values() for s in subs)

# The sub-event types that change who holds a place: the ones control tracking cares most about.
TERRITORY_SUB_EVENT_TYPES: tuple[str, ...] = (
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
    "Headquarters or base established",
)


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to (KeyError for an unknown one)."""
    for event_type, subs in ACLED_EVENT_TYPES.items():
        if sub_event_type in subs:
            return event_type
    raise KeyError(sub_event_type)
