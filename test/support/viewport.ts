// Stands in for the browser's IntersectionObserver in happy-dom (whose own never answers): the
// test says when the observed elements come near, as Chromium's first answer would for a
// container already in view.
import { vi } from 'vitest';

export interface FakeViewport {
  /** The elements observed and not yet let go of. */
  observed: Element[];
  /** The rootMargin each observer was made with. */
  margins: (string | undefined)[];
  /** Reports `el` as intersecting (or not) to the observers watching it. */
  scrollNear(el: Element, near?: boolean): void;
}

export function fakeViewport(options: { allNear?: boolean } = {}): FakeViewport {
  const watching = new Map<Element, IntersectionObserverCallback>();
  const viewport: FakeViewport = {
    get observed() {
      return [...watching.keys()];
    },
    margins: [],
    scrollNear(el, near = true) {
      const callback = watching.get(el);
      callback?.([{ target: el, isIntersecting: near } as IntersectionObserverEntry], {} as IntersectionObserver);
    },
  };
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private els: Element[] = [];
      constructor(
        private callback: IntersectionObserverCallback,
        init?: IntersectionObserverInit,
      ) {
        viewport.margins.push(init?.rootMargin);
      }
      observe(el: Element) {
        this.els.push(el);
        watching.set(el, this.callback);
        if (options.allNear) queueMicrotask(() => viewport.scrollNear(el));
      }
      disconnect() {
        for (const el of this.els) watching.delete(el);
      }
    },
  );
  return viewport;
}
