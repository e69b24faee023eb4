// The OpenAPI document against the app itself: every route the app registers is documented and
// every documented operation is a route, the document holds together as OpenAPI 3.1 (every
// operation answers something, every $ref resolves), and it is served where it says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { buildOpenApiDocument, operationIdOf, type OpenApiDocument } from '../../../server/openapi/document';
import { caseInsensitive } from '../../../server/openapi/json-schema';
import { createTestContext, type TestContext } from '../../support/app';

let t: TestContext;
let doc: OpenApiDocument;
beforeAll(async () => {
  t = await createTestContext();
  doc = buildOpenApiDocument();
});
afterAll(() => t?.close());

/** `METHOD /path/{param}` of every route the app answers (middleware, registered for ALL methods, left out). */
function appRoutes(): Set<string> {
  const app = createApp({ store: t.store });
  return new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
}

function documented(): Set<string> {
  return new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
}

/** Every `$ref` in the document, with where it is. */
function refs(node: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refs(item, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [{ ref: value, at }] : refs(value, `${at}/${key}`)));
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

describe('the OpenAPI document', () => {
  it('documents every route the app registers', () => {
    const missing = [...appRoutes()].filter((route) => !documented().has(route));
    expect(missing.map((route) => `route ${route} is not in the OpenAPI registry: add it to server/openapi/operations/`)).toEqual([]);
  });

  it('documents no operation the app does not have', () => {
    const routes = appRoutes();
    const extra = [...documented()].filter((op) => !routes.has(op));
    expect(extra.map((op) => `${op} is documented in server/openapi/operations/ but the app has no such route`)).toEqual([]);
  });

  it('is OpenAPI 3.1 in the basics: every operation has a unique id, a tag, a summary and its answers', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    const tags = new Set(doc.tags.map((tag) => tag.name));
    const ids = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/[\w/{}.-]*$/);
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(['get', 'put', 'post', 'delete', 'patch'], where).toContain(method);
        expect(ids.has(op.operationId), `${where}: operationId ${op.operationId} is taken`).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toBeTruthy();
        expect(tags.has(op.tags[0]!), `${where}: tag ${op.tags[0]}`).toBe(true);
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => Number(s) < 400), `${where} has a success answer`).toBe(true);
        for (const s of statuses) expect(s, where).toMatch(/^[1-5]\d\d$/);
        // Every {param} in the path is a required path parameter, and no other is.
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name), where).toEqual(inPath);
        expect(op.parameters.filter((p) => p.in === 'path').every((p) => p.required), where).toBe(true);
        for (const alternative of op.security) for (const scheme of Object.keys(alternative)) expect(doc.components.securitySchemes, where).toHaveProperty(scheme);
      }
    }
  });

  it('resolves every $ref', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(({ ref }) => resolve(ref) === undefined).map(({ ref, at }) => `${ref} at ${at}`)).toEqual([]);
  });

  it('lists the refusals a route answers, by status, with the error body', () => {
    const post = doc.paths['/api/v1/sites/{siteId}/threads/{threadId}/comments']!.post!;
    const codes = (status: string) => JSON.stringify(post.responses[status]);
    expect(codes('401')).toContain('not_signed_in');
    expect(codes('403')).toContain('banned');
    expect(codes('409')).toContain('idempotency_in_progress');
    expect(codes('429')).toContain('rate_limited');
    expect(codes('404')).toContain('site_not_found');
    expect(post.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    expect(doc.paths['/api/v1/health']!.get!.responses).not.toHaveProperty('404');
  });

  it('names operations after their method and path', () => {
    expect(operationIdOf({ method: 'get', path: '/api/v1/sites/{siteId}/moderation/users/{userId}' })).toBe('getModerationUsersByUserId');
    expect(operationIdOf({ method: 'put', path: '/api/v1/sites/{siteId}/comments/{commentId}/like' })).toBe('putCommentsByCommentIdLike');
  });

  it('spells out case-insensitive patterns, which JSON Schema cannot flag', () => {
    expect(caseInsensitive('^[a-z0-9_-]{1,64}$')).toBe('^[a-zA-Z0-9_-]{1,64}$');
    expect(caseInsensitive('^https?:\\/\\/')).toBe('^[hH][tT][tT][pP][sS]?:\\/\\/');
    expect(new RegExp(caseInsensitive('^(user|author):\\d$')).test('AUTHOR:1')).toBe(true);
    const commentId = doc.paths['/api/v1/sites/{siteId}/comments/{commentId}']!.patch!.parameters.find((p) => p.name === 'commentId')!;
    expect(new RegExp(commentId.schema.pattern as string).test('AbC-1')).toBe(true);
  });
});

describe('GET /api/v1/openapi.json and /api/docs', () => {
  it('serve the document and its reference page publicly, outside any site', async () => {
    const res = await t.call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));

    const page = await t.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
    expect(html).toContain('id="postThreadsByThreadIdComments"');
    expect(html).toContain('id="schema-ThreadView"');
  });
});
