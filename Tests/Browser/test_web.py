"""Browser tests: real headless Chromium against `dots serve` (started by scripts/browser-tests).

Each test signs in as one role and uses the pages as a person would: forms, links, file uploads. Every page visited
is checked with axe-core; serious and critical violations fail the test.
"""
import csv
import datetime
import io
import os
import pathlib
import socket
import subprocess
import time
import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["DOTS_URL"]
PASSWORD = os.environ["DOTS_BROWSER_PASSWORD"]
PACKAGE = pathlib.Path(os.environ["DOTS_PACKAGE"]).resolve()
WORK = pathlib.Path(os.environ["DOTS_BROWSER_WORK"]).resolve()
# The store the server reads: a SQLite file, or a postgres:// URL for the tests marked both_engines' second run.
DATABASE = os.environ.get("DOTS_BROWSER_DATABASE", str(WORK / "demo/dots.sqlite"))
TRUTH = os.environ.get("DOTS_BROWSER_TRUTH", str(WORK / "demo/extracts/truth.csv"))


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def check_accessibility(driver):
    """axe-core on the current page: no serious or critical violation."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{driver.current_url}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in bad)


def gone(element):
    """True once `element`'s document has been replaced. Chromium reports an element of a replaced document either
    as stale or, at times, as a node that "does not belong to the document": both mean the page has moved on."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        if "does not belong to the document" in str(e):
            return True
        raise


def follow(driver, element):
    """Clicks a link or button that loads a new page, and waits until the new page has replaced the old."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(lambda d: gone(old))
    # The new document may still be loading: wait for it, so nothing is read from a page about to be replaced.
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def visit(driver, path):
    driver.get(BASE + path)
    check_accessibility(driver)


def h1(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def sign_in(driver, role, password=PASSWORD, base=BASE):
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "email").send_keys(f"{role}@browser.example")
    driver.find_element(By.ID, "password").send_keys(password)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button"))


def nav_links(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".dots-header__nav a")]


def test_sign_in_and_sign_out(browser):
    browser.get(BASE + "/framework")
    assert "/sign-in" in browser.current_url, "signed-out people are sent to sign in"
    check_accessibility(browser)
    sign_in(browser, "analyst", "not-the-password")
    assert "There is a problem" in browser.find_element(By.CLASS_NAME, "dots-error-summary").text
    assert "Enter a correct email address and password" in browser.page_source
    check_accessibility(browser)
    sign_in(browser, "analyst")
    assert browser.current_url.endswith("/framework")
    assert h1(browser) == "What the partnership wants to know"
    follow(browser, browser.find_element(By.CSS_SELECTOR, ".dots-header__signout button"))
    assert "/sign-in" in browser.current_url
    browser.get(BASE + "/framework")
    assert "/sign-in" in browser.current_url, "the session has ended"


def test_overview_and_filter(browser):
    sign_in(browser, "strategic-lead")
    check_accessibility(browser)
    page = browser.page_source
    assert "What we don't know" in page
    assert "Small numbers are hidden" in page
    Select(browser.find_element(By.ID, "partnership")).select_by_value("stoke-scp")
    follow(browser, browser.find_element(By.CSS_SELECTOR, ".dots-filter button"))
    assert "partnership=stoke-scp" in browser.current_url
    assert Select(browser.find_element(By.ID, "area")).first_selected_option.text == "Stoke-on-Trent"
    assert "has existed since 1 April 2021" in browser.page_source
    check_accessibility(browser)


def test_indicator_drill_down(browser):
    sign_in(browser, "analyst")
    link = browser.find_element(By.CSS_SELECTOR, ".dots-indicators a")
    title = link.text
    follow(browser, link)
    assert "/framework/indicators/" in browser.current_url
    assert h1(browser) == title
    chart = browser.find_element(By.CSS_SELECTOR, "svg.dots-chart")
    assert chart.get_attribute("role") == "img"
    assert chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    assert browser.find_elements(By.CSS_SELECTOR, "table.dots-table tbody tr"), "the chart's figures as a table"
    check_accessibility(browser)
    csv_link = browser.find_element(By.PARTIAL_LINK_TEXT, "CSV")
    assert csv_link.get_attribute("href").split("?")[0].endswith(".csv")
    follow(browser, browser.find_element(By.CLASS_NAME, "dots-back-link"))
    assert h1(browser) == "What the partnership wants to know"


def bad_people_file():
    """The package's people.csv with two errors a person must fix: a sex code that does not exist, a repeated id."""
    rows = list(csv.reader(io.StringIO((PACKAGE / "people.csv").read_text())))
    header = rows[0]
    rows[2][header.index("sex")] = "X"
    rows[3][header.index("person_id")] = rows[1][header.index("person_id")]
    path = WORK / "people.csv"
    with path.open("w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


def test_upload_with_errors_then_good(browser):
    sign_in(browser, "agency-lead")
    follow(browser, browser.find_element(By.LINK_TEXT, "Submissions"))
    check_accessibility(browser)
    follow(browser, browser.find_element(By.LINK_TEXT, "Upload a submission"))
    check_accessibility(browser)
    assert "You are submitting for Staffordshire Police" in browser.find_element(By.TAG_NAME, "main").text

    # Nothing chosen: the form says so.
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/submissions'] button"))
    assert "Choose the files to upload" in browser.find_element(By.CLASS_NAME, "dots-error-summary").text
    check_accessibility(browser)

    browser.find_element(By.ID, "files").send_keys(str(bad_people_file()))
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/submissions'] button"))
    found = browser.find_elements(By.CLASS_NAME, "dots-error-summary")
    assert found, browser.find_element(By.TAG_NAME, "main").text[:600]
    summary = found[0].text
    assert "Nothing was loaded" in summary
    assert "people.csv row 3, column sex" in summary
    assert "duplicate-key" in summary or "already used by an earlier row" in summary
    check_accessibility(browser)
    first = browser.find_element(By.CSS_SELECTOR, ".dots-error-summary a")
    first.click()
    assert browser.current_url.endswith("#issue-1")
    row = browser.find_element(By.ID, "issue-1").text
    assert "sex" in row and "X" in row
    assert browser.find_element(By.PARTIAL_LINK_TEXT, "full report (CSV)").get_attribute("href").endswith(".csv")

    browser.get(BASE + "/submissions/new")
    files = sorted(str(p) for p in PACKAGE.iterdir())
    browser.find_element(By.ID, "files").send_keys("\n".join(files))
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/submissions'] button"))
    assert "Submission accepted." in browser.find_element(By.CLASS_NAME, "dots-notification--success").text
    check_accessibility(browser)
    follow(browser, browser.find_element(By.LINK_TEXT, "All submissions"))
    results = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table.dots-table td strong.dots-tag")]
    assert "Rejected" in results and "Accepted" in results


def freshness(driver):
    driver.get(BASE + "/framework")
    return driver.find_element(By.ID, "freshness").text, "Newer data is being included" in driver.page_source


def test_an_accepted_upload_refreshes_the_figures(browser):
    """No CLI step: the agency data lead's upload is in the strategic lead's figures once `dots serve` has
    recomputed them in the background; the overview says when they were computed, before and after."""
    sign_in(browser, "strategic-lead")
    before, _ = freshness(browser)
    assert before.startswith("Figures computed")
    check_accessibility(browser)

    browser.delete_all_cookies()
    sign_in(browser, "agency-lead")
    browser.get(BASE + "/submissions/new")
    browser.find_element(By.ID, "files").send_keys("\n".join(sorted(str(p) for p in PACKAGE.iterdir())))
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/submissions'] button"))
    assert "Submission accepted." in browser.find_element(By.CLASS_NAME, "dots-notification--success").text

    browser.delete_all_cookies()
    sign_in(browser, "strategic-lead")
    # Read once per poll and kept: an upload of several files can queue a second recomputation while the first
    # runs (a later file was accepted after it started), so a later read may be pending again.
    seen = {}

    def refreshed(d):
        seen["f"] = freshness(d)
        return seen["f"][0] != before and not seen["f"][1]

    WebDriverWait(browser, 180, poll_frequency=1).until(refreshed)
    after, pending = seen["f"]
    assert after.startswith("Figures computed") and after != before and not pending
    check_accessibility(browser)


def test_data_quality_pages(browser):
    sign_in(browser, "analyst")
    visit(browser, "/quality")
    assert h1(browser) == "Data quality"
    follow(browser, browser.find_element(By.CSS_SELECTOR, "table.dots-table tbody a"))
    assert h1(browser).startswith("Data quality: ")
    assert "Trend across submissions" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "svg.dots-chart"), "the demo has two returns, so quality is trended"
    check_accessibility(browser)


