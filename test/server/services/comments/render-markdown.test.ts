import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../server/services/comments/render-markdown';

describe('renderMarkdown', () => {
  it('renders emphasis, strong and inline code', () => {
    expect(renderMarkdown('*a* **b** _c_ `d < e`')).toBe('<p><em>a</em> <strong>b</strong> <em>c</em> <code>d &lt; e</code></p>');
  });

  it('renders paragraphs and single line breaks', () => {
    expect(renderMarkdown('one\ntwo\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<p>three</p>');
  });

  it('renders block quotes', () => {
    expect(renderMarkdown('> quoted\n\nreply')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>reply</p>');
  });

  it('marks links nofollow ugc noopener and opens them in a new tab', () => {
    const html = renderMarkdown('[the report](https://example.org/report) and https://example.com/x');
    expect(html).toContain('<a href="https://example.org/report" rel="nofollow ugc noopener" target="_blank">the report</a>');
    expect(html).toContain('<a href="https://example.com/x" rel="nofollow ugc noopener" target="_blank">https://example.com/x</a>');
  });

  it('does not link javascript:, vbscript: or data: URLs', () => {
    for (const src of ['[x](javascript:alert(1))', '[x](JAVASCRIPT:alert(1))', '[x](java\tscript:alert(1))', '[x](vbscript:msgbox)', '[x](data:text/html;base64,PHNjcmlwdD4=)']) {
      const html = renderMarkdown(src);
      expect(html, src).not.toContain('<a');
      expect(html, src).not.toMatch(/href=/i);
    }
  });

  it('escapes raw HTML instead of passing it through', () => {
    const img = renderMarkdown('<img src=x onerror=alert(1)>');
    expect(img).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    const script = renderMarkdown('<script>alert(1)</script>');
    expect(script).not.toContain('<script');
    expect(script).toContain('&lt;script&gt;');
    expect(renderMarkdown('[x](https://a.example/"onmouseover="alert(1))')).not.toMatch(/"\s*onmouseover=/);
  });

  it('does not render headings, lists, images, tables or code blocks as such', () => {
    const html = renderMarkdown('# Heading\n\n- item\n\n1. first\n\n![alt](https://example.org/a.png)\n\n| a | b |\n|---|---|\n\n```\ncode\n```');
    for (const tag of ['<h1', '<ul', '<ol', '<li', '<img', '<table', '<pre']) expect(html, tag).not.toContain(tag);
    expect(html).toContain('# Heading');
    expect(html).toContain('- item');
  });
});
