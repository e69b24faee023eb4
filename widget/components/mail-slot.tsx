// Where the e-mail notifications panel goes (under the comment box), fetched on first need.
import { useEffect, useState } from 'preact/hooks';
import type { MailPrefs, MailPrefsProps } from './mail-prefs';

export function MailSlot(props: MailPrefsProps) {
  const [Panel, setPanel] = useState<typeof MailPrefs>();
  useEffect(() => {
    import('./mail-prefs').then((m) => setPanel(() => m.MailPrefs), () => {});
  }, []);
  // Its closed height is held until then, so the comments below stay where they were drawn.
  return Panel ? <Panel {...props} /> : <div class="notify-wait" aria-hidden="true" />;
}
