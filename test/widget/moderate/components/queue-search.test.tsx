// @vitest-environment happy-dom
// The queue at newsroom scale in the dashboard, against the real API: search, sort and the
// new-members filter (and that "Select all N matching" acts on exactly that), the new-comments
// banner and its polling, and undo that puts a comment back in its place.
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import type { Fetch } from '../../../../widget/moderate/api';
import { PERSONAS, TEST_API_KEY } from '../../../support/app';
import { seedComments } from '../../../support/api';
import { $, $$, button, harness, itemIds, press, text, waitFor, type Harness } from '../harness';

const live = (root: ParentNode) => text($(root, '.live'));
const searchBox = (root: ParentNode) => $<HTMLInputElement>(root, '.filters input[type="search"]');

/** The app's fetch, remembering every URL asked for. */
function recorded(h: Harness) {
  const urls: string[] = [];
  const fetch: Fetch = (url, init) => {
    urls.push(url);
    return Promise.resolve(h.t.app.request(url, init));
  };
  return { urls, fetch };
}

function typeInto(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('searching, sorting and filtering the queue', () => {
  it('narrows the list once typing pauses, marks the words found, clears with Esc, and / goes to the box', async () => {
    const h = await harness();
    const bus = await h.post('Only an idiot cuts the night bus.');
    const library = await h.post('Only an idiot closes the library.');
    const { urls, fetch } = recorded(h);
    h.mount({ fetch });
    await waitFor(() => expect(itemIds(h.root)).toEqual([library, bus]));

    press('/');
    expect(h.root.activeElement).toBe(searchBox(h.root));
    const asked = urls.length;
    typeInto(searchBox(h.root), 'nig');
    typeInto(searchBox(h.root), 'night BU');
    await waitFor(() => expect(itemIds(h.root)).toEqual([bus]));
    // One request for the two keystrokes: the first was still within the pause.
    const searches = urls.slice(asked).filter((u) => u.includes('/moderation/queue?'));
    expect(searches).toHaveLength(1);
    expect(new URL(searches[0]).searchParams.get('q')).toBe('night BU');
    // Each word as the start of a word, as the server found it.
    expect($$(h.root, '.items mark.hit').map(text)).toEqual(['night', 'bu']);

    searchBox(h.root).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await waitFor(() => expect(itemIds(h.root)).toEqual([library, bus]));
    expect(searchBox(h.root).value).toBe('');
    expect(h.root.querySelector('mark.hit')).toBeNull();
  });

  it('orders oldest first when asked, and keeps the order when another queue opens', async () => {
    const h = await harness();
    const first = await h.post('First idiot comment');
    const second = await h.post('Second idiot comment');
    h.mount();
    await waitFor(() => expect(itemIds(h.root)).toEqual([second, first]));
    const sort = $$<HTMLSelectElement>(h.root, '.filters select').find((s) => s.value === 'newest')!;
    sort.value = 'oldest';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(itemIds(h.root)).toEqual([first, second]));
    button(h.root, /^Recent/).click();
    button(h.root, /^Pending/).click();
    await waitFor(() => expect(itemIds(h.root)).toEqual([first, second]));
  });

  it('lists new members’ comments only, and "Select all N matching" acts on exactly those', async () => {
    const h = await harness();
    const earlier = await h.post('An idiot remark from Alice');
    const res = await h.t.call('POST', apiPaths.moderation.comment(h.t.site.id, earlier), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { action: 'approve' } });
    expect(res.status, await res.clone().text()).toBe(200);
    const alice = await h.post('Another idiot remark from Alice');
    // Thirty from Bob, who has nothing published: more than a page.
    await seedComments(h.t, { threadId: h.threadId, author: PERSONAS.bob, count: 30, prefix: 'Newcomer' });
    const { urls, fetch } = recorded(h);
    h.mount({ fetch });
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(25));
    $<HTMLInputElement>(h.root, '.filters input[type="checkbox"]').click();
    await waitFor(() => expect(urls.some((u) => new URL(u).searchParams.get('members') === 'new')).toBe(true));
    await waitFor(() => expect(itemIds(h.root)).toHaveLength(25));
    expect(itemIds(h.root)).not.toContain(alice);

    $<HTMLInputElement>(h.root, '.bulk input[type="checkbox"]').click();
    await waitFor(() => expect(text($(h.root, '.bulk'))).toContain('Select all 30 matching'));
    button(h.root, 'Select all 30 matching').click();
    (await waitFor(() => button(h.root, 'Approve all 30'))).click();
    await waitFor(() => expect(live(h.root)).toMatch(/^Approved 30 comments by new members in Pending\. Press u to undo\.$/));
    expect((await h.serverQueue('pending')).map((i) => i.id)).toEqual([alice]);
  });
});

