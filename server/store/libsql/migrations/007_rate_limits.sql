-- Rate-limit counters: one row per site, bucket (what is counted, for whom) and fixed window, so
-- every instance of the server counts against the same limit. Old windows are deleted as new
-- ones start.
CREATE TABLE rate_limits (
  site_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (site_id, bucket, window_start)
) WITHOUT ROWID;
