// The HTTP mail adapter (what Workers use, where SMTP is not available) against a real HTTP server
// on 127.0.0.1: the message as JSON with the key as a bearer token, and a refusal retried.
import { createServer, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { SiteSettings } from '../../../../shared/schemas/site';
import { httpMailer } from '../../../../server/services/mail/mailer';
import { dispatchOnce } from '../../../../server/services/events/dispatch';
import { mailPass } from '../../../../server/services/mail/mail-pass';
import type { ServiceDeps } from '../../../../server/services/deps';
import { createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread, postComment } from '../../../support/api';

let t: TestContext | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  t?.close();
});

interface Received {
  auth: string;
  type: string;
  body: Record<string, any>;
}

async function startMailApi(answers: number[]) {
  const received: Received[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    received.push({ auth: String(req.headers.authorization), type: String(req.headers['content-type']), body: JSON.parse(raw) });
    res.writeHead(answers.shift() ?? 200, { 'Content-Type': 'application/json' }).end('{"id":"x"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise<void>((r) => server.close(() => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/emails`, received };
}

describe('the HTTP mail adapter', () => {
  it('posts each message as JSON with its key, and retries one the API refused', async () => {
    const api = await startMailApi([503]);
    const mail = { mailer: httpMailer(api.url, 're_test_key'), from: 'comments@news.example', publicUrl: 'https://comments.news.example' };
    t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { nudge: false } }) }, deps: { mail } });
    const deps: ServiceDeps = { store: t.store, now: () => t!.clock.now, newId: () => `m${Math.random().toString(36).slice(2)}`, ipSalt: 's', outbound: fetch, privateNetworkAllowed: true, mail };
    const alice = await t.sign({ ...PERSONAS.alice, email: 'alice@example.com' });
    const bob = await t.sign(PERSONAS.bob);
    await t.call('PUT', apiPaths.mailPreferences(t.site.id), { token: alice, body: { replies: true } });
    const thread = (await openThread(t, { token: alice, title: 'City budget' })).thread;
    const mine = await postComment(t, thread.id, alice, 'Branch libraries matter.');
    await postComment(t, thread.id, bob, 'They do.', mine.id);
    await dispatchOnce(deps);
    t.clock.now += 60_000;
    expect(await mailPass(deps)).toMatchObject({ composed: 1, sent: 0, retried: 1 });
    t.clock.now += 60_000;
    expect(await mailPass(deps)).toMatchObject({ sent: 1 });

    expect(api.received).toHaveLength(2);
    const [, sent] = api.received;
    expect(sent.auth).toBe('Bearer re_test_key');
    expect(sent.type).toBe('application/json');
    expect(sent.body).toMatchObject({ from: '"The Daily Example" <comments@news.example>', to: 'alice@example.com', subject: 'Bob replied to you on “City budget”' });
    expect(sent.body.text).toContain('> They do.');
    expect(sent.body.html).toContain('<p>They do.</p>');
    expect(sent.body.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });
});