FRAMEWORK = {"/framework", "/framework/places", "/framework/journeys", "/contexts", "/framework/indicators/missing-children", "/framework/indicators/context-children", "/framework/indicators/ce-cohort?partnership=stoke-scp&period=quarter", "/account", "/accessibility",
             "/reports", "/voice", "/voice/summary?partnership=joint-ce"}
# Voice: words as written for the recording agency, de-identified for analysts; coding, quotes, settings.
VOICE_READ = {"/voice/records"}
VOICE_CODE = {"/voice/coding", "/voice/agreement", "/voice/codebook"}
VOICE_MANAGE = {"/voice/quotes", "/voice/said-did/new"}
VOICE_RECORD = {"/voice/records/new"}
VOICE_SETTINGS = {"/voice/settings"}
JOURNEYS = {"/journeys", "/contexts/new"}
LINKAGE = {"/linkage"}
METHOD = {"/maturity", "/maturity/agencies/staffs-csc", "/datamap", "/datamap/coverage", "/actions", "/actions?view=overdue", "/actions/print?view=partnership", "/meetings"}
PAGES = sorted(FRAMEWORK | METHOD | {"/submissions", "/submissions/new", "/quality", "/quality/staffs-police/police_incidents",
                                     "/maturity/agencies/staffs-police/edit", "/datamap/new", "/actions/new", "/actions/suggestions", "/meetings/new",
                                     "/admin/accounts", "/admin/accounts/new", "/framework/commentary"}
               | VOICE_READ | VOICE_CODE | VOICE_MANAGE | VOICE_RECORD | VOICE_SETTINGS | JOURNEYS | LINKAGE)
ALLOWED = {
    "admin": set(PAGES) - VOICE_RECORD - JOURNEYS,
    "analyst": set(PAGES) - {"/submissions/new", "/maturity/agencies/staffs-police/edit", "/datamap/new", "/admin/accounts", "/admin/accounts/new"}
               - VOICE_RECORD - VOICE_SETTINGS - JOURNEYS,
    "agency-lead": set(PAGES) - {"/meetings/new", "/admin/accounts", "/admin/accounts/new", "/framework/commentary"} - VOICE_CODE - VOICE_MANAGE
                   - VOICE_SETTINGS - LINKAGE,
    "strategic-lead": FRAMEWORK | METHOD,
    "practitioner": FRAMEWORK | VOICE_READ | VOICE_CODE | VOICE_RECORD | JOURNEYS,
}


@pytest.mark.parametrize("role", list(ALLOWED))
def test_each_role_sees_only_what_it_may(browser, role):
    sign_in(browser, role)
    links = nav_links(browser)
    assert ("Submissions" in links) == ("/submissions" in ALLOWED[role])
    assert ("Data maturity" in links) == ("/maturity" in ALLOWED[role])
    for path in PAGES:
        visit(browser, path)
        refused = "does not give access" in browser.page_source
        assert refused == (path not in ALLOWED[role]), f"{role} {path}"
    if role == "agency-lead":
        browser.get(BASE + "/quality/stoke-csc/people")
        assert "Page not found" in browser.title or "no such agency" in browser.page_source.lower()
        browser.get(BASE + "/submissions")
        assert "Stoke-on-Trent City Council" not in browser.page_source
    if role in ("strategic-lead", "practitioner"):
        browser.get(BASE + "/framework")
        assert "Exact figures" not in browser.page_source


def answer_every_question(driver, level):
    """Chooses statement `level` (1-5) for every question on the self-assessment form."""
    names = sorted({e.get_attribute("name") for e in driver.find_elements(By.CSS_SELECTOR, "input[type=radio][name^='level-']")})
    assert len(names) == 12
    for name in names:
        driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{level}']").click()
    return names


