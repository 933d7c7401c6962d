// Every error leaves the API as JSON with a stable machine code and a human message in Italian
// (English when the client asks for it), so clients branch on `code` and show `message`.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    public readonly messageIt: string,
    public readonly messageEn: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(messageEn);
  }
}

export const notFound = (what = 'risorsa', whatEn = 'resource') => new AppError(404, 'NOT_FOUND', `${capitalise(what)} non trovata.`, `${capitalise(whatEn)} not found.`);

export const badRequest = (code: string, it: string, en: string, extra: Record<string, unknown> = {}) => new AppError(400, code, it, en, extra);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const en = prefersEnglish(req);
  if (err instanceof AppError) {
    return reply.status(err.statusCode).send({
      code: err.code,
      message: en ? err.messageEn : err.messageIt,
      messages: { it: err.messageIt, en: err.messageEn },
      ...err.extra,
    });
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const fields = fieldErrors(fe, en);
    const it = `Alcuni dati non sono validi: ${fields.map((f) => f.field).join(', ')}.`;
    const enMsg = `Some data is not valid: ${fields.map((f) => f.field).join(', ')}.`;
    return reply.status(400).send({ code: 'VALIDATION', message: en ? enMsg : it, messages: { it, en: enMsg }, fields });
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 429) {
    const it = 'Troppe richieste: riprova tra poco.';
    const enMsg = 'Too many requests: try again shortly.';
    return reply.status(429).send({ code: 'RATE_LIMITED', message: en ? enMsg : it, messages: { it, en: enMsg } });
  }
  if (status < 500) {
    // Malformed JSON, a too large body, an unsupported media type: Fastify's own 4xx errors.
    const code = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    const it = 'Richiesta non valida.';
    return reply.status(status).send({ code, message: en ? fe.message : it, messages: { it, en: fe.message } });
  }
  req.log.error({ err }, 'unhandled error');
  const it = 'Errore interno: riprova più tardi.';
  const enMsg = 'Internal error: please try again later.';
  return reply.status(500).send({ code: 'INTERNAL', message: en ? enMsg : it, messages: { it, en: enMsg } });
}
