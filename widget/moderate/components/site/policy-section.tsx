import type { SiteForm } from '../../model/site-form';
import { TextField } from './site-field';

export interface PolicySectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

/** Which page is in which section (by path prefix, first match wins), and which tier comments where. */
export function PolicySection({ form, errors, edit }: PolicySectionProps) {
  const setRule = (i: number, change: Partial<SiteForm['sectionRules'][number]>) =>
    edit((f) => ({ ...f, sectionRules: f.sectionRules.map((r, j) => (j === i ? { ...r, ...change } : r)) }));
  const setTier = (i: number, change: Partial<SiteForm['tiers'][number]>) => edit((f) => ({ ...f, tiers: f.tiers.map((r, j) => (j === i ? { ...r, ...change } : r)) }));
  return (
    <fieldset class="rule">
      <legend>Tiers and sections</legend>
      <p class="muted">A page’s section comes from the first rule whose path prefix its address starts with; other pages are in the default section.</p>
      <div class="fields">
        <TextField
          field="policy.defaultSection"
          label="Default section"
          value={form.defaultSection}
          error={errors['policy.defaultSection']}
          onInput={(defaultSection) => edit((f) => ({ ...f, defaultSection }))}
        />
      </div>
      <h3>Section rules</h3>
      {form.sectionRules.map((rule, i) => (
        <div class="fields site-row" key={i}>
          <TextField field={`sectionRules.${i}.pathPrefix`} label="Path starts with" placeholder="/newsletter/" value={rule.pathPrefix} error={errors[`sectionRules.${i}.pathPrefix`]} onInput={(pathPrefix) => setRule(i, { pathPrefix })} />
          <TextField field={`sectionRules.${i}.section`} label="Section" value={rule.section} error={errors[`sectionRules.${i}.section`]} onInput={(section) => setRule(i, { section })} />
          <button type="button" class="btn" aria-label={`Remove the rule for ${rule.pathPrefix || 'this path'}`} onClick={() => edit((f) => ({ ...f, sectionRules: f.sectionRules.filter((_, j) => j !== i) }))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="btn" onClick={() => edit((f) => ({ ...f, sectionRules: [...f.sectionRules, { section: '', pathPrefix: '/' }] }))}>
        Add a section rule
      </button>
      <h3>Tiers</h3>
      <p class="muted">Each membership tier comments in the sections listed (* for everywhere). Tiers not listed, and guests, only read.</p>
      {form.tiers.map((row, i) => (
        <div class="fields site-row" key={i}>
          <TextField field={`tiers.${i}.tier`} label="Tier" value={row.tier} error={errors[`tiers.${i}.tier`]} onInput={(tier) => setTier(i, { tier })} />
          <TextField field={`tiers.${i}.sections`} label="May comment in" placeholder="news, newsletter" value={row.sections} error={errors[`tiers.${i}.sections`]} onInput={(sections) => setTier(i, { sections })} />
          <button type="button" class="btn" aria-label={`Remove the tier ${row.tier || 'without a name'}`} onClick={() => edit((f) => ({ ...f, tiers: f.tiers.filter((_, j) => j !== i) }))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="btn" onClick={() => edit((f) => ({ ...f, tiers: [...f.tiers, { tier: '', sections: '' }] }))}>
        Add a tier
      </button>
    </fieldset>
  );
}
