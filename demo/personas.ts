// The people you can be in the demo. Their tokens are signed by the demo publisher below,
// exactly as a real membership system would sign them; Parley only verifies.
export interface DemoPersona {
  id: string;
  label: string;
  claims: { sub: string; name: string; tier: string; role: 'member' | 'moderator' | 'admin'; badges: string[] } | null;
}

export const PERSONAS: DemoPersona[] = [
  { id: 'guest', label: 'Guest (signed out)', claims: null },
  { id: 'nell', label: 'Nell — newsletter tier', claims: { sub: 'demo-nell', name: 'Nell Novak', tier: 'newsletter', role: 'member', badges: [] } },
  { id: 'alice', label: 'Alice — full member', claims: { sub: 'demo-alice', name: 'Alice Archer', tier: 'member', role: 'member', badges: ['Subscriber since 2019'] } },
  { id: 'morgan', label: 'Morgan — moderator', claims: { sub: 'demo-morgan', name: 'Morgan Reyes', tier: 'member', role: 'moderator', badges: ['Staff'] } },
];

export function personaById(id: string | undefined): DemoPersona {
  return PERSONAS.find((p) => p.id === id) ?? PERSONAS[0];
}
