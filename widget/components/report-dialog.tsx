// The report form, loaded on demand (app.js imports it the first time a reader asks to report).
import { useEffect, useRef, useState } from 'preact/hooks';
import { REPORT_REASONS, type ReportBody } from '../../shared/schemas/report';
import type { ApiClient } from '../api/client';
import type { MemberTranslate } from '../lib/member-translate';
import { reportComment } from '../api/report';
import css from './report-dialog.css';

export const NOTE_MAX = 500;

export interface ReportDialogProps {
  client: ApiClient;
  commentId: string;
  /** Closes the form; `said` is what to announce (nothing when cancelled). */
  onClose(said?: string): void;
  /**
   * Why a report failed, in the site's wording. Handed in (it is lib/action-message.ts) rather
   * than imported, so this chunk shares nothing with the members' chunk but app.js.
   */
  explain(code: string): Promise<string>;
  /** The members' strings, handed in for the same reason. */
  t: MemberTranslate;
}

/** Why a reader reports a comment, and an optional note; Escape or Cancel closes it unsent. */
export function ReportDialog({ client, commentId, onClose, explain, t }: ReportDialogProps) {
  // One form per comment at most, so the comment's id keeps these ids unique.
  const id = `report-${commentId}`;
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState<ReportBody['reason'] | null>(null);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason || sending) return;
    setSending(true);
    const r = await reportComment(client, commentId, { reason, note: note.trim() });
    setSending(false);
    if (!r.ok) return setError(await explain(r.error.code));
    onClose(t(r.data.alreadyReported ? 'report.already' : 'report.thanks'));
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: the host page's own Escape handlers (a modal, a menu) should not also fire.
    event.stopPropagation();
    onClose();
  };

  return (
    <form ref={form} class="report" aria-labelledby={`${id}t`} onSubmit={submit} onKeyDown={cancelOnEscape}>
      {/* Its styles come with it, so readers who never report never download them. */}
      <style>{css}</style>
      <fieldset>
        <legend id={`${id}t`}>{t('report.title')}</legend>
        {REPORT_REASONS.map((r) => (
          <label key={r}>
            <input type="radio" name={`${id}r`} value={r} checked={reason === r} onChange={() => setReason(r)} /> {t(`report.${r}`)}
          </label>
        ))}
      </fieldset>
      <label for={`${id}n`}>{t('report.note')}</label>
      <textarea id={`${id}n`} rows={2} maxLength={NOTE_MAX} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="row">
        <small>
          {note.length} / {NOTE_MAX}
        </small>
        <button type="button" onClick={() => onClose()}>
          {t('compose.cancel')}
        </button>
        <button type="submit" class="primary" disabled={!reason || sending}>
          {t('report.submit')}
        </button>
      </div>
      <p class="status error" role="status">
        {error}
      </p>
    </form>
  );
}
