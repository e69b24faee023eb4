// The Stats tab's calls to action: how often each invitation was shown and clicked, by the
// thread's section and the reader's tier, with the share of showings that led to a click.
import type { StatsResponse } from '../../../shared/schemas/moderation-api';

const KIND = { guest: 'Subscribe (guests)', upgrade: 'Upgrade' } as const;

/** A click-through rate as a moderator reads it: 4.2%, or — before anything was shown. */
export function clickThrough(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** The tier as counted: guests, a member tier, or a member whose token names none. */
const tierName = (tier: string, kind: 'guest' | 'upgrade') => (kind === 'guest' ? 'guest' : tier || '(no tier)');

export function CallsToAction({ callsToAction: rows }: Pick<StatsResponse, 'callsToAction'>) {
  return (
    <section aria-labelledby="pm-cta">
      <h2 id="pm-cta">Calls to action, last 30 days</h2>
      {rows.length ? (
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Tier</th>
              <th scope="col">Invitation</th>
              <th scope="col">Shown</th>
              <th scope="col">Clicked</th>
              <th scope="col">Click-through</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.section} ${r.tier} ${r.kind}`}>
                <td>{r.section}</td>
                <td>{tierName(r.tier, r.kind)}</td>
                <td>{KIND[r.kind]}</td>
                <td>{r.impressions}</td>
                <td>{r.clicks}</td>
                <td>{clickThrough(r.clickThroughRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No invitation to subscribe or upgrade was shown in the last 30 days.</p>
      )}
    </section>
  );
}
