// E-mail end to end against a real SMTP server on 127.0.0.1 (smtp-server), messages parsed with
// mailparser: a member opts in, a reply is mailed with text and HTML parts and a signed one-click
// unsubscribe that works; replies within the throttle are batched; followers and authors hear
// what they asked for; refusals are retried; moderators get one alert per crossing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { apiPaths } from '../../../../shared/api-paths';
import { SiteSettings } from '../../../../shared/schemas/site';
import { dispatchOnce } from '../../../../server/services/events/dispatch';
import { mailPass } from '../../../../server/services/mail/mail-pass';
import { composeNotices } from '../../../../server/services/mail/compose-notices';
import type { ServiceDeps } from '../../../../server/services/deps';
import { smtpMailer } from '../../../../server/runtime/smtp-mailer';
import { createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment, refusal } from '../../../support/api';
import { startMailbox, type Mailbox } from '../../../support/smtp-mailbox';

const ALICE = { ...PERSONAS.alice, email: 'alice@example.com' };
const NELL = { ...PERSONAS.nell, tier: 'member', email: 'Nell@Example.COM' };
const m = apiPaths.moderation;
const MINUTE = 60_000;

let t: TestContext;
let box: Mailbox;
let closeMailer: () => void;
afterEach(async () => {
  closeMailer?.();
  await box?.close();
  t?.close();
});

async function setUp(mail: Record<string, unknown> = {}) {
  box = await startMailbox();
  const mailer = smtpMailer(box.url);
  closeMailer = mailer.close;
  const config = { mailer, from: 'comments@news.example', publicUrl: 'https://comments.news.example' };
  const settings = SiteSettings.parse({ mail, moderation: { nudge: false, rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] } } } });
  t = await createTestContext({ site: { settings }, deps: { mail: config } });
  let n = 0;
  const deps: ServiceDeps = { store: t.store, now: () => t.clock.now, newId: () => `m${++n}`, ipSalt: 'salt', outbound: fetch, privateNetworkAllowed: true, mail: config };
  // What the Node loop does: fan events out (which makes the notices), then a mail pass.
  const pass = async (o: Parameters<typeof mailPass>[1] = {}) => {
    await dispatchOnce(deps);
    return mailPass(deps, o);
  };
  const [alice, bob, nell, mod] = await Promise.all([t.sign(ALICE), t.sign(PERSONAS.bob), t.sign(NELL), t.sign(PERSONAS.mod)]);
  const thread = (await openThread(t, { token: alice, title: 'City budget' })).thread;
  return { deps, pass, alice, bob, nell, mod, thread };
}

const prefs = (token: string, body: unknown) => t.call('PUT', apiPaths.mailPreferences(t.site.id), { token, body });
// The header as sent (mailparser folds List-* headers into an object of its own).
const header = (mail: ParsedMail, name: string) => (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/^[^:]+:\s*/, '');
const linkOf = (mail: ParsedMail) => /<([^>]+)>/.exec(header(mail, 'list-unsubscribe'))![1];

