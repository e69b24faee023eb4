// Mounts the dashboard against a real app on in-memory libSQL, and small helpers to read the
// shadow root and wait for it, so component tests exercise the real moderator API.
import { afterEach } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import type { QueueItemView } from '../../../shared/schemas/moderation-api';
import { SiteSettings } from '../../../shared/schemas/site';
import type { AppDeps } from '../../../server/app';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';
import { mount, type ModerateHandle } from '../../../widget/moderate/mount';
import type { ModerateConfig } from '../../../widget/moderate/config';
import type { Fetch } from '../../../widget/moderate/api';

export const API = 'https://parley.test';

/** Held comments post straight to the queue: no nudge first, no flood limit, "idiot" is reviewed. */
export const SETTINGS = SiteSettings.parse({
  moderation: { nudge: false, rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] } } },
});

export interface Harness {
  t: TestContext;
  host: HTMLElement;
  root: ShadowRoot;
  threadId: string;
  /** Posts as a member, a reply when `parentId` is given; returns the comment's id. */
  post(body: string, persona?: keyof typeof PERSONAS, parentId?: string): Promise<string>;
  /** Reads a queue straight from the server, as the API key. */
  serverQueue(queue: string): Promise<QueueItemView[]>;
  mount(config?: Partial<ModerateConfig>): ModerateHandle;
}

let open: { t: TestContext; handles: ModerateHandle[] } | null = null;
afterEach(() => {
  for (const h of open?.handles ?? []) h.unmount();
  open?.t.close();
  open = null;
  document.body.innerHTML = '';
});

/** `deps`: the app's own, such as `privateNetworkAllowed` for a webhook receiver on 127.0.0.1. */
export async function harness(settings: SiteSettings = SETTINGS, deps?: Partial<AppDeps>): Promise<Harness> {
  const t = await createTestContext({ site: { settings }, deps });
  const handles: ModerateHandle[] = [];
  open = { t, handles };
  const alice = await t.sign(PERSONAS.alice);
  const threadId = (await openThread(t, { token: alice, title: 'City budget' })).thread.id;
  const modToken = await t.sign(PERSONAS.mod);
  const host = document.createElement('div');
  document.body.append(host);
  const fetch: Fetch = (url, init) => Promise.resolve(t.app.request(url, init));
  return {
    t,
    host,
    get root() {
      return host.shadowRoot!;
    },
    threadId,
    async post(body, persona = 'alice', parentId) {
      const token = persona === 'alice' ? alice : await t.sign(PERSONAS[persona]);
      t.clock.now += 1000;
      return (await postComment(t, threadId, token, body, parentId)).id;
    },
    async serverQueue(queue) {
      const res = await t.call('GET', `${apiPaths.moderation.queue(t.site.id)}?queue=${queue}`, { headers: { 'X-Api-Key': TEST_API_KEY } });
      return (await res.json()).items;
    },
    mount(config = {}) {
      const handle = mount(host, {
        api: API,
        site: t.site.id,
        fetch,
        storage: null,
        getToken: () => modToken,
        pollMs: 60_000,
        tryDelayMs: 5,
        webhookPollMs: 50,
        now: () => t.clock.now,
        ...config,
      });
      handles.push(handle);
      return handle;
    },
  };
}

/** Retries an assertion until it passes (or 3 s pass), for renders that wait on the API. */
export async function waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

export const $ = <E extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`No ${selector}`);
  return el;
};
export const $$ = <E extends Element = HTMLElement>(root: ParentNode, selector: string) => Array.from(root.querySelectorAll<E>(selector));
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\u200b/g, '').trim();

/** The queue's item ids, top to bottom. */
// Items still in the queue: rows of items already acted on (kept for their Undo) are left out.
export const itemIds = (root: ParentNode) => $$(root, '.items > li:not(.done)').map((li) => li.dataset.id);

export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(root, 'button').find((b) => (typeof label === 'string' ? text(b) === label || text(b).startsWith(`${label} `) : label.test(text(b))));
  if (!found) throw new Error(`No button ${label}`);
  return found;
}

/** Sets a field's value the way typing does, so Preact's onInput sees it. */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