def test_complete_and_resubmit_assessment(browser):
    # The admin completes the assessment for the return interview provider, which has not started.
    sign_in(browser, "admin")
    follow(browser, browser.find_element(By.LINK_TEXT, "Data maturity"))
    check_accessibility(browser)
    assert "no overall score" in browser.page_source.lower() or "There is no overall score" in browser.page_source
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Return Home Interview Service"))
    follow(browser, browser.find_element(By.LINK_TEXT, "Start the self-assessment"))
    check_accessibility(browser)

    # Submitting with nothing chosen lists every question.
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='submit']"))
    summary = browser.find_element(By.CLASS_NAME, "dots-error-summary")
    assert len(summary.find_elements(By.TAG_NAME, "li")) == 12
    check_accessibility(browser)

    # A draft with half the answers, then the rest and submit.
    names = answer_every_question(browser, 3)
    browser.find_element(By.CSS_SELECTOR, f"input[name='{names[0]}'][value='dont-know']").click()
    browser.find_element(By.ID, "collection-what-evidence").send_keys("Interview records are kept by the provider's case system.")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='draft']"))
    assert "Draft saved." in browser.find_element(By.CLASS_NAME, "dots-notification--success").text
    follow(browser, browser.find_element(By.LINK_TEXT, "Continue the draft"))
    assert browser.find_element(By.CSS_SELECTOR, f"input[name='{names[0]}'][value='dont-know']").is_selected(), "the draft kept the answers"
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='submit']"))
    assert "Assessment submitted." in browser.find_element(By.CLASS_NAME, "dots-notification--success").text
    check_accessibility(browser)
    assert "Learning" in browser.find_element(By.CSS_SELECTOR, "table.dots-table").text

    # Resubmit with a change: the newest submission counts and the earlier one is kept.
    follow(browser, browser.find_element(By.LINK_TEXT, "Change and resubmit the assessment"))
    answer_every_question(browser, 4)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='submit']"))
    assert "submission 2; earlier ones are kept" in browser.page_source
    assert "Developing" in browser.find_element(By.CSS_SELECTOR, "table.dots-table").text
    follow(browser, browser.find_element(By.CLASS_NAME, "dots-back-link"))
    row = browser.find_element(By.XPATH, "//tr[th/a[contains(., 'Return Home Interview Service')]]")
    assert "Developing" in row.text


def test_agency_lead_assessment_is_their_own(browser):
    sign_in(browser, "agency-lead")
    follow(browser, browser.find_element(By.LINK_TEXT, "Data maturity"))
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Review or resubmit your agency"))
    assert "Staffordshire Police" in browser.find_element(By.CLASS_NAME, "dots-caption").text
    check_accessibility(browser)
    browser.get(BASE + "/maturity/agencies/staffs-csc/edit")
    assert "only your own agency" in browser.page_source


