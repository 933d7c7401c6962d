// "Esci dalla coda", with a confirmation step: leaving cannot be undone (the number is not called
// any more), and a stray tap on a phone should not cost someone their place.
import { useEffect, useRef, useState } from 'react';
import type { TicketView } from '../../../contracts/queue.ts';
import { api, errorMessage } from '../shared/api.ts';
import { ErrorAlert } from '../shared/Page.tsx';

export function LeaveQueue({ leavePath, ticket, onLeft }: { leavePath: string; ticket: TicketView; onLeft(t: TicketView): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const confirmRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function leave() {
    setBusy(true);
    setError(undefined);
    try {
      onLeft(await api<TicketView>(leavePath, { method: 'POST' }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <p className="mt-4">
        <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
          Esci dalla coda
        </button>
      </p>
    );
  }
  return (
    <section className="card card-bg shadow-sm mt-4" aria-labelledby="leave-title">
      <div className="card-body">
        <h2 className="h5" id="leave-title" ref={confirmRef} tabIndex={-1}>
          Vuoi uscire dalla coda?
        </h2>
        <p>Il numero {ticket.number} non sarà più chiamato. Se poi cambi idea dovrai prendere un nuovo numero, in fondo alla coda.</p>
        <ErrorAlert message={error} />
        <div className="d-flex flex-wrap gap-3">
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void leave()}>
            Sì, esci dalla coda
          </button>
          <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => setConfirming(false)}>
            No, resto in coda
          </button>
        </div>
      </div>
    </section>
  );
}
