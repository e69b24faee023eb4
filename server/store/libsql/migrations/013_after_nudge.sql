-- Whether the author posted a comment after the civility nudge: 'posted_anyway' (unchanged) or
-- 'revised', shown to moderators in the queue. Comments from before this migration are NULL:
-- nudge_events never named the comment.
ALTER TABLE comments ADD COLUMN after_nudge TEXT CHECK (after_nudge IN ('posted_anyway', 'revised'));
