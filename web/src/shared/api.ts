// Thin fetch wrapper for our JSON API: errors carry the server's stable code (typed by the catalogue
// of contracts/errors.ts), the Italian message and field errors, so pages can show them next to the
// right input.
import { type ErrorCode, isErrorCode } from '../../../contracts/errors.ts';
export interface FieldError {
  field: string;
  message: string;
}

/** What the client may meet: the API's catalogue of codes, no network, or an answer without a code. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | `HTTP_${number}`;

/** A known code of the catalogue, else the HTTP status (a proxy's page, an unknown code). */
export function toClientCode(code: unknown, status: number): ClientErrorCode {
  return typeof code === 'string' && isErrorCode(code) ? code : `HTTP_${status}`;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ClientErrorCode,
    message: string,
    public readonly fields: FieldError[] = [],
    public readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as multipart/form-data instead of a JSON body (files); the browser sets the boundary. */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * What an entry page may add to every call without the pages knowing: extra headers (a session's
 * CSRF token on writes; may wait until the session is known) and one retry after an error (a token
 * renewed in another tab). The shared client stays free of any one kind of session.
 */
export interface ApiHooks {
  headers?(method: string, path: string): Record<string, string> | Promise<Record<string, string>>;
  retry?(err: ApiError, method: string, path: string): Promise<boolean>;
}

let hooks: ApiHooks = {};

export function setApiHooks(h: ApiHooks): void {
  hooks = h;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  try {
    return await send<T>(path, method, opts);
  } catch (err) {
    if (err instanceof ApiError && hooks.retry && (await hooks.retry(err, method, path))) return send<T>(path, method, opts);
    throw err;
  }
}

async function send<T>(path: string, method: string, opts: RequestOptions): Promise<T> {
  const extra = hooks.headers ? await hooks.headers(method, path) : {};
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': document.documentElement.lang || 'it', ...extra, ...opts.headers };
  let body: string | FormData | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, signal: opts.signal, credentials: 'same-origin' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Connessione non riuscita. Controlla la rete e riprova.');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      toClientCode(data.code, res.status),
      typeof data.message === 'string' ? data.message : 'Si è verificato un errore. Riprova tra poco.',
      Array.isArray(data.fields) ? (data.fields as FieldError[]) : [],
      data,
    );
  }
  return data as T;
}

export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Si è verificato un errore imprevisto. Riprova tra poco.';
}
