// Answers checked against the published OpenAPI document with a standard JSON Schema 2020-12
// validator (ajv), independently of the zod schemas the document was made from. Objects in the
// named schemas are closed for the check, so a field the server sends but the document does not
// describe fails too (the document itself leaves answers open to new fields).
import { expect } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type { TestContext } from './app';

type Json = { [key: string]: unknown };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>>; components: { schemas: Json } };

export interface ContractChecker {
  /** t.call, then the answer checked against the document's schema for its path, method and status. */
  call(method: string, path: string, options?: Parameters<TestContext['call']>[2]): Promise<{ status: number; body: any; res: Response }>;
  /** `METHOD /template status` of every answer checked so far. */
  readonly checked: Set<string>;
}

function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  Object.values(schema).forEach(closeObjects);
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export async function contractChecker(t: TestContext): Promise<ContractChecker> {
  const res = await t.call('GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as Doc;
  closeObjects(doc.components.schemas);
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(doc as unknown as Json, 'openapi.json');
  const templates = Object.keys(doc.paths).map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
  }));
  const compiled = new Map<string, ValidateFunction>();
  const checked = new Set<string>();

  return {
    checked,
    async call(method, path, options) {
      const res = await t.call(method, path, options);
      const pathname = new URL(path, 'http://parley.test').pathname;
      const found = templates.filter((c) => c.pattern.test(pathname)).sort((a, b) => a.params - b.params)[0];
      expect(found, `${method} ${pathname} matches no path of the document`).toBeDefined();
      const op = doc.paths[found!.template]![method.toLowerCase()];
      expect(op, `${method} ${found!.template} is not in the document`).toBeDefined();
      const where = `${method} ${found!.template} ${res.status}`;
      const answer = op!.responses[String(res.status)];
      const text = await res.clone().text();
      expect(answer, `${where} is not a documented answer: ${text.slice(0, 300)}`).toBeDefined();
      let body: unknown = undefined;
      const schema = answer!.content?.['application/json'];
      if (schema) {
        expect(res.headers.get('Content-Type'), where).toMatch(/^application\/json/);
        body = JSON.parse(text);
        const ref = `openapi.json#/${pointer('paths', found!.template, method.toLowerCase(), 'responses', String(res.status), 'content', 'application/json', 'schema')}`;
        let validate = compiled.get(ref);
        if (!validate) compiled.set(ref, (validate = ajv.compile({ $ref: ref })));
        const ok = validate(body);
        expect(ok, `${where} does not match the document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n${text.slice(0, 500)}`).toBe(true);
      } else if (answer!.content?.['text/html']) {
        expect(res.headers.get('Content-Type'), where).toMatch(/^text\/html/);
      } else {
        expect(text, `${where} is documented without a body`).toBe('');
      }
      checked.add(where);
      return { status: res.status, body, res };
    },
  };
}
