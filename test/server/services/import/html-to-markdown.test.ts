// Comment HTML from another system in Parley's Markdown subset: what the subset has is kept,
// what it lacks becomes text, and nothing unsafe survives the renderer posting uses.
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../../server/services/import/html-to-markdown';
import { renderMarkdown } from '../../../../server/services/comments/render-markdown';

const rendered = (html: string, newlines?: 'html' | 'text') => renderMarkdown(htmlToMarkdown(html, { newlines }));

describe('htmlToMarkdown', () => {
  it('keeps emphasis, links, quotes and inline code, and escapes Markdown in the text', () => {
    expect(htmlToMarkdown('<p>a <b>b</b> <i>c</i> <a href="https://x.example/a(b) c">d</a> <code>e*f</code></p>')).toBe('a **b** *c* [d](https://x.example/a%28b%29%20c) `e*f`');
    expect(htmlToMarkdown('<p>*not* _emphasis_ [nor] a `tick` or \\ slash</p>')).toBe('\\*not\\* \\_emphasis\\_ \\[nor\\] a \\`tick\\` or \\\\ slash');
    expect(htmlToMarkdown('<blockquote><p>one</p><p>two</p></blockquote>&gt; not a quote')).toBe('> one\n>\n> two\n\n\\> not a quote');
  });

  it('turns lists into lines, headings into bold lines and code blocks into code lines', () => {
    expect(htmlToMarkdown('<h2>Title</h2><ol><li>one</li><li>two <ul><li>inner</li></ul></li></ol><pre>a  b\nc`d</pre>')).toBe(
      '**Title**\n\n1. one\n2. two\n- inner\n\n`a  b`\n``c`d``',
    );
  });

  it('decodes entities once: an escaped entity stays visible as written', () => {
    expect(rendered('<p>&amp;amp; &lt;b&gt; caf&eacute; &#128512;</p>')).toBe('<p>&amp;amp; &lt;b&gt; café 😀</p>');
  });

  it('drops scripts, styles and unsafe links, and closes what the HTML left open', () => {
    expect(rendered('<script>alert(1)</script><style>p{}</style><a href="javascript:alert(1)">x</a> <img src="data:x" onerror="y"> <b>open <i>both')).toBe(
      '<p>x <strong>open <em>both</em></strong></p>',
    );
    expect(rendered('<img src="https://img.example/p.png" alt="A harbour">')).toContain('<a href="https://img.example/p.png" rel="nofollow ugc noopener" target="_blank">A harbour</a>');
  });

  it('reads WordPress text: blank lines are paragraphs, line breaks are breaks', () => {
    expect(rendered('One\nline two\n\n\nThree', 'text')).toBe('<p>One<br>\nline two</p>\n<p>Three</p>');
    expect(rendered('One\nline two', 'html')).toBe('<p>One line two</p>');
  });
});
