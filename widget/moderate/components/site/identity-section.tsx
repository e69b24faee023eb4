import type { SiteForm } from '../../model/site-form';
import { LinesField, TextField } from './site-field';

export interface IdentitySectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

/** The site's name, and the origins whose pages may embed the widget. */
export function IdentitySection({ form, errors, edit }: IdentitySectionProps) {
  return (
    <fieldset class="rule">
      <legend>Name and origins</legend>
      <div class="fields">
        <TextField field="name" label="Site name" value={form.name} error={errors.name} onInput={(name) => edit((f) => ({ ...f, name }))} />
        <LinesField
          field="origins"
          label="Allowed origins, one per line"
          hint="Pages under these origins may embed the comments, and only they get threads made for them."
          value={form.origins}
          lineErrors={form.origins.map((_, i) => errors[`origins.${i}`])}
          onChange={(origins) => edit((f) => ({ ...f, origins }))}
        />
      </div>
    </fieldset>
  );
}
