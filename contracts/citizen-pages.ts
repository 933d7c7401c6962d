// The addresses of the citizen's pages, as the web client routes them: the server answers any other
// address with the "page not found" page and status 404 (a search engine, a link checker and the
// Modello Comuni checker all read the status, not the words). A new page of the web client adds its
// pattern here (test/web-pages.test.ts opens each).
export const CITIZEN_PAGES = [
  '/',
  '/:tenant',
  '/:tenant/accedi',
  '/:tenant/accessibilita',
  '/:tenant/amministrazione',
  '/:tenant/amministrazione/:page',
  '/:tenant/appuntamento/:token',
  '/:tenant/appuntamento/:token/arrivo',
  '/:tenant/appuntamento/:token/video',
  '/:tenant/area-personale',
  '/:tenant/area-personale/:section',
  '/:tenant/area-personale/pagamenti/esito/:checkoutId',
  '/:tenant/argomenti',
  '/:tenant/argomenti/:topic',
  '/:tenant/biglietto/:id',
  '/:tenant/cerca',
  '/:tenant/domande/:id',
  '/:tenant/faq',
  '/:tenant/note-legali',
  '/:tenant/novita',
  '/:tenant/novita/:page',
  '/:tenant/prenota-appuntamento',
  '/:tenant/prenota-appuntamento/conferma',
  '/:tenant/privacy',
  '/:tenant/privacy/servizi',
  '/:tenant/privacy/servizi/:serviceId',
  '/:tenant/richiesta-assistenza',
  '/:tenant/segnalazione-disservizio',
  '/:tenant/segnalazioni',
  '/:tenant/servizi',
  '/:tenant/servizi/:slug',
  '/:tenant/servizi/:slug/domanda',
  '/:tenant/servizi/categoria/:category',
  '/:tenant/uffici/:officeId/:page',
  '/:tenant/video/:token',
  '/:tenant/vivere',
  '/:tenant/vivere/:page',
  '/pagopa-simulatore/:cartId',
] as const;

const MATCHERS = CITIZEN_PAGES.map((p) => new RegExp(`^${p.replace(/:[a-zA-Z]+/g, '[^/]+')}/?$`));

/** The comune's slug of a citizen page's address, '' for the list of comuni, null when no page has this address. */
export function citizenPageTenant(path: string): string | null {
  if (!MATCHERS.some((m) => m.test(path))) return null;
  // The pagoPA simulator's checkout belongs to no comune, like pagoPA's own.
  if (path.startsWith('/pagopa-simulatore/')) return '';
  return path.split('/')[1] ?? '';
}
