-- Group-based support (issue 19, part G1): the free text beside a participant's leave reason
-- (leave_reason holds the code of the short list: domain::groups::LeaveReason), and the
-- processing activity of group support in the register (decision 0028).
ALTER TABLE group_participants ADD COLUMN leave_note TEXT;

INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('group-support', 1, 'Groepsaanbod', 'Group support', 'Groepen aanbieden en bijhouden wie meedoet: aanmelden vanuit het dossier of met alleen een naam, wachtlijst, aanwezigheid per bijeenkomst, stoppen met een reden.', 'AVG art. 6 lid 1 sub e (taak van algemeen belang); Jeugdwet hoofdstuk 7.4 voor cliënten die vanuit hun dossier meedoen.', 'Cliënten die meedoen aan een groep, andere deelnemers (alleen hun naam), begeleiders van de groep.', 'Naam, deelname, aanwezigheid, reden van stoppen; voor cliënten de koppeling met hun dossier en een doel van het gezinsplan.', 'Voor cliënten zo lang als hun dossier; van andere deelnemers alleen hun naam, zo lang als de groep wordt bewaard.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activity_versions (code, version, valid_from, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active)
    SELECT code, version, updated_at, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active FROM processing_activities WHERE code = 'group-support';
