import { useState } from 'preact/hooks';
import type { TryCommentResponse } from '../../../shared/schemas/moderation-api';
import type { ModerationSettingsSave } from '../../../shared/schemas/moderation-settings';
import type { ModerationClient } from '../api';
import { moderatorMessage } from '../model/messages';
import { useTry } from '../model/use-try';
import { HighlightedText } from './highlighted-text';
import { ReasonList } from './reason-list';

const VERDICTS: Record<TryCommentResponse['verdict'], string> = {
  published: 'Published',
  pending: 'Held for review',
  rejected: 'Rejected',
  nudge: 'Author nudged first',
  refused: 'Refused',
};

export interface TryBoxProps {
  client: ModerationClient;
  /** The form's current, possibly unsaved, settings. */
  settings: ModerationSettingsSave | null;
  delayMs?: number;
}

export function TryBox({ client, settings, delayMs }: TryBoxProps) {
  const [body, setBody] = useState('');
  const [asNewMember, setAsNewMember] = useState(false);
  const tried = useTry(client, body, settings, asNewMember, delayMs);
  const { result } = tried;
  return (
    <section class="try" aria-labelledby="parley-try-title">
      <h2 id="parley-try-title">Try a comment</h2>
      <p class="muted">Checked against the rules on this page, saved or not.</p>
      <label class="field wide">
        <span>Comment</span>
        <textarea rows={5} value={body} maxLength={5000} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={asNewMember} onChange={(e) => setAsNewMember(e.currentTarget.checked)} /> As a new member
      </label>
      <div class="try-result" aria-live="polite" aria-busy={tried.busy}>
        {!settings && <p class="muted">Fix the values in the rules to try a comment.</p>}
        {tried.error && <p class="error">{moderatorMessage(tried.error.code)}</p>}
        {result && (
          <>
            <p>
              Verdict: <span class={`badge verdict-${result.verdict}`}>{VERDICTS[result.verdict]}</span>
            </p>
            {result.reasons.length > 0 && <HighlightedText body={tried.body} reasons={result.reasons} />}
            <ReasonList reasons={result.reasons} />
            <CivilityBars civility={result.civility} settings={settings} />
          </>
        )}
      </div>
    </section>
  );
}

interface CivilityBarsProps {
  civility: TryCommentResponse['civility'];
  settings: ModerationSettingsSave | null;
}

function CivilityBars({ civility, settings }: CivilityBarsProps) {
  const rows = [
    { label: 'Attack on a member', value: civility.attack, threshold: settings?.rules.civility.attackThreshold },
    ...(civility.attackOther === undefined
      ? []
      : [{ label: 'Attack on others', value: civility.attackOther, threshold: settings?.rules.civility.attackOther.threshold }]),
    { label: 'Fear/anger', value: civility.fearAnger, threshold: settings?.rules.civility.fearAngerThreshold },
  ];
  return (
    <dl class="civility">
      {rows.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>
            <meter min={0} max={1} value={r.value} high={r.threshold} optimum={0} aria-label={`${r.label} score`} />
            <span class="num">{r.value.toFixed(2)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
