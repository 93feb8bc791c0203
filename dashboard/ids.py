"""Component ids, as constants so that layout and callbacks cannot drift apart.

``map``, ``timeline``, ``date-range`` and ``play`` are used by checks outside
the repository: keep them on those components.
"""

MAP = "map"
TIMELINE = "timeline"
DATE_RANGE = "date-range"
PLAY = "play"

LOCATION = "url"
VIEW_STATE = "view-state"
PLAY_STATE = "play-state"
INTERVAL = "play-interval"
FRAME_REQUEST = "frame-request"
FRAME_ACK = "frame-ack"

TYPES = "filter-type"
ACTORS = "filter-actor"
COUNTRIES = "filter-country"
ADMIN1 = "filter-admin1"
CERTAINTY = "filter-certainty"
SOURCES = "filter-source"
SEARCH = "filter-search"
RESET = "filter-reset"
DATE_PRESET = "date-preset"

WINDOW = "play-window"
SPEED = "play-speed"
SCRUB = "scrub"
BIN = "timeline-bin"

TILES = "setting-tiles"
CONTROL = "setting-control"
AREAS = "control-areas"

MAP_SIZE = "map-size"
ZOOM_DATA = "zoom-to-data"
PLACE_SEARCH = "place-search"
PLACE_MESSAGE = "place-message"
EVENT_TABLE = "event-table"
EVENT_TABLE_COUNT = "event-table-count"

SUMMARY = "summary"
MAP_MODE = "map-mode"
DETAIL = "detail"
LEGEND = "legend"
EMPTY_NOTE = "empty-note"

# Slots that extension modules (see dashboard/extensions.py) fill with their components.
SLOT_TOOLBAR = "slot-toolbar"
SLOT_MAP_OPTIONS = "slot-map-options"
SLOT_PANEL = "slot-panel"
SLOT_MODALS = "slot-modals"
