import type { CallToAction as Cta } from '../../shared/schemas/thread';

export interface CallToActionProps {
  cta: Cta;
}

/** Shown instead of a composer to guests and to members whose tier cannot comment here. */
export function CallToAction({ cta }: CallToActionProps) {
  const href = linkTarget(cta.url, document.baseURI);
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

/** A site may give a relative link ("/subscribe"): it means the host page's site. Only http(s) is followed. */
export function linkTarget(url: string, page: string): string | null {
  try {
    const target = new URL(url, page);
    return /^https?:$/.test(target.protocol) ? target.href : null;
  } catch {
    return null;
  }
}
