-- The worklist: open cases of a team by deadline, answerable from the index alone.
CREATE INDEX cases_open_by_due ON cases (team_id, next_due_on, id) WHERE status <> 'closed';
-- Lists and counts of one status per team.
CREATE INDEX cases_team_status ON cases (team_id, status, next_due_on, id);
