// The officer console: restores the session on load (the CSRF token comes with it), shows the login
// while there is none, then routes /{tenant}/operatore/… to the pages.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { TenantInfo } from '../../../contracts/catalogue.ts';
import type { SessionResponse } from '../../../contracts/operator.ts';
import { api, ApiError, errorMessage } from '../shared/api.ts';
import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { matchPath, navigate, useLocation } from '../shared/router.tsx';
import { Agenda } from './Agenda.tsx';
import { BookingDetail } from './BookingDetail.tsx';
import { ConfigOffice } from './config/ConfigOffice.tsx';
import { ConfigOffices } from './config/ConfigOffices.tsx';
import { Layout } from './Layout.tsx';
import { Login } from './Login.tsx';
import { PhoneBooking } from './PhoneBooking.tsx';
import { DeskChoice } from './queue/DeskChoice.tsx';
import { DeskConsole } from './queue/DeskConsole.tsx';
import { QueueStats } from './queue/QueueStats.tsx';
import { OpenRoom, VideoToday } from './VideoToday.tsx';
import { AuditLog } from './audit/AuditLog.tsx';
import { Forbidden } from './Forbidden.tsx';
import { Officers } from './officers/Officers.tsx';
import { ForcedPasswordChange } from './profile/ForcedPasswordChange.tsx';
import { Profile } from './profile/Profile.tsx';
import { Protocol } from './protocol/Protocol.tsx';
import { ServiceCards } from './catalogue/ServiceCards.tsx';
import { canConfigure, makeCaller, SessionContext, type OperatorSession } from './session.tsx';
import { Heading } from './ui.tsx';
import { AssistanceRequests } from './requests/AssistanceRequests.tsx';
import { InefficiencyReports } from './requests/InefficiencyReports.tsx';
import { PaymentDetail } from './payments/PaymentDetail.tsx';
import { PaymentSettings } from './payments/PaymentSettings.tsx';
import { PaymentsPage } from './payments/PaymentsPage.tsx';
import { CaseDetail } from './cases/CaseDetail.tsx';
import { CaseInbox } from './cases/CaseInbox.tsx';
import { SitePage } from './site/SitePage.tsx';

const SLUG = /^[a-z][a-z0-9-]{1,40}$/;
const RoomPage = lazy(() => import('../video/RoomPage.tsx'));

export function App() {
  const { path } = useLocation();
  const slug = path.split('/')[1] ?? '';
  if (!SLUG.test(slug)) {
    return (
      <Layout tenantName="Sportello">
        <PageHeading title="Pagina non trovata" />
        <p>
          L'indirizzo dell'area operatori è <code>/nome-del-comune/operatore</code>. <a href="/">Vai all'elenco dei comuni</a>.
        </p>
      </Layout>
    );
  }
  return <Console slug={slug} path={path} />;
}

type SessionState = { kind: 'loading' } | { kind: 'signed-out'; notice?: string } | { kind: 'error'; message: string } | { kind: 'signed-in'; session: SessionResponse };

function Console({ slug, path }: { slug: string; path: string }) {
  const apiBase = `/api/v1/${slug}/operator`;
  const base = `/${slug}/operatore`;
  const [tenant, setTenant] = useState<TenantInfo | null | undefined>(undefined);
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    const ctrl = new AbortController();
    api<TenantInfo>(`/api/v1/${slug}`, { signal: ctrl.signal })
      .then(setTenant)
      .catch((err: unknown) => {
        if ((err as Error).name !== 'AbortError') setTenant(null);
      });
    api<SessionResponse>(`${apiBase}/session`, { signal: ctrl.signal })
      .then((session) => setState({ kind: 'signed-in', session }))
      .catch((err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        if (err instanceof ApiError && (err.status === 401 || err.status === 404)) setState({ kind: 'signed-out' });
        else setState({ kind: 'error', message: errorMessage(err) });
      });
    return () => ctrl.abort();
  }, [slug, apiBase]);

  const expired = useCallback(() => setState({ kind: 'signed-out', notice: 'La sessione è scaduta: accedi di nuovo.' }), []);
  // The temporary password was replaced: the whole console opens (the server allows it now).
  const passwordChanged = useCallback(
    () => setState((s) => (s.kind === 'signed-in' ? { kind: 'signed-in', session: { ...s.session, operator: { ...s.session.operator, mustChangePassword: false } } } : s)),
    [],
  );

  const session = useMemo<OperatorSession | null>(() => {
    if (state.kind !== 'signed-in') return null;
    const s = state.session;
    const call = makeCaller(apiBase, s.csrfToken, expired);
    return {
      ...s,
      base,
      apiBase,
      call,
      async signOut() {
        try {
          await call('session', { method: 'DELETE' });
        } catch {
          // Signed out on this page whatever the server says: the cookie expires anyway.
        }
        setState({ kind: 'signed-out', notice: 'Sei uscito dall’area operatori.' });
        navigate(base);
      },
    };
  }, [state, apiBase, base, expired]);

  const tenantName = state.kind === 'signed-in' ? state.session.tenant.name : (tenant?.name ?? 'Sportello');

  if (tenant === null && state.kind !== 'signed-in') {
    return (
      <Layout tenantName="Sportello">
        <PageHeading title="Comune non trovato" />
        <p>
          L'indirizzo non corrisponde a nessun comune servito. <a href="/">Vai all'elenco dei comuni</a>.
        </p>
      </Layout>
    );
  }
  if (state.kind === 'loading' || tenant === undefined) {
    return (
      <Layout tenantName={tenantName} home={base}>
        <Loading />
      </Layout>
    );
  }
  if (state.kind === 'error') {
    return (
      <Layout tenantName={tenantName} home={base}>
        <PageHeading title="Area operatori" />
        <ErrorAlert message={state.message} />
      </Layout>
    );
  }
  if (state.kind === 'signed-out' || !session) {
    return (
      <Layout tenantName={tenantName} home={base}>
        <Login slug={slug} notice={state.kind === 'signed-out' ? state.notice : undefined} onSignedIn={(s) => setState({ kind: 'signed-in', session: s })} />
      </Layout>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Layout tenantName={tenantName} session={session} path={path}>
        {session.operator.mustChangePassword ? <ForcedPasswordChange onDone={passwordChanged} /> : <Route path={path} session={session} />}
      </Layout>
    </SessionContext.Provider>
  );
}

