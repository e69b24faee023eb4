export interface GuidelinesProps {
  text: string;
  summary: string;
  /** Unfolded, above the composer; else folded so they do not push the conversation down. */
  open: boolean;
}

/** The site's rules, in a details element readers may fold or unfold either way. */
export function Guidelines({ text, summary, open }: GuidelinesProps) {
  return (
    <details open={open}>
      <summary>{summary}</summary>
      <p>{text}</p>
    </details>
  );
}
