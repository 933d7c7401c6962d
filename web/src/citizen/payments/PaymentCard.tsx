// One position in "Pagamenti": what, how much, by when, its notice code, its state; the notice to
// download while it is open, the receipt once paid, the instalments one by one.
import type { Payment } from '../../../../contracts/payments.ts';
import { euro, longDay, noticeCode } from '../../shared/format.ts';
import { STATUS_BADGE, STATUS_WORDS } from './pay.ts';

export function PaymentCard({ p, selected, onSelect, onPay, busy }: { p: Payment; selected?: boolean; onSelect?(on: boolean): void; onPay?(): void; busy?: boolean }) {
  const titleId = `payment-${p.id}`;
  const instalments = p.options.filter((o) => o.instalment > 0);
  return (
    <li className="card card-bg shadow-sm no-after mb-3" data-testid="payment" aria-labelledby={titleId}>
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between gap-2 align-items-start">
          <h3 className="h5 mb-1" id={titleId}>
            {p.description}
          </h3>
          <span className={`badge ${STATUS_BADGE[p.status]}`} data-testid="payment-status">
            {STATUS_WORDS[p.status]}
          </span>
        </div>
        <p className="small text-secondary mb-2">{p.kindLabel}</p>
        <dl className="row small mb-2">
          <dt className="col-sm-4">Importo</dt>
          <dd className="col-sm-8 fw-semibold" data-testid="payment-amount">
            {euro(p.amountCents)}
          </dd>
          {p.status === 'paid' && p.paidAt ? (
            <>
              <dt className="col-sm-4">Pagato il</dt>
              <dd className="col-sm-8">
                {longDay(p.paidAt.slice(0, 10))}
                {p.paidVia === 'offline' ? " (registrato dall'ufficio)" : ' con pagoPA'}
              </dd>
            </>
          ) : (
            <>
              <dt className="col-sm-4">Scadenza</dt>
              <dd className="col-sm-8">{longDay(p.dueOn)}</dd>
            </>
          )}
          <dt className="col-sm-4">Codice avviso</dt>
          <dd className="col-sm-8 font-monospace" data-testid="payment-nav">
            {noticeCode(p.nav)}
          </dd>
        </dl>
        {instalments.length > 0 ? (
          <table className="table table-sm small">
            <caption className="visually-hidden">Rate di {p.description}</caption>
            <thead>
              <tr>
                <th scope="col">Rata</th>
                <th scope="col">Importo</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {instalments.map((o) => (
                <tr key={o.id}>
                  <td>{o.instalment}</td>
                  <td>{euro(o.amountCents)}</td>
                  <td>{longDay(o.dueOn)}</td>
                  <td>{o.status === 'paid' ? 'Pagata' : o.status === 'cancelled' ? 'Annullata' : 'Da pagare'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="d-flex flex-wrap gap-2 align-items-center">
          {p.canPay && onPay ? (
            <button type="button" className="btn btn-primary btn-sm" onClick={onPay} disabled={busy} aria-label={`Paga con pagoPA: ${p.description}`}>
              {instalments.length > 0 ? 'Paga la prossima rata' : 'Paga con pagoPA'}
            </button>
          ) : null}
          {p.status !== 'paid' && p.status !== 'cancelled' ? (
            <a className="btn btn-outline-primary btn-sm" href={p.noticeUrl} download aria-label={`Scarica l'avviso di pagamento: ${p.description}`}>
              Scarica l'avviso
            </a>
          ) : null}
          {p.receiptUrl ? (
            <a className="btn btn-outline-primary btn-sm" href={p.receiptUrl} download aria-label={`Scarica la ricevuta: ${p.description}`} data-testid="payment-receipt">
              Scarica la ricevuta
            </a>
          ) : null}
          {p.canPay && onSelect ? (
            <div className="form-check mb-0 ms-sm-auto">
              <input className="form-check-input" type="checkbox" id={`select-${p.id}`} checked={selected ?? false} onChange={(e) => onSelect(e.target.checked)} />
              <label className="form-check-label small" htmlFor={`select-${p.id}`}>
                Aggiungi al pagamento multiplo
              </label>
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
}
