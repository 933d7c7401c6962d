// Whether the console is following the line live. Said in words (and a shape), never by colour
// alone; a polite status so a screen reader hears when the connection drops and comes back.
import type { LiveStatus } from '../../shared/live-socket.ts';

const TEXT: Record<LiveStatus, string> = {
  connecting: 'Collegamento in tempo reale in corso…',
  open: 'Aggiornamento in tempo reale attivo',
  reconnecting: 'Connessione interrotta: riconnessione in corso…',
  closed: 'Aggiornamento in tempo reale non disponibile: usa «Aggiorna ora».',
};

export function LiveIndicator({ state, onRefresh }: { state: LiveStatus; onRefresh(): void }) {
  return (
    <div className="d-flex flex-wrap align-items-center gap-2">
      <p className={`live-indicator live-${state} mb-0`} role="status" data-testid="live-indicator" data-state={state}>
        <span className="live-dot" aria-hidden="true" />
        {TEXT[state]}
      </p>
      {state !== 'open' ? (
        <button type="button" className="btn btn-link btn-sm p-0" onClick={onRefresh}>
          Aggiorna ora
        </button>
      ) : null}
    </div>
  );
}
