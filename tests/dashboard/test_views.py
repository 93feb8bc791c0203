"""Views: a clicked town's history with evidence; the event table's pages and sorting."""

from __future__ import annotations

from dashboard import views
from dashboard.state import ViewState


def test_town_detail_lists_each_change_with_its_evidence(index):
    town = views.town_detail(index, ViewState(town="Tikrit", zoom=9.0))
    assert [(c["date"], c["from"], c["to"]) for c in town["changes"]] == [
        ("2014-06-11", "Iraqi Security Forces", "ISIS"),
        ("2015-03-31", "ISIS", "Iraqi Security Forces")]
    assert town["changes"][1]["evidence"][0]["evidence"] == "Government troops retook Tikrit."
    assert town["earlier"] == 0
    # Both Tikrit events are drawn inside the disc; the latest comes first.
    assert [e["id"] for e in town["events"]] == ["e07", "e04"] and town["in_view"] == 2
    assert views.town_detail(index, ViewState()) is None


def test_town_detail_keeps_only_the_latest_changes(index):
    town = views.town_detail(index, ViewState(town="Tikrit"), limit=1)
    assert town["earlier"] == 1 and [c["to"] for c in town["changes"]] == ["Iraqi Security Forces"]


def test_table_page_pages_and_sorts_like_the_map_filters(index):
    rows, total = views.table_page(index, ViewState(types=("seizure",)),
                                   {"startRow": 0, "endRow": 2, "sortModel": [
                                       {"colId": "place", "sort": "asc"}]})
    assert total == 5 and [r["place"] for r in rows] == ["Mosul", "Mosul"]
    rows, _ = views.table_page(index, ViewState(), {"startRow": 0, "endRow": 1, "sortModel": [
        {"colId": "killed", "sort": "desc"}]})
    assert rows[0]["killed"] == 12 and rows[0]["place"] == "Raqqa"
    rows, total = views.table_page(index, ViewState(), {"startRow": 0, "endRow": 3,
                                                        "sortModel": [{"colId": "nonsense"}]})
    assert total == 8 and len(rows) == 3  # an unknown column falls back to date order
