// Schemas shared by the server (validation, serialisation, OpenAPI) and the web client (types).
import { Type, type Static } from 'typebox';
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

export const TenantParams = Type.Object({
  tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$', description: 'Comune slug, e.g. bari' }),
});

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' });

/** Error responses every route may give; spread into a route's `response`. */
export const errorResponses = {
  400: ErrorResponse,
  404: ErrorResponse,
} as const;
