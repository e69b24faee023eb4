// zod validation for routes, answering 400 `invalid_input` with one sentence per bad field.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { issuesToFields } from '../../shared/validation';
import { errorJson } from '../middleware/errors';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * `problems` words the fields its own way (a site document's, shared with the site command) and
 * may find problems the schema does not; it sees what was sent, or what the schema made of it.
 */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  problems?: (input: unknown) => Record<string, string>,
) {
  return zValidator(target, schema, (result, c) => {
    // Hono validates a non-JSON body as {}, which would blame missing fields instead of the type.
    if (target === 'json' && !JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      return errorJson(c, 'unsupported_media_type', 'The request body must be sent as application/json');
    }
    const fields = problems ? problems(result.data) : result.success ? {} : issuesToFields(result.error.issues);
    if (!result.success || Object.keys(fields).length) {
      return errorJson(c, 'invalid_input', `The request ${target} is not valid`, fields);
    }
  });
}
