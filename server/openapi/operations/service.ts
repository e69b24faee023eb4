// The server itself: health, this API's own description, and the dashboard's page.
import * as z from 'zod/mini';
import type { OperationSpec } from '../registry';
import { HealthResponse } from '../../../shared/schemas/common';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

/** The outline of an OpenAPI document, enough to say what GET /api/v1/openapi.json answers. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});

const open = { tag: 'Service', access: 'none', siteless: true } as const;

export const serviceOperations: OperationSpec[] = [
  { ...open, method: 'get', path: '/api/v1/health', summary: 'The server answers', answers: { 200: { description: 'Up', json: HealthResponse } } },
  {
    ...open,
    method: 'get',
    path: OPENAPI_PATH,
    summary: 'This document: the API as OpenAPI 3.1',
    answers: { 200: { description: 'The OpenAPI document', json: OpenApiDocument } },
  },
  { ...open, method: 'get', path: DOCS_PATH, summary: 'The API reference, a page made from this document', answers: { 200: { description: 'The reference page', html: true } } },
  {
    ...open,
    method: 'get',
    path: '/moderate',
    summary: "The moderators' dashboard page (sign in with a moderator's token or the site API key in the page)",
    answers: { 200: { description: 'The dashboard page, which loads /moderate.js', html: true } },
  },
];
