-- Sites are tenants; every other table carries site_id and every query filters on it.
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL,      -- JSON array of origins
  sso TEXT NOT NULL,                  -- JSON SsoConfig
  policy TEXT NOT NULL,               -- JSON EntitlementPolicy
  guidelines TEXT NOT NULL DEFAULT '',
  calls_to_action TEXT NOT NULL,      -- JSON { guest, upgrade }
  settings TEXT NOT NULL DEFAULT '{}',-- JSON SiteSettings
  api_key_hash TEXT,                  -- SHA-256 hex of the site owner's API key
  created_at INTEGER NOT NULL
);

CREATE TABLE threads (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  page_key TEXT NOT NULL,             -- publisher page id, or the normalised canonical URL
  url TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL,
  section_locked INTEGER NOT NULL DEFAULT 0, -- 1 when set through the site API (URL rules no longer apply)
  closed INTEGER NOT NULL DEFAULT 0,
  comment_count INTEGER NOT NULL DEFAULT 0,  -- published, not deleted
  version INTEGER NOT NULL DEFAULT 0,        -- bumped by every write to the thread (cache keys)
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX threads_site_page ON threads(site_id, page_key);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  external_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  tier TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'member',
  badges TEXT NOT NULL DEFAULT '[]',
  banned INTEGER NOT NULL DEFAULT 0,
  suspended_until INTEGER,
  always_premoderate INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_site_external ON users(site_id, external_id);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  thread_id TEXT NOT NULL REFERENCES threads(id),
  parent_id TEXT REFERENCES comments(id),
  root_id TEXT NOT NULL,               -- top-level ancestor (itself when top-level)
  depth INTEGER NOT NULL,
  author_id TEXT NOT NULL REFERENCES users(id),
  body_src TEXT NOT NULL,
  body_html TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
  featured INTEGER NOT NULL DEFAULT 0,
  like_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER
);
-- Top-level pages, one index per sort, each a bounded range scan.
CREATE INDEX comments_thread_time ON comments(thread_id, status, depth, created_at, id);
CREATE INDEX comments_thread_top ON comments(thread_id, status, depth, like_count, created_at, id);
-- Replies of a page's roots.
CREATE INDEX comments_root ON comments(root_id, created_at);
-- An author's history and their own pending comments.
CREATE INDEX comments_author ON comments(author_id, created_at);

CREATE TABLE reactions (
  comment_id TEXT NOT NULL REFERENCES comments(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, user_id)
) WITHOUT ROWID;
