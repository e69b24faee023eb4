// End to end in real headless Chromium: the API reference page loads nothing but itself (no
// script, no other host, nothing its CSP refuses), lists every operation of the document under
// its tag, and its links lead to the operation and to the schemas it names.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { createApp } from '../../server/app';
import { buildOpenApiDocument } from '../../server/openapi/document';
import { createTestContext, type TestContext } from '../support/app';
import { launchBrowser } from '../support/browser';
import { freePort } from '../support/free-port';

const SHOTS = 'test-results/screenshots';
let t: TestContext;
let server: ServerType;
let browser: Browser;
let base = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await createTestContext();
  const port = await freePort();
  server = serve({ fetch: createApp({ store: t.store }).fetch, hostname: '127.0.0.1', port });
  base = `http://127.0.0.1:${port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  t?.close();
});

describe('the API reference page', () => {
  it('loads only itself, lists every operation by tag, and links to operations and schemas', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    page.on('pageerror', (error) => problems.push(error.message));

    const res = await page.goto(`${base}/api/docs`);
    expect(res?.status()).toBe(200);
    expect(requests).toEqual([`${base}/api/docs`]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);

    const doc = buildOpenApiDocument();
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(await page.locator('section.op').count()).toBe(operations.length);
    expect(await page.locator('main h2').allInnerTexts()).toEqual([...doc.tags.map((tag) => tag.name), 'Schemas']);

    await page.locator('nav a[href="#postThreadsByThreadIdComments"]').click();
    expect(new URL(page.url()).hash).toBe('#postThreadsByThreadIdComments');
    const post = page.locator('#postThreadsByThreadIdComments');
    await expect.poll(() => post.boundingBox().then((box) => Math.abs(Math.round(box?.y ?? 999)))).toBe(0);
    expect(await post.locator('h3').innerText()).toMatch(/post\s+\/api\/v1\/sites\/\{siteId\}\/threads\/\{threadId\}\/comments/i);
    expect(await post.innerText()).toContain('member token');
    expect(await post.locator('table').innerText()).toContain('Idempotency-Key');
    await page.screenshot({ path: `${SHOTS}/api-reference-operation.png` });

    await post.locator('a[href="#schema-CommentView"]').first().click();
    expect(await page.locator('#schema-CommentView code.prop').allInnerTexts()).toContain('likedByMe');
    await page.screenshot({ path: `${SHOTS}/api-reference-schema.png` });
    expect(requests.filter((url) => !url.startsWith(`${base}/api/docs`))).toEqual([]);
  });
});
