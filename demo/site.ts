// The demo publisher's Parley site: its policy, texts and secrets. Secrets are made on first
// start and kept in data/demo-secrets.json, never in the repository.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SiteRecord } from '../server/store/port';
import { SiteSettings } from '../shared/schemas/site';
import { sha256Hex } from '../server/services/sha256';
import { SIGN_IN_PATH, TIERS } from './personas';

export const DEMO_SITE_ID = 'demo';

export interface DemoSecrets {
  hs256Secret: string;
  apiKey: string;
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function loadOrCreateSecrets(path: string): DemoSecrets {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DemoSecrets;
  const secrets = { hs256Secret: randomHex(32), apiKey: 'demo_' + randomHex(16) };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function demoSite(origins: string[], secrets: DemoSecrets): Promise<SiteRecord> {
  return {
    id: DEMO_SITE_ID,
    name: 'The Daily Example',
    allowedOrigins: origins,
    sso: { hs256Secret: secrets.hs256Secret },
    policy: {
      defaultSection: 'news',
      sectionRules: [{ section: 'newsletter', pathPrefix: '/newsletter/' }],
      tiers: { [TIERS.member]: ['*'], [TIERS.newsletter]: ['newsletter'] },
    },
    guidelines:
      'We welcome genuine debate, including sharp criticism of ideas. Personal attacks on fellow members, and comments meant to stoke fear and anger, may be moderated.',
    callsToAction: {
      guest: {
        text: 'Consider subscribing to join the conversation.',
        linkText: 'Subscribe',
        url: `${origins[0]}/subscribe`,
        secondary: { prompt: 'Already a member?', linkText: 'Sign in', url: SIGN_IN_PATH },
      },
      upgrade: {
        text: 'Your membership does not include commenting here; upgrade to join the conversation.',
        linkText: 'Upgrade your membership',
        url: `${origins[0]}/subscribe`,
      },
      upgradeByTier: {
        [TIERS.newsletter]: {
          text: "You can only comment on the newsletter's articles; upgrade to join the conversation everywhere.",
          linkText: 'Upgrade your membership',
          url: `${origins[0]}/subscribe`,
        },
      },
    },
    // Relative: the reader signs in on whichever of the demo's addresses they are reading.
    settings: SiteSettings.parse({
      signInUrl: SIGN_IN_PATH,
      // Reply notices go to the demo's mailbox; so do the moderators' alerts once three comments wait.
      mail: { from: 'comments@daily.example', moderatorEmails: ['moderators@daily.example'], queueAlert: { pending: 3 }, dashboardUrl: `${origins[0]}/demo/moderate`, replyNoticeMinutes: 1 },
    }),
    apiKeyHash: await sha256Hex(secrets.apiKey),
  };
}
