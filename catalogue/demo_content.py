"""Demo content for the IQ training catalogue.

Pure data: topics, target groups, venues and trainings used to fill a fresh
installation with realistic catalogue entries. Venues are fictional; testimonials
name a role, never a person.
"""

TOPICS = [
    {
        "slug": "intercultural-competence",
        "name_de": "Interkulturelle Kompetenz",
        "name_en": "Intercultural competence",
        "description_de": (
            "Schulungen, die Mitarbeitende und Führungskräfte in Verwaltung und Unternehmen "
            "darin stärken, professionell mit kultureller Vielfalt im Arbeitsalltag umzugehen. "
            "Im Mittelpunkt stehen Wahrnehmung, Kommunikation und die interkulturelle Öffnung "
            "von Organisationen."
        ),
        "description_en": (
            "Trainings that help staff and managers in public administration and companies to "
            "deal confidently with cultural diversity in their everyday work. The focus is on "
            "perception, communication and the intercultural opening of organisations."
        ),
    },
    {
        "slug": "asylum-and-forced-migration",
        "name_de": "Interkulturelle Grundsensibilisierung mit Schwerpunkt Asyl und Fluchtmigration",
        "name_en": "Basic intercultural awareness with a focus on asylum and forced migration",
        "description_de": (
            "Grundlagenwissen zu Flucht, Asylverfahren und Lebenslagen geflüchteter Menschen für "
            "alle, die sie beraten, vermitteln oder beschäftigen. Die Schulungen verbinden "
            "Fachwissen mit der Reflexion der eigenen Praxis."
        ),
        "description_en": (
            "Essential knowledge about forced migration, the asylum procedure and the living "
            "situations of refugees for everyone who advises, places or employs them. The "
            "trainings combine expert knowledge with reflection on participants' own practice."
        ),
    },
    {
        "slug": "anti-discrimination-agg",
        "name_de": "Antidiskriminierung und Allgemeines Gleichbehandlungsgesetz (AGG)",
        "name_en": "Anti-discrimination and the General Equal Treatment Act (AGG)",
        "description_de": (
            "Wie entsteht Diskriminierung, und was verlangt das AGG von Arbeitgebern und "
            "Verwaltungen? Die Schulungen vermitteln rechtliche Grundlagen und praktische Wege "
            "zu diskriminierungsfreien Abläufen."
        ),
        "description_en": (
            "How does discrimination arise, and what does the AGG require of employers and "
            "public bodies? These trainings cover the legal basics and practical ways to make "
            "procedures free of discrimination."
        ),
    },
    {
        "slug": "diversity-management",
        "name_de": "Diversity Management",
        "name_en": "Diversity management",
        "description_de": (
            "Vielfalt als Stärke nutzen: Schulungen zu Dimensionen von Vielfalt, Diversity-Checks, "
            "vielfaltsorientierter Personalarbeit und Organisationsentwicklung."
        ),
        "description_en": (
            "Making diversity a strength: trainings on the dimensions of diversity, diversity "
            "checks, diversity-oriented HR work and organisational development."
        ),
    },
    {
        "slug": "german-at-work",
        "name_de": "Deutsch am Arbeitsplatz",
        "name_en": "German at Work",
        "description_de": (
            "Berufsbezogenes Deutsch direkt im Betrieb: Schulungen für Lehrkräfte, "
            "Personalverantwortliche und Betriebe, die das Sprachlernen in den Arbeitsalltag "
            "integrieren möchten."
        ),
        "description_en": (
            "Work-related German right in the workplace: trainings for language teachers, HR "
            "staff and companies who want to build language learning into everyday work."
        ),
    },
    {
        "slug": "language-sensitive-counselling",
        "name_de": "Sprachsensible Beratung",
        "name_en": "Language-sensitive counselling",
        "description_de": (
            "Beratungsgespräche so führen, dass sie auch bei geringen Deutschkenntnissen "
            "verständlich sind: mit klarer Sprache, visuellen Hilfen und professioneller "
            "Sprachmittlung."
        ),
        "description_en": (
            "Conducting counselling sessions so that they are understandable even for people "
            "with limited German: with clear language, visual aids and professional interpreting."
        ),
    },
]

TARGET_GROUPS = [
    {
        "slug": "jobcentre-staff",
        "name_de": "Mitarbeitende in Jobcentern",
        "name_en": "Job centre staff",
    },
    {
        "slug": "employment-agency-staff",
        "name_de": "Mitarbeitende der Agenturen für Arbeit",
        "name_en": "Employment agency staff",
    },
    {
        "slug": "municipal-administration",
        "name_de": "Kommunalverwaltungen und Ausländerbehörden",
        "name_en": "Municipal administrations and immigration authorities",
    },
    {
        "slug": "managers",
        "name_de": "Führungskräfte",
        "name_en": "Managers",
    },
    {
        "slug": "hr-staff-smes",
        "name_de": "Personalverantwortliche in KMU",
        "name_en": "HR staff in SMEs",
    },
    {
        "slug": "trainers-multipliers",
        "name_de": "Trainerinnen und Trainer, Multiplikatorinnen und Multiplikatoren",
        "name_en": "Trainers and multipliers",
    },
    {
        "slug": "works-councils",
        "name_de": "Betriebs- und Personalräte",
        "name_en": "Works councils and staff councils",
    },
    {
        "slug": "language-teachers",
        "name_de": "Lehrkräfte für berufsbezogenes Deutsch",
        "name_en": "Teachers of work-related German",
    },
]

VENUES = [
    {
        "name": "Seminarhaus am Neckar, Raum Schlossgarten",
        "street": "Neckarstraße 145",
        "postcode": "70190",
        "city": "Stuttgart",
        "state": "BW",
    },
    {
        "name": "Tagungshaus Isarvorstadt, Seminarraum Lech",
        "street": "Lindwurmstraße 88",
        "postcode": "80337",
        "city": "München",
        "state": "BY",
    },
    {
        "name": "Bildungszentrum Südstadt, Seminarraum 4",
        "street": "Allersberger Straße 120",
        "postcode": "90461",
        "city": "Nürnberg",
        "state": "BY",
    },
    {
        "name": "Seminarzentrum Spreebogen, Raum Moabit",
        "street": "Alt-Moabit 96",
        "postcode": "10559",
        "city": "Berlin",
        "state": "BE",
    },
    {
        "name": "Werkstatt für Vielfalt Neukölln, Raum 2",
        "street": "Karl-Marx-Straße 180",
        "postcode": "12043",
        "city": "Berlin",
        "state": "BE",
    },
    {
        "name": "Tagungsraum am Brauhausberg",
        "street": "Heinrich-Mann-Allee 22",
        "postcode": "14473",
        "city": "Potsdam",
        "state": "BB",
    },
    {
        "name": "Bildungszentrum am Hafen, Seminarraum 2",
        "street": "Konsul-Smidt-Straße 20",
        "postcode": "28217",
        "city": "Bremen",
        "state": "HB",
    },
    {
        "name": "Seminarhaus Altona, Raum Elbe",
        "street": "Max-Brauer-Allee 134",
        "postcode": "22765",
        "city": "Hamburg",
        "state": "HH",
    },
    {
        "name": "Tagungszentrum Gallus, Raum 5",
        "street": "Mainzer Landstraße 275",
        "postcode": "60326",
        "city": "Frankfurt am Main",
        "state": "HE",
    },
    {
        "name": "Seminarzentrum Warnowufer, Raum 1",
        "street": "Am Strande 3",
        "postcode": "18055",
        "city": "Rostock",
        "state": "MV",
    },
    {
        "name": "Bildungshaus Linden, Seminarraum Ihme",
        "street": "Limmerstraße 60",
        "postcode": "30451",
        "city": "Hannover",
        "state": "NI",
    },
    {
        "name": "Tagungshaus Deutz, Raum Rhein",
        "street": "Deutz-Mülheimer Straße 50",
        "postcode": "51063",
        "city": "Köln",
        "state": "NW",
    },
    {
        "name": "Bildungszentrum Nordstadt, Seminarraum 3",
        "street": "Mallinckrodtstraße 212",
        "postcode": "44147",
        "city": "Dortmund",
        "state": "NW",
    },
    {
        "name": "Bildungsforum Neustadt, Raum 3",
        "street": "Kaiserstraße 40",
        "postcode": "55116",
        "city": "Mainz",
        "state": "RP",
    },
    {
        "name": "Seminarzentrum am Staden, Raum Saar",
        "street": "Bismarckstraße 39",
        "postcode": "66121",
        "city": "Saarbrücken",
        "state": "SL",
    },
    {
        "name": "Bildungszentrum Plagwitz, Raum 2.04",
        "street": "Karl-Heine-Straße 65",
        "postcode": "04229",
        "city": "Leipzig",
        "state": "SN",
    },
    {
        "name": "Tagungshaus Neustadt, Seminarraum Elbe",
        "street": "Königsbrücker Straße 96",
        "postcode": "01099",
        "city": "Dresden",
        "state": "SN",
    },
    {
        "name": "Seminarhaus am Elbufer, Raum 1",
        "street": "Otto-von-Guericke-Straße 80",
        "postcode": "39104",
        "city": "Magdeburg",
        "state": "ST",
    },
    {
        "name": "Bildungszentrum Förde, Seminarraum 3",
        "street": "Sophienblatt 44",
        "postcode": "24103",
        "city": "Kiel",
        "state": "SH",
    },
    {
        "name": "Tagungszentrum am Anger, Raum 1",
        "street": "Juri-Gagarin-Ring 152",
        "postcode": "99084",
        "city": "Erfurt",
        "state": "TH",
    },
]

