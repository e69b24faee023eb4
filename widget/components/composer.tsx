import { useEffect, useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import { readerMessage } from '../../shared/errors';
import { translator } from '../../shared/strings';
import { actionMessage } from '../lib/action-message';
import type { ApiError, Result } from '../api/result';
import { memberTranslator } from '../lib/member-translate';

/** What the server made of a draft: stored, or a nudge the author may act on. */
export type Posted = { comment: CommentView } | { nudge: { message: string } };
export type AfterNudge = 'post_anyway' | 'revised';

export interface ComposerProps {
  /** Unique in the widget (the field's id and the stem of its hints' ids): one composer per purpose and comment at most. */
  id: string;
  label: string;
  submitLabel: string;
  maxLength: number;
  initial?: string;
  autoFocus?: boolean;
  onSubmit(body: string, afterNudge?: AfterNudge): Promise<Result<Posted>>;
  onDone?(comment: CommentView): void;
  onCancel?(): void;
  /** The site's wording (`site.strings`), for why a post failed or was not published. */
  strings?: Readonly<Record<string, string>>;
}

/** A textarea that keeps its draft until the server has accepted it. */
export function Composer(props: ComposerProps) {
  const { id } = props;
  const t = memberTranslator(props.strings);
  const field = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(props.initial ?? '');
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The text a nudge was about: posting it unchanged is "anyway", anything else "revised".
  const [nudged, setNudged] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [posted, setPosted] = useState(false);
  useEffect(() => {
    if (props.autoFocus) field.current?.focus();
  }, []);
  // "Posted" is said once, then goes; a nudge or an error stays until the author acts.
  useEffect(() => {
    if (!posted) return;
    const gone = setTimeout(() => setSaid(''), 6000);
    return () => clearTimeout(gone);
  }, [said]);

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (posting || !draft.trim()) return;
    setPosting(true);
    setPosted(false);
    setError(null);
    setSaid(t('compose.posting'));
    const r = await props.onSubmit(draft, nudged === null ? undefined : nudged === draft ? 'post_anyway' : 'revised');
    // Before any state changes, so the error and its sentence show together.
    const failed = r.ok ? '' : await actionMessage(r.error.code, props.strings);
    setPosting(false);
    setNudged(r.ok && 'nudge' in r.data ? draft : null);
    if (!r.ok) {
      setError(r.error);
      setSaid(failed);
    } else if ('nudge' in r.data) {
      setSaid(r.data.nudge.message);
    } else {
      setDraft('');
      setPosted(true);
      const { status } = r.data.comment;
      // A rejected comment is stored and shown to its author alone, with why (see comment-item.tsx).
      setSaid(status === 'published' ? t('compose.posted') : status === 'pending' ? t('compose.held') : readerMessage(status, props.strings));
      props.onDone?.(r.data.comment);
    }
  };

  const fieldError = error?.fields?.body;
  const over = draft.length > props.maxLength;
  // The count shows only once the limit is in sight.
  const near = draft.length >= props.maxLength * 0.8;
  const keys = (e: KeyboardEvent) => {
    if (e.key == 'Escape' && props.onCancel) props.onCancel();
    else if (e.key == 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
  };
  return (
    <form onSubmit={submit}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        ref={field}
        rows={3}
        value={draft}
        aria-invalid={over || !!fieldError}
        aria-describedby={`${id}c ${id}e`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={keys}
      />
      {fieldError && (
        <p id={`${id}e`} class="error">
          {fieldError}
        </p>
      )}
      <div class="row">
        <small id={`${id}c`} class={over ? 'over' : undefined}>
          {near ? t('compose.count', { n: draft.length, max: props.maxLength }) : t('compose.hint')}
        </small>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('compose.cancel')}
          </button>
        )}
        <button type="submit" class="primary" disabled={posting || !draft.trim()}>
          {props.submitLabel}
        </button>
      </div>
      <p class={error ? 'status error' : nudged ? 'status notice' : 'status'} aria-live="polite">
        {said}{' '}
        {(error || nudged === draft) && !posting && (
          <button type="button" onClick={() => submit()}>
            {error ? translator(props.strings)('retry') : t('compose.anyway')}
          </button>
        )}
      </p>
    </form>
  );
}
