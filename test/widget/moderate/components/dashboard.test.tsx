// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY } from '../../../support/app';
import { $, button, harness, press, text, type, waitFor } from '../harness';

const SIGN_IN_KEY = 'parley-moderate-sign-in';

describe('signing in to the dashboard', () => {
  it('without a token function, asks for the site and an API key, then remembers them for the tab', async () => {
    const h = await harness();
    window.sessionStorage.clear();
    h.mount({ getToken: undefined, storage: window.sessionStorage });
    const form = await waitFor(() => $<HTMLFormElement>(h.root, 'form.sign-in'));
    expect($<HTMLInputElement>(form, 'input[name="site"]').value).toBe('daily');
    type($<HTMLInputElement>(form, 'input[name="secret"]'), TEST_API_KEY);
    button(form, 'Sign in').click();
    await waitFor(() => expect(text($(h.root, '.site'))).toBe('The Daily Example'));
    expect(text($(h.root, '.who'))).toBe('Site owner (API key)');
    expect(JSON.parse(window.sessionStorage.getItem(SIGN_IN_KEY)!)).toEqual({ site: 'daily', kind: 'key', secret: TEST_API_KEY });

    // A second dashboard in the same tab signs straight in.
    const again = document.createElement('div');
    document.body.append(again);
    const { mount } = await import('../../../../widget/moderate/mount');
    const handle = mount(again, { api: 'https://parley.test', site: 'daily', storage: window.sessionStorage, fetch: (u, i) => Promise.resolve(h.t.app.request(u, i)) });
    await waitFor(() => expect(text($(again.shadowRoot!, '.site'))).toBe('The Daily Example'));
    handle.unmount();
  });

  it('says why a wrong key is refused and stays on the form', async () => {
    const h = await harness();
    h.mount({ getToken: undefined });
    const form = await waitFor(() => $<HTMLFormElement>(h.root, 'form.sign-in'));
    type($<HTMLInputElement>(form, 'input[name="secret"]'), 'not-the-key');
    button(form, 'Sign in').click();
    await waitFor(() => expect(text($(h.root, '[role="alert"]'))).toBe('These credentials may not moderate this site.'));
    expect(h.root.querySelector('.tabs')).toBeNull();
  });

  it('accepts a pasted moderator SSO token', async () => {
    const h = await harness();
    const token = await h.t.sign({ sub: 'u-mod', name: 'Morgan', role: 'moderator' });
    h.mount({ getToken: undefined });
    const form = await waitFor(() => $<HTMLFormElement>(h.root, 'form.sign-in'));
    $<HTMLInputElement>(form, 'input[value="token"]').click();
    const secret = await waitFor(() => $<HTMLTextAreaElement>(form, 'textarea[name="secret"]'));
    type(secret, token);
    button(form, 'Sign in').click();
    await waitFor(() => expect(text($(h.root, '.who'))).toBe('Morgan'));
  });

  it('signs in with the host page’s token function, without a form or a sign-out link', async () => {
    const h = await harness();
    h.mount();
    await waitFor(() => expect(text($(h.root, '.who'))).toBe('Morgan'));
    expect(h.root.querySelector('form.sign-in')).toBeNull();
    expect(() => button(h.root, 'Sign out')).toThrow();
  });

  it('falls back to the form when the host’s reader is not a moderator', async () => {
    const h = await harness();
    const member = await h.t.sign({ sub: 'u-alice', name: 'Alice', tier: 'member' });
    h.mount({ getToken: () => member });
    await waitFor(() => expect(text($(h.root, '[role="alert"]'))).toBe('These credentials may not moderate this site.'));
    expect($(h.root, 'form.sign-in')).toBeTruthy();
  });
});

describe('the stats tab', () => {
  it('draws the daily, held-share and rule-hit charts, each labelled and with its numbers in a table', async () => {
    const h = await harness();
    await h.post('An idiot comment for the stats');
    await h.post('A perfectly fine comment for the stats');
    h.mount();
    await waitFor(() => $(h.root, '.tabs'));
    button(h.root, 'Stats').click();
    const page = await waitFor(() => $(h.root, '.stats-page'));
    const charts = Array.from(page.querySelectorAll('figure.chart'));
    expect(charts.map((c) => text(c.querySelector('figcaption')))).toEqual([
      'Comments per day, last 30 days',
      'Share of comments held for review',
      'Rule hits, last 30 days',
    ]);
    for (const chart of charts) {
      expect(chart.querySelector('svg[role="img"] title')).not.toBeNull();
      expect(chart.querySelector('table.visually-hidden caption')).not.toBeNull();
    }
    const daily = charts[0].querySelectorAll('tbody tr');
    expect(daily).toHaveLength(30);
    expect(Array.from(daily[daily.length - 1].querySelectorAll('th, td'), (c) => text(c))).toEqual(['2026-01-15', '2', '1', '1', '0']);
    expect(text(charts[2].querySelector('tbody'))).toContain('suspect-words');
    expect(text($(page, '.nudges'))).toContain('Shown0');
  });

  it('says how long comments wait for a decision, how moderators treated each rule, and which articles are busiest', async () => {
    const h = await harness();
    await h.post('An idiot comment, approved after ten minutes');
    h.mount();
    await waitFor(() => $(h.root, '.items > li'));
    h.t.clock.now += 10 * 60_000;
    press('a');
    await waitFor(() => expect(text($(h.root, '.live'))).toMatch(/^Approved/));
    button(h.root, 'Stats').click();
    const page = await waitFor(() => $(h.root, '.stats-page'));
    const times = await waitFor(() => $(page, '[aria-labelledby="pm-times"] .tallies'));
    expect(text(times)).toContain('Decided1');
    expect(text(times)).toContain('Median wait10 min');
    expect(text(times)).toContain('Waiting now0');
    const rule = Array.from(page.querySelectorAll('[aria-labelledby="pm-rules"] tbody tr')).find((tr) => text(tr).includes('suspect-words'))!;
    expect(Array.from(rule.querySelectorAll('th, td'), (c) => text(c))).toEqual(['suspect-words', '1', '1', '0', '0', '0', '0%']);
    expect(text($(page, '[aria-labelledby="pm-articles"] tbody tr'))).toBe('City budget11');
  });
});

describe('opening the dashboard', () => {
  it('reads the first queue page while the sign-in is checked, not after, and only once', async () => {
    const h = await harness();
    await h.post('You idiot.');
    const seen: string[] = [];
    let sessionAnswered = false;
    h.mount({
      fetch: async (url, init) => {
        const path = new URL(url).pathname;
        seen.push(`${path.endsWith('/session') ? 'session' : path.split('/').pop()}${sessionAnswered ? ' after' : ' before'}`);
        const res = await h.t.app.request(url, init);
        if (path.endsWith('/session')) sessionAnswered = true;
        return res;
      },
    });
    await waitFor(() => expect(h.root.querySelectorAll('li.item').length).toBeGreaterThan(0));
    expect(seen.filter((s) => s.startsWith('queue'))).toEqual(['queue before']);
  });
});
