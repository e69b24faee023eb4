import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import { readerMessage } from '../../shared/errors';
import { translator } from '../../shared/strings';
import { actionMessage } from '../lib/action-message';
import { sanitizeHtml } from '../render/sanitize-html';
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
  /** The draft as the server would store it; without it, no Preview button. */
  onPreview?(body: string): Promise<Result<{ html: string }>>;
  onDone?(comment: CommentView): void;
  onCancel?(): void;
  /** The site's wording (`site.strings`), for why a post failed or was not published. */
  strings?: Readonly<Record<string, string>>;
}

/** A textarea that keeps its draft until the server has accepted it, and can show it rendered instead. */
export function Composer(props: ComposerProps) {
  const { id, onPreview } = props;
  const t = memberTranslator(props.strings);
  const field = useRef<HTMLTextAreaElement>(null);
  const shownBox = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(props.initial ?? '');
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The text a nudge was about: posting it unchanged is "anyway", anything else "revised".
  const [nudged, setNudged] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [posted, setPosted] = useState(false);
  // The rendered draft (sanitized, as every comment body is) shown in the textarea's place; null while editing.
  const [shown, setShown] = useState<string | null>(null);
  const [rendering, setRendering] = useState(false);
  // Whether Retry asks for the preview again rather than posting.
  const [previewFailed, setPreviewFailed] = useState(false);
  // Where focus goes once the preview opens or closes: only when the author toggled it, not after posting.
  const focusNext = useRef<RefObject<HTMLElement | null> | null>(null);
  useEffect(() => {
    if (props.autoFocus) field.current?.focus();
  }, []);
  useEffect(() => {
    focusNext.current?.current?.focus();
    focusNext.current = null;
  }, [shown]);
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
    setPreviewFailed(false);
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
      setShown(null);
      setPosted(true);
      const { status } = r.data.comment;
      // A rejected comment is stored and shown to its author alone, with why (see comment-item.tsx).
      setSaid(status === 'published' ? t('compose.posted') : status === 'pending' ? t('compose.held') : readerMessage(status, props.strings));
      props.onDone?.(r.data.comment);
    }
  };

  const preview = async () => {
    if (rendering || !draft.trim() || !onPreview) return;
    setRendering(true);
    // A nudge stays said: the author may be previewing their revision.
    if (error) {
      setError(null);
      setSaid('');
    }
    const r = await onPreview(draft);
    const failed = r.ok ? '' : await actionMessage(r.error.code, props.strings);
    setRendering(false);
    if (r.ok) {
      focusNext.current = shownBox;
      setShown(sanitizeHtml(r.data.html));
    } else {
      setPreviewFailed(true);
      setError(r.error);
      setSaid(failed);
    }
  };
  const edit = () => {
    focusNext.current = field;
    setShown(null);
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
      {shown === null ? (
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
      ) : (
        <div ref={shownBox} class="body preview" role="group" aria-label={t('compose.preview')} tabIndex={-1} onKeyDown={keys} dangerouslySetInnerHTML={{ __html: shown }} />
      )}
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
        {onPreview && (
          <button type="button" disabled={rendering || !draft.trim()} onClick={shown === null ? preview : edit}>
            {t(shown === null ? 'compose.preview' : 'compose.edit')}
          </button>
        )}
        <button type="submit" class="primary" disabled={posting || !draft.trim()}>
          {props.submitLabel}
        </button>
      </div>
      <p class={error ? 'status error' : nudged ? 'status notice' : 'status'} aria-live="polite">
        {said}{' '}
        {(error || nudged === draft) && !posting && (
          <button type="button" onClick={() => (error && previewFailed ? preview() : submit())}>
            {error ? translator(props.strings)('retry') : t('compose.anyway')}
          </button>
        )}
      </p>
    </form>
  );
}
