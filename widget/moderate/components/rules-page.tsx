import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModerationSettings } from '../../../shared/schemas/moderation-settings';
import type { ModerationClient } from '../api';
import { moderatorMessage } from '../model/messages';
import { fieldErrors, RULE_SECTIONS } from '../model/rule-form';
import type { Announce } from '../model/use-queue';
import { useSettings } from '../model/use-settings';
import { RuleSection } from './rule-fields';
import { TryBox } from './try-box';
import { CivilityModelNote } from './civility-model-note';

export interface RulesPageProps {
  client: ModerationClient;
  announce: Announce;
  /** Admins and the API key may change the rules; other moderators read them. */
  canEdit: boolean;
  tryDelayMs?: number;
}

const READ_ONLY = 'Only admins and the site owner (signed in with the API key) may change the rules. You can read them here, and try a comment against them.';

export function RulesPage({ client, announce, canEdit, tryDelayMs }: RulesPageProps) {
  const [state, actions] = useSettings(client);
  const { draft } = state;
  const form = useRef<HTMLFormElement>(null);
  // Set by a save refused here for values to fix; the summary then says how many.
  const [tried, setTried] = useState(false);
  const errors = useMemo(() => (draft ? fieldErrors(draft, state.error?.fields) : null), [draft, state.error]);
  const toFix = errors ? Object.keys(errors.byField).length + errors.other.length : 0;
  const dirty = useMemo(() => JSON.stringify(state.saved) !== JSON.stringify(draft), [state.saved, draft]);
  // The server named fields the form had not caught: take the moderator to the first.
  useEffect(() => {
    if (state.error?.fields) focusFirstInvalid(form.current);
  }, [state.error]);

  if (!draft || !errors) {
    return <p class="notice">{state.phase === 'failed' ? moderatorMessage(state.error?.code) : 'Loading the rules…'}</p>;
  }
  async function save(e: Event) {
    e.preventDefault();
    if (!canEdit) return;
    if (toFix > 0) {
      setTried(true);
      focusFirstInvalid(form.current);
      return;
    }
    if (await actions.save()) announce('Rules saved.');
  }
  return (
    <div class="rules-page">
      {/* The shared schema checks the values, field by field; the browser's step check would refuse thresholds like 0.73. */}
      <form
        ref={form}
        class="rules"
        aria-label="Moderation rules"
        aria-describedby={canEdit ? undefined : 'parley-rules-read-only'}
        noValidate
        onSubmit={(e) => void save(e)}
      >
        {!canEdit && (
          <p class="read-only" id="parley-rules-read-only">
            {READ_ONLY}
          </p>
        )}
        {/* One disabled fieldset makes every control below read-only, and says so to assistive technology. */}
        <fieldset class="rules-body" disabled={!canEdit}>
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
            <RuleSection key={s.path.join('.')} section={s} draft={draft} errors={errors.byField} onEdit={actions.edit} />
          ))}
        </fieldset>
        {canEdit && (tried || state.error?.fields) && toFix > 0 && (
          <div class="error" role="alert">
            <p>{toFix === 1 ? 'One value to fix; it is marked above.' : `${toFix} values to fix; each is marked above.`}</p>
            {errors.other.length > 0 && (
              <ul aria-label="Values not on this form">
                {errors.other.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {state.error && !state.error.fields && (
          <p class="error" role="alert">
            {state.error.code === 'forbidden' ? READ_ONLY : moderatorMessage(state.error.code)}
          </p>
        )}
        {canEdit && (
          <div class="row sticky">
            <button type="submit" class="btn primary" disabled={!dirty || state.phase === 'saving'}>
              {state.phase === 'saving' ? 'Saving…' : 'Save rules'}
            </button>
            <button type="button" class="btn" disabled={!dirty} onClick={actions.reset}>
              Discard changes
            </button>
            <span class="muted">{dirty ? 'Unsaved changes' : state.justSaved ? 'Saved' : ''}</span>
          </div>
        )}
      </form>
      {/* One column beside the form: the model in use, then the try box under it. */}
      <div class="rules-side">
        <CivilityModelNote client={client} />
        <TryBox client={client} settings={errors.valid ? draft : null} delayMs={tryDelayMs} />
      </div>
    </div>
  );
}

/** Moves focus to the first marked field, scrolled to the middle of the view. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.scrollIntoView?.({ block: 'center' });
  first?.focus();
}
