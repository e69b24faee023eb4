// @vitest-environment happy-dom
// The e-mail notifications panel under the comment box, against the real app and database: offered
// only to a member whose token carries an address on a server that sends mail; its choices are stored.
import { afterEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../../server/runtime/smtp-mailer';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { startMailbox, type Mailbox } from '../../support/smtp-mailbox';
import { button, mountWidget, waitFor, type MountedWidget } from '../../support/widget';

const ALICE = { ...PERSONAS.alice, email: 'alice@example.com' };
let widget: MountedWidget | undefined;
let box: Mailbox | undefined;
let t: TestContext | undefined;
afterEach(async () => {
  widget?.unmount();
  await box?.close();
  t?.close();
});

async function mailingContext() {
  box = await startMailbox();
  t = await createTestContext({ deps: { mail: { mailer: smtpMailer(box.url), from: 'comments@news.example', publicUrl: 'https://comments.example' } } });
  return t;
}

const stored = async (sql: string) => (await t!.client.execute(sql)).rows;
/** The rows once the widget's request has written them. */
async function storedOnce(sql: string, count: number) {
  for (let i = 0; i < 100; i++) {
    const rows = await stored(sql);
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no rows for ${sql}`);
}

describe('e-mail notifications in the widget', () => {
  it('lets a member with an address opt in to replies and follow the conversation, and stores both', async () => {
    await mailingContext();
    widget = await mountWidget(t!, { persona: ALICE });
    const panel = await waitFor(() => widget!.root.querySelector<HTMLDetailsElement>('details.notify'), 'the notifications panel');
    expect(panel.querySelector('summary')?.textContent).toBe('Email notifications');
    expect(panel.textContent).toContain('Sent to alice@example.com.');
    const [replies, decisions] = Array.from(panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    expect([replies.checked, decisions.checked]).toEqual([false, false]);

    replies.click();
    expect(await storedOnce('SELECT email, replies, decisions FROM mail_preferences', 1)).toMatchObject([{ email: 'alice@example.com', replies: 1, decisions: 0 }]);

    button(panel, 'Follow this conversation').click();
    const stop = await waitFor(() => panel.querySelector('button[aria-pressed="true"]'), 'following');
    expect(stop.textContent).toBe('Stop following this conversation');
    expect(await storedOnce('SELECT thread_id FROM thread_follows', 1)).toHaveLength(1);
    await waitFor(() => replies.checked && !replies.disabled, 'replies shown as saved');
  });

  it('offers nothing to a member without an address, nor where the server sends no mail', async () => {
    await mailingContext();
    widget = await mountWidget(t!, { persona: PERSONAS.bob });
    expect(widget.root.querySelector('form')).not.toBeNull();
    expect(widget.root.querySelector('details.notify')).toBeNull();
    widget.unmount();
    t!.close();

    t = await createTestContext();
    widget = await mountWidget(t, { persona: ALICE });
    expect(widget.root.querySelector('details.notify')).toBeNull();
    expect(widget.requests.some((r) => r.includes('/me/mail'))).toBe(false);
  });
});
