-- Migration 0037 added users.contract_hours, but contract hours were already kept in
-- users.contract_hours_hundredths (0019), which the admin pages, the absence pages and the
-- KPIs read. Nothing ever wrote the second column: drop it, so that one fact has one place.
ALTER TABLE users DROP COLUMN contract_hours;
