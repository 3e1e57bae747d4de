"""The project list's filters speak as the partnership directory does: "All …" rather than
"---------", in every language, under the same heading wording."""

import pytest

EMPTY = {
    "fr": (
        "Filtrer les projets",
        ["Tous les statuts", "Tous les objectifs", "Toutes les cibles", "Tous les pays"],
    ),
    "nl": (
        "De projecten filteren",
        ["Alle statussen", "Alle doelstellingen", "Alle subdoelen", "Alle landen"],
    ),
    "es": ("Filtrar los proyectos", ["Todos los estados", "Todos los objetivos", "Todas las metas"]),
    "en": ("Filter the projects", ["All statuses", "All goals", "All targets", "All calls", "All years"]),
}


@pytest.mark.parametrize("language", sorted(EMPTY))
def test_every_filter_starts_at_all_in_the_readers_language(client, project, language):
    page = client.get(f"/{language}/projects/").content.decode()
    heading, labels = EMPTY[language]
    assert "---------" not in page
    assert f'<h2 id="project-filters-title">{heading}</h2>' in page
    for label in labels:
        assert (
            f'<option value="" selected>{label}</option>' in page
            or f'<option value="">{label}</option>' in page
        )


def test_a_chosen_filter_still_narrows_the_list(client, project):
    page = client.get("/fr/projects/?goal=6").content.decode()
    assert '<option value="6" selected>' in page or 'value="6" selected' in page
