-- E-mail to members and moderators. An address is stored only for a member who opted in to
-- something (the publisher's token carries it as the `email` claim); turning everything off, or
-- unsubscribing from the last thing, deletes the row.
CREATE TABLE mail_preferences (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  site_id TEXT NOT NULL,
  email TEXT NOT NULL,
  replies INTEGER NOT NULL DEFAULT 0,     -- someone replied to one of my comments
  decisions INTEGER NOT NULL DEFAULT 0,   -- a moderator approved or rejected my held comment
  updated_at INTEGER NOT NULL
);

-- "Follow this conversation": every new published comment in the thread (batched).
CREATE TABLE thread_follows (
  user_id TEXT NOT NULL REFERENCES users(id),
  thread_id TEXT NOT NULL REFERENCES threads(id),
  site_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, thread_id)
) WITHOUT ROWID;
CREATE INDEX thread_follows_thread ON thread_follows(thread_id);

-- What a member is to be told, written when the dispatcher fans an event out (in the same
-- transaction that marks it fanned out), and folded into one message per recipient and thread.
CREATE TABLE mail_notices (
  id TEXT PRIMARY KEY,                  -- '<comment id>:<user id>:<kind group>': one notice per comment per recipient
  site_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  comment_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reply', 'follow', 'approved', 'rejected')),
  reason TEXT,
  created_at INTEGER NOT NULL,
  message_id TEXT                       -- the message it went out in; NULL while waiting
);
CREATE INDEX mail_notices_waiting ON mail_notices(created_at) WHERE message_id IS NULL;

-- Messages to send, at least once, with backoff, like webhook deliveries.
CREATE TABLE mail_messages (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  user_id TEXT,                         -- the member it is for; NULL for moderators' alerts
  thread_id TEXT,                       -- for the per-thread throttle of reply notices
  kind TEXT NOT NULL,                   -- replies, decisions, alert, digest
  from_address TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',   -- JSON: List-Unsubscribe and List-Unsubscribe-Post
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT,
  sent_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX mail_messages_due ON mail_messages(status, next_at);
CREATE INDEX mail_messages_throttle ON mail_messages(user_id, thread_id, created_at);
CREATE INDEX mail_messages_created ON mail_messages(created_at);

-- Moderators' alerts and digests: when each last went out, so an alert fires once per crossing.
CREATE TABLE mail_alert_state (
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL,                   -- 'queue' (armed = 0 after it fired, 1 once the queue is back under), 'digest'
  armed INTEGER NOT NULL DEFAULT 1,
  last_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, kind)
) WITHOUT ROWID;

-- Addresses that unsubscribed from moderators' mail (theirs is in the site settings, not here).
CREATE TABLE mail_suppressions (
  site_id TEXT NOT NULL,
  address TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, address)
) WITHOUT ROWID;

-- Keys this installation makes for itself once and keeps (the unsubscribe links' signing key),
-- so links already mailed stay valid across restarts and on every instance.
CREATE TABLE instance_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
