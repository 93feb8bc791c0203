from datetime import date

import pytest

from dashboard import ids
from dashboard.state import ViewState
from dashboard.transitions import (
    Bounds,
    control_values,
    frame_count,
    play_frame,
    start_play,
    transition,
)

B = Bounds(date(2014, 1, 1), date(2014, 12, 31))


def run(state, trigger, value=None, controls=None, play=None, **kw):
    return transition(state, trigger, value, controls or {}, bounds=B, play=play, **kw)


def test_trn001_first_call_and_back_button_read_the_url():
    result = run(ViewState(types=("clash",)), None, "?type=seizure&zoom=6")
    assert result.state.types == ("seizure",) and result.state.zoom == 6
    assert result.navigated and not result.push_url
    assert run(ViewState(), ids.LOCATION, "?from=garbage").state == ViewState()


def test_trn002_control_change_pushes_url_and_keeps_map_view():
    state = ViewState(lat=35.0, lon=42.0, zoom=6.0, event="e1")
    result = run(state, ids.TYPES, ["seizure"], {"types": ["seizure"], "start": "2014-01-01",
                                                  "end": "2014-06-30"})
    assert result.push_url
    assert result.state.types == ("seizure",) and result.state.zoom == 6.0
    assert result.state.start is None  # the data's first day is stored as "no bound"
    assert result.state.end == date(2014, 6, 30)


@pytest.mark.parametrize(("x", "expected"), [
    (["2014-03-01 12:00", "2014-03-20"], (date(2014, 3, 1), date(2014, 3, 20))),
    (["2014-03-20", "2014-03-01"], (date(2014, 3, 1), date(2014, 3, 20))),
    (["2013-01-01", "2014-03-20"], (None, date(2014, 3, 20))),  # clamped to data start
    (["junk", "2014-03-20"], (None, None)),
])
def test_trn003_timeline_selection_sets_dates(x, expected):
    result = run(ViewState(), ids.TIMELINE, {"range": {"x": x}})
    assert (result.state.start, result.state.end) == expected


def test_trn004_timeline_deselect_keeps_state():
    state = ViewState(start=date(2014, 2, 1))
    assert run(state, ids.TIMELINE, None).state == state


def test_trn005_relayout_moves_map():
    relayout = {"map.center": {"lat": 35.123456, "lon": 41.5}, "map.zoom": 6.123}
    result = run(ViewState(), ids.MAP, {"relayout": relayout})
    assert (result.state.lat, result.state.lon, result.state.zoom) == (35.1235, 41.5, 6.12)
    assert run(ViewState(), ids.MAP, {"relayout": {"autosize": True}}).state == ViewState()


def test_trn006_click_selects_event():
    result = run(ViewState(), ids.MAP, {"click": {"points": [{"customdata": 3}]}},
                 event_at=lambda click: "ev-" + str(click["points"][0]["customdata"]))
    assert result.state.event == "ev-3"


def test_trn007_scrub_moves_window_keeping_length():
    state = ViewState(start=date(2014, 1, 1), end=date(2014, 1, 8))
    result = run(state, ids.SCRUB, 100)
    assert result.state.end == date(2014, 4, 11)
    assert result.state.start == date(2014, 4, 4)


def test_trn008_play_moves_a_calendar_week_window():
    state = ViewState(window="week", start=date(2014, 3, 5), end=date(2014, 6, 1))
    started = start_play(state, B, run=1)
    # 5 March 2014 was a Wednesday: its week runs Monday 3 to Sunday 9 March.
    assert (started.state.start, started.state.end) == (date(2014, 3, 3), date(2014, 3, 9))
    assert started.play["playing"] and not started.push_url
    frame = play_frame(started.state, started.play, 3, B)
    assert (frame.state.start, frame.state.end) == (date(2014, 3, 24), date(2014, 3, 30))
    assert frame.frame == {"run": 1, "n": 3}


def test_trn008b_play_by_month_follows_the_calendar():
    started = start_play(ViewState(window="month", start=date(2014, 1, 20)), B, run=1)
    windows = [(started.state.start, started.state.end)]
    windows += [(f.state.start, f.state.end) for f in
                (play_frame(started.state, started.play, n, B) for n in (1, 2))]
    assert windows == [(None, date(2014, 1, 31)), (date(2014, 2, 1), date(2014, 2, 28)),
                       (date(2014, 3, 1), date(2014, 3, 31))]


