// The office's queues as a table, and one form to change a queue or create a new one.
import { useState } from 'react';
import type { OperatorOffice } from '../../../../../contracts/operator.ts';
import type { OfficeQueueConfig } from '../../../../../contracts/queue.ts';
import { OutcomeAlert, type Outcome } from '../../ui.tsx';
import { focusLater } from '../focus.ts';
import { KIND_LABEL } from '../ticket-text.ts';
import { QueueForm } from './QueueForm.tsx';

export function QueueList({ office, config, onSaved }: { office: OperatorOffice; config: OfficeQueueConfig; onSaved(c: OfficeQueueConfig): void }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const serviceName = (id: string) => office.services.find((s) => s.id === id)?.name ?? id;
  const open = (id: string | 'new') => {
    setOutcome(undefined);
    setEditing(id);
  };

  return (
    <>
      {config.queues.length ? (
        <div className="table-responsive">
          <table className="table" data-testid="queue-list">
            <caption>Code di {office.name}</caption>
            <thead>
              <tr>
                <th scope="col">Lettera</th>
                <th scope="col">Coda</th>
                <th scope="col">Tipo</th>
                <th scope="col">Servizi</th>
                <th scope="col">Stato</th>
                <th scope="col">
                  <span className="visually-hidden">Azioni</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {config.queues.map((q) => (
                <tr key={q.id} data-queue={q.prefix}>
                  <td>
                    <span className="queue-prefix">{q.prefix}</span>
                  </td>
                  <th scope="row">{q.name}</th>
                  <td>{KIND_LABEL[q.kind]}</td>
                  <td>{q.serviceIds.map(serviceName).join(', ') || 'nessuno'}</td>
                  <td>{q.active ? 'Attiva' : 'Non attiva'}</td>
                  <td>
                    <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => open(q.id)}>
                      Modifica<span className="visually-hidden"> la coda {q.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna coda: crea una coda con i servizi per cui i cittadini possono prendere il numero.</p>
      )}
      <OutcomeAlert outcome={outcome} />
      {editing === null ? (
        <button type="button" className="btn btn-outline-primary" data-testid="new-queue" onClick={() => open('new')}>
          Nuova coda
        </button>
      ) : (
        <QueueForm
          key={editing}
          office={office}
          config={config}
          queue={config.queues.find((q) => q.id === editing)}
          onClose={() => {
            setEditing(null);
            focusLater('[data-testid="new-queue"]');
          }}
          onSaved={(c, message) => {
            onSaved(c);
            setEditing(null);
            setOutcome({ ok: true, message });
            focusLater('[data-testid="new-queue"]');
          }}
        />
      )}
    </>
  );
}
