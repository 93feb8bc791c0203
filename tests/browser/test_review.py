"""Reports in through the browser: upload, review, accept; duplicates and unreadable files."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# An invented report (not corpus text).
REPORT = """published: 2016-03-02
url: https://example.org/news/browser-review
---
Militants of the Islamic State seized the town of Hit on Tuesday, officials said.
About 2,000 families fled Hit towards Ramadi, a local council member said.
"""


def _open_dialog(watch):
    watch.open()
    watch.page.locator("#review-open").click()
    watch.page.locator("#review-upload").wait_for()


def _upload(watch, *paths):
    watch.page.locator("#review-upload input[type=file]").set_input_files([str(p) for p in paths])


def _messages(watch, contains: str, timeout: float = 60_000) -> str:
    watch.page.locator("#review-messages", has_text=contains).wait_for(timeout=timeout)
    return watch.page.locator("#review-messages").inner_text()


@pytest.fixture
def report_file(tmp_path):
    """The invented report as a .txt file."""
    path = tmp_path / "hit-report.txt"
    path.write_text(REPORT)
    return path


def test_rev001_upload_review_accept_then_duplicate(watch, report_file, tmp_path):
    _open_dialog(watch)
    _upload(watch, report_file)
    text = _messages(watch, "event(s) found")
    assert "hit-report.txt: 2 event(s) found" in text
    table = watch.page.locator("#review-table")
    seizure = table.locator(".ag-row", has_text="seized the town of Hit")
    assert seizure.count() == 1
    assert seizure.locator("[col-id=event_type]").inner_text().strip() == "seizure"
    # Correct the seizure's date with the picker, reject the displacement row, accept.
    seizure.locator("[col-id=select] input[type=checkbox]").check()
    picker = watch.page.locator("#review-date")
    picker.fill("2016-02-29")
    picker.press("Enter")
    table.locator(".ag-row [col-id=date]", has_text="2016-02-29").wait_for()
    seizure.locator("[col-id=select] input[type=checkbox]").uncheck()
    fled = table.locator(".ag-row", has_text="families fled")
    fled.locator("[col-id=select] input[type=checkbox]").check()
    watch.page.locator("#review-reject-rows").click()
    fled.wait_for(state="detached")
    watch.page.locator("#review-accept").click()
    text = _messages(watch, "stored")
    assert "hit-report.txt: stored 1 event(s) (1 correction(s), 1 rejected, 0 added)" in text

    # The same report again (under another name): nothing new is stored.
    copy = tmp_path / "hit-copy.txt"
    copy.write_text(REPORT)
    _upload(watch, copy)
    text = _messages(watch, "already ingested")
    assert "hit-copy.txt: already ingested" in text
    assert table.locator(".ag-row").count() == 0
    assert watch.errors == []


def test_rev002_unreadable_file_gets_a_message_and_others_proceed(watch, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    good = tmp_path / "other.txt"
    good.write_text("published: 2015-05-20\n---\nFighters captured the town of Palmyra on "
                    "Wednesday after days of clashes, a monitoring group said.\n")
    _open_dialog(watch)
    _upload(watch, empty, binary, good)
    text = _messages(watch, "other.txt")
    assert "Could not read empty.txt" in text
    assert "Could not read binary.txt" in text
    assert "other.txt:" in text and "event(s) found" in text
    assert watch.page.locator("#review-messages .text-danger").count() == 2
    assert watch.errors == []


def test_rev003_wrong_file_type_is_refused_with_a_message(watch, tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4 not a report")
    _open_dialog(watch)
    _upload(watch, pdf)
    text = _messages(watch, "scan.pdf")
    assert "Could not read scan.pdf: not a .txt or .html file" in text
    assert watch.errors == []


def _small_reports(folder, n):
    """``n`` short invented reports, each about another day's fighting."""
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"day-{i:03d}.txt"
        path.write_text(f"published: 2015-0{1 + i % 9}-1{i % 10}\n---\nClashes broke out "
                        f"near the dam on day {i} of the offensive, residents said.\n")
        paths.append(path)
    return paths


def _upload_counting_batches(watch, paths):
    """Upload ``paths``; return the list that collects each batch request sent."""
    batches = []
    watch.page.on("request", lambda r: batches.append(r) if r.method == "POST"
                  and '"upload-batch"' in (r.post_data or "") else None)
    _open_dialog(watch)
    _upload(watch, *paths)
    return batches


def test_rev004_many_files_are_read_in_batches_with_progress(watch, tmp_path):
    batches = _upload_counting_batches(watch, _small_reports(tmp_path / "many", 23))
    watch.page.locator("#review-messages", has_text="day-022.txt").wait_for(timeout=90_000)
    text = watch.page.locator("#review-messages").inner_text()
    assert all(f"day-{i:03d}.txt" in text for i in range(23))  # every batch's messages kept
    assert len(batches) == 3  # ten files a request at most
    progress = watch.page.locator("#upload-progress")
    progress.wait_for(state="hidden")  # shown while reading, hidden when done
    assert watch.errors == []


def test_rev005_too_many_files_are_refused_in_the_browser(watch, tmp_path):
    sent = _upload_counting_batches(watch, _small_reports(tmp_path / "too-many", 201))
    notice = watch.page.locator("#upload-notice", has_text="201 files in one upload")
    notice.wait_for()
    assert "at most 200 at a time. Nothing was read" in notice.inner_text()
    watch.page.wait_for_timeout(500)
    assert sent == [] and watch.page.locator("#review-messages").inner_text() == ""
    assert watch.errors == []
