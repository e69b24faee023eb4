-- Comments moved in from another system (Disqus, WordPress). Imported authors have no sign-in of
-- their own: their users carry `imported = 1` (external_id "imported:<source>:<author key>") until a
-- member whose token names them takes their comments over (`claimed_by`, see identity/claim-imported).
ALTER TABLE users ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN claimed_by TEXT;

-- Which Parley row each source record became, so running an import again adds and changes nothing.
CREATE TABLE import_sources (
  site_id TEXT NOT NULL,
  source TEXT NOT NULL,                -- 'disqus' | 'wordpress'
  kind TEXT NOT NULL CHECK (kind IN ('thread', 'comment')),
  source_id TEXT NOT NULL,             -- the source's own id (dsq:id, wp:comment_id, wp:post_id)
  parley_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, source, kind, source_id)
) WITHOUT ROWID;

-- One run's records that cannot be written yet: Disqus threads until their first comment, and
-- replies whose parent (or thread) comes later in the file. Rows of a run that died are removed by
-- the next run for the site.
CREATE TABLE import_staging (
  run_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('thread', 'comment')),
  source_id TEXT NOT NULL,
  parent_source_id TEXT,
  record TEXT NOT NULL,                -- JSON: the parsed record
  PRIMARY KEY (run_id, kind, source_id)
) WITHOUT ROWID;
CREATE INDEX import_staging_parent ON import_staging(run_id, kind, parent_source_id);
CREATE INDEX import_staging_site ON import_staging(site_id);
