import { useMemo } from 'preact/hooks';
import { ModerationSettings } from '../../../shared/schemas/moderation-settings';
import type { ModerationClient } from '../api';
import { moderatorMessage } from '../model/messages';
import { RULE_SECTIONS } from '../model/rule-form';
import type { Announce } from '../model/use-queue';
import { useSettings } from '../model/use-settings';
import { RuleSection } from './rule-fields';
import { TryBox } from './try-box';
import { CivilityModelNote } from './civility-model-note';

export interface RulesPageProps {
  client: ModerationClient;
  announce: Announce;
  tryDelayMs?: number;
}

export function RulesPage({ client, announce, tryDelayMs }: RulesPageProps) {
  const [state, actions] = useSettings(client);
  const { draft } = state;
  const problems = useMemo(() => {
    const checked = draft && ModerationSettings.safeParse(draft);
    return checked && !checked.success ? checked.error.issues.map((i) => `${i.path.join(' › ')}: ${i.message}`) : [];
  }, [draft]);
  const dirty = useMemo(() => JSON.stringify(state.saved) !== JSON.stringify(draft), [state.saved, draft]);

  if (!draft) {
    return <p class="notice">{state.phase === 'failed' ? moderatorMessage(state.error?.code) : 'Loading the rules…'}</p>;
  }
  async function save(e: Event) {
    e.preventDefault();
    if (await actions.save()) announce('Rules saved.');
  }
  return (
    <div class="rules-page">
      {/* The shared schema checks the values (below); the browser's step check would refuse thresholds like 0.73. */}
      <form class="rules" aria-label="Moderation rules" noValidate onSubmit={(e) => void save(e)}>
        <fieldset class="rule">
          <legend>Whole site</legend>
          <div class="fields">
            <label class="field">
              <span>Pre-moderation</span>
              <select
                value={draft.premoderation}
                onChange={(e) => {
                  const value = e.currentTarget.value as ModerationSettings['premoderation'];
                  actions.edit((d) => ({ ...d, premoderation: value }));
                }}
              >
                <option value="off">Off: publish unless a rule holds it</option>
                <option value="all">All: hold every new comment</option>
              </select>
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={draft.nudge}
                onChange={(e) => {
                  const nudge = e.currentTarget.checked;
                  actions.edit((d) => ({ ...d, nudge }));
                }}
              />{' '}
              Nudge authors before holding (they may edit, or post anyway)
            </label>
          </div>
        </fieldset>
        {RULE_SECTIONS.map((s) => (
          <RuleSection key={s.path.join('.')} section={s} draft={draft} onEdit={actions.edit} />
        ))}
        {problems.length > 0 && (
          <ul class="error" aria-label="Values to fix">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {state.error && (
          <p class="error" role="alert">
            {state.error.code === 'forbidden'
              ? 'Only admins and the site owner (signed in with the API key) may change the rules.'
              : moderatorMessage(state.error.code)}
            {state.error.fields && ` ${Object.entries(state.error.fields).map(([k, v]) => `${k} ${v}`).join('; ')}`}
          </p>
        )}
        <div class="row sticky">
          <button type="submit" class="btn primary" disabled={!dirty || problems.length > 0 || state.phase === 'saving'}>
            {state.phase === 'saving' ? 'Saving…' : 'Save rules'}
          </button>
          <button type="button" class="btn" disabled={!dirty} onClick={actions.reset}>
            Discard changes
          </button>
          <span class="muted">{dirty ? 'Unsaved changes' : state.justSaved ? 'Saved' : ''}</span>
        </div>
      </form>
      <CivilityModelNote client={client} />
      <TryBox client={client} settings={problems.length ? null : draft} delayMs={tryDelayMs} />
    </div>
  );
}
