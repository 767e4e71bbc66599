#!/usr/bin/env python3
"""A visitor in headless Chromium on a running `docket serve`: every public page kind, checked with
axe-core against the WCAG 2.1 A and AA rules; then a search, an item opened from the hits, the
meeting's PDF downloaded; keyboard use (the skip link is the first Tab stop and moves focus to main).

Usage: browser_visit.py BASE_URL OUTPUT_FOLDER
Writes OUTPUT_FOLDER/meeting.png (a screenshot of the meeting page) and the downloaded PDF.
Prints one line per finding and exits 1 when there is any.
"""
import os
import sys
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

base, out = sys.argv[1].rstrip("/"), sys.argv[2]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600", "--disable-gpu"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": out, "download.prompt_for_download": False,
                                          "plugins.always_open_pdf_externally": True})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(60)
# The site's Content-Security-Policy allows no injected script; axe-core is injected by the test,
# so the browser is told to let it run (the policy itself is checked by the Swift tests).
driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
problems = []
visited = 0


def check(path, plant=False):
    """Runs axe on the page; with plant, on the page with an image without alt text added (a control:
    axe must find it, or the check finds nothing because it cannot)."""
    global visited
    driver.get(base + path)
    if plant:
        driver.execute_script("var i = document.createElement('img'); i.src = '/static/none.png'; document.querySelector('main').appendChild(i);")
    axe = Axe(driver)
    axe.inject()
    # axe.run(document, options) with an error reported, not left as a hanging promise.
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'].filter(function (t) { return axe.getRules([t]).length > 0; })}})"
        ".then(function (r) { done(r); }, function (e) { done({error: String(e)}); });")
    if "error" in results:
        problems.append(f"{path}: axe failed: {results['error']}")
        return
    if plant:
        if not any(v["id"] == "image-alt" for v in results["violations"]):
            problems.append("control: axe did not find a planted image without alt text")
        return
    for violation in results["violations"]:
        nodes = "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:3])
        problems.append(f"{path}: axe {violation['id']} ({violation['impact']}): {violation['help']} at {nodes}")
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    if not lang:
        problems.append(f"{path}: no lang on html")
    visited += 1


try:
    pages = ["/", "/?lang=en", "/utvalg/styringsgruppen", "/utvalg/fg-helse?lang=nn", "/mote/styringsgruppen/2025-02-12",
             "/mote/styringsgruppen/2024-12-11?lang=en", "/sak/styringsgruppen/6-25", "/sak/fg-helse/5-25",
             "/sok", "/sok?q=velferdsteknologi", "/tilgjengelighet", "/tilgjengelighet?lang=en", "/finnes-ikke"]
    for page in pages:
        check(page)
    check("/", plant=True)

    # Keyboard: the first Tab reaches the skip link, Enter moves to the main content.
    driver.get(base + "/mote/styringsgruppen/2025-02-12")
    driver.save_screenshot(os.path.join(out, "meeting.png"))
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    if active.get_attribute("href") is None or not active.get_attribute("href").endswith("#main"):
        problems.append("keyboard: the first Tab stop is not the skip link")
    active.send_keys(Keys.ENTER)
    if driver.switch_to.active_element.get_attribute("id") != "main":
        problems.append("keyboard: the skip link does not move focus to main")

    # A visitor searches, opens the first hit, goes to its meeting and downloads the PDF.
    driver.get(base + "/sok")
    field = driver.find_element(By.ID, "q")
    field.send_keys("velferdsteknologi")
    field.send_keys(Keys.ENTER)
    time.sleep(0.5)
    check_url = driver.current_url
    if "q=velferdsteknologi" not in check_url:
        problems.append(f"search: the form went to {check_url}")
    hits = driver.find_elements(By.CSS_SELECTOR, "ol.hits a")
    if not hits:
        problems.append("search: no hits for velferdsteknologi")
    else:
        hits[0].click()
        if "/sak/" not in driver.current_url:
            problems.append(f"search: the hit led to {driver.current_url}")
        driver.find_element(By.CSS_SELECTOR, "a.meeting-link").click()
        pdf_link = driver.find_element(By.CSS_SELECTOR, "a[data-format=pdf]").get_attribute("href")
        with urllib.request.urlopen(pdf_link) as response:
            pdf = response.read()
            kind = response.headers.get("Content-Type")
        if not pdf.startswith(b"%PDF") or kind != "application/pdf":
            problems.append(f"download: {pdf_link} gave {kind}, {pdf[:8]!r}")
        else:
            with open(os.path.join(out, "innkalling.pdf"), "wb") as f:
                f.write(pdf)
finally:
    driver.quit()

for problem in problems:
    print(problem)
print(f"visited {visited} pages with axe, {len(problems)} problems", file=sys.stderr)
sys.exit(1 if problems else 0)
