// Comments arrive as HTML only, so editing starts from Markdown rebuilt from it. Covers the
// server's subset; anything else is kept as its text.
function walk(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  const inner = Array.from(node.childNodes, walk).join('');
  const el = node as Element;
  switch (node.nodeType === 1 ? el.localName : '') {
    case 'p':
      return `${inner.trim()}\n\n`;
    case 'br':
      return '\n';
    case 'em':
      return `*${inner}*`;
    case 'strong':
      return `**${inner}**`;
    case 'code':
      return `\`${inner}\``;
    case 'blockquote':
      return `${inner.trim().replace(/^/gm, '> ')}\n\n`;
    case 'a': {
      const href = el.getAttribute('href') ?? '';
      // Bare links were linkified by the server and will be again.
      return href === inner || href.endsWith(`//${inner}`) ? inner : `[${inner}](${href})`;
    }
    default:
      return inner;
  }
}

export function htmlToMarkdown(html: string, doc: Document = document): string {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return walk(template.content).replace(/\n{3,}/g, '\n\n').trim();
}
