// The local pagoPA simulator's checkout page (AMBIENTE DI PROVA), where `npm start` and the tests
// "pay": the cart's notices and total, a test card for each outcome pagoPA can give, and "Annulla".
// No money moves; a comune connected to pagoPA sends its citizens to pagoPA's own checkout instead.
import { useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import { euro, noticeCode } from '../../shared/format.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { useApi } from '../../shared/useApi.ts';

interface Cart {
  id: string;
  closed: boolean;
  notices: Array<{ noticeNumber: string; fiscalCode: string; amount: number; companyName: string; description: string }>;
  totalCents: number;
  cancelUrl: string;
}

const CARDS = [
  { value: 'paid', label: 'Carta di prova 4242 4242 4242 4242: pagamento riuscito' },
  { value: 'failed', label: 'Carta di prova 4000 0000 0000 0002: pagamento rifiutato' },
  { value: 'paid_late', label: 'Carta di prova 4000 0000 0000 3220: pagamento riuscito, esito comunicato dopo 2 minuti' },
  { value: 'paid_twice', label: 'Carta di prova 4000 0000 0000 0077: pagamento riuscito, ricevuta inviata due volte' },
] as const;

export default function SimulatorCheckout({ cartId }: { cartId: string }) {
  const cart = useApi<Cart>(`/api/v1/pagopa-simulator/carts/${cartId}`);
  const [card, setCard] = useState<string>('paid');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const run = async (outcome: string) => {
    setBusy(true);
    try {
      const { redirectUrl } = await api<{ redirectUrl: string }>(`/api/v1/pagopa-simulator/carts/${cartId}/pay`, { method: 'POST', body: { outcome } });
      window.location.assign(redirectUrl);
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <>
      <div className="alert alert-warning" role="note" data-testid="simulator-banner">
        <strong>AMBIENTE DI PROVA</strong>: questo è il simulatore pagoPA di Sportello. Nessun pagamento reale, nessun addebito.
      </div>
      <PageHeading title="Simulatore pagoPA">Paga con pagoPA</PageHeading>
      {cart.loading && !cart.data ? <Loading /> : null}
      <ErrorAlert message={cart.error ?? failure} />
      {cart.data ? (
        cart.data.closed ? (
          <p>Questo pagamento è già concluso.</p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(card);
            }}
          >
            <h2 className="h4">Cosa stai pagando</h2>
            <ul className="list-unstyled">
              {cart.data.notices.map((n) => (
                <li key={n.noticeNumber} className="mb-2">
                  <strong>{n.description}</strong> ({n.companyName}): {euro(n.amount)}
                  <br />
                  <span className="small">Codice avviso {noticeCode(n.noticeNumber)}</span>
                </li>
              ))}
            </ul>
            <p className="h5">
              Totale: <span data-testid="simulator-total">{euro(cart.data.totalCents)}</span>
            </p>
            <fieldset className="mt-4">
              <legend className="h5">Metodo di pagamento (carte di prova)</legend>
              {CARDS.map((c) => (
                <div className="form-check" key={c.value}>
                  <input
                    className="form-check-input"
                    type="radio"
                    name="card"
                    id={`card-${c.value}`}
                    value={c.value}
                    checked={card === c.value}
                    onChange={() => setCard(c.value)}
                  />
                  <label className="form-check-label" htmlFor={`card-${c.value}`}>
                    {c.label}
                  </label>
                </div>
              ))}
            </fieldset>
            <p className="d-flex flex-wrap gap-2 mt-4">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Paga {euro(cart.data.totalCents)}
              </button>
              <button type="button" className="btn btn-outline-secondary" disabled={busy} onClick={() => void run('cancelled')}>
                Annulla e torna al sito del Comune
              </button>
            </p>
          </form>
        )
      ) : null}
    </>
  );
}
