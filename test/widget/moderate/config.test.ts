// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readModerateConfig } from '../../../widget/moderate/config';

describe('readModerateConfig', () => {
  it('reads the site from ?site= and the API origin from where the script came from', () => {
    window.history.replaceState(null, '', '/moderate?site=daily');
    const el = document.createElement('div');
    const config = readModerateConfig(el, document, 'https://comments.example/moderate.js');
    expect(config).toMatchObject({ site: 'daily', api: 'https://comments.example' });
    expect(config.getToken).toBeUndefined();
  });

  it('takes data-site, data-api and data-get-token from the container, calling the named global when asked', async () => {
    window.history.replaceState(null, '', '/admin');
    const el = document.createElement('div');
    el.dataset.site = 'weekly';
    el.dataset.api = 'https://api.example/parley';
    el.dataset.getToken = 'demo.token';
    (window as any).demo = { token: async () => 'jwt-123' };
    const config = readModerateConfig(el, document, 'https://cdn.example/moderate.js');
    expect(config).toMatchObject({ site: 'weekly', api: 'https://api.example/parley' });
    expect(await config.getToken?.()).toBe('jwt-123');
  });

  it('takes how often to look for new comments from data-poll-seconds, ignoring what is not a positive number', () => {
    const el = document.createElement('div');
    el.dataset.pollSeconds = '5';
    expect(readModerateConfig(el, document, 'https://cdn.example/moderate.js').pollMs).toBe(5000);
    for (const bad of ['0', '-3', 'soon']) {
      el.dataset.pollSeconds = bad;
      expect(readModerateConfig(el, document, 'https://cdn.example/moderate.js').pollMs).toBeUndefined();
    }
  });
});
