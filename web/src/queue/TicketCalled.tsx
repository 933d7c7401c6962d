// The moment that matters: the ticket is called. A banner that screen readers announce at once, a
// chime and a vibration for the phone in a pocket, and for video tickets the button into the room.
import { useEffect, useRef } from 'react';
import type { TicketView } from '../../../contracts/queue.ts';
import { Icon } from '../shared/Icon.tsx';
import { Link } from '../shared/router.tsx';
import { alertCalled } from './chime.ts';
import { appPath } from './paths.ts';

/** Chimes at every new call (and recall) seen while the page is open, not for a call already shown on load. */
function useCallSignal(ticket: TicketView) {
  const seen = useRef<number | null>(null);
  const calledNow = ticket.status === 'called';
  useEffect(() => {
    const first = seen.current === null;
    const isNew = !first && ticket.callCount > (seen.current ?? 0);
    seen.current = ticket.callCount;
    if (calledNow && isNew) alertCalled();
  }, [ticket.callCount, calledNow]);
}

export function TicketCalled({ ticket }: { ticket: TicketView }) {
  useCallSignal(ticket);
  if (ticket.status !== 'called' && !(ticket.status === 'serving' && ticket.videoUrl)) return null;
  const recall = ticket.callCount > 1;
  return (
    <div className="alert alert-success ticket-called" role="alert" data-testid="ticket-called">
      {ticket.videoUrl ? (
        <>
          <p className="ticket-called-title">È il tuo turno: l'operatore ti aspetta in videochiamata</p>
          <p className="mb-0">
            <Link className="btn btn-primary btn-lg ticket-video-button" href={appPath(ticket.videoUrl)}>
              <Icon name="it-video" className="icon-white me-2" />
              Entra nella videochiamata
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="ticket-called-title">
            È il tuo turno — recati a: <span className="text-nowrap">{ticket.desk?.name ?? 'lo sportello indicato sul tabellone'}</span>
          </p>
          <p className="mb-0">{recall ? 'Ti stanno chiamando di nuovo: raggiungi subito lo sportello.' : 'Raggiungi lo sportello con questo numero.'}</p>
        </>
      )}
    </div>
  );
}
