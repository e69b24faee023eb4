// Mounts the reader widget in happy-dom against a real in-process app, plus small DOM verbs
// for tests that read like a reader using it.
import { apiPaths } from '../../shared/api-paths';
import type { CommentView } from '../../shared/schemas/comment';
import { mount } from '../../widget/app';
import { loadMemberUi } from '../../widget/components/member-slot';
import type { WidgetConfig, WidgetHandle } from '../../widget/config';
import { ARTICLE_URL, type Persona, type TestContext } from './app';

export const API_ORIGIN = 'https://comments.example';

export interface MountedWidget {
  root: ShadowRoot;
  handle: WidgetHandle;
  /** The requests the widget made, as `METHOD /path?query`. */
  requests: string[];
  unmount(): void;
}

/** The widget's fetch, answered by the app itself: the real routes, services and database. */
export function appFetch(t: TestContext, requests: string[] = []): NonNullable<WidgetConfig['fetch']> {
  return async (input, init) => {
    const url = new URL(input);
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    return t.app.request(input, init);
  };
}

export async function mountWidget(
  t: TestContext,
  options: { persona?: Persona; config?: Partial<WidgetConfig> } = {},
): Promise<MountedWidget> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const requests: string[] = [];
  const token = options.persona ? await t.sign(options.persona) : undefined;
  const handle = mount(root, {
    api: API_ORIGIN,
    site: t.site.id,
    url: ARTICLE_URL,
    token,
    fetch: appFetch(t, requests),
    now: () => t.clock.now,
    ...options.config,
  });
  // Loaded (the heading) or failed (no longer busy, whether or not a retry would help).
  await waitFor(() => root.querySelector('h2') ?? root.querySelector('section[aria-busy="false"]'));
  // A signed-in reader's composer and actions arrive in a chunk of their own (see member-slot.ts).
  if (token || options.config?.token || options.config?.getToken) {
    await loadMemberUi();
    await waitFor(() => !root.querySelector('.composer-wait'), "the members' chunk");
  }
  return {
    root,
    handle,
    requests,
    unmount() {
      handle.unmount();
      host.remove();
    },
  };
}

/** Polls until `find` returns something truthy; the widget renders after promises settle. */
export async function waitFor<T>(find: () => T | null | undefined | false, what = 'the expected element'): Promise<T> {
  const until = Date.now() + 3000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** What a screen reader calls an element: its aria-label, else its text without the parts hidden from it. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label !== null) return label.trim();
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// A button answers to its accessible name or to the words it shows (what a voice-control user says).
const labels = (el: Element) => [accessibleName(el), (el.textContent ?? '').trim()];

export function findButton(scope: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return Array.from(scope.querySelectorAll('button')).find((b) => labels(b).some((l) => (typeof name === 'string' ? l === name : name.test(l))));
}

export function button(scope: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = findButton(scope, name);
  if (!found) throw new Error(`No button ${name}; buttons: ${Array.from(scope.querySelectorAll('button'), (b) => labels(b).join(' / ')).join(' | ')}`);
  return found;
}

export function typeInto(field: HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function comment(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector(`[id="comment-${id}"]`);
}

export function commentTexts(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('article .body'), (b) => b.textContent?.trim() ?? '');
}

/** Seeds a comment through the API, moving the clock on so flood and repeat rules stay quiet. */
export async function seedComment(t: TestContext, persona: Persona, body: string, parentId?: string): Promise<CommentView> {
  const token = await t.sign(persona);
  const view = await (await t.call('GET', `${apiPaths.thread(t.site.id)}?url=${encodeURIComponent(ARTICLE_URL)}`, { token })).json();
  t.clock.now += 61_000;
  const res = await t.call('POST', apiPaths.comments(t.site.id, view.thread.id), { token, body: parentId ? { body, parentId } : { body } });
  if (res.status !== 201) throw new Error(`Seeding failed: ${res.status} ${await res.text()}`);
  return (await res.json()).comment;
}
