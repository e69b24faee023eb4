// Members' data rights through the site API: everything Parley holds about one member (access),
// and what erasing them removed (erasure). `sub` is the member's id in the publisher's system.
import * as z from 'zod/mini';

export const MemberParam = z.object({ siteId: z.string(), sub: z.string().check(z.minLength(1), z.maxLength(200)) });

const nullableNumber = z.nullable(z.number());

export const MemberDataResponse = z.object({
  version: z.literal(1),
  member: z.object({
    id: z.string(),
    externalId: z.string(),
    displayName: z.string(),
    tier: z.string(),
    role: z.string(),
    badges: z.array(z.string()),
    avatarUrl: z.nullable(z.string()),
    banned: z.boolean(),
    suspendedUntil: nullableNumber,
    createdAt: z.number(),
  }),
  comments: z.array(
    z.object({
      id: z.string(),
      threadUrl: z.string(),
      threadTitle: z.string(),
      parentId: z.nullable(z.string()),
      body: z.string(),
      status: z.string(),
      createdAt: z.number(),
      editedAt: nullableNumber,
      deletedAt: nullableNumber,
      likes: z.number(),
    }),
  ),
  likes: z.array(z.object({ commentId: z.string(), createdAt: z.number() })),
  reports: z.array(z.object({ commentId: z.string(), reason: z.string(), note: z.string(), createdAt: z.number(), resolvedAt: nullableNumber })),
  mail: z.nullable(z.object({ email: z.string(), replies: z.boolean(), decisions: z.boolean(), following: z.array(z.object({ threadUrl: z.string(), since: z.number() })) })),
  moderation: z.array(z.object({ action: z.string(), targetType: z.string(), targetId: z.string(), note: z.string(), createdAt: z.number() })),
});
export type MemberDataResponse = z.infer<typeof MemberDataResponse>;

export const ErasureResponse = z.object({
  erased: z.object({ comments: z.number(), likes: z.number(), reports: z.number(), mail: z.number() }),
  mode: z.enum(['remove', 'anonymise']),
  /** The audit row recording the erasure (counts only). */
  actionId: z.string(),
});
export type ErasureResponse = z.infer<typeof ErasureResponse>;
