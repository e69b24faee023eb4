// A member's e-mail notifications, under the comment box: replies to their comments, decisions on
// their held comments, and following this conversation. Its own chunk, fetched only for a member
// the thread view says may be mailed (viewer.mail), so no other reader carries it.
import { useEffect, useState } from 'preact/hooks';
import { notifyPaths } from '../../shared/api-paths';
import { MailPreferencesView } from '../../shared/schemas/mail';
import { NOTIFY_STRINGS } from '../../shared/notify-strings';
import { catalogueTranslator } from '../../shared/strings';
import type { ApiClient } from '../api/client';
import type { Result } from '../api/result';
import css from './mail-prefs.css';

export interface MailPrefsProps {
  client: ApiClient;
  threadId: string;
  strings: Readonly<Record<string, string>>;
}

export function MailPrefs({ client, threadId, strings }: MailPrefsProps) {
  const t = catalogueTranslator(NOTIFY_STRINGS, strings);
  const [prefs, setPrefs] = useState<MailPreferencesView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    client.call(MailPreferencesView, 'GET', notifyPaths.mailPreferences(client.site), { threadId }).then((r) => {
      if (r.ok) setPrefs(r.data);
      setLoaded(true);
    });
  }, [threadId]);
  // The closed panel's height, held while its settings load (see mail-slot.tsx).
  if (!loaded) return <div class="notify-wait" aria-hidden="true" />;
  if (!prefs?.available) return null;

  // Shown as chosen at once; put back if the server did not take it.
  const save = async (chosen: Partial<MailPreferencesView>, request: () => Promise<Result<MailPreferencesView>>) => {
    const before = prefs;
    setPrefs({ ...prefs, ...chosen });
    setBusy(true);
    const r = await request();
    setBusy(false);
    setFailed(!r.ok);
    setPrefs(r.ok ? r.data : before);
  };
  const toggle = (key: 'replies' | 'decisions') =>
    save({ [key]: !prefs[key] }, () => client.call(MailPreferencesView, 'PUT', notifyPaths.mailPreferences(client.site), undefined, { [key]: !prefs[key] }));
  const follow = () =>
    save({ following: !prefs.following }, () => client.call(MailPreferencesView, prefs.following ? 'DELETE' : 'PUT', notifyPaths.follow(client.site, threadId)));
  return (
    <details class="notify">
      <style>{css}</style>
      <summary>{t('notify.title')}</summary>
      <p class="meta">{t('notify.to', { email: prefs.email ?? '' })}</p>
      {(['replies', 'decisions'] as const).map((key) => (
        <label key={key}>
          <input type="checkbox" checked={prefs[key]} disabled={busy} onChange={() => toggle(key)} /> {t(`notify.${key}`)}
        </label>
      ))}
      <p>
        <button type="button" aria-pressed={prefs.following} disabled={busy} onClick={follow}>
          {t(prefs.following ? 'notify.unfollow' : 'notify.follow')}
        </button>{' '}
        {prefs.following && <span class="meta">{t('notify.following')}</span>}
      </p>
      <p class="status error" role="status">
        {failed ? t('notify.failed') : ''}
      </p>
    </details>
  );
}
