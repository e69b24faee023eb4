// zod validation for routes, answering 400 `invalid_input` with one sentence per bad field.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { issuesToFields } from '../../shared/validation';
import { errorJson } from '../middleware/errors';

export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const fields = issuesToFields(result.error.issues);
      return errorJson(c, 'invalid_input', `The request ${target} is not valid`, fields);
    }
  });
}
