"""Reading reports: header, HTML, page furniture, reader comments, outlets, dates, encodings."""

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.reports import MAX_BYTES, Report, ReportError, read_bytes, read_report, read_text

HEADED = """url: https://www.reuters.com/article/world-news-20150304
published: 2015-03-04
---
Army retakes hill town after long battle

Share this article

Iraqi troops recaptured the hill town of Tel Example on Tuesday.
Read more: Timeline of the war
"""


def test_header_body_and_metadata():
    r = read_text(HEADED, name="a.txt")
    assert isinstance(r, Report)
    assert r.report_date == "2015-03-04" and not r.date_estimated
    assert r.url.startswith("https://www.reuters.com/")
    assert r.source == "Reuters"
    assert r.title == "Army retakes hill town after long battle"
    assert "Share this article" not in r.text and "Read more" not in r.text
    assert r.text.startswith("Army retakes")


def test_published_estimated_flag():
    r = read_text(
        "published: 2016-01-02\npublished_estimated: true\n---\nFighting went on.", name="x"
    )
    assert r.date_estimated and r.report_date == "2016-01-02"


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("POSTED: Monday, March 2, 2015 - 9:10am\n\nTroops moved north.", None, "2015-03-02"),
        ("Troops moved north.", "https://example.org/2016/07/21/troops-move/", "2016-07-21"),
        ("July 21, 2016 - 08:00\nTroops moved north.", None, "2016-07-21"),
    ],
)
def test_publication_date_from_text_or_url(text, url, expected):
    assert read_text(text, name="x", url=url).report_date == expected


def test_no_date_means_today_estimated():
    r = read_text("Troops moved north of the river.", name="x")
    assert r.report_date == date.today().isoformat() and r.date_estimated


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("(CNN) -- Troops moved north.", "CNN"),
        ("ARBIL, Iraq (Reuters) - Troops moved north.", "Reuters"),
        ("Troops moved north.\n\nCNN's Jane Doe contributed to this report.", "CNN"),
    ],
)
def test_outlet_from_dateline_or_credit(text, outlet):
    assert read_text(text, name="x").source == outlet


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("https://www.aljazeera.com/news/2015/1/1/x", "Al Jazeera"),
        ("https://edition.cnn.com/2014/06/12/world/x", "CNN"),
        ("https://news.example-daily.com/a", "Example-daily"),
    ],
)
def test_outlet_from_url(url, outlet):
    assert read_text("Troops moved north.", name="x", url=url).source == outlet


def test_reader_comments_are_cut():
    body = "Militants seized the village of Example after clashes. " * 10
    text = f"{body}\n\nComments\n\nGreat article, the army will retake it soon.\nReply\nLike"
    r = read_text(text, name="x")
    assert "Great article" not in r.text and r.text.rstrip().endswith("clashes.")


def test_comments_link_at_top_does_not_cut_the_article():
    text = "Comments\n\nMilitants seized the village after clashes."
    assert "seized" in read_text(text, name="x").text


HTML = """<!doctype html><html><head><title>Town falls - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-05-06T10:00:00Z">
<script>var x = "fighting in Mosul";</script><style>.a{}</style></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Town falls</h1><p>Fighters entered the town on Friday.</p>
<div class="share-buttons">Share on Facebook</div>
<p>Residents fled &amp; hid.</p></article>
<aside>Related: other story</aside>
<div id="comments"><p>Reader: this is fake</p></div>
<footer>Copyright</footer></body></html>"""


def test_html_body_only():
    r = read_text(HTML, name="page.html")
    assert "Fighters entered the town on Friday." in r.text
    assert "Residents fled & hid." in r.text
    for furniture in (
        "var x",
        "Home | World",
        "Share on Facebook",
        "Related",
        "Reader:",
        "Copyright",
    ):
        assert furniture not in r.text
    assert r.report_date == "2017-05-06"
    assert r.title == "Town falls"  # the h1 beats the <title> with its site suffix


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_bad_bytes_raise_report_error(data, message):
    with pytest.raises(ReportError, match=message):
        read_bytes(data, name="x")


