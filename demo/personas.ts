// The people you can be in the demo. Their tokens are signed by the demo publisher below,
// exactly as a real membership system would sign them; Parley only verifies.
/** The demo publisher's membership tiers: full members comment anywhere, newsletter readers on its articles only. */
export const TIERS = { member: 'member', newsletter: 'newsletter' } as const;

export interface DemoPersona {
  id: string;
  label: string;
  claims: { sub: string; name: string; tier: string; role: 'member' | 'moderator' | 'admin'; badges: string[]; email: string } | null;
  /** A picture the demo serves itself (see routes.ts), named in the token's avatar claim. */
  avatar?: { path: string; svg: string };
}

// A drawn face rather than a photo: small enough to inline, and nobody's likeness.
const ALICE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#2f5d62"/>' +
  '<circle cx="32" cy="26" r="12" fill="#f2c6a0"/><path d="M10 64c2-14 11-22 22-22s20 8 22 22z" fill="#e9a03b"/>' +
  '<path d="M19 25c0-9 6-15 13-15s13 6 13 15c-4-5-9-7-13-7s-9 2-13 7z" fill="#5b3a29"/></svg>';

export const PERSONAS: DemoPersona[] = [
  { id: 'guest', label: 'Guest (signed out)', claims: null },
  { id: 'nell', label: 'Nell — newsletter tier', claims: { sub: 'demo-nell', name: 'Nell Novak', tier: TIERS.newsletter, role: 'member', badges: [], email: 'nell@members.example' } },
  { id: 'alice', label: 'Alice — full member', claims: { sub: 'demo-alice', name: 'Alice Archer', tier: TIERS.member, role: 'member', badges: ['Subscriber since 2019'], email: 'alice@members.example' }, avatar: { path: '/avatars/alice.svg', svg: ALICE_SVG } },
  { id: 'morgan', label: 'Morgan — moderator', claims: { sub: 'demo-morgan', name: 'Morgan Reyes', tier: TIERS.member, role: 'moderator', badges: ['Staff'], email: 'morgan@daily.example' } },
];

/** Where the demo's readers sign in: the publisher's own page, named by its invitations and the thread view. */
export const SIGN_IN_PATH = '/signin';

/** The token's avatar claim for a persona: an absolute URL on the demo's own origin. */
export function avatarClaim(persona: DemoPersona, origin: string): { avatar?: string } {
  return persona.avatar ? { avatar: origin + persona.avatar.path } : {};
}

export function personaById(id: string | undefined): DemoPersona {
  return PERSONAS.find((p) => p.id === id) ?? PERSONAS[0];
}