def test_record_a_dataset_in_the_data_map(browser):
    sign_in(browser, "agency-lead")
    follow(browser, browser.find_element(By.LINK_TEXT, "Data map"))
    check_accessibility(browser)
    follow(browser, browser.find_element(By.LINK_TEXT, "Record a dataset"))
    check_accessibility(browser)
    assert "held by Staffordshire Police" in browser.find_element(By.TAG_NAME, "main").text
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    summary = browser.find_element(By.CLASS_NAME, "dots-error-summary").text
    assert "Enter the dataset's name" in summary and "Choose how it is recorded" in summary
    check_accessibility(browser)
    browser.find_element(By.ID, "name").send_keys("Child sexual exploitation occurrence markers")
    Select(browser.find_element(By.ID, "dataset")).select_by_value("police_incidents")
    browser.find_element(By.ID, "system").send_keys("Niche RMS")
    browser.find_element(By.ID, "recorded").send_keys("Occurrences with a CSE marker, victim age, location")
    browser.find_element(By.CSS_SELECTOR, "input[name='recordingMethod'][value='structured']").click()
    browser.find_element(By.ID, "coverage").send_keys("Force-wide")
    browser.find_element(By.ID, "coverageFrom").send_keys("2020-02-29")
    Select(browser.find_element(By.ID, "refresh")).select_by_value("daily")
    browser.find_element(By.ID, "access").send_keys("Public protection unit")
    Select(browser.find_element(By.ID, "lawfulBasis")).select_by_value("public-task")
    browser.find_element(By.ID, "owner").send_keys("Detective inspector, exploitation team")
    browser.find_element(By.CSS_SELECTOR, "input[name='informs[]'][value='voice']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Dataset saved to the data map." in browser.find_element(By.CLASS_NAME, "dots-notification--success").text
    assert h1(browser) == "Child sexual exploitation occurrence markers"
    assert "29 February 2020" in browser.page_source
    check_accessibility(browser)
    visit(browser, "/datamap/coverage")
    assert "Held but not submitted by" in browser.page_source and "Stoke-on-Trent City Council Children" in browser.page_source


def test_create_update_and_close_an_action(browser):
    sign_in(browser, "analyst")
    follow(browser, browser.find_element(By.LINK_TEXT, "Actions"))
    check_accessibility(browser)
    follow(browser, browser.find_element(By.LINK_TEXT, "Add an action"))
    check_accessibility(browser)
    browser.find_element(By.ID, "due").clear()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/actions'] button"))
    summary = browser.find_element(By.CLASS_NAME, "dots-error-summary").text
    assert "Enter what the action is" in summary and "Enter who owns it" in summary and "Enter the date it is due" in summary, summary
    check_accessibility(browser)
    browser.find_element(By.ID, "title").send_keys("Agree one definition of an exploitation concern")
    Select(browser.find_element(By.ID, "owner")).select_by_visible_text("Browser analyst (Partnership analyst)")
    browser.find_element(By.ID, "due").send_keys("2027-03-31")
    Select(browser.find_element(By.ID, "promptKind")).select_by_value("question")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/actions'] button"))
    assert "Action saved." in browser.find_element(By.CLASS_NAME, "dots-notification--success").text
    assert h1(browser) == "Agree one definition of an exploitation concern"
    check_accessibility(browser)

    browser.find_element(By.ID, "note").send_keys("Draft definition shared with the data leads.")
    browser.find_element(By.CSS_SELECTOR, "input[name='status'][value='in-progress']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "In progress" in browser.find_element(By.TAG_NAME, "main").text

    browser.find_element(By.ID, "note").send_keys("Agreed by the board.")
    browser.find_element(By.CSS_SELECTOR, "input[name='status'][value='done']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    history = browser.find_elements(By.CSS_SELECTOR, ".dots-timeline li")
    assert len(history) == 3 and "status: Done" in history[0].text and "Agreed by the board." in history[0].text
    check_accessibility(browser)

    follow(browser, browser.find_element(By.CLASS_NAME, "dots-back-link"))
    follow(browser, browser.find_element(By.LINK_TEXT, "My actions"))
    assert "Agree one definition of an exploitation concern" in browser.page_source

    # Accept one of Dots' suggestions, as it stands.
    browser.get(BASE + "/actions")
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Suggested actions"))
    check_accessibility(browser)
    accept = browser.find_element(By.CSS_SELECTOR, ".dots-indicators a.dots-button")
    follow(browser, accept)
    title = browser.find_element(By.ID, "title").get_attribute("value")
    assert title and "Suggested by Dots" in browser.page_source
    browser.find_element(By.ID, "ownerName").send_keys("Data lead")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/actions'] button"))
    assert h1(browser) == title


def test_data_leads_meetings(browser):
    sign_in(browser, "analyst")
    follow(browser, browser.find_element(By.LINK_TEXT, "Data leads"))
    check_accessibility(browser)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "table.dots-table tbody a"))
    assert "Decisions" in browser.page_source and "Actions raised" in browser.page_source
    check_accessibility(browser)
    browser.get(BASE + "/meetings/new")
    check_accessibility(browser)


def test_admin_adds_an_account_that_signs_in(browser):
    sign_in(browser, "admin")
    follow(browser, browser.find_element(By.LINK_TEXT, "Accounts"))
    check_accessibility(browser)
    follow(browser, browser.find_element(By.LINK_TEXT, "Add an account"))
    browser.find_element(By.ID, "name").send_keys("Browser new lead")
    browser.find_element(By.ID, "email").send_keys("new-lead@browser.example")
    Select(browser.find_element(By.ID, "role")).select_by_value("agency-lead")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Choose the agency" in browser.find_element(By.CLASS_NAME, "dots-error-summary").text
    check_accessibility(browser)
    Select(browser.find_element(By.ID, "agency")).select_by_value("stoke-csc")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    password = browser.find_element(By.CSS_SELECTOR, "main code").text
    check_accessibility(browser)
    follow(browser, browser.find_element(By.CSS_SELECTOR, ".dots-header__signout button"))
    browser.find_element(By.ID, "email").send_keys("new-lead@browser.example")
    browser.find_element(By.ID, "password").send_keys(password)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button"))
    assert browser.current_url.endswith("/framework")
    assert "Agency data lead" in browser.find_element(By.CLASS_NAME, "dots-header__who").text


# Every page of the tests (the admin may open them all), and a few more with wide tables.
PHONE_PAGES = sorted(set(PAGES) - VOICE_RECORD | {
    "/framework/indicators/rhi-completed-72h", "/quality/staffs-police/people", "/maturity/agencies/staffs-police", "/actions/print?view=all",
})


def test_printed_pages_keep_colours_and_whole_rows(browser):
    """Printed (print media emulated in Chromium), the maturity heatmap keeps its colours, table rows are not split
    across pages, and the navigation and filters are left off."""
    sign_in(browser, "strategic-lead")
    browser.get(BASE + "/maturity")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        found = browser.execute_script(
            "const tag = document.querySelector('table.dots-heatmap td .dots-tag'); if (!tag) return null;"
            "const s = getComputedStyle(tag); const row = getComputedStyle(tag.closest('tr'));"
            "const nav = document.querySelector('.dots-header__nav');"
            "return {adjust: s.printColorAdjust || s.webkitPrintColorAdjust, background: s.backgroundColor, rowBreak: row.breakInside,"
            " nav: nav ? getComputedStyle(nav).display : 'none'};")
        assert found, "the demo's heatmap has levels"
        assert found["adjust"] == "exact", found
        assert found["background"] not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)"), found
        assert found["rowBreak"] == "avoid", found
        assert found["nav"] == "none", found
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_no_sideways_scrolling_on_a_phone(browser):
    """At 390 px wide (a phone) no page scrolls sideways: wide tables scroll in their own box (and contain the
    visually hidden text in their cells, which would otherwise be placed against the page), selects wrap."""
    sign_in(browser, "admin")
    browser.set_window_size(390, 844)
    wide = []
    for path in PHONE_PAGES:
        browser.get(BASE + path)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            # Name the outermost elements that stick out, so the failure says what to fix.
            culprits = browser.execute_script(
                "const w = document.documentElement.clientWidth; const out = [];"
                "for (const e of document.querySelectorAll('body *')) {"
                "  if (e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1) && !e.closest('table')) {"
                "    out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')); } }"
                "return out.slice(0, 6);")
            wide.append(f"{path}: {overflow}px ({', '.join(culprits)})")
    assert not wide, "pages wider than the phone: " + ", ".join(wide)
    # Chart and map text stays readable when the chart is scaled down to the phone's width.
    for path in ["/framework/indicators/missing-children", "/framework/places", "/framework/journeys"]:
        browser.get(BASE + path)
        smallest = browser.execute_script(
            "let m = 1e9; for (const t of document.querySelectorAll('svg.dots-chart text')) {"
            " const svg = t.ownerSVGElement; const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
            " m = Math.min(m, parseFloat(getComputedStyle(t).fontSize) * scale); } return m;")
        assert 12 <= smallest < 1e9, f"{path}: chart text renders at {smallest:.1f} px on a phone"


def test_commentary_approved_then_report_published_and_downloaded(browser, tmp_path):
    """An analyst writes commentary, a second analyst (the admin) approves it, the analyst previews and publishes a
    report, and a strategic lead downloads its PDF: its pages render (pdftoppm) and its text reads in order (pdftotext)."""
    import shutil
    import subprocess
    import urllib.request

    sign_in(browser, "analyst")
    visit(browser, "/framework/commentary/new?subject=question&id=cohort&partnership=joint-ce&period=2025-26%20Q4")
    browser.find_element(By.ID, "says").send_keys("Screenings found more children at risk this quarter, most in Stoke-on-Trent.")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/framework/commentary'] button"))
    assert "Sent for approval" in browser.page_source and "You wrote this" in browser.page_source
    check_accessibility(browser)

    browser.delete_all_cookies()
    sign_in(browser, "admin")
    visit(browser, "/framework/commentary")
    # The demo has one of its own awaiting approval: approve this one.
    follow(browser, browser.find_element(By.XPATH, "//section[contains(., 'most in Stoke-on-Trent')]//form[contains(@action, '/approve')]//button"))
    assert "Approved: it now shows on its page." in browser.page_source

    browser.delete_all_cookies()
    sign_in(browser, "analyst")
    visit(browser, "/reports")
    browser.find_element(By.ID, "period").send_keys("2025-26 Q4")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='board']"))
    assert h1(browser) == "Child exploitation sub-group dashboard"
    assert "most in Stoke-on-Trent" in browser.page_source, "the approved commentary is in the report"
    check_accessibility(browser)
    visit(browser, "/reports")
    browser.find_element(By.ID, "publish-period").send_keys("2025-26 Q4")
    # The demo published this dashboard already: this is a corrected version, which says what changed.
    browser.find_element(By.ID, "changes").send_keys("Commentary on the cohort added.")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/reports'] button"))
    assert h1(browser) == "Child exploitation sub-group dashboard", browser.page_source[:2000]
    check_accessibility(browser)
    report = browser.current_url

    browser.delete_all_cookies()
    sign_in(browser, "strategic-lead")
    browser.get(report)
    check_accessibility(browser)
    href = browser.find_element(By.CSS_SELECTOR, "a[href$='/board.pdf']").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie})) as r:
        assert r.headers["Content-Type"].startswith("application/pdf")
        pdf = tmp_path / "board.pdf"
        pdf.write_bytes(r.read())
    assert shutil.which("pdftotext") and shutil.which("pdftoppm"), "the test command installs poppler-utils"
    pages = int(next(l for l in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
                     if l.startswith("Pages:")).split()[1])
    assert pages >= 3, f"{pages} pages"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == pages and all(p.stat().st_size > 1000 for p in rendered)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    headings = ["Child exploitation sub-group dashboard", "1. About this dashboard", "2. What the partnership wants to know",
                "3. What we don't know", "4. Actions due", "5. Where every figure comes from", "Report hash"]
    at = [text.find(h) for h in headings]
    assert all(i >= 0 for i in at) and at == sorted(at), dict(zip(headings, at))
    assert "Page 1 of" in text, "pages are numbered"
    plain = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Screenings found more children at risk this quarter" in plain, "the approved commentary is in the PDF"



