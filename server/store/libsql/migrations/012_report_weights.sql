-- A report's weight toward the site's hide threshold, in hundredths (100 counts as one report),
-- fixed when it is made from the reporter's record then (README: "Reader reports"). Reports
-- from before this migration count as one, as they did.
ALTER TABLE reports ADD COLUMN weight INTEGER NOT NULL DEFAULT 100;

-- A reporter's record on the site: their reports, looked up by member.
CREATE INDEX reports_site_user ON reports(site_id, user_id, resolved_at);
