// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findContainer, readConfig } from '../../../widget/loader/read-config';

// A type the test DOM will not try to fetch and run; the loader only reads src and data-*.
function script(attrs: Record<string, string>): HTMLScriptElement {
  const s = document.createElement('script');
  s.type = 'text/x-test';
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  document.body.append(s);
  return s;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('readConfig', () => {
  it('takes the API origin from its own src and the page from the canonical link, without the fragment', () => {
    document.head.innerHTML = '<link rel="canonical" href="https://news.example/2026/story#top">';
    const config = readConfig(script({ src: 'https://comments.example/embed.js', 'data-site': 'daily', 'data-theme': 'dark' }), document);
    expect(config).toMatchObject({ api: 'https://comments.example', site: 'daily', url: 'https://news.example/2026/story', theme: 'dark' });
  });

  it('lets data attributes override the API, URL, page id, title and token, and never sends a section', () => {
    const config = readConfig(
      script({
        src: 'https://cdn.example/embed.js',
        'data-site': 'daily',
        'data-api': 'https://api.example',
        'data-url': 'https://news.example/a',
        'data-page-id': 'story-42',
        'data-title': 'A story',
        'data-token': 'jwt',
        'data-section': 'politics',
      }),
      document,
    );
    expect(config).toMatchObject({ api: 'https://api.example', url: 'https://news.example/a', pageId: 'story-42', title: 'A story', token: 'jwt' });
    expect(JSON.stringify(config)).not.toContain('politics');
  });

  it('reads whether to show new comments live and how often to ask', () => {
    expect(readConfig(script({ src: 'https://c.example/embed.js', 'data-site': 'd' }), document)).toMatchObject({ live: undefined, pollSeconds: undefined });
    const config = readConfig(script({ src: 'https://c.example/embed.js', 'data-site': 'd', 'data-live': 'off', 'data-poll-seconds': '5' }), document);
    expect(config).toMatchObject({ live: 'off', pollSeconds: 5 });
  });

  it('looks the named token function up on window each time it is needed', async () => {
    const config = readConfig(script({ src: 'https://c.example/embed.js', 'data-site': 'd', 'data-get-token': 'auth.token' }), document);
    const w = window as unknown as { auth?: { n: number; token(): Promise<string> } };
    w.auth = { n: 0, async token() { return `t${++this.n}`; } };
    expect(await config.getToken?.()).toBe('t1');
    expect(await config.getToken?.()).toBe('t2');
    delete w.auth;
    expect(await config.getToken?.()).toBeNull();
  });
});

describe('findContainer', () => {
  it('uses #parley-comments, a data-container selector, or creates one after the script', () => {
    document.body.innerHTML = '<div id="parley-comments"></div><section class="talk"></section>';
    const s = script({ src: 'https://c.example/embed.js' });
    expect(findContainer(s, document).id).toBe('parley-comments');
    s.dataset.container = '.talk';
    expect(findContainer(s, document).className).toBe('talk');
    document.body.innerHTML = '';
    const t = script({ src: 'https://c.example/embed.js' });
    expect(findContainer(t, document)).toBe(t.nextElementSibling);
  });
});
