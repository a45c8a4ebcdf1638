-- The processing register (verwerkingsregister, AVG art. 30; decision 0027): one row per
-- processing activity with its current texts, and every version of those texts, so that a log
-- row exported in the form of the Logboek Dataverwerkingen names the version that held when it
-- was written. The codes are fixed by the product (domain::processing); an admin edits texts.

CREATE TABLE processing_activities (
    code TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    purpose TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    data_subjects TEXT NOT NULL,
    data_categories TEXT NOT NULL,
    retention TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TEXT NOT NULL
);

CREATE TABLE processing_activity_versions (
    code TEXT NOT NULL REFERENCES processing_activities (code),
    version INTEGER NOT NULL,
    valid_from TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    purpose TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    data_subjects TEXT NOT NULL,
    data_categories TEXT NOT NULL,
    retention TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    PRIMARY KEY (code, version)
);

-- The key the export derives a data subject's pseudonym from (dpl.core.data_subject_id): the
-- same person gets the same pseudonym in every export, and the pseudonym alone names nobody.
CREATE TABLE ldv_settings (
    id INTEGER PRIMARY KEY,
    subject_key TEXT NOT NULL
);
INSERT INTO ldv_settings (id, subject_key) VALUES (1, lower(hex(randomblob(32))));

-- The product's activities, first version valid from long before any log row.
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('family-support', 1, 'Ondersteuning van gezinnen', 'Support of families', 'Gezinnen en jongeren helpen met opvoeden en opgroeien: aanmelding, kennismaking, ondersteuning, gezinsplan, contacten en werkaantekeningen.', 'AVG art. 6 lid 1 sub e (taak van algemeen belang); Jeugdwet hoofdstuk 7.4 (gegevensverwerking door jeugdhulpaanbieders).', 'Kinderen en jongeren, ouders en andere gezinsleden, belangrijke anderen in het netwerk, aanmelders.', 'Naam, geboortedatum, adres en contactgegevens; gezinssamenstelling en gezag; hulpvraag, doelen en afspraken; verslagen van contacten en werkaantekeningen (kan gegevens over gezondheid bevatten).', '20 jaar na de laatste wijziging van het dossier, of langer als dat nodig is voor goede hulp (Jeugdwet art. 7.3.8).', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('family-portal', 1, 'Mijn Buurtteam', 'Mijn Buurtteam (family portal)', 'Gezinsleden en hun netwerk laten meelezen en meedoen met het gezinsplan, en laten zien wie het dossier bekeek.', 'AVG art. 6 lid 1 sub e; inzagerecht van betrokkenen (AVG art. 15).', 'Gezinsleden met een account, belangrijke anderen die zijn uitgenodigd.', 'Naam, e-mailadres, uitnodigings- en aanmeldgegevens, wat iemand in het gezinsplan deelt.', 'Zolang het dossier wordt bewaard; een account vervalt als de uitnodiging niet wordt gebruikt.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('access-logging', 1, 'Vastleggen van inzage en toegang', 'Logging of access', 'Vastleggen en tonen wie een dossier bekeek of wijzigde, zodat gezinnen en de organisatie dat kunnen nagaan (NEN 7513).', 'AVG art. 6 lid 1 sub e; NEN 7510 en NEN 7513 (logging van toegang tot dossiers).', 'Medewerkers, gezinsleden en hun netwerk van wie een dossier werd bekeken.', 'Wie, wanneer, welk dossier en welke handeling; geen inhoud van het dossier.', 'Zo lang als het dossier waar de regel bij hoort; daarna gepseudonimiseerd.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('data-subject-rights', 1, 'Rechten van betrokkenen', 'Rights of data subjects', 'Verzoeken om inzage, een kopie en vernietiging van een dossier vastleggen, beoordelen en uitvoeren.', 'AVG art. 6 lid 1 sub c; AVG art. 15 (inzage en kopie) en art. 17; Jeugdwet art. 7.3.9 (vernietiging op verzoek).', 'Gezinsleden die een verzoek doen, en de gezinsleden in het dossier.', 'Wie het verzoek deed, de datum van ontvangst, de beslissing en de reden; welke gegevens zijn verstrekt of vernietigd (nooit de inhoud zelf).', 'Zo lang als het logboek; een vernietigd dossier laat alleen een grafsteen achter.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('security', 1, 'Beveiliging en toegangscontrole', 'Security and access control', 'Inloggen, tweede factor, en het weigeren en vastleggen van pogingen om iets te doen wat een rol niet mag.', 'AVG art. 6 lid 1 sub e; beveiliging volgens NEN 7510.', 'Medewerkers en gezinsleden met een account.', 'E-mailadres, tijdstip van inloggen, geweigerde pogingen, sessiekenmerk (nooit een wachtwoord of code).', 'Zo lang als de rest van het logboek.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('staff-accounts', 1, 'Accounts van medewerkers', 'Staff accounts', 'Accounts van medewerkers aanmaken, wijzigen, activeren, blokkeren en vrijgeven.', 'AVG art. 6 lid 1; de arbeidsrelatie met de medewerker.', 'Medewerkers.', 'Naam, e-mailadres, rol, teams, contracturen, status van het account.', 'Zolang de medewerker een account heeft, en daarna zo lang als het logboek.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('organisation', 1, 'Inrichting van de organisatie', 'Setting up the organisation', 'Wijken, buurten, teams, sluitingsdagen, keuzelijsten en dit verwerkingsregister bijhouden.', 'Geen persoonsgegevens van cliënten; wie iets wijzigde wordt vastgelegd (AVG art. 6 lid 1).', 'Medewerkers die de organisatie inrichten.', 'Wie wat wijzigde en wanneer, met de oude en nieuwe waarde.', 'Zo lang als het logboek.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('steering', 1, 'Sturing en verantwoording', 'Steering and accountability', 'Stuurinformatie voor teams, wijken en de gemeente: alleen tellingen, nooit gegevens van één gezin.', 'AVG art. 6 lid 1 sub e.', 'Geen: alleen geaggregeerde cijfers.', 'Aantallen per team, wijk en periode; inwonertallen per wijk.', 'Zo lang als het logboek.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('synthetic-data', 1, 'Demo- en testgegevens', 'Demo and test data', 'Een verzonnen organisatie met verzonnen gezinnen maken voor demonstraties en tests.', 'Niet van toepassing: geen gegevens van echte personen.', 'Geen echte personen.', 'Verzonnen gegevens.', 'Niet van toepassing.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activity_versions (code, version, valid_from, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active)
    SELECT code, version, updated_at, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active FROM processing_activities;
