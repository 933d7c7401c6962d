// Every error leaves the API as JSON with a stable machine code and a human message in Italian
// (English when the client asks for it), so clients branch on `code` and show `message`.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, type ErrorParam, type ErrorVariant, errorMessages, errorStatus } from '../../../contracts/errors.ts';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: ErrorCode,
    public readonly messageIt: string,
    public readonly messageEn: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(messageEn);
  }
}

export interface AppErrorOptions<C extends ErrorCode> {
  /** Values for the message's {placeholders}. */
  params?: Record<string, ErrorParam>;
  /** One of the code's message variants (contracts/errors.ts). */
  variant?: ErrorVariant<C>;
  /** More fields of the answer (fields, alternatives, …). */
  extra?: Record<string, unknown>;
}

/** An error answer of the catalogue: its status and its Italian and English messages. */
export function appError<C extends ErrorCode>(code: C, opts: AppErrorOptions<C> = {}): AppError {
  const m = errorMessages(code, opts.params, opts.variant);
  return new AppError(errorStatus(code, opts.variant), code, m.it, m.en, opts.extra);
}

export function prefersEnglish(req: FastifyRequest): boolean {
  const al = String(req.headers['accept-language'] ?? '');
  const first = al.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

// Schema validation speaks English; citizens and officers read Italian, so the common cases are
// rephrased here (the English text stays available with Accept-Language: en).
function italianMessage(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'required':
      return 'campo obbligatorio';
    case 'minLength':
      return Number(params.limit) <= 1 ? 'campo obbligatorio' : `almeno ${params.limit} caratteri`;
    case 'maxLength':
      return `al massimo ${params.limit} caratteri`;
    case 'minimum':
      return `deve essere almeno ${params.limit}`;
    case 'maximum':
      return `deve essere al massimo ${params.limit}`;
    case 'minItems':
      return `almeno ${params.limit} elementi`;
    case 'maxItems':
      return `al massimo ${params.limit} elementi`;
    case 'format':
      return params.format === 'email'
        ? 'indirizzo email non valido'
        : params.format === 'uuid'
          ? 'identificativo non valido'
          : params.format === 'date-time'
            ? 'data e ora non valide'
            : 'formato non valido';
    case 'pattern':
      return 'formato non valido';
    case 'type':
      return 'tipo di valore non valido';
    case 'additionalProperties':
      return `campo non previsto: ${String(params.additionalProperty ?? '')}`;
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'union':
      return 'valore non ammesso';
    default:
      return 'valore non valido';
  }
}

function fieldErrors(err: FastifyError, en: boolean): FieldError[] {
  return (err.validation ?? []).map((v) => {
    const base = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const missing = (v.params as { missingProperty?: string })?.missingProperty;
    const field = [base, missing].filter(Boolean).join('.') || (err.validationContext ?? 'body');
    const english = v.message ?? 'invalid value';
    return { field, message: en ? english : italianMessage(v.keyword, (v.params ?? {}) as Record<string, unknown>) };
  });
}

function send(req: FastifyRequest, reply: FastifyReply, status: number, body: { code: ErrorCode; it: string; en: string } & Record<string, unknown>): FastifyReply {
  const { code, it, en, ...extra } = body;
  return reply.status(status).send({ code, message: prefersEnglish(req) ? en : it, messages: { it, en }, ...extra });
}

/** The answer for a catalogue error (used outside the error handler: not-found and 405 handlers). */
export function sendAppError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  return send(req, reply, err.statusCode, { code: err.code, it: err.messageIt, en: err.messageEn, ...err.extra });
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof AppError) return sendAppError(req, reply, err);
  const fe = err as FastifyError;
  if (fe.validation) {
    const fields = fieldErrors(fe, prefersEnglish(req));
    return send(req, reply, 400, { code: 'VALIDATION', ...errorMessages('VALIDATION', { fields: fields.map((f) => f.field).join(', ') }), fields });
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 429) return send(req, reply, 429, { code: 'RATE_LIMITED', ...errorMessages('RATE_LIMITED') });
  if (status < 500) {
    // Malformed JSON, a too large body, an unsupported media type: Fastify's own 4xx errors.
    const code: ErrorCode = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    // Fastify's own English text says what was wrong (which it gives in English only).
    return send(req, reply, status, { code, it: errorMessages(code).it, en: fe.message });
  }
  req.log.error({ err }, 'unhandled error');
  return send(req, reply, 500, { code: 'INTERNAL', ...errorMessages('INTERNAL') });
}

/** A 400 naming one field: for rules a schema cannot say (a text that is only spaces once trimmed). */
export function invalidField(field: string, message: string): AppError {
  return appError('VALIDATION', { params: { fields: field }, extra: { fields: [{ field, message }] } });
}
