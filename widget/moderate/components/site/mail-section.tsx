import type { MailForm, SiteForm } from '../../model/site-form';
import { ChoiceField, LinesField, NumberField, TextField } from './site-field';

export interface MailSectionProps {
  form: SiteForm;
  errors: Record<string, string>;
  edit(update: (f: SiteForm) => SiteForm): void;
}

const NONE = '';
const HOURS = [{ value: NONE, label: 'No daily digest' }, ...Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00 UTC` }))];

/** What the site mails: members' notices (on, from whom, how often) and the moderators' alerts and digest. */
export function MailSection({ form, errors, edit }: MailSectionProps) {
  const { mail } = form;
  const set = (change: Partial<MailForm>) => edit((f) => ({ ...f, mail: { ...f.mail, ...change } }));
  const e = (key: string) => errors[`settings.mail.${key}`];
  return (
    <fieldset class={`rule${mail.enabled ? '' : ' off'}`} aria-labelledby="site-mail-title">
      <legend id="site-mail-title">
        <label class="check">
          <input type="checkbox" checked={mail.enabled} onChange={(ev) => set({ enabled: ev.currentTarget.checked })} /> E-mail
        </label>
      </legend>
      <p class="muted">Members opt in, in the widget, to mail about replies, moderators’ decisions and conversations they follow. Off: no mail at all, and the widget offers none.</p>
      <div class="fields">
        <TextField field="settings.mail.from" label="From address" placeholder="the server’s MAIL_FROM" autocomplete="off" value={mail.from} error={e('from')} onInput={(from) => set({ from })} />
        <NumberField
          field="settings.mail.replyNoticeMinutes"
          label="Reply notices at most every (minutes)"
          hint="Per member and conversation; replies meanwhile go out together."
          min={1}
          max={1440}
          value={mail.replyNoticeMinutes}
          error={e('replyNoticeMinutes')}
          onInput={(replyNoticeMinutes) => set({ replyNoticeMinutes })}
        />
      </div>
      <h3>Moderators</h3>
      <div class="fields">
        <LinesField
          field="mail.moderatorEmails"
          label="Moderators’ addresses, one per line"
          hint="They get the queue alerts and the daily digest."
          value={mail.moderatorEmails}
          error={e('moderatorEmails')}
          lineErrors={mail.moderatorEmails.map((_, i) => errors[`mail.moderatorEmails.${i}`])}
          onChange={(moderatorEmails) => set({ moderatorEmails })}
        />
        <NumberField
          field="settings.mail.queueAlert.pending"
          label="Alert when this many wait (optional)"
          min={1}
          max={1_000_000}
          value={mail.alertPending}
          error={e('queueAlert.pending')}
          onInput={(alertPending) => set({ alertPending })}
        />
        <NumberField
          field="settings.mail.queueAlert.oldestMinutes"
          label="…or the oldest has waited (minutes, optional)"
          min={1}
          max={10_080}
          value={mail.alertOldestMinutes}
          error={e('queueAlert.oldestMinutes')}
          onInput={(alertOldestMinutes) => set({ alertOldestMinutes })}
        />
        <ChoiceField
          field="settings.mail.digestHourUtc"
          label="Daily digest"
          value={mail.digestHourUtc === null ? NONE : String(mail.digestHourUtc)}
          options={HOURS}
          error={e('digestHourUtc')}
          onChange={(hour) => set({ digestHourUtc: hour === NONE ? null : Number(hour) })}
        />
        <TextField
          field="settings.mail.dashboardUrl"
          label="Dashboard address, linked from their mail"
          type="url"
          placeholder="https://news.example.com/moderate"
          value={mail.dashboardUrl}
          error={e('dashboardUrl')}
          onInput={(dashboardUrl) => set({ dashboardUrl })}
        />
      </div>
    </fieldset>
  );
}
