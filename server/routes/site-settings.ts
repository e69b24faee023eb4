// The site's own configuration, under the moderation API: every moderator reads it (without the
// HS256 secret); admins and the site's key change it and rotate the key.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import type { WriteOnceHandler } from '../middleware/idempotency';
import { EditableSite } from '../../shared/schemas/site';
import { problemFields, siteProblems } from '../../shared/site-problems';
import { saveSiteConfig, siteForEditing } from '../services/site/site-config';
import { rotateApiKey } from '../services/site/api-key';
import { toActionSummary } from '../services/moderation/action-record';
import { validate } from './validate';
import { writeDeps } from './write-deps';

/** A site document's problems as the site command words them. */
const siteFields = (input: unknown) => problemFields(siteProblems(input, EditableSite));

/** Mounted inside the moderator routes, after requireModerator. */
export function siteSettingsRoutes(deps: ServiceDeps, once: WriteOnceHandler) {
  return new Hono<AppEnv>()
    .get('/site', (c) => c.json({ site: siteForEditing(c.get('site')) }))
    .put('/site', validate('json', EditableSite, siteFields), async (c) => once(c, async () => {
      const site = await saveSiteConfig(writeDeps(c, deps), c.get('site'), c.get('moderator'), c.req.valid('json'));
      // This instance's cached copy goes now, so the next read (the widget's guidelines, its invitations) shows the change.
      c.set('siteChanged', true);
      return c.json({ site });
    }))
    // Not kept for retries (no Idempotency-Key replay): the answer holds the new key, which is never stored.
    // A retried rotation issues another key instead.
    .post('/site/api-key', async (c) => {
      const { apiKey, action } = await rotateApiKey(deps, c.get('site'), c.get('moderator'));
      c.set('siteChanged', true);
      return c.json({ apiKey, action: toActionSummary(action) });
    });
}