TRAININGS = [
    # ------------------------------------------------------------------
    # Interkulturelle Kompetenz / Intercultural competence
    # ------------------------------------------------------------------
    {
        "slug_de": "interkulturelle-kompetenz-im-jobcenter",
        "slug_en": "intercultural-competence-in-the-job-centre",
        "topic": "intercultural-competence",
        "target_groups": ["jobcentre-staff", "employment-agency-staff"],
        "title_de": "Interkulturelle Kompetenz im Jobcenter – Grundlagenschulung",
        "title_en": "Intercultural competence in the job centre – foundation course",
        "summary_de": (
            "Zwei Tage für mehr Sicherheit im Kontakt mit Kundinnen und Kunden unterschiedlicher "
            "Herkunft: Wahrnehmung, Kommunikation und eigene Haltung im Beratungsalltag."
        ),
        "summary_en": (
            "Two days to build confidence when working with customers from diverse backgrounds: "
            "perception, communication and professional attitude in everyday counselling."
        ),
        "intro_de": (
            "Im Jobcenter begegnen sich täglich Menschen mit unterschiedlichen Sprachen, "
            "Lebenswegen und Erwartungen. Diese Grundlagenschulung lädt Mitarbeitende aus "
            "Leistung, Vermittlung und Eingangszone ein, ihre eigene Wahrnehmung zu reflektieren "
            "und Missverständnisse besser einzuordnen. Anhand von Fallbeispielen aus dem "
            "Jobcenter-Alltag erarbeiten die Teilnehmenden, wie kulturelle Prägungen, "
            "Migrationserfahrungen und strukturelle Rahmenbedingungen Gespräche beeinflussen. "
            "Dabei geht es nicht um Länderkunde oder starre Regeln, sondern um eine offene, "
            "professionelle Haltung. Praktische Übungen zur Gesprächsführung helfen, auch in "
            "schwierigen Situationen handlungsfähig zu bleiben und Kundinnen und Kunden auf "
            "Augenhöhe zu begegnen."
        ),
        "intro_en": (
            "Every day, job centres serve people with different languages, life stories and "
            "expectations. This foundation course invites staff from benefits, placement and "
            "reception teams to reflect on their own perceptions and to make better sense of "
            "misunderstandings. Working with case studies drawn from everyday job centre "
            "practice, participants explore how cultural background, experiences of migration "
            "and structural conditions shape conversations. The course is not about country "
            "profiles or rigid rules but about an open, professional attitude. Practical "
            "exercises in conducting conversations help participants stay effective in difficult "
            "situations and meet customers as equals."
        ),
        "objectives_de": [
            "Die eigene kulturelle Prägung und ihre Wirkung im Beratungsgespräch reflektieren",
            "Stereotype und Kulturalisierungen erkennen und vermeiden",
            "Missverständnisse in der Kommunikation einordnen und klären",
            "Gesprächstechniken für interkulturelle Beratungssituationen anwenden",
        ],
        "objectives_en": [
            "Reflect on your own cultural background and its effect in counselling",
            "Recognise and avoid stereotypes and culturalising explanations",
            "Understand and resolve misunderstandings in communication",
            "Apply conversation techniques in intercultural counselling situations",
        ],
        "agenda_de": [
            (
                "Kultur und Wahrnehmung",
                "Was ist Kultur? Übungen zu Wahrnehmung, Bewertung und Perspektivwechsel.",
            ),
            (
                "Migration in Deutschland",
                "Daten, Fakten und Lebenslagen von Kundinnen und Kunden mit Migrationsgeschichte.",
            ),
            (
                "Kommunikation im Beratungsgespräch",
                "Direkte und indirekte Kommunikation, Nähe und Distanz, Umgang mit Missverständnissen.",
            ),
            (
                "Fallarbeit",
                "Situationen aus dem Jobcenter-Alltag analysieren und Handlungsoptionen entwickeln.",
            ),
            ("Transfer in die Praxis", "Vereinbarungen für die eigene Arbeit und das Team."),
        ],
        "agenda_en": [
            (
                "Culture and perception",
                "What is culture? Exercises on perception, judgement and changing perspective.",
            ),
            (
                "Migration in Germany",
                "Facts, figures and the living situations of customers with a migration background.",
            ),
            (
                "Communication in counselling",
                "Direct and indirect communication, closeness and distance, handling misunderstandings.",
            ),
            (
                "Case work",
                "Analysing situations from everyday job centre practice and developing options for action.",
            ),
            ("Putting it into practice", "Agreements for your own work and your team."),
        ],
        "faq_de": [
            (
                "Brauche ich Vorkenntnisse?",
                "Nein. Die Schulung richtet sich an alle Mitarbeitenden im Jobcenter, unabhängig von Funktion und Vorerfahrung.",
            ),
            (
                "Kann die Schulung auch bei uns im Haus stattfinden?",
                "Ja. Neben offenen Terminen bieten wir die Schulung als Inhouse-Veranstaltung für ganze Teams an.",
            ),
        ],
        "faq_en": [
            (
                "Do I need any prior knowledge?",
                "No. The course is open to all job centre staff, whatever their role or experience.",
            ),
            (
                "Can the course take place at our premises?",
                "Yes. In addition to open dates, we offer the course as an in-house training for whole teams.",
            ),
        ],
        "quote_de": (
            "Ich habe gelernt, in schwierigen Gesprächen erst nachzufragen, bevor ich bewerte. "
            "Das entlastet mich und meine Kundinnen und Kunden."
        ),
        "quote_en": (
            "I learned to ask questions before judging in difficult conversations. That takes "
            "the pressure off both me and my customers."
        ),
        "quote_author": "Arbeitsvermittlerin, Jobcenter Leipzig",
        "units": 16,
        "days": 2,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "0.75",
    },
    {
        "slug_de": "interkulturelle-kompetenz-fuer-fuehrungskraefte",
        "slug_en": "intercultural-competence-for-managers",
        "topic": "intercultural-competence",
        "target_groups": ["managers", "hr-staff-smes"],
        "title_de": "Interkulturelle Kompetenz für Führungskräfte",
        "title_en": "Intercultural competence for managers",
        "summary_de": (
            "Vielfältige Teams wirksam führen: Erwartungen an Führung, Feedback und "
            "Konfliktlösung in kulturell gemischten Teams verstehen und gestalten."
        ),
        "summary_en": (
            "Leading diverse teams effectively: understanding and shaping expectations of "
            "leadership, feedback and conflict resolution in culturally mixed teams."
        ),
        "intro_de": (
            "Teams werden vielfältiger – in Verwaltungen ebenso wie in kleinen und mittleren "
            "Unternehmen. Führungskräfte stehen dabei vor der Aufgabe, unterschiedliche "
            "Erwartungen an Hierarchie, Feedback und Zusammenarbeit zusammenzuführen. In dieser "
            "eintägigen Schulung reflektieren die Teilnehmenden ihr eigenes Führungsverständnis "
            "und lernen Modelle kennen, mit denen sich Spannungen im Team besser verstehen "
            "lassen, ohne Menschen auf ihre Herkunft zu reduzieren. Kurze Inputs wechseln sich "
            "mit Fallbesprechungen und kollegialer Beratung ab. Am Ende steht ein persönlicher "
            "Aktionsplan für den eigenen Verantwortungsbereich."
        ),
        "intro_en": (
            "Teams are becoming more diverse, in public administration as well as in small and "
            "medium-sized enterprises. Managers face the task of bringing together different "
            "expectations of hierarchy, feedback and cooperation. In this one-day training, "
            "participants reflect on their own understanding of leadership and learn models that "
            "help them make sense of tensions within a team without reducing people to their "
            "origin. Short inputs alternate with case discussions and peer consultation. "
            "Participants leave with a personal action plan for their own area of responsibility."
        ),
        "objectives_de": [
            "Das eigene Führungsverständnis kulturreflexiv betrachten",
            "Unterschiedliche Erwartungen an Führung und Feedback erkennen",
            "Konflikte in vielfältigen Teams frühzeitig ansprechen",
            "Einen Aktionsplan für das eigene Team entwickeln",
        ],
        "objectives_en": [
            "Look at your own understanding of leadership with cultural awareness",
            "Recognise different expectations of leadership and feedback",
            "Address conflicts in diverse teams at an early stage",
            "Develop an action plan for your own team",
        ],
        "agenda_de": [
            (
                "Führung im Wandel",
                "Vielfalt in Teams als Realität und Chance – ein Blick auf die eigene Organisation.",
            ),
            (
                "Modelle und ihre Grenzen",
                "Kulturdimensionen kritisch betrachtet: Orientierung statt Schubladen.",
            ),
            (
                "Feedback und Konflikte",
                "Rückmeldungen so geben, dass sie ankommen; Konflikte früh erkennen.",
            ),
            (
                "Kollegiale Beratung",
                "Aktuelle Führungssituationen der Teilnehmenden in Kleingruppen bearbeiten.",
            ),
        ],
        "agenda_en": [
            (
                "Leadership in transition",
                "Diversity in teams as a reality and an opportunity – a look at your own organisation.",
            ),
            (
                "Models and their limits",
                "A critical look at cultural dimensions: orientation rather than pigeonholes.",
            ),
            (
                "Feedback and conflict",
                "Giving feedback that gets through; spotting conflicts early.",
            ),
            (
                "Peer consultation",
                "Working on participants' current leadership situations in small groups.",
            ),
        ],
        "faq_de": [
            (
                "Ist die Schulung auch für Teamleitungen ohne Personalverantwortung geeignet?",
                "Ja, sie richtet sich an alle, die Teams anleiten oder koordinieren.",
            ),
            (
                "Was kostet die Teilnahme?",
                "Für Verwaltungen ist die Teilnahme kostenfrei. Unternehmen zahlen eine Teilnahmegebühr, die Verpflegung und Unterlagen einschließt.",
            ),
        ],
        "faq_en": [
            (
                "Is the training suitable for team leads without line-management responsibility?",
                "Yes, it is aimed at everyone who leads or coordinates a team.",
            ),
            (
                "How much does it cost?",
                "Participation is free for public administrations. Companies pay a fee that includes catering and materials.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 1,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 14,
        "price_administration": "0.00",
        "price_companies": "290.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "interkulturelle-oeffnung-der-verwaltung",
        "slug_en": "intercultural-opening-of-public-administration",
        "topic": "intercultural-competence",
        "target_groups": ["municipal-administration", "managers"],
        "title_de": "Interkulturelle Öffnung der Verwaltung",
        "title_en": "Intercultural opening of public administration",
        "summary_de": (
            "Wie wird eine Behörde zugänglicher für alle Bürgerinnen und Bürger? Die Schulung "
            "verbindet Haltung, Prozesse und Personalentwicklung zu einem Fahrplan."
        ),
        "summary_en": (
            "How can a public authority become more accessible to all residents? This training "
            "links attitude, processes and staff development into a practical roadmap."
        ),
        "intro_de": (
            "Interkulturelle Öffnung ist mehr als eine Fortbildung für einzelne Mitarbeitende: "
            "Sie betrifft Leitbild, Abläufe, Personalgewinnung und die Zusammenarbeit mit "
            "Migrantenorganisationen vor Ort. Diese Schulung richtet sich an Kommunalverwaltungen "
            "und Ausländerbehörden, die ihre Angebote systematisch für eine vielfältige "
            "Bevölkerung weiterentwickeln wollen. Gemeinsam analysieren die Teilnehmenden den "
            "Ist-Stand ihrer Organisation, lernen gelungene Beispiele aus anderen Kommunen kennen "
            "und entwickeln erste Maßnahmen. Der erste Tag findet vor Ort statt. Nach einer "
            "Praxisphase, in der die Teilnehmenden eine kleine Veränderung im eigenen Bereich "
            "erproben, dient ein zweiter Tag online dem Austausch über die Erfahrungen."
        ),
        "intro_en": (
            "Intercultural opening is more than a training course for individual staff members: "
            "it concerns an organisation's mission, procedures, recruitment and cooperation with "
            "local migrant organisations. This training is for municipal administrations and "
            "immigration authorities that want to develop their services systematically for a "
            "diverse population. Together, participants analyse where their organisation "
            "currently stands, learn from successful examples in other municipalities and "
            "develop first measures. The first day takes place on site. After a practice phase in "
            "which participants try out a small change in their own area, a second day online is "
            "used to share experiences."
        ),
        "objectives_de": [
            "Interkulturelle Öffnung als Organisationsentwicklung verstehen",
            "Den Ist-Stand der eigenen Behörde einschätzen",
            "Gute Praxis aus anderen Kommunen übertragen",
            "Erste Maßnahmen planen und Verantwortlichkeiten festlegen",
        ],
        "objectives_en": [
            "Understand intercultural opening as organisational development",
            "Assess where your own authority currently stands",
            "Adapt good practice from other municipalities",
            "Plan first measures and agree on responsibilities",
        ],
        "agenda_de": [
            (
                "Warum Öffnung?",
                "Rechtlicher Rahmen, demografische Entwicklung und Erwartungen der Bürgerinnen und Bürger.",
            ),
            (
                "Bestandsaufnahme",
                "Zugänge, Formulare, Wartebereiche und Personal mit einem einfachen Check prüfen.",
            ),
            (
                "Gute Praxis",
                "Beispiele aus Ausländerbehörden und Bürgerämtern, die sich auf den Weg gemacht haben.",
            ),
            ("Praxisphase", "Eine kleine Veränderung im eigenen Bereich erproben."),
            (
                "Auswertung und Fahrplan",
                "Erfahrungen austauschen, nächste Schritte und Zuständigkeiten festlegen.",
            ),
        ],
        "agenda_en": [
            ("Why open up?", "Legal framework, demographic change and what residents expect."),
            (
                "Taking stock",
                "Checking access, forms, waiting areas and staffing with a simple tool.",
            ),
            (
                "Good practice",
                "Examples from immigration authorities and citizens' offices that have started the journey.",
            ),
            ("Practice phase", "Trying out a small change in your own area."),
            (
                "Review and roadmap",
                "Sharing experiences and agreeing on next steps and responsibilities.",
            ),
        ],
        "faq_de": [
            (
                "Wer sollte aus unserer Behörde teilnehmen?",
                "Idealerweise eine Mischung aus Leitungskräften und Mitarbeitenden mit Publikumsverkehr, damit Ergebnisse direkt umgesetzt werden können.",
            ),
            (
                "Warum findet der zweite Tag online statt?",
                "Der zweite Tag nach der Praxisphase dient der Auswertung. Online spart er allen Beteiligten eine weitere Anreise.",
            ),
        ],
        "faq_en": [
            (
                "Who from our authority should take part?",
                "Ideally a mix of managers and front-line staff, so that results can be put into practice straight away.",
            ),
            (
                "Why is the second day held online?",
                "The second day after the practice phase is used for the review. Holding it online saves everyone a further journey.",
            ),
        ],
        "quote_de": (
            "Wir haben unsere Wartebereiche und Einladungsschreiben mit neuen Augen gesehen. "
            "Zwei Änderungen haben wir schon in der Praxisphase umgesetzt."
        ),
        "quote_en": (
            "We looked at our waiting areas and invitation letters with fresh eyes. We put two "
            "changes into practice during the practice phase itself."
        ),
        "quote_author": "Sachgebietsleiter, Ausländerbehörde einer Großstadt in Hessen",
        "units": 16,
        "days": 2,
        "format": "hybrid",
        "delivery": "inhouse",
        "languages": ["de"],
        "capacity": 18,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "0.75",
    },
    {
        "slug_de": "interkulturelle-kommunikation-im-kundenkontakt",
        "slug_en": "intercultural-communication-with-customers",
        "topic": "intercultural-competence",
        "target_groups": ["jobcentre-staff", "employment-agency-staff", "municipal-administration"],
        "title_de": "Interkulturelle Kommunikation im Kundenkontakt",
        "title_en": "Intercultural communication with customers",
        "summary_de": (
            "Online-Schulung in zwei Modulen: Gespräche am Telefon, am Schalter und in der "
            "Beratung klar, respektvoll und wirksam führen."
        ),
        "summary_en": (
            "Online training in two modules: conducting conversations on the phone, at the "
            "counter and in counselling clearly, respectfully and effectively."
        ),
        "intro_de": (
            "Ob am Telefon, in der Eingangszone oder im Beratungszimmer: Kommunikation "
            "entscheidet darüber, ob Kundinnen und Kunden Informationen verstehen und Termine "
            "wahrnehmen. Diese Online-Schulung beleuchtet, wie unterschiedliche "
            "Kommunikationsstile, Sprachkenntnisse und Erfahrungen mit Behörden Gespräche prägen. "
            "Die Teilnehmenden üben in kleinen Gruppen, Anliegen zu klären, schwierige "
            "Nachrichten verständlich zu überbringen und mit Emotionen umzugehen. Die beiden "
            "Module finden an zwei Vormittagen statt, sodass sich die Schulung gut in den "
            "Arbeitsalltag einfügt. Eine stabile Internetverbindung, Kamera und Mikrofon werden "
            "vorausgesetzt."
        ),
        "intro_en": (
            "Whether on the phone, at reception or in a counselling room, communication "
            "determines whether customers understand information and keep their appointments. "
            "This online training looks at how different communication styles, language skills "
            "and previous experiences with authorities shape conversations. In small groups, "
            "participants practise clarifying concerns, delivering difficult news in an "
            "understandable way and dealing with emotions. The two modules take place on two "
            "mornings, so the training fits easily into the working week. A stable internet "
            "connection, a camera and a microphone are required."
        ),
        "objectives_de": [
            "Kommunikationsstile erkennen und flexibel darauf eingehen",
            "Informationen und Entscheidungen verständlich vermitteln",
            "Mit Ärger, Angst und Enttäuschung im Gespräch professionell umgehen",
        ],
        "objectives_en": [
            "Recognise communication styles and respond flexibly",
            "Explain information and decisions in an understandable way",
            "Handle anger, anxiety and disappointment professionally in conversations",
        ],
        "agenda_de": [
            (
                "Modul 1: Verstehen und verstanden werden",
                "Kommunikationsstile, Erwartungen an Behörden, aktives Zuhören.",
            ),
            (
                "Übungen in Kleingruppen",
                "Typische Gesprächssituationen in Breakout-Räumen erproben.",
            ),
            (
                "Modul 2: Schwierige Gespräche",
                "Ablehnungen erklären, Emotionen auffangen, Gespräche gut abschließen.",
            ),
        ],
        "agenda_en": [
            (
                "Module 1: Understanding and being understood",
                "Communication styles, expectations of authorities, active listening.",
            ),
            ("Small-group exercises", "Trying out typical conversations in breakout rooms."),
            (
                "Module 2: Difficult conversations",
                "Explaining refusals, dealing with emotions, ending conversations well.",
            ),
        ],
        "faq_de": [
            (
                "Welche Software wird genutzt?",
                "Sie erhalten vorab einen Link zu einem gängigen Videokonferenzsystem; eine Installation ist in der Regel nicht nötig.",
            ),
            (
                "Muss ich an beiden Modulen teilnehmen?",
                "Für die Teilnahmebescheinigung ist die Teilnahme an beiden Modulen erforderlich.",
            ),
        ],
        "faq_en": [
            (
                "Which software is used?",
                "You will receive a link to a common video conferencing system in advance; usually nothing needs to be installed.",
            ),
            (
                "Do I have to attend both modules?",
                "You need to attend both modules to receive a certificate of attendance.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 2,
        "format": "online",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 15,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "interkulturelle-teams-in-kmu",
        "slug_en": "intercultural-teams-in-smes",
        "topic": "intercultural-competence",
        "target_groups": ["hr-staff-smes", "managers", "works-councils"],
        "title_de": "Interkulturelle Teams in kleinen und mittleren Unternehmen",
        "title_en": "Intercultural teams in small and medium-sized enterprises",
        "summary_de": (
            "Neue Fachkräfte aus dem Ausland gut einarbeiten und Zusammenarbeit im Team "
            "stärken – praxisnah für Betriebe aus Handwerk, Pflege, Industrie und Dienstleistung."
        ),
        "summary_en": (
            "Onboarding skilled workers from abroad and strengthening teamwork – hands-on for "
            "businesses in crafts, care, manufacturing and services."
        ),
        "intro_de": (
            "Viele kleine und mittlere Unternehmen gewinnen Fachkräfte aus dem Ausland oder "
            "bilden Geflüchtete aus. Damit die Zusammenarbeit gelingt, braucht es eine gute "
            "Einarbeitung, klare Kommunikation und ein Team, das Neue willkommen heißt. Die "
            "Schulung vermittelt an eineinhalb Tagen praxisnahes Wissen für "
            "Personalverantwortliche, Führungskräfte und Betriebsräte: von der Vorbereitung des "
            "ersten Arbeitstags über Arbeitsanweisungen, die alle verstehen, bis zum Umgang mit "
            "Konflikten im Team. Die Teilnehmenden bringen eigene Fragen mit und entwickeln "
            "einen Einarbeitungsplan für ihren Betrieb. Auf Wunsch kann die Schulung teilweise "
            "auf Englisch stattfinden."
        ),
        "intro_en": (
            "Many small and medium-sized enterprises recruit skilled workers from abroad or "
            "train refugees as apprentices. For cooperation to work, they need good onboarding, "
            "clear communication and a team that welcomes newcomers. Over one and a half days, "
            "this training gives HR staff, managers and works council members practical "
            "knowledge: from preparing the first working day and writing work instructions that "
            "everyone understands to dealing with conflict in the team. Participants bring their "
            "own questions and develop an onboarding plan for their business. On request, parts "
            "of the training can be held in English."
        ),
        "objectives_de": [
            "Einarbeitung für internationale Fachkräfte strukturiert planen",
            "Arbeitsanweisungen und Sicherheitsunterweisungen verständlich gestalten",
            "Das bestehende Team auf neue Kolleginnen und Kollegen vorbereiten",
            "Konflikte im Team konstruktiv bearbeiten",
        ],
        "objectives_en": [
            "Plan the onboarding of international skilled workers systematically",
            "Make work and safety instructions easy to understand",
            "Prepare the existing team for new colleagues",
            "Deal with conflicts in the team constructively",
        ],
        "agenda_de": [
            (
                "Ankommen im Betrieb",
                "Was neue Fachkräfte in den ersten Wochen brauchen – fachlich, sprachlich und sozial.",
            ),
            (
                "Verständlich anleiten",
                "Arbeitsanweisungen, Unterweisungen und Dokumentation mit einfachen Mitteln verbessern.",
            ),
            ("Das Team mitnehmen", "Patenschaften, Teamgespräche und der Umgang mit Vorbehalten."),
            ("Konflikte klären", "Missverständnisse und Konflikte erkennen, ansprechen und lösen."),
            ("Einarbeitungsplan", "Einen Plan für den eigenen Betrieb entwerfen und besprechen."),
        ],
        "agenda_en": [
            (
                "Arriving in the company",
                "What new skilled workers need in their first weeks – professionally, linguistically and socially.",
            ),
            (
                "Giving clear instructions",
                "Improving work instructions, safety briefings and documentation with simple means.",
            ),
            (
                "Bringing the team along",
                "Buddy schemes, team meetings and dealing with reservations.",
            ),
            (
                "Resolving conflicts",
                "Recognising, addressing and resolving misunderstandings and conflicts.",
            ),
            ("Onboarding plan", "Drafting and discussing a plan for your own business."),
        ],
        "faq_de": [
            (
                "Warum ist die Schulung für Unternehmen kostenpflichtig?",
                "Für Unternehmen wird ein Eigenanteil erhoben; Verwaltungen nehmen kostenfrei teil. Sprechen Sie uns an, wenn Ihr Betrieb eine Ermäßigung benötigt.",
            ),
            (
                "Können mehrere Personen aus einem Betrieb teilnehmen?",
                "Ja, das ist sogar empfehlenswert, weil der Einarbeitungsplan dann gemeinsam entsteht.",
            ),
        ],
        "faq_en": [
            (
                "Why do companies pay for this training?",
                "Companies pay a contribution; public administrations take part free of charge. Please contact us if your business needs a reduced rate.",
            ),
            (
                "Can several people from one company take part?",
                "Yes, and we recommend it, because the onboarding plan can then be developed together.",
            ),
        ],
        "quote_de": (
            "Unsere Sicherheitsunterweisung ist jetzt bebildert und in einfacher Sprache. Das "
            "hilft nicht nur den neuen Kollegen aus dem Ausland."
        ),
        "quote_en": (
            "Our safety briefing now has pictures and uses plain language. That helps not only "
            "our new colleagues from abroad."
        ),
        "quote_author": "Personalleiterin, Metallbaubetrieb in Niedersachsen",
        "units": 12,
        "days": 2,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de", "en"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "390.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "train-the-trainer-interkulturelle-kompetenz",
        "slug_en": "train-the-trainer-intercultural-competence",
        "topic": "intercultural-competence",
        "target_groups": ["trainers-multipliers"],
        "title_de": "Train the Trainer: Interkulturelle Kompetenz vermitteln",
        "title_en": "Train the trainer: teaching intercultural competence",
        "summary_de": (
            "Dreitägige Qualifizierung für Trainerinnen und Trainer, die interkulturelle "
            "Schulungen für Arbeitsverwaltung, Kommunen und Unternehmen im IQ Netzwerk "
            "durchführen möchten."
        ),
        "summary_en": (
            "Three-day qualification for trainers who want to run intercultural trainings for "
            "labour administrations, municipalities and companies in the IQ network."
        ),
        "intro_de": (
            "Gute interkulturelle Schulungen vermeiden Stereotype, arbeiten mit den Erfahrungen "
            "der Teilnehmenden und berücksichtigen die strukturellen Bedingungen von "
            "Verwaltungen und Betrieben. Diese Qualifizierung macht Trainerinnen, Trainer und "
            "Multiplikatorinnen, Multiplikatoren mit den Qualitätsstandards und Curricula des IQ "
            "Netzwerks vertraut. Die Teilnehmenden erproben Methoden, erhalten Rückmeldung auf "
            "eigene Übungssequenzen und reflektieren ihre Rolle als Trainerin oder Trainer. "
            "Besonderes Augenmerk liegt auf dem Umgang mit Widerständen und diskriminierenden "
            "Äußerungen in Gruppen. Die vollständige Teilnahme ist Voraussetzung für die "
            "Zertifizierung als IQ-Trainerin oder IQ-Trainer."
        ),
        "intro_en": (
            "Good intercultural trainings avoid stereotypes, build on participants' experience "
            "and take into account the structural conditions of public bodies and businesses. "
            "This qualification introduces trainers and multipliers to the quality standards and "
            "curricula of the IQ network. Participants try out methods, receive feedback on "
            "short training sequences of their own and reflect on their role as a trainer. "
            "Particular attention is paid to handling resistance and discriminatory remarks in "
            "groups. Full attendance is required for certification as an IQ trainer."
        ),
        "objectives_de": [
            "Qualitätsstandards und Curricula des IQ Netzwerks kennen und anwenden",
            "Kulturreflexive Methoden sicher anleiten",
            "Mit Widerständen und diskriminierenden Äußerungen in Gruppen umgehen",
            "Die eigene Rolle und Positionierung als Trainerin oder Trainer reflektieren",
            "Eine Schulungssequenz planen, durchführen und auswerten",
        ],
        "objectives_en": [
            "Know and apply the IQ network's quality standards and curricula",
            "Facilitate culturally reflective methods with confidence",
            "Handle resistance and discriminatory remarks in groups",
            "Reflect on your own role and position as a trainer",
            "Plan, deliver and evaluate a training sequence",
        ],
        "agenda_de": [
            (
                "Tag 1: Grundlagen und Standards",
                "Kulturbegriffe, Qualitätsstandards, Aufbau der IQ-Curricula.",
            ),
            (
                "Tag 2: Methodenwerkstatt",
                "Übungen zu Wahrnehmung, Perspektivwechsel und Kommunikation anleiten und auswerten.",
            ),
            (
                "Tag 2: Schwierige Situationen",
                "Widerstände, Provokationen und diskriminierende Äußerungen im Seminar.",
            ),
            (
                "Tag 3: Lehrproben",
                "Eigene Sequenzen durchführen und kollegiales Feedback erhalten.",
            ),
            (
                "Tag 3: Zertifizierung und Vernetzung",
                "Abschlussgespräch, Einsatzplanung und Austausch im Trainerpool.",
            ),
        ],
        "agenda_en": [
            (
                "Day 1: Foundations and standards",
                "Concepts of culture, quality standards and structure of the IQ curricula.",
            ),
            (
                "Day 2: Methods workshop",
                "Facilitating and debriefing exercises on perception, changing perspective and communication.",
            ),
            (
                "Day 2: Difficult situations",
                "Resistance, provocation and discriminatory remarks in the seminar room.",
            ),
            (
                "Day 3: Teaching practice",
                "Delivering your own sequences and receiving peer feedback.",
            ),
            (
                "Day 3: Certification and networking",
                "Final review, planning assignments and exchange within the trainer pool.",
            ),
        ],
        "faq_de": [
            (
                "Welche Voraussetzungen brauche ich?",
                "Sie sollten Erfahrung in der Erwachsenenbildung und Grundkenntnisse zu Migration und interkultureller Kommunikation mitbringen.",
            ),
            (
                "Was passiert nach der Zertifizierung?",
                "Zertifizierte Trainerinnen und Trainer können in den Trainerpool ihres IQ Landesnetzwerks aufgenommen und für Schulungen eingesetzt werden.",
            ),
            (
                "Warum ist eine vollständige Teilnahme nötig?",
                "Die Lehrproben am dritten Tag bauen auf den ersten beiden Tagen auf und sind Teil der Zertifizierung.",
            ),
        ],
        "faq_en": [
            (
                "What do I need to take part?",
                "You should have experience in adult education and a basic knowledge of migration and intercultural communication.",
            ),
            (
                "What happens after certification?",
                "Certified trainers can join the trainer pool of their IQ state network and be assigned to trainings.",
            ),
            (
                "Why is full attendance required?",
                "The teaching practice on day three builds on the first two days and is part of the certification.",
            ),
        ],
        "quote_de": (
            "Die Lehrproben waren anstrengend, aber unglaublich hilfreich. Ich gehe jetzt viel "
            "gelassener mit kritischen Fragen im Seminar um."
        ),
        "quote_en": (
            "The teaching practice was demanding but incredibly helpful. I now handle critical "
            "questions in the seminar much more calmly."
        ),
        "quote_author": "Freiberufliche Trainerin, IQ Landesnetzwerk Bayern",
        "units": 24,
        "days": 3,
        "format": "in_person",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 14,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "interkulturelle-kompetenz-kompakt",
        "slug_en": "intercultural-competence-in-brief",
        "topic": "intercultural-competence",
        "target_groups": ["hr-staff-smes", "managers", "jobcentre-staff"],
        "title_de": "Interkulturelle Kompetenz kompakt: Wahrnehmung, Kommunikation, Zusammenarbeit",
        "title_en": "Intercultural competence in brief: perception, communication, cooperation",
        "summary_de": (
            "Ein halber Tag online als Einstieg ins Thema: zentrale Begriffe, typische "
            "Stolpersteine und erste Handlungsideen für den Arbeitsalltag."
        ),
        "summary_en": (
            "A half-day online introduction: key concepts, typical pitfalls and first ideas for "
            "everyday work."
        ),
        "intro_de": (
            "Nicht alle haben Zeit für eine mehrtägige Schulung. Dieses kompakte Online-Format "
            "bietet einen fundierten Einstieg in das Thema interkulturelle Kompetenz und richtet "
            "sich an Mitarbeitende aus Verwaltungen und Unternehmen gleichermaßen. In vier "
            "Unterrichtseinheiten geht es um die Frage, was wir unter Kultur verstehen, wie "
            "Wahrnehmung und Vorannahmen unser Handeln prägen und was gute Zusammenarbeit in "
            "vielfältigen Kontexten ausmacht. Kurze Impulse, Umfragen und Austausch in "
            "Kleingruppen sorgen für Abwechslung. Die Schulung wird regelmäßig auch auf Englisch "
            "angeboten, etwa für internationale Teams."
        ),
        "intro_en": (
            "Not everyone has time for a training course lasting several days. This compact "
            "online format offers a sound introduction to intercultural competence for staff "
            "from both public administration and companies. Over four teaching units, "
            "participants consider what we mean by culture, how perception and assumptions shape "
            "our actions and what makes cooperation work in diverse settings. Short inputs, polls "
            "and small-group discussions keep the session varied. The training is also offered "
            "regularly in English, for example for international teams."
        ),
        "objectives_de": [
            "Einen dynamischen Kulturbegriff kennen",
            "Die Wirkung von Vorannahmen im Arbeitsalltag erkennen",
            "Erste Strategien für gelingende Zusammenarbeit ableiten",
        ],
        "objectives_en": [
            "Understand a dynamic concept of culture",
            "Recognise how assumptions affect everyday work",
            "Identify first strategies for successful cooperation",
        ],
        "agenda_de": [
            ("Was ist Kultur?", "Vom Eisberg zum dynamischen Kulturbegriff."),
            ("Wahrnehmung und Vorannahmen", "Kurze Übungen und Reflexion in Kleingruppen."),
            ("Zusammenarbeit gestalten", "Praxisideen für Kommunikation und Teamarbeit."),
        ],
        "agenda_en": [
            ("What is culture?", "From the iceberg model to a dynamic understanding of culture."),
            ("Perception and assumptions", "Short exercises and reflection in small groups."),
            ("Shaping cooperation", "Practical ideas for communication and teamwork."),
        ],
        "faq_de": [
            (
                "Ist das Format ein Ersatz für die Grundlagenschulung?",
                "Nein, es ist ein Einstieg. Wer tiefer einsteigen möchte, findet im Katalog mehrtägige Schulungen.",
            ),
            (
                "In welcher Sprache findet die Schulung statt?",
                "Die Termine werden auf Deutsch oder Englisch angeboten; die Sprache ist beim jeweiligen Termin angegeben.",
            ),
        ],
        "faq_en": [
            (
                "Does this replace the foundation course?",
                "No, it is an introduction. If you want to go deeper, you will find multi-day trainings in the catalogue.",
            ),
            (
                "Which language is the training held in?",
                "Dates are offered in German or English; the language is shown for each date.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 4,
        "days": 1,
        "format": "online",
        "delivery": "open",
        "languages": ["de", "en"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    # ------------------------------------------------------------------
    # Asyl und Fluchtmigration / Asylum and forced migration
    # ------------------------------------------------------------------
    {
        "slug_de": "grundsensibilisierung-asyl-und-fluchtmigration",
        "slug_en": "basic-awareness-asylum-and-forced-migration",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["jobcentre-staff", "employment-agency-staff", "municipal-administration"],
        "title_de": "Interkulturelle Grundsensibilisierung mit Schwerpunkt Asyl und Fluchtmigration",
        "title_en": "Basic intercultural awareness with a focus on asylum and forced migration",
        "summary_de": (
            "Die eintägige Basisschulung des IQ Netzwerks: Fluchtursachen, Asylverfahren, "
            "Lebenslagen Geflüchteter und die eigene Rolle in Beratung und Vermittlung."
        ),
        "summary_en": (
            "The IQ network's one-day core training: causes of flight, the asylum procedure, "
            "refugees' living situations and your own role in counselling and placement."
        ),
        "intro_de": (
            "Mitarbeitende in Jobcentern, Agenturen für Arbeit und Kommunen beraten täglich "
            "Menschen, die nach Deutschland geflüchtet sind. Diese Basisschulung vermittelt "
            "kompaktes Grundlagenwissen: Warum fliehen Menschen, wie läuft ein Asylverfahren ab "
            "und welche Folgen hat der Aufenthaltsstatus für den Zugang zu Arbeit und "
            "Ausbildung? Gleichzeitig reflektieren die Teilnehmenden, welche Bilder von "
            "Geflüchteten sie selbst mitbringen und wie diese das Beratungsgespräch beeinflussen "
            "können. Fallbeispiele aus der Praxis zeigen, wie Vertrauen entsteht und wo "
            "Unterstützung durch andere Stellen sinnvoll ist. Die Schulung ist der Einstieg in "
            "weitere Angebote zum Themenschwerpunkt."
        ),
        "intro_en": (
            "Staff in job centres, employment agencies and municipalities advise people who have "
            "fled to Germany every day. This core training provides compact essential knowledge: "
            "why do people flee, how does the asylum procedure work, and what does residence "
            "status mean for access to work and vocational training? At the same time, "
            "participants reflect on the images of refugees they bring with them and how these "
            "can influence a counselling session. Case studies from practice show how trust is "
            "built and when it makes sense to involve other services. The training is the "
            "starting point for further courses on this topic."
        ),
        "objectives_de": [
            "Fluchtursachen und Fluchtwege in Grundzügen kennen",
            "Den Ablauf des Asylverfahrens und die wichtigsten Aufenthaltstitel einordnen",
            "Eigene Bilder von Geflüchteten reflektieren",
            "Vertrauensvolle Beratungsbeziehungen gestalten",
            "Unterstützungsangebote vor Ort kennen und einbeziehen",
        ],
        "objectives_en": [
            "Understand the main causes of flight and routes taken",
            "Place the asylum procedure and the main residence titles in context",
            "Reflect on your own images of refugees",
            "Build trusting counselling relationships",
            "Know local support services and involve them",
        ],
        "agenda_de": [
            (
                "Flucht weltweit und in Deutschland",
                "Zahlen, Ursachen und Wege – ein Überblick ohne Vereinfachungen.",
            ),
            (
                "Das Asylverfahren",
                "Von der Registrierung bis zur Entscheidung; Aufenthaltsgestattung, Duldung und Aufenthaltserlaubnis.",
            ),
            (
                "Lebenslagen Geflüchteter",
                "Unterbringung, Familie, Unsicherheit und ihre Auswirkungen auf Beratung und Arbeitssuche.",
            ),
            ("Perspektivwechsel", "Übung und Reflexion zu eigenen Bildern und Erwartungen."),
            (
                "Beratung gestalten",
                "Fallbeispiele, Vertrauensaufbau und Zusammenarbeit mit Migrationsberatung und Ehrenamt.",
            ),
        ],
        "agenda_en": [
            (
                "Forced migration worldwide and in Germany",
                "Figures, causes and routes – an overview without oversimplification.",
            ),
            (
                "The asylum procedure",
                "From registration to decision; permission to remain, toleration and residence permits.",
            ),
            (
                "Refugees' living situations",
                "Housing, family, uncertainty and their effects on counselling and job search.",
            ),
            (
                "Changing perspective",
                "An exercise and reflection on your own images and expectations.",
            ),
            (
                "Shaping counselling",
                "Case studies, building trust and working with migration advice services and volunteers.",
            ),
        ],
        "faq_de": [
            (
                "Ist die Schulung auch für erfahrene Kolleginnen und Kollegen sinnvoll?",
                "Ja. Viele Teilnehmende schätzen gerade den Austausch über Fälle und den aktuellen Stand der Rahmenbedingungen.",
            ),
            (
                "Wird die Schulung regelmäßig angeboten?",
                "Ja, sie gehört zu den am häufigsten durchgeführten Schulungen im IQ Netzwerk und findet in allen Bundesländern statt.",
            ),
        ],
        "faq_en": [
            (
                "Is the training useful for experienced colleagues too?",
                "Yes. Many participants particularly value the discussion of cases and the update on the current framework.",
            ),
            (
                "Is the training offered regularly?",
                "Yes, it is one of the most frequently delivered trainings in the IQ network and takes place in every federal state.",
            ),
        ],
        "quote_de": (
            "Endlich habe ich verstanden, was hinter den verschiedenen Aufenthaltspapieren "
            "steckt – und warum manche Kundinnen und Kunden so verunsichert sind."
        ),
        "quote_en": (
            "I finally understood what the different residence documents mean – and why some "
            "customers feel so uncertain."
        ),
        "quote_author": "Fallmanager, Jobcenter in Sachsen-Anhalt",
        "units": 8,
        "days": 1,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "aufenthaltsrecht-und-arbeitsmarktzugang",
        "slug_en": "residence-law-and-labour-market-access",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["jobcentre-staff", "employment-agency-staff", "hr-staff-smes"],
        "title_de": "Aufenthaltsrecht und Arbeitsmarktzugang für Geflüchtete",
        "title_en": "Residence law and labour market access for refugees",
        "summary_de": (
            "Wer darf arbeiten, wer eine Ausbildung beginnen? Zwei Online-Vormittage zu "
            "Aufenthaltsstatus, Beschäftigungserlaubnis und Zusammenarbeit mit der "
            "Ausländerbehörde."
        ),
        "summary_en": (
            "Who may work, and who may start vocational training? Two online mornings on "
            "residence status, work permission and cooperation with the immigration authority."
        ),
        "intro_de": (
            "Die Frage, ob und unter welchen Bedingungen geflüchtete Menschen arbeiten oder eine "
            "Ausbildung aufnehmen dürfen, beschäftigt Vermittlungsfachkräfte und Betriebe "
            "gleichermaßen. Die rechtlichen Regelungen sind komplex und ändern sich häufig. "
            "Diese Online-Schulung gibt einen verständlichen Überblick über die wichtigsten "
            "Aufenthaltsstatus und ihre Bedeutung für den Arbeitsmarktzugang. Die "
            "Teilnehmenden lernen, Aufenthaltsdokumente zu lesen, typische Fragen richtig "
            "zuzuordnen und die zuständigen Stellen einzubeziehen. Die Schulung ersetzt keine "
            "Rechtsberatung im Einzelfall, schafft aber Sicherheit im Alltag und arbeitet "
            "stets mit dem aktuellen Stand der Gesetzgebung."
        ),
        "intro_en": (
            "Whether, and under what conditions, refugees may work or start vocational training "
            "is a question that concerns placement officers and businesses alike. The legal "
            "rules are complex and change frequently. This online training gives a clear "
            "overview of the main types of residence status and what they mean for access to "
            "the labour market. Participants learn to read residence documents, to sort typical "
            "questions correctly and to involve the responsible authorities. The training does "
            "not replace legal advice in individual cases, but it builds confidence in everyday "
            "work and always reflects the current state of the law."
        ),
        "objectives_de": [
            "Die wichtigsten Aufenthaltsstatus und ihre Nebenbestimmungen kennen",
            "Aufenthaltsdokumente lesen und richtig interpretieren",
            "Wege zur Beschäftigungserlaubnis und zur Ausbildung erläutern",
            "Zuständigkeiten von Ausländerbehörde und Agentur für Arbeit unterscheiden",
        ],
        "objectives_en": [
            "Know the main types of residence status and their conditions",
            "Read and correctly interpret residence documents",
            "Explain the routes to work permission and vocational training",
            "Distinguish the responsibilities of the immigration authority and the employment agency",
        ],
        "agenda_de": [
            (
                "Überblick Aufenthaltsstatus",
                "Aufenthaltsgestattung, Duldung, Aufenthaltserlaubnis und Niederlassungserlaubnis im Vergleich.",
            ),
            ("Dokumente lesen", "Was steht wo? Übungen mit anonymisierten Musterdokumenten."),
            (
                "Beschäftigung und Ausbildung",
                "Beschäftigungserlaubnis, Zustimmung der Bundesagentur für Arbeit und Ausbildungsduldung.",
            ),
            ("Fragen aus der Praxis", "Fälle der Teilnehmenden und aktuelle Änderungen."),
        ],
        "agenda_en": [
            (
                "Overview of residence status",
                "Permission to remain, toleration, residence permit and settlement permit compared.",
            ),
            (
                "Reading documents",
                "What is written where? Exercises with anonymised sample documents.",
            ),
            (
                "Employment and vocational training",
                "Work permission, approval by the Federal Employment Agency and toleration for training.",
            ),
            ("Questions from practice", "Participants' cases and recent changes."),
        ],
        "faq_de": [
            (
                "Bekomme ich Unterlagen zum Nachlesen?",
                "Ja, Sie erhalten eine Übersicht und eine Linkliste zu verlässlichen Informationsquellen, die regelmäßig aktualisiert wird.",
            ),
            (
                "Kann ich eigene Fälle mitbringen?",
                "Gern – bitte anonymisiert. Im letzten Teil der Schulung ist Zeit für Fragen aus der Praxis.",
            ),
        ],
        "faq_en": [
            (
                "Will I receive materials to refer to?",
                "Yes, you will receive an overview and a regularly updated list of links to reliable information sources.",
            ),
            (
                "Can I bring my own cases?",
                "Of course – please anonymise them. The final part of the training is reserved for questions from practice.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 2,
        "format": "online",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "gefluechtete-ausbilden-und-beschaeftigen",
        "slug_en": "training-and-employing-refugees",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["hr-staff-smes", "managers"],
        "title_de": "Geflüchtete ausbilden und beschäftigen – Praxiswissen für KMU",
        "title_en": "Training and employing refugees – practical knowledge for SMEs",
        "summary_de": (
            "Von der Bewerbung bis zur erfolgreichen Ausbildung: was Betriebe über Förderung, "
            "Rahmenbedingungen und Begleitung geflüchteter Mitarbeitender wissen sollten."
        ),
        "summary_en": (
            "From application to successful apprenticeship: what businesses should know about "
            "funding, the legal framework and supporting refugee employees."
        ),
        "intro_de": (
            "Viele Betriebe möchten geflüchtete Menschen ausbilden oder einstellen und stoßen "
            "dabei auf offene Fragen: Welche Unterlagen braucht es, welche Förderungen gibt es, "
            "wie gelingt die Begleitung in der Berufsschule? Diese Schulung bündelt Praxiswissen "
            "für Personalverantwortliche und Führungskräfte aus kleinen und mittleren "
            "Unternehmen. Neben rechtlichen und organisatorischen Grundlagen geht es um "
            "Erwartungen auf beiden Seiten, um Sprache im Betrieb und um Unterstützungsangebote "
            "von Kammern, Arbeitsagenturen und dem IQ Netzwerk. Die Schulung findet hybrid "
            "statt, sodass auch Betriebe aus ländlichen Regionen ohne lange Anfahrt teilnehmen "
            "können."
        ),
        "intro_en": (
            "Many businesses would like to train or hire refugees and run into open questions: "
            "which documents are needed, what funding is available, and how can apprentices be "
            "supported at vocational school? This training brings together practical knowledge "
            "for HR staff and managers in small and medium-sized enterprises. Besides the legal "
            "and organisational basics, it covers expectations on both sides, language in the "
            "workplace and support offered by chambers, employment agencies and the IQ network. "
            "The training is held in a hybrid format, so businesses in rural areas can take part "
            "without a long journey."
        ),
        "objectives_de": [
            "Rechtliche und organisatorische Voraussetzungen für Ausbildung und Beschäftigung kennen",
            "Förder- und Unterstützungsangebote gezielt nutzen",
            "Erwartungen klären und die Einarbeitung planen",
            "Ausbildungsabbrüchen vorbeugen",
        ],
        "objectives_en": [
            "Know the legal and organisational requirements for training and employment",
            "Make targeted use of funding and support services",
            "Clarify expectations and plan onboarding",
            "Help prevent apprentices from dropping out",
        ],
        "agenda_de": [
            (
                "Rahmenbedingungen",
                "Aufenthaltsstatus, Beschäftigungserlaubnis und Ausbildung im Überblick.",
            ),
            (
                "Förderung und Partner",
                "Ausbildungsbegleitende Hilfen, Einstiegsqualifizierung und regionale Ansprechstellen.",
            ),
            (
                "Erwartungen und Einarbeitung",
                "Was Betriebe und neue Mitarbeitende voneinander erwarten – und wie man darüber spricht.",
            ),
            (
                "Sprache und Berufsschule",
                "Sprachförderung im Betrieb und Zusammenarbeit mit der Berufsschule.",
            ),
        ],
        "agenda_en": [
            (
                "The framework",
                "An overview of residence status, work permission and vocational training.",
            ),
            (
                "Funding and partners",
                "Assisted training, introductory training and regional contact points.",
            ),
            (
                "Expectations and onboarding",
                "What businesses and new employees expect from each other – and how to talk about it.",
            ),
            (
                "Language and vocational school",
                "Language support in the workplace and cooperation with the vocational school.",
            ),
        ],
        "faq_de": [
            (
                "Wie funktioniert die hybride Teilnahme?",
                "Sie wählen bei der Buchung, ob Sie vor Ort oder online teilnehmen. Der Seminarraum ist mit Kamera und Raummikrofon ausgestattet.",
            ),
            (
                "Ist die Schulung für Betriebe kostenfrei?",
                "Ja, diese Schulung ist für Unternehmen und Verwaltungen kostenfrei.",
            ),
        ],
        "faq_en": [
            (
                "How does hybrid participation work?",
                "When booking, you choose whether to attend on site or online. The seminar room is equipped with a camera and room microphone.",
            ),
            (
                "Is the training free for businesses?",
                "Yes, this training is free of charge for companies and public administrations.",
            ),
        ],
        "quote_de": (
            "Ich wusste nicht, wie viel Unterstützung es für Ausbildungsbetriebe gibt. Unser "
            "erster Auszubildender mit Fluchtgeschichte ist inzwischen im zweiten Lehrjahr."
        ),
        "quote_en": (
            "I had no idea how much support there is for training companies. Our first "
            "apprentice with a refugee background is now in his second year."
        ),
        "quote_author": "Inhaber, Elektrohandwerksbetrieb in Thüringen",
        "units": 8,
        "days": 1,
        "format": "hybrid",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 18,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "traumasensibler-umgang-mit-gefluechteten",
        "slug_en": "trauma-informed-work-with-refugees",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["jobcentre-staff", "municipal-administration"],
        "title_de": "Traumasensibler Umgang mit Geflüchteten in der Beratung",
        "title_en": "Trauma-informed work with refugees in counselling",
        "summary_de": (
            "Belastungsreaktionen erkennen, stabilisierend reagieren und die eigenen Grenzen "
            "wahren – für Beratende ohne therapeutischen Auftrag."
        ),
        "summary_en": (
            "Recognising stress reactions, responding in a stabilising way and respecting your "
            "own limits – for counsellors without a therapeutic role."
        ),
        "intro_de": (
            "Viele geflüchtete Menschen haben in ihrem Herkunftsland oder auf der Flucht "
            "belastende Erfahrungen gemacht. Das kann sich im Beratungsgespräch zeigen, etwa "
            "durch Konzentrationsschwierigkeiten, Misstrauen oder plötzliche starke Gefühle. "
            "Diese Schulung vermittelt Mitarbeitenden aus Jobcentern und Kommunen Grundwissen "
            "über Traumafolgen und zeigt, wie Gespräche so gestaltet werden können, dass sie "
            "Sicherheit geben. Sie ersetzt keine therapeutische Ausbildung: Ziel ist, "
            "Belastungen zu erkennen, angemessen zu reagieren und bei Bedarf an Fachstellen zu "
            "verweisen. Ein eigener Baustein widmet sich der Selbstfürsorge der Beratenden."
        ),
        "intro_en": (
            "Many refugees have had distressing experiences in their country of origin or while "
            "fleeing. This may show in a counselling session, for example as difficulty "
            "concentrating, mistrust or sudden strong emotions. This training gives staff from "
            "job centres and municipalities a basic understanding of the effects of trauma and "
            "shows how conversations can be designed to create a sense of safety. It is not a "
            "therapeutic training: the aim is to recognise distress, respond appropriately and "
            "refer people to specialist services where needed. A separate module is dedicated "
            "to counsellors' self-care."
        ),
        "objectives_de": [
            "Mögliche Traumafolgen und Belastungsreaktionen erkennen",
            "Gespräche stabilisierend und transparent gestalten",
            "Fachstellen für psychosoziale Unterstützung kennen und gut verweisen",
            "Eigene Grenzen wahrnehmen und für sich sorgen",
        ],
        "objectives_en": [
            "Recognise possible effects of trauma and stress reactions",
            "Conduct conversations in a stabilising and transparent way",
            "Know psychosocial support services and refer people well",
            "Be aware of your own limits and look after yourself",
        ],
        "agenda_de": [
            (
                "Was ist ein Trauma?",
                "Grundbegriffe, häufige Reaktionen und was sie für den Alltag bedeuten.",
            ),
            ("Sicherheit im Gespräch", "Rahmen, Transparenz und Sprache, die Orientierung gibt."),
            (
                "Wenn es schwierig wird",
                "Umgang mit Dissoziation, Wut und Rückzug im Beratungsgespräch.",
            ),
            (
                "Netzwerk und Verweisung",
                "Psychosoziale Zentren, Beratungsstellen und der richtige Zeitpunkt für eine Weitervermittlung.",
            ),
            ("Selbstfürsorge", "Sekundäre Belastung erkennen und vorbeugen."),
        ],
        "agenda_en": [
            (
                "What is trauma?",
                "Basic terms, common reactions and what they mean for everyday life.",
            ),
            (
                "Safety in conversation",
                "Structure, transparency and language that give orientation.",
            ),
            (
                "When things get difficult",
                "Dealing with dissociation, anger and withdrawal in counselling.",
            ),
            (
                "Network and referral",
                "Psychosocial centres, advice services and the right moment to refer.",
            ),
            ("Self-care", "Recognising and preventing secondary stress."),
        ],
        "faq_de": [
            (
                "Werden in der Schulung belastende Inhalte besprochen?",
                "Die Schulung arbeitet bewusst ohne detaillierte Schilderungen von Gewalterfahrungen. Sie können jederzeit eine Pause machen.",
            ),
            (
                "Gibt es eine maximale Gruppengröße?",
                "Ja, um einen geschützten Rahmen zu ermöglichen, ist die Teilnahme auf 14 Personen begrenzt.",
            ),
        ],
        "faq_en": [
            (
                "Will distressing content be discussed?",
                "The training deliberately avoids detailed accounts of violence. You can take a break at any time.",
            ),
            (
                "Is there a maximum group size?",
                "Yes, to provide a safe setting, participation is limited to 14 people.",
            ),
        ],
        "quote_de": (
            "Mir hilft vor allem der Teil zur Selbstfürsorge. Ich nehme die Geschichten meiner "
            "Kundinnen und Kunden seitdem seltener mit nach Hause."
        ),
        "quote_en": (
            "The part on self-care helps me most. Since the training, I take my customers' "
            "stories home with me less often."
        ),
        "quote_author": "Integrationsfachkraft, Kreisverwaltung in Rheinland-Pfalz",
        "units": 12,
        "days": 2,
        "format": "in_person",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 14,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "potenziale-gefluechteter-erkennen",
        "slug_en": "recognising-refugees-potential",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["jobcentre-staff", "employment-agency-staff"],
        "title_de": "Potenziale Geflüchteter erkennen: Berufserfahrung und Abschlüsse einordnen",
        "title_en": "Recognising refugees' potential: assessing work experience and qualifications",
        "summary_de": (
            "Berufliche Kompetenzen auch ohne Zeugnisse sichtbar machen und den Weg zur "
            "Anerkennung ausländischer Abschlüsse gemeinsam mit den Kundinnen und Kunden planen."
        ),
        "summary_en": (
            "Making professional skills visible even without certificates and planning the route "
            "to recognition of foreign qualifications together with customers."
        ),
        "intro_de": (
            "Geflüchtete Menschen bringen häufig Berufserfahrung und Qualifikationen mit, die "
            "auf dem Papier nicht sofort sichtbar sind. Zeugnisse fehlen, Bildungssysteme sind "
            "anders aufgebaut, Tätigkeiten wurden ohne formalen Abschluss ausgeübt. Diese "
            "Online-Schulung zeigt Vermittlungsfachkräften, wie sie Kompetenzen im Gespräch "
            "erfassen, ausländische Bildungsabschlüsse einordnen und die Anerkennungsberatung "
            "des IQ Netzwerks frühzeitig einbeziehen. Dabei geht es auch um die Frage, wie "
            "realistische und zugleich ermutigende Perspektiven entwickelt werden können, "
            "damit Menschen nicht dauerhaft unter ihrer Qualifikation arbeiten."
        ),
        "intro_en": (
            "Refugees often bring work experience and qualifications that are not immediately "
            "visible on paper. Certificates are missing, education systems are structured "
            "differently, and jobs were done without a formal qualification. This online "
            "training shows placement officers how to identify skills in conversation, make "
            "sense of foreign qualifications and involve the IQ network's recognition counselling "
            "at an early stage. It also explores how to develop prospects that are realistic yet "
            "encouraging, so that people do not end up working below their level of "
            "qualification for good."
        ),
        "objectives_de": [
            "Kompetenzen im Gespräch strukturiert erfassen",
            "Ausländische Bildungs- und Berufsabschlüsse grob einordnen",
            "Anerkennungsverfahren und Anerkennungsberatung erläutern",
            "Realistische und ermutigende berufliche Perspektiven entwickeln",
        ],
        "objectives_en": [
            "Identify skills systematically in conversation",
            "Roughly place foreign educational and vocational qualifications",
            "Explain recognition procedures and recognition counselling",
            "Develop realistic and encouraging career prospects",
        ],
        "agenda_de": [
            (
                "Bildungswege im Vergleich",
                "Wie Ausbildung und Studium in wichtigen Herkunftsländern aufgebaut sind.",
            ),
            (
                "Kompetenzen erfassen",
                "Gesprächsleitfäden, Arbeitsproben und Kompetenzfeststellungsverfahren.",
            ),
            (
                "Anerkennung",
                "Reglementierte und nicht reglementierte Berufe, zuständige Stellen, Rolle der IQ Anerkennungsberatung.",
            ),
            (
                "Perspektiven planen",
                "Fallarbeit: Qualifizierung, Anpassungsmaßnahmen und Einstiegsmöglichkeiten.",
            ),
        ],
        "agenda_en": [
            (
                "Comparing education pathways",
                "How vocational training and higher education are structured in key countries of origin.",
            ),
            (
                "Identifying skills",
                "Interview guides, work samples and skills assessment procedures.",
            ),
            (
                "Recognition",
                "Regulated and non-regulated professions, competent bodies and the role of IQ recognition counselling.",
            ),
            ("Planning prospects", "Case work: qualification, bridging measures and entry routes."),
        ],
        "faq_de": [
            (
                "Lerne ich, selbst über die Anerkennung zu entscheiden?",
                "Nein. Über die Anerkennung entscheiden die zuständigen Stellen. Die Schulung hilft Ihnen, Kundinnen und Kunden gut vorzubereiten und weiterzuleiten.",
            ),
            (
                "Wie lange dauern die Online-Termine?",
                "Die Schulung findet an zwei Vormittagen mit jeweils vier Unterrichtseinheiten statt.",
            ),
        ],
        "faq_en": [
            (
                "Will I learn to decide on recognition myself?",
                "No. Recognition decisions are made by the competent bodies. The training helps you prepare customers well and refer them on.",
            ),
            (
                "How long are the online sessions?",
                "The training takes place on two mornings of four teaching units each.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 2,
        "format": "online",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 18,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "auslaenderbehoerde-kommunikation-in-belastenden-situationen",
        "slug_en": "immigration-authority-communication-in-stressful-situations",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["municipal-administration"],
        "title_de": "Asyl und Fluchtmigration in der Ausländerbehörde: Kommunikation in belastenden Situationen",
        "title_en": "Asylum and forced migration in the immigration authority: communicating in stressful situations",
        "summary_de": (
            "Inhouse-Schulung für Ausländerbehörden: schwierige Entscheidungen verständlich "
            "erklären, deeskalierend kommunizieren und im Team gesund bleiben."
        ),
        "summary_en": (
            "In-house training for immigration authorities: explaining difficult decisions "
            "clearly, communicating in a de-escalating way and staying healthy as a team."
        ),
        "intro_de": (
            "Mitarbeitende in Ausländerbehörden treffen Entscheidungen, die tief in das Leben "
            "von Menschen eingreifen. Gleichzeitig arbeiten sie oft unter hohem Zeitdruck und "
            "mit Kundinnen und Kunden, die wenig Deutsch sprechen und große Sorgen haben. Diese "
            "Inhouse-Schulung greift die besonderen Anforderungen der Ausländerbehörde auf: "
            "Wie lassen sich Bescheide und Verfahrensschritte verständlich erklären? Wie "
            "reagiere ich, wenn ein Gespräch eskaliert? Und wie gehen wir als Team mit "
            "belastenden Fällen um? Die Inhalte werden vorab mit der Behördenleitung auf die "
            "Situation vor Ort abgestimmt."
        ),
        "intro_en": (
            "Staff in immigration authorities make decisions that deeply affect people's lives. "
            "At the same time, they often work under considerable time pressure and with "
            "customers who speak little German and have serious worries. This in-house training "
            "addresses the particular demands of the immigration authority: how can notices and "
            "procedural steps be explained clearly? How should I respond when a conversation "
            "escalates? And how do we deal with distressing cases as a team? The content is "
            "agreed in advance with the management of the authority to fit the local situation."
        ),
        "objectives_de": [
            "Entscheidungen und Verfahrensschritte verständlich erklären",
            "Deeskalierende Gesprächstechniken anwenden",
            "Belastende Fälle im Team besprechen und verarbeiten",
        ],
        "objectives_en": [
            "Explain decisions and procedural steps clearly",
            "Apply de-escalation techniques in conversation",
            "Discuss and process distressing cases as a team",
        ],
        "agenda_de": [
            (
                "Die Rolle der Ausländerbehörde",
                "Zwischen Rechtsanwendung, Ermessen und Erwartungen der Kundschaft.",
            ),
            (
                "Verständlich erklären",
                "Bescheide, Fristen und Mitwirkungspflichten in klarer Sprache vermitteln.",
            ),
            (
                "Deeskalation",
                "Frühe Signale erkennen, Gespräche beruhigen, Sicherheit im Team organisieren.",
            ),
            ("Fallbesprechung", "Eigene Situationen in Kleingruppen bearbeiten."),
            ("Team und Belastung", "Kollegiale Unterstützung und Entlastung im Arbeitsalltag."),
        ],
        "agenda_en": [
            (
                "The role of the immigration authority",
                "Between applying the law, discretion and customers' expectations.",
            ),
            (
                "Explaining clearly",
                "Communicating notices, deadlines and duties to cooperate in plain language.",
            ),
            (
                "De-escalation",
                "Spotting early signs, calming conversations, organising safety in the team.",
            ),
            ("Case discussion", "Working on participants' own situations in small groups."),
            ("Team and stress", "Peer support and relief in everyday work."),
        ],
        "faq_de": [
            (
                "Kann die Schulung an unsere Behörde angepasst werden?",
                "Ja. In einem Vorgespräch klären wir Schwerpunkte, Gruppengröße und Termine.",
            ),
            (
                "Wie viele Mitarbeitende können teilnehmen?",
                "Pro Durchgang bis zu 16 Personen. Für größere Behörden planen wir mehrere Durchgänge.",
            ),
        ],
        "faq_en": [
            (
                "Can the training be adapted to our authority?",
                "Yes. In a preliminary meeting we agree on focus areas, group size and dates.",
            ),
            (
                "How many staff members can take part?",
                "Up to 16 people per run. For larger authorities we plan several runs.",
            ),
        ],
        "quote_de": (
            "Die Schulung hat uns als Team zusammengebracht. Wir sprechen heute offener über "
            "Fälle, die uns belasten."
        ),
        "quote_en": (
            "The training brought us together as a team. We now talk more openly about cases "
            "that weigh on us."
        ),
        "quote_author": "Teamleiterin, Ausländerbehörde in Mecklenburg-Vorpommern",
        "units": 12,
        "days": 2,
        "format": "in_person",
        "delivery": "inhouse",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "0.75",
    },
    {
        "slug_de": "fluchtmigration-im-ueberblick",
        "slug_en": "forced-migration-at-a-glance",
        "topic": "asylum-and-forced-migration",
        "target_groups": ["hr-staff-smes", "works-councils", "managers"],
        "title_de": "Fluchtmigration im Überblick: Herkunft, Wege und Lebenslagen",
        "title_en": "Forced migration at a glance: origins, routes and living situations",
        "summary_de": (
            "Online-Kurzformat für Betriebe und Interessenvertretungen: Hintergrundwissen zu "
            "Flucht und Ankommen, um Fragen im Betrieb sachlich beantworten zu können."
        ),
        "summary_en": (
            "Short online format for companies and employee representatives: background "
            "knowledge on flight and arrival, so questions at work can be answered factually."
        ),
        "intro_de": (
            "Im Betrieb tauchen rund um das Thema Flucht viele Fragen auf – manchmal neugierig, "
            "manchmal skeptisch, manchmal geprägt von Gerüchten. Dieses Online-Kurzformat "
            "vermittelt Personalverantwortlichen, Führungskräften sowie Betriebs- und "
            "Personalräten sachliches Hintergrundwissen: Woher kommen Geflüchtete, welche Wege "
            "haben sie hinter sich und in welcher Lebenssituation befinden sie sich in den "
            "ersten Jahren in Deutschland? Die Teilnehmenden erhalten Argumente und Materialien, "
            "um Diskussionen in der Belegschaft faktenbasiert und respektvoll zu begleiten. Die "
            "Schulung wird auf Deutsch und auf Englisch angeboten."
        ),
        "intro_en": (
            "Many questions about forced migration come up at work – sometimes curious, "
            "sometimes sceptical, sometimes shaped by rumours. This short online format gives HR "
            "staff, managers and works council members factual background knowledge: where do "
            "refugees come from, what journeys lie behind them, and what situation are they in "
            "during their first years in Germany? Participants receive arguments and materials "
            "to guide discussions among the workforce in a fact-based and respectful way. The "
            "training is offered in German and in English."
        ),
        "objectives_de": [
            "Aktuelle Zahlen und Entwicklungen zur Fluchtmigration kennen",
            "Lebenslagen Geflüchteter in den ersten Jahren nachvollziehen",
            "Auf Vorurteile und Gerüchte im Betrieb sachlich reagieren",
        ],
        "objectives_en": [
            "Know current figures and trends in forced migration",
            "Understand refugees' living situations in their first years",
            "Respond factually to prejudice and rumours at work",
        ],
        "agenda_de": [
            ("Zahlen und Fakten", "Flucht weltweit, in Europa und in Deutschland."),
            (
                "Ankommen in Deutschland",
                "Unterbringung, Sprachkurse, Arbeitsmarktzugang und Familie.",
            ),
            (
                "Gespräche im Betrieb",
                "Häufige Fragen und Vorurteile – und wie man darauf antworten kann.",
            ),
        ],
        "agenda_en": [
            ("Facts and figures", "Forced migration worldwide, in Europe and in Germany."),
            ("Arriving in Germany", "Housing, language courses, access to work and family life."),
            ("Conversations at work", "Common questions and prejudices – and how to respond."),
        ],
        "faq_de": [
            (
                "Richtet sich die Schulung auch an Betriebsräte?",
                "Ja. Betriebs- und Personalräte sind eine wichtige Zielgruppe, weil sie Diskussionen in der Belegschaft oft als Erste wahrnehmen.",
            ),
            (
                "Erhalte ich Materialien für die Belegschaft?",
                "Ja, Sie erhalten eine kompakte Faktensammlung, die Sie intern weitergeben können.",
            ),
        ],
        "faq_en": [
            (
                "Is the training also aimed at works councils?",
                "Yes. Works and staff councils are an important target group because they are often the first to notice discussions among the workforce.",
            ),
            (
                "Will I receive materials for the workforce?",
                "Yes, you will receive a compact fact sheet that you can share internally.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 4,
        "days": 1,
        "format": "online",
        "delivery": "open",
        "languages": ["de", "en"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    # ------------------------------------------------------------------
    # Antidiskriminierung und AGG / Anti-discrimination and the AGG
    # ------------------------------------------------------------------
    {
        "slug_de": "agg-in-der-praxis",
        "slug_en": "the-agg-in-practice",
        "topic": "anti-discrimination-agg",
        "target_groups": ["hr-staff-smes", "managers", "works-councils"],
        "title_de": "Das Allgemeine Gleichbehandlungsgesetz (AGG) in der Praxis",
        "title_en": "The General Equal Treatment Act (AGG) in practice",
        "summary_de": (
            "Rechte, Pflichten und Handlungsspielräume nach dem AGG: von der Stellenausschreibung "
            "über den Arbeitsalltag bis zur Beschwerde – mit vielen Beispielen aus Betrieben."
        ),
        "summary_en": (
            "Rights, duties and room for action under the AGG: from the job advertisement to "
            "everyday work and complaints – with many examples from businesses."
        ),
        "intro_de": (
            "Das Allgemeine Gleichbehandlungsgesetz schützt Beschäftigte und Bewerbende vor "
            "Benachteiligungen aus rassistischen Gründen oder wegen der ethnischen Herkunft, "
            "des Geschlechts, der Religion oder Weltanschauung, einer Behinderung, des Alters "
            "oder der sexuellen Identität. Für Arbeitgeber ergeben sich daraus klare Pflichten, "
            "aber auch Gestaltungsmöglichkeiten. Die Schulung erläutert die Regelungen des AGG "
            "verständlich und übersetzt sie in den betrieblichen Alltag: Was ist bei "
            "Stellenausschreibungen zu beachten, was gilt bei Belästigung, welche Rolle spielen "
            "Führungskräfte und Interessenvertretungen? Fallbeispiele helfen, Grauzonen zu "
            "erkennen und sicher zu handeln."
        ),
        "intro_en": (
            "The General Equal Treatment Act (AGG) protects employees and job applicants from "
            "discrimination on grounds of race or ethnic origin, gender, religion or belief, "
            "disability, age or sexual identity. This gives employers clear duties, but also "
            "room to shape their practice. The training explains the provisions of the AGG in "
            "plain terms and translates them into everyday working life: what should be "
            "considered in job advertisements, what applies in cases of harassment, and what "
            "role do managers and employee representatives play? Case studies help participants "
            "recognise grey areas and act with confidence."
        ),
        "objectives_de": [
            "Schutzbereich und Merkmale des AGG kennen",
            "Formen von Benachteiligung und Belästigung unterscheiden",
            "Pflichten von Arbeitgebern und Rechte von Beschäftigten erläutern",
            "Positive Maßnahmen nach § 5 AGG als Gestaltungsmöglichkeit nutzen",
        ],
        "objectives_en": [
            "Know the scope of the AGG and the protected characteristics",
            "Distinguish forms of discrimination and harassment",
            "Explain employers' duties and employees' rights",
            "Use positive measures under section 5 AGG as a way to shape practice",
        ],
        "agenda_de": [
            ("Grundlagen des AGG", "Ziel, Anwendungsbereich und geschützte Merkmale."),
            (
                "Formen der Benachteiligung",
                "Unmittelbare und mittelbare Benachteiligung, Belästigung und sexuelle Belästigung.",
            ),
            (
                "Pflichten im Betrieb",
                "Organisationspflichten, Schulungen, Maßnahmen bei Verstößen.",
            ),
            (
                "Gestaltungsspielräume",
                "Zulässige unterschiedliche Behandlung und positive Maßnahmen.",
            ),
            ("Fallwerkstatt", "Beispiele aus der Praxis der Teilnehmenden lösen."),
        ],
        "agenda_en": [
            ("AGG basics", "Purpose, scope and protected characteristics."),
            (
                "Forms of discrimination",
                "Direct and indirect discrimination, harassment and sexual harassment.",
            ),
            (
                "Duties in the workplace",
                "Organisational duties, training, action in case of breaches.",
            ),
            ("Room for action", "Permitted differences of treatment and positive measures."),
            ("Case workshop", "Working through examples from participants' practice."),
        ],
        "faq_de": [
            (
                "Erfüllt die Schulung die Schulungspflicht nach § 12 AGG?",
                "Die Schulung kann ein Baustein sein, mit dem Arbeitgeber ihrer Pflicht zu vorbeugenden Maßnahmen nachkommen. Sie erhalten eine Teilnahmebescheinigung.",
            ),
            (
                "Ist eine juristische Vorbildung nötig?",
                "Nein. Die Inhalte werden praxisnah und ohne Fachjargon vermittelt.",
            ),
        ],
        "faq_en": [
            (
                "Does the training meet the training duty under section 12 AGG?",
                "It can be one element that helps employers fulfil their duty to take preventive measures. You will receive a certificate of attendance.",
            ),
            (
                "Do I need a legal background?",
                "No. The content is presented in a practical way without legal jargon.",
            ),
        ],
        "quote_de": (
            "Sehr praxisnah! Wir haben direkt im Anschluss unsere Stellenanzeigen überarbeitet "
            "und eine Ansprechperson für Beschwerden benannt."
        ),
        "quote_en": (
            "Very practical! Straight afterwards we revised our job advertisements and named a "
            "contact person for complaints."
        ),
        "quote_author": "Personalreferent, Logistikunternehmen in Nordrhein-Westfalen",
        "units": 8,
        "days": 1,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 18,
        "price_administration": "0.00",
        "price_companies": "290.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "diskriminierungsfreie-personalauswahl",
        "slug_en": "discrimination-free-recruitment",
        "topic": "anti-discrimination-agg",
        "target_groups": ["hr-staff-smes", "managers"],
        "title_de": "Diskriminierungsfreie Personalauswahl",
        "title_en": "Discrimination-free recruitment",
        "summary_de": (
            "Stellenanzeigen, Vorauswahl und Vorstellungsgespräche fair gestalten: Methoden für "
            "eine kultursensible, diskriminierungsfreie Personalauswahl."
        ),
        "summary_en": (
            "Designing job advertisements, shortlisting and interviews fairly: methods for "
            "culturally fair, discrimination-free recruitment."
        ),
        "intro_de": (
            "Studien zeigen: Bewerbende mit ausländisch klingendem Namen erhalten bei gleicher "
            "Qualifikation seltener eine Einladung zum Vorstellungsgespräch. Oft geschieht das "
            "nicht bewusst, sondern durch unreflektierte Routinen und Bauchentscheidungen. Diese "
            "Schulung zeigt, an welchen Stellen im Auswahlprozess Benachteiligungen entstehen "
            "können und wie sie sich vermeiden lassen. Die Teilnehmenden lernen strukturierte "
            "Interviews, klare Anforderungsprofile und anonymisierte Bewerbungsverfahren kennen "
            "und prüfen eigene Unterlagen. So gewinnen Unternehmen Zugang zu einem größeren "
            "Pool an Fachkräften und senken zugleich rechtliche Risiken."
        ),
        "intro_en": (
            "Studies show that applicants with foreign-sounding names are less often invited to "
            "interview, even with identical qualifications. This often happens not deliberately "
            "but through unexamined routines and gut decisions. This training shows where in the "
            "recruitment process disadvantages can arise and how they can be avoided. "
            "Participants get to know structured interviews, clear job requirement profiles and "
            "anonymised application procedures, and review their own documents. In this way, "
            "companies gain access to a larger pool of skilled workers while reducing legal "
            "risks."
        ),
        "objectives_de": [
            "Einfallstore für Benachteiligung im Auswahlprozess erkennen",
            "Anforderungsprofile und Stellenanzeigen AGG-konform formulieren",
            "Strukturierte Interviews planen und durchführen",
            "Anonymisierte Bewerbungsverfahren bewerten und einführen",
        ],
        "objectives_en": [
            "Recognise points where discrimination can enter the recruitment process",
            "Write requirement profiles and job advertisements in line with the AGG",
            "Plan and conduct structured interviews",
            "Assess and introduce anonymised application procedures",
        ],
        "agenda_de": [
            (
                "Wahrnehmung und Urteil",
                "Wie unbewusste Vorannahmen Auswahlentscheidungen beeinflussen.",
            ),
            (
                "Anforderungsprofil und Anzeige",
                "Kriterien klar definieren, Sprache prüfen, Zielgruppen erreichen.",
            ),
            ("Vorauswahl", "Bewertungsraster und anonymisierte Bewerbungen."),
            (
                "Das Vorstellungsgespräch",
                "Strukturierte Interviews, zulässige und unzulässige Fragen.",
            ),
            (
                "Eigene Unterlagen prüfen",
                "Mitgebrachte Anzeigen und Leitfäden gemeinsam überarbeiten.",
            ),
        ],
        "agenda_en": [
            (
                "Perception and judgement",
                "How unconscious assumptions influence selection decisions.",
            ),
            (
                "Requirement profile and advertisement",
                "Defining criteria clearly, checking language, reaching target groups.",
            ),
            ("Shortlisting", "Scoring grids and anonymised applications."),
            ("The interview", "Structured interviews, permitted and prohibited questions."),
            (
                "Reviewing your own documents",
                "Revising advertisements and interview guides brought by participants.",
            ),
        ],
        "faq_de": [
            (
                "Soll ich eigene Unterlagen mitbringen?",
                "Ja, gern. Bringen Sie eine aktuelle Stellenanzeige oder einen Interviewleitfaden mit – anonymisiert, wenn nötig.",
            ),
            (
                "Kann ich online teilnehmen?",
                "Ja, die Schulung findet hybrid statt. Die Arbeit an eigenen Unterlagen funktioniert auch online gut.",
            ),
        ],
        "faq_en": [
            (
                "Should I bring my own documents?",
                "Yes, please. Bring a current job advertisement or interview guide – anonymised if necessary.",
            ),
            (
                "Can I take part online?",
                "Yes, the training is held in a hybrid format. Working on your own documents also works well online.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 1,
        "format": "hybrid",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "290.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "diskriminierung-erkennen-und-handeln",
        "slug_en": "recognising-and-responding-to-discrimination",
        "topic": "anti-discrimination-agg",
        "target_groups": ["jobcentre-staff", "employment-agency-staff", "municipal-administration"],
        "title_de": "Diskriminierung erkennen und handeln – Grundlagen für die Beratungspraxis",
        "title_en": "Recognising and responding to discrimination – basics for counselling practice",
        "summary_de": (
            "Wenn Kundinnen und Kunden von Diskriminierung berichten oder Abläufe selbst "
            "benachteiligen: erkennen, ansprechen, verweisen und Strukturen verändern."
        ),
        "summary_en": (
            "When customers report discrimination, or procedures themselves put people at a "
            "disadvantage: recognising it, addressing it, referring and changing structures."
        ),
        "intro_de": (
            "Kundinnen und Kunden von Jobcentern, Arbeitsagenturen und Kommunen berichten immer "
            "wieder von Diskriminierung auf dem Wohnungs- oder Arbeitsmarkt. Zugleich können "
            "auch behördliche Abläufe ungewollt benachteiligen, etwa durch Sprachbarrieren oder "
            "pauschale Annahmen. Diese zweitägige Schulung vermittelt, wie Diskriminierung "
            "entsteht und wirkt, von individuellen Vorurteilen bis zu institutionellen "
            "Mechanismen. Die Teilnehmenden lernen, Schilderungen ernst zu nehmen, Betroffene an "
            "Antidiskriminierungsberatungsstellen zu verweisen und in der eigenen Organisation "
            "Veränderungen anzustoßen. Übungen zur Selbstreflexion und Fallarbeit bilden den "
            "Schwerpunkt."
        ),
        "intro_en": (
            "Customers of job centres, employment agencies and municipalities regularly report "
            "discrimination in the housing or labour market. At the same time, administrative "
            "procedures themselves can unintentionally disadvantage people, for example through "
            "language barriers or sweeping assumptions. This two-day training explains how "
            "discrimination arises and takes effect, from individual prejudice to institutional "
            "mechanisms. Participants learn to take accounts seriously, refer those affected to "
            "anti-discrimination advice services and initiate change within their own "
            "organisation. Self-reflection exercises and case work are at the heart of the "
            "training."
        ),
        "objectives_de": [
            "Ebenen von Diskriminierung unterscheiden: individuell, institutionell, strukturell",
            "Schilderungen von Diskriminierung professionell aufnehmen",
            "Beratungsstellen und Beschwerdewege kennen",
            "Benachteiligende Routinen in der eigenen Organisation erkennen",
        ],
        "objectives_en": [
            "Distinguish levels of discrimination: individual, institutional, structural",
            "Respond professionally when people describe discrimination",
            "Know advice services and complaint procedures",
            "Identify disadvantaging routines within your own organisation",
        ],
        "agenda_de": [
            ("Was ist Diskriminierung?", "Begriffe, Merkmale und Ebenen – mit Bezug zum AGG."),
            (
                "Perspektive der Betroffenen",
                "Erfahrungsberichte und ihre Bedeutung für Beratung und Vermittlung.",
            ),
            ("Institutionelle Diskriminierung", "Wie Regeln und Routinen ungewollt ausschließen."),
            ("Handeln in der Beratung", "Gesprächsführung, Dokumentation und Verweisberatung."),
            ("Veränderung anstoßen", "Kleine Schritte in der eigenen Organisation planen."),
        ],
        "agenda_en": [
            (
                "What is discrimination?",
                "Terms, characteristics and levels – with reference to the AGG.",
            ),
            (
                "The perspective of those affected",
                "First-hand accounts and what they mean for counselling and placement.",
            ),
            (
                "Institutional discrimination",
                "How rules and routines exclude people unintentionally.",
            ),
            ("Acting in counselling", "Conducting conversations, documenting and referring."),
            ("Initiating change", "Planning small steps within your own organisation."),
        ],
        "faq_de": [
            (
                "Geht es in der Schulung um Schuldzuweisungen?",
                "Nein. Die Schulung arbeitet wertschätzend und lösungsorientiert. Ziel ist, gemeinsam handlungsfähiger zu werden.",
            ),
            (
                "Wer leitet die Schulung?",
                "Ein Tandem aus zertifizierten IQ-Trainerinnen und -Trainern, häufig mit eigener Beratungserfahrung.",
            ),
        ],
        "faq_en": [
            (
                "Is the training about assigning blame?",
                "No. The training is appreciative and solution-focused. The aim is to become more able to act together.",
            ),
            (
                "Who leads the training?",
                "A pair of certified IQ trainers, often with their own counselling experience.",
            ),
        ],
        "quote_de": (
            "Mir war nicht klar, wie oft unsere eigenen Formulare Hürden aufbauen. Wir haben "
            "im Team eine Checkliste entwickelt, die wir jetzt regelmäßig nutzen."
        ),
        "quote_en": (
            "I hadn't realised how often our own forms create barriers. As a team we developed a "
            "checklist that we now use regularly."
        ),
        "quote_author": "Mitarbeiterin im Eingangsbereich, Agentur für Arbeit in Baden-Württemberg",
        "units": 12,
        "days": 2,
        "format": "in_person",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "0.75",
    },
    {
        "slug_de": "agg-beschwerdestelle-einrichten",
        "slug_en": "setting-up-an-agg-complaints-office",
        "topic": "anti-discrimination-agg",
        "target_groups": ["hr-staff-smes", "works-councils", "managers"],
        "title_de": "Beschwerdestelle nach § 13 AGG einrichten und führen",
        "title_en": "Setting up and running a complaints office under section 13 AGG",
        "summary_de": (
            "Kompakt online: Aufgaben, Ablauf und Kommunikation einer betrieblichen "
            "Beschwerdestelle – damit Beschwerden ernst genommen und fair bearbeitet werden."
        ),
        "summary_en": (
            "Compact and online: the tasks, procedure and communication of a workplace "
            "complaints office – so that complaints are taken seriously and handled fairly."
        ),
        "intro_de": (
            "Nach dem AGG haben Beschäftigte das Recht, sich bei einer zuständigen Stelle im "
            "Betrieb zu beschweren, wenn sie sich benachteiligt fühlen. Viele kleine und "
            "mittlere Unternehmen haben eine solche Stelle zwar benannt, wissen aber wenig "
            "darüber, wie sie in der Praxis arbeiten soll. Diese kompakte Online-Schulung "
            "erklärt die rechtlichen Anforderungen und zeigt, wie ein fairer, vertraulicher und "
            "nachvollziehbarer Beschwerdeprozess aussieht. Die Teilnehmenden erhalten "
            "Musterdokumente und üben das Erstgespräch mit einer beschwerdeführenden Person. "
            "Auch die Zusammenarbeit mit Betriebs- und Personalräten wird thematisiert."
        ),
        "intro_en": (
            "Under the AGG, employees have the right to complain to a designated body within "
            "their organisation if they feel they have been discriminated against. Many small "
            "and medium-sized enterprises have named such a body but know little about how it "
            "should work in practice. This compact online training explains the legal "
            "requirements and shows what a fair, confidential and transparent complaints "
            "procedure looks like. Participants receive template documents and practise the "
            "first conversation with a person making a complaint. Cooperation with works and "
            "staff councils is also covered."
        ),
        "objectives_de": [
            "Rechtliche Anforderungen an die Beschwerdestelle kennen",
            "Einen fairen und vertraulichen Beschwerdeprozess gestalten",
            "Erstgespräche mit Beschwerdeführenden sicher führen",
        ],
        "objectives_en": [
            "Know the legal requirements for the complaints office",
            "Design a fair and confidential complaints procedure",
            "Conduct initial conversations with complainants confidently",
        ],
        "agenda_de": [
            ("Rechtlicher Rahmen", "§ 13 AGG, Maßregelungsverbot und Pflichten des Arbeitgebers."),
            (
                "Der Beschwerdeprozess",
                "Von der Eingangsbestätigung bis zur Entscheidung – mit Musterdokumenten.",
            ),
            ("Das Erstgespräch", "Gesprächsübung in Kleingruppen und Auswertung."),
        ],
        "agenda_en": [
            (
                "Legal framework",
                "Section 13 AGG, protection against victimisation and the employer's duties.",
            ),
            (
                "The complaints procedure",
                "From acknowledgement of receipt to the decision – with template documents.",
            ),
            ("The initial conversation", "Role-play in small groups and debrief."),
        ],
        "faq_de": [
            (
                "Erhalte ich Vorlagen für meinen Betrieb?",
                "Ja, Sie erhalten Musterdokumente für Eingangsbestätigung, Gesprächsprotokoll und Abschlussmitteilung.",
            ),
            (
                "Ist die Schulung für Betriebsräte geeignet?",
                "Ja. Betriebs- und Personalräte sind ausdrücklich eingeladen, gern gemeinsam mit der Personalabteilung.",
            ),
        ],
        "faq_en": [
            (
                "Will I receive templates for my company?",
                "Yes, you will receive template documents for acknowledgement of receipt, meeting notes and the final notification.",
            ),
            (
                "Is the training suitable for works councils?",
                "Yes. Works and staff councils are explicitly invited, ideally together with the HR department.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 4,
        "days": 1,
        "format": "online",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "150.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "vorurteile-reflektieren-haltung-staerken",
        "slug_en": "reflecting-on-bias-strengthening-professional-attitude",
        "topic": "anti-discrimination-agg",
        "target_groups": ["managers", "municipal-administration", "jobcentre-staff"],
        "title_de": "Vorurteile reflektieren, Haltung stärken – Antidiskriminierung für Leitungskräfte in der Verwaltung",
        "title_en": "Reflecting on bias, strengthening professional attitude – anti-discrimination for public sector managers",
        "summary_de": (
            "Inhouse-Workshop für Leitungskräfte: die eigene Vorbildrolle reflektieren und "
            "diskriminierungskritische Standards im Verantwortungsbereich verankern."
        ),
        "summary_en": (
            "In-house workshop for managers: reflecting on your role as a model and anchoring "
            "anti-discrimination standards in your area of responsibility."
        ),
        "intro_de": (
            "Leitungskräfte prägen, wie in einer Behörde mit Vielfalt und Diskriminierung "
            "umgegangen wird: durch ihr Vorbild, durch Entscheidungen über Abläufe und durch "
            "die Art, wie sie auf Vorfälle reagieren. Dieser Inhouse-Workshop bietet "
            "Leitungskräften aus Kommunen und Jobcentern einen geschützten Raum, um eigene "
            "Vorannahmen zu reflektieren und die Führungsrolle im Umgang mit Diskriminierung zu "
            "klären. Anhand von Szenarien aus dem Verwaltungsalltag entwickeln die "
            "Teilnehmenden Leitlinien für ihr Team und vereinbaren konkrete nächste Schritte. "
            "Der Workshop wird auf die jeweilige Organisation zugeschnitten."
        ),
        "intro_en": (
            "Managers shape how an authority deals with diversity and discrimination: through "
            "their example, through decisions about procedures and through the way they react "
            "to incidents. This in-house workshop offers managers from municipalities and job "
            "centres a protected space to reflect on their own assumptions and clarify their "
            "leadership role in tackling discrimination. Using scenarios from everyday "
            "administrative work, participants develop guidelines for their team and agree on "
            "concrete next steps. The workshop is tailored to each organisation."
        ),
        "objectives_de": [
            "Eigene Vorannahmen und ihre Wirkung in Führungsentscheidungen reflektieren",
            "Die Führungsrolle bei Diskriminierungsvorfällen klären",
            "Leitlinien für einen diskriminierungskritischen Umgang im Team entwickeln",
        ],
        "objectives_en": [
            "Reflect on your own assumptions and their effect on management decisions",
            "Clarify the manager's role when discrimination occurs",
            "Develop guidelines for tackling discrimination within the team",
        ],
        "agenda_de": [
            ("Führung und Haltung", "Wie Leitungskräfte Organisationskultur prägen."),
            ("Vorannahmen im Führungsalltag", "Übungen zu Wahrnehmung und Entscheidungen."),
            ("Szenarien", "Reaktionen auf Vorfälle im Team und im Kundenkontakt durchspielen."),
            (
                "Leitlinien und Vereinbarungen",
                "Gemeinsame Standards formulieren und nächste Schritte festlegen.",
            ),
        ],
        "agenda_en": [
            ("Leadership and attitude", "How managers shape organisational culture."),
            ("Assumptions in everyday management", "Exercises on perception and decision-making."),
            ("Scenarios", "Rehearsing responses to incidents within the team and with customers."),
            ("Guidelines and agreements", "Formulating shared standards and agreeing next steps."),
        ],
        "faq_de": [
            (
                "Ist der Workshop vertraulich?",
                "Ja. Was im Workshop besprochen wird, bleibt im Raum. Dokumentiert werden nur die gemeinsam vereinbarten Ergebnisse.",
            ),
            (
                "Wie wird der Workshop vorbereitet?",
                "In einem Vorgespräch mit der Auftraggeberin oder dem Auftraggeber klären wir Anlass, Ziele und Rahmenbedingungen.",
            ),
        ],
        "faq_en": [
            (
                "Is the workshop confidential?",
                "Yes. What is discussed in the workshop stays in the room. Only the jointly agreed results are documented.",
            ),
            (
                "How is the workshop prepared?",
                "In a preliminary meeting with the commissioning organisation we clarify the occasion, goals and conditions.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 1,
        "format": "in_person",
        "delivery": "inhouse",
        "languages": ["de"],
        "capacity": 12,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    # ------------------------------------------------------------------
    # Diversity Management
    # ------------------------------------------------------------------
    {
        "slug_de": "diversity-management-in-kmu",
        "slug_en": "diversity-management-in-smes",
        "topic": "diversity-management",
        "target_groups": ["hr-staff-smes", "managers"],
        "title_de": "Diversity Management in KMU – Einstieg und erste Schritte",
        "title_en": "Diversity management in SMEs – getting started",
        "summary_de": (
            "Was bringt Diversity Management einem kleinen oder mittleren Unternehmen? "
            "Grundlagen, Praxisbeispiele und ein erster Maßnahmenplan für den eigenen Betrieb."
        ),
        "summary_en": (
            "What does diversity management offer a small or medium-sized business? Basics, "
            "practical examples and a first action plan for your own company."
        ),
        "intro_de": (
            "Fachkräfte sind knapp, Kundschaft und Belegschaften werden vielfältiger. Diversity "
            "Management hilft Unternehmen, diese Vielfalt bewusst zu gestalten und als Stärke "
            "zu nutzen. Doch wie gelingt das in einem Betrieb mit 20 oder 200 Beschäftigten, "
            "ohne eigene Diversity-Abteilung? Diese Schulung stellt die Dimensionen von "
            "Vielfalt vor, zeigt gelungene Beispiele aus dem Mittelstand und hilft, den Nutzen "
            "für das eigene Unternehmen zu bestimmen. Am Ende des Tages haben die "
            "Teilnehmenden einen ersten Maßnahmenplan, der zu Größe, Branche und Ressourcen "
            "ihres Betriebs passt."
        ),
        "intro_en": (
            "Skilled workers are scarce, and customers and workforces are becoming more diverse. "
            "Diversity management helps companies to shape this diversity deliberately and use it "
            "as a strength. But how does that work in a business with 20 or 200 employees and no "
            "diversity department? This training introduces the dimensions of diversity, presents "
            "successful examples from SMEs and helps participants identify the benefits for their "
            "own company. By the end of the day, participants have a first action plan that suits "
            "the size, sector and resources of their business."
        ),
        "objectives_de": [
            "Dimensionen von Vielfalt und Grundideen des Diversity Managements kennen",
            "Den Nutzen von Diversity Management für den eigenen Betrieb bestimmen",
            "Gute Praxis aus dem Mittelstand übertragen",
            "Einen realistischen ersten Maßnahmenplan erstellen",
        ],
        "objectives_en": [
            "Know the dimensions of diversity and the core ideas of diversity management",
            "Identify the benefits of diversity management for your own business",
            "Adapt good practice from other SMEs",
            "Draw up a realistic first action plan",
        ],
        "agenda_de": [
            (
                "Vielfalt im Betrieb",
                "Dimensionen von Vielfalt und was sie im Arbeitsalltag bedeuten.",
            ),
            ("Der Business Case", "Fachkräftesicherung, Innovation und Kundennähe."),
            ("Gute Praxis", "Beispiele aus Handwerk, Handel und Industrie."),
            ("Maßnahmenplan", "Erste Schritte priorisieren und Verantwortliche festlegen."),
        ],
        "agenda_en": [
            (
                "Diversity in the workplace",
                "Dimensions of diversity and what they mean in everyday work.",
            ),
            (
                "The business case",
                "Securing skilled workers, innovation and closeness to customers.",
            ),
            ("Good practice", "Examples from crafts, retail and manufacturing."),
            ("Action plan", "Prioritising first steps and naming those responsible."),
        ],
        "faq_de": [
            (
                "Lohnt sich die Schulung für sehr kleine Betriebe?",
                "Ja. Viele Maßnahmen sind mit wenig Aufwand umsetzbar. Die Beispiele stammen bewusst auch aus Betrieben mit wenigen Beschäftigten.",
            ),
            (
                "Was kostet die Teilnahme?",
                "Für Unternehmen wird eine Teilnahmegebühr erhoben, die Unterlagen und Verpflegung umfasst. Verwaltungen nehmen kostenfrei teil.",
            ),
        ],
        "faq_en": [
            (
                "Is the training worthwhile for very small businesses?",
                "Yes. Many measures can be implemented with little effort. Some examples deliberately come from businesses with only a few employees.",
            ),
            (
                "How much does it cost?",
                "Companies pay a fee that covers materials and catering. Public administrations take part free of charge.",
            ),
        ],
        "quote_de": (
            "Ich dachte, Diversity sei nur etwas für Konzerne. Jetzt haben wir einen kleinen, "
            "aber konkreten Plan für unsere 40 Beschäftigten."
        ),
        "quote_en": (
            "I thought diversity was only for large corporations. Now we have a small but "
            "concrete plan for our 40 employees."
        ),
        "quote_author": "Geschäftsführerin, Pflegedienst in Schleswig-Holstein",
        "units": 8,
        "days": 1,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "290.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "diversity-check-vielfalt-im-betrieb-analysieren",
        "slug_en": "diversity-check-analysing-diversity-in-your-organisation",
        "topic": "diversity-management",
        "target_groups": ["managers", "hr-staff-smes", "works-councils"],
        "title_de": "Diversity-Check: Vielfalt im Betrieb analysieren",
        "title_en": "Diversity check: analysing diversity in your organisation",
        "summary_de": (
            "Inhouse-Begleitung in zwei Workshops: Personalprozesse, Kommunikation und "
            "Unternehmenskultur systematisch auf Vielfalt und Chancengleichheit prüfen."
        ),
        "summary_en": (
            "In-house support in two workshops: systematically reviewing HR processes, "
            "communication and company culture for diversity and equal opportunities."
        ),
        "intro_de": (
            "Wo steht unser Unternehmen beim Thema Vielfalt, und wo liegen die größten Hebel? "
            "Der Diversity-Check gibt darauf strukturierte Antworten. In einem ersten Workshop "
            "analysieren Geschäftsleitung, Personalverantwortliche und Interessenvertretung "
            "gemeinsam Personalgewinnung, Entwicklung, Kommunikation und Unternehmenskultur. "
            "Ergänzend können anonyme Kurzbefragungen der Belegschaft eingesetzt werden. Im "
            "zweiten Workshop werden die Ergebnisse ausgewertet und in konkrete Ziele und "
            "Maßnahmen übersetzt. Zwischen den Terminen steht die Trainerin oder der Trainer für "
            "Rückfragen online zur Verfügung."
        ),
        "intro_en": (
            "Where does our company stand on diversity, and where are the biggest levers? The "
            "diversity check provides structured answers. In a first workshop, management, HR "
            "staff and employee representatives jointly analyse recruitment, staff development, "
            "communication and company culture. Short anonymous staff surveys can be used as an "
            "addition. In the second workshop, the results are evaluated and turned into concrete "
            "goals and measures. Between the two workshops, the trainer is available online for "
            "questions."
        ),
        "objectives_de": [
            "Personalprozesse systematisch auf Chancengleichheit prüfen",
            "Stärken und Handlungsfelder des eigenen Unternehmens benennen",
            "Ziele und Kennzahlen für ein betriebliches Diversity-Monitoring festlegen",
            "Einen Maßnahmenplan mit klaren Zuständigkeiten entwickeln",
        ],
        "objectives_en": [
            "Systematically review HR processes for equal opportunities",
            "Identify your company's strengths and areas for action",
            "Set goals and indicators for diversity monitoring in the organisation",
            "Develop an action plan with clear responsibilities",
        ],
        "agenda_de": [
            (
                "Workshop 1: Bestandsaufnahme",
                "Analyse anhand des Diversity-Checks in gemischten Gruppen.",
            ),
            (
                "Optionale Kurzbefragung",
                "Anonyme Befragung der Belegschaft zwischen den Workshops.",
            ),
            ("Workshop 2: Auswertung", "Ergebnisse bündeln, Prioritäten setzen."),
            ("Maßnahmen und Monitoring", "Ziele, Kennzahlen und Verantwortlichkeiten festlegen."),
        ],
        "agenda_en": [
            ("Workshop 1: Taking stock", "Analysis using the diversity check in mixed groups."),
            ("Optional short survey", "Anonymous staff survey between the workshops."),
            ("Workshop 2: Evaluation", "Pulling the results together and setting priorities."),
            ("Measures and monitoring", "Setting goals, indicators and responsibilities."),
        ],
        "faq_de": [
            (
                "Welche Daten werden erhoben?",
                "Nur die Daten, die Sie selbst bereitstellen oder über die anonyme Kurzbefragung erheben. Personenbezogene Auswertungen finden nicht statt.",
            ),
            (
                "Muss der Betriebsrat beteiligt werden?",
                "Bei Befragungen der Belegschaft empfehlen wir eine frühzeitige Beteiligung der Interessenvertretung; häufig ist sie ohnehin mitbestimmungspflichtig.",
            ),
        ],
        "faq_en": [
            (
                "What data is collected?",
                "Only the data you provide yourself or collect through the anonymous short survey. There is no analysis of individuals.",
            ),
            (
                "Does the works council have to be involved?",
                "For staff surveys we recommend involving employee representatives early on; their consent is often required anyway.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 12,
        "days": 2,
        "format": "hybrid",
        "delivery": "inhouse",
        "languages": ["de"],
        "capacity": 12,
        "price_administration": "0.00",
        "price_companies": "450.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "vielfaltsorientierte-stellenausschreibungen",
        "slug_en": "diversity-oriented-job-advertisements",
        "topic": "diversity-management",
        "target_groups": ["hr-staff-smes"],
        "title_de": "Vielfaltsorientierte Stellenausschreibungen und Personalmarketing",
        "title_en": "Diversity-oriented job advertisements and employer branding",
        "summary_de": (
            "Online-Workshop: Stellenanzeigen und Karriereseiten so gestalten, dass sie "
            "unterschiedliche Zielgruppen ansprechen – auch internationale Fachkräfte."
        ),
        "summary_en": (
            "Online workshop: designing job advertisements and career pages that appeal to "
            "different target groups – including international skilled workers."
        ),
        "intro_de": (
            "Eine Stellenanzeige ist oft der erste Kontakt zwischen Unternehmen und künftigen "
            "Mitarbeitenden. Ob sich jemand angesprochen fühlt, hängt von Sprache, Bildern und "
            "Anforderungen ab. Dieser Online-Workshop zeigt Personalverantwortlichen, wie sie "
            "Ausschreibungen und Personalmarketing vielfaltsorientiert gestalten: mit "
            "verständlicher Sprache, realistischen Anforderungen und Hinweisen, die "
            "internationale Fachkräfte, Menschen mit Behinderung oder Berufsrückkehrende "
            "ermutigen. Die Teilnehmenden überarbeiten eine eigene Anzeige und erhalten "
            "Feedback. Der Workshop wird auch auf Englisch angeboten, etwa für international "
            "zusammengesetzte Personalteams."
        ),
        "intro_en": (
            "A job advertisement is often the first contact between a company and its future "
            "employees. Whether someone feels addressed depends on language, images and "
            "requirements. This online workshop shows HR staff how to design advertisements and "
            "employer branding with diversity in mind: with clear language, realistic "
            "requirements and signals that encourage international skilled workers, people with "
            "disabilities or people returning to work. Participants revise one of their own "
            "advertisements and receive feedback. The workshop is also offered in English, for "
            "example for international HR teams."
        ),
        "objectives_de": [
            "Ausschlüsse in Sprache, Bildern und Anforderungen erkennen",
            "Stellenanzeigen verständlich und einladend formulieren",
            "Kanäle zur Ansprache vielfältiger Zielgruppen kennen",
        ],
        "objectives_en": [
            "Recognise exclusion in language, images and requirements",
            "Write job advertisements that are clear and inviting",
            "Know channels for reaching diverse target groups",
        ],
        "agenda_de": [
            ("Wer fühlt sich angesprochen?", "Analyse typischer Stellenanzeigen."),
            (
                "Sprache und Anforderungen",
                "Muss- und Kann-Kriterien, verständliche Formulierungen, Signale der Offenheit.",
            ),
            ("Kanäle und Netzwerke", "Wo vielfältige Zielgruppen nach Stellen suchen."),
            ("Werkstatt", "Eigene Anzeige überarbeiten und Feedback erhalten."),
        ],
        "agenda_en": [
            ("Who feels addressed?", "Analysing typical job advertisements."),
            (
                "Language and requirements",
                "Essential and desirable criteria, clear wording, signals of openness.",
            ),
            ("Channels and networks", "Where diverse target groups look for jobs."),
            ("Workshop", "Revising your own advertisement and receiving feedback."),
        ],
        "faq_de": [
            (
                "Was soll ich vorbereiten?",
                "Bitte halten Sie eine aktuelle oder geplante Stellenanzeige Ihres Unternehmens bereit.",
            ),
            (
                "Geht es auch um geschlechtergerechte Sprache?",
                "Ja, als Teil einer Sprache, die möglichst viele Menschen anspricht.",
            ),
        ],
        "faq_en": [
            (
                "What should I prepare?",
                "Please have a current or planned job advertisement from your company to hand.",
            ),
            (
                "Does the workshop cover gender-inclusive language?",
                "Yes, as part of language that appeals to as many people as possible.",
            ),
        ],
        "quote_de": (
            "Nach der Überarbeitung unserer Anzeige haben sich zum ersten Mal Fachkräfte aus dem "
            "Ausland direkt bei uns beworben."
        ),
        "quote_en": (
            "After we revised our advertisement, skilled workers from abroad applied to us "
            "directly for the first time."
        ),
        "quote_author": "Personalverantwortliche, IT-Dienstleister in Sachsen",
        "units": 4,
        "days": 1,
        "format": "online",
        "delivery": "open",
        "languages": ["de", "en"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "150.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "diversity-orientierte-organisationsentwicklung",
        "slug_en": "diversity-oriented-organisational-development",
        "topic": "diversity-management",
        "target_groups": ["managers", "jobcentre-staff", "employment-agency-staff"],
        "title_de": "Diversity-orientierte Organisationsentwicklung in Jobcentern und Arbeitsagenturen",
        "title_en": "Diversity-oriented organisational development in job centres and employment agencies",
        "summary_de": (
            "Für Leitungs- und Steuerungsteams: Vielfalt in Kundenprozessen, Personalentwicklung "
            "und Zusammenarbeit strategisch verankern."
        ),
        "summary_en": (
            "For management and steering teams: anchoring diversity strategically in customer "
            "processes, staff development and cooperation."
        ),
        "intro_de": (
            "Jobcenter und Agenturen für Arbeit sind für eine sehr vielfältige Kundschaft "
            "zuständig und beschäftigen selbst Menschen mit unterschiedlichen Hintergründen. "
            "Diese Inhouse-Schulung unterstützt Leitungs- und Steuerungsteams dabei, Vielfalt "
            "nicht nur punktuell, sondern strategisch zu verankern. An zwei Tagen werden "
            "Kundenprozesse, interne Kommunikation und Personalentwicklung aus der "
            "Diversity-Perspektive betrachtet. Die Teilnehmenden lernen Instrumente wie "
            "Diversity-Monitoring und Zielvereinbarungen kennen und verknüpfen sie mit "
            "bestehenden Steuerungslogiken. Ergebnis ist ein Entwicklungsfahrplan, der in die "
            "Jahresplanung der Dienststelle einfließen kann."
        ),
        "intro_en": (
            "Job centres and employment agencies serve a very diverse clientele and themselves "
            "employ people from many different backgrounds. This in-house training helps "
            "management and steering teams to anchor diversity strategically rather than in "
            "isolated projects. Over two days, customer processes, internal communication and "
            "staff development are examined from a diversity perspective. Participants learn "
            "about tools such as diversity monitoring and target agreements and link them to "
            "existing management processes. The result is a development roadmap that can feed "
            "into the office's annual planning."
        ),
        "objectives_de": [
            "Diversity als Querschnittsaufgabe der Organisationsentwicklung verstehen",
            "Kundenprozesse und Personalentwicklung auf Vielfalt prüfen",
            "Instrumente wie Diversity-Monitoring und Zielvereinbarungen einsetzen",
            "Einen Entwicklungsfahrplan für die eigene Dienststelle erarbeiten",
        ],
        "objectives_en": [
            "Understand diversity as a cross-cutting task of organisational development",
            "Review customer processes and staff development with diversity in mind",
            "Use tools such as diversity monitoring and target agreements",
            "Work out a development roadmap for your own office",
        ],
        "agenda_de": [
            ("Ausgangslage", "Vielfalt bei Kundschaft und Personal – was wissen wir, was fehlt?"),
            ("Kundenprozesse", "Zugänge, Kommunikation und Unterlagen aus Diversity-Sicht."),
            ("Personal und Führung", "Personalgewinnung, Entwicklung und Führungskultur."),
            ("Steuerung", "Diversity-Monitoring, Kennzahlen und Zielvereinbarungen."),
            ("Fahrplan", "Maßnahmen priorisieren und in die Jahresplanung überführen."),
        ],
        "agenda_en": [
            (
                "Starting point",
                "Diversity among customers and staff – what do we know, what is missing?",
            ),
            (
                "Customer processes",
                "Access, communication and documents from a diversity perspective.",
            ),
            ("Staff and leadership", "Recruitment, development and leadership culture."),
            ("Management", "Diversity monitoring, indicators and target agreements."),
            ("Roadmap", "Prioritising measures and feeding them into annual planning."),
        ],
        "faq_de": [
            (
                "Wer sollte teilnehmen?",
                "Geschäftsführung, Bereichs- und Teamleitungen sowie Beauftragte für Chancengleichheit und Migration.",
            ),
            (
                "Wie wird die Schulung vorbereitet?",
                "Vorab findet ein Auftragsklärungsgespräch statt, in dem wir vorhandene Daten und Ziele der Dienststelle besprechen.",
            ),
        ],
        "faq_en": [
            (
                "Who should take part?",
                "Senior management, department and team leads, and equal opportunities and migration officers.",
            ),
            (
                "How is the training prepared?",
                "A preliminary meeting is held to discuss the office's existing data and goals.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 16,
        "days": 2,
        "format": "in_person",
        "delivery": "inhouse",
        "languages": ["de"],
        "capacity": 14,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "0.75",
    },
    # ------------------------------------------------------------------
    # Deutsch am Arbeitsplatz / German at Work
    # ------------------------------------------------------------------
    {
        "slug_de": "deutsch-am-arbeitsplatz-sprachbedarfe-ermitteln",
        "slug_en": "german-at-work-identifying-language-needs",
        "topic": "german-at-work",
        "target_groups": ["language-teachers", "trainers-multipliers"],
        "title_de": "Deutsch am Arbeitsplatz: Sprachbedarfe im Betrieb ermitteln",
        "title_en": "German at Work: identifying language needs in the workplace",
        "summary_de": (
            "Fortbildung für Lehrkräfte: sprachliche Anforderungen am Arbeitsplatz erheben und "
            "daraus passgenaue betriebliche Deutschkurse entwickeln."
        ),
        "summary_en": (
            "Professional development for teachers: analysing the language demands of the "
            "workplace and turning them into tailored in-company German courses."
        ),
        "intro_de": (
            "Betriebliche Deutschkurse sind dann erfolgreich, wenn sie sich an den tatsächlichen "
            "sprachlichen Anforderungen am Arbeitsplatz orientieren. Doch welche Gespräche "
            "führen Beschäftigte in der Produktion, in der Pflege oder im Lager, und welche "
            "Texte müssen sie lesen und schreiben? Diese Fortbildung vermittelt Lehrkräften für "
            "berufsbezogenes Deutsch die Methoden der Sprachbedarfsermittlung: Beobachtung am "
            "Arbeitsplatz, Interviews mit Beschäftigten und Vorgesetzten, Analyse authentischer "
            "Materialien. Die Teilnehmenden führen zwischen den Präsenztagen eine kleine "
            "Erhebung durch und entwickeln daraus Lernszenarien. Grundlage ist das Konzept "
            "Deutsch am Arbeitsplatz der IQ Fachstelle Berufsbezogenes Deutsch."
        ),
        "intro_en": (
            "In-company German courses are successful when they are based on the actual "
            "language demands of the workplace. But what conversations do employees have in "
            "production, in care or in the warehouse, and which texts do they need to read and "
            "write? This professional development course teaches teachers of work-related German "
            "the methods of language needs analysis: observation in the workplace, interviews "
            "with employees and supervisors, and analysis of authentic materials. Between the "
            "on-site days, participants carry out a small analysis of their own and develop "
            "learning scenarios from it. The course is based on the German at Work approach of "
            "the IQ Competence Centre for Vocational German Language."
        ),
        "objectives_de": [
            "Methoden der Sprachbedarfsermittlung kennen und auswählen",
            "Beobachtungen und Interviews im Betrieb planen und durchführen",
            "Authentische Materialien für den Unterricht aufbereiten",
            "Szenariobasierte Lerneinheiten entwickeln",
            "Mit Betrieben über Ziele und Rahmenbedingungen verhandeln",
        ],
        "objectives_en": [
            "Know and select methods of language needs analysis",
            "Plan and carry out observations and interviews in a company",
            "Prepare authentic materials for teaching",
            "Develop scenario-based learning units",
            "Negotiate goals and conditions with companies",
        ],
        "agenda_de": [
            (
                "Das Konzept Deutsch am Arbeitsplatz",
                "Ziele, Prinzipien und Rollen im betrieblichen Sprachlernen.",
            ),
            (
                "Methoden der Bedarfsermittlung",
                "Beobachtung, Interview, Dokumentenanalyse und ihre Grenzen.",
            ),
            (
                "Zugang zum Betrieb",
                "Erstgespräche mit Geschäftsführung, Personalabteilung und Betriebsrat.",
            ),
            ("Praxisphase", "Eigene kleine Erhebung in einem Betrieb."),
            ("Vom Bedarf zum Szenario", "Lernszenarien und Materialien entwickeln und vorstellen."),
        ],
        "agenda_en": [
            (
                "The German at Work approach",
                "Goals, principles and roles in workplace language learning.",
            ),
            (
                "Methods of needs analysis",
                "Observation, interviews, document analysis and their limits.",
            ),
            (
                "Gaining access to the company",
                "Initial meetings with management, HR and the works council.",
            ),
            ("Practice phase", "Carrying out your own small analysis in a company."),
            (
                "From needs to scenarios",
                "Developing and presenting learning scenarios and materials.",
            ),
        ],
        "faq_de": [
            (
                "Muss ich selbst einen Betrieb für die Praxisphase finden?",
                "Idealerweise ja. Wer keinen Zugang hat, wird vom IQ Landesnetzwerk bei der Vermittlung unterstützt.",
            ),
            (
                "Welche Qualifikation wird vorausgesetzt?",
                "Erfahrung im Unterrichten von Deutsch als Zweitsprache, idealerweise im berufsbezogenen Kontext.",
            ),
        ],
        "faq_en": [
            (
                "Do I have to find a company for the practice phase myself?",
                "Ideally yes. If you have no contacts, the IQ state network will help you find one.",
            ),
            (
                "What qualifications are required?",
                "Experience of teaching German as a second language, ideally in a work-related context.",
            ),
        ],
        "quote_de": (
            "Nach der Hospitation in der Montagehalle habe ich meinen Kurs komplett umgestellt. "
            "Die Teilnehmenden erkennen ihren Arbeitsalltag jetzt in jeder Übung wieder."
        ),
        "quote_en": (
            "After observing in the assembly hall, I completely redesigned my course. "
            "Participants now recognise their working day in every exercise."
        ),
        "quote_author": "Lehrkraft für Deutsch als Zweitsprache, Bildungsträger in Hamburg",
        "units": 16,
        "days": 2,
        "format": "in_person",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "sprachsensibel-ausbilden",
        "slug_en": "language-aware-vocational-training",
        "topic": "german-at-work",
        "target_groups": ["hr-staff-smes", "managers", "trainers-multipliers"],
        "title_de": "Sprachsensibel ausbilden: Auszubildende mit Deutsch als Zweitsprache begleiten",
        "title_en": "Language-aware vocational training: supporting apprentices with German as a second language",
        "summary_de": (
            "Für Ausbildende und Personalverantwortliche: Fachsprache verständlich vermitteln, "
            "Lernaufgaben sprachsensibel gestalten und auf die Prüfung vorbereiten."
        ),
        "summary_en": (
            "For company trainers and HR staff: teaching technical language clearly, designing "
            "language-aware learning tasks and preparing for exams."
        ),
        "intro_de": (
            "Viele Auszubildende mit Deutsch als Zweitsprache sind fachlich stark, scheitern "
            "aber an Fachtexten, Berichtsheften oder Prüfungsaufgaben. Ausbildende im Betrieb "
            "können hier viel bewirken, ohne selbst Sprachlehrkraft zu werden. Diese Schulung "
            "zeigt, wie Fachsprache schrittweise aufgebaut, Arbeitsaufträge verständlich "
            "formuliert und schriftliche Aufgaben sprachlich entlastet werden können. Die "
            "Teilnehmenden analysieren typische Prüfungsaufgaben, üben das Erklären von "
            "Fachbegriffen und lernen Unterstützungsangebote kennen. Die Schulung findet hybrid "
            "statt und eignet sich auch für Betriebe mit nur einer oder einem Auszubildenden."
        ),
        "intro_en": (
            "Many apprentices with German as a second language are strong in their trade but "
            "struggle with technical texts, training logbooks or exam questions. Company trainers "
            "can make a big difference here without becoming language teachers. This training "
            "shows how to build up technical language step by step, phrase work assignments "
            "clearly and reduce the language load of written tasks. Participants analyse typical "
            "exam questions, practise explaining technical terms and learn about available "
            "support. The training is held in a hybrid format and is also suitable for businesses "
            "with only one apprentice."
        ),
        "objectives_de": [
            "Sprachliche Hürden in Ausbildung und Prüfung erkennen",
            "Fachbegriffe und Arbeitsaufträge verständlich vermitteln",
            "Lern- und Prüfungsaufgaben sprachsensibel aufbereiten",
            "Unterstützungsangebote für Auszubildende kennen",
        ],
        "objectives_en": [
            "Recognise language barriers in training and exams",
            "Explain technical terms and work assignments clearly",
            "Prepare learning and exam tasks with language in mind",
            "Know the support available for apprentices",
        ],
        "agenda_de": [
            (
                "Sprache in der Ausbildung",
                "Alltagssprache, Bildungssprache, Fachsprache – wo es hakt.",
            ),
            (
                "Verständlich erklären",
                "Fachbegriffe einführen, Wortschatz sichern, Rückfragen ermutigen.",
            ),
            (
                "Aufgaben entlasten",
                "Arbeitsaufträge und Prüfungsaufgaben sprachsensibel analysieren.",
            ),
            (
                "Unterstützung nutzen",
                "Berufsschule, ausbildungsbegleitende Hilfen und berufsbezogene Sprachkurse.",
            ),
        ],
        "agenda_en": [
            (
                "Language in vocational training",
                "Everyday, academic and technical language – where problems arise.",
            ),
            (
                "Explaining clearly",
                "Introducing technical terms, consolidating vocabulary, encouraging questions.",
            ),
            (
                "Reducing the language load",
                "Analysing work assignments and exam questions with language in mind.",
            ),
            (
                "Using support",
                "Vocational school, assisted training and work-related language courses.",
            ),
        ],
        "faq_de": [
            (
                "Werden Prüfungsaufgaben in der Prüfung selbst vereinfacht?",
                "Nein, die Schulung verändert keine Prüfungen. Sie hilft, Auszubildende gezielt auf die sprachlichen Anforderungen vorzubereiten.",
            ),
            (
                "Ist die Schulung branchenübergreifend?",
                "Ja. Beispiele stammen aus Handwerk, Pflege, Handel und Industrie; eigene Materialien können Sie gern mitbringen.",
            ),
        ],
        "faq_en": [
            (
                "Are exam questions simplified in the exam itself?",
                "No, the training does not change exams. It helps you prepare apprentices specifically for the language demands.",
            ),
            (
                "Is the training suitable for all sectors?",
                "Yes. Examples come from crafts, care, retail and manufacturing; you are welcome to bring your own materials.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 1,
        "format": "hybrid",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "190.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "deutsch-am-arbeitsplatz-fuer-betriebe",
        "slug_en": "german-at-work-for-companies",
        "topic": "german-at-work",
        "target_groups": ["hr-staff-smes", "managers", "works-councils"],
        "title_de": "Deutsch am Arbeitsplatz für Betriebe: Sprachlernen im Arbeitsalltag fördern",
        "title_en": "German at Work for companies: supporting language learning in everyday work",
        "summary_de": (
            "Kompakte Online-Information für Unternehmen: Wie betriebliche Sprachförderung "
            "funktioniert, was sie kostet und wie der Einstieg gelingt."
        ),
        "summary_en": (
            "Compact online briefing for companies: how workplace language support works, what "
            "it costs and how to get started."
        ),
        "intro_de": (
            "Sprachkenntnisse sind ein Schlüssel für Arbeitssicherheit, Qualität und "
            "Zusammenarbeit. Viele Unternehmen möchten ihre Beschäftigten beim Deutschlernen "
            "unterstützen, wissen aber nicht, wo sie anfangen sollen. Diese kompakte "
            "Online-Schulung stellt das Konzept Deutsch am Arbeitsplatz vor: Sprachlernen, das "
            "direkt an betriebliche Abläufe anknüpft und im Idealfall während der Arbeitszeit "
            "stattfindet. Die Teilnehmenden erfahren, welche Förderprogramme es gibt, wie eine "
            "Kooperation mit Bildungsträgern aussehen kann und was der Betrieb selbst beitragen "
            "kann, etwa durch Sprachpatenschaften. Die Schulung wird auch auf Englisch "
            "angeboten."
        ),
        "intro_en": (
            "Language skills are key to occupational safety, quality and teamwork. Many "
            "companies want to support their employees in learning German but do not know where "
            "to begin. This compact online training introduces the German at Work approach: "
            "language learning that links directly to workplace processes and ideally takes "
            "place during working hours. Participants find out which funding programmes are "
            "available, what cooperation with training providers can look like and what the "
            "company itself can contribute, for example through language buddy schemes. The "
            "training is also offered in English."
        ),
        "objectives_de": [
            "Das Konzept Deutsch am Arbeitsplatz kennen",
            "Förderprogramme für berufsbezogene Sprachkurse überblicken",
            "Erste Schritte für die Sprachförderung im eigenen Betrieb planen",
        ],
        "objectives_en": [
            "Understand the German at Work approach",
            "Get an overview of funding for work-related language courses",
            "Plan first steps for language support in your own company",
        ],
        "agenda_de": [
            ("Warum Sprache im Betrieb zählt", "Arbeitssicherheit, Qualität und Teamarbeit."),
            (
                "Das Konzept",
                "Bedarfsermittlung, Lernen am Arbeitsplatz und die Rolle des Betriebs.",
            ),
            (
                "Förderung und Partner",
                "Öffentlich geförderte Sprachkurse, Bildungsträger und Ansprechstellen.",
            ),
        ],
        "agenda_en": [
            ("Why language matters at work", "Occupational safety, quality and teamwork."),
            ("The approach", "Needs analysis, learning in the workplace and the company's role."),
            (
                "Funding and partners",
                "Publicly funded language courses, training providers and contact points.",
            ),
        ],
        "faq_de": [
            (
                "Ist die Schulung ein Deutschkurs?",
                "Nein. Sie richtet sich an Verantwortliche im Unternehmen, die Sprachförderung für ihre Beschäftigten organisieren möchten.",
            ),
            (
                "Wer hilft nach der Schulung weiter?",
                "Ihr IQ Landesnetzwerk berät Sie gern zu passenden Angeboten in Ihrer Region.",
            ),
        ],
        "faq_en": [
            (
                "Is this a German course?",
                "No. It is for people in companies who want to organise language support for their employees.",
            ),
            (
                "Who can help after the training?",
                "Your IQ state network will be happy to advise you on suitable offers in your region.",
            ),
        ],
        "quote_de": (
            "In zwei Stunden hatte ich einen klaren Überblick. Drei Monate später startete "
            "unser erster Deutschkurs direkt im Werk."
        ),
        "quote_en": (
            "Within two hours I had a clear overview. Three months later, our first German "
            "course started right at the plant."
        ),
        "quote_author": "Produktionsleiter, Lebensmittelhersteller in Brandenburg",
        "units": 4,
        "days": 1,
        "format": "online",
        "delivery": "open",
        "languages": ["de", "en"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "sprachbegleitung-im-betrieb",
        "slug_en": "workplace-language-mentoring",
        "topic": "german-at-work",
        "target_groups": ["hr-staff-smes", "works-councils"],
        "title_de": "Sprachbegleitung im Betrieb: Kolleginnen und Kollegen als Sprachpatinnen und Sprachpaten",
        "title_en": "Workplace language mentoring: colleagues as language buddies",
        "summary_de": (
            "Inhouse-Schulung für Beschäftigte, die neue Kolleginnen und Kollegen beim "
            "Deutschlernen im Arbeitsalltag unterstützen möchten."
        ),
        "summary_en": (
            "In-house training for employees who want to support new colleagues in learning "
            "German during everyday work."
        ),
        "intro_de": (
            "Sprache lernt man am besten dort, wo man sie braucht. Sprachpatinnen und "
            "Sprachpaten im Betrieb helfen neuen Kolleginnen und Kollegen, sich im "
            "Arbeitsalltag sprachlich zurechtzufinden: beim Verstehen von Anweisungen, beim "
            "Nachfragen oder beim Smalltalk in der Pause. Diese Inhouse-Schulung bereitet "
            "interessierte Beschäftigte auf diese Rolle vor. Sie lernen, langsamer und "
            "deutlicher zu sprechen, ohne kindlich zu wirken, Wortschatz gezielt zu sichern und "
            "Fehler wertschätzend zu korrigieren. Ein halbtägiger Folgetermin nach einigen Wochen "
            "dient dem Erfahrungsaustausch. Die Schulung wird in Absprache mit Personalabteilung und "
            "Betriebsrat geplant."
        ),
        "intro_en": (
            "Language is best learned where it is needed. Language buddies in the workplace help "
            "new colleagues find their way linguistically in everyday work: understanding "
            "instructions, asking questions or chatting during breaks. This in-house training "
            "prepares interested employees for this role. They learn to speak more slowly and "
            "clearly without sounding patronising, to consolidate vocabulary in a targeted way "
            "and to correct mistakes appreciatively. A half-day follow-up meeting after a few weeks "
            "is used to share experiences. The training is planned in consultation with the HR department "
            "and the works council."
        ),
        "objectives_de": [
            "Die Rolle als Sprachpatin oder Sprachpate klären",
            "Verständlich sprechen und Verständnis sichern",
            "Wortschatz im Arbeitsalltag gezielt aufbauen",
            "Fehler wertschätzend korrigieren",
        ],
        "objectives_en": [
            "Clarify the role of a language buddy",
            "Speak clearly and check understanding",
            "Build vocabulary in a targeted way during everyday work",
            "Correct mistakes appreciatively",
        ],
        "agenda_de": [
            (
                "Rolle und Grenzen",
                "Was Sprachpatinnen und Sprachpaten leisten können – und was nicht.",
            ),
            ("Verständlich sprechen", "Tempo, Satzbau, Gestik und Rückfragen."),
            ("Lernen im Arbeitsalltag", "Wortschatzkarten, Fotos, kurze Übungen am Arbeitsplatz."),
            ("Erfahrungsaustausch", "Nach einigen Wochen: Was klappt, was braucht es noch?"),
        ],
        "agenda_en": [
            ("Role and limits", "What language buddies can do – and what they cannot."),
            ("Speaking clearly", "Pace, sentence structure, gestures and checking questions."),
            (
                "Learning in everyday work",
                "Vocabulary cards, photos and short exercises at the workplace.",
            ),
            ("Sharing experiences", "After a few weeks: what works, and what else is needed?"),
        ],
        "faq_de": [
            (
                "Brauchen Sprachpatinnen und Sprachpaten Vorkenntnisse?",
                "Nein. Wichtig sind Interesse, Geduld und etwas Zeit im Arbeitsalltag, die der Betrieb dafür einräumt.",
            ),
            (
                "Wie viele Personen können teilnehmen?",
                "Pro Schulung bis zu 14 Beschäftigte. Für größere Betriebe sind mehrere Durchgänge möglich.",
            ),
        ],
        "faq_en": [
            (
                "Do language buddies need any prior knowledge?",
                "No. What matters is interest, patience and some time during the working day that the company makes available.",
            ),
            (
                "How many people can take part?",
                "Up to 14 employees per training. Several runs are possible for larger companies.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 12,
        "days": 2,
        "format": "in_person",
        "delivery": "inhouse",
        "languages": ["de"],
        "capacity": 14,
        "price_administration": "0.00",
        "price_companies": "350.00",
        "certificate_share": "0.75",
    },
    # ------------------------------------------------------------------
    # Sprachsensible Beratung / Language-sensitive counselling
    # ------------------------------------------------------------------
    {
        "slug_de": "sprachsensible-beratung-grundlagen",
        "slug_en": "language-sensitive-counselling-basics",
        "topic": "language-sensitive-counselling",
        "target_groups": ["jobcentre-staff", "employment-agency-staff"],
        "title_de": "Sprachsensible Beratung – Grundlagen",
        "title_en": "Language-sensitive counselling – the basics",
        "summary_de": (
            "Beratungsgespräche verständlich führen, wenn Deutsch nicht die Erstsprache ist: "
            "einfache Sprache, Verständnissicherung und visuelle Hilfsmittel."
        ),
        "summary_en": (
            "Conducting counselling sessions clearly when German is not the first language: "
            "plain language, checking understanding and visual aids."
        ),
        "intro_de": (
            "In vielen Beratungsgesprächen in Jobcentern und Arbeitsagenturen ist Deutsch nicht "
            "die Erstsprache der Kundinnen und Kunden. Wichtige Informationen zu Pflichten, "
            "Fristen und Angeboten kommen dann oft nur teilweise an. Sprachsensible Beratung "
            "setzt genau hier an: Sie verbindet eine bewusste, gut verständliche Sprache mit "
            "Methoden zur Verständnissicherung und visuellen Hilfsmitteln. In dieser Schulung "
            "analysieren die Teilnehmenden typische Gesprächssituationen, üben das Umformulieren "
            "komplexer Inhalte und erproben einfache Visualisierungen. Ziel ist nicht, "
            "vereinfacht über Menschen zu sprechen, sondern verständlich mit ihnen."
        ),
        "intro_en": (
            "In many counselling sessions in job centres and employment agencies, German is not "
            "the customer's first language. Important information about obligations, deadlines "
            "and services then often gets across only partly. Language-sensitive counselling "
            "addresses exactly this: it combines deliberate, easy-to-understand language with "
            "methods for checking understanding and visual aids. In this training, participants "
            "analyse typical counselling situations, practise rephrasing complex content and try "
            "out simple visualisations. The aim is not to talk down to people but to talk with "
            "them in a way they understand."
        ),
        "objectives_de": [
            "Sprachliche Hürden in Beratungsgesprächen erkennen",
            "Komplexe Inhalte verständlich formulieren",
            "Verständnis im Gespräch aktiv sichern",
            "Visuelle Hilfsmittel gezielt einsetzen",
        ],
        "objectives_en": [
            "Recognise language barriers in counselling sessions",
            "Put complex content into clear words",
            "Actively check understanding during conversations",
            "Use visual aids effectively",
        ],
        "agenda_de": [
            (
                "Sprache und Verstehen",
                "Wie sich das Gespräch in einer Zweitsprache anfühlt – eine Selbsterfahrung.",
            ),
            ("Verständlich sprechen", "Satzbau, Wortwahl, Fachbegriffe und Behördendeutsch."),
            ("Verständnis sichern", "Offene Fragen, Zusammenfassungen und die Teach-back-Methode."),
            ("Visualisieren", "Zeitstrahlen, Symbole und einfache Skizzen im Beratungsgespräch."),
            ("Übungsgespräche", "Fallbeispiele in Kleingruppen mit Rückmeldung."),
        ],
        "agenda_en": [
            (
                "Language and understanding",
                "What a conversation in a second language feels like – a self-experience exercise.",
            ),
            (
                "Speaking clearly",
                "Sentence structure, word choice, technical terms and official jargon.",
            ),
            ("Checking understanding", "Open questions, summaries and the teach-back method."),
            ("Visualising", "Timelines, symbols and simple sketches in counselling."),
            ("Practice conversations", "Case studies in small groups with feedback."),
        ],
        "faq_de": [
            (
                "Geht es um Leichte Sprache?",
                "Die Schulung nutzt Prinzipien einfacher und verständlicher Sprache für das mündliche Gespräch. Leichte Sprache im engeren Sinn ist ein eigenes Regelwerk.",
            ),
            (
                "Ersetzt sprachsensible Beratung Dolmetschende?",
                "Nein. Bei komplexen oder folgenreichen Gesprächen bleibt professionelle Sprachmittlung wichtig. Dazu gibt es eine eigene Schulung.",
            ),
        ],
        "faq_en": [
            (
                "Is this about Easy Language?",
                "The training applies principles of plain, understandable language to spoken conversation. Easy Language in the narrow sense is a separate set of rules.",
            ),
            (
                "Does language-sensitive counselling replace interpreters?",
                "No. Professional interpreting remains important for complex or consequential conversations. There is a separate training on this.",
            ),
        ],
        "quote_de": (
            "Die Teach-back-Methode nutze ich jetzt in fast jedem Gespräch. Seitdem gibt es "
            "deutlich weniger Missverständnisse bei Terminen und Unterlagen."
        ),
        "quote_en": (
            "I now use the teach-back method in almost every conversation. Since then there have "
            "been far fewer misunderstandings about appointments and documents."
        ),
        "quote_author": "Beraterin für berufliche Rehabilitation, Agentur für Arbeit in Bremen",
        "units": 8,
        "days": 1,
        "format": "in_person",
        "delivery": "both",
        "languages": ["de"],
        "capacity": 16,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "verstaendlich-schreiben-bescheide-und-einladungen",
        "slug_en": "writing-clearly-notices-and-invitation-letters",
        "topic": "language-sensitive-counselling",
        "target_groups": ["municipal-administration", "jobcentre-staff"],
        "title_de": "Verständlich schreiben: Bescheide und Einladungen sprachsensibel formulieren",
        "title_en": "Writing clearly: language-sensitive notices and invitation letters",
        "summary_de": (
            "Online-Schreibwerkstatt: Behördenschreiben rechtssicher und zugleich verständlich "
            "formulieren – mit Übungen an eigenen Texten."
        ),
        "summary_en": (
            "Online writing workshop: drafting official letters that are legally sound and easy "
            "to understand – with exercises on your own texts."
        ),
        "intro_de": (
            "Einladungen, Anhörungen und Bescheide sind für viele Empfängerinnen und Empfänger "
            "schwer verständlich, besonders wenn Deutsch nicht ihre Erstsprache ist. Die Folge "
            "sind versäumte Termine, Rückfragen und Widersprüche. Diese Online-Schreibwerkstatt "
            "zeigt Mitarbeitenden aus Kommunalverwaltungen und Jobcentern, wie sie Schreiben "
            "verständlicher gestalten, ohne die Rechtssicherheit zu gefährden. Im Mittelpunkt "
            "stehen klare Struktur, aktive Formulierungen, gezielt erklärte Fachbegriffe und ein "
            "übersichtliches Layout. Die Teilnehmenden bringen eigene Textbausteine mit und "
            "überarbeiten sie in Kleingruppen. Die Schulung findet an zwei Vormittagen statt."
        ),
        "intro_en": (
            "Invitation letters, hearing notices and decisions are hard for many recipients to "
            "understand, especially if German is not their first language. The result is missed "
            "appointments, queries and objections. This online writing workshop shows staff from "
            "municipal administrations and job centres how to make letters easier to understand "
            "without compromising legal certainty. The focus is on clear structure, active "
            "phrasing, technical terms that are explained where needed and a clear layout. "
            "Participants bring their own standard text passages and revise them in small "
            "groups. The training takes place on two mornings."
        ),
        "objectives_de": [
            "Verständlichkeitshürden in Behördenschreiben erkennen",
            "Texte klar strukturieren und aktiv formulieren",
            "Rechtlich notwendige Inhalte verständlich erklären",
            "Eigene Textbausteine überarbeiten",
        ],
        "objectives_en": [
            "Recognise what makes official letters hard to understand",
            "Structure texts clearly and use active phrasing",
            "Explain legally required content in an understandable way",
            "Revise your own standard text passages",
        ],
        "agenda_de": [
            ("Was macht Texte schwer?", "Satzlänge, Nominalstil, Fachbegriffe und Aufbau."),
            (
                "Werkzeuge",
                "Regeln für verständliches Schreiben und ihre Grenzen im Verwaltungsrecht.",
            ),
            ("Layout und Struktur", "Überschriften, Listen und das Wichtigste zuerst."),
            ("Schreibwerkstatt", "Eigene Textbausteine überarbeiten und besprechen."),
        ],
        "agenda_en": [
            (
                "What makes texts difficult?",
                "Sentence length, nominal style, technical terms and structure.",
            ),
            ("Tools", "Rules for clear writing and their limits in administrative law."),
            ("Layout and structure", "Headings, lists and putting the most important point first."),
            ("Writing workshop", "Revising and discussing your own standard passages."),
        ],
        "faq_de": [
            (
                "Dürfen wir unsere Textbausteine einfach ändern?",
                "Das klären Sie bitte intern, etwa mit der Rechtsabteilung. Die Schulung liefert Vorschläge und Argumente für diese Abstimmung.",
            ),
            (
                "Welche Texte soll ich mitbringen?",
                "Ein bis zwei häufig verwendete Schreiben oder Textbausteine, gern ohne personenbezogene Daten.",
            ),
        ],
        "faq_en": [
            (
                "Are we allowed to change our standard passages?",
                "Please clarify this internally, for example with your legal department. The training provides suggestions and arguments for that discussion.",
            ),
            (
                "Which texts should I bring?",
                "One or two frequently used letters or standard passages, without personal data.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 8,
        "days": 2,
        "format": "online",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 14,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "beratung-mit-sprachmittlung",
        "slug_en": "counselling-with-interpreters",
        "topic": "language-sensitive-counselling",
        "target_groups": ["jobcentre-staff", "employment-agency-staff", "municipal-administration"],
        "title_de": "Beratung mit Sprachmittlung: Dolmetschende professionell einbinden",
        "title_en": "Counselling with interpreters: working effectively with language mediators",
        "summary_de": (
            "Wann ist Sprachmittlung nötig, und wie gelingt das Gespräch zu dritt? Rollen, "
            "Vorbereitung und Gesprächsführung mit Dolmetschenden, auch per Video oder Telefon."
        ),
        "summary_en": (
            "When is interpreting needed, and how does a three-way conversation work? Roles, "
            "preparation and conducting sessions with interpreters, including by video or phone."
        ),
        "intro_de": (
            "Für viele Beratungsgespräche reicht eine einfache, verständliche Sprache nicht aus. "
            "Geht es um Rechte und Pflichten, um gesundheitliche Themen oder um wichtige "
            "Entscheidungen, ist professionelle Sprachmittlung gefragt. Das Gespräch zu dritt "
            "folgt eigenen Regeln: Wer spricht wen an, wie wird übersetzt, und was tun, wenn "
            "Angehörige als Sprachmittelnde mitkommen? Diese kompakte Online-Schulung klärt "
            "Rollen und Abläufe, zeigt die Besonderheiten von Video- und Telefondolmetschen und "
            "übt die Gesprächsführung in kurzen Rollenspielen. Termine gibt es auf Deutsch und "
            "auf Englisch."
        ),
        "intro_en": (
            "For many counselling sessions, simple and clear language is not enough. When rights "
            "and obligations, health matters or important decisions are at stake, professional "
            "interpreting is needed. A three-way conversation follows its own rules: who "
            "addresses whom, how is interpreting done, and what should you do when relatives "
            "come along to interpret? This compact online training clarifies roles and "
            "procedures, shows what is special about video and telephone interpreting and "
            "practises conducting sessions in short role-plays. Dates are available in German "
            "and in English."
        ),
        "objectives_de": [
            "Einschätzen, wann professionelle Sprachmittlung nötig ist",
            "Rollen im Gespräch zu dritt klären",
            "Gespräche mit Dolmetschenden vorbereiten und führen",
            "Besonderheiten von Video- und Telefondolmetschen berücksichtigen",
        ],
        "objectives_en": [
            "Judge when professional interpreting is needed",
            "Clarify roles in a three-way conversation",
            "Prepare and conduct sessions with interpreters",
            "Take account of the specifics of video and telephone interpreting",
        ],
        "agenda_de": [
            (
                "Wann Sprachmittlung?",
                "Kriterien, Ansprüche und organisatorische Wege in der eigenen Behörde.",
            ),
            ("Rollen und Regeln", "Beratende, Dolmetschende und Kundschaft – wer macht was?"),
            (
                "Das Gespräch zu dritt",
                "Vorgespräch, direkte Ansprache, Nachbesprechung; Rollenspiele in Kleingruppen.",
            ),
            ("Digital dolmetschen", "Tipps für Video- und Telefondolmetschen."),
        ],
        "agenda_en": [
            (
                "When to use interpreting",
                "Criteria, entitlements and organisational routes within your authority.",
            ),
            ("Roles and rules", "Counsellor, interpreter and customer – who does what?"),
            (
                "The three-way conversation",
                "Briefing, addressing the customer directly, debriefing; role-plays in small groups.",
            ),
            ("Remote interpreting", "Tips for video and telephone interpreting."),
        ],
        "faq_de": [
            (
                "Dürfen Kinder übersetzen?",
                "Davon ist abzuraten. Die Schulung zeigt, warum, und welche Alternativen es gibt, wenn kurzfristig keine Sprachmittlung verfügbar ist.",
            ),
            (
                "Ist die Schulung auch für Dolmetschende geeignet?",
                "Sie richtet sich an Beratende. Sprachmittelnde sind aber willkommen, um die Perspektive der anderen Seite einzubringen.",
            ),
        ],
        "faq_en": [
            (
                "Should children interpret?",
                "This is not advisable. The training explains why and shows alternatives when no interpreter is available at short notice.",
            ),
            (
                "Is the training also suitable for interpreters?",
                "It is aimed at counsellors, but interpreters are welcome to bring in the other side's perspective.",
            ),
        ],
        "quote_de": (
            "Ich spreche jetzt die Kundin direkt an und nicht mehr den Dolmetscher. Das klingt "
            "banal, verändert aber das ganze Gespräch."
        ),
        "quote_en": (
            "I now address the customer directly rather than the interpreter. It sounds trivial, "
            "but it changes the whole conversation."
        ),
        "quote_author": "Sachbearbeiter, Sozialamt in Bayern",
        "units": 4,
        "days": 1,
        "format": "online",
        "delivery": "open",
        "languages": ["de", "en"],
        "capacity": 20,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "1.00",
    },
    {
        "slug_de": "sprachsensible-beratung-aufbauschulung",
        "slug_en": "language-sensitive-counselling-advanced",
        "topic": "language-sensitive-counselling",
        "target_groups": ["jobcentre-staff", "employment-agency-staff", "trainers-multipliers"],
        "title_de": "Sprachsensible Beratung – Aufbauschulung mit Praxisfällen",
        "title_en": "Language-sensitive counselling – advanced course with practice cases",
        "summary_de": (
            "Vertiefung für Beratende mit Vorkenntnissen: schwierige Gesprächssituationen, "
            "Mehrsprachigkeit als Ressource und Weitergabe im eigenen Team."
        ),
        "summary_en": (
            "In-depth course for counsellors with prior knowledge: difficult conversations, "
            "multilingualism as a resource and sharing the approach in your own team."
        ),
        "intro_de": (
            "Wer die Grundlagen der sprachsensiblen Beratung kennt, stößt im Alltag schnell auf "
            "anspruchsvollere Situationen: Gespräche über Sanktionen, Eingliederungsvereinbarungen "
            "oder gesundheitliche Einschränkungen, Kundinnen und Kunden mit sehr geringen "
            "Deutschkenntnissen oder Gespräche unter Zeitdruck. Diese Aufbauschulung arbeitet "
            "intensiv mit Praxisfällen der Teilnehmenden und Videoanalysen von Übungsgesprächen. "
            "Außerdem geht es darum, die Mehrsprachigkeit von Kundschaft und Kollegium als "
            "Ressource zu nutzen. Ein eigener Baustein bereitet darauf vor, sprachsensible "
            "Beratung als Multiplikatorin oder Multiplikator im eigenen Team weiterzugeben."
        ),
        "intro_en": (
            "Anyone familiar with the basics of language-sensitive counselling soon encounters "
            "more demanding situations: conversations about sanctions, integration agreements "
            "or health restrictions, customers with very limited German, or conversations under "
            "time pressure. This advanced course works intensively with participants' own cases "
            "and video analysis of practice conversations. It also explores how the "
            "multilingualism of customers and colleagues can be used as a resource. A separate "
            "module prepares participants to pass on language-sensitive counselling to their own "
            "team as multipliers."
        ),
        "objectives_de": [
            "Sprachsensible Methoden in anspruchsvollen Gesprächen anwenden",
            "Eigene Gesprächsführung per Videoanalyse reflektieren",
            "Mehrsprachigkeit im Team und bei Kundschaft als Ressource nutzen",
            "Inhalte im eigenen Team als Multiplikatorin oder Multiplikator weitergeben",
        ],
        "objectives_en": [
            "Apply language-sensitive methods in demanding conversations",
            "Reflect on your own conversation style through video analysis",
            "Use the multilingualism of colleagues and customers as a resource",
            "Pass on the content to your own team as a multiplier",
        ],
        "agenda_de": [
            (
                "Rückblick und Praxisfragen",
                "Erfahrungen seit der Grundlagenschulung und offene Fragen.",
            ),
            (
                "Anspruchsvolle Gespräche",
                "Rechtsfolgen, Vereinbarungen und Gesundheitsthemen verständlich besprechen.",
            ),
            ("Videoanalyse", "Übungsgespräche aufzeichnen, gemeinsam auswerten und verbessern."),
            (
                "Mehrsprachigkeit als Ressource",
                "Mehrsprachige Materialien, Kolleginnen und Kollegen als Brücke, Grenzen.",
            ),
            (
                "Multiplikation im Team",
                "Kurzformate und Materialien für die Weitergabe im eigenen Team.",
            ),
        ],
        "agenda_en": [
            (
                "Review and practice questions",
                "Experiences since the basic course and open questions.",
            ),
            (
                "Demanding conversations",
                "Discussing legal consequences, agreements and health issues clearly.",
            ),
            (
                "Video analysis",
                "Recording practice conversations, evaluating and improving them together.",
            ),
            (
                "Multilingualism as a resource",
                "Multilingual materials, colleagues as a bridge, and the limits.",
            ),
            (
                "Sharing in the team",
                "Short formats and materials for passing the approach on to your team.",
            ),
        ],
        "faq_de": [
            (
                "Muss ich die Grundlagenschulung besucht haben?",
                "Ja, oder vergleichbare Vorkenntnisse mitbringen. So kann die Aufbauschulung direkt in die Vertiefung einsteigen.",
            ),
            (
                "Was passiert mit den Videoaufnahmen?",
                "Die Aufnahmen dienen nur der gemeinsamen Auswertung in der Gruppe und werden am Ende der Schulung gelöscht.",
            ),
        ],
        "faq_en": [
            (
                "Do I need to have attended the basic course?",
                "Yes, or have comparable prior knowledge. This allows the advanced course to go straight into depth.",
            ),
            (
                "What happens to the video recordings?",
                "The recordings are used only for joint evaluation in the group and are deleted at the end of the training.",
            ),
        ],
        "quote_de": "",
        "quote_en": "",
        "quote_author": "",
        "units": 16,
        "days": 2,
        "format": "in_person",
        "delivery": "open",
        "languages": ["de"],
        "capacity": 12,
        "price_administration": "0.00",
        "price_companies": "0.00",
        "certificate_share": "0.75",
    },
]