# Voice of children, young people and families: at phone width, as young people and practitioners use it.

PHONE = (390, 844)


def no_sideways_scroll(driver):
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{driver.current_url} scrolls sideways by {overflow}px on a phone"


def reading_ease(driver):
    """Flesch reading ease of the page's main text, by the `readability` package from PyPI (an implementation of
    the formula docs/voice.md uses that is not Dots' own): 80 and above reads easily at about age 11."""
    import readability
    text = driver.find_element(By.ID, "main-content").text
    # Each line (a question, an answer, a hint) is a sentence, as on the page; the package reads one per line.
    sentences = [l.strip() for l in text.splitlines() if l.strip()]
    return readability.getmeasures("\n".join(sentences), lang="en")["readability grades"]["FleschReadingEase"]


def issue_code(driver, version):
    """As the practitioner: a code for the first young person of their agency, read off the page."""
    sign_in(driver, "practitioner")
    visit(driver, "/voice")
    person = driver.find_element(By.ID, "person")
    # The demo's first young person at Staffordshire social care: the ids are listed on the agency's feedback page.
    visit(driver, "/voice/records")
    pid = driver.find_element(By.CSS_SELECTOR, ".dots-summary-list h2").text.split("young person ")[-1].strip()
    visit(driver, "/voice")
    driver.find_element(By.ID, "person").send_keys(pid)
    driver.find_element(By.CSS_SELECTOR, f"input[name='version'][value='{version}']").click()
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/voice/codes'] button"))
    check_accessibility(driver)
    code = driver.find_element(By.CLASS_NAME, "dots-code").text
    follow(driver, driver.find_element(By.CSS_SELECTOR, ".dots-header__signout button"))
    return code


def enter_code(driver, code):
    visit(driver, "/your-say")
    no_sideways_scroll(driver)
    driver.find_element(By.ID, "code").send_keys(code)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/your-say'] button"))


def test_young_person_completes_the_8_11_form_on_a_phone(browser):
    """A ten-year-old's form, with a code, on a phone: skip items, save, come back, send; plain words throughout;
    a used code is then refused kindly."""
    code = issue_code(browser, "8-11")
    browser.set_window_size(*PHONE)
    enter_code(browser, code.lower().replace("-", " "))
    assert h1(browser) == "Tell us how things are"
    check_accessibility(browser)
    no_sideways_scroll(browser)
    ease = reading_ease(browser)
    assert ease >= 80, f"the 8-11 form reads at {ease:.0f}"
    assert "Leave this page" in browser.page_source
    # Skip the first questions; answer one choice and one text; save for later.
    browser.find_element(By.CSS_SELECTOR, "input[name='trusted_adult'][value='Y']").click()
    browser.find_element(By.ID, "what_helped").send_keys("My football coach")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='save']"))
    assert h1(browser) == "Your answers are saved"
    check_accessibility(browser)
    # Come back with the same code: the answers are there.
    enter_code(browser, code)
    assert browser.find_element(By.ID, "what_helped").get_attribute("value") == "My football coach"
    assert browser.find_element(By.CSS_SELECTOR, "input[name='trusted_adult'][value='Y']").is_selected()
    browser.find_element(By.CSS_SELECTOR, "input[name='consent'][value='aggregate']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='send']"))
    assert "Thank you" in browser.page_source
    check_accessibility(browser)
    assert reading_ease(browser) >= 80
    # The code is used up: refused kindly, saying what to do.
    enter_code(browser, code)
    assert "already been used" in browser.page_source and "ask for a new code" in browser.page_source
    check_accessibility(browser)
    no_sideways_scroll(browser)
    enter_code(browser, "ABCD-2345")
    assert "We do not recognise that code" in browser.page_source


