// One page of the register: number, date, direction, correspondent, subject, documents (with their
// SHA-256) and state. Admins annul an entry here with a reason; it stays listed as annulled.
import { useState, type FormEvent } from 'react';
import type { ProtocolEntry } from '../../../../contracts/protocol.ts';
import { fileSize, when } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { describeError, OutcomeAlert, TextField, type Outcome } from '../ui.tsx';
import { DIRECTION_LABELS } from './labels.ts';

function AnnulForm({ entry, onDone, onCancel }: { entry: ProtocolEntry; onDone(e: ProtocolEntry): void; onCancel(): void }) {
  const session = useSession();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setOutcome({ ok: false, message: 'Scrivi il motivo dell’annullamento (almeno 3 caratteri).' });
      return;
    }
    setBusy(true);
    try {
      onDone(await session.call<ProtocolEntry>(`protocol/${entry.id}/annul`, { method: 'POST', body: { reason: reason.trim() } }));
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, { reason: 'Motivo' }) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="mt-2" aria-label={`Annulla la registrazione ${entry.label}`}>
      <TextField id={`annul-${entry.id}`} label="Motivo dell’annullamento" required value={reason} onChange={setReason} maxLength={1000} />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-danger btn-sm" disabled={busy}>
          Conferma annullamento
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          Lascia com’è
        </button>
      </div>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}

export function EntryTable({ entries, onChanged }: { entries: ProtocolEntry[]; onChanged(e: ProtocolEntry): void }) {
  const session = useSession();
  const [annulling, setAnnulling] = useState<string | null>(null);
  const isAdmin = session.operator.role === 'admin';
  if (!entries.length) return <p>Nessuna registrazione corrisponde alla ricerca.</p>;
  return (
    <div className="table-responsive">
      <table className="table protocol-table" data-testid="protocol-table">
        <caption>Registro di protocollo: {entries.length === 1 ? '1 registrazione' : `${entries.length} registrazioni`}, dalla più recente</caption>
        <thead>
          <tr>
            <th scope="col">Numero</th>
            <th scope="col">Data e ora</th>
            <th scope="col">Direzione</th>
            <th scope="col">Corrispondente</th>
            <th scope="col">Oggetto</th>
            <th scope="col">Documenti</th>
            <th scope="col">Stato</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entry={e.label}>
              <th scope="row">{e.label}</th>
              <td>{when(e.registeredAt)}</td>
              <td>{DIRECTION_LABELS[e.direction]}</td>
              <td>{e.correspondent}</td>
              <td>
                {e.subject}
                {e.classification ? <div className="small">Classificazione {e.classification}</div> : null}
              </td>
              <td>
                {e.documents.length ? (
                  <ul className="list-unstyled mb-0">
                    {e.documents.map((d) => (
                      <li key={d.index}>
                        <a href={d.url} download={d.name}>
                          {d.name}
                        </a>{' '}
                        <span className="small">({fileSize(d.size)})</span>
                        <div className="small text-break">
                          SHA-256 <code>{d.sha256}</code>
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {e.annulment ? (
                  <>
                    <span className="badge bg-danger">Annullata</span>
                    <div className="small">
                      {when(e.annulment.at)}, {e.annulment.by}: {e.annulment.reason}
                    </div>
                  </>
                ) : (
                  <>
                    <span className="badge bg-success">Valida</span>
                    {isAdmin && annulling !== e.id ? (
                      <div>
                        <button type="button" className="btn btn-link btn-sm p-0 mt-1" onClick={() => setAnnulling(e.id)} aria-label={`Annulla la registrazione ${e.label}`}>
                          Annulla…
                        </button>
                      </div>
                    ) : null}
                    {annulling === e.id ? (
                      <AnnulForm
                        entry={e}
                        onCancel={() => setAnnulling(null)}
                        onDone={(changed) => {
                          setAnnulling(null);
                          onChanged(changed);
                        }}
                      />
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
