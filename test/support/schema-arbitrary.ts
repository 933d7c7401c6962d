// fast-check arbitraries from the JSON schemas of the routes (TypeBox output), for the route fuzzer:
// values a schema accepts, and values it should refuse (control characters, wrong types, huge
// strings, deep nesting, unexpected fields). Only the keywords our contracts use are understood;
// anything else generates "anything", which the server must survive too.
import fc from 'fast-check';
import { LINE_PATTERN, TEXT_PATTERN, VISIBLE_LINE_PATTERN } from '../../contracts/common.ts';

export type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
};

const isControl = (c: string) => {
  const n = c.codePointAt(0)!;
  return n < 0x20 || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029;
};
const withoutControls = (s: string, by: string) => [...s].map((c) => (isControl(c) ? by : c)).join('');

// Text that shows up in real forms: accents, apostrophes, emoji, right-to-left, combining marks.
const realistic = fc.constantFrom('Mario', 'Zoë', "D'Angelo", 'Città di Bari', 'Ελένη', 'محمد', 'e\u0301', '👩‍⚕️', 'Via Sparano, 1', 'a');
const visibleText = (min: number, max: number) =>
  fc
    .array(fc.oneof(realistic, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 4 })
    .map((parts) => withoutControls(parts.join(' '), 'x'))
    .map((s) => (s.trim() ? s : 'x'))
    .map((s) => s.padEnd(min, 'x').slice(0, Math.max(min, max)));

function stringArbitrary(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, Math.max(min, 60));
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  if (s.const !== undefined) return fc.constant(s.const as string);
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (s.pattern === VISIBLE_LINE_PATTERN) return visibleText(Math.max(min, 1), max);
  if (s.pattern === LINE_PATTERN || s.pattern === TEXT_PATTERN || s.pattern === undefined) {
    return fc.oneof(
      visibleText(min, max),
      fc.string({ minLength: min, maxLength: max }).map((x) => withoutControls(x, ' ')),
    );
  }
  try {
    const re = new RegExp(s.pattern, 'u');
    // Lengths are not forced (a filter could spin for ever): a string of the wrong length is a fine probe too.
    return fc.stringMatching(re);
  } catch {
    return fc.string({ minLength: min, maxLength: max });
  }
}

function numberArbitrary(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (as far as the keywords above go). `overrides`: values for named properties (real ids). */
export function valid(s: Schema | undefined, overrides: Record<string, fc.Arbitrary<unknown>> = {}, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 8) return fc.constant(undefined);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => valid(x, overrides, depth + 1)));
  if (s.allOf) {
    // Intersections of objects (params of two objects): merge their properties.
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf) {
      Object.assign(merged.properties!, part.properties ?? {});
      merged.required!.push(...(part.required ?? []));
    }
    return s.allOf.every((p) => p.type === 'object') ? valid(merged, overrides, depth + 1) : valid(s.allOf[0], overrides, depth + 1);
  }
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(s.items, overrides, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)) });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = overrides[k] ? fc.oneof(overrides[k]!, valid(v, overrides, depth + 1)) : valid(v, overrides, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
    default:
      return anything;
  }
}

const controlled = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085', '\u009f', '\u2028'), fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => a + c + b);
const invisible = fc.constantFrom('\u200b', '\u200b\u200b', '\ufeff', '\u2060', ' ', '\u00a0\t', '\u3164', '\u00ad', '');
const huge = fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n));
const loneSurrogate = fc.constantFrom('\ud800', 'a\udfffb', '\udc00\ud800');
const deep = fc.integer({ min: 50, max: 400 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
const deepObject = fc.integer({ min: 50, max: 300 }).map((n) => {
  let o: unknown = 'x';
  for (let i = 0; i < n; i++) o = { a: o };
  return o;
});
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  fc.string({ maxLength: 20 }),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom('true', 'false', 'null', '0', '-1', '1e999', 'NaN', '../../etc/passwd', '%00', "' or 1=1 --", '<script>'),
);

/** Values the schema should refuse (or that probe its edges): the server must answer them with a 4xx. */
export function invalid(s: Schema | undefined): fc.Arbitrary<unknown> {
  const general = fc.oneof(anything, controlled, invisible, huge, loneSurrogate, deep, deepObject);
  if (s?.type !== 'object' || !s.properties || Object.keys(s.properties).length === 0) return general;
  // An object: one property replaced by something wrong, or an unexpected property, or the whole thing wrong.
  const keys = Object.keys(s.properties);
  return fc.oneof(
    general,
    fc.tuple(valid(s), fc.constantFrom(...keys), general).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
    fc.tuple(valid(s), fc.constantFrom(...keys), controlled).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
    fc.tuple(valid(s), fc.string({ minLength: 1, maxLength: 10 }), general).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
  );
}
