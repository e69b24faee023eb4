import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModerationClient } from '../../api';
import { moderatorMessage } from '../../model/messages';
import { siteFormErrors } from '../../model/site-form-errors';
import { useSiteSettings } from '../../model/use-site-settings';
import type { Announce } from '../../model/use-queue';
import { ApiKeySection } from './api-key-section';
import { AppearanceSection } from './appearance-section';
import { AutoCloseSection } from './auto-close-section';
import { CommentPreview } from './comment-preview';
import { GuidelinesSection } from './guidelines-section';
import { IdentitySection } from './identity-section';
import { InvitationsSection } from './invitations-section';
import { MailSection } from './mail-section';
import { PolicySection } from './policy-section';
import { SignInSection } from './sign-in-section';

export interface SitePageProps {
  client: ModerationClient;
  announce: Announce;
  /** Admins and the API key may change the site; other moderators read it. */
  canEdit: boolean;
  onKeyRotated(apiKey: string): void;
}

const READ_ONLY = 'Only admins and the site owner (signed in with the API key) may change the site settings. You can read them here.';

/** The site's own configuration (the site file, less its moderation rules), one section per concern. */
export function SitePage({ client, announce, canEdit, onKeyRotated }: SitePageProps) {
  const [state, actions] = useSiteSettings(client);
  const { form } = state;
  const formEl = useRef<HTMLFormElement>(null);
  const [tried, setTried] = useState(false);
  const errors = useMemo(() => (form ? siteFormErrors(form, state.error?.fields) : null), [form, state.error]);
  const dirty = useMemo(() => JSON.stringify(state.saved) !== JSON.stringify(form), [state.saved, form]);
  const toFix = errors ? Object.keys(errors.byField).length + errors.other.length : 0;
  // The server named fields the form had not caught: take the admin to the first.
  useEffect(() => {
    if (state.error?.fields) focusFirstInvalid(formEl.current);
  }, [state.error]);

  if (!form || !errors) {
    return <p class="notice">{state.phase === 'failed' ? moderatorMessage(state.error?.code) : 'Loading the site settings…'}</p>;
  }
  async function save(e: Event) {
    e.preventDefault();
    if (!canEdit) return;
    if (!errors!.valid) {
      setTried(true);
      focusFirstInvalid(formEl.current);
      return;
    }
    if (await actions.save()) announce('Site settings saved.');
  }
  const sections = { form, errors: errors.byField, edit: actions.edit };
  return (
    <div class="rules-page site-page">
      <form ref={formEl} class="rules" aria-label="Site settings" aria-describedby={canEdit ? undefined : 'parley-site-read-only'} noValidate onSubmit={(e) => void save(e)}>
        {!canEdit && (
          <p class="read-only" id="parley-site-read-only">
            {READ_ONLY}
          </p>
        )}
        <fieldset class="rules-body" disabled={!canEdit}>
          <IdentitySection {...sections} />
          <SignInSection {...sections} />
          <GuidelinesSection {...sections} />
          <InvitationsSection {...sections} />
          <PolicySection {...sections} />
          <AutoCloseSection {...sections} />
          <MailSection {...sections} />
          <AppearanceSection {...sections} />
        </fieldset>
        {canEdit && (tried || state.error?.fields) && toFix > 0 && (
          <div class="error" role="alert">
            <p>{toFix === 1 ? 'One value to fix; it is marked above.' : `${toFix} values to fix; each is marked above.`}</p>
            {errors.other.length > 0 && (
              <ul aria-label="Values not on this form">
                {errors.other.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {state.error && !state.error.fields && (
          <p class="error" role="alert">
            {state.error.code === 'admin_required' ? READ_ONLY : moderatorMessage(state.error.code)}
          </p>
        )}
        {canEdit && (
          <div class="row sticky">
            <button type="submit" class="btn primary" disabled={!dirty || state.phase === 'saving'}>
              {state.phase === 'saving' ? 'Saving…' : 'Save site settings'}
            </button>
            <button type="button" class="btn" disabled={!dirty} onClick={actions.reset}>
              Discard changes
            </button>
            <span class="muted">{dirty ? 'Unsaved changes' : state.justSaved ? 'Saved' : ''}</span>
          </div>
        )}
      </form>
      <div class="rules-side">
        <CommentPreview form={form} />
        <ApiKeySection client={client} canEdit={canEdit} onRotated={onKeyRotated} />
      </div>
    </div>
  );
}

/** Moves focus to the first marked field, scrolled to the middle of the view. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.scrollIntoView?.({ block: 'center' });
  first?.focus();
}
