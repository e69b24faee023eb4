import type { CallToAction } from '../../../../shared/schemas/thread';
import { TextField } from './site-field';

export interface InvitationFieldsProps {
  /** The form key its fields are filed under ("callsToAction.guest", "upgradeByTier.0.cta"). */
  field: string;
  cta: CallToAction;
  errors: Record<string, string>;
  onChange(cta: CallToAction): void;
}

/** A call to action: its sentence, its main link, and an optional quieter second link. */
export function InvitationFields({ field, cta, errors, onChange }: InvitationFieldsProps) {
  const secondary = cta.secondary ?? { linkText: '', url: '' };
  const setSecondary = (change: Partial<NonNullable<CallToAction['secondary']>>) => onChange({ ...cta, secondary: { ...secondary, ...change } });
  const at = (name: string) => errors[`${field}.${name}`];
  return (
    <div class="invitation">
      <div class="fields">
        <TextField field={`${field}.text`} label="Sentence" rows={2} value={cta.text} error={at('text')} onInput={(text) => onChange({ ...cta, text })} />
        <TextField field={`${field}.linkText`} label="Link text" value={cta.linkText} error={at('linkText')} onInput={(linkText) => onChange({ ...cta, linkText })} />
        <TextField field={`${field}.url`} label="Link address" value={cta.url} error={at('url')} onInput={(url) => onChange({ ...cta, url })} />
      </div>
      {/* A quieter second link under the first, such as "Already a member? Sign in"; left empty, there is none. */}
      <div class="fields secondary-link">
        <TextField
          field={`${field}.secondary.prompt`}
          label="Second link: lead-in"
          placeholder="Already a member?"
          value={secondary.prompt ?? ''}
          error={at('secondary.prompt')}
          onInput={(prompt) => setSecondary({ prompt })}
        />
        <TextField field={`${field}.secondary.linkText`} label="Second link text" placeholder="Sign in" value={secondary.linkText} error={at('secondary.linkText')} onInput={(linkText) => setSecondary({ linkText })} />
        <TextField field={`${field}.secondary.url`} label="Second link address" placeholder="/login" value={secondary.url} error={at('secondary.url')} onInput={(url) => setSecondary({ url })} />
      </div>
    </div>
  );
}
