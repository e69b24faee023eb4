// The storage port for members' data rights: everything Parley holds about one member, and erasing it.

export type ErasureMode = 'remove' | 'anonymise';

export interface MemberData {
  member: { id: string; externalId: string; displayName: string; tier: string; role: string; badges: string[]; avatarUrl: string | null; banned: boolean; suspendedUntil: number | null; createdAt: number };
  comments: { id: string; threadUrl: string; threadTitle: string; parentId: string | null; body: string; status: string; createdAt: number; editedAt: number | null; deletedAt: number | null; likes: number }[];
  likes: { commentId: string; createdAt: number }[];
  reports: { commentId: string; reason: string; note: string; createdAt: number; resolvedAt: number | null }[];
  mail: { email: string; replies: boolean; decisions: boolean; following: { threadUrl: string; since: number }[] } | null;
  /** Moderators' actions on the member and on their comments: what was done, when, and the note shown to them. */
  moderation: { action: string; targetType: string; targetId: string; note: string; createdAt: number }[];
}

export interface Erasure {
  comments: number;
  likes: number;
  reports: number;
  mail: number;
}

export interface EraseRequest {
  siteId: string;
  userId: string;
  externalId: string;
  mode: ErasureMode;
  now: number;
  /** The audit row: who asked, and the counts, never the member's data. */
  audit: { id: string; actor: string; actorName: string };
}

export interface MemberDataStore {
  memberData(siteId: string, userId: string): Promise<MemberData | null>;
  /** Erases the member in one transaction; null when there is no such member. */
  eraseMember(req: EraseRequest): Promise<Erasure | null>;
}
