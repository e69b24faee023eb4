// What each message says, as a text part and an HTML part, in the site's wording (mail strings
// a site overrides in settings.strings). Everything from outside is escaped in the HTML part,
// except comment bodies, which are the sanitised HTML the widget shows as well.
import { mailString, reasonWords, type MailStringKey } from '../../../shared/mail-strings';
import { escapeHtml } from '../escape-html';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface SiteWords {
  name: string;
  strings: Readonly<Record<string, string>>;
}

export interface NoticeComment {
  id: string;
  authorName: string;
  bodyHtml: string;
  bodySrc: string;
  /** Whether it answers the recipient (a reply) or is new in a followed conversation. */
  reply: boolean;
}

/** Subjects are single lines: whatever a title holds, no header can be smuggled in. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();
const quote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

/** A comment's permalink on the article: the widget opens `#comment-ID` where it is. */
export const commentLink = (articleUrl: string, commentId: string) => `${articleUrl.split('#')[0]}#comment-${commentId}`;

function frame(site: SiteWords, why: MailStringKey, unsubscribeUrl: string, text: string[], html: string[]): { text: string; html: string } {
  const w = (key: MailStringKey, v: Record<string, string | number> = {}) => mailString(site.strings, key, v);
  const footer = w(why, { site: site.name });
  return {
    text: `${text.join('\n\n')}\n\n--\n${footer}\n${w('mail.unsubscribe')}: ${unsubscribeUrl}\n`,
    html:
      `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1c1c;max-width:40rem">` +
      html.join('') +
      `<hr style="border:0;border-top:1px solid #d5d9de;margin:1.5rem 0"><p style="font-size:.85rem;color:#5e6369">${escapeHtml(footer)} ` +
      `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(w('mail.unsubscribe'))}</a></p></body></html>`,
  };
}

/** Replies to the recipient and new comments in a conversation they follow, on one article. */
export function conversationNotice(site: SiteWords, thread: { url: string; title: string }, comments: NoticeComment[], unsubscribeUrl: string): Rendered {
  const w = (key: MailStringKey, v: Record<string, string | number> = {}) => mailString(site.strings, key, v);
  const title = oneLine(thread.title || thread.url);
  const replies = comments.some((c) => c.reply);
  const one = comments.length === 1;
  const subjectKey: MailStringKey = replies ? (one ? 'mail.reply.subject.one' : 'mail.reply.subject.other') : one ? 'mail.follow.subject.one' : 'mail.follow.subject.other';
  const subject = oneLine(w(subjectKey, { author: comments[0].authorName, n: comments.length, title }));
  const text: string[] = [];
  const html: string[] = [`<h1 style="font-size:1.2rem">${escapeHtml(title)}</h1>`];
  for (const c of comments) {
    const intro = w(c.reply ? 'mail.reply.intro' : 'mail.follow.intro', { author: c.authorName });
    const link = commentLink(thread.url, c.id);
    text.push(`${intro}\n\n${quote(c.bodySrc)}\n\n${w('mail.open')}: ${link}`);
    html.push(
      `<p><strong>${escapeHtml(intro)}</strong></p>` +
        `<blockquote style="margin:.5rem 0;padding-left:.75rem;border-left:3px solid #d5d9de">${c.bodyHtml}</blockquote>` +
        `<p><a href="${escapeHtml(link)}">${escapeHtml(w('mail.open'))}</a></p>`,
    );
  }
  return { subject, ...frame(site, replies ? 'mail.why.replies' : 'mail.why.follow', unsubscribeUrl, text, html) };
}

/** A moderator's decision on the recipient's held comment, with the reason given for a rejection. */
export function decisionNotice(
  site: SiteWords,
  thread: { url: string; title: string },
  comment: { id: string; bodyHtml: string; bodySrc: string },
  decision: 'approved' | 'rejected',
  reason: string | null,
  unsubscribeUrl: string,
): Rendered {
  const w = (key: MailStringKey, v: Record<string, string | number> = {}) => mailString(site.strings, key, v);
  const title = oneLine(thread.title || thread.url);
  const intro = w(decision === 'approved' ? 'mail.approved.intro' : 'mail.rejected.intro');
  const because = decision === 'rejected' && reason ? w('mail.rejected.reason', { reason: reasonWords(site.strings, reason) }) : null;
  const link = decision === 'approved' ? commentLink(thread.url, comment.id) : thread.url.split('#')[0];
  const text = [intro, ...(because ? [because] : []), quote(comment.bodySrc), `${w('mail.open')}: ${link}`];
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    because ? `<p>${escapeHtml(because)}</p>` : '',
    `<blockquote style="margin:.5rem 0;padding-left:.75rem;border-left:3px solid #d5d9de">${comment.bodyHtml}</blockquote>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(w('mail.open'))}</a></p>`,
  ];
  const subject = oneLine(w(decision === 'approved' ? 'mail.approved.subject' : 'mail.rejected.subject', { title }));
  return { subject, ...frame(site, 'mail.why.decisions', unsubscribeUrl, text, html) };
}

/** Moderators' mail: an alert that the queue is growing, or the daily digest. */
export function moderatorNotice(site: SiteWords, kind: 'alert' | 'digest', values: Record<string, string | number>, dashboardUrl: string | undefined, unsubscribeUrl: string): Rendered {
  const w = (key: MailStringKey) => mailString(site.strings, key, { site: site.name, ...values });
  const intro = w(kind === 'alert' ? 'mail.alert.intro' : 'mail.digest.intro');
  const text = [intro, ...(dashboardUrl ? [`${w('mail.dashboard')}: ${dashboardUrl}`] : [])];
  const html = [`<p>${escapeHtml(intro)}</p>`, dashboardUrl ? `<p><a href="${escapeHtml(dashboardUrl)}">${escapeHtml(w('mail.dashboard'))}</a></p>` : ''];
  return { subject: oneLine(w(kind === 'alert' ? 'mail.alert.subject' : 'mail.digest.subject')), ...frame(site, 'mail.why.moderators', unsubscribeUrl, text, html) };
}
