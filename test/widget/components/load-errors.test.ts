// @vitest-environment happy-dom
// When the thread cannot load, readers are told what happened and the console says what to fix.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createTestContext } from '../../support/app';
import { appFetch, mountWidget, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  widget?.unmount();
  consoleError.mockRestore();
});

const status = (w: MountedWidget) => w.root.querySelector('[role="status"]');
const logged = () => waitFor(() => consoleError.mock.calls.map((args) => args.join(' ')).join('\n'), 'the console message');

describe('a thread that does not load', () => {
  it('says the service is unreachable when the request gets no answer, offers a retry, and loads on it', async () => {
    const t = await createTestContext();
    let offline = true;
    const up = appFetch(t);
    const fetch = (input: string, init?: RequestInit) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : up(input, init));
    widget = await mountWidget(t, { config: { fetch } });
    expect(status(widget)?.textContent).toContain('Comments could not be loaded: the comment service is unreachable.');
    expect(status(widget)?.textContent).not.toContain('draft');
    expect(await logged()).toMatch(/^Parley: no answer from https:\/\/comments\.example; check data-api/);

    offline = false;
    status(widget)!.querySelector('button')!.click();
    await waitFor(() => widget!.root.querySelector('h2'), 'the thread');
    expect(widget.root.querySelector('h2')?.textContent).toBe('0 comments');
  });

  it("says the site is not set up for the page's address (403), with no retry, and names the origin to allow", async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { url: 'https://elsewhere.example/2026/01/15/a-story' } });
    expect(status(widget)?.textContent).toBe("Comments could not be loaded: the comment service is not set up for this website's address. ");
    expect(status(widget)?.querySelector('button')).toBeNull();
    expect(await logged()).toBe(
      `Parley: this page's origin https://elsewhere.example is not in the allowedOrigins of site "daily"; add it to the site's file and run npm run site -- put SITE.json`,
    );
  });

  it('says the site is not known (404), with no retry, and points at data-site', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { site: 'no-such-site' } });
    expect(status(widget)?.textContent).toContain('Comments could not be loaded: this site is not set up on the comment service.');
    expect(status(widget)?.querySelector('button')).toBeNull();
    expect(await logged()).toMatch(/^Parley: https:\/\/comments\.example has no site "no-such-site"; check data-site/);
  });

  it('says the service is unavailable (503), without speaking of a draft, and offers a retry', async () => {
    const t = await createTestContext();
    const fetch = async () => Response.json({ error: { code: 'unavailable', message: 'Database unreachable' } }, { status: 503 });
    widget = await mountWidget(t, { config: { fetch } });
    expect(status(widget)?.textContent).toBe('Comments could not be loaded: the comment service is unavailable right now. Retry');
    expect(await logged()).toBe('Parley: the thread did not load: unavailable (Database unreachable)');
  });
});
