"""Browser tests: real headless Chromium against `dots serve` (started by scripts/browser-tests).

Each test signs in as one role and uses the pages as a person would: forms, links, file uploads. Every page visited
is checked with axe-core; serious and critical violations fail the test.
"""
import csv
import io
import os
import pathlib

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["DOTS_URL"]
PASSWORD = os.environ["DOTS_BROWSER_PASSWORD"]
PACKAGE = pathlib.Path(os.environ["DOTS_PACKAGE"]).resolve()
WORK = pathlib.Path(os.environ["DOTS_BROWSER_WORK"]).resolve()


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


def follow(driver, element):
    """Clicks a link or button that loads a new page, and waits until the new page has replaced the old."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))


def visit(driver, path):
    driver.get(BASE + path)
    check_accessibility(driver)


def h1(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def sign_in(driver, role, password=PASSWORD):
    driver.get(BASE + "/sign-in")
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


def test_data_quality_pages(browser):
    sign_in(browser, "analyst")
    visit(browser, "/quality")
    assert h1(browser) == "Data quality"
    follow(browser, browser.find_element(By.CSS_SELECTOR, "table.dots-table tbody a"))
    assert h1(browser).startswith("Data quality: ")
    assert "Trend across submissions" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "svg.dots-chart"), "the demo has two returns, so quality is trended"
    check_accessibility(browser)


PAGES = ["/framework", "/framework/indicators/missing-children", "/framework/indicators/ce-cohort?partnership=stoke-scp&period=quarter",
         "/submissions", "/submissions/new", "/quality", "/quality/staffs-police/police_incidents", "/account", "/accessibility"]
ALLOWED = {
    "admin": set(PAGES),
    "analyst": set(PAGES) - {"/submissions/new"},
    "agency-lead": set(PAGES),
    "strategic-lead": {"/framework", "/framework/indicators/missing-children", "/framework/indicators/ce-cohort?partnership=stoke-scp&period=quarter", "/account", "/accessibility"},
    "practitioner": {"/framework", "/framework/indicators/missing-children", "/framework/indicators/ce-cohort?partnership=stoke-scp&period=quarter", "/account", "/accessibility"},
}


@pytest.mark.parametrize("role", list(ALLOWED))
def test_each_role_sees_only_what_it_may(browser, role):
    sign_in(browser, role)
    links = nav_links(browser)
    assert ("Submissions" in links) == ("/submissions" in ALLOWED[role])
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