function Route({ path, session }: { path: string; session: OperatorSession }) {
  if (matchPath('/:tenant/operatore', path) || matchPath('/:tenant/operatore/agenda', path)) return <Agenda />;
  const detail = matchPath('/:tenant/operatore/prenotazioni/:id', path);
  if (detail) return <BookingDetail key={detail.id} id={detail.id!} />;
  if (matchPath('/:tenant/operatore/nuova-prenotazione', path)) return <PhoneBooking />;
  if (matchPath('/:tenant/operatore/videochiamate', path)) return <VideoToday />;
  if (matchPath('/:tenant/operatore/profilo', path)) return <Profile />;
  if (matchPath('/:tenant/operatore/operatori', path))
    return canConfigure(session) ? <Officers /> : <Forbidden title="Operatori" reason="Gli account degli operatori sono gestiti dagli amministratori del comune." />;
  if (matchPath('/:tenant/operatore/registro', path))
    return session.operator.role === 'admin' ? <AuditLog /> : <Forbidden title="Registro attività" reason="Il registro attività è consultabile dagli amministratori del comune." />;
  if (matchPath('/:tenant/operatore/protocollo', path)) return <Protocol />;
  if (matchPath('/:tenant/operatore/pratiche', path)) return <CaseInbox />;
  const caseDetail = matchPath('/:tenant/operatore/pratiche/:id', path);
  if (caseDetail) return <CaseDetail key={caseDetail.id} id={caseDetail.id!} />;
  if (matchPath('/:tenant/operatore/richieste', path)) return <AssistanceRequests />;
  if (matchPath('/:tenant/operatore/segnalazioni', path)) return <InefficiencyReports />;
  if (matchPath('/:tenant/operatore/pagamenti', path)) return <PaymentsPage />;
  if (matchPath('/:tenant/operatore/pagamenti/impostazioni', path))
    return session.operator.role === 'admin' ? (
      <PaymentSettings />
    ) : (
      <Forbidden title="Impostazioni pagoPA" reason="Le impostazioni pagoPA sono gestite dagli amministratori del comune." />
    );
  const payment = matchPath('/:tenant/operatore/pagamenti/:id', path);
  if (payment) return <PaymentDetail key={payment.id} id={payment.id!} />;
  if (matchPath('/:tenant/operatore/schede-servizio', path))
    return session.operator.role === 'admin' ? (
      <ServiceCards />
    ) : (
      <Forbidden title="Schede servizio" reason="Le schede dei servizi sono gestite dagli amministratori del comune." />
    );
  if (matchPath('/:tenant/operatore/sito', path))
    return session.operator.role === 'admin' ? <SitePage /> : <Forbidden title="Sito del Comune" reason="Il sito del Comune è gestito dagli amministratori." />;
  if (matchPath('/:tenant/operatore/coda', path)) return <DeskChoice />;
  if (matchPath('/:tenant/operatore/coda/statistiche', path)) return <QueueStats />;
  const desk = matchPath('/:tenant/operatore/coda/:deskId', path);
  if (desk) return <DeskConsole key={desk.deskId} deskId={desk.deskId!} />;
  const bookingRoom = matchPath('/:tenant/operatore/appuntamenti/:id/video', path);
  if (bookingRoom) return <OpenRoom key={path} kind="booking" id={bookingRoom.id!} />;
  const immediateRoom = matchPath('/:tenant/operatore/stanze/:id/video', path);
  if (immediateRoom) return <OpenRoom key={path} kind="room" id={immediateRoom.id!} />;
  const room = matchPath('/:tenant/operatore/video/:token', path);
  if (room) {
    return (
      <Suspense fallback={<Loading />}>
        <RoomPage key={room.token} tenant={room.tenant!} token={room.token!} />
      </Suspense>
    );
  }
  if (path.startsWith(`${session.base}/configurazione`)) {
    if (!canConfigure(session)) {
      return (
        <>
          <Heading title="Configurazione" />
          <div className="alert alert-warning" role="alert">
            Non hai i permessi per configurare gli uffici: chiedi a un amministratore del comune.
          </div>
        </>
      );
    }
    if (matchPath('/:tenant/operatore/configurazione', path)) return <ConfigOffices />;
    const office = matchPath('/:tenant/operatore/configurazione/uffici/:officeId', path);
    if (office) return <ConfigOffice key={office.officeId} officeId={office.officeId!} />;
  }
  return (
    <>
      <Heading title="Pagina non trovata" />
      <p>La pagina richiesta non esiste nell'area operatori.</p>
    </>
  );
}
