// Webhook endpoints and deliveries, under the moderation API: admins of the site, or its key.
import { Hono, type Context, type Next } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { DeliveryParam, EndpointParam } from '../../shared/schemas/params';
import { CreateWebhookBody, DeliveriesQuery, UpdateWebhookBody } from '../../shared/schemas/webhooks';
import { AppError } from '../services/errors';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, retryDelivery, sendTestEvent, updateWebhook } from '../services/events/webhooks';
import { validate } from './validate';
import type { WriteOnceHandler } from '../middleware/idempotency';
import { writeDeps } from './write-deps';

/** Where the site's events go is the site owner's call, as its rules are. */
async function adminsOnly(c: Context<AppEnv>, next: Next): Promise<void> {
  if (c.get('moderator').via !== 'api-key' && c.get('claims')?.role !== 'admin') {
    throw new AppError('forbidden', 'Only admins and the site owner may manage webhooks');
  }
  await next();
}

/** Mounted inside the moderator routes, after requireModerator. */
export function webhookRoutes(deps: ServiceDeps, once: WriteOnceHandler) {
  return new Hono<AppEnv>()
    // Path-scoped: mounted at the moderator routes' root, a bare use() would cover them all.
    .use('/webhooks/*', adminsOnly)
    .use('/webhooks', adminsOnly)
    .use('/deliveries/*', adminsOnly)
    .use('/deliveries', adminsOnly)
    .get('/webhooks', async (c) => c.json({ webhooks: await listWebhooks(deps, c.get('site')) }))
    .post('/webhooks', validate('json', CreateWebhookBody), async (c) => once(c, async () => c.json({ webhook: await createWebhook(writeDeps(c, deps), c.get('site'), c.req.valid('json')) }, 201)))
    .patch('/webhooks/:endpointId', validate('param', EndpointParam), validate('json', UpdateWebhookBody), async (c) => once(c, async () =>
      c.json({ webhook: await updateWebhook(writeDeps(c, deps), c.get('site'), c.req.valid('param').endpointId, c.req.valid('json')) })))
    .delete('/webhooks/:endpointId', validate('param', EndpointParam), async (c) => once(c, async () => {
      await deleteWebhook(writeDeps(c, deps), c.get('site'), c.req.valid('param').endpointId);
      return c.json({ deleted: true });
    }))
    .post('/webhooks/:endpointId/test', validate('param', EndpointParam), async (c) => once(c, async () => c.json(await sendTestEvent(writeDeps(c, deps), c.get('site'), c.req.valid('param').endpointId), 202)))
    .get('/deliveries', validate('query', DeliveriesQuery), async (c) => c.json(await listDeliveries(deps, c.get('site'), c.req.valid('query'))))
    .post('/deliveries/:deliveryId/retry', validate('param', DeliveryParam), async (c) => once(c, async () =>
      c.json({ delivery: await retryDelivery(writeDeps(c, deps), c.get('site'), c.req.valid('param').deliveryId) })));
}
