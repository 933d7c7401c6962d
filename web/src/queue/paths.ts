// Addresses of the queue's pages. Small on purpose: the comune home and the booking manage page
// import it, and they belong to the light booking flow.

export const takeNumberPath = (slug: string, officeId: string) => `/${slug}/uffici/${encodeURIComponent(officeId)}/coda`;

/**
 * The in-app path (with its query) of an absolute link the server gives us, e.g. the ticket's
 * trackUrl: we navigate inside the app and never depend on the server's idea of its own host.
 */
export function appPath(url: string): string {
  const u = new URL(url, window.location.href);
  return u.pathname + u.search;
}
