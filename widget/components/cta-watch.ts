// Reports a call to action (the guest invitation, a tier's upgrade message) to the site's
// statistics: seen once per page view, when it is first on screen, and each click on its link.
// Loaded on demand, so a page without an invitation never fetches it.
//
// Sent with navigator.sendBeacon, so a click that navigates away still gets there. A beacon
// carries no headers, so the reader's token rides in the body; and its body goes as text/plain:
// an application/json Blob would make it a CORS request with a preflight, which the page's
// unloading may cancel. The server reads the text as JSON (server/routes/cta-events.ts).
import { ctaEventsPath } from '../../shared/api-paths';
import type { CtaEventBody } from '../../shared/schemas/cta-events';
import type { ApiClient } from '../api/client';
import type { WidgetContext } from './context';

type Sighting = Pick<CtaEventBody, 'threadId' | 'kind'> & { client: ApiClient };

// Invitations already reported seen, per widget (its client), so two widgets on one page count
// apart and a widget that draws its invitation again does not count it twice.
const seenBy = new WeakMap<ApiClient, Set<string>>();
// What each invitation's box shows now: Preact may reuse the element for another invitation.
const showing = new WeakMap<Element, Sighting>();

/** Starts watching the invitation drawn in `box` for the thread in `ctx`. */
export function watchCta(box: HTMLElement, { client, state }: WidgetContext): void {
  const view = state.view;
  if (!view) return;
  const sighting: Sighting = { client, threadId: view.thread.id, kind: view.viewer.signedIn ? 'upgrade' : 'guest' };
  if (!showing.has(box)) {
    box.addEventListener('click', (e) => {
      const now = showing.get(box);
      if (now && (e.target as Element).closest?.('a.primary')) report(now, 'click');
    });
  }
  showing.set(box, sighting);

  const seen = seenBy.get(client) ?? new Set<string>();
  seenBy.set(client, seen);
  const key = `${sighting.threadId} ${sighting.kind}`;
  if (seen.has(key) || typeof IntersectionObserver != 'function') return;
  const observer = new IntersectionObserver((entries) => {
    // Gone from the page, or the box now shows another invitation: this one is not watched any more.
    if (!box.isConnected || showing.get(box) !== sighting || seen.has(key)) return observer.disconnect();
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.add(key);
    observer.disconnect();
    report(sighting, 'impression');
  });
  observer.observe(box);
}

function report({ client, threadId, kind }: Sighting, event: CtaEventBody['event']): void {
  void client.bearer().then((token) => {
    const body: CtaEventBody = { threadId, kind, event, ...(token ? { token } : {}) };
    // As api/request.ts apiUrl joins them (without a query); importing it would cost the first load an export.
    send(client.api.replace(/\/+$/, '') + ctaEventsPath(client.site), JSON.stringify(body));
  });
}

function send(url: string, body: string): void {
  // sendBeacon says false when it could not queue the request (too large, or not allowed here).
  if (navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) return;
  // keepalive lets the request outlive the page too; a string body is sent as text/plain.
  fetch(url, { method: 'POST', body, keepalive: true }).catch(() => {});
}
