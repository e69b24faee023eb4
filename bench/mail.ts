// E-mail: how fast the mail pass turns a backlog of reply notices into messages and hands them to
// a local SMTP server (smtp-server on 127.0.0.1, accepting at once): composed and sent per second.
import { SMTPServer } from 'smtp-server';
import { createLibsqlStore } from '../server/store/libsql';
import { mailPass } from '../server/services/mail/mail-pass';
import { smtpMailer } from '../server/runtime/smtp-mailer';
import type { ServiceDeps } from '../server/services/deps';
import { BENCH_SITE, openTempDb, saveBenchSite } from './seed';

const RECIPIENTS = 500;

export interface MailResult {
  messages: number;
  messagesPerSecond: number;
}

export async function benchMail(opts: { log?: (s: string) => void } = {}): Promise<MailResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb();
  let accepted = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _s, done) {
      stream.resume();
      stream.on('end', () => (accepted++, done()));
    },
  });
  const port = await new Promise<number>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port)));
  const mailer = smtpMailer(`smtp://127.0.0.1:${port}?pool=true&maxConnections=4`);
  try {
    await saveBenchSite(db.client);
    const store = createLibsqlStore(db.client);
    let n = 0;
    const deps: ServiceDeps = { store, now: Date.now, newId: () => `m${++n}`, ipSalt: 'x', outbound: fetch, privateNetworkAllowed: true, mail: { mailer, from: 'bench@localhost', publicUrl: 'http://127.0.0.1' } };
    // One thread, one comment each by RECIPIENTS members who want replies, and one reply to each: a notice per member.
    const now = Date.now() - 120_000;
    const stmts = [{ sql: `INSERT INTO threads (id, site_id, page_key, url, title, section, created_at) VALUES ('mt', ?, 'mail-bench', 'https://example.com/a', 'A', 'news', ?)`, args: [BENCH_SITE, now] }];
    stmts.push({ sql: `INSERT INTO users (id, site_id, external_id, display_name, created_at, updated_at) VALUES ('replier', ?, 'replier', 'Replier', ?, ?)`, args: [BENCH_SITE, now, now] } as never);
    for (let i = 0; i < RECIPIENTS; i++) {
      stmts.push(
        { sql: `INSERT INTO users (id, site_id, external_id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, args: [`u${i}`, BENCH_SITE, `u${i}`, `Member ${i}`, now, now] } as never,
        { sql: `INSERT INTO mail_preferences (user_id, site_id, email, replies, decisions, updated_at) VALUES (?, ?, ?, 1, 0, ?)`, args: [`u${i}`, BENCH_SITE, `u${i}@example.com`, now] } as never,
        { sql: `INSERT INTO comments (id, site_id, thread_id, parent_id, root_id, depth, author_id, body_src, body_html, status, created_at) VALUES (?, ?, 'mt', NULL, ?, 0, ?, 'Mine', '<p>Mine</p>', 'published', ?)`, args: [`c${i}`, BENCH_SITE, `c${i}`, `u${i}`, now] } as never,
        { sql: `INSERT INTO comments (id, site_id, thread_id, parent_id, root_id, depth, author_id, body_src, body_html, status, created_at) VALUES (?, ?, 'mt', ?, ?, 1, 'replier', 'A reply', '<p>A reply</p>', 'published', ?)`, args: [`r${i}`, BENCH_SITE, `c${i}`, `c${i}`, now] } as never,
        { sql: `INSERT INTO mail_notices (id, site_id, user_id, thread_id, comment_id, kind, created_at) VALUES (?, ?, ?, 'mt', ?, 'reply', ?)`, args: [`r${i}:u${i}:new`, BENCH_SITE, `u${i}`, `r${i}`, now] } as never,
      );
    }
    await db.client.batch(stmts, 'write');
    const started = performance.now();
    for (let sent = 0; sent < RECIPIENTS; ) sent += (await mailPass(deps, { moderators: false, dispatch: { batch: 100 } })).sent;
    const seconds = (performance.now() - started) / 1000;
    log(`mail: ${RECIPIENTS} messages composed and sent in ${seconds.toFixed(2)} s (${accepted} accepted)`);
    return { messages: RECIPIENTS, messagesPerSecond: Math.round(RECIPIENTS / seconds) };
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    db.dispose();
  }
}
