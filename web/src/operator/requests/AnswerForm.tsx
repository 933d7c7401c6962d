// The answer to a request or a report: written once, emailed to whoever wrote (and put in a logged-in
// citizen's personal area); a report is closed by it.
import { type FormEvent, useId, useState } from 'react';
import type { OperatorRequest } from '../../../../contracts/requests.ts';
import { useSession } from '../session.tsx';
import { describeError, OutcomeAlert, type Outcome } from '../ui.tsx';

export function AnswerForm({ request, onAnswered }: { request: OperatorRequest; onAnswered(r: OperatorRequest): void }) {
  const session = useSession();
  const id = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const report = request.kind === 'inefficiency';
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setOutcome({ ok: false, message: 'Scrivi la risposta.' });
    setBusy(true);
    try {
      const path = report ? 'inefficiency-reports' : 'assistance-requests';
      onAnswered(await session.call<OperatorRequest>(`${path}/${request.id}/answer`, { method: 'POST', body: { text } }));
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
          {report ? 'Esito, per' : 'Risposta per'} {request.requester.name} {request.requester.surname} (n. {request.number})
        </label>
        <textarea id={`${id}-answer`} className="form-control" rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <OutcomeAlert outcome={outcome} />
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
        {report ? 'Rispondi e chiudi' : 'Invia la risposta'}
        <span className="visually-hidden">
          {' '}
          {report ? 'la segnalazione' : 'alla richiesta'} n. {request.number}
        </span>
      </button>
    </form>
  );
}
