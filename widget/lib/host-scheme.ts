// What a site's theme 'auto' means on the page the widget is embedded in: the colour scheme the
// host page declares for itself, so a light page gets a light widget whatever the reader prefers.

/**
 * The host's root color-scheme, else its `<meta name="color-scheme">`: light unless it declares
 * dark; 'auto' (follow the reader's prefers-color-scheme) when it declares both.
 */
export function hostScheme(doc: Document): 'light' | 'dark' | 'auto' {
  const css = doc.defaultView?.getComputedStyle(doc.documentElement).colorScheme;
  const declared = css && css != 'normal' ? css : (doc.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '');
  return /dark/.test(declared) ? (/light/.test(declared) ? 'auto' : 'dark') : 'light';
}
