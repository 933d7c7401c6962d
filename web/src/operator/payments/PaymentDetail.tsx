// One position in the console: debtor, notices (with instalments), receipts and history; the notice
// and receipt; "segna come pagato" (the receipt's reference, a note) and cancellation with a reason.
import { useState } from 'react';
import type { Static } from 'typebox';
import type { OfficerPaymentDetail } from '../../../../contracts/payments.ts';
import { euro, noticeCode, when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, type Outcome, TextArea, TextField } from '../ui.tsx';
import { STATUS_LABELS } from './money.ts';

type Detail = Static<typeof OfficerPaymentDetail>;
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function Actions({ d, onChanged }: { d: Detail; onChanged(d: Detail): void }) {
  const session = useSession();
  const [mode, setMode] = useState<'none' | 'paid' | 'cancel'>('none');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const open = ['draft', 'payable', 'expired'].includes(d.payment.status);
  if (!open) return <OutcomeAlert outcome={outcome} />;
  const run = async (path: string, body: object, done: string) => {
    setBusy(true);
    try {
      onChanged(await session.call<Detail>(`payments/${d.payment.id}/${path}`, { method: 'POST', body }));
      setOutcome({ ok: true, message: done });
      setMode('none');
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, { reference: 'Riferimento', reason: 'Motivo' }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Azioni" className="mb-4">
      <p className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary btn-sm" aria-expanded={mode === 'paid'} onClick={() => setMode(mode === 'paid' ? 'none' : 'paid')}>
          Segna come pagato
        </button>
        <button type="button" className="btn btn-outline-danger btn-sm" aria-expanded={mode === 'cancel'} onClick={() => setMode(mode === 'cancel' ? 'none' : 'cancel')}>
          Annulla il pagamento
        </button>
      </p>
      {mode === 'paid' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run('mark-paid', { reference: reference.trim(), ...(note.trim() ? { note: note.trim() } : {}) }, 'Pagamento registrato.');
          }}
        >
          <TextField label="Riferimento della ricevuta (CRO, numero ricevuta della tabaccheria…)" value={reference} onChange={setReference} required maxLength={100} />
          <TextArea label="Nota" value={note} onChange={setNote} maxLength={1000} />
          <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
            Registra il pagamento
          </button>
        </form>
      ) : null}
      {mode === 'cancel' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run('cancel', { reason: reason.trim() }, 'Pagamento annullato: il cittadino è stato avvisato.');
          }}
        >
          <TextArea label="Motivo dell'annullamento (lo leggerà il cittadino)" value={reason} onChange={setReason} required maxLength={500} />
          <button type="submit" className="btn btn-danger btn-sm" disabled={busy}>
            Conferma l'annullamento
          </button>
        </form>
      ) : null}
      <OutcomeAlert outcome={outcome} />
    </section>
  );
}

export function PaymentDetail({ id }: { id: string }) {
  const session = useSession();
  const res = useOperatorApi<Detail>(`payments/${id}`);
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorAlert message={res.error} />;
  const d = res.data;
  const p = d.payment;
  const status = STATUS_LABELS[p.status]!;
  return (
    <>
      <p>
        <Link href={`${session.base}/pagamenti`}>Torna ai pagamenti</Link>
      </p>
      <Heading title={p.description} />
      <p>
        <span className={`badge ${status.badge}`} data-testid="payment-detail-status">
          {status.label}
        </span>{' '}
        {euro(p.amountCents)}, scadenza {dmy(p.dueOn)} · {p.kindLabel}
      </p>
      <dl className="row">
        <dt className="col-sm-3">Debitore</dt>
        <dd className="col-sm-9">
          {p.debtor.name} ({p.debtor.fiscalCode}){p.debtor.email ? `, ${p.debtor.email}` : ''}
        </dd>
        {p.createdBy ? (
          <>
            <dt className="col-sm-3">Creato da</dt>
            <dd className="col-sm-9">
              {p.createdBy}, {when(p.createdAt)}
            </dd>
          </>
        ) : null}
        {p.cancelReason ? (
          <>
            <dt className="col-sm-3">Motivo dell'annullamento</dt>
            <dd className="col-sm-9">{p.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <p className="d-flex flex-wrap gap-2">
        <a className="btn btn-outline-primary btn-sm" href={`${session.apiBase}/payments/${p.id}/notice.pdf`} download>
          Scarica l'avviso
        </a>
        {p.receiptUrl ? (
          <a className="btn btn-outline-primary btn-sm" href={`${session.apiBase}/payments/${p.id}/receipt.pdf`} download>
            Scarica la ricevuta
          </a>
        ) : null}
      </p>
      <Actions d={d} onChanged={res.setData} />
      <h2 className="h5">Avvisi</h2>
      <table className="table table-sm">
        <caption className="visually-hidden">Avvisi di pagamento</caption>
        <thead>
          <tr>
            <th scope="col">Rata</th>
            <th scope="col">Codice avviso</th>
            <th scope="col">Importo</th>
            <th scope="col">Scadenza</th>
            <th scope="col">Stato</th>
          </tr>
        </thead>
        <tbody>
          {p.options.map((o) => (
            <tr key={o.id}>
              <td>{o.instalment === 0 ? 'Unica' : o.instalment}</td>
              <td className="font-monospace">{noticeCode(o.nav)}</td>
              <td>{euro(o.amountCents)}</td>
              <td>{dmy(o.dueOn)}</td>
              <td>{o.status === 'paid' ? `Pagato ${o.paidAt ? when(o.paidAt) : ''}` : o.status === 'cancelled' ? 'Annullato' : 'Da pagare'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.receipts.length ? (
        <>
          <h2 className="h5">Ricevute</h2>
          <ul data-testid="payment-receipts">
            {d.receipts.map((r) => (
              <li key={r.id}>
                {when(r.paidAt)}: {euro(r.amountCents)}{' '}
                {r.source === 'offline' ? `registrato dall'ufficio (rif. ${r.reference ?? '—'})` : `pagoPA, ricevuta ${r.receiptId}${r.psp ? ` (${r.psp})` : ''}`}
                {r.outcome !== 'applied' ? <span className="badge bg-warning text-dark ms-2">{r.outcomeLabel}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="h5">Cronologia</h2>
      <ol className="list-unstyled" data-testid="payment-history">
        {d.history.map((e, i) => (
          <li key={`${e.at}-${i}`} className="mb-1">
            <span className="small text-secondary">{when(e.at)}</span> {e.label}
            {e.by ? ` · ${e.by}` : ''}
            {typeof e.details.reason === 'string' ? `: ${e.details.reason}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
