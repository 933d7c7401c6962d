// The citizen's ticket, live: the number, where it stands in the line, the wait, the "almost your
// turn" and "your turn" alerts, leaving the line. The token in the address is the only credential;
// the page loads nothing from third parties, and the server sends no Referer, so it stays ours.
import { useState } from 'react';
import type { TicketView } from '../../../contracts/queue.ts';
import { useTenant } from '../citizen/tenant.ts';
import { time } from '../shared/format.ts';
import { Icon } from '../shared/Icon.tsx';
import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { Link, useQueryParam } from '../shared/router.tsx';
import { audioRunning, playChime, unlockAudio } from './chime.ts';
import { LeaveQueue } from './LeaveQueue.tsx';
import { takeNumberPath } from './paths.ts';
import { TicketCalled } from './TicketCalled.tsx';
import { ENDED_EXPLANATION, estimatedWaitText, isEnded, positionText, STATUS_WORDS } from './ticket-words.ts';
import { useTicketLive } from './useTicketLive.ts';
import './queue.css';

export default function TicketPage({ id }: { id: string }) {
  const t = useTenant();
  const token = useQueryParam('token') ?? '';
  const live = useTicketLive(t.slug, id, token);
  const ticket = live.ticket;

  if (!ticket) {
    if (!live.error && token) return <Loading />;
    return (
      <>
        <PageHeading title="Numero non trovato" />
        <ErrorAlert message={live.notFound || !live.error ? 'Il link del numero non è valido o non è completo.' : live.error} />
        <p>Controlla di aver aperto il link completo, oppure prendi un nuovo numero dalla pagina dell'ufficio.</p>
      </>
    );
  }
  const ended = isEnded(ticket.status);
  const tz = ticket.timeZone;
  return (
    <div className="ticket-page">
      <PageHeading title="Il tuo numero" />
      <p className="lead mb-3">{ticket.officeName}</p>

      <section className="ticket-card" aria-labelledby="ticket-number-label">
        <p className="ticket-number-label" id="ticket-number-label">
          Numero
        </p>
        <p className="ticket-number" data-testid="ticket-number">
          {ticket.number}
        </p>
        <p className="ticket-status mb-0">{STATUS_WORDS[ticket.status]}</p>
      </section>

      <div aria-live="polite" className="mt-3">
        <TicketCalled ticket={ticket} />
        {ticket.status === 'waiting' ? <WaitingInfo ticket={ticket} /> : null}
        {ticket.status === 'serving' && !ticket.videoUrl ? <p className="ticket-line">Sei allo sportello{ticket.desk ? ` ${ticket.desk.name}` : ''}.</p> : null}
        {ticket.status === 'parked' ? (
          <div className="alert alert-info">
            L'operatore ha messo in pausa il tuo numero, per esempio mentre recuperi un documento: ti richiamerà. Resta nei paraggi e tieni aperta questa pagina.
          </div>
        ) : null}
        {ended ? (
          <div className="alert alert-info">
            <p className="mb-2">{ENDED_EXPLANATION[ticket.status]}</p>
            {ticket.status !== 'done' ? <Link href={takeNumberPath(t.slug, ticket.officeId)}>Prendi un nuovo numero</Link> : null}
          </div>
        ) : null}
      </div>

      {!ended && live.connection === 'reconnecting' ? (
        <p className="small text-muted" role="status">
          Connessione persa: riprovo a collegarmi…
        </p>
      ) : null}
      {!ended ? <SoundCheck /> : null}

      <dl className="summary-list mt-4">
        <dt>Ufficio</dt>
        <dd>
          {ticket.officeName}
          {ticket.kind === 'in_person' ? (
            <>
              <br />
              {ticket.officeAddress}
            </>
          ) : null}
        </dd>
        <dt>Servizio</dt>
        <dd>
          {ticket.serviceName}
          {ticket.kind === 'in_person' ? ' (in presenza)' : /video/i.test(ticket.serviceName) ? '' : ' (in videochiamata)'}
        </dd>
        <dt>Numero preso alle</dt>
        <dd>{time(ticket.takenAt, tz)}</dd>
        {ticket.appointment ? (
          <>
            <dt>Appuntamento</dt>
            <dd>
              Ore {time(ticket.appointment.start, tz)}, codice {ticket.appointment.reference}
              {ticket.appointment.late ? ". Sei arrivato dopo l'orario: aspetti in coda con gli altri" : ''}
            </dd>
          </>
        ) : null}
        {ticket.priority ? (
          <>
            <dt>Precedenza dichiarata</dt>
            <dd>{ticket.priority}</dd>
          </>
        ) : null}
      </dl>

      {ticket.status === 'waiting' ? (
        <LeaveQueue leavePath={`/api/v1/${t.slug}/tickets/${encodeURIComponent(ticket.id)}/leave?token=${encodeURIComponent(token)}`} ticket={ticket} onLeft={live.replace} />
      ) : null}
    </div>
  );
}

function WaitingInfo({ ticket }: { ticket: TicketView }) {
  return (
    <>
      {ticket.almostYourTurn ? (
        <div className="alert alert-warning" role="alert">
          <p className="fw-semibold mb-1">Manca poco!</p>
          <p className="mb-0">
            {ticket.kind === 'video'
              ? 'Tieni aperta questa pagina: tra poco potrai entrare nella videochiamata.'
              : 'Avvicinati agli sportelli e tieni d’occhio il tabellone e questa pagina.'}
          </p>
        </div>
      ) : null}
      {ticket.position !== null ? <p className="ticket-line fw-semibold">{positionText(ticket.position, ticket.openDesks > 0)}</p> : null}
      {ticket.position !== null && estimatedWaitText(ticket.estimatedWait, ticket.openDesks) ? (
        <p className="ticket-line">Attesa stimata: {estimatedWaitText(ticket.estimatedWait, ticket.openDesks)}</p>
      ) : null}
      <p className="small">
        {ticket.appointment ? 'Hai un appuntamento: passerai avanti a chi non ha prenotato, all’orario previsto. ' : ''}
        Tieni aperta questa pagina: si aggiorna da sola e ti avvisa quando è il tuo turno.
      </p>
    </>
  );
}

/** Phones keep sound off until a touch: one tap here lets the "your turn" chime play later. */
function SoundCheck() {
  const [on, setOn] = useState(audioRunning);
  if (on) return <p className="small mb-0">Avviso sonoro attivo.</p>;
  return (
    <p className="mt-2">
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={() =>
          void unlockAudio().then((ok) => {
            setOn(ok);
            if (ok) playChime();
          })
        }
      >
        <Icon name="it-horn" className="icon-primary me-1" size="sm" />
        Attiva l'avviso sonoro
      </button>
    </p>
  );
}
