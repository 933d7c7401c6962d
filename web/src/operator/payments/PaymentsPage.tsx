// "Pagamenti": the comune's pagoPA positions, newest first, with filters (state, kind, words: fiscal
// code, name, notice code, reason), 50 a page and the whole list as CSV; "Nuovo pagamento"; for
// admins, the receipts to review (an unknown notice, a notice paid twice…).
import { useState } from 'react';
import type { Static } from 'typebox';
import type { OfficerPaymentList, PaymentAnomalies, PaymentSettingsView } from '../../../../contracts/payments.ts';
import { euro, noticeCode, when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, type Outcome, PageNav, SelectField, TextField } from '../ui.tsx';
import { STATUS_LABELS } from './money.ts';
import { NewPayment } from './NewPayment.tsx';

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function Anomalies() {
  const session = useSession();
  const list = useOperatorApi<Static<typeof PaymentAnomalies>>('payments/anomalies');
  const [outcome, setOutcome] = useState<Outcome>();
  if (!list.data?.anomalies.length) return null;
  const review = async (id: string) => {
    const note = window.prompt('Cosa è stato fatto? (rimborso, abbinamento manuale…)');
    if (!note?.trim()) return;
    try {
      await session.call(`payments/anomalies/${id}/review`, { method: 'POST', body: { note: note.trim() } });
      setOutcome({ ok: true, message: 'Verifica registrata.' });
      list.reload();
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    }
  };
  return (
    <section aria-labelledby="anomalies-title" className="callout warning mb-4">
      <h2 className="callout-title h5" id="anomalies-title">
        Ricevute da verificare ({list.data.anomalies.length})
      </h2>
      <ul className="mb-0" data-testid="payment-anomalies">
        {list.data.anomalies.map((a) => (
          <li key={a.id} className="mb-2">
            {when(a.paidAt)}: {euro(a.amountCents)}, IUV {a.iuv} — {a.outcomeLabel}
            {a.paymentId ? (
              <>
                {' '}
                (<Link href={`${session.base}/pagamenti/${a.paymentId}`}>{a.description}</Link>)
              </>
            ) : null}{' '}
            {session.operator.role === 'admin' ? (
              <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => void review(a.id)}>
                Segna come verificata<span className="visually-hidden">: ricevuta IUV {a.iuv}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <OutcomeAlert outcome={outcome} />
    </section>
  );
}

export function PaymentsPage() {
  const session = useSession();
  const settings = useOperatorApi<Static<typeof PaymentSettingsView>>('payments/settings');
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const filterValues = { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(q.trim() ? { q: q.trim() } : {}) };
  const list = useOperatorApi<Static<typeof OfficerPaymentList>>(`payments?${new URLSearchParams({ ...filterValues, ...(page > 1 ? { page: String(page) } : {}) })}`);
  const filters = new URLSearchParams(filterValues).toString();
  const reset = (f: () => void) => {
    f();
    setPage(1);
  };
  if (settings.loading && !settings.data) return <Loading />;
  if (settings.data && !settings.data.configured) {
    return (
      <>
        <Heading title="Pagamenti" />
        <p>Il Comune non ha ancora attivato i pagamenti pagoPA.</p>
        {session.operator.role === 'admin' ? (
          <p>
            <Link href={`${session.base}/pagamenti/impostazioni`}>Imposta i dati pagoPA del Comune</Link>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <Heading title="Pagamenti" />
      {settings.data?.provider === 'simulator' ? (
        <p className="alert alert-warning" role="note">
          <strong>AMBIENTE DI PROVA</strong>: i pagamenti vanno al simulatore pagoPA, nessun incasso reale.
        </p>
      ) : null}
      <p className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {creating ? 'Chiudi' : 'Nuovo pagamento'}
        </button>
        {session.operator.role === 'admin' ? (
          <Link className="btn btn-outline-primary" href={`${session.base}/pagamenti/impostazioni`}>
            Impostazioni pagoPA
          </Link>
        ) : null}
      </p>
      {creating && settings.data ? <NewPayment settings={settings.data} onCreated={list.reload} /> : null}
      <Anomalies />
      <div className="row">
        <div className="col-12 col-md-3">
          <SelectField
            label="Stato"
            value={status}
            onChange={(v) => reset(() => setStatus(v))}
            options={[{ value: '', label: 'Tutti' }, ...Object.entries(STATUS_LABELS).map(([value, s]) => ({ value, label: s.label }))]}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label="Tipo di entrata"
            value={kind}
            onChange={(v) => reset(() => setKind(v))}
            options={[{ value: '', label: 'Tutti' }, ...(settings.data?.kinds ?? []).map((k) => ({ value: k.code, label: k.label }))]}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField label="Cerca (codice fiscale, nome, codice avviso, causale)" value={q} onChange={(v) => reset(() => setQ(v))} maxLength={100} />
        </div>
      </div>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <p role="status">
          {list.data.total === 1 ? '1 pagamento' : `${list.data.total} pagamenti`}
          {list.data.payments.length ? (
            <a className="btn btn-link btn-sm ms-2" href={`${session.apiBase}/payments.csv${filters ? `?${filters}` : ''}`} download>
              Scarica l'elenco (CSV)
            </a>
          ) : null}
        </p>
      ) : null}
      {list.data?.payments.length ? (
        <div className="table-responsive">
          <table className="table" data-testid="payments-table">
            <caption className="visually-hidden">Pagamenti</caption>
            <thead>
              <tr>
                <th scope="col">Causale</th>
                <th scope="col">Debitore</th>
                <th scope="col">Importo</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Stato</th>
                <th scope="col">Codice avviso</th>
              </tr>
            </thead>
            <tbody>
              {list.data.payments.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`${session.base}/pagamenti/${p.id}`}>{p.description}</Link>
                    <div className="small">{p.kindLabel}</div>
                  </td>
                  <td>
                    {p.debtor.name}
                    <div className="small">{p.debtor.fiscalCode}</div>
                  </td>
                  <td>{euro(p.amountCents)}</td>
                  <td>{dmy(p.dueOn)}</td>
                  <td>
                    <span className={`badge ${STATUS_LABELS[p.status]!.badge}`}>{STATUS_LABELS[p.status]!.label}</span>
                  </td>
                  <td className="font-monospace small">{noticeCode(p.nav)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <PageNav label="Pagine dei pagamenti" page={page} pages={Math.ceil(list.data.total / list.data.pageSize)} onPage={setPage} /> : null}
    </>
  );
}
