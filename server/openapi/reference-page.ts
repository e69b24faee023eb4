// The API reference page (GET /api/docs), rendered on the server from the OpenAPI document: no
// script and nothing fetched from elsewhere, so it works offline under a strict CSP. Grouped by
// tag; every operation and every named schema has an anchor.
import type { OpenApiDocument, OpenApiOperation } from './document';
import type { JsonSchema } from './json-schema';
import { refName, schemaAnchor, schemaTree } from './schema-tree';
import { escapeHtml } from '../services/escape-html';

/** Escaped text, with its `code` spans set as code (the backticks themselves are never escaped). */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

export const REFERENCE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:CanvasText;background:Canvas}
nav{position:sticky;top:0;height:100vh;overflow:auto;width:18rem;flex:none;padding:1rem;border-right:1px solid #8884;box-sizing:border-box;font-size:13px}
nav ul{list-style:none;padding-left:.5rem;margin:.2rem 0 .8rem}nav li li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}nav .method{min-width:3.4rem}main{padding:1rem 2rem;max-width:64rem;min-width:0}
a{color:LinkText}code{font:13px ui-monospace,monospace}h3 code{font-size:16px}h2{margin-top:2.5rem;border-bottom:1px solid #8886}
section.op{border:1px solid #8884;border-radius:6px;padding:.2rem 1rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4rem;font:bold 12px ui-monospace,monospace;text-transform:uppercase}
.get{color:#1a7f37}.post{color:#0969da}.put,.patch{color:#9a6700}.delete{color:#cf222e}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #8884;padding:.25rem .5rem;text-align:left;vertical-align:top}
ul.props,ul.variants{margin:.1rem 0;padding-left:1.2rem}.type{color:#6e40c9}.optional,.limits,.note{color:GrayText;font-size:13px}
.status{font-weight:bold}`;

const SCHEME_LABELS: Record<string, string> = {
  memberToken: 'member token',
  moderatorToken: 'moderator token',
  adminToken: 'admin token',
  siteApiKey: 'site API key (X-Api-Key)',
};

export function renderReferencePage(doc: OpenApiDocument): string {
  const byTag = new Map<string, { method: string; path: string; op: OpenApiOperation }[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) byTag.get(op.tags[0]!)?.push({ method, path, op });
  }
  const nav = doc.tags
    .map((tag) => `<li><a href="#tag-${escapeHtml(slug(tag.name))}">${escapeHtml(tag.name)}</a><ul>${byTag.get(tag.name)!.map(({ method, path, op }) =>
      `<li><a href="#${escapeHtml(op.operationId)}"><span class="method ${escapeHtml(method)}">${escapeHtml(method)}</span>${escapeHtml(shortPath(path))}</a></li>`).join('')}</ul></li>`)
    .join('');
  const groups = doc.tags
    .map((tag) => `<h2 id="tag-${escapeHtml(slug(tag.name))}">${escapeHtml(tag.name)}</h2><p>${escapeHtml(tag.description)}</p>` +
      byTag.get(tag.name)!.map(({ method, path, op }) => operation(method, path, op, doc)).join(''))
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<section id="${escapeHtml(schemaAnchor(name))}"><h3><code>${escapeHtml(name)}</code></h3>${schemaTree(schema)}</section>`)
    .join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(doc.info.title)} reference</title><style>${STYLE}</style></head><body>` +
    `<nav aria-label="Operations"><strong>${escapeHtml(doc.info.title)}</strong><ul>${nav}<li><a href="#schemas">Schemas</a></li></ul></nav>` +
    `<main><h1>${escapeHtml(doc.info.title)}</h1><p>${prose(doc.info.description)}</p>` +
    `<p>The same as OpenAPI ${escapeHtml(doc.openapi)}: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>` +
    `${groups}<h2 id="schemas">Schemas</h2>${schemas}</main></body></html>`
  );
}

function operation(method: string, path: string, op: OpenApiOperation, doc: OpenApiDocument): string {
  const parameters = op.parameters.length
    ? `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>schema</th></tr></thead><tbody>${op.parameters
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? '' : ' <span class="optional">optional</span>'}${p.description ? `<br><span class="note">${escapeHtml(p.description)}</span>` : ''}</td><td>${escapeHtml(p.in)}</td><td>${schemaTree(p.schema)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const body = op.requestBody
    ? `<h4>Request body</h4>${Object.entries(op.requestBody.content).map(([type]) => `<code>${escapeHtml(type)}</code>`).join(', ')}${expanded(Object.values(op.requestBody.content)[0]!.schema, doc)}`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const json = r.content?.['application/json']?.schema;
      const detail = json && Number(status) < 400 ? expanded(json, doc) : r.content?.['text/html'] ? ' <code>text/html</code>' : '';
      return `<li><span class="status">${escapeHtml(status)}</span> ${prose(r.description)}${Number(status) >= 400 ? ' (<a href="#schema-ErrorBody">ErrorBody</a>)' : ''}${detail}</li>`;
    })
    .join('');
  return (
    `<section class="op" id="${escapeHtml(op.operationId)}"><h3><span class="method ${escapeHtml(method)}">${escapeHtml(method)}</span> <code>${escapeHtml(path)}</code></h3>` +
    `<p>${prose(op.summary)}</p>${op.description ? `<p>${prose(op.description)}</p>` : ''}` +
    `<p><strong>Auth:</strong> ${escapeHtml(auth(op.security))}</p>${parameters}${body}<h4>Responses</h4><ul>${responses}</ul></section>`
  );
}

/** A named schema shown in place, one level deep (what it contains stays a link). */
function expanded(schema: JsonSchema, doc: OpenApiDocument): string {
  const name = refName(schema);
  const target = name ? doc.components.schemas[name] : undefined;
  return `<div>${name ? `<a href="#${escapeHtml(schemaAnchor(name))}">${escapeHtml(name)}</a>: ` : ''}${schemaTree(target ?? schema)}</div>`;
}

function auth(security: Record<string, string[]>[]): string {
  const named = security.filter((alt) => Object.keys(alt).length).map((alt) => Object.keys(alt).map((k) => SCHEME_LABELS[k] ?? k).join(' and '));
  if (!named.length) return 'none';
  return (named.length < security.length ? 'optional: ' : '') + named.join(', or ');
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const shortPath = (path: string) => path.replace('/api/v1/sites/{siteId}', '');
