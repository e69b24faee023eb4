// A JSON Schema as nested HTML lists for the reference page: each property with its type, its
// limits and what is inside it; named schemas are links to their own entry. All text escaped.
import type { JsonSchema } from './json-schema';
import { escapeHtml } from '../services/escape-html';

const REF = '#/components/schemas/';
export const schemaAnchor = (name: string) => `schema-${name}`;

/** The schema's name when it refers to a component. */
export const refName = (schema: JsonSchema): string | null =>
  typeof schema.$ref === 'string' && schema.$ref.startsWith(REF) ? schema.$ref.slice(REF.length) : null;

/** One line naming the type (`string`, `array of X`, a link), then its properties or variants below it. */
export function schemaTree(schema: JsonSchema): string {
  return `<span class="type">${typeLine(schema)}</span>${limits(schema)}${children(schema)}`;
}

function typeLine(schema: JsonSchema): string {
  const name = refName(schema);
  if (name) return `<a href="#${escapeHtml(schemaAnchor(name))}">${escapeHtml(name)}</a>`;
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.type === 'array' && isSchema(schema.items)) return `array of ${typeLine(schema.items)}`;
  if (schema.type === 'object' && isSchema(schema.additionalProperties) && !schema.properties) return `map of ${typeLine(schema.additionalProperties)}`;
  if (Array.isArray(schema.type)) return escapeHtml(schema.type.join(' or '));
  if (typeof schema.type === 'string') return escapeHtml(schema.type);
  if (variants(schema)) return 'one of';
  if (Array.isArray(schema.allOf)) return 'all of';
  return 'any';
}

function children(schema: JsonSchema): string {
  if (schema.type === 'array' && isSchema(schema.items) && !refName(schema.items)) return children(schema.items);
  if (schema.type === 'object' && isSchema(schema.additionalProperties) && !schema.properties) return refName(schema.additionalProperties) ? '' : children(schema.additionalProperties);
  const properties = isSchema(schema.properties) ? Object.entries(schema.properties) : [];
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const list = variants(schema) ?? (Array.isArray(schema.allOf) ? schema.allOf : null);
  if (properties.length) {
    const items = properties.map(([name, property]) =>
      `<li><code class="prop">${escapeHtml(name)}</code>${required.has(name) ? '' : ' <span class="optional">optional</span>'} ${schemaTree(property as JsonSchema)}</li>`,
    );
    return `<ul class="props">${items.join('')}</ul>`;
  }
  if (list) return `<ul class="variants">${list.filter(isSchema).map((variant) => `<li>${schemaTree(variant)}</li>`).join('')}</ul>`;
  return '';
}

function variants(schema: JsonSchema): JsonSchema[] | null {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? list : null;
}

function limits(schema: JsonSchema): string {
  const said: string[] = [];
  const add = (key: string, label: string) => {
    if (schema[key] !== undefined) said.push(`${label} ${JSON.stringify(schema[key])}`);
  };
  add('minLength', 'min length');
  add('maxLength', 'max length');
  add('minimum', '≥');
  add('maximum', '≤');
  add('exclusiveMinimum', '>');
  add('minItems', 'min items');
  add('maxItems', 'max items');
  add('format', 'format');
  add('pattern', 'pattern');
  add('default', 'default');
  const description = typeof schema.description === 'string' ? ` <span class="note">${escapeHtml(schema.description)}</span>` : '';
  return (said.length ? ` <span class="limits">${escapeHtml(said.join(', '))}</span>` : '') + description;
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
