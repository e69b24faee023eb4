// Row → record mappers: the one place that knows column names and JSON columns.
import type { Row } from '@libsql/client';
import { StoredSiteConfig } from '../../../shared/schemas/site';
import type { CommentWithAuthor, Role, SiteRecord, ThreadRecord, UserRecord } from '../port';

const num = (v: unknown) => Number(v);
const bool = (v: unknown) => Number(v) === 1;
const json = (v: unknown) => JSON.parse(String(v));

export function toSite(r: Row): SiteRecord {
  const config = StoredSiteConfig.parse({
    id: r.id,
    name: r.name,
    allowedOrigins: json(r.allowed_origins),
    sso: json(r.sso),
    policy: json(r.policy),
    guidelines: r.guidelines,
    callsToAction: json(r.calls_to_action),
    settings: json(r.settings),
  });
  return { ...config, apiKeyHash: r.api_key_hash == null ? null : String(r.api_key_hash), civilityModelId: r.civility_model_id == null ? null : String(r.civility_model_id) };
}

export function toThread(r: Row): ThreadRecord {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    pageKey: String(r.page_key),
    url: String(r.url),
    title: String(r.title),
    section: String(r.section),
    sectionLocked: bool(r.section_locked),
    closed: bool(r.closed),
    premoderate: bool(r.premoderate),
    commentCount: num(r.comment_count),
    version: num(r.version),
    createdAt: num(r.created_at),
    publishedAt: r.published_at == null ? null : num(r.published_at),
    firstCommentAt: r.first_comment_at == null ? null : num(r.first_comment_at),
    keptOpen: bool(r.kept_open),
  };
}

/** A thread's columns and its first comment's time (one seek on comments_thread_created); `t` is the thread. */
export const THREAD_COLUMNS = 't.*, (SELECT MIN(fc.created_at) FROM comments fc WHERE fc.thread_id = t.id) AS first_comment_at';

export function toUser(r: Row): UserRecord {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    externalId: String(r.external_id),
    displayName: String(r.display_name),
    tier: String(r.tier),
    role: String(r.role) as Role,
    badges: json(r.badges),
    avatarUrl: r.avatar_url == null ? null : String(r.avatar_url),
    banned: bool(r.banned),
    suspendedUntil: r.suspended_until == null ? null : num(r.suspended_until),
    alwaysPremoderate: bool(r.always_premoderate),
  };
}

/** Columns for comment queries joined with their author (`c` comments, `u` users). */
export const COMMENT_COLUMNS =
  'c.*, u.display_name AS author_name, u.badges AS author_badges, u.role AS author_role, u.avatar_url AS author_avatar';

export function toComment(r: Row): CommentWithAuthor {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    threadId: String(r.thread_id),
    parentId: r.parent_id == null ? null : String(r.parent_id),
    rootId: String(r.root_id),
    depth: num(r.depth),
    authorId: String(r.author_id),
    bodySrc: String(r.body_src),
    bodyHtml: String(r.body_html),
    status: String(r.status) as CommentWithAuthor['status'],
    featured: bool(r.featured),
    likeCount: num(r.like_count),
    createdAt: num(r.created_at),
    editedAt: r.edited_at == null ? null : num(r.edited_at),
    deletedAt: r.deleted_at == null ? null : num(r.deleted_at),
    reasons: json(r.reasons),
    openReports: num(r.open_reports),
    hiddenByReports: bool(r.hidden_by_reports),
    rejectReason: r.reject_reason == null ? null : String(r.reject_reason),
    author: {
      id: String(r.author_id),
      displayName: String(r.author_name),
      badges: json(r.author_badges),
      role: String(r.author_role) as Role,
      avatarUrl: r.author_avatar == null ? null : String(r.author_avatar),
    },
  };
}
