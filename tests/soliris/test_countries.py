import pytest
from django.utils import translation
from django_countries import countries
from django_countries.fields import Country

from soliris.countries import country_name


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "Bolivie"), ("nl", "Bolivia"), ("en", "Bolivia"), ("es", "Bolivia")]
)
def test_country_names_are_those_of_django_countries_in_the_active_language(language, expected):
    with translation.override(language):
        assert country_name("BO") == expected == str(countries.name("BO"))
        assert country_name(Country("BE")) == str(countries.name("BE"))
        assert country_name("be") == country_name("BE")


def test_an_unknown_or_empty_country_has_no_name():
    with translation.override("fr"):
        assert country_name("XX") == ""
        assert country_name("") == ""
        assert country_name(None) == ""


def test_the_choices_list_every_country_in_the_readers_language_and_validate_codes_only():
    from soliris.countries import country_choices, is_country

    with translation.override("es"):
        choices = dict(country_choices())
        assert choices["BE"] == "Bélgica" and set(choices) == {code for code, _name in countries}
    assert is_country("BO") and not is_country("bo") and not is_country("XX") and not is_country("")
