-- The avatar the publisher's token names for a member (an https URL), or NULL for initials.
ALTER TABLE users ADD COLUMN avatar_url TEXT;
