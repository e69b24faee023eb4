// Seeds the demo site on every start (so its origins follow the port) and, on first start,
// a few comments so the article does not open empty.
import type { Store } from '../server/store/port';
import type { ServiceDeps } from '../server/services/deps';
import { newId } from '../server/services/ids';
import { nodeOutbound } from '../server/runtime/node-outbound';
import { openThread } from '../server/services/threads/open-thread';
import { createComment } from '../server/services/comments/create-comment';
import { ARTICLES } from './articles';
import { avatarClaim, PERSONAS } from './personas';
import { demoSite, type DemoSecrets } from './site';

export async function seedDemo(store: Store, origins: string[], canonicalOrigin: string, secrets: DemoSecrets): Promise<void> {
  const deps: ServiceDeps = { store, now: Date.now, newId, ipSalt: newId(), outbound: nodeOutbound, privateNetworkAllowed: true };
  const existed = (await store.getSite('demo')) !== null;
  const site = await demoSite(origins, secrets);
  await store.saveSite(site, deps.now());
  if (existed) return;

  const claims = (id: string) => {
    const persona = PERSONAS.find((p) => p.id === id)!;
    return { ...persona.claims!, avatar: avatarClaim(persona, canonicalOrigin).avatar ?? null, email: null, importedAs: [], exp: 0 };
  };
  const article = ARTICLES[0];
  const thread = await openThread(deps, { site, url: canonicalOrigin + article.path, title: article.title });
  const post = async (who: string, body: string, parentId?: string) => {
    const result = await createComment(deps, { site, threadId: thread.id, claims: claims(who), input: { body, parentId } });
    if (!('comment' in result)) throw new Error(`The demo seed comment was nudged: ${result.nudge.message}`);
    return result.comment;
  };

  const first = await post('alice', 'The fare rise is small, but the library cuts worry me more. Branch libraries are where a lot of kids do homework after school.');
  await post('morgan', 'Thanks for raising this. Our reporter is asking the council which branches are affected first; we will update the article.', first.id);
  await post('alice', 'Has anyone seen the *actual* ridership numbers? The [budget documents](https://example.org/budget) only give totals.');
}
