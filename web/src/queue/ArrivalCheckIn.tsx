// "Sono arrivato in ufficio" for an in-person booking: on the day, from the phone, the booking joins
// the office's line (ahead of walk-ins at its time) and we go to the ticket's live page. The QR code
// does the same at the office's kiosk. Part of the booking manage page, so kept small.
import { useState } from 'react';
import type { ManagedBooking } from '../../../contracts/booking.ts';
import type { TicketCreated } from '../../../contracts/queue.ts';
import { api, errorMessage } from '../shared/api.ts';
import { localDay } from '../shared/format.ts';
import { navigate } from '../shared/router.tsx';
import { appPath } from './paths.ts';

const ACTIVE = new Set(['pending', 'confirmed', 'checked_in']);

export function ArrivalCheckIn({ slug, token, booking, onCheckedIn }: { slug: string; token: string; booking: ManagedBooking; onCheckedIn(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  if (booking.service.mode === 'video' || !ACTIVE.has(booking.status)) return null;
  const base = `/api/v1/${slug}/bookings/manage/${encodeURIComponent(token)}`;
  const today = localDay(booking.start) === localDay(new Date());
  const already = booking.status === 'checked_in';

  async function arrive() {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api<{ bookingId: string; ticket: TicketCreated | null }>(`${base}/check-in`, { method: 'POST' });
      if (res.ticket) {
        navigate(appPath(res.ticket.trackUrl));
        return;
      }
      setDone(true);
      onCheckedIn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-bg shadow-sm mb-4" aria-labelledby="arrival-title">
      <div className="card-body">
        <h2 className="h4" id="arrival-title">
          Arrivo in ufficio
        </h2>
        {today ? (
          <>
            <p>
              {already
                ? "Hai già registrato l'arrivo: qui trovi il tuo numero."
                : "Quando sei in ufficio, tocca il pulsante: ricevi un numero e passi avanti a chi non ha prenotato, all'orario del tuo appuntamento. Puoi farlo da un'ora prima."}
            </p>
            {error ? (
              <div className="alert alert-danger" role="alert">
                {error}
              </div>
            ) : null}
            <div role="status">{done ? <p className="alert alert-success">Arrivo registrato: accomodati, l'ufficio ti chiamerà all'orario dell'appuntamento.</p> : null}</div>
            <button type="button" className="btn btn-primary btn-lg" disabled={busy} onClick={() => void arrive()}>
              {already ? 'Mostra il mio numero' : 'Sono arrivato in ufficio'}
            </button>
          </>
        ) : (
          <p>Il giorno dell'appuntamento, arrivato in ufficio, potrai registrare l'arrivo da questa pagina oppure al totem all'ingresso.</p>
        )}
        <p className="mt-4 mb-2">Al totem dell'ufficio puoi anche avvicinare al lettore questo codice QR:</p>
        <img className="arrival-qr" src={`${base}/arrival-qr.png`} width={180} height={180} alt={`Codice QR per registrare l'arrivo al totem: appuntamento ${booking.reference}`} />
      </div>
    </section>
  );
}
