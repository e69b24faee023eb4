// The comment Markdown subset: paragraphs, line breaks, emphasis, links, block quotes and
// inline code. markdown-it's "zero" preset with raw HTML off escapes everything else, and its
// link validator refuses javascript:, vbscript:, file: and non-image data: URLs.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable(['paragraph', 'newline', 'emphasis', 'link', 'linkify', 'blockquote', 'backticks', 'escape', 'entity']);

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  token.attrSet('rel', 'nofollow ugc noopener');
  token.attrSet('target', '_blank');
  return self.renderToken(tokens, idx, options);
};

export function renderMarkdown(source: string): string {
  return md.render(source).trim();
}
