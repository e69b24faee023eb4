-- Bulk operations by filter: one moderator decision on a whole filtered queue, carried out in
-- batches of one transaction each. The comments it covers are fixed when it starts (the N the
-- moderator was shown), so it resumes where it stopped and never reaches comments that came later.
CREATE TABLE bulk_operations (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  actor TEXT NOT NULL,              -- "user:<id>" or "api-key": who started it, and whom it acts as
  actor_name TEXT NOT NULL,
  actor_user_id TEXT,
  actor_rank TEXT NOT NULL,         -- member | moderator | admin | owner, when it started
  action TEXT NOT NULL,             -- approve | reject | delete | undo
  reason TEXT,                      -- the reject reason
  filter TEXT NOT NULL,             -- JSON QueueFilter
  undoes TEXT,                      -- for an undo: the operation it reverses
  status TEXT NOT NULL CHECK (status IN ('running', 'done')),
  total INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  action_id TEXT,                   -- its one audit row, written when it finishes
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX bulk_operations_site ON bulk_operations(site_id, status, created_at);
-- An operation is undone at most once.
CREATE UNIQUE INDEX bulk_operations_undoes ON bulk_operations(undoes) WHERE undoes IS NOT NULL;

CREATE TABLE bulk_operation_items (
  operation_id TEXT NOT NULL,
  comment_id TEXT NOT NULL,
  position INTEGER NOT NULL,        -- the queue's order, newest first
  state TEXT NOT NULL DEFAULT 'todo' CHECK (state IN ('todo', 'done', 'skipped')),
  before TEXT,                      -- JSON comment state before the change, once done
  after TEXT,                       -- and after it: what an undo expects to find
  PRIMARY KEY (operation_id, comment_id)
) WITHOUT ROWID;
CREATE INDEX bulk_operation_items_state ON bulk_operation_items(operation_id, state, position);

-- The moderation action or bulk operation that last decided a comment: undoing an operation
-- restores only the comments it is still the last to have decided.
ALTER TABLE comments ADD COLUMN decided_by TEXT;
