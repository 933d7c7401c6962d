// The fee on the summary. "Before" (the default): "Paga e invia" takes the citizen to pagoPA; the
// application is filed when the payment arrives, so coming back paid, the page waits a moment for the
// filing and then shows it; an unpaid fee can be paid again (or with the notice, anywhere pagoPA is
// accepted). "After": the summary says the fee will be asked once the application is filed.
import type { ApplicationDetail } from '../../../../contracts/applications.ts';
import { euro } from '../../shared/format.ts';

type Fee = NonNullable<ApplicationDetail['form']['definition']['fee']>;

export function feeBefore(fee: Fee | undefined): boolean {
  return fee !== undefined && (fee.when ?? 'before') === 'before';
}

export function FeeStep({ fee, payment, slug }: { fee: Fee; payment: ApplicationDetail['payment']; slug: string }) {
  if (!feeBefore(fee)) {
    return (
      <section aria-labelledby="fee-title" className="callout note mt-4" data-testid="application-fee">
        <h3 className="callout-title" id="fee-title">
          Pagamento
        </h3>
        <p className="mb-0">
          Questo servizio costa <strong>{euro(fee.amountCents)}</strong> ({fee.description}). Dopo l'invio troverai l'avviso pagoPA nella tua area personale, sezione Pagamenti.
        </p>
      </section>
    );
  }
  const paid = payment?.status === 'paid';
  return (
    <section aria-labelledby="fee-title" className={`callout ${paid ? 'success' : 'note'} mt-4`} data-testid="application-fee">
      <h3 className="callout-title" id="fee-title">
        Pagamento
      </h3>
      {paid ? (
        <p className="mb-0">Pagamento di {euro(fee.amountCents)} ricevuto. Puoi inviare la domanda.</p>
      ) : (
        <>
          <p>
            Questo servizio costa <strong>{euro(fee.amountCents)}</strong> ({fee.description}). Paghi con pagoPA prima dell'invio: la domanda sarà inviata appena riceviamo il
            pagamento, e ti arriverà la ricevuta.
          </p>
          {payment ? (
            <p className="mb-0">
              Hai già un avviso per questa domanda: puoi pagarlo anche con l'app IO o presso banche, uffici postali e tabaccherie.{' '}
              <a href={`/api/v1/${slug}/me/payments/${payment.id}/notice.pdf`} download>
                Scarica l'avviso di pagamento
              </a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
