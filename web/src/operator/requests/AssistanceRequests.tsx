// "Richieste d'assistenza": what citizens asked the officer's offices (and the comune's front desk),
// newest first; each is answered once, and the answer is emailed to whoever wrote.
import { type FormEvent, useId, useState } from 'react';
import type { OperatorRequest, OperatorRequestList } from '../../../../contracts/requests.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, type Outcome, SelectField } from '../ui.tsx';

function AnswerForm({ request, onAnswered }: { request: OperatorRequest; onAnswered(r: OperatorRequest): void }) {
  const session = useSession();
  const id = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setOutcome({ ok: false, message: 'Scrivi la risposta.' });
    setBusy(true);
    try {
      onAnswered(await session.call<OperatorRequest>(`assistance-requests/${request.id}/answer`, { method: 'POST', body: { text } }));
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={send} className="mt-3">
      <div className="form-group compact">
        <label htmlFor={`${id}-answer`} className="active">
          Risposta per {request.requester.name} {request.requester.surname} (n. {request.number})
        </label>
        <textarea id={`${id}-answer`} className="form-control" rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <OutcomeAlert outcome={outcome} />
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
        Invia la risposta<span className="visually-hidden"> alla richiesta n. {request.number}</span>
      </button>
    </form>
  );
}

export function AssistanceRequests() {
  const [status, setStatus] = useState<'open' | 'answered' | ''>('open');
  const list = useOperatorApi<OperatorRequestList>(`assistance-requests${status ? `?status=${status}` : ''}`);
  const [outcome, setOutcome] = useState<Outcome>();
  const answered = (r: OperatorRequest) => {
    setOutcome({ ok: true, message: `Risposta alla richiesta n. ${r.number} inviata a ${r.requester.email}.` });
    list.reload();
  };
  return (
    <>
      <Heading title="Richieste d'assistenza" />
      <p>Le richieste arrivate dal modulo «Richiesta d'assistenza» per i tuoi uffici e per il Comune in generale. La risposta arriva per email a chi ha scritto.</p>
      <SelectField
        label="Mostra"
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        className="mb-3"
        options={[
          { value: 'open', label: 'Da rispondere' },
          { value: 'answered', label: 'Con risposta' },
          { value: '', label: 'Tutte' },
        ]}
      />
      <OutcomeAlert outcome={outcome} />
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.requests.length === 0 ? <p>Nessuna richiesta.</p> : null}
      {list.data?.requests.map((r) => (
        <article key={r.id} className="card card-bg shadow-sm mb-3" aria-labelledby={`request-${r.id}`}>
          <div className="card-body">
            <h2 className="h5" id={`request-${r.id}`}>
              n. {r.number} · {r.category}
              {r.service ? ` · ${r.service.title}` : ''}
            </h2>
            <p className="small mb-2">
              {when(r.createdAt)} · {r.requester.name} {r.requester.surname} · <a href={`mailto:${r.requester.email}`}>{r.requester.email}</a>
              {r.requester.phone ? ` · ${r.requester.phone}` : ''}
              {r.requester.loggedIn ? ' · con identità digitale' : ''}
            </p>
            <p className="mail-text">{r.description}</p>
            {r.status === 'answered' ? (
              <div className="border-start border-4 ps-3">
                <p className="small mb-1">Risposta del {r.answeredAt ? when(r.answeredAt) : ''}</p>
                <p className="mail-text mb-0">{r.answer}</p>
              </div>
            ) : (
              <AnswerForm request={r} onAnswered={answered} />
            )}
          </div>
        </article>
      ))}
    </>
  );
}
