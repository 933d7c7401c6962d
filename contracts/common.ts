// Schemas shared by the server (validation, serialisation, OpenAPI) and the web client (types).
import { Type, type Static, type TSchema } from 'typebox';
import { ERRORS } from './errors.ts';

export const ErrorResponse = Type.Object(
  {
    code: Type.String({ description: `Stable machine-readable code, one of: ${Object.keys(ERRORS).join(', ')} (contracts/errors.ts)` }),
    message: Type.String({ description: 'Human message in the language of Accept-Language (Italian by default)' }),
    messages: Type.Optional(Type.Object({ it: Type.String(), en: Type.String() })),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

// Text rules. PostgreSQL refuses NUL and no field of ours means a control character, so every text a
// client sends is one of these (and the server adds the TEXT rule to any string schema without a
// stricter one: server/platform/http/validation.ts). Patterns are compiled with the `u` flag, so a
// surrogate range matches only a lone surrogate (JSON can carry one; it is no character, and PGlite
// refuses to encode it): refused too.
/** Multi-line text (notes, reasons, messages): no control characters but tab, CR and LF. */
export const TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*$';
/** One line: no control characters at all, nor the Unicode line and paragraph separators. */
export const LINE_PATTERN = '^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\uD800-\\uDFFF]*$';
// Characters that show nothing: spaces, format characters (zero-width space and joiners, BOM, word
// joiner, soft hyphen), Hangul fillers, the Braille blank.
const INVISIBLE = '\\s\\p{Cc}\\p{Cf}\\p{Z}\\u115F\\u1160\\u3164\\uFFA0\\u2800';
/** One line with at least one visible character: a name of only spaces or zero-width characters is no name. */
export const VISIBLE_LINE_PATTERN = `^(?=[\\s\\S]*[^${INVISIBLE}])[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\uD800-\\uDFFF]*$`;

/** Any text at all: for the rare field whose handler checks it itself and must answer otherwise than 400. */
export const ANY_TEXT_PATTERN = '^[\\s\\S]*$';

type StringOptions = NonNullable<Parameters<typeof Type.String>[0]>;
/** A single-line text field (a login, a search, a code typed by hand). */
export const Line = (opts: StringOptions = {}) => Type.String({ ...opts, pattern: LINE_PATTERN });
/** A multi-line text field (a reason, a note, a message). */
export const Text = (opts: StringOptions = {}) => Type.String({ ...opts, pattern: TEXT_PATTERN });
/** Text the handler checks itself (a return address that falls back to a safe page rather than refusing). */
export const CheckedByHandler = (opts: StringOptions = {}) => Type.String({ ...opts, pattern: ANY_TEXT_PATTERN });
/** A name someone will read (a person, an office, a service): one line, something visible in it. */
export const Name = (opts: StringOptions = {}) => Type.String({ ...opts, pattern: VISIBLE_LINE_PATTERN });

export const TenantParams = Type.Object({
  tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$', description: 'Comune slug, e.g. bari' }),
});

// The pattern too: the uuid format of ajv-formats also takes a "urn:uuid:" prefix, which PostgreSQL refuses.
export const Uuid = Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' });

/**
 * A file answer (not JSON), documented with its real media types. Fastify sends the handler's bytes
 * or text as they are, so this only tells the OpenAPI document what comes back.
 */
export function FileResponse(description: string, mediaTypes: readonly string[], schema: TSchema = Type.String({ format: 'binary' })) {
  return { description, content: Object.fromEntries(mediaTypes.map((m) => [m, { schema }])) };
}

/** Error responses every route may give; spread into a route's `response`. */
export const errorResponses = {
  400: ErrorResponse,
  404: ErrorResponse,
} as const;
