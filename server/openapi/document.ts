// The OpenAPI 3.1 document of the API, made from the operation registry and the shared zod
// schemas the routes validate with: nothing in it is written by hand twice.
import type * as z from 'zod/mini';
import { ERROR_STATUS, TOKEN_REFUSALS, type ErrorCode } from '../../shared/errors';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/idempotency';
import { IdempotencyKey } from '../../shared/schemas/idempotency';
import { OPERATIONS, TAGS, type Access, type OperationSpec } from './registry';
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from './components';
import { componentRef, componentSchemas, inlineSchema, type JsonSchema } from './json-schema';

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: { name: string; in: 'path' | 'query' | 'header'; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const SECURITY_SCHEMES = {
  memberToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "The reader's token, signed by the publisher's membership system for this site (its audience is the site id).",
  },
  moderatorToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A member token whose role is moderator or admin.' },
  adminToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A member token whose role is admin.' },
  siteApiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: "The site's API key, for the publisher's own servers." },
};

/** Alternatives, any one of which admits the caller; `{}` means none is needed. */
const SECURITY: Record<Access, Record<string, string[]>[]> = {
  none: [],
  reader: [{}, { memberToken: [] }],
  member: [{ memberToken: [] }],
  moderator: [{ moderatorToken: [] }, { siteApiKey: [] }],
  admin: [{ adminToken: [] }, { siteApiKey: [] }],
  'site-key': [{ siteApiKey: [] }],
};

const TOKEN_CODES = Object.keys(TOKEN_REFUSALS) as ErrorCode[];
const BY_ACCESS: Record<Access, ErrorCode[]> = {
  none: [],
  reader: TOKEN_CODES,
  member: ['not_signed_in', ...TOKEN_CODES],
  moderator: ['not_signed_in', ...TOKEN_CODES, 'forbidden'],
  admin: ['not_signed_in', ...TOKEN_CODES, 'forbidden'],
  'site-key': ['not_signed_in', 'forbidden'],
};

/** Every refusal a route can answer: its own, and those its access, its input and its kind imply. */
export function refusalsOf(op: OperationSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  const access = op.refusedTokenReadsAsGuest ? [] : BY_ACCESS[op.access];
  const validated = Object.keys(op.params?.shape ?? {}).some((name) => name !== 'siteId') || op.query || op.body;
  if (validated) codes.add('invalid_input');
  if (op.body) ['malformed_json', 'unsupported_media_type', 'payload_too_large'].forEach((c) => codes.add(c as ErrorCode));
  access.forEach((c) => codes.add(c));
  if (op.idempotent) ['idempotency_in_progress', 'idempotency_key_reused'].forEach((c) => codes.add(c as ErrorCode));
  if (op.writeLimited) codes.add('rate_limited');
  (op.errors ?? []).forEach((c) => codes.add(c));
  // Every site route first finds the site, and may find the database unavailable.
  if (!op.siteless) ['site_not_found', 'unavailable'].forEach((c) => codes.add(c as ErrorCode));
  return [...codes];
}

/** `get /api/v1/sites/{siteId}/moderation/users/{userId}` → `getModerationUsersByUserId`. */
export function operationIdOf(op: Pick<OperationSpec, 'method' | 'path'>): string {
  const words = op.path
    .replace(/^\/api\/v1\/sites\/\{siteId\}/, '')
    .replace(/^\/api\/(v1\/)?/, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `By${cap(w.slice(1, -1))}` : cap(w)));
  return op.method + words.join('');
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function buildOpenApiDocument(operations: readonly OperationSpec[] = OPERATIONS): OpenApiDocument {
  const requests = componentSchemas(REQUEST_SCHEMAS, 'input');
  const answers = componentSchemas(RESPONSE_SCHEMAS, 'output');
  const clash = Object.keys(requests).filter((name) => name in answers);
  if (clash.length) throw new Error(`components.ts names ${clash.join(', ')} as both a request and an answer`);
  const named = { request: namesOf(REQUEST_SCHEMAS), answer: namesOf(RESPONSE_SCHEMAS) };

  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const where = `${op.method.toUpperCase()} ${op.path}`;
    const ref = (kind: 'request' | 'answer', schema: z.ZodMiniType) => {
      const name = named[kind].get(schema);
      if (!name) throw new Error(`${where}: name its ${kind} schema in server/openapi/components.ts`);
      return { $ref: componentRef(name) };
    };
    (paths[op.path] ??= {})[op.method] = {
      operationId: operationIdOf(op),
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      security: SECURITY[op.access],
      parameters: parametersOf(op, where),
      ...(op.body ? { requestBody: { required: true, content: Object.fromEntries((op.bodyTypes ?? ['application/json']).map((t) => [t, { schema: ref('request', op.body!) }])) } } : {}),
      responses: { ...successesOf(op, (schema) => ref('answer', schema)), ...refusalResponses(refusalsOf(op)) },
    };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Parley API',
      version: '1',
      description:
        'Comments and moderation for a publisher\'s site. Every error is JSON, `{ "error": { "code", "message", "fields"? } }`; ' +
        'writes take an `Idempotency-Key` header and replay their first answer to retries.',
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas: { ...requests, ...answers }, securitySchemes: SECURITY_SCHEMES },
  };
}

function namesOf(named: Record<string, z.ZodMiniType>): Map<z.ZodMiniType, string> {
  return new Map(Object.entries(named).map(([name, schema]) => [schema, name]));
}

function parametersOf(op: OperationSpec, where: string): OpenApiOperation['parameters'] {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const declared = Object.keys(op.params?.shape ?? {});
  if (inPath.join() !== declared.join()) throw new Error(`${where}: its params schema names ${declared.join(', ') || 'nothing'}, its path ${inPath.join(', ') || 'nothing'}`);
  const fromObject = (schema: z.ZodMiniObject | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const json = inlineSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(name === 'siteId' ? { description: "The site's id" } : {}),
      schema: property,
    }));
  };
  const idempotency = op.idempotent
    ? [{ name: IDEMPOTENCY_KEY_HEADER, in: 'header' as const, required: false, description: 'Made by the client for one action and sent again with every retry of it: the change is applied once, and retries get its first answer.', schema: inlineSchema(IdempotencyKey, 'input') }]
    : [];
  return [...fromObject(op.params, 'path'), ...fromObject(op.query, 'query'), ...idempotency];
}

function successesOf(op: OperationSpec, ref: (schema: z.ZodMiniType) => JsonSchema): OpenApiOperation['responses'] {
  return Object.fromEntries(
    Object.entries(op.answers).map(([status, answer]) => {
      const content: Record<string, { schema: JsonSchema }> | undefined = answer.json
        ? { 'application/json': { schema: ref(answer.json) } }
        : answer.html
          ? { 'text/html': { schema: { type: 'string' } } }
          : undefined;
      return [status, { description: answer.description, ...(content ? { content } : {}) }];
    }),
  );
}

/** One response per status, its body the error shape with the codes that status may carry here. */
function refusalResponses(codes: ErrorCode[]): OpenApiOperation['responses'] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].sort(([a], [b]) => a - b).map(([status, list]) => [
      String(status),
      {
        description: list.map((code) => `\`${code}\``).join(', '),
        content: {
          'application/json': {
            schema: { allOf: [{ $ref: componentRef('ErrorBody') }, { properties: { error: { properties: { code: { enum: list } } } } }] },
          },
        },
      },
    ]),
  );
}
