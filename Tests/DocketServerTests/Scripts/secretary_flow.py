#!/usr/bin/env python3
"""A secretary in headless Chromium on a running `docket serve`: signs in at /logg-inn, creates a
meeting, adds three items, moves one with the keyboard (Tab to its button, Enter), records
attendance with a guest (revisor) and a split vote (2 to 1), adds an alternative proposal (first
with a name the store does not know, shown beside the field) and records the vote on it, and
approves the minutes with two signers. Every page of
the secretary's area visited is checked with axe-core (WCAG 2.1 A and AA rules).

Usage: secretary_flow.py BASE_URL USER PASSWORD
Prints one line per finding and exits 1 when there is any.
"""
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait

base, user, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600", "--disable-gpu"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(30)
problems = []
checked = set()


def axe_check(state=""):
    """Checks the page once per path (and `state`: the same page with other forms or an error shown)."""
    path = driver.current_url.replace(base, "").split("?")[0].split("#")[0]
    if (path, state) in checked:
        return
    checked.add((path, state))
    print(f"axe {path}", file=sys.stderr, flush=True)
    axe = Axe(driver)
    axe.inject()
    # Axe.run hands the results object itself to WebDriver, which Chromium 156 never finishes
    # serialising (a script timeout); a JSON copy comes back at once.
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "var known = new Set([].concat(...axe.getRules().map(rule => rule.tags)));"
        "var tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'].filter(tag => known.has(tag));"
        "axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => done(JSON.parse(JSON.stringify({violations: r.violations}))))"
        ".catch(e => done({violations: [{id: 'axe-error', impact: 'error', help: String(e), nodes: []}]}));")
    for violation in results["violations"]:
        nodes = "; ".join(str(node["target"]) for node in violation["nodes"][:3])
        problems.append(f"{path}: axe {violation['id']} ({violation['impact']}): {violation['help']} at {nodes}")


def fill(field_id, text):
    field = driver.find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)


def after_navigation(action):
    """Does `action` (a click, a key) and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 60).until(staleness_of(old))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


def submit(button_text):
    button = driver.find_element(By.XPATH, f"//button[normalize-space()='{button_text}']")
    after_navigation(button.click)


def follow(link):
    after_navigation(link.click)


try:
    driver.get(base + "/sekretariat")
    if "/logg-inn" not in driver.current_url:
        problems.append(f"without a session /sekretariat showed {driver.current_url}")
    axe_check()
    fill("login-name", user)
    fill("login-password", password)
    submit("Logg inn")
    if not driver.current_url.rstrip("/").endswith("/sekretariat"):
        problems.append(f"sign-in led to {driver.current_url}")
    axe_check()

    follow(driver.find_element(By.LINK_TEXT, "Styret"))
    axe_check()
    driver.execute_script("document.getElementById('meeting-date').value = '2026-04-15'")
    fill("meeting-place", "Rådhuset")
    submit("Opprett møte")
    if "/sekretariat/mote/styret/2026-04-15" not in driver.current_url:
        problems.append(f"creating the meeting led to {driver.current_url}")
    axe_check()

    for title in ["Budsjett", "Skolestruktur", "Veier"]:
        fill("item-title", title)
        Select(driver.find_element(By.ID, "item-kind")).select_by_value("decision")
        fill("item-proposal", f"{title} vedtas.")
        submit("Legg til sak")

    # Keyboard only: focus the button that moves the last item up and press Enter.
    buttons = driver.find_elements(By.CSS_SELECTOR, "button[aria-label$=' opp']")
    after_navigation(lambda: buttons[-1].send_keys(Keys.ENTER))
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.agenda tbody tr")
            if any(title in row.text for title in ["Budsjett", "Skolestruktur", "Veier"])]
    if len(rows) != 3 or "Veier" not in rows[1]:
        problems.append(f"the agenda after moving Veier up: {rows}")

    for index in range(3):
        driver.find_element(By.ID, f"status-{index}-present").click()
    fill("guest", "Berit Revisor")
    fill("guest-role", "revisor")
    submit("Lagre oppmøte")
    if "Berit Revisor (gjest: revisor)" not in driver.page_source:
        problems.append("the guest is not shown in the roll as 'Berit Revisor (gjest: revisor)'")
    axe_check("with a guest")

    follow(driver.find_element(By.LINK_TEXT, "Budsjett"))
    axe_check()
    fill("decision-for", "Ada Berg, Per Olsen")
    fill("decision-against", "Siri Dahl")
    submit("Lagre vedtak")
    if "Vedtatt med 2 mot 1" not in driver.page_source:
        problems.append("the split vote is not shown as 'Vedtatt med 2 mot 1'")

    # An alternative proposal: a proposer the store does not know is refused beside the field.
    fill("proposal-by", "Ukjent Person")
    fill("proposal-text", "Budsjettet sendes tilbake.")
    submit("Legg til forslag")
    if driver.find_element(By.ID, "proposal-by").get_attribute("aria-invalid") != "true":
        problems.append("an unknown proposer is not marked at the field")
    axe_check("a refused proposal")
    fill("proposal-by", "Per Olsen")
    submit("Legg til forslag")
    fill("proposal-for", "Per Olsen")
    fill("proposal-against", "Ada Berg, Siri Dahl")
    submit("Lagre voteringen")
    if "Forslag 1 fra Per Olsen" not in driver.page_source:
        problems.append("the alternative proposal is not shown")
    axe_check("with a proposal")

    follow(driver.find_element(By.PARTIAL_LINK_TEXT, "Møtet"))
    fill("approve-signer-1", "Ada Berg")
    fill("approve-signer-2", "Per Olsen")
    submit("Godkjenn protokollen")
    if "signert av Ada Berg, Per Olsen" not in driver.page_source:
        problems.append("the approval with its signers is not shown")
    axe_check()

    # The area in nynorsk and English by the language switch, kept on the next page; axe on each.
    for code, heading in [("nn", "Godkjenning av protokollen"), ("en", "Approval of the minutes")]:
        follow(driver.find_element(By.CSS_SELECTOR, f"nav.languages a[hreflang='{code}']"))
        if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != code or heading not in driver.page_source:
            problems.append(f"the meeting page in {code} is not in {code}")
        axe_check(code)
    follow(driver.find_element(By.PARTIAL_LINK_TEXT, "Budsjett"))
    if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en" or "Alternative proposals" not in driver.page_source:
        problems.append("the English choice is not kept on the next page")
    axe_check("en")
    follow(driver.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang='nb']"))
    if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "nb":
        problems.append("switching back to bokmål did not take")
finally:
    driver.quit()

for problem in problems:
    print(problem)
print(f"secretary flow: {len(checked)} pages checked with axe, {len(problems)} problems", file=sys.stderr)
sys.exit(1 if problems else 0)
