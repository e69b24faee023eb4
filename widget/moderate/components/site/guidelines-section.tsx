import type { SiteForm } from '../../model/site-form';
import { ChoiceField, TextField } from './site-field';

export interface GuidelinesSectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

const DISPLAYS = [
  { value: 'open', label: 'Open above the comment box' },
  { value: 'collapsed', label: 'Folded, opened on request' },
  { value: 'before-first-comment', label: 'Open until the reader first comments' },
] as const;

export function GuidelinesSection({ form, errors, edit }: GuidelinesSectionProps) {
  return (
    <fieldset class="rule">
      <legend>Community guidelines</legend>
      <div class="fields">
        <TextField field="guidelines" label="Guidelines" rows={4} value={form.guidelines} error={errors.guidelines} onInput={(guidelines) => edit((f) => ({ ...f, guidelines }))} />
        <ChoiceField
          field="settings.guidelinesDisplay"
          label="Show them"
          value={form.guidelinesDisplay}
          options={DISPLAYS}
          error={errors['settings.guidelinesDisplay']}
          onChange={(guidelinesDisplay) => edit((f) => ({ ...f, guidelinesDisplay }))}
        />
      </div>
    </fieldset>
  );
}
