// The people you can be in the demo. Their tokens are signed by the demo publisher below,
// exactly as a real membership system would sign them; Parley only verifies.
/** The demo publisher's membership tiers: full members comment anywhere, newsletter readers on its articles only. */
export const TIERS = { member: 'member', newsletter: 'newsletter' } as const;

export interface DemoPersona {
  id: string;
  label: string;
  claims: { sub: string; name: string; tier: string; role: 'member' | 'moderator' | 'admin'; badges: string[] } | null;
}

export const PERSONAS: DemoPersona[] = [
  { id: 'guest', label: 'Guest (signed out)', claims: null },
  { id: 'nell', label: 'Nell — newsletter tier', claims: { sub: 'demo-nell', name: 'Nell Novak', tier: TIERS.newsletter, role: 'member', badges: [] } },
  { id: 'alice', label: 'Alice — full member', claims: { sub: 'demo-alice', name: 'Alice Archer', tier: TIERS.member, role: 'member', badges: ['Subscriber since 2019'] } },
  { id: 'morgan', label: 'Morgan — moderator', claims: { sub: 'demo-morgan', name: 'Morgan Reyes', tier: TIERS.member, role: 'moderator', badges: ['Staff'] } },
];

/** Where the demo's readers sign in: the publisher's own page, named by its invitations and the thread view. */
export const SIGN_IN_PATH = '/signin';

export function personaById(id: string | undefined): DemoPersona {
  return PERSONAS.find((p) => p.id === id) ?? PERSONAS[0];
}
