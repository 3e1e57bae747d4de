"""The demo documents' texts: titles and clauses, each side in its own language."""

AGREEMENT_TITLE = "Samenwerkingsakkoord Brasschaat – Tarija / Accord de coopération / Acuerdo de cooperación"
CHARTER_TITLE = "Charte de fonctionnement du partenariat"
PROJECT_TITLE = "Projectovereenkomst herbebossing / Convenio del proyecto de reforestación"

# Herent – Nimlaha'kok: the reforestation project's convention, written in Dutch and Spanish
# (equally authentic), each side in its own language; (heading, body) per language.
PROJECT_CLAUSES = [
    (
        "es",
        {
            "es": (
                "Objeto",
                "La comunidad de Nimlaha'kok y el municipio de Herent reforestan juntos las parcelas elegidas "
                "por la comunidad tras la ruta de los ODS, para proteger el bosque y crear ingresos duraderos.",
            ),
            "nl": (
                "Voorwerp",
                "De gemeenschap van Nimlaha'kok en de gemeente Herent herbebossen samen de percelen die de "
                "gemeenschap na de SDG-route koos, om het bos te beschermen en duurzame inkomsten te creëren.",
            ),
        },
    ),
    (
        "nl",
        {
            "nl": (
                "Rollen en bijdragen",
                "De gemeenschap kiest de percelen, plant en onderhoudt ze; Herent cofinanciert het plantgoed en "
                "de kwekerij en sensibiliseert zijn inwoners. Elke partij beslist mee over het budget.",
            ),
            "es": (
                "Roles y aportes",
                "La comunidad elige las parcelas, las planta y las mantiene; Herent cofinancia las plantas y el "
                "vivero y sensibiliza a sus habitantes. Cada parte codecide sobre el presupuesto.",
            ),
        },
    ),
    (
        "es",
        {
            "es": (
                "Evaluación",
                "Cada año, las dos partes evalúan juntas el proyecto y su relación, en línea y durante una "
                "visita, y publican sus conclusiones en las dos lenguas.",
            ),
        },
    ),
]


