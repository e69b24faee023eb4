-- Civility models a site trained on its own moderators' decisions. Each row is immutable: a
-- newer model is a new row, and the site points at the one in use (NULL: the shipped model), so
-- every runtime can cache a model by its id for as long as it likes.
CREATE TABLE civility_models (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  figures TEXT NOT NULL DEFAULT '{}',  -- JSON: what it was measured at when built
  model TEXT NOT NULL                   -- JSON model file (weights only, no training text)
);
CREATE INDEX civility_models_site_created ON civility_models(site_id, created_at);
-- No foreign key back to civility_models: the two tables would reference each other. Activation
-- checks that the model is the site's own in the same statement.
ALTER TABLE sites ADD COLUMN civility_model_id TEXT;
