// The API's own description: the OpenAPI document and the reference page made from it. Both are
// the same for every request, so each is made once, on first asking, and cached publicly.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/document';
import { renderReferencePage, REFERENCE_PAGE_CSP } from '../openapi/reference-page';
import { DOCS_PATH, OPENAPI_PATH } from '../openapi/operations/service';

const CACHE_CONTROL = 'public, max-age=300';

export function openApiRoutes() {
  let document: OpenApiDocument | undefined;
  let json: string | undefined;
  let page: string | undefined;
  const built = () => (document ??= buildOpenApiDocument());
  return new Hono<AppEnv>()
    .get(OPENAPI_PATH, (c) => {
      json ??= JSON.stringify(built());
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': CACHE_CONTROL });
    })
    .get(DOCS_PATH, (c) => {
      page ??= renderReferencePage(built());
      c.header('Content-Security-Policy', REFERENCE_PAGE_CSP);
      c.header('Cache-Control', CACHE_CONTROL);
      return c.html(page);
    });
}
