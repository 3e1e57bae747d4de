"""The select widget written out in Python gives Django's own markup (soliris.forms_renderer)."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from soliris.forms_renderer import FormRenderer


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "—"), ("a", "Anderlecht"), ("b", "Bruxelles & <environs>")])
    grouped = forms.ChoiceField(
        choices=[("Europe", [("BE", "Belgique"), ("FR", "France")]), ("Amérique", [("BO", "Bolivie")])],
        widget=forms.Select(attrs={"class": "wide", "data-x": '"quoted"', "disabled": True, "hidden": False}),
    )
    several = forms.MultipleChoiceField(choices=[(1, "un"), (2, "deux"), (3, "trois")], required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"plain": "b", "grouped": "BO", "several": ["1", "3"]},
        {"plain": "<script>", "grouped": "FR"},
    ],
)
def test_the_select_is_written_as_django_writes_it(data):
    form_ours = Choices(data, renderer=FormRenderer())
    form_django = Choices(data, renderer=DjangoTemplates())
    for name in ("plain", "grouped", "several"):
        ours, theirs = str(form_ours[name]), str(form_django[name])
        assert ours == theirs
    assert "Bruxelles &amp; &lt;environs&gt;" in str(form_ours["plain"])
    if data and data["grouped"] == "BO":
        assert '<option value="BO" selected>Bolivie</option>' in str(form_ours["grouped"])
        assert '<option value="3" selected>trois</option>' in str(form_ours["several"])


def test_a_widget_with_its_own_option_template_keeps_django_rendering():
    class Marked(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    def rendered(renderer):
        form = forms.Form(renderer=renderer)
        form.fields["x"] = forms.ChoiceField(choices=[("a", "A")], widget=Marked)
        return str(form["x"])

    assert rendered(FormRenderer()) == rendered(DjangoTemplates())
    assert "<label" in rendered(FormRenderer())  # the widget's own option template was used
