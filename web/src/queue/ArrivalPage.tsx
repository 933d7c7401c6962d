// The "I have arrived" link of the confirmation email (/{comune}/appuntamento/{token}/arrivo): the
// appointment in brief and the check-in button, nothing else to get wrong while standing in a hall.
import type { ManagedBooking } from '../../../contracts/booking.ts';
import { Breadcrumb } from '../citizen/Layout.tsx';
import { useTenant } from '../citizen/tenant.ts';
import { time, when } from '../shared/format.ts';
import { Loading, PageHeading } from '../shared/Page.tsx';
import { Link } from '../shared/router.tsx';
import { useApi } from '../shared/useApi.ts';
import { ArrivalCheckIn } from './ArrivalCheckIn.tsx';

export default function ArrivalPage({ token }: { token: string }) {
  const t = useTenant();
  const managePath = `/${t.slug}/appuntamento/${encodeURIComponent(token)}`;
  const res = useApi<ManagedBooking>(`/api/v1/${t.slug}/bookings/manage/${encodeURIComponent(token)}`);
  const b = res.data;
  if (res.loading && !b) return <Loading />;
  if (!b) {
    return (
      <>
        <PageHeading title="Appuntamento non trovato" />
        <p>
          {res.errorStatus === 400 || res.errorStatus === 404 || !res.error ? 'Il link non è valido o è scaduto.' : res.error} Controlla di aver aperto tutto il link dall'email.
        </p>
      </>
    );
  }
  const inactive = b.service.mode === 'video' || !['pending', 'confirmed', 'checked_in'].includes(b.status);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Il tuo appuntamento', href: managePath }, { label: 'Arrivo in ufficio' }]} />
      <PageHeading title="Sei arrivato in ufficio?" />
      <dl className="summary-list">
        <dt>Codice prenotazione</dt>
        <dd>{b.reference}</dd>
        <dt>Servizio</dt>
        <dd>{b.service.name}</dd>
        <dt>Quando</dt>
        <dd>
          {when(b.start)} – {time(b.end)}
        </dd>
        <dt>Dove</dt>
        <dd>{b.service.mode === 'video' ? 'In videochiamata' : `${b.office.name}, ${b.office.address}`}</dd>
      </dl>
      {inactive ? (
        <div className="alert alert-info">
          {b.service.mode === 'video'
            ? "È un appuntamento in videochiamata: non serve registrare l'arrivo. Entra nella stanza video dalla pagina dell'appuntamento."
            : `Per questo appuntamento non si può registrare l'arrivo: ${b.status === 'cancelled' ? 'è stato annullato.' : 'è già concluso.'}`}
        </div>
      ) : null}
      <ArrivalCheckIn slug={t.slug} token={token} booking={b} onCheckedIn={res.reload} />
      <p>
        <Link href={managePath}>Vedi tutti i dettagli dell'appuntamento</Link>
      </p>
    </>
  );
}
