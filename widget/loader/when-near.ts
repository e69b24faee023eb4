// When embed.js mounts the widget (data-load): near the viewport by default, so readers who never
// scroll that far cost no thread request and no rendering; at once ("eager"); or on a click
// ("click", see show-button.ts). Meanwhile the container holds data-min-height (default: the
// viewport's height), released once the thread has rendered (see app.tsx), so what follows it
// does not jump. A viewport, because a reader sent straight to the comments at the article's end
// would otherwise see the footer pushed off the screen by any thread taller than the hold.
import { showButton } from './show-button';

export function whenWanted(el: HTMLElement, script: HTMLScriptElement, mount: () => void): void {
  const { load, minHeight = innerHeight } = script.dataset;
  const reserve = () => (el.style.minHeight = `${minHeight}px`);
  if (load == 'click') return showButton(el, () => (reserve(), mount()));
  reserve();
  // A link to one of its comments needs the thread now. Otherwise the observer's first answer says
  // at once whether the container is within a viewport's height of the screen already. (Every
  // browser that runs this file's syntax has IntersectionObserver.)
  if (load == 'eager' || /^#comment-/.test(location.hash)) return mount();
  const watch = new IntersectionObserver(([entry]) => entry.isIntersecting && (watch.disconnect(), mount()), { rootMargin: '100%' });
  watch.observe(el);
}
