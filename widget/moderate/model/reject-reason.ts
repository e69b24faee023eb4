// The reason a reject menu offers first, guessed from why the comment was held or reported.
import { REJECT_REASONS, type QueueItemView } from '../../../shared/schemas/moderation-api';
import type { RejectReason } from '../api';
import { own } from '../../../shared/own';

export const REJECT_LABELS: Record<RejectReason, string> = {
  personal_attack: 'Personal attack',
  fear_anger: 'Stokes fear or anger',
  spam: 'Spam',
  off_topic: 'Off topic',
  abusive: 'Abusive language',
  other: 'Other',
};

const BY_RULE: Partial<Record<string, RejectReason>> = {
  'banned-words': 'abusive',
  links: 'spam',
  'repeat-post': 'spam',
  flooding: 'spam',
  shouting: 'abusive',
};

const isRejectReason = (r: string): r is RejectReason => (REJECT_REASONS as readonly string[]).includes(r);

export function defaultRejectReason(item: Pick<QueueItemView, 'reasons' | 'reports'> | undefined): RejectReason {
  if (!item) return 'personal_attack';
  // The civility rule labels its spans; an attack outranks fear and anger.
  const labels = item.reasons.filter((r) => r.ruleId === 'civility').flatMap((r) => r.spans.map((s) => s.label));
  if (labels.includes('attack')) return 'personal_attack';
  if (labels.includes('fearAnger')) return 'fear_anger';
  if (labels.includes('attackOther')) return 'abusive';
  const topReport = [...item.reports].sort((a, b) => b.count - a.count).find((r) => isRejectReason(r.reason));
  if (topReport) return topReport.reason as RejectReason;
  for (const reason of item.reasons) {
    const guess = own(BY_RULE, reason.ruleId);
    if (guess) return guess;
  }
  return 'personal_attack';
}
