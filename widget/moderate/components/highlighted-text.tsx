import { useMemo } from 'preact/hooks';
import type { Reason } from '../../../shared/schemas/moderation-settings';
import { segmentBody } from '../model/spans';
import { SEARCH_NOTE, searchReason, searchSpans } from '../model/search-spans';

export interface HighlightedTextProps {
  /** The comment's Markdown source, shown as plain text. */
  body: string;
  reasons: Reason[];
  /** The queue search's words (folded), whose matches are marked too. */
  search?: string[];
}

/** The body as text nodes, with what the rules matched in <mark>s titled with their messages, and the search's matches. */
export function HighlightedText({ body, reasons, search }: HighlightedTextProps) {
  const segments = useMemo(() => {
    const found = search?.length ? searchReason(body, search) : null;
    return segmentBody(body, found ? [...reasons, found] : reasons);
  }, [body, reasons, search]);
  return (
    <p class="body">
      {segments.map((s) =>
        s.notes.length ? (
          <mark key={s.start} class={s.notes.includes(SEARCH_NOTE) ? 'hit' : undefined} title={s.notes.join('; ')}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}

export interface SearchedTextProps {
  text: string;
  search?: string[];
}

/** A short text (an author's name) with the search's matches marked. */
export function SearchedText({ text, search }: SearchedTextProps) {
  const spans = search?.length ? searchSpans(text, search) : [];
  if (spans.length === 0) return <>{text}</>;
  const segments = segmentBody(text, [{ ruleId: 'search', message: SEARCH_NOTE, spans }]);
  return (
    <>
      {segments.map((s) =>
        s.notes.length ? (
          <mark key={s.start} class="hit">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
