// Request validation. Two rules apply to every route, whatever its schema says:
// - JSON bodies are validated as sent: no coercion (a `null` does not become `false`, a `false` does
//   not become "false"). Querystrings and path parameters arrive as text, so they are coerced
//   (string → number/boolean, one value → array).
// - No text reaches the database with control characters: every string of a request schema that
//   has no stricter rule of its own (a format, an enum, one of contracts/common.ts's builders) gets
//   the multi-line text rule (tab, CR and LF only). PostgreSQL refuses NUL, which was a 500.
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifySchema } from 'fastify';
import { ANY_TEXT_PATTERN, LINE_PATTERN, TEXT_PATTERN, VISIBLE_LINE_PATTERN } from '../../../contracts/common.ts';

type Schema = Record<string, unknown>;
type Route = { schema: Schema; method: string; url: string; httpPart?: string };
type ValidatorFactory = ReturnType<typeof AjvCompiler>;

const OWN_RULES = new Set([ANY_TEXT_PATTERN, LINE_PATTERN, TEXT_PATTERN, VISIBLE_LINE_PATTERN]);
const CHILD_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'] as const;
const CHILD_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const CHILDREN = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'] as const;

function isString(node: Schema): boolean {
  return node.type === 'string' || (Array.isArray(node.type) && node.type.includes('string'));
}

/** A copy of the schema whose free-text strings refuse control characters. */
export function guardStrings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(guardStrings);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = { ...(node as Schema) };
  for (const key of CHILD_MAPS) {
    const map = out[key];
    if (map && typeof map === 'object') out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, guardStrings(v)]));
  }
  for (const key of [...CHILD_LISTS, ...CHILDREN]) if (out[key] !== undefined && typeof out[key] === 'object') out[key] = guardStrings(out[key]);
  if (isString(out) && out.format === undefined && out.enum === undefined && out.const === undefined) {
    if (out.pattern === undefined) out.pattern = TEXT_PATTERN;
    else if (!OWN_RULES.has(String(out.pattern))) out.allOf = [...((out.allOf as unknown[]) ?? []), { pattern: TEXT_PATTERN }];
  }
  return out;
}

const common = { removeAdditional: false, allErrors: true } as const;

/**
 * Fastify's schemaController.compilersFactory.buildValidator: Fastify's own Ajv compiler
 * (@fastify/ajv-compiler, with ajv-formats), one instance for bodies without coercion and one for
 * the parts of the URL and the headers with it.
 */
export function requestValidatorFactory(): ValidatorFactory {
  const pool = AjvCompiler();
  return ((externalSchemas: Parameters<ValidatorFactory>[0], options: { customOptions?: Record<string, unknown> }) => {
    const body = pool(externalSchemas, { ...options, customOptions: { ...options.customOptions, ...common, coerceTypes: false } });
    const url = pool(externalSchemas, { ...options, customOptions: { ...options.customOptions, ...common, coerceTypes: 'array' } });
    return (route: Route) => {
      const schema = guardStrings(route.schema) as FastifySchema;
      return (route.httpPart === 'body' ? body : url)({ ...route, schema } as never);
    };
  }) as unknown as ValidatorFactory;
}
