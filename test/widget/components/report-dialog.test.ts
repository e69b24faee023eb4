// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { button, comment, findButton, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

const live = (article: Element) => article.querySelector('.actions [aria-live="polite"]')?.textContent;
const reportedQueue = async (t: TestContext) =>
  (await (await t.call('GET', `${apiPaths.moderation.queue(t.site.id)}?queue=reported`, { headers: { 'X-Api-Key': TEST_API_KEY } })).json()).items;

async function openReport(w: MountedWidget, id: string) {
  const article = comment(w.root, id)!;
  button(article, 'Report').click();
  const form = await waitFor(() => article.querySelector<HTMLFormElement>('form.report'), 'the report form');
  return { article, form };
}

describe('reporting a comment', () => {
  it('is offered to members on comments of others only, never to guests', async () => {
    const t = await createTestContext();
    const mine = await seedComment(t, PERSONAS.alice, 'Mine.');
    const theirs = await seedComment(t, PERSONAS.bob, 'Theirs.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(findButton(comment(widget.root, theirs.id)!, 'Report')).toBeDefined();
    expect(findButton(comment(widget.root, mine.id)!, 'Report')).toBeUndefined();
    widget.unmount();

    widget = await mountWidget(t);
    expect(findButton(comment(widget.root, theirs.id)!, 'Report')).toBeUndefined();
  });

  it('takes a reason and a note, announces the thanks, returns focus and reaches the reported queue', async () => {
    const t = await createTestContext();
    const theirs = await seedComment(t, PERSONAS.bob, 'Everyone who disagrees should leave.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const { article, form } = await openReport(widget, theirs.id);

    expect(button(article, 'Report').getAttribute('aria-expanded')).toBe('true');
    expect(form.querySelector('legend')?.textContent).toBe('Report this comment');
    const labels = Array.from(form.querySelectorAll('fieldset label'), (l) => l.textContent?.trim());
    expect(labels).toEqual(['Personal attack', 'Stoking fear or anger', 'Spam', 'Off-topic', 'Something else']);
    const radios = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    await waitFor(() => widget!.root.activeElement === radios[0], 'focus on the first reason');
    expect(button(form, 'Submit').disabled).toBe(true);

    radios[0].click();
    typeInto(form.querySelector('textarea')!, '  Aimed at another reader.  ');
    await waitFor(() => !button(form, 'Submit').disabled, 'a reason chosen');
    button(form, 'Submit').click();

    await waitFor(() => live(article) === 'Thanks — a moderator will take a look.', 'the thanks');
    expect(article.querySelector('form.report')).toBeNull();
    expect(widget.root.activeElement).toBe(button(article, 'Report'));
    expect(widget.requests).toContain(`POST ${apiPaths.report('daily', theirs.id)}`);
    const [item] = await reportedQueue(t);
    expect(item).toMatchObject({ id: theirs.id, reports: [{ reason: 'personal_attack', note: 'Aimed at another reader.', count: 1 }] });
  });

  it('says so when the reader already reported the comment', async () => {
    const t = await createTestContext();
    const theirs = await seedComment(t, PERSONAS.bob, 'Buy cheap watches.');
    await t.call('POST', apiPaths.report('daily', theirs.id), { token: await t.sign(PERSONAS.alice), body: { reason: 'spam' } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const { article, form } = await openReport(widget, theirs.id);
    form.querySelector<HTMLInputElement>('input[value="spam"]')!.click();
    await waitFor(() => !button(form, 'Submit').disabled);
    button(form, 'Submit').click();
    await waitFor(() => live(article) === 'You have already reported this comment.', 'the repeat notice');
  });

  it('closes on Cancel or Escape without sending, with focus back on Report', async () => {
    const t = await createTestContext();
    const theirs = await seedComment(t, PERSONAS.bob, 'An opinion.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    let { article, form } = await openReport(widget, theirs.id);
    button(form, 'Cancel').click();
    await waitFor(() => !article.querySelector('form.report'), 'the form closed');
    expect(widget.root.activeElement).toBe(button(article, 'Report'));

    ({ form } = await openReport(widget, theirs.id));
    form.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !article.querySelector('form.report'), 'the form closed by Escape');
    expect(widget.root.activeElement).toBe(button(article, 'Report'));
    expect(button(article, 'Report').getAttribute('aria-expanded')).toBe('false');
    expect(widget.requests.filter((r) => r.includes('/report'))).toEqual([]);
    expect(await reportedQueue(t)).toEqual([]);
  });

  it('keeps the form open with the reason when the report is refused', async () => {
    const t = await createTestContext();
    const theirs = await seedComment(t, PERSONAS.bob, 'Soon gone.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const { form } = await openReport(widget, theirs.id);
    await t.call('DELETE', apiPaths.comment('daily', theirs.id), { token: await t.sign(PERSONAS.bob) });
    form.querySelector<HTMLInputElement>('input[value="off_topic"]')!.click();
    await waitFor(() => !button(form, 'Submit').disabled);
    button(form, 'Submit').click();
    await waitFor(() => form.querySelector('[role="status"]')?.textContent === 'That comment is no longer available.', 'the refusal');
    expect(form.isConnected).toBe(true);
  });
});
