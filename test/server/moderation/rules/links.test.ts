import { describe, expect, it } from 'vitest';
import { links } from '../../../../server/moderation/rules/links';
import { draft, moderationContext, spanTexts } from '../../../support/moderation-context';

const linkSettings = (overrides: object) => moderationContext({ settings: { rules: { links: overrides } } });

describe('links', () => {
  it('counts inline links, autolinks, bare URLs and bare domains, and marks each', () => {
    const body = 'See [the report](https://a.example.org/r), <https://b.com/x>, https://c.net/y. and d.io';
    const result = links.check(draft(body), linkSettings({ maxLinks: 3 }));
    expect(result?.status).toBe('pending');
    expect(result?.reasons?.[0].message).toBe('Contains 4 links; this site allows 3 without review');
    expect(spanTexts(body, result?.reasons)).toEqual(['https://a.example.org/r', 'https://b.com/x', 'https://c.net/y', 'd.io']);
  });

  it('allows up to the maximum', () => {
    expect(links.check(draft('https://a.com https://b.com https://c.com'), linkSettings({ maxLinks: 3 }))).toBeUndefined();
  });

  it('rejects instead when the site chose reject', () => {
    expect(links.check(draft('one https://a.com'), linkSettings({ maxLinks: 0, action: 'reject' }))?.status).toBe('rejected');
  });

  it('does not count links to the site’s allowed domains or their subdomains', () => {
    const body = 'https://news.example.com/a https://example.com/b https://c.com';
    expect(links.check(draft(body), linkSettings({ maxLinks: 1, allowDomains: ['example.com'] }))).toBeUndefined();
  });

  it('rejects a link to a blocked domain or its subdomains, whatever the count', () => {
    const body = 'Cheap pills at [this shop](https://www.Spam.biz/buy) and spam.biz';
    const result = links.check(draft(body), linkSettings({ maxLinks: 10, denyDomains: ['spam.biz'] }));
    expect(result?.status).toBe('rejected');
    expect(result?.reasons?.[0].message).toBe('Links to the blocked site “spam.biz”');
    expect(spanTexts(body, result?.reasons)).toEqual(['https://www.Spam.biz/buy', 'spam.biz']);
  });

  it('sees the real host behind a user name in the URL', () => {
    const result = links.check(draft('https://trusted.com@spam.biz/x'), linkSettings({ denyDomains: ['spam.biz'] }));
    expect(result?.status).toBe('rejected');
  });

  it('does not mistake a blocked domain’s look-alike for it', () => {
    expect(links.check(draft('https://notspam.biz'), linkSettings({ denyDomains: ['spam.biz'] }))).toBeUndefined();
  });

  it('does not read abbreviations, file names or missing spaces as links', () => {
    const body = 'E.g. the U.S. budget, i.e. report.pdf and node.js, was 3.14 bn. It ended.It was fine.';
    expect(links.check(draft(body), linkSettings({ maxLinks: 0 }))).toBeUndefined();
  });

  it('does nothing when switched off', () => {
    expect(links.check(draft('https://spam.biz'), linkSettings({ enabled: false, maxLinks: 0, denyDomains: ['spam.biz'] }))).toBeUndefined();
  });
});
