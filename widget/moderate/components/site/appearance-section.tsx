import { STRINGS } from '../../../../shared/strings';
import type { SiteForm } from '../../model/site-form';
import { ChoiceField, TextField } from './site-field';

export interface AppearanceSectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

const THEMES = [
  { value: 'auto', label: 'Follow the page (light unless it declares dark)' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

/** The widget's theme, and the site's own wording for its strings, by catalogue key. */
export function AppearanceSection({ form, errors, edit }: AppearanceSectionProps) {
  const setRow = (i: number, change: Partial<SiteForm['strings'][number]>) => edit((f) => ({ ...f, strings: f.strings.map((r, j) => (j === i ? { ...r, ...change } : r)) }));
  return (
    <fieldset class="rule">
      <legend>Theme and wording</legend>
      <div class="fields">
        <ChoiceField field="settings.theme" label="Theme" value={form.theme} options={THEMES} error={errors['settings.theme']} onChange={(theme) => edit((f) => ({ ...f, theme }))} />
      </div>
      <h3>Wording</h3>
      <p class="muted">Replace any of the widget’s sentences: its key (such as “comments” or “count.other”), or error.CODE for an error’s sentence.</p>
      <datalist id="site-string-keys">
        {Object.keys(STRINGS).map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      {form.strings.map((row, i) => (
        <div class="fields site-row" key={i}>
          <TextField field={`strings.${i}.key`} label="Key" list="site-string-keys" value={row.key} error={errors[`strings.${i}.key`]} onInput={(key) => setRow(i, { key })} />
          <TextField field={`strings.${i}.value`} label="Your wording" value={row.value} error={errors[`strings.${i}.value`]} onInput={(value) => setRow(i, { value })} />
          <button type="button" class="btn" aria-label={`Remove the wording for ${row.key || 'this key'}`} onClick={() => edit((f) => ({ ...f, strings: f.strings.filter((_, j) => j !== i) }))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="btn" onClick={() => edit((f) => ({ ...f, strings: [...f.strings, { key: '', value: '' }] }))}>
        Add wording
      </button>
    </fieldset>
  );
}
