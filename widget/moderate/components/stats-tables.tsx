// The Stats tab's figures that read best as numbers: how long comments wait for a moderator, the
// busiest articles, and what moderators made of each rule's holds.
import type { StatsResponse } from '../../../shared/schemas/moderation-api';
import { ArticleLink } from './article-link';

/** A duration the way a moderator says it: 40 s, 12 min, 3.5 h, 2 d. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) return `${(s / 3600).toFixed(1).replace(/\.0$/, '')} h`;
  return `${(s / 86_400).toFixed(1).replace(/\.0$/, '')} d`;
}

export function ModerationTimes({ moderation: m }: Pick<StatsResponse, 'moderation'>) {
  return (
    <section aria-labelledby="pm-times">
      <h2 id="pm-times">Time to a decision, last 30 days</h2>
      <dl class="tallies">
        <div>
          <dt>Decided</dt>
          <dd>{m.decided}</dd>
        </div>
        <div>
          <dt>Median wait</dt>
          <dd>{duration(m.p50Ms)}</dd>
        </div>
        <div>
          <dt>90% within</dt>
          <dd>{duration(m.p90Ms)}</dd>
        </div>
        <div>
          <dt>Waiting now</dt>
          <dd>{m.pending}</dd>
        </div>
        <div>
          <dt>Oldest waiting</dt>
          <dd>{duration(m.oldestPendingMs)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function BusiestArticles({ articles }: Pick<StatsResponse, 'articles'>) {
  return (
    <section aria-labelledby="pm-articles">
      <h2 id="pm-articles">Busiest articles, last 30 days</h2>
      {articles.length ? (
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Comments</th>
              <th scope="col">Commenters</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.threadId}>
                <td>
                  <ArticleLink title={a.title} url={a.url} />
                </td>
                <td>{a.comments}</td>
                <td>{a.commenters}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No comments in the last 30 days.</p>
      )}
    </section>
  );
}

/** The share of a rule's decided holds that moderators upheld by rejecting; null before any decision. */
export const upheldShare = (r: StatsResponse['rules'][string]): number | null =>
  r.approved + r.rejected > 0 ? r.rejected / (r.approved + r.rejected) : null;

export function RulesInPractice({ rules }: Pick<StatsResponse, 'rules'>) {
  const rows = Object.entries(rules).sort((a, b) => b[1].stopped - a[1].stopped || a[0].localeCompare(b[0]));
  return (
    <section aria-labelledby="pm-rules">
      <h2 id="pm-rules">Rules in practice, last 30 days</h2>
      <p class="muted">Of the comments a rule stopped, how many moderators then approved (overturning it) or rejected (upholding it).</p>
      {rows.length ? (
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Stopped</th>
              <th scope="col">Approved</th>
              <th scope="col">Rejected</th>
              <th scope="col">Rejected by the rule</th>
              <th scope="col">Waiting</th>
              <th scope="col">Upheld</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([rule, r]) => {
              const share = upheldShare(r);
              return (
                <tr key={rule}>
                  <th scope="row">
                    <code>{rule}</code>
                  </th>
                  <td>{r.stopped}</td>
                  <td>{r.approved}</td>
                  <td>{r.rejected}</td>
                  <td>{r.autoRejected}</td>
                  <td>{r.waiting}</td>
                  <td>{share === null ? '—' : `${Math.round(share * 100)}%`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="muted">No rule stopped a comment in the last 30 days.</p>
      )}
    </section>
  );
}
