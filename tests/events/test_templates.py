"""The app's HTML pages carry no inline style or script (the coming Content-Security-Policy
allows neither); the PDF templates, rendered by WeasyPrint, are not pages."""

import re
from pathlib import Path

import events

TEMPLATES = Path(events.__file__).parent / "templates" / "events"


def test_no_page_template_has_an_inline_style_or_script():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        if "pdf" in path.relative_to(TEMPLATES).parts:
            continue
        source = path.read_text()
        if re.search(r"\sstyle\s*=", source) or re.search(r"<script(?![^>]*\ssrc=)", source):
            offenders.append(path.name)
    assert offenders == []
