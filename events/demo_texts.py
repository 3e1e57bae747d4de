"""The sections and recommendations of the Soliris day of 17 November 2022 (seed 000), in
French as written there, translated into Dutch, English and Spanish."""

# (title, introduction) per language, then the recommendations: {language: text}
SECTIONS = [
    {
        "title": {
            "fr": "Les enjeux du partenariat",
            "nl": "De uitdagingen van het partnerschap",
            "en": "What is at stake in partnership",
            "es": "Los retos de la alianza",
        },
        "introduction": {
            "fr": "Bien trop souvent, dans les programmes de solidarité internationale, l'attention est presque exclusivement portée sur le projet, ses objectifs et résultats chiffrés, au détriment de sa dimension sous-jacente essentielle : la relation partenariale. Dans une perspective de décolonisation des représentations et des pratiques, et d'une stratégie du « Sud dans le Nord », la réflexion sur le partenariat doit être remise au centre : comment sortir de l'ethnocentrisme, favoriser l'équilibre et l'équité à chaque étape du projet, la transparence, la complémentarité des acteurs et la valorisation des apports de chaque partie ?",
            "nl": "In programma's voor internationale solidariteit gaat de aandacht veel te vaak bijna uitsluitend naar het project, zijn doelstellingen en zijn (becijferde) resultaten, ten koste van de essentiële onderliggende dimensie: de partnerrelatie. Met het oog op het dekoloniseren van beeldvorming en praktijken, en op een strategie van het 'Zuiden in het Noorden', moet de reflectie over partnerschap opnieuw centraal staan: hoe stappen we af van etnocentrisme, hoe bevorderen we evenwicht en billijkheid in elke fase van het project, transparantie, complementariteit tussen de actoren en waardering voor de inbreng van elke partij?",
            "en": "All too often, international solidarity programmes focus almost exclusively on the project, its objectives and its (quantified) results, at the expense of the essential dimension underneath: the partnership relationship itself. To decolonise representations and practices, and in a strategy of the “South in the North”, thinking about partnership must come back to the centre: how do we move beyond ethnocentrism, and foster balance and fairness at every stage of the project, transparency, complementarity between actors and recognition of what each party brings?",
            "es": "Con demasiada frecuencia, en los programas de solidaridad internacional la atención se centra casi exclusivamente en el proyecto, sus objetivos y sus resultados cuantificados, en detrimento de su dimensión subyacente esencial: la relación entre socios. Desde una perspectiva de descolonización de las representaciones y las prácticas, y de una estrategia del «Sur en el Norte», la reflexión sobre la alianza debe volver al centro: ¿cómo salir del etnocentrismo y favorecer el equilibrio y la equidad en cada etapa del proyecto, la transparencia, la complementariedad de los actores y el reconocimiento de lo que aporta cada parte?",
        },
        "recommendations": [
            {
                "fr": "Dans les partenariats entre communes et associations, les projets doivent être co-construits dans chacune de leurs étapes, dès la conception, afin d'en favoriser l'appropriation par chacune des parties prenantes. Les rôles et apports de chaque partenaire doivent être concertés. Le partenariat doit en outre être cadré par une convention, voire par une charte de fonctionnement, élaborées ensemble.",
                "nl": "In partnerschappen tussen gemeenten en verenigingen moeten projecten in elke fase samen worden opgebouwd, vanaf het ontwerp, zodat elke betrokken partij ze zich eigen kan maken. De rol en de inbreng van elke partner moeten in overleg worden bepaald. Het partnerschap moet bovendien worden vastgelegd in een overeenkomst, of zelfs in een werkingscharter, die samen worden opgesteld.",
                "en": "In partnerships between communes and associations, projects must be co-constructed at every stage, from the design onwards, so that each stakeholder can take ownership of them. The roles and contributions of each partner must be agreed together. The partnership should also be framed by a convention, or even a charter of how it works, drawn up jointly.",
                "es": "En las alianzas entre municipios y asociaciones, los proyectos deben construirse conjuntamente en cada una de sus etapas, desde su concepción, para favorecer su apropiación por cada una de las partes. Los roles y aportes de cada socio deben acordarse entre todos. Además, la alianza debe enmarcarse en un convenio, o incluso en una carta de funcionamiento, elaborados conjuntamente.",
            },
            {
                "fr": "Tisser un partenariat local doit permettre la réalisation des projets de manière suffisamment autonome pour éviter les déplacements internationaux, qui s'effectuent souvent en avion.",
                "nl": "Een lokaal partnerschap uitbouwen moet het mogelijk maken projecten voldoende zelfstandig uit te voeren, zodat internationale verplaatsingen, vaak met het vliegtuig, kunnen worden vermeden.",
                "en": "Building a local partnership should make it possible to carry out projects autonomously enough to avoid international travel, which is often by plane.",
                "es": "Tejer una alianza local debe permitir realizar los proyectos con la autonomía suficiente para evitar los desplazamientos internacionales, que a menudo se hacen en avión.",
            },
            {
                "fr": "Penser les projets dans une optique collective, de recherche de la confiance et du bien commun, avec un objectif de pérennité, de durabilité, de reproductibilité et d'adaptabilité, dans une approche « no one left behind ».",
                "nl": "Projecten collectief benaderen, gericht op vertrouwen en het algemeen belang, met het oog op continuïteit, duurzaamheid, herhaalbaarheid en aanpasbaarheid, volgens het principe 'no one left behind'.",
                "en": "Think of projects collectively, seeking trust and the common good, aiming for continuity, sustainability, replicability and adaptability, in a “no one left behind” approach.",
                "es": "Pensar los proyectos desde una óptica colectiva, en busca de la confianza y del bien común, con un objetivo de continuidad, sostenibilidad, reproducibilidad y adaptabilidad, con un enfoque de «no dejar a nadie atrás».",
            },
        ],
    },
    {
        "title": {
            "fr": "Transversalité et complémentarités",
            "nl": "Transversaliteit en complementariteit",
            "en": "Working across boundaries, and complementarity",
            "es": "Transversalidad y complementariedades",
        },
        "introduction": {
            "fr": "La plateforme Soliris.brussels est née d'une volonté de décloisonnement des acteurs associatifs et communaux en matière de solidarité internationale. Pour une matière aussi multifactorielle et interdisciplinaire, une plus grande transversalité favoriserait l'innovation et l'efficacité des projets, en mettant en avant la plus-value de chaque acteur et leur complémentarité. Pour les communes, le décloisonnement se joue à trois niveaux : au sein de la commune, entre communes et vis-à-vis de la société civile.",
            "nl": "Het platform Soliris.brussels ontstond uit de wil om de schotten tussen verenigingen en gemeenten in de internationale solidariteit weg te nemen. In een zo veelzijdig en interdisciplinair domein zou meer transversaliteit innovatie en doeltreffendheid van projecten bevorderen, door de meerwaarde van elke actor en hun complementariteit in de verf te zetten. Voor gemeenten speelt dat op drie niveaus: binnen de gemeente, tussen gemeenten en ten aanzien van het middenveld.",
            "en": "The Soliris.brussels platform was born of a wish to break down the walls between associations and communes in international solidarity. In a field this multifaceted and interdisciplinary, working more across boundaries would foster innovation and effectiveness in projects, by highlighting the added value of each actor and their complementarity. For communes, this happens at three levels: within the commune, between communes, and with civil society.",
            "es": "La plataforma Soliris.brussels nació de la voluntad de derribar las barreras entre asociaciones y municipios en materia de solidaridad internacional. En un ámbito tan multifactorial e interdisciplinario, una mayor transversalidad favorecería la innovación y la eficacia de los proyectos, poniendo en valor el aporte de cada actor y su complementariedad. Para los municipios, esto se juega en tres niveles: dentro del municipio, entre municipios y con la sociedad civil.",
        },
        "recommendations": [
            {
                "fr": "Créer un pôle de connaissances au niveau de plusieurs diasporas de différents pays pour un renforcement mutuel.",
                "nl": "Een kenniscentrum oprichten dat diaspora's uit verschillende landen samenbrengt, zodat ze elkaar versterken.",
                "en": "Create a knowledge hub bringing together several diasporas from different countries, so that they strengthen one another.",
                "es": "Crear un polo de conocimiento que reúna a varias diásporas de distintos países para su fortalecimiento mutuo.",
            },
            {
                "fr": "Mettre en place des initiatives de sensibilisation et de formation pour surmonter les obstacles liés aux connaissances, en facilitant la communication et en favorisant la compréhension mutuelle.",
                "nl": "Sensibiliserings- en opleidingsinitiatieven opzetten om kennisdrempels weg te werken, door de communicatie te vergemakkelijken en wederzijds begrip te bevorderen.",
                "en": "Set up awareness-raising and training initiatives to overcome knowledge barriers, making communication easier and fostering mutual understanding.",
                "es": "Poner en marcha iniciativas de sensibilización y formación para superar los obstáculos relacionados con el conocimiento, facilitando la comunicación y favoreciendo la comprensión mutua.",
            },
            {
                "fr": "Favoriser les projets communs et la mutualisation des expertises.",
                "nl": "Gezamenlijke projecten en het delen van expertise aanmoedigen.",
                "en": "Encourage joint projects and the pooling of expertise.",
                "es": "Favorecer los proyectos comunes y la puesta en común de conocimientos especializados.",
            },
        ],
    },
    {
        "title": {
            "fr": "Considérer et comprendre",
            "nl": "Erkennen en begrijpen",
            "en": "Considering and understanding",
            "es": "Considerar y comprender",
        },
        "introduction": {
            "fr": "Dans le contexte de la solidarité internationale, il est impératif de recentrer l'attention sur la dimension fondamentale de la relation partenariale. Souvent occultée par l'accent mis sur les résultats chiffrés, cette dimension cache des rapports de pouvoir non explicités. Pour instaurer une perspective décoloniale et promouvoir une stratégie du « Sud dans le Nord », la réflexion sur le partenariat doit occuper une place centrale, en tenant compte de l'ethnocentrisme, de la transparence et de la complémentarité des acteurs.",
            "nl": "In de internationale solidariteit moet de aandacht opnieuw gaan naar de fundamentele dimensie van de partnerrelatie. Die wordt vaak overschaduwd door de nadruk op becijferde resultaten en verbergt onuitgesproken machtsverhoudingen. Om een dekoloniaal perspectief te ontwikkelen en een strategie van het 'Zuiden in het Noorden' te bevorderen, moet de reflectie over partnerschap centraal staan, met aandacht voor etnocentrisme, transparantie en de complementariteit van de actoren.",
            "en": "In international solidarity, attention must be refocused on the fundamental dimension of the partnership relationship. Often overshadowed by the emphasis on quantified results, it hides unspoken power relations. To adopt a decolonial perspective and promote a strategy of the “South in the North”, thinking about partnership must take centre stage, taking into account ethnocentrism, transparency and the complementarity of actors.",
            "es": "En el contexto de la solidaridad internacional, es imprescindible volver a centrar la atención en la dimensión fundamental de la relación entre socios. A menudo eclipsada por el énfasis en los resultados cuantificados, esta dimensión oculta relaciones de poder no explícitas. Para adoptar una perspectiva decolonial y promover una estrategia del «Sur en el Norte», la reflexión sobre la alianza debe ocupar un lugar central, teniendo en cuenta el etnocentrismo, la transparencia y la complementariedad de los actores.",
        },
        "recommendations": [
            {
                "fr": "Les rôles et contributions de chaque partenaire doivent être concertés, avec l'élaboration conjointe de conventions ou de chartes de fonctionnement.",
                "nl": "De rol en de bijdrage van elke partner moeten in overleg worden bepaald, met overeenkomsten of werkingscharters die samen worden opgesteld.",
                "en": "The roles and contributions of each partner must be agreed together, with conventions or charters of how the partnership works drawn up jointly.",
                "es": "Los roles y las contribuciones de cada socio deben acordarse entre todos, con la elaboración conjunta de convenios o cartas de funcionamiento.",
            },
            {
                "fr": "Les personnes concernées doivent être écoutées et consultées dans l'élaboration des cahiers des charges des appels à projets. Leur expérience collective du vécu est une source essentielle d'information pour orienter les actions concrètes.",
                "nl": "De betrokkenen moeten worden gehoord en geraadpleegd bij het opstellen van de bestekken van projectoproepen. Hun collectieve ervaringskennis is een essentiële bron om concrete acties richting te geven.",
                "en": "The people concerned must be heard and consulted when the terms of reference of calls for projects are drawn up. Their collective lived experience is an essential source of information to guide concrete action.",
                "es": "Las personas afectadas deben ser escuchadas y consultadas en la elaboración de los pliegos de condiciones de las convocatorias de proyectos. Su experiencia colectiva vivida es una fuente esencial de información para orientar las acciones concretas.",
            },
            {
                "fr": "Nouveau vocabulaire et mutualisation : changer le vocabulaire pour englober non seulement les ASBL, mais aussi les collectifs citoyens et les individus actifs. Favoriser la mutualisation d'expériences inspirantes pour renforcer la communauté.",
                "nl": "Nieuwe woordenschat en delen: de woordenschat aanpassen zodat die niet alleen vzw's omvat, maar ook burgercollectieven en actieve individuen. Het delen van inspirerende ervaringen aanmoedigen om de gemeenschap te versterken.",
                "en": "New vocabulary and sharing: change the vocabulary to include not only non-profit associations but also citizen collectives and active individuals. Encourage the sharing of inspiring experiences to strengthen the community.",
                "es": "Nuevo vocabulario y puesta en común: cambiar el vocabulario para incluir no solo a las asociaciones sin ánimo de lucro, sino también a los colectivos ciudadanos y a las personas activas. Favorecer el intercambio de experiencias inspiradoras para fortalecer la comunidad.",
            },
            {
                "fr": "Maîtrise et expertise : reconnaître la différence entre la maîtrise du sujet et l'expertise, en valorisant les différentes formes de connaissance et en adaptant les cadres aux expertises collectives du vécu.",
                "nl": "Beheersing en expertise: het verschil erkennen tussen vertrouwd zijn met een onderwerp en expertise, door verschillende vormen van kennis te waarderen en de kaders aan te passen aan collectieve ervaringsdeskundigheid.",
                "en": "Mastery and expertise: recognise the difference between mastering a subject and expertise, valuing different forms of knowledge and adapting frameworks to collective expertise drawn from lived experience.",
                "es": "Dominio y pericia: reconocer la diferencia entre dominar un tema y ser experto, valorando las distintas formas de conocimiento y adaptando los marcos a los saberes colectivos de la experiencia vivida.",
            },
        ],
    },
    {
        "title": {
            "fr": "Agir collectivement",
            "nl": "Collectief handelen",
            "en": "Acting collectively",
            "es": "Actuar colectivamente",
        },
        "introduction": {
            "fr": "La décennie des personnes d'ascendance africaine se heurte à des défis persistants malgré des niveaux élevés de qualification, notamment une discrimination prononcée sur le marché de l'emploi. Pour répondre à ces problèmes récurrents, des solutions doivent être envisagées de manière proactive, en amont des projets comme en aval lors de l'évaluation. La visibilité des réussites, la prise en compte des doléances et une communication efficace sont des piliers essentiels.",
            "nl": "Het decennium voor mensen van Afrikaanse afkomst botst op hardnekkige uitdagingen, ondanks een hoog opleidingsniveau, met name sterke discriminatie op de arbeidsmarkt. Om deze terugkerende problemen aan te pakken, moeten oplossingen proactief worden gezocht, zowel vóór de projecten als achteraf bij de evaluatie. Zichtbaarheid van successen, aandacht voor klachten en doeltreffende communicatie zijn daarbij essentiële pijlers.",
            "en": "The decade for people of African descent faces persistent challenges despite high levels of qualification, notably marked discrimination in the labour market. To address these recurring problems, solutions must be sought proactively, both before projects and afterwards, during evaluation. Making successes visible, taking grievances into account and communicating effectively are essential pillars.",
            "es": "El decenio de los afrodescendientes se enfrenta a desafíos persistentes pese a un alto nivel de cualificación, en particular una marcada discriminación en el mercado laboral. Para responder a estos problemas recurrentes, hay que buscar soluciones de forma proactiva, tanto antes de los proyectos como después, durante la evaluación. La visibilidad de los logros, la atención a las reivindicaciones y una comunicación eficaz son pilares esenciales.",
        },
        "recommendations": [
            {
                "fr": "Visibilité des réussites et doléances : capitaliser sur les lauréats des appels à projets et inverser la visibilité des problèmes. Faire en sorte que les réussites et les doléances soient portées à l'attention des administrations locales, des corps intermédiaires et des élu·es.",
                "nl": "Zichtbaarheid van successen en klachten: voortbouwen op de laureaten van projectoproepen en de aandacht verleggen van de problemen. Ervoor zorgen dat successen en klachten onder de aandacht komen van lokale besturen, middenveldorganisaties en verkozenen.",
                "en": "Visibility of successes and grievances: build on the winners of calls for projects and turn around which problems get seen. Make sure that successes and grievances are brought to the attention of local administrations, intermediary bodies and elected representatives.",
                "es": "Visibilidad de los logros y de las reivindicaciones: aprovechar a los ganadores de las convocatorias de proyectos e invertir la visibilidad de los problemas. Garantizar que los logros y las reivindicaciones lleguen a las administraciones locales, a los organismos intermedios y a los cargos electos.",
            },
            {
                "fr": "Engagement collectif : se mobiliser collectivement sur le long terme, aussi bien dans les « tribunes » pour soutenir les collectifs lauréats des appels à projets que dans le lancement de nouveaux projets et activités.",
                "nl": "Collectief engagement: zich op lange termijn samen inzetten, zowel op de 'tribunes' om de laureaten van projectoproepen te steunen als bij het opstarten van nieuwe projecten en activiteiten.",
                "en": "Collective commitment: mobilise together over the long term, both in the “stands” to support the collectives that won calls for projects and in launching new projects and activities.",
                "es": "Compromiso colectivo: movilizarse colectivamente a largo plazo, tanto en las «tribunas» para apoyar a los colectivos ganadores de las convocatorias como en la puesta en marcha de nuevos proyectos y actividades.",
            },
            {
                "fr": "Implication en amont : reconnaître le travail déjà accompli en impliquant les personnes d'ascendance africaine dès les premiers constats et dès le début des projets.",
                "nl": "Betrokkenheid vanaf het begin: het reeds geleverde werk erkennen door mensen van Afrikaanse afkomst te betrekken vanaf de eerste vaststellingen en vanaf de start van de projecten.",
                "en": "Early involvement: recognise the work already done by involving people of African descent from the first observations and from the very start of projects.",
                "es": "Participación desde el inicio: reconocer el trabajo ya realizado implicando a las personas afrodescendientes desde los primeros diagnósticos y desde el comienzo de los proyectos.",
            },
            {
                "fr": "Cartographie des acteur·ices et implication des initiant·es : prévoir des budgets dans les projets des bailleurs pour cartographier les acteur·ices actif·ves, en impliquant activement celles et ceux qui ont impulsé la dynamique.",
                "nl": "In kaart brengen van de actoren en betrekken van de initiatiefnemers: in de projecten van de financiers budget voorzien om de actieve actoren in kaart te brengen, met actieve betrokkenheid van wie de dynamiek op gang heeft gebracht.",
                "en": "Mapping the actors and involving the initiators: set aside budgets in funders' projects to map the active actors, actively involving those who started the momentum.",
                "es": "Mapeo de los actores e implicación de quienes impulsaron la iniciativa: prever presupuestos en los proyectos de los financiadores para mapear a los actores activos, implicando activamente a quienes pusieron en marcha la dinámica.",
            },
        ],
    },
]
