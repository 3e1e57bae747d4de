"""The forms say what a share is a share of, what a decision level means and what goes in each
contribution — in the reader's language."""

from django.urls import reverse


def test_the_party_form_says_what_the_share_is_a_share_of(cast, as_role):
    url = reverse("partners:party_edit", kwargs={"key": cast.partnership.key, "slug": cast.jette.slug})
    page = as_role("party_coordinator").get(url).content.decode()
    assert "Part du budget du partenariat (%)" in page
    assert "La part du budget total du partenariat que votre organisation paie" in page
    assert "prend part aux décisions du partenariat" in page
    assert "L’argent que votre organisation apporte" in page


def test_the_equity_panel_says_what_the_share_column_is(cast, as_role):
    url = reverse("partners:partnership_detail", kwargs={"key": cast.partnership.key})
    page = as_role("partner_coordinator").get(url.replace("/fr/", "/es/")).content.decode()
    assert "Parte del presupuesto" in page
    assert "la parte del presupuesto total de la asociación que paga cada parte" in page
