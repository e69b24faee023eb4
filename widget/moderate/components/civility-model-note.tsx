// Which civility model the site's rules run, and how it measured: a line under the rules, so the
// people tuning thresholds know what the numbers are calibrated for.
import { useEffect, useState } from 'preact/hooks';
import type { CivilityModelInfo } from '../../../shared/schemas/moderation-api';
import type { ModerationClient } from '../api';

const percent = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : '–');
const decimal = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '–');

export function CivilityModelNote({ client }: { client: ModerationClient }) {
  const [active, setActive] = useState<CivilityModelInfo | null>(null);
  useEffect(() => {
    void client.civilityModel().then((res) => res.ok && setActive(res.data.active));
  }, [client]);
  if (!active) return null;
  const f = active.figures;
  return (
    <p class="muted civility-model">
      Civility model: <strong>{active.source === 'shipped' ? `${active.name} (shipped)` : `${active.name} (this site’s own)`}</strong>, calibrated
      thresholds {decimal(active.thresholds.attack)} (attack) and {decimal(active.thresholds.fearAnger)} (fear/anger). On its validation data: attack
      precision {percent(f.attackPrecision)} at recall {percent(f.attackRecall)}, civil comments flagged {percent(f.civilCriticalFpr)}.
    </p>
  );
}
