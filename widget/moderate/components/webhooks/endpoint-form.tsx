import { useMemo, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../../api/result';
import { blankWebhookForm, PICKABLE_EVENTS, webhookFormErrors, type PickableEvent, type WebhookForm } from '../../model/webhook-form';
import { TextField } from '../site/site-field';

export interface EndpointFormProps {
  busy: boolean;
  /** The server's refusal of the last add: its field sentences go next to the fields. */
  serverError: ApiError | null;
  /** Resolves true once added: the form then empties. */
  onCreate(form: WebhookForm): Promise<boolean>;
  onEdit(): void;
}

/** Adding an endpoint: where, what for, which events, and whether it may be on a private network. */
export function EndpointForm({ busy, serverError, onCreate, onEdit }: EndpointFormProps) {
  const [form, setForm] = useState(blankWebhookForm);
  // Fields are marked once the admin tried to add, not while the first URL is being typed.
  const [tried, setTried] = useState(false);
  const formEl = useRef<HTMLFormElement>(null);
  const errors = useMemo(() => webhookFormErrors(form, serverError?.fields), [form, serverError]);
  const shown = tried || serverError?.fields ? errors : {};
  const set = (change: Partial<WebhookForm>) => {
    setForm((f) => ({ ...f, ...change }));
    onEdit();
  };
  const toggle = (type: PickableEvent, on: boolean) => set({ events: on ? [...form.events, type] : form.events.filter((t) => t !== type) });

  async function submit(e: Event) {
    e.preventDefault();
    setTried(true);
    if (Object.keys(errors).length > 0) return void formEl.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (await onCreate(form)) {
      setForm(blankWebhookForm());
      setTried(false);
    } else requestAnimationFrame(() => formEl.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
  const eventsError = shown.eventTypes;
  const privateError = shown.allowPrivateNetwork;
  return (
    <form ref={formEl} class="side-box endpoint-form" aria-labelledby="webhook-add-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="webhook-add-title">Add an endpoint</h2>
      <TextField field="webhook-url" label="Endpoint URL" type="url" placeholder="https://example.com/parley-events" value={form.url} error={shown.url} onInput={(url) => set({ url })} />
      <TextField field="webhook-description" label="Description (optional)" value={form.description} error={shown.description} onInput={(description) => set({ description })} />
      <fieldset class="events" aria-describedby={eventsError ? 'webhook-events-error' : undefined}>
        <legend>Events to send</legend>
        <label class="check">
          <input type="checkbox" checked={form.allEvents} onChange={(e) => set({ allEvents: e.currentTarget.checked })} /> All events, and any added later
        </label>
        <div class="event-choices">
          {PICKABLE_EVENTS.map((type) => (
            <label class="check" key={type}>
              <input
                type="checkbox"
                disabled={form.allEvents}
                aria-invalid={eventsError ? 'true' : undefined}
                checked={form.allEvents || form.events.includes(type)}
                onChange={(e) => toggle(type, e.currentTarget.checked)}
              />{' '}
              <code>{type}</code>
            </label>
          ))}
        </div>
        {eventsError && (
          <span class="field-error" id="webhook-events-error">
            Events: {eventsError}
          </span>
        )}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} /> Enabled
      </label>
      <div class={`field${privateError ? ' invalid' : ''}`}>
        <label class="check">
          <input
            type="checkbox"
            checked={form.allowPrivateNetwork}
            aria-invalid={privateError ? 'true' : undefined}
            aria-describedby={`webhook-private-hint${privateError ? ' webhook-private-error' : ''}`}
            onChange={(e) => set({ allowPrivateNetwork: e.currentTarget.checked })}
          />{' '}
          Allow a private network address
        </label>
        <span class="hint field-hint" id="webhook-private-hint">
          Admits http and addresses such as 10.0.0.5 or localhost, for a receiver on your own network. Only works on a self-hosted Node server, never on Cloudflare Workers.
        </span>
        {privateError && (
          <span class="field-error" id="webhook-private-error">
            {privateError}
          </span>
        )}
      </div>
      <div class="row">
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add endpoint'}
        </button>
      </div>
    </form>
  );
}
