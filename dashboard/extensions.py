"""Hooks through which optional modules add to the app without editing it.

Each module named in :data:`EXTENSION_MODULES` is imported if it exists and
may define any of:

``layout_items(slot: str, source: EventSource) -> list``
    Components for a slot of the layout: ``"toolbar"`` (header buttons, e.g.
    "Export briefing", "Download data", "Add reports"), ``"map-options"``
    (switches under the map options), ``"panel"`` (cards under the detail
    panel, e.g. a changed-hands table) and ``"modals"`` (modals/offcanvas,
    e.g. the upload-and-review dialog).
``register_callbacks(app: dash.Dash, source: EventSource) -> None``
    Registers the module's callbacks. The current view is the
    ``dcc.Store`` with id ``ids.VIEW_STATE``:
    ``ViewState.from_dict(data)`` rebuilds it, and
    ``filter_positions(source.index(), state)`` gives the events in view.
``map_traces(index: EventIndex, state: ViewState) -> list``
    Extra map layers drawn below the event markers (e.g. the estimated
    areas of control when ``state.areas`` is on).
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

EXTENSION_MODULES: tuple[str, ...] = (
    "dashboard.brief",
    "dashboard.exporting",
    "dashboard.review",
    "dashboard.control_layer",
    "dashboard.freshness",
)
SLOTS: tuple[str, ...] = ("toolbar", "map-options", "panel", "modals")


def load_extensions(names: tuple[str, ...] = EXTENSION_MODULES) -> list[ModuleType]:
    """Import the extension modules that exist; a missing module is skipped quietly.

    Examples
    --------
    >>> load_extensions(("dashboard.no_such_module",))
    []
    """
    modules = []
    for name in names:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but one of its imports is missing
                raise
    return modules


def layout_items(modules: list[ModuleType], slot: str, source: Any) -> list:
    """Collect the components every extension gives for ``slot``."""
    if slot not in SLOTS:
        raise ValueError(f"invalid slot={slot!r}: expected one of {', '.join(SLOTS)}")
    return _collect(modules, "layout_items", slot, source)


def _collect(modules: list[ModuleType], hook_name: str, *args: Any) -> list:
    """Concatenate the lists that every module's ``hook_name(*args)`` returns."""
    items: list = []
    for module in modules:
        hook = getattr(module, hook_name, None)
        if hook is not None:
            items.extend(hook(*args) or [])
    return items


def register_extensions(app: Any, source: Any, modules: list[ModuleType]) -> None:
    """Call every extension's ``register_callbacks(app, source)``."""
    for module in modules:
        hook = getattr(module, "register_callbacks", None)
        if hook is not None:
            hook(app, source)


def extra_map_traces(modules: list[ModuleType], index: Any, state: Any) -> list:
    """Collect the extra map layers of every extension, in module order."""
    return _collect(modules, "map_traces", index, state)
