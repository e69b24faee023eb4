export interface NewerBannerProps {
  /** Comments that came in under the list's filters since it was read. */
  count: number;
  onShow(): void;
}

/** "3 new comments — Show": what came in waits here; the list never changes under the moderator's eyes. */
export function NewerBanner({ count, onShow }: NewerBannerProps) {
  return (
    <div class="newer-banner" role="status">
      {count > 0 && (
        <>
          <span>{count === 1 ? '1 new comment' : `${count} new comments`}</span> —{' '}
          <button type="button" class="link" onClick={onShow}>
            Show
          </button>
        </>
      )}
    </div>
  );
}
