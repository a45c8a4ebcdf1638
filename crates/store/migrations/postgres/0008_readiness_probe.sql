-- One row that /readyz rewrites: a real write (on SQLite with a real fsync) tells whether the
-- database can take writes now, e.g. that its disk is not full.
CREATE TABLE readiness_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    probes BIGINT NOT NULL
);
INSERT INTO readiness_probe (id, probes) VALUES (1, 0);
