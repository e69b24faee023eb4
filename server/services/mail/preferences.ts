// A member's e-mail preferences, as the widget shows and changes them: replies to their comments,
// moderators' decisions on their held comments, and conversations they follow. Offered only when
// this server sends mail, the site has it on, and the token carries an address (the `email` claim);
// the address is stored only once the member opts in to something.
import type { MailPreferencesView } from '../../../shared/schemas/mail';
import type { MemberClaims } from '../identity/claims';
import { ensureViewerUser, findViewerUser } from '../identity/viewer-user';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';

export interface MailPreferencesChangeInput {
  replies?: boolean;
  decisions?: boolean;
  follow?: { threadId: string; on: boolean };
}

function signedIn(claims: MemberClaims | null): MemberClaims {
  if (!claims) throw new AppError('not_signed_in', 'Sign in to manage e-mail notifications');
  return claims;
}

const offered = (deps: ServiceDeps, site: SiteRecord, claims: MemberClaims) => !!deps.mail && site.settings.mail.enabled && !!claims.email;

export async function mailPreferences(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims | null, threadId?: string): Promise<MailPreferencesView> {
  const member = signedIn(claims);
  const available = offered(deps, site, member);
  const user = available ? await findViewerUser(deps, site, member) : null;
  const stored = user ? await deps.store.getMailPreferences(site.id, user.id, threadId) : null;
  return { available, email: available ? member.email : null, replies: !!stored?.replies, decisions: !!stored?.decisions, following: !!stored?.following };
}

export async function changeMailPreferences(deps: ServiceDeps, site: SiteRecord, claims: MemberClaims | null, change: MailPreferencesChangeInput): Promise<MailPreferencesView> {
  const member = signedIn(claims);
  if (!offered(deps, site, member)) {
    const why = !deps.mail ? 'this server sends no e-mail' : !site.settings.mail.enabled ? 'the site has e-mail turned off' : 'the sign-in token carries no email claim';
    throw new AppError('mail_unavailable', `E-mail notifications are not available: ${why}`);
  }
  if (change.follow && !(await deps.store.getThread(site.id, change.follow.threadId))) throw new AppError('thread_not_found', 'No such thread on this site');
  const user = await ensureViewerUser(deps, site, member);
  const saved = await deps.store.saveMailPreferences({ siteId: site.id, userId: user.id, email: member.email!, ...change, now: deps.now() });
  return { available: true, email: member.email, replies: !!saved?.replies, decisions: !!saved?.decisions, following: !!saved?.following };
}