describe('the new-comments banner', () => {
  it('counts what came in without showing it, and Show brings it in at the top and says so', async () => {
    const h = await harness();
    const old = await h.post('An idiot comment already there');
    h.mount({ pollMs: 30 });
    await waitFor(() => expect(itemIds(h.root)).toEqual([old]));
    const a = await h.post('An idiot comment that came in');
    const b = await h.post('Another idiot comment that came in');
    await waitFor(() => expect(text($(h.root, '.newer-banner'))).toBe('2 new comments — Show'));
    // Nothing is put in the list until the moderator asks.
    expect(itemIds(h.root)).toEqual([old]);
    button($(h.root, '.newer-banner'), 'Show').click();
    await waitFor(() => expect(itemIds(h.root)).toEqual([b, a, old]));
    expect(text($(h.root, '.newer-banner'))).toBe('');
    expect(live(h.root)).toBe('Showing 2 new comments, at the top.');
  });

  it('asks nothing while the page is hidden, and asks at once when it is shown again', async () => {
    const h = await harness();
    await h.post('An idiot comment already there');
    const { urls, fetch } = recorded(h);
    h.mount({ pollMs: 20, fetch });
    const polls = () => urls.filter((u) => u.includes('/moderation/queue/newer')).length;
    await waitFor(() => expect(polls()).toBeGreaterThan(0));
    // Headless pages are always visible: the document says otherwise here, as a hidden tab's would.
    const setVisibility = (value: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      await new Promise((r) => setTimeout(r, 30));
      const whileHidden = polls();
      await new Promise((r) => setTimeout(r, 150));
      expect(polls()).toBe(whileHidden);
      await h.post('An idiot comment while away');
      setVisibility('visible');
      await waitFor(() => expect(text($(h.root, '.newer-banner'))).toBe('1 new comment — Show'));
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });
});

describe('undo keeps the place', () => {
  it('puts a comment back where it was after the list was read again, without reading page 1', async () => {
    const h = await harness();
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push(await h.post(`Idiot comment number ${n}`));
    const { urls, fetch } = recorded(h);
    h.mount({ fetch });
    const listed = [...ids].reverse();
    await waitFor(() => expect(itemIds(h.root)).toEqual(listed));
    press('j');
    press('j');
    press('a');
    await waitFor(() => expect(text($(h.root, '.items > li.done'))).toMatch(/^Approved ‘Idiot comment number 1’ by Morgan — Undo$/));
    // Read again: the settled row is gone, and so is the list's memory of the action.
    button(h.root, 'Refresh').click();
    await waitFor(() => expect(h.root.querySelector('.items > li.done')).toBeNull());
    expect(itemIds(h.root)).toEqual(listed.filter((id) => id !== ids[1]));
    $<HTMLInputElement>(h.root, `.items > li[data-id="${ids[3]}"] input[type="checkbox"]`).click();

    const asked = urls.length;
    press('u');
    await waitFor(() => expect(itemIds(h.root)).toEqual(listed));
    const reads = urls.slice(asked).filter((u) => u.includes('/moderation/queue?'));
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0]).searchParams.get('ids')).toBe(ids[1]);
    expect($(h.root, '.items > li.selected').dataset.id).toBe(ids[1]);
    // What was ticked stays ticked.
    expect($<HTMLInputElement>(h.root, `.items > li[data-id="${ids[3]}"] input[type="checkbox"]`).checked).toBe(true);
  });
});
