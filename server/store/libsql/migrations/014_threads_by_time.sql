-- The moderators' thread list pages a site's threads newest first.
CREATE INDEX threads_site_created ON threads(site_id, created_at, id);
