// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
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
    h.mount();
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
    h.mount({ getToken: undefined, storage: sessionWith(asKey) });
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

  it('explains that a moderator who is not an admin cannot change the rules', async () => {
    const h = await harness();
    h.mount();
    const form = await openRules(h);
    $<HTMLInputElement>(ruleSection(form, 'Links'), 'legend input').click();
    const save = button(form, 'Save rules');
    await waitFor(() => expect(save.disabled).toBe(false));
    save.click();
    await waitFor(() => expect(text($(form, '[role="alert"]'))).toMatch(/admins/));
  });

  it('refuses to save values outside the schema limits, and says which', async () => {
    const h = await harness();
    h.mount();
    const form = await openRules(h);
    const maxLinks = $<HTMLInputElement>(ruleSection(form, 'Links'), 'input[type="number"]');
    maxLinks.value = '99';
    maxLinks.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(text($(form, 'ul.error'))).toContain('maxLinks'));
    expect(button(form, 'Save rules').disabled).toBe(true);
  });
});

function sessionWith(credentials: { kind: 'key'; key: string }): Storage {
  const storage = window.sessionStorage;
  storage.setItem('parley-moderate-sign-in', JSON.stringify({ site: 'daily', kind: credentials.kind, secret: credentials.key }));
  return storage;
}
