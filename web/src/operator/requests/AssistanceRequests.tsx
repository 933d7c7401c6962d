// "Richieste d'assistenza": what citizens asked the officer's offices (and the comune's front desk),
// newest first; each is answered once, and the answer is emailed to whoever wrote.
import { useState } from 'react';
import type { OperatorRequest, OperatorRequestList } from '../../../../contracts/requests.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi } from '../session.tsx';
import { Heading, OutcomeAlert, type Outcome, SelectField } from '../ui.tsx';
import { AnswerForm } from './AnswerForm.tsx';

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
