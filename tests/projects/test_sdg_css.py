"""The SDG colours come from one stylesheet generated from the reference data: no inline style."""

from pathlib import Path

from django.core.management import call_command

from projects.management.commands.sdg_css import CSS_PATH, stylesheet

TEMPLATES = Path(__file__).resolve().parents[2] / "projects" / "templates" / "projects"


def test_the_committed_stylesheet_is_what_the_reference_data_gives():
    assert CSS_PATH.read_text(encoding="utf-8") == stylesheet()
    assert stylesheet().count(".sdg-goal-") == 17
    call_command("sdg_css", "--check")


def test_no_projects_page_template_has_an_inline_style_or_script():
    for template in TEMPLATES.rglob("*.html"):
        if "pdf" in template.parts:
            continue
        text = template.read_text(encoding="utf-8")
        assert "style=" not in text and "<script" not in text, template


def test_the_goal_pages_use_the_goals_class(client):
    page = client.get("/fr/sdgs/").content.decode()
    assert 'class="sdg-tile sdg-goal-6"' in page and "style=" not in page
    page = client.get("/fr/sdgs/6/").content.decode()
    assert "sdg-banner sdg-goal-6" in page and "projects/sdg.css" in page
