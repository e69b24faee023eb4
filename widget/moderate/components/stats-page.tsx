import type { ModerationClient } from '../api';
import { fillDays, sortedHits } from '../model/chart';
import { moderatorMessage } from '../model/messages';
import { useStats } from '../model/use-stats';
import { DailyBars, HeldShareLine, RuleHitBars } from './charts';
import { BusiestArticles, ModerationTimes, RulesInPractice } from './stats-tables';
import { CallsToAction } from './cta-table';

export interface StatsPageProps {
  client: ModerationClient;
  now: number;
}

export function StatsPage({ client, now }: StatsPageProps) {
  const state = useStats(client);
  if (state.phase !== 'ready') {
    return <p class="notice">{state.phase === 'failed' ? moderatorMessage(state.error.code) : 'Loading the numbers…'}</p>;
  }
  const { stats } = state;
  const days = fillDays(stats.days, now);
  return (
    <div class="stats-page">
      <ModerationTimes moderation={stats.moderation} />
      <section aria-label="Nudges" class="nudges">
        <h2>Nudges</h2>
        <dl class="tallies">
          <div>
            <dt>Shown</dt>
            <dd>{stats.nudges.shown}</dd>
          </div>
          <div>
            <dt>Posted anyway</dt>
            <dd>{stats.nudges.postedAnyway}</dd>
          </div>
          <div>
            <dt>Revised</dt>
            <dd>{stats.nudges.revised}</dd>
          </div>
        </dl>
      </section>
      <DailyBars days={days} />
      <HeldShareLine days={days} />
      <RuleHitBars hits={sortedHits(stats.ruleHits)} />
      <RulesInPractice rules={stats.rules} />
      <BusiestArticles articles={stats.articles} />
      <CallsToAction callsToAction={stats.callsToAction} />
    </div>
  );
}
