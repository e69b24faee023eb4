// @vitest-environment happy-dom
// The reader bundle runs the shared schemas on widget/lib/zod-mini-lite.ts; this builds them
// exactly as the bundle does and checks they accept, reject and strip as real zod/mini does.
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import * as real from '../../../shared/schemas/comment';
import * as realWrites from '../../../shared/schemas/comment-writes';
import * as realThread from '../../../shared/schemas/thread';
import { ErrorBody } from '../../../shared/schemas/common';
import { esbuildOptions, ROOT } from '../../../scripts/build-widget';
import { apiPaths } from '../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS } from '../../support/app';
import { seedComment } from '../../support/widget';

type Schemas = Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
const NAMES = ['ThreadView', 'CommentPage', 'CommentResponse', 'CreateCommentResponse', 'ConversationResponse', 'LikeResponse', 'ErrorBody'];
const realSchemas: Schemas = { ...real, ...realWrites, ...realThread, ErrorBody } as unknown as Schemas;
let lite: Schemas;

beforeAll(async () => {
  const result = await build({
    ...esbuildOptions('esm'),
    format: 'cjs',
    minify: false,
    stdin: {
      contents: `export { CommentPage, ConversationResponse } from './shared/schemas/comment';
        export { CommentResponse, CreateCommentResponse, LikeResponse } from './shared/schemas/comment-writes';
        export { ThreadView } from './shared/schemas/thread'; export { ErrorBody } from './shared/schemas/common';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
  });
  const module = { exports: {} as Schemas };
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  lite = module.exports;
});

async function samples() {
  const t = await createTestContext();
  const token = await t.sign(PERSONAS.alice);
  const first = await seedComment(t, PERSONAS.bob, 'A *root* comment with https://example.org');
  await seedComment(t, PERSONAS.alice, 'A reply', first.id);
  const get = async (path: string) => (await t.call('GET', path, { token })).json();
  const view = await get(`${apiPaths.thread('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`);
  return {
    ThreadView: view,
    CommentPage: await get(apiPaths.comments('daily', view.thread.id)),
    ConversationResponse: await get(apiPaths.conversation('daily', first.id)),
    CommentResponse: { comment: first },
    CreateCommentResponse: { comment: first },
    LikeResponse: await (await t.call('PUT', apiPaths.like('daily', first.id), { token })).json(),
    ErrorBody: await get(apiPaths.conversation('daily', 'nope')),
  } as Record<string, any>;
}

/** Ways a response can be wrong: each must be refused by both. */
const breakages: [string, (v: any) => void][] = [
  ['a missing field', (v) => delete (v.comments?.[0] ?? v.comment ?? v.error ?? v).likes],
  ['a string for a number', (v) => ((v.comments?.[0] ?? v.comment ?? v).createdAt = '12')],
  ['null where not nullable', (v) => ((v.comments?.[0] ?? v.comment ?? v).html = null)],
  ['an id with spaces', (v) => ((v.comments?.[0] ?? v.comment ?? v).id = 'not an id')],
  ['an unknown enum value', (v) => ((v.comments?.[0] ?? v.comment ?? v).status = 'spam')],
  ['an array where an object goes', (v) => ((v.comments?.[0] ?? v.comment ?? v).author = [])],
];

describe('the zod/mini stand-in', () => {
  it('accepts every real response and returns what zod returns, unknown keys stripped', async () => {
    const s = await samples();
    for (const name of NAMES) {
      const sample = { ...s[name], extra: 'dropped' };
      const [r, l] = [realSchemas[name].safeParse(sample), lite[name].safeParse(sample)];
      expect(r.success, name).toBe(true);
      expect(l, name).toEqual({ success: true, data: r.data });
    }
  });

  it('refuses the same malformed responses zod refuses', async () => {
    const s = await samples();
    let refused = 0;
    for (const name of NAMES.filter((n) => n !== 'ErrorBody')) {
      for (const [what, breakIt] of breakages) {
        const sample = structuredClone(s[name]);
        breakIt(sample);
        const [r, l] = [realSchemas[name].safeParse(sample).success, lite[name].safeParse(sample).success];
        expect(l, `${name} with ${what}`).toBe(r);
        refused += r ? 0 : 1;
      }
    }
    expect(refused).toBeGreaterThan(20);
    expect(lite.ErrorBody.safeParse({ error: { code: 'x', message: 'y', fields: { body: 3 } } }).success).toBe(false);
    expect(lite.CommentPage.safeParse(null).success).toBe(false);
  });
});
