"""axe-core (shipped inside axe-playwright-python) checks a page against WCAG 2.1 A and AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


def wcag_violations(page) -> list[str]:
    """One readable line per violated rule ('' when the page passes)."""
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}× e.g. "
        f"{violation['nodes'][0]['target']})"
        for violation in results.response["violations"]
    ]
