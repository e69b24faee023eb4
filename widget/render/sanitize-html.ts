// The server renders comment Markdown to a small HTML subset, but the widget trusts no HTML:
// it rebuilds a fresh tree holding only allowed tags, only safe hrefs, and plain text.
const ALLOWED = new Set(['p', 'br', 'em', 'strong', 'a', 'blockquote', 'code']);
// Their content is not reader text: drop it rather than show it.
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'textarea', 'title', 'xmp', 'noembed']);

/** Only web and mail links; javascript:, data: and relative URLs are refused. */
export function safeUrl(href: string | null | undefined): string | null {
  const url = href?.trim();
  return url && /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

function rebuild(from: Node, to: Node, doc: Document): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === 3) {
      to.appendChild(doc.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== 1) continue; // comments, processing instructions
    const name = (node as Element).localName.toLowerCase();
    if (DROPPED.has(name)) continue;
    const href = name === 'a' ? safeUrl((node as Element).getAttribute('href')) : null;
    // Unknown elements (and links without a safe target) keep their text, not themselves.
    if (!ALLOWED.has(name) || (name === 'a' && !href)) {
      rebuild(node, to, doc);
      continue;
    }
    const el = doc.createElement(name);
    if (href) {
      el.setAttribute('href', href);
      el.setAttribute('rel', 'nofollow ugc noopener');
      el.setAttribute('target', '_blank');
    }
    rebuild(node, el, doc);
    to.appendChild(el);
  }
}

/**
 * What the server's Markdown renderer writes for most comments: allowed tags without attributes,
 * and text without a "<". Such HTML is already what rebuild() would make of it, so it is kept
 * as it is: a thread's first render skips a parse, a rebuild and a serialisation per comment.
 */
const PLAIN = /^(?:[^<]|<\/?(?:p|br|em|strong|blockquote|code)>)*$/;

export function sanitizeHtml(html: string, doc: Document = document): string {
  if (PLAIN.test(html)) return html;
  // <template> parses without running scripts or loading images.
  const template = doc.createElement('template');
  template.innerHTML = html;
  const out = doc.createElement('div');
  rebuild(template.content, out, doc);
  return out.innerHTML;
}
