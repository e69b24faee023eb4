import { useState } from 'preact/hooks';
import type { ModerationClient } from '../../api';
import { moderatorMessage } from '../../model/messages';
import { ConfirmDialog } from '../confirm-dialog';

export interface ApiKeySectionProps {
  client: ModerationClient;
  /** Admins and the key's holder may rotate it. */
  canEdit: boolean;
  /** Told the new key at once, so a dashboard signed in with the old one goes on with it. */
  onRotated(apiKey: string): void;
}

type Phase = { step: 'idle' } | { step: 'confirm' } | { step: 'rotating' } | { step: 'shown'; apiKey: string; copied: boolean } | { step: 'failed'; code: string };

/** Rotating the site API key: confirmed first, the new key shown once with a copy button. */
export function ApiKeySection({ client, canEdit, onRotated }: ApiKeySectionProps) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  async function rotate() {
    setPhase({ step: 'rotating' });
    const res = await client.rotateApiKey();
    if (!res.ok) return setPhase({ step: 'failed', code: res.error.code });
    onRotated(res.data.apiKey);
    setPhase({ step: 'shown', apiKey: res.data.apiKey, copied: false });
  }
  async function copy(apiKey: string) {
    await navigator.clipboard?.writeText(apiKey).catch(() => {});
    setPhase({ step: 'shown', apiKey, copied: true });
  }
  return (
    <section class="side-box" aria-labelledby="site-api-key-title">
      <h2 id="site-api-key-title">Site API key</h2>
      <p class="muted">Your servers use it to register threads; it also signs in here. A new key replaces the old one at once: update your servers with it.</p>
      {phase.step === 'shown' ? (
        <div class="new-key">
          <label for="site-new-key">New API key — shown this once</label>
          <textarea id="site-new-key" class="key-value" readOnly rows={2} spellcheck={false} value={phase.apiKey} onFocus={(e) => e.currentTarget.select()} />
          <div class="row">
            <button type="button" class="btn" onClick={() => void copy(phase.apiKey)}>
              {phase.copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p class="muted" role="status">
            The old key no longer works.
          </p>
        </div>
      ) : (
        <button type="button" class="btn danger" disabled={!canEdit || phase.step === 'rotating'} onClick={() => setPhase({ step: 'confirm' })}>
          {phase.step === 'rotating' ? 'Rotating…' : 'Rotate API key'}
        </button>
      )}
      {phase.step === 'failed' && (
        <p class="error" role="alert">
          {moderatorMessage(phase.code)}
        </p>
      )}
      {phase.step === 'confirm' && (
        <ConfirmDialog title="Rotate the site API key?" confirmLabel="Rotate the key" onConfirm={() => void rotate()} onCancel={() => setPhase({ step: 'idle' })}>
          The current key stops working at once, for your servers too, until they use the new one.
        </ConfirmDialog>
      )}
    </section>
  );
}
