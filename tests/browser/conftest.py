"""Journeys in a real headless Chromium: Debian's package, driven by Playwright's Python API.

Never a browser download. ``make test`` installs Debian's ``chromium`` when it is missing
(as root); elsewhere these tests fail with the command to run.
"""

import contextlib
import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Chromium is missing: install Debian's package with `sudo apt-get install chromium` "
            "(make test does it when run as root).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# Every page of every journey listens for Content-Security-Policy violations (the event
# Chromium fires, and the console line it writes): one is a failure of the journey.
_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def new_page(browser, live_server):
    """``new_page(locale="fr", width=1280)``: a page in a fresh browser context (own cookies)."""
    contexts = []
    violations = []

    def make(locale="fr-BE", width=1280, height=900):
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": width, "height": height}
        )
        context.set_default_timeout(15_000)
        context.add_init_script(_CSP_LISTENER)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                violations.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            # A page that closed meanwhile: its console lines were kept.
            with contextlib.suppress(Exception):
                violations.extend(f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []"))
        context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def page(new_page):
    return new_page()


def assert_accessible(page, *, context: str = ""):
    """axe-core (bundled by axe-playwright-python): no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )
    assert not violations, f"accessibility violations on {context or page.url}:\n{details}"


def log_in(page, email, password):
    page.goto("/fr/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form [type=submit]").first.click()
