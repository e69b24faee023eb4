-- Closing threads by age (settings.autoClose). A thread's age counts from the article's publication,
-- which the site API may give when it registers the thread (else from when the thread was made),
-- or from its first comment, read with the index below (one seek, never a scan of the thread).
ALTER TABLE threads ADD COLUMN published_at INTEGER;             -- ms since the epoch; NULL: not given
ALTER TABLE threads ADD COLUMN kept_open INTEGER NOT NULL DEFAULT 0; -- 1: a moderator reopened it once its age had closed it
CREATE INDEX comments_thread_created ON comments(thread_id, created_at);
