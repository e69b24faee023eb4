import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/result';
import { moderatorMessage } from '../model/messages';
import type { SignIn } from '../model/sign-in';

export interface SignInFormProps {
  site: string;
  error: ApiError | null;
  busy: boolean;
  onSubmit(signIn: SignIn): void;
}

export function SignInForm({ site: initialSite, error, busy, onSubmit }: SignInFormProps) {
  const [site, setSite] = useState(initialSite);
  const [kind, setKind] = useState<SignIn['kind']>('key');
  const [secret, setSecret] = useState('');
  return (
    <form
      class="sign-in"
      aria-label="Sign in to moderate"
      onSubmit={(e) => {
        e.preventDefault();
        // Read the fields themselves: a paste and an Enter can come before the next render.
        const data = new FormData(e.currentTarget);
        const value = (name: string) => String(data.get(name) ?? '').trim();
        if (value('site') && value('secret')) onSubmit({ site: value('site'), kind: value('kind') === 'token' ? 'token' : 'key', secret: value('secret') });
      }}
    >
      <h1>Moderate comments</h1>
      <p class="muted">Sign in with the site's API key, or paste an SSO token for a moderator. It is remembered in this tab only.</p>
      <label>
        Site id
        <input name="site" required value={site} onInput={(e) => setSite(e.currentTarget.value)} autoComplete="off" />
      </label>
      <fieldset>
        <legend>Sign in with</legend>
        <label class="check">
          <input type="radio" name="kind" value="key" checked={kind === 'key'} onChange={() => setKind('key')} /> Site API key
        </label>
        <label class="check">
          <input type="radio" name="kind" value="token" checked={kind === 'token'} onChange={() => setKind('token')} /> SSO token
        </label>
      </fieldset>
      <label>
        {kind === 'key' ? 'API key' : 'SSO token (JWT)'}
        {kind === 'key' ? (
          <input name="secret" type="password" required value={secret} onInput={(e) => setSecret(e.currentTarget.value)} autoComplete="off" />
        ) : (
          <textarea name="secret" required rows={4} value={secret} onInput={(e) => setSecret(e.currentTarget.value)} spellcheck={false} />
        )}
      </label>
      <p class="error" role="alert">
        {error && moderatorMessage(error.code)}
      </p>
      <button type="submit" class="btn primary" disabled={busy}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
    </form>
  );
}
