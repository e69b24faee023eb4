/** Who performs a moderation action: a moderator's user, or the site owner's API key. */
export interface Moderator {
  actor: string; // "user:<id>" or "api-key"
  name: string;
  userId: string | null;
  via: 'token' | 'api-key';
}
