// Citizen pages. The development mailbox, the video room, the queue pages (web/src/queue/routes.tsx)
// and the login page and personal area (area/routes.tsx) are loaded on demand so they never weigh on
// the booking flow.
import { lazy, Suspense, useEffect } from 'react';
import type { TenantInfo } from '../../../contracts/catalogue.ts';
import { Loading, PageHeading, setSiteName } from '../shared/Page.tsx';
import { matchPath, useLocation } from '../shared/router.tsx';
import { useApi } from '../shared/useApi.ts';
import { BookingWizard } from './booking/BookingWizard.tsx';
import { Confirmation } from './booking/Confirmation.tsx';
import { ComuniList } from './ComuniList.tsx';
import { Home } from './Home.tsx';
import { AccessibilityPage, PrivacyPage } from './InfoPages.tsx';
import { Layout } from './Layout.tsx';
import { ManageBooking } from './manage/ManageBooking.tsx';
import { TenantContext } from './tenant.ts';
import { isBareQueuePath, queueRoute } from '../queue/routes.tsx';
import { areaRoute } from './area/routes.tsx';
import { servicesRoute } from './services/routes.tsx';
import { NotFoundPage } from './site/NotFoundPage.tsx';
import { siteRoute } from './site/routes.tsx';
import { loadCitizen } from './session.ts';

const DevMailbox = lazy(() => import('./devmail/DevMailbox.tsx'));
// The local pagoPA simulator's checkout (AMBIENTE DI PROVA): outside any comune, like pagoPA's own.
const SimulatorCheckout = lazy(() => import('./payments/SimulatorCheckout.tsx'));
// The video room (WebRTC, device check) loads only when a room is opened.
const RoomPage = lazy(() => import('../video/RoomPage.tsx'));

export function App() {
  const { path } = useLocation();
  if (path === '/' || path === '') {
    return (
      <Layout tenant={null}>
        <ComuniList />
      </Layout>
    );
  }
  if (path.startsWith('/dev/mailbox')) {
    return (
      <Layout tenant={null}>
        <Suspense fallback={<Loading />}>
          <DevMailbox />
        </Suspense>
      </Layout>
    );
  }
  const simulator = matchPath('/pagopa-simulatore/:cartId', path);
  if (simulator) {
    return (
      <Layout tenant={null}>
        <Suspense fallback={<Loading />}>
          <SimulatorCheckout cartId={simulator.cartId!} />
        </Suspense>
      </Layout>
    );
  }
  const slug = path.split('/')[1]!;
  return <TenantPages slug={slug} path={path} />;
}

function TenantPages({ slug, path }: { slug: string; path: string }) {
  const tenant = useApi<TenantInfo>(/^[a-z][a-z0-9-]{1,40}$/.test(slug) ? `/api/v1/${slug}` : null);
  // The kiosk, the display board and the poster fill the screen (or the sheet) on their own.
  const bare = isBareQueuePath(path);
  // Who is logged in is asked once per page load, alongside the comune; kiosks and boards are shared
  // screens that never show a personal header.
  useEffect(() => {
    if (!bare && /^[a-z][a-z0-9-]{1,40}$/.test(slug)) void loadCitizen(slug);
  }, [slug, bare]);
  if (tenant.loading && !tenant.data) {
    if (bare) return <Loading />;
    // The comune's header keeps its shape while the comune loads: nothing below it jumps.
    return (
      <Layout tenant={null} loading>
        <Loading />
      </Layout>
    );
  }
  if (!tenant.data) return <NotFound />;
  setSiteName(tenant.data.name);
  showFavicon(tenant.data.coatOfArmsUrl);
  if (bare) {
    return <TenantContext.Provider value={tenant.data}>{queueRoute(path)?.page}</TenantContext.Provider>;
  }
  return (
    <TenantContext.Provider value={tenant.data}>
      <Layout tenant={tenant.data}>
        <TenantRoute path={path} />
      </Layout>
    </TenantContext.Provider>
  );
}

function TenantRoute({ path }: { path: string }) {
  if (matchPath('/:tenant', path)) return <Home />;
  if (matchPath('/:tenant/prenota-appuntamento', path)) return <BookingWizard />;
  if (matchPath('/:tenant/prenota-appuntamento/conferma', path)) return <Confirmation />;
  const room = matchPath('/:tenant/appuntamento/:token/video', path) ?? matchPath('/:tenant/video/:token', path);
  if (room) {
    return (
      <Suspense fallback={<Loading />}>
        <RoomPage tenant={room.tenant!} token={room.token!} />
      </Suspense>
    );
  }
  const queue = queueRoute(path);
  if (queue) return queue.page;
  const manage = matchPath('/:tenant/appuntamento/:token', path);
  if (manage) return <ManageBooking token={manage.token!} />;
  const area = areaRoute(path);
  if (area) return area;
  const services = servicesRoute(path);
  if (services) return services;
  const site = siteRoute(path);
  if (site) return site;
  if (matchPath('/:tenant/privacy', path)) return <PrivacyPage />;
  if (matchPath('/:tenant/accessibilita', path)) return <AccessibilityPage />;
  return <NotFoundPage slug={path.split('/')[1]!} />;
}

/** The comune's coat of arms as the tab's icon, once known (the build's neutral icon otherwise). */
function showFavicon(url: string | null): void {
  if (!url) return;
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]') ?? document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'icon' }));
  if (link.getAttribute('href') !== url) link.href = url;
}

function NotFound() {
  return (
    <Layout tenant={null}>
      <PageHeading title="Pagina non trovata" />
      <p>
        L'indirizzo non corrisponde a nessun comune servito. <a href="/">Vai all'elenco dei comuni</a>.
      </p>
    </Layout>
  );
}
