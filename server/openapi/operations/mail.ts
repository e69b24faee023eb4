// E-mail: a member's notification preferences and follows, and the signed unsubscribe link.
import type { OperationSpec } from '../registry';
import { SiteParam, ThreadParam } from '../../../shared/schemas/params';
import { MailPreferencesBody, MailPreferencesQuery, MailPreferencesView, UnsubscribeQuery } from '../../../shared/schemas/mail';

const site = '/api/v1/sites/{siteId}';
const member = { tag: 'E-mail', access: 'member', errors: ['mail_unavailable'] } as const;

export const mailOperations: OperationSpec[] = [
  {
    ...member,
    method: 'get',
    path: `${site}/me/mail`,
    summary: "The member's e-mail preferences; with `threadId`, whether they follow it",
    params: SiteParam,
    query: MailPreferencesQuery,
    answers: { 200: { description: 'The preferences', json: MailPreferencesView } },
  },
  {
    ...member,
    method: 'put',
    path: `${site}/me/mail`,
    summary: 'Change which e-mail the member gets',
    description: 'The address is taken from the token, stored only while the member wants something, and deleted once they want nothing.',
    writeLimited: true,
    params: SiteParam,
    body: MailPreferencesBody,
    answers: { 200: { description: 'The preferences now', json: MailPreferencesView } },
  },
  {
    ...member,
    method: 'put',
    path: `${site}/threads/{threadId}/follow`,
    summary: 'Follow a conversation: e-mail about its new comments',
    writeLimited: true,
    params: ThreadParam,
    answers: { 200: { description: 'The preferences now', json: MailPreferencesView } },
    errors: ['mail_unavailable', 'thread_not_found'],
  },
  {
    ...member,
    method: 'delete',
    path: `${site}/threads/{threadId}/follow`,
    summary: 'Stop following a conversation',
    writeLimited: true,
    params: ThreadParam,
    answers: { 200: { description: 'The preferences now', json: MailPreferencesView } },
    errors: ['mail_unavailable', 'thread_not_found'],
  },
  {
    method: 'get',
    path: `${site}/mail/unsubscribe`,
    summary: "An e-mail's unsubscribe link: a page asking to confirm",
    description: 'Changes nothing, so a link scanner unsubscribes no one. The page POSTs to the same address.',
    tag: 'E-mail',
    access: 'none',
    params: SiteParam,
    query: UnsubscribeQuery,
    answers: { 200: { description: 'The confirmation page', html: true } },
    errors: ['forbidden'],
  },
  {
    method: 'post',
    path: `${site}/mail/unsubscribe`,
    summary: 'Unsubscribe by the signed link (RFC 8058 one-click, or the page\'s button)',
    tag: 'E-mail',
    access: 'none',
    params: SiteParam,
    query: UnsubscribeQuery,
    answers: { 200: { description: 'A page saying it is done', html: true } },
    errors: ['forbidden'],
  },
];
