export interface LikesProps {
  count: number;
}

/** How many liked a comment, where there is nothing to press: for guests, and on one's own comments. */
export function Likes({ count }: LikesProps) {
  return (
    <span>
      <span aria-hidden="true">♥</span> {count}
      <span class="sr"> {count === 1 ? 'like' : 'likes'}</span>
    </span>
  );
}
