import type { CallToAction as Cta } from '../../shared/schemas/thread';
import { safeUrl } from '../render/sanitize-html';

export interface CallToActionProps {
  cta: Cta;
}

/** Shown instead of a composer to guests and to members whose tier cannot comment here. */
export function CallToAction({ cta }: CallToActionProps) {
  const href = safeUrl(cta.url);
  return (
    <div class="cta">
      <p>{cta.text}</p>
      {href && (
        <a class="primary" href={href}>
          {cta.linkText}
        </a>
      )}
    </div>
  );
}
