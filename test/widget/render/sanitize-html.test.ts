// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { safeUrl, sanitizeHtml } from '../../../widget/render/sanitize-html';

describe('sanitizeHtml', () => {
  it('keeps the Markdown subset the server renders', () => {
    const html = '<p>Hi <em>a</em> <strong>b</strong> <code>c</code><br></p><blockquote><p>q</p></blockquote>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops an image with an onerror handler', () => {
    expect(sanitizeHtml('<p>x<img src=x onerror="alert(1)">y</p>')).toBe('<p>xy</p>');
  });

  it('turns javascript: and data: links into plain text', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">click</a> <a href=" JaVaScRiPt:x">b</a> <a href="data:text/html,x">c</a>')).toBe('click b c');
  });

  it('keeps web and mail links, forcing rel and target and dropping other attributes', () => {
    expect(sanitizeHtml('<a href="https://x.example/a" onclick="bad()" rel="opener" target="_self" style="x">x</a>')).toBe(
      '<a href="https://x.example/a" rel="nofollow ugc noopener" target="_blank">x</a>',
    );
    expect(sanitizeHtml('<a href="mailto:desk@news.example">mail</a>')).toContain('href="mailto:desk@news.example"');
  });

  it('removes scripts and styles with their content, even nested inside allowed tags', () => {
    expect(sanitizeHtml('<p>a<em><script>steal()</script>b</em><style>p{}</style></p><svg><script>x()</script></svg>')).toBe('<p>a<em>b</em></p>');
  });

  it('strips attributes from allowed tags and keeps the text of unknown ones', () => {
    expect(sanitizeHtml('<p class="x" style="color:red" onmouseover="x()"><span title="t">text</span><u>more</u></p>')).toBe('<p>textmore</p>');
  });

  it('returns plain server output as it is, without building a DOM for it', () => {
    const noDom = {} as Document;
    const html = '<p>Fares &amp; <em>routes</em> &gt; budget<br></p><blockquote><p>q</p></blockquote>';
    expect(sanitizeHtml(html, noDom)).toBe(html);
    // Anything else, an attribute or a comment included, is rebuilt.
    expect(() => sanitizeHtml('<p class="x">a</p>', noDom)).toThrow();
    expect(() => sanitizeHtml('<p>a</p><!-- b -->', noDom)).toThrow();
  });

  it('keeps markup-looking text escaped', () => {
    expect(sanitizeHtml('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});

describe('safeUrl', () => {
  it('accepts only http(s) and mailto', () => {
    expect(safeUrl('https://a.example')).toBe('https://a.example');
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl('vbscript:x')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});
