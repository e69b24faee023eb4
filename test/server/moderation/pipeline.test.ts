import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../server/moderation/pipeline';
import { moderate, moderationRules, RULES_BY_KIND } from '../../../server/moderation/rules/index';
import type { Reason, Rule } from '../../../server/moderation/types';
import { draft, moderationContext, recentComment } from '../../support/moderation-context';

const banned = { rules: { bannedWords: { words: ['idiot'] } } };
const suspect = { rules: { suspectWords: { words: ['scandal'] } } };
const reason = (ruleId: string): Reason => ({ ruleId, message: ruleId, spans: [] });

describe('moderate', () => {
  it('runs validity, early approve, content checks, then pre-moderation', () => {
    expect(moderationRules.map((r) => r.id)).toEqual([
      'signed-in',
      'user-status',
      'thread-closed',
      'tier-section',
      'body-length',
      'flooding',
      'staff-approve',
      'banned-words',
      'repeat-post',
      'links',
      'suspect-words',
      'shouting',
      'civility',
      'external-scorer',
      'premoderation',
      'user-premoderation',
      'new-member',
    ]);
  });

  it('gives each kind of write its own rules: likes and reports are never judged on content', () => {
    const ids = (kind: keyof typeof RULES_BY_KIND) => RULES_BY_KIND[kind].map((r) => r.id);
    expect(ids('like')).toEqual(['signed-in', 'user-status', 'thread-closed', 'tier-section']);
    expect(ids('view')).toEqual(ids('like'));
    expect(ids('report')).toEqual(['signed-in', 'user-status']);
    expect(ids('delete_own')).toEqual(['signed-in']);
    expect(ids('moderate')).toEqual(['user-status']);
    expect(ids('edit')).not.toContain('flooding');
  });

  it('refuses a guest, a tier outside its sections and a banned moderator with one code each', () => {
    const guest = moderationContext({ author: { signedIn: false } });
    expect(moderate(draft('Hello there'), guest)).toMatchObject({ kind: 'refused', refusal: { code: 'not_signed_in' } });
    const nell = moderationContext({ author: { tier: 'newsletter' }, thread: { section: 'news' } });
    expect(moderate(draft('Hello there', { kind: 'like' }), nell)).toMatchObject({ kind: 'refused', refusal: { code: 'tier_not_allowed_here' } });
    expect(moderate(draft('Hello there'), moderationContext({ author: { tier: 'newsletter' }, thread: { section: 'newsletter' } })).kind).toBe('decided');
    const bannedModerator = moderationContext({ author: { role: 'moderator', banned: true } });
    expect(moderate(draft('', { kind: 'moderate' }), bannedModerator)).toMatchObject({ kind: 'refused', refusal: { code: 'banned' } });
    expect(moderate(draft('', { kind: 'moderate' }), moderationContext({ author: { role: 'moderator' } }))).toMatchObject({ kind: 'decided' });
  });

  it('publishes an unremarkable comment with no reasons', () => {
    expect(moderate(draft('The council vote is on Tuesday, I believe.'), moderationContext())).toEqual({
      kind: 'decided',
      status: 'published',
      reasons: [],
    });
  });

  it('refuses a comment on a closed thread before looking at its words', () => {
    const outcome = moderate(draft('what an idiot'), moderationContext({ settings: banned, thread: { closed: true } }));
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'thread_closed' }, reasons: [] });
  });

  it('rejects a banned word before pre-moderation would hold it', () => {
    const outcome = moderate(draft('what an idiot'), moderationContext({ settings: { ...banned, premoderation: 'all' } }));
    expect(outcome.kind === 'decided' && outcome.status).toBe('rejected');
    expect(outcome.reasons.map((r) => r.ruleId)).toEqual(['banned-words']);
  });

  it('publishes staff comments without content checks or pre-moderation', () => {
    const ctx = moderationContext({ settings: { ...banned, premoderation: 'all' }, author: { role: 'moderator' } });
    expect(moderate(draft('WHAT AN IDIOT, SAID THE MINISTER ABOUT HIMSELF'), ctx)).toEqual({ kind: 'decided', status: 'published', reasons: [] });
  });

  it('still rate-limits staff', () => {
    const ctx = moderationContext({ author: { role: 'admin', recent: [1, 2, 3, 4, 5].map((s) => recentComment(s)) } });
    expect(moderate(draft('Another update'), ctx).kind).toBe('refused');
  });

  it('shows a suspect word to the author as a nudge when the site allows nudges', () => {
    const outcome = moderate(draft('This is a scandal.'), moderationContext({ settings: suspect }));
    expect(outcome).toMatchObject({ kind: 'nudge', reasons: [{ ruleId: 'suspect-words' }] });
  });

  it('holds the comment once the author chose to post anyway', () => {
    const outcome = moderate(draft('This is a scandal.'), moderationContext({ settings: suspect, nudgeAcknowledged: true }));
    expect(outcome).toMatchObject({ kind: 'decided', status: 'pending', reasons: [{ ruleId: 'suspect-words' }] });
  });

  it('holds without a nudge when the site turned nudges off', () => {
    const outcome = moderate(draft('This is a scandal.'), moderationContext({ settings: { ...suspect, nudge: false } }));
    expect(outcome).toMatchObject({ kind: 'decided', status: 'pending' });
  });

  it('nudges for a rule whose own action is nudge even when the site turned nudges off', () => {
    const ctx = moderationContext({ settings: { nudge: false, rules: { civility: { action: 'nudge' } } } });
    expect(moderate(draft('You are a pathetic idiot and everyone knows it.'), ctx).kind).toBe('nudge');
  });

  it('never nudges for pre-moderation', () => {
    const outcome = moderate(draft('Hello'), moderationContext({ settings: { premoderation: 'all' } }));
    expect(outcome).toMatchObject({ kind: 'decided', status: 'pending', reasons: [{ ruleId: 'premoderation' }] });
  });

  it('re-checks an edit’s content but not flooding, repeats or new-member holds', () => {
    const ctx = moderationContext({
      settings: { ...banned, rules: { ...banned.rules, newMember: { enabled: true } } },
      sameIpRecentCount: 1000,
      author: { approvedCount: 0, recent: [recentComment(10, 'Original words')] },
    });
    expect(moderate(draft('Original words', { kind: 'edit' }), ctx)).toEqual({ kind: 'decided', status: 'published', reasons: [] });
    expect(moderate(draft('Original idiot', { kind: 'edit' }), ctx)).toMatchObject({ kind: 'decided', status: 'rejected' });
    expect(moderate(draft('Original words'), ctx).kind).toBe('refused');
  });
});

describe('runPipeline', () => {
  it('keeps the reasons of every rule that ran up to the verdict', () => {
    const rules: Rule[] = [
      { id: 'links', check: () => ({ reasons: [reason('a')] }) },
      { id: 'shouting', check: () => undefined },
      { id: 'civility', check: () => ({ status: 'pending', reasons: [reason('b')] }) },
      { id: 'premoderation', check: () => ({ status: 'rejected', reasons: [reason('c')] }) },
    ];
    expect(runPipeline(rules, draft('x'), moderationContext())).toEqual({ kind: 'decided', status: 'pending', reasons: [reason('a'), reason('b')] });
  });
});
