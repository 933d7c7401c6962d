import pino, { type DestinationStream } from 'pino';

export const REDACTED = '[redacted]';

// A manage token is a bearer secret: whoever holds the link can see, move or cancel the booking.
// It travels in the path (/api/v1/{tenant}/bookings/manage/{token}…, /{tenant}/appuntamento/{token})
// so request logs must never carry it; nor video room tokens (/{tenant}/video/{token},
// /api/v1/{tenant}/video/{token}/…, /{tenant}/operatore/video/{token}).
const TOKEN_IN_PATH = /(\/bookings\/manage\/|\/appuntamento\/|\/video\/)[^/?#]+/gi;
// Queue tickets carry theirs in the query (/api/v1/{tenant}/tickets/{id}?token=…, /{tenant}/biglietto/{id}?token=…).
const TOKEN_IN_QUERY = /([?&]token=)[^&#]+/gi;

/** The URL with manage tokens replaced by [redacted]; everything else (route, query) kept for debugging. */
export function redactUrl(url: string | undefined): string | undefined {
  return url === undefined ? url : url.replace(TOKEN_IN_PATH, `$1${REDACTED}`).replace(TOKEN_IN_QUERY, `$1${REDACTED}`);
}

interface LoggedRequest {
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number; remoteAddress?: string } | null;
}

/** Fastify's request serializer (same fields) with the token-bearing URL redacted. */
export function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    version: req.headers?.['accept-version'],
    host: req.host ?? req.headers?.host,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
}

export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'sportello' },
      // Fastify merges these into its own serializers, ours winning, for every request log line.
      serializers: { req: serializeRequest },
      // Credentials, should anything log headers (the request serializer above does not).
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'req.headers.authorization',
          'headers.cookie',
          'headers["x-csrf-token"]',
          'headers.authorization',
          'res.headers["set-cookie"]',
          '*.password',
        ],
        censor: REDACTED,
      },
    },
    destination,
  );
}
