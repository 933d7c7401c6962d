// The signed-in officer: the session from GET session, the CSRF token kept in memory only, and the
// API helper every page uses. A 401 on any call drops the session and shows the login again.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { SessionResponse } from '../../../contracts/operator.ts';
import { api, ApiError, errorMessage, type RequestOptions } from '../shared/api.ts';

export interface OperatorSession extends SessionResponse {
  /** `/bari/operatore` */
  base: string;
  /** `/api/v1/bari/operator` */
  apiBase: string;
  /** Calls `${apiBase}/${path}` with the CSRF header on writes; a 401 signs the officer out of the page. */
  call<T>(path: string, opts?: RequestOptions): Promise<T>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<OperatorSession | null>(null);

export function useSession(): OperatorSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in console');
  return s;
}

export const ROLE_LABELS: Record<string, string> = { admin: 'amministratore', manager: "responsabile d'ufficio", operator: 'operatore' };

export const canConfigure = (s: SessionResponse) => s.operator.role === 'admin' || s.operator.role === 'manager';

/** Loads one operator API resource; `reload` fetches it again. */
export function useOperatorApi<T>(path: string | null): { data: T | undefined; error: string | undefined; loading: boolean; reload(): void; setData(d: T): void } {
  const session = useSession();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    session
      .call<T>(path, { signal: ctrl.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((err: unknown) => {
        if ((err as Error).name !== 'AbortError') setState({ error: errorMessage(err), loading: false });
      });
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}

export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}

export function makeCaller(apiBase: string, csrfToken: string, onUnauthenticated: () => void) {
  // The token lives only in memory. If the session was renewed elsewhere (another tab signed in
  // again), a write fails with CSRF: fetch the current token once and retry.
  let token = csrfToken;
  return async function call<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const method = opts.method ?? 'GET';
    const send = () => api<T>(`${apiBase}/${path}`, { ...opts, headers: method === 'GET' ? opts.headers : { ...opts.headers, 'x-csrf-token': token } });
    try {
      try {
        return await send();
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'CSRF')) throw err;
        token = (await api<SessionResponse>(`${apiBase}/session`)).csrfToken;
        return await send();
      }
    } catch (err) {
      if (isUnauthenticated(err)) onUnauthenticated();
      throw err;
    }
  };
}
