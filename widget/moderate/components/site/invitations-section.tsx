import { blankInvitation, type SiteForm } from '../../model/site-form';
import { InvitationFields } from './invitation-fields';
import { TextField } from './site-field';

export interface InvitationsSectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

/** What guests are invited to do, and members whose tier may not comment on a thread. */
export function InvitationsSection({ form, errors, edit }: InvitationsSectionProps) {
  const setRow = (i: number, row: SiteForm['upgradeByTier'][number]) => edit((f) => ({ ...f, upgradeByTier: f.upgradeByTier.map((r, j) => (j === i ? row : r)) }));
  return (
    <fieldset class="rule">
      <legend>Calls to action</legend>
      <h3>Guests</h3>
      <InvitationFields field="callsToAction.guest" cta={form.guest} errors={errors} onChange={(guest) => edit((f) => ({ ...f, guest }))} />
      <h3>Members whose tier may not comment here</h3>
      <InvitationFields field="callsToAction.upgrade" cta={form.upgrade} errors={errors} onChange={(upgrade) => edit((f) => ({ ...f, upgrade }))} />
      {form.upgradeByTier.map((row, i) => (
        <div class="site-row-block" key={i}>
          <div class="row">
            <TextField field={`upgradeByTier.${i}.tier`} label="For the tier" value={row.tier} error={errors[`upgradeByTier.${i}.tier`]} onInput={(tier) => setRow(i, { ...row, tier })} />
            <button type="button" class="btn" aria-label={`Remove the invitation for ${row.tier || 'this tier'}`} onClick={() => edit((f) => ({ ...f, upgradeByTier: f.upgradeByTier.filter((_, j) => j !== i) }))}>
              Remove
            </button>
          </div>
          <InvitationFields field={`upgradeByTier.${i}.cta`} cta={row.cta} errors={errors} onChange={(cta) => setRow(i, { ...row, cta })} />
        </div>
      ))}
      <button type="button" class="btn" onClick={() => edit((f) => ({ ...f, upgradeByTier: [...f.upgradeByTier, { tier: '', cta: blankInvitation() }] }))}>
        Add an invitation for one tier
      </button>
    </fieldset>
  );
}
