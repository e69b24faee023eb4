import type { AutoCloseFrom, SiteForm } from '../../model/site-form';
import { ChoiceField, NumberField, TextField } from './site-field';

export interface AutoCloseSectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

const FROM = [
  { value: 'published', label: 'the article’s publication' },
  { value: 'firstComment', label: 'the first comment' },
] as const;
const DAYS = { min: 1, max: 3650 };

/** Threads stop taking comments once this many days have passed; a section may differ, or never close. */
export function AutoCloseSection({ form, errors, edit }: AutoCloseSectionProps) {
  const { autoClose } = form;
  const set = (change: Partial<SiteForm['autoClose']>) => edit((f) => ({ ...f, autoClose: { ...f.autoClose, ...change } }));
  const setRow = (i: number, change: Partial<SiteForm['autoClose']['bySection'][number]>) => set({ bySection: autoClose.bySection.map((r, j) => (j === i ? { ...r, ...change } : r)) });
  return (
    <fieldset class="rule" aria-labelledby="site-auto-close-title">
      <legend id="site-auto-close-title">
        <label class="check">
          <input type="checkbox" checked={autoClose.on} onChange={(e) => set({ on: e.currentTarget.checked, afterDays: autoClose.afterDays ?? 30 })} /> Close threads by age
        </label>
      </legend>
      <p class="muted">Old threads stop taking comments and replies; readers see them closed. A moderator who reopens one keeps it open.</p>
      <div class="fields">
        <NumberField field="settings.autoClose.afterDays" label="After (days)" {...DAYS} disabled={!autoClose.on} value={autoClose.afterDays} error={errors['settings.autoClose.afterDays']} onInput={(afterDays) => set({ afterDays })} />
        <ChoiceField<AutoCloseFrom> field="settings.autoClose.from" label="Counted from" value={autoClose.from} options={FROM} error={errors['settings.autoClose.from']} onChange={(from) => set({ from })} />
      </div>
      <h3>Sections of their own</h3>
      {autoClose.bySection.map((row, i) => (
        <div class="fields site-row" key={i}>
          <TextField field={`autoClose.${i}.section`} label="Section" value={row.section} error={errors[`autoClose.${i}.section`]} onInput={(section) => setRow(i, { section })} />
          <NumberField field={`autoClose.${i}.afterDays`} label="After (days)" {...DAYS} disabled={row.afterDays === null} value={row.afterDays} error={errors[`autoClose.${i}.afterDays`]} onInput={(afterDays) => setRow(i, { afterDays: afterDays ?? NaN })} />
          <label class="check">
            <input type="checkbox" checked={row.afterDays === null} onChange={(e) => setRow(i, { afterDays: e.currentTarget.checked ? null : (autoClose.afterDays ?? 30) })} /> Never close
          </label>
          <button type="button" class="btn" aria-label={`Remove the setting for ${row.section || 'this section'}`} onClick={() => set({ bySection: autoClose.bySection.filter((_, j) => j !== i) })}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="btn" onClick={() => set({ bySection: [...autoClose.bySection, { section: '', afterDays: autoClose.afterDays ?? 30 }] })}>
        Add a section
      </button>
    </fieldset>
  );
}