def test_too_big():
    with pytest.raises(ReportError, match="too big"):
        read_bytes(b"a" * (MAX_BYTES + 1), name="x")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "latin-1"])
def test_encodings(encoding):
    text = "published: 2015-01-01\n---\nCaf\u00e9 owners fled the shelling in the town. " * 3
    r = read_bytes(text.encode(encoding), name="x")
    assert "fled the shelling" in r.text


def test_read_report_file_and_missing(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("published: 2015-01-01\n---\nTroops deployed near the dam.", encoding="utf-8")
    assert read_report(p).name == "r.txt"
    with pytest.raises(ReportError, match="cannot read"):
        read_report(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 100_000 + "Troops deployed." + "</div>" * 100_000,
        "<p>Troops deployed.</p>" * 100_000,
        "<html><body>" + "<span><b>Troops deployed.</b></span>" * 50_000,
    ],
    ids=["deep", "wide", "unclosed"],
)
def test_pathological_html_is_read_quickly(html):
    t = time.monotonic()
    assert "Troops deployed." in read_text(html, name="x").text
    assert time.monotonic() - t < 10


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_report_or_report_error(data):
    try:
        r = read_bytes(data, name="x")
    except ReportError:
        return
    assert isinstance(r.text, str) and r.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_report_or_report_error(text):
    try:
        read_text(text, name="x")
    except ReportError:
        pass


PADDED_REPORT = ("Posted: 3 March 2016\nGunmen seized the checkpoint outside the town.\n\n"
                 "<p>Residents fled south.</p>")


@pytest.mark.parametrize("newline", ["\n", "\r\n", " \t\n"])
def test_blank_line_padding_of_any_length(newline):
    """70,000 blank lines (more than any fixed sample) before the text are no empty report."""
    padded = newline * 70_000 + PADDED_REPORT
    for r in (read_text(padded, name="x"), read_bytes(padded.encode("utf-8"), name="x")):
        assert r.text == read_text(PADDED_REPORT, name="x").text
        assert r.text.startswith("Gunmen seized") and "Residents fled" in r.text
        assert r.report_date == "2016-03-03"  # the dated line after the padding is found


def test_blank_line_padding_hides_no_binary_data():
    with pytest.raises(ReportError, match="binary"):
        read_bytes(b"\n" * 70_000 + b"\x00\x01\x02\x03" * 1000, name="x")


def _latin1_report(n_paragraphs):
    line = "Les d\u00e9plac\u00e9s de Qaraqosh ont fui vers le camp d'Erbil apr\u00e8s les frappes."
    return ("published: 2016-10-20\n---\n"
            + "\n\n".join(f"{i}. {line}" for i in range(n_paragraphs)))


def test_large_non_utf8_report_is_detected_on_a_sample(monkeypatch):
    """Charset detection reads a bounded sample; the whole text is decoded once."""
    import charset_normalizer

    from events import reports

    seen = []
    real = charset_normalizer.from_bytes

    def spy(data, *args, **kwargs):
        seen.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(charset_normalizer, "from_bytes", spy)
    text = _latin1_report(40_000)  # 3.4 MB
    r = read_bytes(text.encode("latin-1"), name="x")
    assert r.text == read_text(text, name="x").text
    assert seen and max(seen) <= reports.DETECT_SAMPLE_BYTES


def test_non_utf8_report_whose_sample_misleads_is_still_read(monkeypatch):
    """When no encoding found in the sample decodes the whole report, all of it is examined."""
    from charset_normalizer import from_bytes

    from events import reports

    data = _latin1_report(3_000).encode("latin-1")
    monkeypatch.setattr(reports, "_detection_sample", lambda data, bad_at: b"plain words only")
    whole = str(from_bytes(data).best())
    assert read_bytes(data, name="x").text == read_text(whole, name="x").text


