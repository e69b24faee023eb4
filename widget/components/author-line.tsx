import type { CommentView } from '../../shared/schemas/comment';
import type { Translate } from '../../shared/strings';

export interface AuthorLineProps {
  author: NonNullable<CommentView['author']>;
  /** Id of the name, which names the comment for screen readers. */
  nameId: string;
  t: Translate;
}


/** Initials on a colour of the author's own (the same on every page; dark enough for white text at any hue, 5.3:1 or more), the name, and badges: staff apart from membership ones. */
export function AuthorLine({ author, nameId, t }: AuthorLineProps) {
  const initials = author.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0])
    .join('')
    .toUpperCase();
  const hue = [...author.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);
  const role = author.role != 'member' && t(`role.${author.role}`);
  return (
    <>
      <span class="avatar" aria-hidden="true" style={{ background: `hsl(${hue} 45% 30%)` }}>
        {initials}
      </span>
      <strong class="author" id={nameId}>
        {author.name}
      </strong>
      {role && <span class="badge staff">{role}</span>}
      {author.badges.map((b) => (
        <span class="badge" key={b}>
          {b}
        </span>
      ))}
    </>
  );
}
