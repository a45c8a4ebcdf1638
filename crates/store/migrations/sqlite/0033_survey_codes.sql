-- The experience survey's codes (issue 17, decision 0030). A code is kept as its hash
-- (0031); so that the worker can print the letter with it later, it is also kept sealed with
-- the application's secret key (decision 0026) until it is used or expires, then cleared.
-- NULL where no key is configured: the code is then shown once, when it is made.
ALTER TABLE survey_invitations ADD COLUMN code_sealed TEXT;

-- The processing activity of the survey (processing register, decision 0027).
INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('experience-survey', 1, 'Ervaringswijzer', 'Experience survey', 'Gezinnen vragen hoe zij de hulp ervaren, om de hulp te verbeteren: uitnodigen met een code, antwoorden verzamelen zonder ze aan een gezin te koppelen.', 'AVG art. 6 lid 1 sub e; kwaliteit van jeugdhulp (Jeugdwet art. 4.1.1 en 4.3.1).', 'Ouders en jongeren vanaf 12 jaar met wie het buurtteam werkt.', 'Uitnodiging: wie, welk dossier, welk moment, of er is geantwoord (nooit wat). Antwoord: team, wijk, moment, als ouder of jongere, kanaal, dag, de antwoorden en een open antwoord zonder namen en nummers; niet te herleiden tot een gezin.', 'Uitnodigingen zo lang als het dossier; antwoorden zonder koppeling zo lang als nodig voor de sturing.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activity_versions (code, version, valid_from, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active)
    SELECT code, version, updated_at, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active FROM processing_activities WHERE code = 'experience-survey';
