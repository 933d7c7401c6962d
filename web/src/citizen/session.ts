// The logged-in citizen (SPID/CIE), known from one GET /me per page load. The session cookie is
// HttpOnly, so /me is the only way to know who is there; its CSRF token stays in memory and is added
// to every write of this comune's API (the booking flow included) through the api() hooks.
import { useSyncExternalStore } from 'react';
import type { CitizenMe, CitizenSession } from '../../../contracts/identity.ts';
import { api, ApiError, setApiHooks } from '../shared/api.ts';

export type CitizenState = { status: 'unknown' } | { status: 'anonymous' } | { status: 'signed-in'; me: CitizenMe };

let state: CitizenState = { status: 'unknown' };
let slug: string | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: CitizenState): void {
  state = next;
  for (const l of listeners) l();
}

async function fetchMe(tenant: string): Promise<void> {
  try {
    const { me } = await api<CitizenSession>(`/api/v1/${tenant}/auth/session`);
    if (slug === tenant) set(me ? { status: 'signed-in', me } : { status: 'anonymous' });
  } catch (err) {
    // An unknown comune: the pages work as for anyone. A network failure while asking again leaves
    // who was known as it was.
    if (slug !== tenant) return;
    if (state.status === 'unknown' || (err instanceof ApiError && err.status !== 0)) set({ status: 'anonymous' });
  }
}

/** Starts the one /me request of this page load for the comune (later calls reuse it). */
export function loadCitizen(tenant: string): Promise<void> {
  if (slug !== tenant || !loading) {
    slug = tenant;
    state = { status: 'unknown' };
    loading = fetchMe(tenant);
  }
  return loading;
}

/** Asks /me again: after logging out elsewhere, or for a fresh unread count. */
export function refreshCitizen(): Promise<void> {
  if (!slug) return Promise.resolve();
  loading = fetchMe(slug);
  return loading;
}

/** A write answered with the updated citizen (contacts): no need to ask /me again. */
export function setCitizenMe(me: CitizenMe): void {
  set({ status: 'signed-in', me });
}

/** The unread count came with another answer (dashboard, inbox): keep the header's badge in step. */
export function setUnreadMessages(n: number): void {
  if (state.status === 'signed-in' && state.me.unreadMessages !== n) set({ status: 'signed-in', me: { ...state.me, unreadMessages: n } });
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useCitizen(): CitizenState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Ends the session here and then at the identity gateway, which brings the browser back home. */
export async function logout(): Promise<void> {
  if (!slug) return;
  const { logoutUrl } = await api<{ logoutUrl: string }>(`/api/v1/${slug}/auth/logout`, { method: 'POST' });
  set({ status: 'anonymous' });
  window.location.assign(logoutUrl);
}

/** Our own pages of this comune only, like the server: never send the browser elsewhere. */
export function safeReturnTo(tenant: string, returnTo: string | null | undefined): string {
  const fallback = `/${tenant}/area-personale`;
  if (!returnTo || returnTo.length > 500) return fallback;
  if (!returnTo.startsWith(`/${tenant}/`) && returnTo !== `/${tenant}`) return fallback;
  if (/[\\\s]|\/\/|^\/[^/]*:/.test(returnTo)) return fallback;
  return returnTo;
}

/** The login page, coming back to `returnTo` (a path of this comune, with its query). */
export const loginPath = (tenant: string, returnTo: string, level3 = false) => `/${tenant}/accedi?${new URLSearchParams({ returnTo, ...(level3 ? { livello: '3' } : {}) })}`;

/** Where the browser is now, to come back to after logging in. */
export const currentPath = () => window.location.pathname + window.location.search;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ownApi = (path: string) => slug !== null && path.startsWith(`/api/v1/${slug}/`);

setApiHooks({
  async headers(method, path): Promise<Record<string, string>> {
    if (!UNSAFE.has(method) || !ownApi(path)) return {};
    // A write right after the page opened waits for /me, so a logged-in citizen's first write
    // carries the token (the booking would otherwise be refused with 403 CSRF).
    if (loading) await loading;
    return state.status === 'signed-in' ? { 'x-csrf-token': state.me.csrfToken } : {};
  },
  async retry(err, method, path) {
    if (!ownApi(path)) return false;
    // The session ended (timed out, logged out in another tab): the pages that need it send the
    // citizen to the login page, the header offers "Accedi" again.
    if (err.code === 'CITIZEN_UNAUTHENTICATED') {
      if (state.status === 'signed-in') set({ status: 'anonymous' });
      return false;
    }
    // The session was renewed in another tab (a new login): take its token and send once more.
    if (err.code !== 'CSRF' || !UNSAFE.has(method)) return false;
    await refreshCitizen();
    return state.status === 'signed-in';
  },
});