describe('e-mail to members', () => {
  it('mails a reply to a member who opted in, with text and HTML parts and a one-click unsubscribe that works', async () => {
    const { pass, alice, bob, thread } = await setUp();
    const saved = await (await prefs(alice, { replies: true })).json();
    expect(saved).toMatchObject({ available: true, email: 'alice@example.com', replies: true, decisions: false });
    const mine = await postComment(t, thread.id, alice, 'Branch libraries matter.');
    await postComment(t, thread.id, bob, 'Agreed, **especially** <script>x</script> after school.', mine.id);

    // The first notice waits a minute for others of the same conversation.
    expect((await pass()).composed).toBe(0);
    t.clock.now += MINUTE;
    expect(await pass()).toMatchObject({ composed: 1, sent: 1 });
    const [mail] = await box.waitFor(1);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('alice@example.com');
    expect(mail.from?.text).toBe('"The Daily Example" <comments@news.example>');
    expect(mail.subject).toBe('Bob replied to you on “City budget”');
    expect(mail.text).toContain('Bob replied to your comment:');
    expect(mail.text).toContain('> Agreed, **especially**');
    expect(mail.text).toContain('#comment-');
    // The HTML part has the comment as the widget shows it: sanitised, no script.
    expect(mail.html).toContain('<strong>especially</strong>');
    expect(mail.html).not.toContain('<script');
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // The link as a mail provider uses it: a POST with the RFC 8058 body, no sign-in.
    const url = new URL(linkOf(mail));
    expect(url.origin).toBe('https://comments.news.example');
    const shown = await t.call('GET', url.pathname + url.search);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Stop e-mail about replies to your comments?');
    const forged = new URL(url);
    forged.searchParams.set('u', 'someone-else');
    expect((await refusal(await t.call('POST', forged.pathname + forged.search, { body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }))).status).toBe(403);
    const done = await t.call('POST', url.pathname + url.search, { body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);
    expect(await (await t.call('GET', apiPaths.mailPreferences(t.site.id), { token: alice })).json()).toMatchObject({ replies: false });
    // Wanting nothing any more, the member's address is no longer stored.
    expect((await t.client.execute('SELECT COUNT(*) AS n FROM mail_preferences')).rows[0].n).toBe(0);

    await postComment(t, thread.id, bob, 'One more thing.', mine.id);
    t.clock.now += 20 * MINUTE;
    await pass();
    expect(box.messages).toHaveLength(1);
  });

  it('batches replies that come within the throttle into one message, and sends the next after it', async () => {
    const { pass, alice, bob, thread } = await setUp({ replyNoticeMinutes: 15 });
    await prefs(alice, { replies: true });
    const mine = await postComment(t, thread.id, alice, 'Branch libraries matter.');
    await postComment(t, thread.id, bob, 'First reply.', mine.id);
    t.clock.now += MINUTE;
    await pass();
    await box.waitFor(1);
    await postComment(t, thread.id, bob, 'Second reply.', mine.id);
    await postComment(t, thread.id, bob, 'Third reply.', mine.id);
    t.clock.now += 5 * MINUTE;
    expect((await pass()).composed).toBe(0);
    t.clock.now += 10 * MINUTE;
    expect((await pass()).composed).toBe(1);
    const [, second] = await box.waitFor(2);
    expect(second.subject).toBe('2 new replies to you on “City budget”');
    expect(second.text).toContain('Second reply.');
    expect(second.text).toContain('Third reply.');
    expect(box.messages).toHaveLength(2);
  });

  it('tells followers of new comments (not their own), and authors of a decision on their held comment with the reason', async () => {
    const { pass, alice, bob, nell, mod, thread } = await setUp();
    expect((await t.call('PUT', apiPaths.follow(t.site.id, thread.id), { token: nell })).status).toBe(200);
    await prefs(alice, { decisions: true });
    await postComment(t, thread.id, nell, 'My own comment tells me nothing.');
    await postComment(t, thread.id, bob, 'A new top-level comment.');
    const held = await postComment(t, thread.id, alice, 'What an idiot.');
    expect(held.status).toBe('pending');
    const kept = await postComment(t, thread.id, alice, 'You idiot, I meant the plan.');
    await t.call('POST', m.comment(t.site.id, held.id), { token: mod, body: { action: 'reject', reason: 'personal_attack' } });
    await t.call('POST', m.comment(t.site.id, kept.id), { token: mod, body: { action: 'approve' } });
    t.clock.now += MINUTE;
    await pass();
    const mails = await box.waitFor(3);
    const to = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');
    const nells = mails.filter((x) => to(x) === 'Nell@example.com');
    // Bob's, and Alice's approved one: one message for the conversation.
    expect(nells).toHaveLength(1);
    expect(nells[0].subject).toBe('2 new comments on “City budget”');
    expect(nells[0].text).not.toContain('My own comment');
    const alices = mails.filter((x) => to(x) === 'alice@example.com').map((x) => x.subject).sort();
    expect(alices).toEqual(['Your comment on “City budget” is published', 'Your comment on “City budget” was not published']);
    const rejected = mails.find((x) => x.subject?.includes('not published'))!;
    expect(rejected.text).toContain('Reason: it attacks a person rather than their ideas');
    // Unfollowing through the link stops the conversation's mail.
    const url = new URL(linkOf(nells[0]));
    expect(url.searchParams.get('l')).toBe('follow');
    await t.call('POST', url.pathname + url.search, { body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(await (await t.call('GET', `${apiPaths.mailPreferences(t.site.id)}?threadId=${thread.id}`, { token: nell })).json()).toMatchObject({ following: false });
  });

  it('offers nothing without an email claim, and refuses opting in with a clear code', async () => {
    const { bob } = await setUp();
    expect(await (await t.call('GET', apiPaths.mailPreferences(t.site.id), { token: bob })).json()).toMatchObject({ available: false, email: null });
    expect(await refusal(await prefs(bob, { replies: true }))).toMatchObject({ status: 409, code: 'mail_unavailable' });
    expect(await refusal(await prefs(bob, {}))).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(await refusal(await t.call('GET', apiPaths.mailPreferences(t.site.id)))).toMatchObject({ status: 401, code: 'not_signed_in' });
    expect(await refusal(await t.call('PUT', apiPaths.follow(t.site.id, 'nope'), { token: await t.sign(ALICE) }))).toMatchObject({ status: 404, code: 'thread_not_found' });
  });

  it('retries a message the SMTP server refused, and sends it once it accepts', async () => {
    const { pass, alice, bob, thread } = await setUp();
    await prefs(alice, { replies: true });
    const mine = await postComment(t, thread.id, alice, 'Branch libraries matter.');
    await postComment(t, thread.id, bob, 'A reply.', mine.id);
    box.refuse(1);
    t.clock.now += MINUTE;
    expect(await pass()).toMatchObject({ composed: 1, sent: 0, retried: 1 });
    expect(await pass()).toMatchObject({ sent: 0 });
    t.clock.now += MINUTE;
    expect(await pass()).toMatchObject({ sent: 1 });
    expect(await box.waitFor(1)).toHaveLength(1);
    const [row] = (await t.client.execute("SELECT status, attempts FROM mail_messages")).rows;
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends a message again when the sender that claimed it died before finishing (at least once)', async () => {
    const { deps, pass, alice, bob, thread } = await setUp();
    await prefs(alice, { replies: true });
    const mine = await postComment(t, thread.id, alice, 'Branch libraries matter.');
    await postComment(t, thread.id, bob, 'A reply.', mine.id);
    t.clock.now += MINUTE;
    await pass({ moderators: false });
    await box.waitFor(1);
    // Another one, claimed by a sender that then dies: nothing sent, nothing finished.
    await postComment(t, thread.id, bob, 'Another reply.', mine.id);
    t.clock.now += 20 * MINUTE;
    await dispatchOnce(deps);
    expect(await composeNotices(deps, deps.mail!)).toBe(1);
    expect(await t.store.claimMail(t.clock.now, t.clock.now + MINUTE, 10)).toHaveLength(1);
    expect((await pass()).sent).toBe(0);
    t.clock.now += 2 * MINUTE;
    expect((await pass()).sent).toBe(1);
    expect(await box.waitFor(2)).toHaveLength(2);
    expect(box.messages[1].text).toContain('Another reply.');
  });
});

describe('e-mail to moderators', () => {
  it('alerts once when the queue passes the threshold, and again only after it was back under', async () => {
    const { pass, alice, mod, thread } = await setUp({ moderatorEmails: ['desk@news.example'], queueAlert: { pending: 2 }, dashboardUrl: 'https://news.example/moderate' });
    const first = await postComment(t, thread.id, alice, 'What an idiot.');
    expect((await pass()).alerts).toBe(0);
    await postComment(t, thread.id, alice, 'Another idiot.');
    expect((await pass()).alerts).toBe(1);
    expect((await pass()).alerts).toBe(0);
    const [alert] = await box.waitFor(1);
    expect(alert.subject).toBe('The Daily Example: 2 comments are waiting for review');
    expect(alert.text).toContain('https://news.example/moderate');
    await t.call('POST', m.comment(t.site.id, first.id), { token: mod, body: { action: 'approve' } });
    expect((await pass()).alerts).toBe(0);
    await postComment(t, thread.id, alice, 'A third idiot.');
    expect((await pass()).alerts).toBe(1);
    // A moderator who unsubscribes gets no more.
    const url = new URL(linkOf(alert));
    await t.call('POST', url.pathname + url.search, { body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    await box.waitFor(2);
    await t.call('POST', m.comment(t.site.id, first.id), { token: mod, body: { action: 'reject', reason: 'spam' } });
    await pass();
    await postComment(t, thread.id, alice, 'Idiot four.');
    await postComment(t, thread.id, alice, 'Idiot five.');
    expect((await pass()).alerts).toBe(0);
  });

  it('sends the daily digest once a day at the site’s hour', async () => {
    const { pass, alice, thread } = await setUp({ moderatorEmails: ['desk@news.example'], digestHourUtc: 13 });
    await postComment(t, thread.id, alice, 'A published comment.');
    // The test clock starts at 12:00 UTC: not yet.
    expect((await pass()).alerts).toBe(0);
    t.clock.now += 61 * MINUTE;
    expect((await pass()).alerts).toBe(1);
    expect((await pass()).alerts).toBe(0);
    const [digest] = await box.waitFor(1);
    expect(digest.subject).toBe('The Daily Example: the moderation queue today');
    expect(digest.text).toContain('1 comments published');
    t.clock.now += 24 * 60 * MINUTE;
    expect((await pass()).alerts).toBe(1);
  });
});
