// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../widget/render/html-to-markdown';

describe('htmlToMarkdown', () => {
  it('rebuilds the Markdown an author would have typed', () => {
    const html = '<p>Hello <em>you</em> and <strong>all</strong><br>see <code>x</code></p><blockquote><p>quoted</p></blockquote><p><a href="https://a.example/x">link</a> https://b.example</p>';
    expect(htmlToMarkdown(html.replace('https://b.example', '<a href="https://b.example">https://b.example</a>'))).toBe(
      'Hello *you* and **all**\nsee `x`\n\n> quoted\n\n[link](https://a.example/x) https://b.example',
    );
  });
});
