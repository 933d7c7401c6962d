// The tickets this desk may call, in the order "Chiama il prossimo" takes them, with a button to call
// one out of turn (a citizen who must leave soon, a quick question). Above it, how many wait in
// each of the desk's queues.
import type { DeskLine, LineTicket } from '../../../../contracts/queue.ts';
import { time } from '../../shared/format.ts';
import { KIND_LABEL, laneText } from './ticket-text.ts';

export function QueueCounts({ line }: { line: DeskLine }) {
  return (
    <ul className="queue-counts list-unstyled d-flex flex-wrap gap-3 mb-3" aria-label="In attesa per coda" data-testid="queue-counts">
      {line.desk.queues.map((q) => {
        const n = line.waiting.filter((t) => t.queueId === q.id).length;
        return (
          <li key={q.id} className="queue-count">
            <span className="queue-prefix">{q.prefix}</span> {q.name}
            {q.kind === 'video' ? <span className="badge bg-primary ms-2">{KIND_LABEL.video.toLowerCase()}</span> : null}:{' '}
            <strong>{n === 1 ? '1 in attesa' : `${n} in attesa`}</strong>
          </li>
        );
      })}
    </ul>
  );
}

export function WaitingLine({ line, canAct, onCall }: { line: DeskLine; canAct: boolean; onCall(t: LineTicket): void }) {
  const tz = line.timeZone;
  if (!line.waiting.length) return <p data-testid="waiting-empty">Nessuno in attesa per questo sportello.</p>;
  return (
    <div className="table-responsive">
      <table className="table queue-table" data-testid="waiting-line">
        <caption>Numeri in attesa, nell'ordine in cui verranno chiamati</caption>
        <thead>
          <tr>
            <th scope="col">Posizione</th>
            <th scope="col">Numero</th>
            <th scope="col">Servizio</th>
            <th scope="col">Accesso</th>
            <th scope="col">In attesa dalle</th>
            {canAct ? (
              <th scope="col">
                <span className="visually-hidden">Azioni</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {line.waiting.map((t, i) => (
            <tr key={t.id} data-ticket={t.number}>
              <td>{i + 1}</td>
              <th scope="row" className="ticket-cell">
                {t.number}
              </th>
              <td>
                {t.serviceName}
                {t.kind === 'video' ? <span className="badge bg-primary ms-2">{KIND_LABEL.video}</span> : null}
              </td>
              <td>{laneText(t, tz)}</td>
              <td>{time(t.takenAt, tz)}</td>
              {canAct ? (
                <td>
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onCall(t)}>
                    Chiama<span className="visually-hidden"> il numero {t.number}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tickets parked at this desk (the citizen stepped away for a document): resume or transfer them. */
export function ParkedTickets({ line, canAct, onResume, onTransfer }: { line: DeskLine; canAct: boolean; onResume(t: LineTicket): void; onTransfer(t: LineTicket): void }) {
  const tz = line.timeZone;
  if (!line.parked.length) return <p>Nessun numero sospeso.</p>;
  return (
    <div className="table-responsive">
      <table className="table queue-table" data-testid="parked">
        <caption>Numeri sospesi a questo sportello</caption>
        <thead>
          <tr>
            <th scope="col">Numero</th>
            <th scope="col">Servizio</th>
            <th scope="col">Accesso</th>
            <th scope="col">Preso alle</th>
            {canAct ? (
              <th scope="col">
                <span className="visually-hidden">Azioni</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {line.parked.map((t) => (
            <tr key={t.id} data-ticket={t.number} data-ticket-id={t.id}>
              <th scope="row" className="ticket-cell">
                {t.number}
              </th>
              <td>{t.serviceName}</td>
              <td>{laneText(t, tz)}</td>
              <td>{time(t.takenAt, tz)}</td>
              {canAct ? (
                <td>
                  <div className="d-flex flex-wrap gap-2">
                    <button type="button" className="btn btn-primary btn-sm" onClick={() => onResume(t)}>
                      Riprendi<span className="visually-hidden"> il numero {t.number}</span>
                    </button>
                    <button type="button" className="btn btn-outline-primary btn-sm parked-transfer" onClick={() => onTransfer(t)}>
                      Trasferisci<span className="visually-hidden"> il numero {t.number}</span>
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
