// Signing in at a desk, used by the desk list and by a desk console opened while not signed in there.
// A desk held by another officer is never taken silently: the server answers 409 DESK_TAKEN, and
// only after the officer confirms do we ask again with takeOver (the server audits it).
import { useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { useSession } from '../session.tsx';
import { describeError, FocusHeading, type Outcome } from '../ui.tsx';

interface DeskRef {
  id: string;
  name: string;
}

export interface TakenDesk extends DeskRef {
  /** The server's sentence: "Lo sportello è già occupato da …". */
  message: string;
}

export function useDeskSignIn(onSignedIn: (desk: DeskRef) => void) {
  const session = useSession();
  const [busy, setBusy] = useState<string>();
  const [taken, setTaken] = useState<TakenDesk>();
  const [outcome, setOutcome] = useState<Outcome>();

  async function signIn(desk: DeskRef, takeOver = false): Promise<void> {
    if (busy) return;
    setBusy(desk.id);
    setOutcome(undefined);
    try {
      await session.call(`desks/${encodeURIComponent(desk.id)}/session`, { method: 'POST', body: takeOver ? { takeOver: true } : {} });
      setTaken(undefined);
      onSignedIn(desk);
    } catch (err) {
      if (!takeOver && err instanceof ApiError && err.code === 'DESK_TAKEN') setTaken({ ...desk, message: err.message });
      else setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(undefined);
    }
  }

  return { busy, taken, outcome, signIn, cancelTakeOver: () => setTaken(undefined) };
}

/** The confirmation before taking over a desk someone else is signed in at. */
export function TakeOverConfirm({ taken, busy, onConfirm, onCancel }: { taken: TakenDesk; busy: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <div className="card card-bg shadow-sm my-3 border-warning" data-testid="take-over">
      <div className="card-body">
        <FocusHeading>Subentrare a {taken.name}?</FocusHeading>
        <p>{taken.message}</p>
        <p>
          Se subentri, l'altro operatore viene scollegato da questo sportello e i numeri chiamati qui passano a te. Fallo solo se il collega ha lasciato la postazione o te l'ha
          chiesto.
        </p>
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary" aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
            Subentra<span className="visually-hidden"> a {taken.name}</span>
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            Annulla
          </button>
        </div>
      </div>
    </div>
  );
}
