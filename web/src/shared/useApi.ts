// Loads one API resource for a component; `reload` fetches it again (after an action changed it).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, errorMessage } from './api.ts';

export interface Resource<T> {
  data: T | undefined;
  error: string | undefined;
  /** The HTTP status of the error (404: nothing at this address; 0: no network). */
  errorStatus: number | undefined;
  loading: boolean;
  reload(): void;
}

export function useApi<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: string; errorStatus?: number; loading: boolean }>({ loading: path !== null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    api<T>(path, { signal: ctrl.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((err: unknown) => {
        if ((err as Error).name !== 'AbortError') setState({ error: errorMessage(err), errorStatus: err instanceof ApiError ? err.status : undefined, loading: false });
      });
    return () => ctrl.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, errorStatus: state.errorStatus, loading: state.loading, reload };
}