def test_saying_unsafe_alerts_the_practitioner(browser):
    """Saying "I feel unsafe right now" shows who to contact at once, and the practitioner sees the alert on every
    page until they record what they did."""
    code = issue_code(browser, "12-17")
    browser.set_window_size(*PHONE)
    enter_code(browser, code)
    browser.find_element(By.CSS_SELECTOR, "input[name='feel_safe'][value='unsafe_now']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "button[value='send']"))
    assert "You said you feel unsafe right now" in browser.page_source and "0800 1111" in browser.page_source
    check_accessibility(browser)
    sign_in(browser, "practitioner")
    assert "said they feel unsafe right now" in browser.page_source, "the alert shows on the first page after sign-in"
    follow(browser, browser.find_element(By.LINK_TEXT, "See the alert and act"))
    check_accessibility(browser)
    no_sideways_scroll(browser)
    before = len(browser.find_elements(By.CSS_SELECTOR, ".dots-alert-list li"))
    box = browser.find_elements(By.CSS_SELECTOR, ".dots-alert-list textarea")[0]
    box.send_keys("Rang them straight away; police welfare check arranged.")
    follow(browser, box.find_element(By.XPATH, "./ancestor::form//button"))
    assert "Alert closed" in browser.page_source
    assert len(browser.find_elements(By.CSS_SELECTOR, ".dots-alert-list li")) == before - 1


def test_practitioner_records_voice_from_a_return_interview(browser):
    sign_in(browser, "practitioner")
    browser.set_window_size(*PHONE)
    visit(browser, "/voice/records")
    pid = browser.find_element(By.CSS_SELECTOR, ".dots-summary-list h2").text.split("young person ")[-1].strip()
    visit(browser, "/voice/records/new")
    no_sideways_scroll(browser)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/voice/records'] button[type='submit']"))
    assert "There is a problem" in browser.page_source
    check_accessibility(browser)
    browser.find_element(By.ID, "person").send_keys(pid)
    browser.find_element(By.ID, "date").send_keys("2026-03-02")
    browser.find_element(By.CSS_SELECTOR, "input[name='source'][value='return_interview']").click()
    browser.find_element(By.CSS_SELECTOR, "input[name='trusted_adult'][value='N']").click()
    browser.find_element(By.ID, "what_worse").send_keys("Nobody asked me why I ran off, they just took me back")
    browser.find_element(By.CSS_SELECTOR, "input[name='consent'][value='quote']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/voice/records'] button[type='submit']"))
    assert "Saved." in browser.page_source, browser.page_source[:1500]
    visit(browser, f"/voice/records?person={pid}")
    assert "Nobody asked me why I ran off" in browser.page_source


def test_analyst_codes_text_and_sees_agreement(browser):
    sign_in(browser, "analyst")
    browser.set_window_size(*PHONE)
    visit(browser, "/voice/coding")
    no_sideways_scroll(browser)
    first = browser.find_elements(By.CSS_SELECTOR, "form[action='/voice/coding']")[0]
    first.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")[0].click()
    follow(browser, first.find_element(By.TAG_NAME, "button"))
    assert "Themes saved" in browser.page_source
    visit(browser, "/voice/agreement")
    no_sideways_scroll(browser)
    assert "Pooled kappa:" in browser.page_source
    kappa = browser.find_element(By.XPATH, "//p[contains(., 'Pooled kappa')]/strong").text
    assert kappa != "not yet" and -1 <= float(kappa) <= 1, kappa


def test_a_quote_waits_for_consent_scan_and_approval(browser):
    """A quote with a name in it is not approvable; nor is one without consent; the words cut and de-identified,
    approved by a second person, then show on the summary the board reads."""
    sign_in(browser, "analyst")
    visit(browser, "/voice/quotes")
    # The demo proposed one from feedback whose consent was "counted only": its consent gate fails.
    waiting = browser.find_element(By.XPATH, "//div[contains(@class,'dots-summary-list')][.//strong[text()='awaiting approval']]")
    assert "Not passed" in waiting.text and "Consent" in waiting.text
    visit(browser, "/voice/records")
    links = browser.find_elements(By.CSS_SELECTOR, "a[href^='/voice/quotes/new']")
    assert links
    follow(browser, links[0])
    check_accessibility(browser)
    box = browser.find_element(By.ID, "text")
    box.clear()
    box.send_keys("Kayleigh helped me")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/voice/quotes'] button"))
    assert "There is a problem" not in browser.page_source, "proposing is allowed; the gates decide what may be approved"
    proposed = browser.find_element(By.XPATH, "//div[contains(@class,'dots-summary-list')][.//blockquote[contains(., 'Kayleigh helped me')]]")
    assert "Identifier scan" in proposed.text and "Not passed" in proposed.text

    browser.delete_all_cookies()
    sign_in(browser, "admin")
    visit(browser, "/voice/quotes")
    proposed = browser.find_element(By.XPATH, "//div[contains(@class,'dots-summary-list')][.//blockquote[contains(., 'Kayleigh helped me')]]")
    follow(browser, proposed.find_element(By.XPATH, ".//form[contains(@action,'/approve')]//button"))
    assert "There is a problem" in browser.page_source and "Identifier scan" in browser.page_source
    check_accessibility(browser)
    # Quotes that passed every gate (the demo approved some) are what the board reads, in their words.
    browser.delete_all_cookies()
    sign_in(browser, "strategic-lead")
    browser.set_window_size(*PHONE)
    visit(browser, "/voice/summary?partnership=joint-ce")
    no_sideways_scroll(browser)
    assert browser.find_elements(By.CSS_SELECTOR, "blockquote.dots-quote"), "approved quotes are on the summary"
    assert "Kayleigh helped me" not in browser.page_source
    assert "You said" in browser.page_source and "We did" in browser.page_source


def open_journey(driver, kind, person_id, purpose="mace-meeting", base=BASE):
    driver.get(base + "/journeys")
    check_accessibility(driver)
    driver.find_element(By.CSS_SELECTOR, f"input[name='kind'][value='{kind}']").click()
    driver.find_element(By.ID, "id").send_keys(person_id)
    driver.find_element(By.CSS_SELECTOR, f"input[name='purpose'][value='{purpose}']").click()
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/journeys'] button[type='submit']"))


def test_practitioner_reads_a_journey_and_the_data_lead_sees_who_looked(browser):
    sign_in(browser, "practitioner")
    assert "Young people" in nav_links(browser)
    visit(browser, "/journeys")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/journeys'] button[type='submit']"))
    assert "There is a problem" in browser.page_source and "Say why you are looking" in browser.page_source
    check_accessibility(browser)
    open_journey(browser, "agency", "NO-SUCH-ID")
    assert "No young person your agency holds has that id" in browser.page_source
    # Young people social care screened: look for one with a critical moment whom the police also hold.
    screened = [row["person_id"] for row in csv.DictReader(open(WORK / "demo/packages/staffs-csc/ce_screenings.csv", encoding="utf-8"))]
    found = None
    for person in list(dict.fromkeys(screened))[:40]:
        open_journey(browser, "agency", person)
        if "Critical moment:" in browser.page_source and "Staffordshire Police" in browser.page_source:
            found = person
            break
    assert found, "a screened young person with a critical moment whom the police hold"
    check_accessibility(browser)
    assert f"Their id in Staffordshire County Council" in browser.page_source and found in browser.page_source
    assert "Next multi-agency response" in browser.page_source or "No multi-agency response is recorded after this" in browser.page_source
    assert "Who has looked at this journey" not in browser.page_source, "practitioners do not see who else looked"
    partnership_id = h1(browser)
    assert partnership_id.startswith("DP-")
    browser.delete_all_cookies()
    sign_in(browser, "agency-lead")
    open_journey(browser, "partnership", partnership_id, purpose="strategy-discussion")
    assert h1(browser) == partnership_id
    check_accessibility(browser)
    viewers = browser.find_element(By.XPATH, "//h2[text()='Who has looked at this journey']/following-sibling::table").text
    assert "Browser practitioner" in viewers and "Preparing for or recording a MACE meeting" in viewers
    assert found not in browser.page_source, "social care's own id is not shown to the police"


