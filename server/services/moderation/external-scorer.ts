// Calls the site's own scoring service before the rules run. The request is signed with the
// site's shared secret (HMAC-SHA256 of the body) and bounded by a strict timeout; any failure
// becomes a fact ('failed') for the rules, never an error for the author.
import { hmacSha256 } from '../sha256';
import * as z from 'zod/mini';
import { Reason, type ModerationSettings } from '../../../shared/schemas/moderation-settings';
import type { ExternalScores } from '../../moderation/types';
import type { ServiceDeps } from '../deps';
import type { OutboundPolicy } from '../../../shared/outbound-url';

const Score = z.optional(z.number().check(z.gte(0), z.lte(1)));
const ScorerResponse = z.object({ attack: Score, fearAnger: Score, spam: Score, reasons: z.optional(z.array(Reason)) });

export interface ScoreRequest {
  siteId: string;
  threadId: string;
  authorId: string;
  text: string;
}

async function sign(secret: string, body: string): Promise<string> {
  return [...(await hmacSha256(secret, body))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What an outbound target of a site (its scorer, a webhook endpoint) may reach on this runtime. */
export const outboundPolicy = (deps: Pick<ServiceDeps, 'privateNetworkAllowed'>, config: { allowPrivateNetwork: boolean }): OutboundPolicy => ({
  allowPrivateNetwork: config.allowPrivateNetwork && deps.privateNetworkAllowed,
});

// One reason for every failure: the queue shows it to moderators, and telling "refused" from
// "timed out" from "not allowed" would let a settings editor probe which ports are open.
const NO_ANSWER = 'the scorer gave no usable answer in time';

export async function scoreExternally(
  deps: Pick<ServiceDeps, 'outbound' | 'privateNetworkAllowed'>,
  config: ModerationSettings['externalScorer'],
  request: ScoreRequest,
): Promise<ExternalScores> {
  if (!config.enabled || !config.url) return { status: 'off' };
  const body = JSON.stringify(request);
  try {
    const res = await deps.outbound(
      config.url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Parley-Signature': `sha256=${await sign(config.secret, body)}` },
        body,
        signal: AbortSignal.timeout(config.timeoutMs),
      },
      outboundPolicy(deps, config),
    );
    if (!res.ok) return { status: 'failed', error: NO_ANSWER };
    const parsed = ScorerResponse.safeParse(await res.json());
    if (!parsed.success) return { status: 'failed', error: NO_ANSWER };
    return { status: 'ok', ...parsed.data };
  } catch {
    return { status: 'failed', error: NO_ANSWER };
  }
}
