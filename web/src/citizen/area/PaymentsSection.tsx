// "Pagamenti": what the comune asks of the citizen (from applications, certificates or an office),
// to pay now (one, or up to five together in one pagoPA payment), overdue (still payable), paid with
// the receipt, and cancelled. In the demo the payments go to the local pagoPA simulator: said so.
import { useState } from 'react';
import type { Payment } from '../../../../contracts/payments.ts';
import { errorMessage } from '../../shared/api.ts';
import { euro } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useApi } from '../../shared/useApi.ts';
import { PaymentCard } from '../payments/PaymentCard.tsx';
import { goToCheckout } from '../payments/pay.ts';
import { useTenant } from '../tenant.ts';

const MAX_TOGETHER = 5;

const GROUPS: Array<{ id: string; title: string; empty?: string; statuses: Payment['status'][] }> = [
  { id: 'due', title: 'Da pagare', empty: 'Non hai pagamenti da fare.', statuses: ['payable', 'draft'] },
  { id: 'expired', title: 'Scaduti', statuses: ['expired'] },
  { id: 'paid', title: 'Pagati', statuses: ['paid'] },
  { id: 'cancelled', title: 'Annullati', statuses: ['cancelled'] },
];

export default function PaymentsSection() {
  const t = useTenant();
  const list = useApi<{ payments: Payment[]; simulator: boolean }>(`/api/v1/${t.slug}/me/payments`);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (list.loading && !list.data) return <Loading />;
  if (!list.data) return <ErrorAlert message={list.error} />;
  const payments = list.data.payments;

  const pay = async (ids: string[]) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await goToCheckout(t.slug, ids);
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id].slice(0, MAX_TOGETHER) : s.filter((x) => x !== id)));
  const chosen = payments.filter((p) => selected.includes(p.id));

  return (
    <>
      {list.data.simulator ? (
        <div className="callout warning" data-testid="payments-simulator">
          <div className="callout-title">Ambiente di prova</div>
          <p className="mb-0">I pagamenti di questo sito vanno al simulatore pagoPA: nessun addebito reale.</p>
        </div>
      ) : null}
      <ErrorAlert message={failure} />
      {chosen.length > 1 ? (
        <div className="d-flex flex-wrap align-items-center gap-3 mb-3 p-3 bg-light rounded" aria-live="polite">
          <span>
            {chosen.length} pagamenti selezionati, totale <strong>{euro(chosen.reduce((a, p) => a + (p.options.find((o) => o.status === 'payable')?.amountCents ?? 0), 0))}</strong>
          </span>
          <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void pay(selected)}>
            Paga insieme con pagoPA
          </button>
        </div>
      ) : null}
      {GROUPS.map((g) => {
        const items = payments.filter((p) => g.statuses.includes(p.status));
        if (items.length === 0 && !g.empty) return null;
        return (
          <section key={g.id} aria-labelledby={`payments-${g.id}`} className="mb-4">
            <h2 className="h4" id={`payments-${g.id}`}>
              {g.title}
            </h2>
            {items.length === 0 ? (
              <p>{g.empty}</p>
            ) : (
              <ul className="list-unstyled" data-testid={`payments-${g.id}`}>
                {items.map((p) => (
                  <PaymentCard key={p.id} p={p} busy={busy} selected={selected.includes(p.id)} onSelect={(on) => toggle(p.id, on)} onPay={() => void pay([p.id])} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <p className="small text-secondary">
        Puoi pagare un avviso anche con l'app IO, dal tuo home banking o presso banche, uffici postali, tabaccherie e gli altri punti pagoPA: ti basta il codice avviso. Il
        pagamento comparirà qui quando pagoPA ce lo comunica.
      </p>
    </>
  );
}
