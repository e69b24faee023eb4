import type { CommentView } from '../../shared/schemas/comment';
import type { Translate } from '../../shared/strings';

export interface AuthorLineProps {
  author: NonNullable<CommentView['author']>;
  /** Id of the name, which names the comment for screen readers. */
  nameId: string;
  t: Translate;
}

/**
 * Initials on a colour of the author's own (the same on every page; dark enough for white text at
 * any hue, 5.3:1 or more), covered by the picture the publisher's token names, if any, until it
 * fails to load; the name, and badges: staff apart from membership ones.
 */
export function AuthorLine({ author, nameId, t }: AuthorLineProps) {
  const src = author.avatarUrl;
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
        {src && (
          // Decorative beside the name; sent without the page's address, loaded only when in view.
          // Keyed by its URL, so a new picture gets its own chance after one failed and was hidden.
          <img key={src} src={src} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" width={32} height={32} onError={(e) => (e.currentTarget.hidden = true)} />
        )}
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
