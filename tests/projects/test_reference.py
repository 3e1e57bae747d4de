import re

from django.utils import translation

from projects import reference
from projects.models import Goal, Target

LANGUAGES = ("fr", "en", "es", "nl")


def test_there_are_exactly_17_goals_and_169_targets(db):
    assert list(Goal.objects.values_list("number", flat=True)) == list(range(1, 18))
    assert Target.objects.count() == 169


def test_every_goal_and_target_has_a_text_in_each_language(db):
    for goal in Goal.objects.all():
        for language in LANGUAGES:
            assert getattr(goal, f"title_{language}").strip(), (goal.number, language)
            assert getattr(goal, f"short_title_{language}").strip(), (goal.number, language)
    for target in Target.objects.all():
        for language in LANGUAGES:
            assert getattr(target, f"title_{language}").strip(), (target.code, language)


def test_target_codes_are_numbered_as_the_un_numbers_them(db):
    for goal in Goal.objects.prefetch_related("targets"):
        codes = [t.code for t in goal.targets.order_by("position")]
        numbered = [c for c in codes if re.fullmatch(rf"{goal.number}\.\d+", c)]
        lettered = [c for c in codes if re.fullmatch(rf"{goal.number}\.[a-z]", c)]
        assert numbered + lettered == codes, goal.number
        assert numbered == [f"{goal.number}.{i}" for i in range(1, len(numbered) + 1)]
        assert lettered == [f"{goal.number}.{chr(97 + i)}" for i in range(len(lettered))]
    assert Target.objects.filter(code="1.1").exists()
    assert Target.objects.filter(code="17.19").exists()
    assert Target.objects.filter(code="6.a", goal__number=6).exists()
    assert Target.objects.filter(code="6.b", goal__number=6).exists()
    assert not Target.objects.filter(code="17.20").exists()


def test_goals_carry_the_official_colours(db):
    assert Goal.objects.get(number=6).colour == "#26BDE2"
    assert Goal.objects.get(number=13).colour == "#3F7E44"


def test_dutch_3b_is_marked_as_the_projects_own_translation(db):
    target = Target.objects.get(code="3.b")
    assert "vaccins" in target.title_nl
    assert target.unofficial_languages == ["nl"]
    assert "Soliris" in target.source["nl"]
    assert "open-sdg" in target.source["en"]
    assert Target.objects.exclude(unofficial_languages=[]).count() == 1


def test_loading_again_changes_nothing(db):
    before = list(Target.objects.order_by("code").values_list("code", "title_fr", "title_nl"))
    assert "17 goals, 169 targets" in reference.load()
    assert list(Target.objects.order_by("code").values_list("code", "title_fr", "title_nl")) == before
    assert Target.objects.count() == 169


def test_the_unofficial_translation_is_marked_on_the_goal_page(client, db):
    response = client.get("/nl/sdgs/3/")
    page = response.content.decode()
    assert "onofficiële vertaling" in page
    assert page.count("onofficiële vertaling") == 1  # only 3.b is the project's own Dutch text
    with translation.override("fr"):
        response = client.get("/fr/sdgs/3/")
    assert response.status_code == 200
    assert "Appuyer la recherche et le développement de vaccins" in response.content.decode()
