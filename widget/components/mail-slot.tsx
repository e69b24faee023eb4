// Where the e-mail notifications panel goes (under the comment box), fetched on first need.
import { useEffect, useState } from 'preact/hooks';
import type { MailPrefs, MailPrefsProps } from './mail-prefs';

export function MailSlot(props: MailPrefsProps) {
  const [Panel, setPanel] = useState<typeof MailPrefs>();
  useEffect(() => {
    import('./mail-prefs').then((m) => setPanel(() => m.MailPrefs), () => {});
  }, []);
  return Panel ? <Panel {...props} /> : null;
}
