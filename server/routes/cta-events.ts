// The reader widget's reports of its calls to action, shown and clicked: public, counted per
// address, answered 204 with nothing. Sent with navigator.sendBeacon, which can carry no headers
// and, to leave without a CORS preflight (a click that navigates away would cancel one), only a
// CORS-safelisted type: so the JSON comes as text/plain, and the token in the body.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { CtaEventBody } from '../../shared/schemas/cta-events';
import { issuesToFields } from '../../shared/validation';
import { AppError } from '../services/errors';
import { countCtaEvent } from '../services/cta/count-cta-event';
import { allowedOriginsOnly } from '../middleware/site/cors';
import { ctaEventLimit } from '../middleware/rate-limit';
import { verifyReaderToken, type MemberAuthOptions } from '../middleware/auth';

const BEACON_TYPE = /^(text\/plain|application\/json)\s*(;|$)/i;

/** The body as JSON sent as text/plain (a beacon) or application/json, checked with the shared schema. */
async function beaconBody(c: Context<AppEnv>): Promise<CtaEventBody> {
  if (!BEACON_TYPE.test(c.req.header('Content-Type') ?? '')) {
    throw new AppError('unsupported_media_type', 'The request body must be JSON, sent as text/plain or application/json');
  }
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('malformed_json', 'The request body is not valid JSON');
  }
  const parsed = CtaEventBody.safeParse(json);
  if (!parsed.success) throw new AppError('invalid_input', 'The request json is not valid', issuesToFields(parsed.error.issues));
  return parsed.data;
}

/** Mounted before memberAuth: the token comes in the body, and is verified here the same way. */
export function ctaEventRoutes(deps: ServiceDeps, auth: MemberAuthOptions) {
  return new Hono<AppEnv>().post('/cta-events', allowedOriginsOnly(), ctaEventLimit(deps), async (c) => {
    const body = await beaconBody(c);
    let claims = null;
    if (body.token) {
      const verified = await verifyReaderToken(c, auth, body.token);
      if ('refused' in verified) throw verified.refused;
      claims = verified.claims;
    }
    await countCtaEvent(deps, c.get('site'), body, claims);
    return c.body(null, 204);
  });
}
