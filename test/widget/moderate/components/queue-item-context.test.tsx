// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { SiteSettings } from '../../../../shared/schemas/site';
import { PERSONAS, TEST_API_KEY } from '../../../support/app';
import { $, $$, button, harness, press, text, waitFor } from '../harness';

const ARTICLE = 'https://news.example/2026/01/15/city-budget';
const m = apiPaths.moderation;
const asKey = { 'X-Api-Key': TEST_API_KEY };
const itemEl = (root: ParentNode, id: string) => $(root, `.items > li[data-id="${id}"]`);
/** Opens another queue once the first has loaded its counts. */
async function openQueue(root: ParentNode, label: RegExp) {
  await waitFor(() => expect(text($(root, '.count-pending'))).not.toBe('–'));
  button(root, label).click();
}

/** Held comments go straight to the queue, "grift" is rejected outright, a member is new until two comments are published. */
const SETTINGS = SiteSettings.parse({
  moderation: {
    nudge: false,
    rules: { flooding: { enabled: false }, suspectWords: { words: ['idiot'] }, bannedWords: { words: ['grift'] }, newMember: { approvedNeeded: 2 } },
  },
});

describe('a queue item’s context', () => {
  it('shows the comment a reply answers, and links to it when readers cannot see the reply', async () => {
    const h = await harness(SETTINGS);
    const root = await h.post('The levy keeps the library open on Sundays.', 'bob');
    const reply = await h.post('Only an idiot wants Sunday opening.', 'alice', root);
    h.mount();
    const item = await waitFor(() => itemEl(h.root, reply));
    expect(text($(item, '.parent'))).toBe('In reply to Bob: The levy keeps the library open on Sundays.');
    const link = $<HTMLAnchorElement>(item, 'a.thread');
    expect(link.getAttribute('href')).toBe(`${ARTICLE}#comment-${root}`);
    expect(text(link)).toBe('City budget, opens at the comment it replies to; readers cannot see this one');
  });

  it('links a held top-level comment to the article, not to a comment readers cannot open', async () => {
    const h = await harness(SETTINGS);
    const id = await h.post('Only an idiot cuts the bus budget.');
    h.mount();
    const link = await waitFor(() => $<HTMLAnchorElement>(itemEl(h.root, id), 'a.thread'));
    expect(link.getAttribute('href')).toBe(ARTICLE);
    expect(text($(link, '.visually-hidden'))).toBe(', opens the article; readers cannot see this comment');
  });

  it('expands the whole thread inline with every comment’s state, marking the item, and collapses it again', async () => {
    const h = await harness(SETTINGS);
    const root = await h.post('The levy keeps the library open.', 'bob');
    const answer = await h.post('Libraries are worth it.', 'mod', root);
    const reply = await h.post('Only an idiot pays for libraries.', 'alice', answer);
    h.mount();
    const item = await waitFor(() => itemEl(h.root, reply));
    const toggle = button(item, /^Show thread/);
    expect(text(toggle)).toBe('Show thread (2 other comments)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    const region = await waitFor(() => {
      const r = $(item, '.conversation');
      expect($$(r, '.conv li')).toHaveLength(3);
      return r;
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(region.id).toBe(toggle.getAttribute('aria-controls'));
    const rows = $$(region, '.conv li').map((li) => text($(li, '.conv-head')));
    expect(rows[0]).toMatch(/^Bob .*published$/);
    expect(rows[1]).toMatch(/^Morgan .*published$/);
    expect(rows[2]).toMatch(/^Alice .*pending this comment$/);
    // Replies nest under what they answer.
    expect($$(region, '.conv .conv .conv li')).toHaveLength(1);
    expect($(region, 'li[aria-current="true"]').textContent).toContain('Only an idiot pays for libraries.');
    button(item, 'Hide thread').click();
    await waitFor(() => expect(item.querySelector('.conversation')).toBeNull());
  });

  it('offers no thread for a comment alone in its conversation', async () => {
    const h = await harness(SETTINGS);
    const id = await h.post('Only an idiot cuts the bus budget.');
    h.mount();
    const item = await waitFor(() => itemEl(h.root, id));
    expect(item.querySelector('.thread-view')).toBeNull();
  });

  it('says in the Rejected queue who rejected each comment and why, and in Recent who published it', async () => {
    const h = await harness(SETTINGS);
    const byRules = await h.post('The whole levy is grift.');
    const byMod = await h.post('Only an idiot pays the levy.');
    const approved = await h.post('Only an idiot skips the meeting.');
    const clean = await h.post('The levy funds the library.');
    const mod = await h.t.sign(PERSONAS.mod);
    await h.t.call('POST', m.comment(h.t.site.id, byMod), { token: mod, body: { action: 'reject', reason: 'off_topic' } });
    await h.t.call('POST', m.comment(h.t.site.id, approved), { headers: asKey, body: { action: 'approve' } });
    h.mount();
    await openQueue(h.root, /^Rejected/);
    await waitFor(() => expect(text($(itemEl(h.root, byMod), '.decision'))).toMatch(/^Rejected by Morgan · Off topic · /));
    expect(text($(itemEl(h.root, byRules), '.decision'))).toMatch(/^Rejected automatically by banned-words · /);
    button(h.root, /^Recent/).click();
    await waitFor(() => expect(text($(itemEl(h.root, approved), '.decision'))).toMatch(/^Approved by Site owner · /));
    expect(text($(itemEl(h.root, clean), '.decision'))).toMatch(/^Published automatically: no rule held it · /);
  });

  it('badges a nudged comment, a new member and the author’s standing in words', async () => {
    const h = await harness(SiteSettings.parse({ moderation: { ...SETTINGS.moderation, nudge: true } }));
    const token = await h.t.sign(PERSONAS.alice);
    const res = await h.t.call('POST', apiPaths.comments(h.t.site.id, h.threadId), {
      token,
      body: { body: 'Only an idiot pays the levy.', afterNudge: 'post_anyway' },
    });
    const id = (await res.json()).comment.id;
    const authorId = (await h.serverQueue('pending'))[0].author.id;
    for (const action of [{ action: 'ban' }, { action: 'premoderate' }, { action: 'suspend', until: h.t.clock.now + 86_400_000 }]) {
      await h.t.call('POST', m.user(h.t.site.id, authorId), { headers: asKey, body: action });
    }
    h.mount();
    const badges = await waitFor(() => $$(itemEl(h.root, id), '.context-badges li').map(text));
    expect(badges).toEqual(['Posted after a nudge', 'New member', 'Author banned', expect.stringMatching(/^Author suspended until /), 'Author pre-moderated']);
    expect($(itemEl(h.root, id), '.context-badges').getAttribute('aria-label')).toBe('About this comment and its author');
  });

  it('updates the author’s badges on their items when the author panel bans them, and when u undoes it', async () => {
    const h = await harness(SETTINGS);
    const older = await h.post('Only an idiot pays the levy.');
    const newer = await h.post('Only an idiot cuts the buses.');
    h.mount();
    await waitFor(() => expect(text($(h.root, '.panel h2'))).toBe('Alice'));
    const badges = (id: string) => $$(itemEl(h.root, id), '.context-badges li').map(text);
    expect(badges(newer)).toEqual(['New member']);
    press('b');
    button(await waitFor(() => $(h.root, '[role="alertdialog"]')), 'Ban').click();
    await waitFor(() => expect(badges(newer)).toContain('Author banned'));
    expect(badges(older)).toContain('Author banned');
    press('u');
    await waitFor(() => expect(badges(newer)).toEqual(['New member']));
  });

  it('names each reporter with their accuracy and weight, and the reports’ weight against the bar', async () => {
    const h = await harness(SiteSettings.parse({ moderation: { ...SETTINGS.moderation, reports: { toQueue: 1, toHide: 3 } } }));
    const bob = await h.t.sign(PERSONAS.bob);
    const nell = await h.t.sign(PERSONAS.nell);
    // A second apart, so the reporters are listed in the order they reported.
    const report = (token: string, id: string, note = '') => {
      h.t.clock.now += 1000;
      return h.t.call('POST', apiPaths.report(h.t.site.id, id), { token, body: { reason: 'personal_attack', note } });
    };
    const earlier = await h.post('An earlier comment Bob reported.');
    await report(bob, earlier);
    await h.t.call('POST', m.comment(h.t.site.id, earlier), { headers: asKey, body: { action: 'reject', reason: 'personal_attack' } });
    const id = await h.post('A comment two readers reported.');
    await report(bob, id, 'rude to Nell');
    await report(nell, id);
    h.mount();
    await openQueue(h.root, /^Reported/);
    const reporters = await waitFor(() => {
      const lines = $$(itemEl(h.root, id), '.reporters li').map(text);
      expect(lines).toHaveLength(2);
      return lines;
    });
    expect(reporters).toEqual([
      'Bob 1 of 1 earlier reports upheld (100%), weight 1.17 rude to Nell',
      'Nell no earlier reports decided, weight 1',
    ]);
    expect(text($(itemEl(h.root, id), '.report-weight'))).toBe('Reports weigh 2.17; the site hides a comment at 3');
  });

  it('keeps the context on an item a moderator acted on without taking it out of the list', async () => {
    const h = await harness(SETTINGS);
    const root = await h.post('The levy keeps the library open.', 'bob');
    const reply = await h.post('And the pool, too.', 'alice', root);
    h.mount();
    await openQueue(h.root, /^Recent/);
    const item = await waitFor(() => itemEl(h.root, reply));
    item.click();
    press('f');
    await waitFor(() => expect(text($(itemEl(h.root, reply), '.badges'))).toContain('featured'));
    expect(text($(itemEl(h.root, reply), '.parent'))).toBe('In reply to Bob: The levy keeps the library open.');
  });
});
