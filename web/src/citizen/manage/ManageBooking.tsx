// The page behind the emailed manage link: see the appointment, move it or cancel it until the
// service's cut-off. The token in the URL is the only credential, so the page never shows it back.
import { lazy, Suspense, useState } from 'react';
import type { ManagedBooking, SlotView } from '../../../../contracts/booking.ts';
import { api, ApiError, errorMessage } from '../../shared/api.ts';
import { Icon } from '../../shared/Icon.tsx';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { fileSize, time, when } from '../../shared/format.ts';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { SlotPicker } from '../booking/SlotPicker.tsx';
import { bookingStatus } from '../booking-status.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';

// "Sono arrivato in ufficio" belongs to the queue: loaded on demand, the manage page stays as light.
const ArrivalCheckIn = lazy(() => import('../../queue/ArrivalCheckIn.tsx').then((m) => ({ default: m.ArrivalCheckIn })));

type Mode = 'view' | 'reschedule' | 'cancel';

export function ManageBooking({ token }: { token: string }) {
  const t = useTenant();
  const base = `/api/v1/${t.slug}/bookings/manage/${encodeURIComponent(token)}`;
  const res = useApi<ManagedBooking>(base);
  const [booking, setBooking] = useState<ManagedBooking>();
  const [mode, setMode] = useState<Mode>('view');
  const [slot, setSlot] = useState<SlotView>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const b = booking ?? res.data;

  if (res.loading && !b) return <Loading />;
  if (!b) {
    return (
      <>
        <PageHeading title="Appuntamento non trovato" />
        {/* A malformed or unknown link is the same thing to the citizen: never the name of a parameter. */}
        <p>
          {res.errorStatus === 400 || res.errorStatus === 404 || !res.error ? 'Il link non è valido o è scaduto.' : res.error} Controlla di aver copiato tutto il link dall'email.
        </p>
      </>
    );
  }
  const status = bookingStatus(b.status);

  async function act(path: string, body: unknown, message: string): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const updated = await api<ManagedBooking>(`${base}/${path}`, { method: 'POST', body });
      setBooking(updated);
      setMode('view');
      setDone(message);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.code === 'SLOT_TAKEN') setRefreshKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Il tuo appuntamento' }]} />
      <PageHeading title="Il tuo appuntamento" />
      {done ? (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      ) : null}
      <ErrorAlert message={error} />
      <section className="card card-bg shadow-sm mb-4">
        <div className="card-body">
          <p>
            <span className={`badge ${status.badge}`}>{status.label}</span>
          </p>
          <dl className="summary-list mb-0">
            <dt>Codice prenotazione</dt>
            <dd>{b.reference}</dd>
            <dt>Servizio</dt>
            <dd>{b.service.name}</dd>
            <dt>Quando</dt>
            <dd data-testid="booking-when">
              {when(b.start)} – {time(b.end)}
            </dd>
            <dt>Dove</dt>
            <dd>{b.service.mode === 'video' ? 'In videochiamata' : `${b.office.name}, ${b.office.address}`}</dd>
            <dt>Richiedente</dt>
            <dd>
              {b.applicant.name} {b.applicant.surname} ({b.applicant.email})
            </dd>
            {b.service.whatToBring && b.status !== 'cancelled' ? (
              <>
                <dt>Cosa portare</dt>
                <dd>{b.service.whatToBring}</dd>
              </>
            ) : null}
            {b.status === 'cancelled' && b.cancelReason ? (
              <>
                <dt>Motivo dell'annullamento</dt>
                <dd>{b.cancelReason}</dd>
              </>
            ) : null}
          </dl>
          {b.videoUrl ? (
            <p className="mt-3 mb-0">
              <Link className="btn btn-primary" href={new URL(b.videoUrl, window.location.href).pathname}>
                <Icon name="it-video" className="icon-white me-1" />
                Entra nella stanza video
              </Link>
            </p>
          ) : null}
          {b.files?.length ? (
            <>
              <h3 className="h6 mt-4">Documenti</h3>
              <ul data-testid="booking-files">
                {b.files.map((f) => (
                  <li key={f.id}>
                    <a href={`${base}/files/${encodeURIComponent(f.id)}`} download={f.name}>
                      {f.name}
                    </a>{' '}
                    <span className="small">
                      ({fileSize(f.size)}, {f.uploadedBy === 'citizen' ? 'inviato da te' : "inviato dall'ufficio"})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </section>

      <Suspense fallback={null}>
        <ArrivalCheckIn
          slug={t.slug}
          token={token}
          booking={b}
          onCheckedIn={() => {
            setBooking(undefined);
            res.reload();
          }}
        />
      </Suspense>

      {b.status !== 'cancelled' ? (
        <p>
          <a className="btn btn-outline-primary" href={`${base}/calendar.ics`} download={`appuntamento-${b.reference}.ics`}>
            <Icon name="it-calendar" className="icon-primary me-1" />
            Aggiungi al tuo calendario
          </a>
        </p>
      ) : null}

      {b.canChange && mode === 'view' ? (
        <>
          <p>Puoi spostare o annullare l'appuntamento fino a {when(b.changeDeadline)}.</p>
          <div className="d-flex flex-wrap gap-3">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setDone(undefined);
                setMode('reschedule');
              }}
            >
              Sposta appuntamento
            </button>
            <button
              type="button"
              className="btn btn-outline-danger"
              onClick={() => {
                setDone(undefined);
                setMode('cancel');
              }}
            >
              Annulla appuntamento
            </button>
          </div>
        </>
      ) : null}
      {!b.canChange && (b.status === 'confirmed' || b.status === 'pending') ? (
        <div className="alert alert-info" role="status">
          Non è più possibile spostare o annullare l'appuntamento online.
          {b.office.phone || b.office.email ? ` Contatta l'ufficio: ${[b.office.phone, b.office.email].filter(Boolean).join(', ')}.` : ''}
        </div>
      ) : null}

      {mode === 'reschedule' ? (
        <section aria-labelledby="reschedule-title" className="mt-4">
          <h2 className="h4" id="reschedule-title">
            Scegli il nuovo giorno e orario
          </h2>
          <SlotPicker
            tenant={t.slug}
            serviceId={b.service.id}
            horizonDays={b.service.horizonDays}
            value={slot?.start}
            onChange={(chosen) => setSlot(chosen ?? undefined)}
            exclude={b.start}
            refreshKey={refreshKey}
          />
          <div className="d-flex flex-wrap gap-3 mt-4">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!slot || busy}
              onClick={() => void act('reschedule', { start: slot!.start }, `Appuntamento spostato a ${when(slot!.start)}. Ti abbiamo inviato un'email con il nuovo orario.`)}
            >
              Conferma nuovo orario
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setMode('view')}>
              Torna indietro
            </button>
          </div>
        </section>
      ) : null}

      {mode === 'cancel' ? (
        <section aria-labelledby="cancel-title" className="mt-4">
          <h2 className="h4" id="cancel-title">
            Annulla l'appuntamento
          </h2>
          <div className="form-group mt-4">
            <label htmlFor="cancel-reason" className="active">
              Motivo (facoltativo)
            </label>
            <textarea id="cancel-reason" className="form-control" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="d-flex flex-wrap gap-3">
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => void act('cancel', reason.trim() ? { reason: reason.trim() } : {}, "Appuntamento annullato. Ti abbiamo inviato un'email di conferma.")}
            >
              Conferma annullamento
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setMode('view')}>
              Non annullare
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
