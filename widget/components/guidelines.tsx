export interface GuidelinesProps {
  text: string;
}

/** The site's rules, folded by default so they do not push the conversation down. */
export function Guidelines({ text }: GuidelinesProps) {
  return (
    <details>
      <summary>Community guidelines</summary>
      <p>{text}</p>
    </details>
  );
}