def test_analyst_sees_district_maps_with_their_attribution(browser):
    sign_in(browser, "analyst")
    visit(browser, "/framework/indicators/missing-episodes")
    maps = browser.find_elements(By.CSS_SELECTOR, "svg.dots-map")
    assert len(maps) == 1, "the district breakdown is drawn as a map"
    assert len(maps[0].find_elements(By.TAG_NAME, "path")) == 9, "the nine districts"
    assert "Office for National Statistics" in maps[0].get_attribute("innerHTML"), "attribution on the map itself"
    visit(browser, "/framework")
    follow(browser, browser.find_element(By.LINK_TEXT, "Places around young people: crime and stop and search by district, with maps"))
    check_accessibility(browser)
    assert h1(browser) == "Places around young people"
    Select(browser.find_element(By.ID, "type")).select_by_visible_text("Possession of weapons")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/framework/places'] button"))
    assert "Possession of weapons by district" in browser.page_source
    maps = browser.find_elements(By.CSS_SELECTOR, "svg.dots-map")
    assert len(maps) == 3, "street crime, stop and search, and the first district's LSOAs (the demo imports invented ones)"
    for m in maps:
        assert "Contains OS data" in m.get_attribute("innerHTML")
    assert "never a young person" in browser.page_source


def test_analyst_maps_a_districts_lsoas(browser):
    sign_in(browser, "analyst")
    visit(browser, "/framework/indicators/missing-children")
    assert "By LSOA within a district" in browser.page_source
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.dots-map")) == 1, "the district map only, until a district is chosen"
    Select(browser.find_element(By.ID, "within")).select_by_visible_text("Stafford")
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Show LSOAs']"))
    check_accessibility(browser)
    maps = browser.find_elements(By.CSS_SELECTOR, "svg.dots-map")
    assert len(maps) == 2, "the district map, then Stafford's LSOAs"
    lsoa_map = maps[1].get_attribute("innerHTML")
    assert "Stafford 001A" in lsoa_map and "Cannock Chase 001A" not in lsoa_map
    assert "Contains OS data" in lsoa_map, "attribution on the map itself (its words wrap over lines)"
    caption = maps[1].find_element(By.XPATH, "./ancestor::figure/figcaption").text
    assert "Invented small areas for the Dots demo" in caption and "Office for National Statistics" in caption
    table = browser.find_element(By.XPATH, "//caption[text()='By LSOA in Stafford']/..").text
    assert "LSOA not recorded" in table
    assert "within=E07000197" in browser.current_url


def test_analyst_sees_the_cohort_journeys(browser):
    sign_in(browser, "analyst")
    visit(browser, "/framework")
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Journeys through services"))
    check_accessibility(browser)
    assert h1(browser) == "Journeys through services"
    chart = browser.find_element(By.CSS_SELECTOR, "figure svg.dots-chart")
    assert "Missing" in chart.get_attribute("innerHTML")
    table = browser.find_element(By.XPATH, "//caption[starts-with(text(), 'Young people by the path')]/..").text
    assert "Every other path, together" in table
    assert "Went missing" in browser.page_source and "Two or more agencies" in browser.page_source


def test_analyst_reads_the_context_indicators(browser):
    sign_in(browser, "analyst")
    visit(browser, "/framework")
    assert "Are we working with the peer groups, places, schools and online spaces" in browser.page_source
    follow(browser, browser.find_element(By.LINK_TEXT, "Contexts of harm open at period end"))
    check_accessibility(browser)
    assert h1(browser) == "Contexts of harm open at period end"
    assert "no contexts of harm are recorded" not in browser.page_source, "the demo's year of earlier work is counted"
    # The demo's contexts start on 1 April 2025: the financial year 2025-26 has a count; earlier years are not available.
    row = browser.find_element(By.XPATH, "//caption[text()='Trend']/..//tr[th[normalize-space()='2025-26']]")
    count = row.find_element(By.TAG_NAME, "td").get_attribute("textContent").strip()
    assert count.isdigit() and int(count) > 0, f"2025-26 counted: {count!r}"


