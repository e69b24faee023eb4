import { useMemo } from 'preact/hooks';
import type { Reason } from '../../../shared/schemas/moderation-settings';
import { segmentBody } from '../model/spans';

export interface HighlightedTextProps {
  /** The comment's Markdown source, shown as plain text. */
  body: string;
  reasons: Reason[];
}

/** The body as text nodes, with what the rules matched in <mark>s titled with their messages. */
export function HighlightedText({ body, reasons }: HighlightedTextProps) {
  const segments = useMemo(() => segmentBody(body, reasons), [body, reasons]);
  return (
    <p class="body">
      {segments.map((s) =>
        s.notes.length ? (
          <mark key={s.start} title={s.notes.join('; ')}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}
