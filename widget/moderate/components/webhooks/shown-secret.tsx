import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ShownSecret as Secret } from '../../model/use-webhooks';

export interface ShownSecretProps {
  secret: Secret;
  onDismiss(): void;
}

/** An endpoint's signing secret, just made: shown this once, read-only, with a copy button. */
export function ShownSecret({ secret, onDismiss }: ShownSecretProps) {
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  // Taken to it at once: it is the one thing on the page that cannot be seen again.
  useLayoutEffect(() => {
    setCopied(false);
    field.current?.focus();
  }, [secret.secret]);
  async function copy() {
    await navigator.clipboard?.writeText(secret.secret).catch(() => {});
    setCopied(true);
  }
  return (
    <section class="side-box new-key webhook-secret" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">{secret.reason === 'created' ? 'Endpoint added' : 'Secret rotated'}</h2>
      <label for="webhook-secret-value">Signing secret for {secret.url} — shown this once</label>
      <input id="webhook-secret-value" ref={field} class="key-value" readOnly spellcheck={false} value={secret.secret} onFocus={(e) => e.currentTarget.select()} />
      <div class="row">
        <button type="button" class="btn" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" class="btn" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p class="muted">
        It will not be shown again: keep it where your receiver checks each request’s <code>webhook-signature</code>.
        {secret.reason === 'rotated' && ' The old secret no longer verifies.'}
      </p>
    </section>
  );
}
