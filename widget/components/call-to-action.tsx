import type { CallToAction as Cta } from '../../shared/schemas/thread';
import type { WidgetContext } from './context';

export interface CallToActionProps {
  cta: Cta;
  /** Given for the site's own invitations (not "sign in again"): they report being seen and clicked. */
  ctx?: WidgetContext;
}

/**
 * Shown instead of a composer: to guests, to members whose tier cannot comment here, and to
 * members whose sign-in lapsed. A second, quieter link may follow ("Already a member? Sign in").
 */
export function CallToAction({ cta, ctx }: CallToActionProps) {
  const href = linkTarget(cta.url, document.baseURI);
  const second = cta.secondary;
  const secondHref = second && linkTarget(second.url, document.baseURI);
  return (
    // The watcher is a chunk of its own, fetched only by pages that show an invitation. A ref, not
    // an effect, is the cheaper way for the first load to hand it the box: it runs on every render,
    // and the watcher counts each invitation once whatever it is handed (see cta-watch.ts).
    <div class="cta" ref={ctx && ((box) => void (box && import('./cta-watch').then((m) => m.watchCta(box, ctx), () => {})))}>
      <p>{cta.text}</p>
      {href && (
        <a class="primary" href={href}>
          {cta.linkText}
        </a>
      )}
      {secondHref && (
        <p>
          {second.prompt} <a href={secondHref}>{second.linkText}</a>
        </p>
      )}
    </div>
  );
}

/**
 * A site may give a relative link ("/subscribe"): it means the host page's site. Only http(s) is
 * followed, and no link at all (an empty url) is no link, not this page.
 */
export function linkTarget(url: string, page: string): string | null {
  try {
    const target = new URL(url, page);
    return url && /^https?:$/.test(target.protocol) ? target.href : null;
  } catch {
    return null;
  }
}
