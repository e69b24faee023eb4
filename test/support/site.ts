// Builders for a test site: a subscription publisher with a newsletter-only tier.
import type { SiteRecord } from '../../server/store/port';
import { SiteSettings } from '../../shared/schemas/site';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const TEST_API_KEY = 'site-api-key-for-tests';
export const TEST_ORIGIN = 'https://news.example';

export function buildSite(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id: 'daily',
    name: 'The Daily Example',
    allowedOrigins: [TEST_ORIGIN],
    sso: { hs256Secret: TEST_SECRET },
    policy: {
      defaultSection: 'news',
      sectionRules: [{ section: 'newsletter', pathPrefix: '/newsletter/' }],
      tiers: { member: ['*'], newsletter: ['newsletter'] },
    },
    guidelines: 'Debate ideas, not people.',
    callsToAction: {
      guest: { text: 'Consider subscribing to join the conversation.', linkText: 'Subscribe', url: 'https://news.example/subscribe' },
      upgrade: {
        text: "You can only comment on the newsletter's articles; upgrade to join the conversation everywhere.",
        linkText: 'Upgrade',
        url: 'https://news.example/upgrade',
      },
    },
    settings: SiteSettings.parse({}),
    apiKeyHash: null,
    ...overrides,
  };
}
