// Every route of the API, described once: the OpenAPI document (document.ts) and its reference
// page are made from this list. A route added to the app goes into its group's file under
// operations/; the contract test fails until it is there.
import type * as z from 'zod/mini';
import type { ErrorCode } from '../../shared/errors';
import { readerOperations } from './operations/reader';
import { memberOperations } from './operations/members';
import { moderationOperations } from './operations/moderation';
import { webhookOperations } from './operations/webhooks';
import { siteAdminOperations } from './operations/site-admin';
import { mailOperations } from './operations/mail';
import { serviceOperations } from './operations/service';

export const TAGS = {
  Reader: 'Reading threads, open to guests; a member token adds what that member may see and do.',
  Members: 'What signed-in members do: post, reply, edit, delete, like, report, preview.',
  Moderation: "The moderators' API behind the dashboard: queues, decisions, members, threads, audit, rules, statistics.",
  'Site admin': "The site's own configuration and server-to-server calls with the site API key.",
  Webhooks: 'Where the site\'s events are sent, and how each delivery went. Admins and the site API key only.',
  'E-mail': "Members' notification preferences, and the signed unsubscribe link in every message.",
  Service: 'The server itself: health and this document.',
} as const;
export type Tag = keyof typeof TAGS;

/**
 * Who may call a route:
 * - `none`: anyone, no credentials (a signed link or a token in the body is checked by the route);
 * - `reader`: anyone; a member token, when sent, is verified and changes the answer;
 * - `member`: a member token;
 * - `moderator`: a token whose role is moderator or admin, or the site API key;
 * - `admin`: a token whose role is admin, or the site API key;
 * - `site-key`: the site API key only.
 */
export type Access = 'none' | 'reader' | 'member' | 'moderator' | 'admin' | 'site-key';

/** One answer: a JSON body (a schema named in components.ts), an HTML page, or nothing. */
export interface Answer {
  description: string;
  json?: z.ZodMiniType;
  html?: true;
}

export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As OpenAPI writes it: `/api/v1/sites/{siteId}/thread`. */
  path: string;
  summary: string;
  description?: string;
  tag: Tag;
  access: Access;
  /** The path parameters' schema, as the route validates them. */
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  /** A JSON request body (named in components.ts). */
  body?: z.ZodMiniType;
  /** Content types the body may come as, when not only application/json. */
  bodyTypes?: string[];
  /** Successful answers by status. */
  answers: Record<number, Answer>;
  /** Refusals particular to this route; those implied by its access, input and kind are added. */
  errors?: readonly ErrorCode[];
  /** A write that takes an Idempotency-Key and replays its answer to retries. */
  idempotent?: boolean;
  /** Counted against the site's write limits (members' writes). */
  writeLimited?: boolean;
  /** A refused token reads as a guest (viewer.session says why) instead of a 401. */
  refusedTokenReadsAsGuest?: boolean;
  /** Outside /api/v1/sites/{siteId}: no site to find. */
  siteless?: boolean;
}

export const OPERATIONS: readonly OperationSpec[] = [
  ...serviceOperations,
  ...readerOperations,
  ...memberOperations,
  ...mailOperations,
  ...moderationOperations,
  ...webhookOperations,
  ...siteAdminOperations,
];
