import type { SiteForm } from '../../model/site-form';
import { NumberField, TextField } from './site-field';

export interface SignInSectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

const LIFETIME = { min: 60, max: 30 * 24 * 3600 };

/** How readers' tokens are verified, and where a member signs in again. The HS256 secret is write-only. */
export function SignInSection({ form, errors, edit }: SignInSectionProps) {
  const { sso } = form;
  const setSso = (change: Partial<SiteForm['sso']>) => edit((f) => ({ ...f, sso: { ...f.sso, ...change } }));
  const placeholder = sso.removeSecret ? 'removed on save' : sso.secretSet ? 'set — enter a new one to replace it' : 'not set';
  return (
    <fieldset class="rule">
      <legend>Sign-in</legend>
      <p class="muted">Your membership system signs a token for each signed-in reader; Parley checks it with one of these.</p>
      <div class="fields">
        <TextField
          field="sso.hs256Secret"
          label="HS256 shared secret"
          type="password"
          autocomplete="new-password"
          placeholder={placeholder}
          value={sso.removeSecret ? '' : sso.newSecret}
          error={errors['sso.hs256Secret']}
          hint="At least 32 characters. Never shown again once saved."
          onInput={(newSecret) => setSso({ newSecret, removeSecret: false })}
        />
        {sso.secretSet && (
          <label class="check">
            <input type="checkbox" checked={sso.removeSecret} onChange={(e) => setSso({ removeSecret: e.currentTarget.checked, newSecret: '' })} /> Remove the secret
          </label>
        )}
        <TextField
          field="sso.publicKeyPem"
          label="Public key (PEM, for RS256 or ES256)"
          rows={4}
          placeholder="-----BEGIN PUBLIC KEY-----"
          value={sso.publicKeyPem}
          error={errors['sso.publicKeyPem']}
          onInput={(publicKeyPem) => setSso({ publicKeyPem })}
        />
        <TextField field="sso.jwksUrl" label="JWKS URL" type="url" value={sso.jwksUrl} error={errors['sso.jwksUrl']} onInput={(jwksUrl) => setSso({ jwksUrl })} />
        <TextField field="sso.issuer" label="Issuer to require (iss)" value={sso.issuer} error={errors['sso.issuer']} onInput={(issuer) => setSso({ issuer })} />
        <NumberField
          field="sso.maxTokenLifetimeSeconds"
          label="Longest token lifetime (seconds)"
          hint="Empty: 24 hours."
          {...LIFETIME}
          value={sso.maxTokenLifetimeSeconds}
          error={errors['sso.maxTokenLifetimeSeconds']}
          onInput={(maxTokenLifetimeSeconds) => setSso({ maxTokenLifetimeSeconds })}
        />
        <TextField
          field="settings.signInUrl"
          label="Sign-in URL"
          hint="Where a member whose session lapsed signs in again; relative to the article page."
          value={form.signInUrl}
          error={errors['settings.signInUrl']}
          onInput={(signInUrl) => edit((f) => ({ ...f, signInUrl }))}
        />
      </div>
    </fieldset>
  );
}
