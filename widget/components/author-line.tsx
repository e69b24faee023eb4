import { useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';

export interface AuthorLineProps {
  author: NonNullable<CommentView['author']>;
  /** Id of the name, which names the comment for screen readers. */
  nameId: string;
}

const ROLE_LABELS: Record<string, string> = { moderator: 'Moderator', admin: 'Staff' };

/**
 * The picture the publisher's token names, else (or when it fails to load) initials on a colour of
 * the author's own (the same on every page; dark enough for white text at any hue, 5.3:1 or more);
 * the name, and badges: staff apart from membership ones.
 */
export function AuthorLine({ author, nameId }: AuthorLineProps) {
  // The URL that failed, so a new picture gets its own chance.
  const [broken, setBroken] = useState<string | null>(null);
  const src = author.avatarUrl;
  const initials = author.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0])
    .join('')
    .toUpperCase();
  const hue = [...author.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);
  const role = ROLE_LABELS[author.role];
  return (
    <>
      {src && src != broken ? (
        // Decorative beside the name; sent without the page's address, loaded only when in view.
        <img class="avatar" src={src} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" width={32} height={32} onError={() => setBroken(src)} />
      ) : (
        <span class="avatar" aria-hidden="true" style={{ background: `hsl(${hue} 45% 30%)` }}>
          {initials}
        </span>
      )}
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
