"""The one colour table: event types and actors, colour-blind safe, used everywhere.

Event-type colours are Okabe & Ito's eight (Color Universal Design) plus four
from Paul Tol's muted scheme, so that twelve types stay apart for the common
colour-vision deficiencies; black/grey are kept for the least urgent kinds.
"""

from __future__ import annotations

EVENT_COLOURS: dict[str, str] = {
    "seizure": "#D55E00",  # vermillion
    "clash": "#E69F00",  # orange
    "airstrike": "#0072B2",  # blue
    "shelling": "#56B4E9",  # sky blue
    "bombing": "#000000",  # black
    "attack_on_civilians": "#882255",  # Tol wine
    "abduction": "#CC79A7",  # reddish purple
    "prison_break": "#999933",  # Tol olive
    "displacement": "#009E73",  # bluish green
    "troop_position": "#777777",  # grey
    "withdrawal": "#44AA99",  # Tol teal
    "threat": "#DDCC77",  # Tol sand
}

#: Controllers of towns (the "as of" layer). Unknown actors fall back to grey.
ACTOR_COLOURS: dict[str, str] = {
    "ISIS": "#000000",
    "Iraqi Security Forces": "#0072B2",
    "PMF": "#56B4E9",
    "Peshmerga": "#E69F00",
    "YPG": "#F0E442",
    "SDF": "#DDCC77",
    "Kurdish fighters": "#E69F00",
    "Syrian Army": "#D55E00",
    "Syrian rebels": "#009E73",
    "Nusra Front": "#882255",
    "US-led coalition": "#332288",
    "Turkey": "#CC6677",
    "Russia": "#AA4499",
    "Iran": "#117733",
    "Hezbollah": "#999933",
    "Local militia": "#44AA99",
}
FALLBACK_COLOUR = "#888888"

#: Base-layer colours (quiet, so that events stand out).
BASE_COLOURS: dict[str, str] = {
    "land": "#f4f3ef",
    "countries": "#9a9a9a",
    "study_area": "#ffffff",
    "governorates": "#c8c8c8",
    "rivers": "#8fb8d8",
    "lakes": "#cfe3f1",
}

#: Density colour scale for the aggregate layer (Tol's YlOrBr, sequential, colour-blind safe).
DENSITY_SCALE: list[list] = [
    [0.0, "rgba(255,255,229,0)"],
    [0.15, "#FFF7BC"],
    [0.35, "#FEC44F"],
    [0.6, "#EC7014"],
    [0.8, "#CC4C02"],
    [1.0, "#662506"],
]


def event_colour(event_type: str) -> str:
    """Return the colour of an event type (grey for an unknown one).

    Examples
    --------
    >>> event_colour("seizure")
    '#D55E00'
    """
    return EVENT_COLOURS.get(event_type, FALLBACK_COLOUR)


def actor_colour(actor: str | None) -> str:
    """Return the colour of a controlling actor (grey for unknown or missing).

    Examples
    --------
    >>> actor_colour("ISIS")
    '#000000'
    """
    return ACTOR_COLOURS.get(actor or "", FALLBACK_COLOUR)
