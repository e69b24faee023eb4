// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { MODERATION_LIMITS } from '../../../../shared/schemas/moderation-settings';
import { TEST_API_KEY } from '../../../support/app';
import { $, $$, button, harness, text, type, waitFor } from '../harness';

const asKey = { kind: 'key', key: TEST_API_KEY } as const;

async function openRules(h: Awaited<ReturnType<typeof harness>>) {
  await waitFor(() => $(h.root, '.tabs'));
  button(h.root, 'Rules').click();
  return waitFor(() => $<HTMLFormElement>(h.root, 'form.rules'));
}

const ruleSection = (root: ParentNode, title: string) => {
  const found = $$(root, 'fieldset.rule').find((f) => text(f.querySelector('legend')) === title);
  if (!found) throw new Error(`No rule ${title}`);
  return found;
};

describe('the rules page', () => {
  it('shows a verdict, the matched words and the civility scores for a sample comment', async () => {
    const h = await harness();
    h.mount();
    await openRules(h);
    type($(h.root, '.try textarea'), 'What an idiot thing to say');
    const result = $(h.root, '.try-result');
    await waitFor(() => expect(text($(result, '.badge'))).toBe('Held for review'));
    expect(text($(result, 'mark'))).toBe('idiot');
    expect(text($(result, '.reasons'))).toContain('suspect-words');
    // Attack on a member, attack on others, fear/anger.
    expect($$(result, 'meter')).toHaveLength(3);
  });

  it('says which civility model the rules run and what its thresholds are calibrated for', async () => {
    const h = await harness();
    h.mount();
    await openRules(h);
    const note = await waitFor(() => $(h.root, '.civility-model'));
    expect(text(note)).toMatch(/^Civility model: shared \(shipped\), calibrated thresholds 0\.\d\d \(attack\) and 0\.\d\d \(fear\/anger\)\. On its validation data: attack precision \d+(\.\d)?% at recall \d+(\.\d)?%, civil comments flagged \d+(\.\d)?%\.$/);
  });

  it('tries a comment against the unsaved rules on the form', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    // A suspect word the civility model reads as about an idea, not a person.
    type($(h.root, '.try textarea'), 'An idiot plan, in my view');
    await waitFor(() => expect(text($(h.root, '.try-result .badge'))).toBe('Held for review'));

    $<HTMLInputElement>(ruleSection(form, 'Suspect words'), 'legend input').click();
    await waitFor(() => expect(text($(h.root, '.try-result .badge'))).toBe('Published'));
    // Nothing was saved: the site still reviews the word.
    const saved = await (await h.t.call('GET', apiPaths.moderation.settings('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(saved.settings.rules.suspectWords.enabled).toBe(true);
  });

  it('saves edited word lists one per line with PUT settings', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const words = $<HTMLTextAreaElement>(ruleSection(form, 'Banned words'), 'textarea');
    type(words, 'scum\n\n  vermin \n');
    expect(words.value).toBe('scum\n\n  vermin \n');
    const save = button(form, 'Save rules');
    await waitFor(() => expect(save.disabled).toBe(false));
    save.click();
    await waitFor(() => expect(text($(h.root, '.live'))).toBe('Rules saved.'));
    const saved = await (await h.t.call('GET', apiPaths.moderation.settings('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(saved.settings.rules.bannedWords.words).toEqual(['scum', 'vermin']);
  });

  it('is read-only for a moderator who is not an admin, and says only admins may change the rules', async () => {
    const h = await harness();
    h.mount();
    const form = await openRules(h);
    expect(text($(form, '.read-only'))).toBe(
      'Only admins and the site owner (signed in with the API key) may change the rules. You can read them here, and try a comment against them.',
    );
    expect(form.getAttribute('aria-describedby')).toBe('parley-rules-read-only');
    expect($<HTMLFieldSetElement>(form, 'fieldset.rules-body').disabled).toBe(true);
    const controls = $$<HTMLInputElement>(form, 'input, select, textarea');
    expect(controls.length).toBeGreaterThan(20);
    expect(controls.every((c) => c.closest('fieldset[disabled]'))).toBe(true);
    expect($$(form, 'button').map((b) => text(b))).toEqual([]);
    // The rules are still shown, and the try box still answers.
    expect($<HTMLTextAreaElement>(ruleSection(form, 'Suspect words'), 'textarea').value).toBe('idiot');
    type($(h.root, '.try textarea'), 'What an idiot thing to say');
    await waitFor(() => expect(text($(h.root, '.try-result .badge'))).toBe('Held for review'));
  });

  it('marks a value past its limit on its own field, naming the limit, and Save goes to it instead of saving', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const maxLinks = $<HTMLInputElement>(ruleSection(form, 'Links'), 'input[type="number"]');
    type(maxLinks, '99');
    await waitFor(() => expect(maxLinks.getAttribute('aria-invalid')).toBe('true'));
    const message = $(form, `#${maxLinks.getAttribute('aria-describedby')}`);
    expect(text(message)).toBe('must be at most 50');
    expect(message.closest('.field')).toBe(maxLinks.closest('.field'));

    button(form, 'Save rules').click();
    await waitFor(() => expect(h.root.activeElement).toBe(maxLinks));
    expect(text($(form, '[role="alert"]'))).toBe('One value to fix; it is marked above.');
    expect((await savedSettings(h)).rules.links.maxLinks).toBe(3);
  });

  it('treats a cleared number as missing, not as the value it had', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const [shortest] = $$<HTMLInputElement>(ruleSection(form, 'Length'), 'input[type="number"]');
    type(shortest, '');
    await waitFor(() => expect(text($(form, `#${shortest.getAttribute('aria-describedby')}`))).toBe('is required'));
    expect(shortest.value).toBe('');
    // The try box waits for a complete set of rules rather than trying the old value.
    expect(text($(h.root, '.try-result'))).toBe('Fix the values in the rules to try a comment.');
    button(form, 'Save rules').click();
    await waitFor(() => expect(h.root.activeElement).toBe(shortest));
    expect((await savedSettings(h)).rules.bodyLength.min).toBe(2);
  });

  it('marks a shortest length above the longest, and saves once it is fixed', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const [shortest, longest] = $$<HTMLInputElement>(ruleSection(form, 'Length'), 'input[type="number"]');
    type(shortest, '100');
    type(longest, '50');
    await waitFor(() => expect(text($(form, `#${shortest.getAttribute('aria-describedby')}`))).toBe('must be at most the longest length, 50'));
    expect(longest.hasAttribute('aria-invalid')).toBe(false);

    type(longest, '500');
    await waitFor(() => expect(shortest.hasAttribute('aria-invalid')).toBe(false));
    button(form, 'Save rules').click();
    await waitFor(() => expect(text($(h.root, '.live'))).toBe('Rules saved.'));
    expect((await savedSettings(h)).rules.bodyLength).toEqual({ enabled: true, min: 100, max: 500 });
  });

  it('marks reports to hide below reports to queue', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const [toQueue, toHide] = $$<HTMLInputElement>(ruleSection(form, 'Reader reports'), 'input[type="number"]');
    type(toQueue, '3');
    type(toHide, '2');
    await waitFor(() => expect(text($(form, `#${toHide.getAttribute('aria-describedby')}`))).toBe('must be 0 (never hide) or at least the reports to queue, 3'));
  });

  it('quotes a list entry that is too long on the list it belongs to', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const words = $<HTMLTextAreaElement>(ruleSection(form, 'Banned words'), 'textarea');
    const long = 'x'.repeat(61);
    type(words, `scum\n${long}`);
    await waitFor(() => expect(text($(form, `#${words.getAttribute('aria-describedby')}`))).toBe(`“${long}”: must be at most 60 characters`));
  });

  it('gives its number inputs the shared schema’s limits', async () => {
    const h = await harness();
    h.mount(asOwner());
    const form = await openRules(h);
    const [window] = $$<HTMLInputElement>(ruleSection(form, 'Repeat posts'), 'input[type="number"]');
    expect([window.min, window.max]).toEqual([String(MODERATION_LIMITS.rules.repeatPost.windowSeconds.min), '86400']);
    const [perUser] = $$<HTMLInputElement>(ruleSection(form, 'Flooding'), 'input[type="number"]');
    expect(perUser.max).toBe('50');
  });
});

/** Signed in with the site's API key: the site owner, who may change the rules. */
const asOwner = () => ({ getToken: undefined, storage: sessionWith(asKey) });

async function savedSettings(h: Awaited<ReturnType<typeof harness>>) {
  return (await (await h.t.call('GET', apiPaths.moderation.settings('daily'), { headers: { 'X-Api-Key': TEST_API_KEY } })).json()).settings;
}

function sessionWith(credentials: { kind: 'key'; key: string }): Storage {
  const storage = window.sessionStorage;
  storage.setItem('parley-moderate-sign-in', JSON.stringify({ site: 'daily', kind: credentials.kind, secret: credentials.key }));
  return storage;
}
