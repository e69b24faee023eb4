-- Calls to action shown and clicked, as daily totals: one row per site, UTC day, thread section,
-- reader tier ('guest' for readers not signed in) and kind of invitation. Counters only, so
-- nothing here says who saw or clicked what.
CREATE TABLE cta_daily (
  site_id TEXT NOT NULL,
  day TEXT NOT NULL,                    -- YYYY-MM-DD, UTC
  section TEXT NOT NULL,
  tier TEXT NOT NULL,
  kind TEXT NOT NULL,                   -- guest | upgrade
  impressions INTEGER NOT NULL DEFAULT 0,
  clicks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, day, section, tier, kind)
) WITHOUT ROWID;
