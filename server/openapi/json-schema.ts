// zod schemas as JSON Schema draft 2020-12, the dialect OpenAPI 3.1 uses, through zod's own
// z.toJSONSchema. Two things zod cannot say in JSON Schema are made good here: regex flags (a
// case-insensitive pattern is spelled out), and that answers may gain properties (zod marks every
// object it outputs closed, which would make adding a field a breaking change for clients).
import * as z from 'zod/mini';

export type JsonSchema = { [key: string]: unknown };
/** Requests are described as clients send them (defaults optional), answers as the server sends them. */
export type Io = 'input' | 'output';

export const componentRef = (name: string) => `#/components/schemas/${name}`;

/** Named schemas, each referring to the others by `$ref` wherever one contains another. */
export function componentSchemas(named: Record<string, z.ZodMiniType>, io: Io): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...options(io), uri: componentRef });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutHeader(schema as JsonSchema)]));
}

/** One schema on its own, inlined (a parameter's). */
export function inlineSchema(schema: z.ZodMiniType, io: Io): JsonSchema {
  return withoutHeader(z.toJSONSchema(schema, { ...options(io), metadata: z.registry() }) as JsonSchema);
}

function options(io: Io) {
  return {
    target: 'draft-2020-12' as const,
    io,
    // Transforms have no JSON Schema; what they yield is described by the schema around them.
    unrepresentable: 'any' as const,
    override({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) {
      spellOutCaseInsensitivePatterns(zodSchema, jsonSchema);
      const def = zodSchema._zod.def as { type: string; catchall?: unknown };
      if (io === 'output' && def.type === 'object' && !def.catchall && jsonSchema.additionalProperties === false) {
        delete jsonSchema.additionalProperties;
      }
    },
  };
}

/** `$schema` and `$id` belong to a standalone schema, not to one inside the document. */
function withoutHeader({ $schema: _schema, $id: _id, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

function spellOutCaseInsensitivePatterns(zodSchema: z.core.$ZodType, jsonSchema: JsonSchema): void {
  const checks = (zodSchema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  const patterns = checks.map((check) => (check._zod.def as { pattern?: unknown }).pattern).filter((p): p is RegExp => p instanceof RegExp);
  const spelled = new Map(patterns.filter((re) => re.flags.includes('i')).map((re) => [re.source, caseInsensitive(re.source)]));
  if (!spelled.size) return;
  const respell = (s: JsonSchema) => {
    if (typeof s.pattern === 'string' && spelled.has(s.pattern)) s.pattern = spelled.get(s.pattern);
  };
  respell(jsonSchema);
  if (Array.isArray(jsonSchema.allOf)) jsonSchema.allOf.forEach(respell);
}

/** A regex source that matches case-insensitively without the `i` flag: `a` → `[aA]`, `[a-z]` → `[a-zA-Z]`. */
export function caseInsensitive(source: string): string {
  const letter = /[a-z]/i;
  const other = (s: string) => [...s].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (inClass && ch === ']') {
      inClass = false;
      out += ch;
    } else if (inClass && letter.test(ch) && source[i + 1] === '-' && letter.test(source[i + 2] ?? '')) {
      const range = source.slice(i, i + 3);
      out += range + other(range);
      i += 2;
    } else if (letter.test(ch)) {
      out += inClass ? ch + other(ch) : `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else {
      if (ch === '[') inClass = true;
      out += ch;
    }
  }
  return out;
}
