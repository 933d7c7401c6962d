// Transfer a ticket to another queue and/or another desk of the office. By default it keeps its
// place (ordered by the time it was taken), which is what an officer means nine times out of ten:
// "you are at the wrong desk" must not send a citizen to the back of the line.
import { useState, type FormEvent } from 'react';
import type { DeskLine, LineTicket, TransferRequest } from '../../../../contracts/queue.ts';
import { Checkbox, FocusHeading, SelectField, TextArea } from '../ui.tsx';

export interface TransferChoice {
  body: TransferRequest & { ticketId?: string };
  /** "la coda A Informazioni e lo sportello 2", for the announcement. */
  target: string;
}

export function TransferForm({
  ticket,
  targets,
  parked,
  onSubmit,
  onCancel,
}: {
  ticket: LineTicket;
  targets: DeskLine['transferTargets'];
  parked?: boolean;
  onSubmit(c: TransferChoice): void;
  onCancel(): void;
}) {
  const [queueId, setQueueId] = useState('');
  const [deskId, setDeskId] = useState('');
  const [keepPlace, setKeepPlace] = useState(true);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const queues = targets.queues.filter((q) => q.id !== ticket.queueId);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!queueId && !deskId) {
      setProblem('Scegli una coda, uno sportello o entrambi.');
      return;
    }
    const q = targets.queues.find((x) => x.id === queueId);
    const d = targets.desks.find((x) => x.id === deskId);
    const target = [q ? `la coda ${q.prefix} ${q.name}` : '', d ? d.name : ''].filter(Boolean).join(' e ');
    onSubmit({
      body: {
        ...(queueId ? { queueId } : {}),
        ...(deskId ? { deskId } : {}),
        keepPlace,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(parked ? { ticketId: ticket.id } : {}),
      },
      target,
    });
  }

  return (
    <form className="card card-bg shadow-sm mt-3" onSubmit={submit} noValidate aria-labelledby={`transfer-${ticket.id}`} data-testid="transfer-form">
      <div className="card-body">
        <FocusHeading>
          <span id={`transfer-${ticket.id}`}>Trasferisci il numero {ticket.number}</span>
        </FocusHeading>
        <div className="queue-form-row">
          <SelectField
            label="Alla coda"
            value={queueId}
            onChange={(v) => {
              setQueueId(v);
              setProblem(undefined);
            }}
            options={[
              { value: '', label: `Stessa coda (${ticket.queueName})` },
              ...queues.map((q) => ({ value: q.id, label: `${q.prefix} — ${q.name}${q.kind === 'video' ? ' (videochiamata)' : ''}` })),
            ]}
          />
          <SelectField
            label="Allo sportello"
            value={deskId}
            onChange={(v) => {
              setDeskId(v);
              setProblem(undefined);
            }}
            options={[{ value: '', label: 'Qualsiasi sportello della coda' }, ...targets.desks.map((d) => ({ value: d.id, label: d.name }))]}
          />
        </div>
        <div className="mt-3">
          <Checkbox label="Mantiene il posto in coda" checked={keepPlace} onChange={setKeepPlace} hint="Se togli la spunta, il numero va in fondo alla coda." />
        </div>
        <TextArea label="Nota per il collega (facoltativa)" value={note} onChange={setNote} maxLength={500} rows={2} />
        {problem ? (
          <div className="alert alert-danger" role="alert">
            {problem}
          </div>
        ) : null}
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary">
            Trasferisci
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            Annulla
          </button>
        </div>
      </div>
    </form>
  );
}
