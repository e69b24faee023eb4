// The site's own configuration (the dashboard's Site tab), and the publisher's server-to-server
// calls with the site API key: registering threads, and members' data rights.
import type { OperationSpec } from '../registry';
import { SiteParam } from '../../../shared/schemas/params';
import { ThreadResponse, UpsertThreadBody } from '../../../shared/schemas/thread';
import { ErasureResponse, MemberDataResponse, MemberParam } from '../../../shared/schemas/member-data';
import { ApiKeyRotated, SiteEditResponse } from '../../../shared/schemas/moderation-api';
import { EditableSite } from '../../../shared/schemas/site';

const site = '/api/v1/sites/{siteId}';
const key = { tag: 'Site admin', access: 'site-key' } as const;

export const siteAdminOperations: OperationSpec[] = [
  {
    ...key,
    idempotent: true,
    method: 'put',
    path: `${site}/admin/threads`,
    summary: 'Register a thread, set its section and publication time, close or reopen it',
    description: 'The section set here wins over the URL rules; with `threadCreation: "api"` only threads registered here exist.',
    params: SiteParam,
    body: UpsertThreadBody,
    answers: { 200: { description: 'The thread', json: ThreadResponse } },
    errors: ['origin_not_allowed'],
  },
  {
    ...key,
    method: 'get',
    path: `${site}/admin/members/{sub}/data`,
    summary: 'Everything held about a member, by their id in the membership system',
    params: MemberParam,
    answers: { 200: { description: "The member's data", json: MemberDataResponse } },
    errors: ['member_not_found'],
  },
  {
    ...key,
    idempotent: true,
    method: 'delete',
    path: `${site}/admin/members/{sub}`,
    summary: 'Erase a member, in one transaction',
    description: "Their comments lose their text (or keep it under \"Former member\", per `settings.erasure`); likes, reports, address and queued mail go. Audited with counts only.",
    params: MemberParam,
    answers: { 200: { description: 'What was erased', json: ErasureResponse } },
    errors: ['member_not_found'],
  },
  {
    tag: 'Site admin',
    access: 'moderator',
    method: 'get',
    path: `${site}/moderation/site`,
    summary: "The site's configuration as the Site tab edits it (the HS256 secret only as whether one is set)",
    params: SiteParam,
    answers: { 200: { description: 'The site', json: SiteEditResponse } },
  },
  {
    tag: 'Site admin',
    access: 'admin',
    idempotent: true,
    method: 'put',
    path: `${site}/moderation/site`,
    summary: "Save the site's configuration (not its moderation rules)",
    description: 'A new `sso.hs256Secret` replaces the secret, `null` removes it, leaving it out keeps it. Every other field left out is removed.',
    params: SiteParam,
    body: EditableSite,
    answers: { 200: { description: 'The site as saved', json: SiteEditResponse } },
    errors: ['admin_required'],
  },
  {
    tag: 'Site admin',
    access: 'admin',
    method: 'post',
    path: `${site}/moderation/site/api-key`,
    summary: 'Issue a new site API key; the old one stops working at once',
    description: 'The key is in this answer only, and is never kept for retries: a retried rotation issues another.',
    params: SiteParam,
    answers: { 200: { description: 'The new key', json: ApiKeyRotated } },
    errors: ['admin_required', 'conflict'],
  },
];
