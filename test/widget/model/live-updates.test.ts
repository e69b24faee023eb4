// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/schemas/comment';
import { joinNames, repliesToReader, startPolling, waitingAfter } from '../../../widget/model/live-updates';

/** Timers the test fires by hand, so the clock is the test's and the HTTP side can stay real. */
function handTimers() {
  let id = 0;
  const pending = new Map<number, { run: () => void; ms: number }>();
  return {
    setTimeout: (run: () => void, ms: number) => (pending.set(++id, { run, ms }), id),
    clearTimeout: (timer?: number) => void pending.delete(timer!),
    /** The delays of the timers waiting, in ms. */
    delays: () => [...pending.values()].map((t) => t.ms),
    /** Runs the one timer waiting, then lets the poll it started settle. */
    async fire() {
      const [[timer, { run }]] = [...pending];
      pending.delete(timer);
      run();
      await settle();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A document whose visibility the test sets. */
function page() {
  const doc = Object.assign(new EventTarget(), { hidden: false });
  return {
    doc: doc as unknown as Document,
    async show(visible: boolean) {
      doc.hidden = !visible;
      doc.dispatchEvent(new Event('visibilitychange'));
      await settle();
    },
  };
}

function poller(answers: boolean[] = []) {
  const timers = handTimers();
  const { doc, show } = page();
  let polls = 0;
  startPolling({ seconds: 20, doc, timers: timers as never, poll: async () => (polls++, answers.shift() ?? true) });
  return { timers, show, polls: () => polls };
}

describe('polling', () => {
  it('asks every 20 s while the page is visible, the first time 20 s after it starts', async () => {
    const p = poller();
    expect(p.polls()).toBe(0);
    expect(p.timers.delays()).toEqual([20_000]);
    await p.timers.fire();
    await p.timers.fire();
    expect(p.polls()).toBe(2);
    expect(p.timers.delays()).toEqual([20_000]);
  });

  it('backs off to 60 s after a failure and 120 s after more, and back to 20 s after a success', async () => {
    const p = poller([false, false, false, true]);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await p.timers.fire();
      delays.push(...p.timers.delays());
    }
    expect(delays).toEqual([60_000, 120_000, 120_000, 20_000, 20_000]);
  });

  it('counts a poll that throws as a failure', async () => {
    const timers = handTimers();
    startPolling({ seconds: 20, doc: page().doc, timers: timers as never, poll: () => Promise.reject(new Error('offline')) });
    await timers.fire();
    expect(timers.delays()).toEqual([60_000]);
  });

  it('asks nothing while the page is hidden, and once at once when it is visible again', async () => {
    const p = poller();
    await p.show(false);
    expect(p.timers.delays()).toEqual([]);
    expect(p.polls()).toBe(0);
    await p.show(true);
    expect(p.polls()).toBe(1);
    expect(p.timers.delays()).toEqual([20_000]);
  });

  it('never has two polls out at once', async () => {
    const timers = handTimers();
    const { doc, show } = page();
    let polls = 0;
    let answer!: (ok: boolean) => void;
    startPolling({ seconds: 20, doc, timers: timers as never, poll: () => (polls++, new Promise<boolean>((r) => (answer = r))) });
    await timers.fire();
    await show(true);
    expect(polls).toBe(1);
    expect(timers.delays()).toEqual([]);
    answer(true);
    await settle();
    expect(timers.delays()).toEqual([20_000]);
  });

  it('stops for good: no timer, no poll when the page is shown again, nothing scheduled by a poll that was out', async () => {
    const timers = handTimers();
    const { doc, show } = page();
    let polls = 0;
    let answer!: (ok: boolean) => void;
    const stop = startPolling({ seconds: 20, doc, timers: timers as never, poll: () => (polls++, new Promise<boolean>((r) => (answer = r))) });
    await timers.fire();
    stop();
    answer(true);
    await settle();
    await show(true);
    expect(polls).toBe(1);
    expect(timers.delays()).toEqual([]);
  });
});

const c = (id: string, over: Partial<CommentView> = {}): CommentView => ({
  id,
  threadId: 't',
  parentId: null,
  author: { id: `u-${id}`, name: id, badges: [], role: 'member', avatarUrl: null },
  html: '',
  status: 'published',
  createdAt: 1,
  editedAt: null,
  deleted: false,
  featured: false,
  likes: 0,
  likedByMe: false,
  mine: false,
  editableUntil: null,
  ...over,
});

describe('what waits to be shown', () => {
  it('is what the widget never held, not deleted, each once, in its latest copy', () => {
    const held = new Set(['a', 'b']);
    let waiting = waitingAfter([], [c('new1'), c('a'), c('gone', { deleted: true }), c('b')], held);
    expect(waiting.map((x) => x.id)).toEqual(['new1']);
    waiting = waitingAfter(waiting, [c('new2'), c('new1', { likes: 3 }), c('a')], held);
    expect(waiting.map((x) => [x.id, x.likes])).toEqual([
      ['new1', 3],
      ['new2', 0],
    ]);
  });

  it('drops a waiting comment deleted since, or one the widget has come to hold', () => {
    const waiting = [c('x'), c('y')];
    expect(waitingAfter(waiting, [c('x', { deleted: true })], new Set()).map((w) => w.id)).toEqual(['y']);
    expect(waitingAfter(waiting, [], new Set(['y'])).map((w) => w.id)).toEqual(['x']);
  });

  it('names the replies to the reader’s own comments, held or waiting, and not the reader’s own replies', () => {
    const held = [c('mine', { mine: true }), c('theirs')];
    const waiting = [
      c('r1', { parentId: 'mine' }),
      c('r2', { parentId: 'theirs' }),
      c('myNew', { mine: true }),
      c('r3', { parentId: 'myNew' }),
      c('r4', { parentId: 'r1', mine: true }),
    ];
    expect(repliesToReader(waiting, held).map((x) => x.id)).toEqual(['r1', 'r3']);
  });

  it('says several names as a sentence', () => {
    expect(joinNames(['Frank'])).toBe('Frank');
    expect(joinNames(['Frank', 'Dana'])).toBe('Frank and Dana');
    expect(joinNames(['Frank', 'Dana', 'Lee'])).toBe('Frank, Dana and Lee');
  });
});
