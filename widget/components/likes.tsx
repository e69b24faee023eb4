import type { Translate } from '../../shared/strings';

export interface LikesProps {
  count: number;
  t: Translate;
}

/** How many liked a comment, where there is nothing to press: for guests, and on one's own comments. */
export function Likes({ count, t }: LikesProps) {
  return (
    <span>
      <span aria-hidden="true">♥ {count}</span>
      <span class="sr">{t(count === 1 ? 'likes.one' : 'likes.other', { n: count })}</span>
    </span>
  );
}
