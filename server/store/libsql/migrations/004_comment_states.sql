-- A comment's states (README: "A comment's states"). Reader reports that take a published comment
-- down leave it pending with this flag, so an author's edit can tell it from a held comment and
-- never bring it back on its own.
ALTER TABLE comments ADD COLUMN hidden_by_reports INTEGER NOT NULL DEFAULT 0;
UPDATE comments SET hidden_by_reports = 1
  WHERE status = 'pending' AND EXISTS (SELECT 1 FROM json_each(comments.reasons) j WHERE json_extract(j.value, '$.ruleId') = 'reports');

-- The audit log: a per-site sequence orders actions even within one millisecond (undo asks
-- "was there a later action on this item?"), and a one-line summary names what was done to what.
ALTER TABLE moderation_actions ADD COLUMN seq INTEGER;
ALTER TABLE moderation_actions ADD COLUMN summary TEXT NOT NULL DEFAULT '';
UPDATE moderation_actions SET seq = rowid;
CREATE UNIQUE INDEX moderation_actions_site_seq ON moderation_actions(site_id, seq);
CREATE INDEX moderation_actions_actor_seq ON moderation_actions(site_id, actor, seq);
CREATE INDEX moderation_actions_action_seq ON moderation_actions(site_id, action, seq);
CREATE INDEX moderation_actions_target_seq ON moderation_actions(site_id, target_type, target_id, seq);