def test_comments_link_deep_in_the_page_head_does_not_cut_the_article():
    # a menu long enough to pass 300 characters, with a "Comments" link in it
    menu = "\n".join(f"Section {i} news and analysis from the region" for i in range(10))
    article = (
        "Militants seized the town of Baiji on Tuesday, officials said.\n\n"
        "The army sent reinforcements to the area on Wednesday.\n\n"
        "Residents said the fighting lasted into the night.\n"
    )
    r = read_text(f"published: 2014-06-12\n---\n{menu}\nComments\n{article}", name="m")
    assert "sent reinforcements" in r.text and "fighting lasted" in r.text


def test_comments_that_follow_the_article_are_still_cut():
    text = (
        "published: 2014-06-12\n---\nMilitants seized Baiji on Tuesday, officials said.\n"
        "The army sent reinforcements on Wednesday.\n\nComments\nReply\n"
        "ISIS will take Baghdad next week, I am sure of it.\nReply\n"
    )
    r = read_text(text, name="c")
    assert "Baghdad" not in r.text


@pytest.mark.parametrize(
    "line",
    [
        '{"videos": [{"title": "Clashes in Mosul", "url": "/v/1"}]}',
        '"title": "Militants seize Tikrit", "duration": 94, "id": "abc", "views": 12,',
        "var related = loadVideos('mosul');",
        "window.dataLayer.push({'event': 'pageview'});",
    ],
)
def test_embedded_code_is_not_prose(line):
    r = read_text(f"published: 2014-06-12\n---\nTroops entered Tikrit.\n{line}\n", name="j")
    assert r.text.strip() == "Troops entered Tikrit."


def test_html_entities_in_plain_text_are_read():
    r = read_text("published: 2016-10-02\n---\nThe regime&#8217;s jets struck Douma.", name="e")
    assert r.text == "The regime’s jets struck Douma."


@pytest.mark.parametrize(
    "heading", ["Related", "Most read", "More on this story", "Read more:", "RELATED GALLERIES"]
)
def test_a_link_list_is_no_prose(heading):
    # the items under a link-list heading are other stories' headlines
    text = (
        "published: 2016-08-25\n---\nTroops entered Jarabulus on Wednesday.\n\n"
        f"{heading}\n- Aleppo siege: rebels fight for Ramouseh\n2. Shelling hits Hama\n\n"
        "Rebels said most fighters had left for al-Bab before the troops arrived."
    )
    body = read_text(text, name="r").text
    assert "Ramouseh" not in body and "Hama" not in body
    assert "Jarabulus" in body and "al-Bab" in body


@pytest.mark.parametrize(
    "credit",
    ["(Omar Haj Kadour / AFP)", "(Leila Haddad / Reuters / Getty)", "(Ministry of Defence via AP)"],
)
def test_a_picture_credit_is_no_prose(credit):
    # a photographer's name is no place ("Dana" is a Syrian town)
    text = f"published: 2017-07-10\n---\nSmoke rises over the Old City of Mosul on July 6. {credit}"
    body = read_text(text, name="c").text
    assert body == "Smoke rises over the Old City of Mosul on July 6."


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Home > Local > Army units enter Kafr Nabudah", "Army units enter Kafr Nabudah"),
        ("News › Middle East › Troops reach Hit", "Troops reach Hit"),
        ("Casualties > 100 in Hit on Monday.", "Casualties > 100 in Hit on Monday."),
    ],
)
def test_a_breadcrumb_trail_is_cut_from_the_headline_it_leads_to(line, kept):
    assert read_text(f"published: 2019-05-09\n---\n{line}", name="b").text == kept


@pytest.mark.parametrize(
    "caption",
    ["Map: Mosul Operation, October 26, 2016 (click to enlarge)",
     "Graphic: front lines around al-Bab", "Fighters near Raqqa (click to enlarge)",
     "Photo: Families fleeing Afrin arrive in Nubl, 17 March 2018 (ANHA)"],
)
def test_a_map_or_graphic_caption_is_no_prose(caption):
    # a map's title names an operation and a day, a photo's caption what the picture
    # shows: neither tells an event of its own
    report = read_text(f"published: 2016-10-27\n---\nTroops advanced on Monday.\n{caption}\n"
                       "The push went on.", name="m.txt")
    assert caption not in report.text and "The push went on." in report.text
