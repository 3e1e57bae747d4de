"""The measured convention of the benchmark (``conventions.bench``), version by version: its
twenty clauses in four languages (the model charter's ten, then ten on joint projects), what
each version changed, and the snapshots as ``conventions.services.build_snapshot`` freezes them."""

from conventions import charters
from conventions.models import TranslationState

PARTNERSHIP_NAME = "⟨bench-conv⟩ Convention de partenariat (bench-00000 – bench-00003)"
PARTNER_SLUG = "bench-00003"
PARTNER_EMAIL = "bench-partner@soliris.invalid"
TITLE = "Convention de partenariat / Convenio de hermanamiento"
LANGUAGES = ("fr", "nl", "en", "es")
AUTHENTIC = ["fr", "es"]
CLAUSES = 20

# What the second half of the clauses adds to the model charter's (the part on joint projects),
# and what each version changed.
SECOND_PART = {
    "fr": (" (volet projets)", " Ce qui précède vaut aussi pour chaque projet commun."),
    "nl": (" (projectluik)", " Het voorgaande geldt ook voor elk gezamenlijk project."),
    "en": (" (projects)", " The above also applies to each joint project."),
    "es": (" (proyectos)", " Lo anterior vale también para cada proyecto común."),
}
AMENDMENT_V2 = {
    "fr": " Les parties se réunissent au moins une fois par an.",
    "nl": " De partijen komen minstens één keer per jaar samen.",
    "en": " The parties meet at least once a year.",
    "es": " Las partes se reúnen al menos una vez al año.",
}
AMENDMENT_V3 = {
    "fr": " Chaque partie désigne une personne de contact, nommée dans l'annexe.",
    "nl": " Elke partij wijst een contactpersoon aan, vermeld in de bijlage.",
    "en": " Each party names a contact person, listed in the appendix.",
    "es": " Cada parte designa a una persona de contacto, nombrada en el anexo.",
}
AMENDED_IN_V2, AMENDED_IN_V3 = 2, (5, 13)  # clause indexes (0-based)
ADDED_IN_V2 = range(16, 20)
SWAPPED_IN_V2 = (11, 12)  # two clauses that changed places


# --- The measured convention's texts, version by version -------------------------------------


def clause_texts(index: int, number: int) -> dict:
    """{language: (heading, body)} of clause ``index`` as version ``number`` froze it (4: the
    draft, unchanged since version 3)."""

    model = charters.get("operating-charter")["clauses"][index % 10]
    texts = {}
    for language in LANGUAGES:
        heading, body = model["heading"][language], model["body"][language]
        if index >= 10:
            suffix, sentence = SECOND_PART[language]
            heading, body = f"{heading}{suffix}", f"{body}{sentence}"
        if index == AMENDED_IN_V2 and number >= 2:
            body += AMENDMENT_V2[language]
        if index in AMENDED_IN_V3 and number >= 3 and language in AUTHENTIC:
            body += AMENDMENT_V3[language]  # the other languages' translations wait for review
        texts[language] = (f"Article {index + 1}. {heading}", body)
    return texts


def clause_order(number: int) -> list[int]:
    order = [i for i in range(CLAUSES) if number >= 2 or i not in ADDED_IN_V2]
    if number >= 2:
        a, b = SWAPPED_IN_V2
        order[a], order[b] = order[b], order[a]
    return order


def original_language(index: int) -> str:
    return "fr" if index < 10 else "es"  # each side wrote its half in its own language


def clause_states(index: int, number: int) -> dict:
    """{language: (state, is_original, revision, source_revision)} of the clause's texts: the
    original edited for a version leaves the non-authentic translations "to review"."""

    original = original_language(index)
    amended = (index == AMENDED_IN_V2 and number >= 2) + (index in AMENDED_IN_V3 and number >= 3)
    states = {}
    for language in LANGUAGES:
        if language == original:
            states[language] = (TranslationState.UP_TO_DATE, True, 1 + amended, None)
        elif language in AUTHENTIC or not (index in AMENDED_IN_V3 and number >= 3):
            states[language] = (TranslationState.UP_TO_DATE, False, 1 + amended, 1 + amended)
        else:
            states[language] = (TranslationState.TO_REVIEW, False, 1 + amended - 1, amended)
    return states


def frozen_text(keys: dict, number: int) -> dict:
    """A version's frozen text, in ``build_snapshot``'s shape (texts by language, in the order
    the draft reads them)."""
    clauses = []
    for index in clause_order(number):
        texts, states = clause_texts(index, number), clause_states(index, number)
        clauses.append(
            {
                "key": keys[index],
                "original_language": original_language(index),
                "texts": {
                    language: {
                        "heading": texts[language][0],
                        "body": texts[language][1],
                        "state": int(states[language][0]),
                        "is_original": states[language][1],
                    }
                    for language in LANGUAGES
                },
            }
        )
    return {"title": TITLE, "kind": "convention", "authentic_languages": AUTHENTIC, "clauses": clauses}
