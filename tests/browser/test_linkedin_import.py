"""Skills from a LinkedIn export, read in the browser: the mapping shown, nothing saved until confirmed,
and a GOV.UK error for every kind of bad file. The fixture is tests/fixtures/linkedin (see SOURCE.md)."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
EXPORT = "Basic_LinkedInDataExport_11-30-2026.zip"


def fixture_texts() -> dict[str, str]:
    return {name: (FIXTURE / name).read_text(encoding="utf-8") for name in ("Profile.csv", "Positions.csv", "Skills.csv")}


def zipped(files: dict[str, bytes | str], extra_entries: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for index in range(extra_entries):
            archive.writestr(f"padding/{index}.txt", "")
    return buffer.getvalue()


def linkedin_export(**replace: bytes | str) -> bytes:
    files: dict[str, bytes | str] = {**fixture_texts(), "Connections.csv": "Notes:\n\"...\"\n\nFirst Name,Last Name\n"}
    files.update(replace)
    return zipped({name: data for name, data in files.items() if data is not None})


def choose_file(page, name: str, data: bytes, mime: str = "application/zip") -> None:
    page.get_by_label("Your LinkedIn data").set_input_files({"name": name, "mimeType": mime, "buffer": data})
    page.get_by_role("button", name="Read the file").click()


def error_says(page, text: str) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(text)
    expect(page.locator("#export-file-error")).to_contain_text(text)


@pytest.fixture
def import_page(page, signed_in_with_profile):
    page.goto(f"{page.site_url}/profile/import")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add skills from your LinkedIn data")
    return page


def test_a_realistic_export_is_mapped_shown_and_saved_only_after_the_person_confirms(
        import_page, api_fetch, assert_accessible, tab_to):
    page = import_page
    assert_accessible(page)
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.method + " " + request.url))
    choose_file(page, EXPORT, linkedin_export())
    expect(page.locator("#mapping-summary")).to_have_text(
        "We matched 21 of your 25 LinkedIn skills to skills in Mentor Match.")  # "Public speaking" is in the list
    table = page.locator("#matched-table")
    expect(table).to_contain_text("Risk Managment")
    row = table.locator("tr", has_text="Data Visualization")
    expect(row).to_contain_text("Data visualisation")  # as the vocabulary writes it
    expect(row).to_contain_text("Close spelling")
    expect(table.locator("tr", has_text="People Management")).to_contain_text("Another name for it")
    expect(table.locator("tr", has_text="Microsoft Excel")).to_contain_text("Part of the name")
    expect(page.locator("#unmatched-table")).to_contain_text("Stakeholder Engagement")
    expect(page.get_by_label("Use “Senior Policy Adviser” (Cabinet Office) as my job title")).to_be_visible()
    assert_accessible(page)
    assert not [r for r in sent if not r.startswith("GET ")], "the export must not be uploaded"

    page.get_by_label("I can offer it: Python").check()
    tab_to(page, page.get_by_label("I want to develop it: Data visualisation"))
    page.keyboard.press("Space")
    page.get_by_label("I can offer it: Public speaking").check()
    page.get_by_label("Use “Senior Policy Adviser” (Cabinet Office) as my job title").check()
    before = api_fetch(page, "GET", "/me/profile")["body"]
    assert "Python" not in before["skills_offered"]  # nothing saved before the person confirms
    page.get_by_role("button", name="Add to my profile").click()
    page.wait_for_url(re.compile(r"/profile/?$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("added the skills you chose")
    after = api_fetch(page, "GET", "/me/profile")["body"]
    assert {"Python", "Public speaking"} <= set(after["skills_offered"])
    assert "Data visualisation" in after["skills_wanted"]
    assert after["job_title"] == "Senior Policy Adviser"
    assert set(before["skills_offered"]) <= set(after["skills_offered"])


def test_the_csv_files_alone_work_too_with_a_byte_order_mark_quoted_commas_and_non_ascii_names(import_page):
    page = import_page
    texts = fixture_texts()
    files = [{"name": name, "mimeType": "text/csv", "buffer": ("\ufeff" + text).encode("utf-8")}
             for name, text in texts.items()]
    page.get_by_label("Your LinkedIn data").set_input_files(files)
    page.get_by_role("button", name="Read the file").click()
    expect(page.locator("#mapping-summary")).to_contain_text("We matched 21 of your 25")
    # The current position's company holds no comma, but an earlier one does: parsed, not split.
    expect(page.get_by_label("Use “Senior Policy Adviser” (Cabinet Office) as my job title")).to_be_visible()


def test_confirming_with_nothing_chosen_asks_for_a_choice_and_saves_nothing(import_page, api_fetch):
    page = import_page
    before = api_fetch(page, "GET", "/me/profile")["body"]
    choose_file(page, EXPORT, linkedin_export())
    page.get_by_role("button", name="Add to my profile").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least one skill to add")
    assert api_fetch(page, "GET", "/me/profile")["body"]["version"] == before["version"]


BAD_FILES = {
    "not a zip": ("export.zip", b"this is not a zip file at all", "is not a zip file or one of LinkedIn's CSV files"),
    "a zip without the files": ("export.zip", zipped({"Connections.csv": "First Name\nAda\n"}),
                                "does not contain Skills.csv, Positions.csv or Profile.csv"),
    "missing columns": ("export.zip", linkedin_export(**{"Skills.csv": "Skill\nPython\n"}),
                        "Skills.csv does not have a “Name” column"),
    "a truncated zip": ("export.zip", linkedin_export()[:300], "could not be opened"),
    "too many entries": ("export.zip", zipped(fixture_texts(), extra_entries=5001), "holds too many files"),
    "a zip bomb": ("export.zip", zipped({"Skills.csv": "Name\n" + "a" * (40 * 1024 * 1024)}),
                   "is too large to open once unpacked"),
}


def test_a_file_over_20_mb_is_refused_before_it_is_read(import_page, tmp_path):
    page = import_page
    big = tmp_path / "Basic_LinkedInDataExport_big.zip"
    with big.open("wb") as file:  # sparse: quick to make, and handed to the browser by path
        file.write(b"PK\x03\x04")
        file.truncate(20 * 1024 * 1024 + 1)
    page.get_by_label("Your LinkedIn data").set_input_files(str(big), timeout=30_000)
    page.get_by_role("button", name="Read the file").click()
    error_says(page, "is larger than 20 MB")


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_each_kind_of_bad_file_gets_its_own_error_message(import_page, assert_accessible, case):
    page = import_page
    name, data, message = BAD_FILES[case]
    choose_file(page, name, data)
    error_says(page, message)
    expect(page.locator("#review")).to_be_hidden()
    assert_accessible(page)