# (heading, body) per language; Dutch is the original of the agreement.
AGREEMENT = [
    {
        "nl": (
            "Partijen",
            "Dit akkoord wordt gesloten tussen de Gemeente Brasschaat (België) en het Gobierno Autónomo "
            "Municipal de Tarija (Bolivia), die sinds 2004 een internationaal gemeentelijk partnerschap "
            "hebben. Beide gemeenten treden op als gelijkwaardige partners.",
        ),
        "fr": (
            "Parties",
            "Le présent accord est conclu entre la Commune de Brasschaat (Belgique) et le Gobierno Autónomo "
            "Municipal de Tarija (Bolivie), liés depuis 2004 par un partenariat international communal. Les "
            "deux communes agissent en partenaires égaux.",
        ),
        "es": (
            "Partes",
            "El presente acuerdo se celebra entre el Municipio de Brasschaat (Bélgica) y el Gobierno Autónomo "
            "Municipal de Tarija (Bolivia), unidos desde 2004 por una alianza internacional entre municipios. "
            "Ambos municipios actúan como socios en pie de igualdad.",
        ),
    },
    {
        "nl": (
            "Doel",
            "De partijen werken samen aan de Duurzame Ontwikkelingsdoelstellingen in hun eigen gemeente. Ze "
            "evolueren van een relatie tussen schenker en ontvanger naar een samenwerking die op gemeenschappelijke "
            "doelen, wederzijds voordeel en wederzijds leren steunt.",
        ),
        "fr": (
            "Objet",
            "Les parties coopèrent à la réalisation des Objectifs de développement durable dans leur propre commune. "
            "Elles passent d'une relation entre donateur et donataire à une coopération fondée sur des objectifs "
            "communs, le bénéfice réciproque et l'apprentissage mutuel.",
        ),
        "es": (
            "Objeto",
            "Las partes cooperan en la realización de los Objetivos de Desarrollo Sostenible en su propio municipio. "
            "Pasan de una relación entre donante y receptor a una cooperación basada en objetivos comunes, el "
            "beneficio recíproco y el aprendizaje mutuo.",
        ),
    },
    {
        "nl": (
            "Gemeenschappelijke prioriteiten",
            "De partijen kiezen samen hun prioriteiten: water, met de bescherming van de waterbronnen in Tarija; "
            "vergroening, met het ontharden en vergroenen van speelpleinen in Brasschaat; en burgerparticipatie, "
            "waarbij Brasschaat leert van de manier waarop de wijken van Tarija de meerjarenplannen mee bepalen. "
            "Beide gemeenten nemen samen deel aan de Week van de Duurzame Gemeente.",
        ),
        "fr": (
            "Priorités communes",
            "Les parties choisissent ensemble leurs priorités : l'eau, avec la protection des sources d'eau à "
            "Tarija ; le verdissement, avec le retrait du revêtement et le verdissement des plaines de jeux à "
            "Brasschaat ; et la participation citoyenne, Brasschaat apprenant de la manière dont les quartiers de "
            "Tarija contribuent aux plans pluriannuels. Les deux communes participent ensemble à la Semaine de la "
            "commune durable.",
        ),
        "es": (
            "Prioridades comunes",
            "Las partes eligen juntas sus prioridades: el agua, con la protección de las fuentes de agua en Tarija; "
            "el reverdecimiento, con la eliminación del pavimento y el reverdecimiento de los parques infantiles en "
            "Brasschaat; y la participación ciudadana, aprendiendo Brasschaat de la manera en que los barrios de "
            "Tarija contribuyen a los planes plurianuales. Ambos municipios participan juntos en la Semana del "
            "Municipio Sostenible.",
        ),
    },
    {
        "nl": (
            "Wederzijdse verwachtingen",
            "Elke partij spreekt openlijk uit wat ze van de samenwerking verwacht en wat ze zelf kan bijdragen. De "
            "partijen communiceren open en transparant, ook over moeilijkheden, en zoeken thematische uitwisselingen "
            "met andere partners, in Vlaanderen en elders.",
        ),
        "fr": (
            "Attentes mutuelles",
            "Chaque partie exprime ouvertement ce qu'elle attend de la coopération et ce qu'elle peut y apporter. "
            "Les parties communiquent de manière ouverte et transparente, y compris sur les difficultés, et "
            "recherchent des échanges thématiques avec d'autres partenaires, en Flandre et ailleurs.",
        ),
        "es": (
            "Expectativas mutuas",
            "Cada parte expresa abiertamente lo que espera de la cooperación y lo que puede aportar. Las partes se "
            "comunican de manera abierta y transparente, también sobre las dificultades, y buscan intercambios "
            "temáticos con otros socios, en Flandes y en otros lugares.",
        ),
    },
    {
        "nl": (
            "Overleg en evaluatie",
            "De partijen overleggen elk kwartaal online en, waar mogelijk, één keer per legislatuur fysiek. Eén keer "
            "per jaar maakt elke partij een momentopname van het partnerschap; de resultaten worden samen besproken.",
        ),
        "fr": (
            "Concertation et évaluation",
            "Les parties se concertent en ligne chaque trimestre et, lorsque c'est possible, en présentiel une fois "
            "par législature. Une fois par an, chaque partie prend une photo mentale du partenariat ; les résultats "
            "sont discutés ensemble.",
        ),
        "es": (
            "Concertación y evaluación",
            "Las partes se reúnen en línea cada trimestre y, cuando sea posible, de manera presencial una vez por "
            "legislatura. Una vez al año, cada parte toma una foto mental de la alianza; los resultados se discuten "
            "juntos.",
        ),
    },
    {
        "nl": (
            "Duur en beëindiging",
            "Dit akkoord geldt voor vijf jaar en kan verlengd worden. Elke partij kan het beëindigen met een "
            "opzegtermijn van drie maanden, na overleg over een verantwoorde afronding van de lopende activiteiten.",
        ),
        "fr": (
            "Durée et fin",
            "Le présent accord vaut pour cinq ans et peut être renouvelé. Chaque partie peut y mettre fin moyennant "
            "un préavis de trois mois, après concertation sur une fin responsable des activités en cours.",
        ),
        "es": (
            "Duración y terminación",
            "El presente acuerdo rige por cinco años y puede renovarse. Cada parte puede ponerle fin con un preaviso "
            "de tres meses, previa concertación sobre una conclusión responsable de las actividades en curso.",
        ),
    },
]
