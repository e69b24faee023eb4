-- The moderation queue at newsroom scale: sorts that are each one index range scan (newest,
-- oldest, most reported, highest score) with keyset cursors, and full-text search over comment
-- bodies and their authors' names.

-- The highest score a scorer gave the comment when the rules held it (the civility model's, or
-- the site's own scorer's), in thousandths; 0 when none did. Kept by triggers from `reasons`, so
-- every writer of comments keeps it without knowing of it.
ALTER TABLE comments ADD COLUMN held_score INTEGER NOT NULL DEFAULT 0;
UPDATE comments SET held_score = COALESCE((SELECT CAST(round(MAX(json_extract(j.value, '$.score')) * 1000) AS INTEGER)
  FROM json_each(comments.reasons) j WHERE json_extract(j.value, '$.score') IS NOT NULL), 0)
  WHERE reasons LIKE '%"score"%';
CREATE TRIGGER comments_held_score_insert AFTER INSERT ON comments WHEN NEW.reasons LIKE '%"score"%' BEGIN
  UPDATE comments SET held_score = COALESCE((SELECT CAST(round(MAX(json_extract(j.value, '$.score')) * 1000) AS INTEGER)
    FROM json_each(NEW.reasons) j WHERE json_extract(j.value, '$.score') IS NOT NULL), 0) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER comments_held_score_update AFTER UPDATE OF reasons ON comments WHEN NEW.reasons IS NOT OLD.reasons BEGIN
  UPDATE comments SET held_score = COALESCE((SELECT CAST(round(MAX(json_extract(j.value, '$.score')) * 1000) AS INTEGER)
    FROM json_each(NEW.reasons) j WHERE json_extract(j.value, '$.score') IS NOT NULL), 0) WHERE rowid = NEW.rowid;
END;

-- One index per sort, each ending in the cursor's columns, so a page is a bounded range scan
-- whatever the queue's length. The time sort replaces the index without the id.
DROP INDEX comments_site_status;
CREATE INDEX comments_site_status_time ON comments(site_id, status, created_at, id);
CREATE INDEX comments_site_status_reports ON comments(site_id, status, open_reports, created_at, id);
CREATE INDEX comments_site_status_score ON comments(site_id, status, held_score, created_at, id);

-- Search: an FTS5 index over each comment's body and its author's current name, reading its
-- text from the view (an external-content index stores only the index, never a second copy of
-- the bodies). Row ids are the comments' own; queries join back to comments and filter by site
-- there. Triggers keep it in step with every write, on every backend; after a logical copy
-- (backups), `INSERT INTO comments_fts(comments_fts) VALUES('rebuild')` rebuilds it from the view.
CREATE VIEW comments_search_source AS
  SELECT c.rowid AS rowid, c.body_src AS body, u.display_name AS author FROM comments c JOIN users u ON u.id = c.author_id;
CREATE VIRTUAL TABLE comments_fts USING fts5(body, author, content='comments_search_source', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO comments_fts(comments_fts) VALUES ('rebuild');
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts(rowid, body, author) VALUES (NEW.rowid, NEW.body_src, (SELECT display_name FROM users WHERE id = NEW.author_id));
END;
CREATE TRIGGER comments_fts_body AFTER UPDATE OF body_src ON comments WHEN NEW.body_src IS NOT OLD.body_src BEGIN
  INSERT INTO comments_fts(comments_fts, rowid, body, author) VALUES ('delete', OLD.rowid, OLD.body_src, (SELECT display_name FROM users WHERE id = OLD.author_id));
  INSERT INTO comments_fts(rowid, body, author) VALUES (NEW.rowid, NEW.body_src, (SELECT display_name FROM users WHERE id = NEW.author_id));
END;
CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
  INSERT INTO comments_fts(comments_fts, rowid, body, author) VALUES ('delete', OLD.rowid, OLD.body_src, (SELECT display_name FROM users WHERE id = OLD.author_id));
END;
CREATE TRIGGER users_fts_name AFTER UPDATE OF display_name ON users WHEN NEW.display_name IS NOT OLD.display_name BEGIN
  INSERT INTO comments_fts(comments_fts, rowid, body, author) SELECT 'delete', c.rowid, c.body_src, OLD.display_name FROM comments c WHERE c.author_id = NEW.id;
  INSERT INTO comments_fts(rowid, body, author) SELECT c.rowid, c.body_src, NEW.display_name FROM comments c WHERE c.author_id = NEW.id;
END;