def test_practitioner_links_a_young_person_to_a_peer_group(browser):
    sign_in(browser, "practitioner")
    follow(browser, browser.find_element(By.LINK_TEXT, "Contexts"))
    check_accessibility(browser)
    assert "Group meeting at Hanley bus station, evenings" in browser.page_source, "the demo's contexts"
    follow(browser, browser.find_element(By.LINK_TEXT, "Group meeting at Hanley bus station, evenings"))
    check_accessibility(browser)
    assert "Lapsed" in browser.page_source and "Anonymous community report" in browser.page_source, "the demo's unreviewed link has lapsed"
    visit(browser, "/contexts/new")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/contexts'] button[type='submit']"))
    assert "There is a problem" in browser.page_source
    check_accessibility(browser)
    browser.find_element(By.CSS_SELECTOR, "input[name='kind'][value='peer-group']").click()
    browser.find_element(By.ID, "name").send_keys("Group by the canal towpath")
    Select(browser.find_element(By.ID, "area")).select_by_visible_text("Stafford")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/contexts'] button[type='submit']"))
    assert h1(browser) == "Group by the canal towpath"
    person = next(csv.DictReader(open(WORK / "demo/packages/staffs-csc/ce_screenings.csv", encoding="utf-8")))["person_id"]
    link_form = "form[action$='/links']"
    browser.find_element(By.ID, "person").send_keys(person)
    browser.find_element(By.ID, "source").send_keys("Seen there by a detached youth worker")
    browser.find_element(By.CSS_SELECTOR, "input[name='reliability'][value='seen']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, link_form + " button[type='submit']"))
    assert "There is a problem" in browser.page_source and "necessary and proportionate" in browser.page_source
    check_accessibility(browser)
    browser.find_element(By.ID, "proportionality").send_keys("Seen with older males at night; to plan outreach with the group")
    follow(browser, browser.find_element(By.CSS_SELECTOR, link_form + " button[type='submit']"))
    linked = browser.find_element(By.XPATH, "//caption[text()='Young people linked to this context']/..").text
    assert "Current" in linked and "Seen or known directly by a practitioner" in linked
    assert person not in linked, "partnership ids only"
    open_journey(browser, "agency", person)
    assert "Group by the canal towpath" in browser.page_source
    # Nobody reviews it: a server pretending it is the day after the review date (the link form's default, 28 days
    # on) shows the link lapsed, on the context and on the young person's journey.
    later = (datetime.date.today() + datetime.timedelta(days=29)).isoformat()
    with pretending(later) as base:
        sign_in(browser, "practitioner", base=base)
        browser.get(base + "/contexts")
        follow(browser, browser.find_element(By.LINK_TEXT, "Group by the canal towpath"))
        check_accessibility(browser)
        linked = browser.find_element(By.XPATH, "//caption[text()='Young people linked to this context']/..").text
        assert "Lapsed" in linked and "Current" not in linked
        assert "Overdue" in browser.page_source
        open_journey(browser, "agency", person, base=base)
        contexts = browser.find_element(By.XPATH, "//caption[text()='Contexts they are linked to']/..").text
        assert "Group by the canal towpath" in contexts and "Lapsed" in contexts


def test_practitioner_adds_to_a_contexts_safety_plan(browser):
    """The context's safety plan: an action about the place, which agency leads it and by when; marked done."""
    sign_in(browser, "practitioner")
    follow(browser, browser.find_element(By.LINK_TEXT, "Contexts"))
    follow(browser, browser.find_element(By.LINK_TEXT, "Group meeting at Hanley bus station, evenings"))
    form = "form[action$='/plan']"
    browser.find_element(By.ID, "action").send_keys("Short")
    follow(browser, browser.find_element(By.CSS_SELECTOR, form + " button[type='submit']"))
    assert "There is a problem" in browser.page_source and "at least 10 characters" in browser.page_source
    check_accessibility(browser)
    browser.find_element(By.ID, "action").clear()
    browser.find_element(By.ID, "action").send_keys("Detached youth work at the bus station, Friday evenings")
    Select(browser.find_element(By.ID, "lead")).select_by_visible_text("Staffordshire Police")
    follow(browser, browser.find_element(By.CSS_SELECTOR, form + " button[type='submit']"))
    ours = "//caption[text()='Actions of the safety plan']/..//tr[td[text()='Detached youth work at the bus station, Friday evenings']]"
    row = browser.find_element(By.XPATH, ours).text
    assert "Staffordshire Police" in row and "Open" in row
    assert "Ask British Transport Police for patrols" in browser.page_source, "the demo's own plan"
    check_accessibility(browser)
    follow(browser, browser.find_element(By.XPATH, ours + "//button"))
    row = browser.find_element(By.XPATH, ours).text
    assert "Done" in row and "Mark done" not in row

@pytest.mark.both_engines
def test_analyst_reviews_a_pair_from_the_linkage_page(browser):
    """The analyst reads how good the latest linkage was and decides a pair from the review queue; the decision stays
    through the next `dots link`. Pairs are shown by agreement pattern, never by an agency's own id."""
    # Uploads in earlier tests re-run linkage without a truth file: link once more against the demo's, as an analyst
    # checking the model would, so the page has a run to say how good it was.
    subprocess.run([".build/debug/dots", "link", "--database", DATABASE, "--evaluate", TRUTH], check=True, capture_output=True)
    sign_in(browser, "analyst")
    follow(browser, browser.find_element(By.LINK_TEXT, "Linkage"))
    check_accessibility(browser)
    assert h1(browser) == "Linkage"
    assert "Checked against the synthetic partnership's truth file" in browser.page_source
    table = browser.find_element(By.XPATH, "//caption[text()=\"Each agency's records in the latest run\"]/..").text
    assert "Staffordshire Police" in table and "%" in table
    bias = browser.find_element(By.XPATH, "//caption[text()='Records left unlinked or in review, by ethnicity group']/..").text
    assert "White" in bias
    # The demo links against its truth file: how the pairs the model scored came out, band by band.
    calibration = browser.find_element(By.XPATH, "//caption[starts-with(text(), 'Whether the model')]/..").text
    assert "95.0% to 99.0%" in calibration and "Truly one young person" in calibration
    # Every record the review queue holds, named as `dots review list` names them: none of their ids on the page.
    listed = subprocess.run([".build/debug/dots", "review", "list", "--limit", "1000", "--database", DATABASE], check=True,
                            capture_output=True, text=True).stdout.splitlines()
    ids = [key.split("/", 1)[1] for line in listed if line[:1].isdigit() for key in line.split()[1:3]]
    assert ids and not any(i in browser.page_source for i in ids), "an agency's own id on the page"
    pairs = browser.find_elements(By.CSS_SELECTOR, "section.dots-review-pair")
    assert pairs, "the demo leaves pairs for review"
    heading = pairs[0].find_element(By.TAG_NAME, "h3").text
    assert "likely" in heading
    assert "first name" in pairs[0].text and "Weight (bits)" in pairs[0].text
    pairs[0].find_element(By.NAME, "note").send_keys("Same school and GP practice")
    follow(browser, pairs[0].find_element(By.XPATH, ".//button[@value='confirmed']"))
    check_accessibility(browser)
    assert "Your decision is saved" in browser.page_source
    decided = browser.find_element(By.XPATH, "//caption[starts-with(text(), 'Pairs decided')]/..").text
    assert "Confirmed" in decided and "Same school and GP practice" in decided and "Browser analyst" in decided
    # The next linkage run keeps the decision.
    subprocess.run([".build/debug/dots", "link", "--database", DATABASE], check=True, capture_output=True)
    visit(browser, "/linkage")
    runs = browser.find_element(By.XPATH, "//caption[text()='Linkage runs, newest first']/..")
    assert len(runs.find_elements(By.CSS_SELECTOR, "tbody tr")) >= 2
    decided = browser.find_element(By.XPATH, "//caption[starts-with(text(), 'Pairs decided')]/..").text
    assert "Same school and GP practice" in decided

class pretending:
    """A second `dots serve` on the browser tests' store, pretending today is `day`: a pinned clock, for what
    happens after a date."""

    def __init__(self, day):
        self.day = day

    def __enter__(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        self.log = open(WORK / "serve-pretend.log", "w")
        self.server = subprocess.Popen(
            [".build/debug/dots", "serve", "--port", str(port), "--database", str(WORK / "demo/dots.sqlite"), "--pretend-date", self.day],
            stdout=self.log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        return base

    def __exit__(self, *exc):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.log.close()