def test_trn008c_play_starts_at_the_first_window_with_events():
    # Under the filters, the first event is on 20 June: play starts with June, not January.
    started = start_play(ViewState(window="month"), B, run=1,
                         first_event=lambda day: max(day, date(2014, 6, 20)))
    assert (started.state.start, started.state.end) == (date(2014, 6, 1), date(2014, 6, 30))


def test_trn009_skipped_frames_do_not_stack():
    started = start_play(ViewState(window="day", start=date(2014, 3, 1)), B, run=2)
    # Frames 1-4 were dropped by the browser's guard: frame 5 lands where time says.
    frame = play_frame(started.state, started.play, 5, B)
    assert frame.state.end == date(2014, 3, 6) == frame.state.start


def test_trn010_play_stops_at_the_end_and_restarts_from_the_start():
    started = start_play(ViewState(window="month", start=date(2014, 11, 1)), B, run=1)
    last = play_frame(started.state, started.play, 1, B)
    assert last.state.start == date(2014, 12, 1) and last.state.end is None
    assert not last.play["playing"] and last.push_url
    again = start_play(last.state, B, run=2)
    assert again.state.start is None and again.state.end == date(2014, 1, 31)


def test_trn011_growing_window_keeps_start():
    started = start_play(ViewState(window="grow"), B, run=1)
    frame = play_frame(started.state, started.play, 10, B)
    assert frame.state.start is None and frame.state.end > started.state.end


def test_trn012_frame_from_another_run_is_ignored():
    started = start_play(ViewState(), B, run=3)
    stale = run(started.state, ids.FRAME_REQUEST, {"run": 2, "n": 7}, play=started.play)
    assert stale.state == started.state


def test_trn013_play_button_toggles():
    started = run(ViewState(), ids.PLAY, 1, play={"playing": False, "run": 4})
    assert started.play["playing"] and started.play["run"] == 5
    paused = run(started.state, ids.PLAY, 2, play=started.play)
    assert not paused.play["playing"] and paused.push_url


def test_trn014_frame_count():
    started = start_play(ViewState(window="month"), B, run=1)
    assert frame_count(started.state, started.play, B) == 11


def test_trn018_date_picker_waits_for_the_end_date():
    # After the first click the picker sends its start alone: nothing changes yet.
    held = run(ViewState(), ids.DATE_RANGE, None, {"start": "2014-03-03", "end": None})
    assert held.hold and held.state == ViewState()
    done = run(ViewState(), ids.DATE_RANGE, None, {"start": "2014-03-03", "end": "2014-03-20"})
    assert not done.hold and (done.state.start, done.state.end) == (date(2014, 3, 3),
                                                                     date(2014, 3, 20))


@pytest.mark.parametrize(("preset", "expected"), [
    ("last7", (date(2014, 12, 25), None)),
    ("month:2014-06", (date(2014, 6, 1), date(2014, 6, 30))),
    ("year:2014", (None, None)),
])
def test_trn019_quick_ranges(preset, expected):
    result = run(ViewState(), ids.DATE_PRESET, preset)
    assert (result.state.start, result.state.end) == expected


def test_trn020_click_on_a_town_disc_selects_the_town_and_the_event_under_it():
    result = run(ViewState(event="old"), ids.MAP, {"click": {"points": [{}]}},
                 event_at=lambda click: {"town": "Mosul", "event": "e7"})
    assert (result.state.town, result.state.event) == ("Mosul", "e7")
    dot = run(result.state, ids.MAP, {"click": {"points": [{}]}}, event_at=lambda click: "e2")
    assert (dot.state.town, dot.state.event) == (None, "e2")


def test_trn015_control_values_fill_the_bounds():
    values = control_values(ViewState(types=("clash",)), B)
    assert values["start"] == "2014-01-01" and values["end"] == "2014-12-31"
    assert values["types"] == ["clash"] and values["scrub"] == 364


def test_trn016_reset():
    assert run(ViewState(types=("clash",)), ids.RESET, 1).state == ViewState()


def test_trn017_relayout_keeps_the_shown_box_out_of_the_url():
    from dashboard.urlstate import to_query

    relayout = {"map.center": {"lat": 35.0, "lon": 41.0}, "map.zoom": 6,
                "map._derived": {"coordinates": [[39, 36], [43, 36], [43, 34], [39, 34]]}}
    state = run(ViewState(), ids.MAP, {"relayout": relayout}).state
    assert state.extra["bounds"] == [39.0, 34.0, 43.0, 36.0]
    assert "bounds" not in to_query(state)
