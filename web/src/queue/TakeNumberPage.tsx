// "Prendi il numero": an office's queues (who is waiting, how long, open desks) and the form to take
// a number from home, from the poster's QR code (?origine=qr) or from the kiosk's link (?origine=chiosco).
import type { OfficeQueueInfo } from '../../../contracts/queue.ts';
import { Breadcrumb } from '../citizen/Layout.tsx';
import { useTenant } from '../citizen/tenant.ts';
import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { useQueryParam } from '../shared/router.tsx';
import { useApi } from '../shared/useApi.ts';
import { QueueList } from './QueueList.tsx';
import { TakeNumberForm, type TicketSource } from './TakeNumberForm.tsx';
import './queue.css';

const SOURCES: Record<string, TicketSource> = { qr: 'qr', chiosco: 'kiosk' };

export default function TakeNumberPage({ officeId }: { officeId: string }) {
  const t = useTenant();
  const origin = useQueryParam('origine');
  const info = useApi<OfficeQueueInfo>(`/api/v1/${t.slug}/offices/${encodeURIComponent(officeId)}/queue`);
  const data = info.data;

  if (info.loading && !data) return <Loading />;
  if (!data) {
    return (
      <>
        <PageHeading title="Ufficio non trovato" />
        {/* The heading already says what a 404 says; any other failure is worth its own words. */}
        {info.errorStatus === 404 ? <p>L'indirizzo non corrisponde a nessun ufficio del Comune: controlla il link o il codice QR.</p> : <ErrorAlert message={info.error} />}
      </>
    );
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: data.office.name }, { label: 'Prendi il numero' }]} />
      <PageHeading title="Prendi il numero" />
      <p className="lead mb-1">{data.office.name}</p>
      <p className="mb-4">{data.office.address}</p>
      <p>Prendi il numero da qui e aspetta dove vuoi: questa pagina ti mostra quante persone hai davanti e ti avvisa quando è il tuo turno.</p>

      {data.open ? null : (
        <div className="alert alert-warning mb-4" role="status">
          <p className="fw-semibold mb-1">In questo momento non è possibile prendere il numero.</p>
          <p className="mb-1">{data.closedReason ?? "L'ufficio è chiuso."}</p>
          {data.office.openingHours ? <p className="mb-0">Orari: {data.office.openingHours}</p> : null}
        </div>
      )}
      <QueueList queues={data.queues} />
      {data.open ? <TakeNumberForm info={data} source={SOURCES[origin ?? ''] ?? 'web'} onClosed={info.reload} /> : null}
    </>
  );
}
