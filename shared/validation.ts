// Turns zod issues into `fields` for the JSON error body: one plain sentence per field,
// so API users and the widget can point at what to fix.
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

export function describeIssue(issue: Issue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} entries`;
      return issue.origin === 'string' ? `must be at least ${issue.minimum} characters` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case 'invalid_type':
      // The input is only there when the caller parsed with `reportInput` (the dashboard does).
      if ('input' in issue && issue.input == null) return 'is required';
      if (issue.expected === 'number') return 'must be a number';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.join(', ')}`;
    default:
      return 'is invalid';
  }
}

export function issuesToFields(issues: readonly Issue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!Object.prototype.hasOwnProperty.call(fields, key)) Object.defineProperty(fields, key, { value: describeIssue(issue), enumerable: true, writable: true, configurable: true });
  }
  return fields;
}
