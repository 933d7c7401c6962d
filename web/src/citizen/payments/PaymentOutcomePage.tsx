// Back from pagoPA's checkout: the return address says how it went (esito=ok, annullato, errore), and
// the page says it plainly. Paid: the receipt (and the application it was for). Back from a payment
// whose receipt has not arrived: "we are waiting for pagoPA", asking again every few seconds; after a
// while, that the citizen will be told by email and can leave the page. Cancelled or failed: nothing
// was charged, and the payment can be tried again.
import { useEffect, useRef, useState } from 'react';
import type { Payment } from '../../../../contracts/payments.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { euro } from '../../shared/format.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link, navigate, useQueryParam } from '../../shared/router.tsx';
import { applicationPagePath } from '../applications/paths.ts';
import { Breadcrumb } from '../Layout.tsx';
import { currentPath, loginPath, useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';
import { goToCheckout, paymentsPath } from './pay.ts';

type State = 'paid' | 'waiting' | 'cancelled' | 'failed' | 'started';
interface View {
  id: string;
  state: State;
  payments: Payment[];
}

const OUTCOME: Record<string, 'ok' | 'cancelled' | 'error'> = { ok: 'ok', annullato: 'cancelled', errore: 'error' };
const POLL_MS = 3000;
const PATIENCE_MS = 90_000;

const HEADINGS: Record<State, string> = {
  paid: 'Pagamento riuscito',
  waiting: "Stiamo aspettando l'esito del pagamento",
  cancelled: 'Pagamento annullato',
  failed: 'Pagamento non riuscito',
  started: 'Pagamento in corso',
};

export default function PaymentOutcomePage({ checkoutId }: { checkoutId: string }) {
  const t = useTenant();
  const citizen = useCitizen();
  const esito = useQueryParam('esito') ?? '';
  const [view, setView] = useState<View>();
  const [failure, setFailure] = useState<string>();
  const [patienceOver, setPatienceOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const started = useRef(Date.now());
  const base = `/api/v1/${t.slug}/me/payments/checkouts/${checkoutId}`;

  useEffect(() => {
    if (citizen.status === 'anonymous') navigate(loginPath(t.slug, currentPath()), { replace: true });
  }, [citizen.status, t.slug]);

  useEffect(() => {
    if (citizen.status !== 'signed-in') return;
    const outcome = OUTCOME[esito];
    const first = outcome ? api<View>(`${base}/return`, { method: 'POST', body: { outcome } }) : api<View>(base);
    first.then(setView, (err: unknown) => setFailure(errorMessage(err)));
  }, [citizen.status, base, esito]);

  useEffect(() => {
    if (view?.state !== 'waiting' || patienceOver) return;
    const timer = window.setTimeout(() => {
      if (Date.now() - started.current > PATIENCE_MS) setPatienceOver(true);
      api<View>(base).then(setView, (err: unknown) => setFailure(errorMessage(err)));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [view, base, patienceOver]);

  const retry = async () => {
    if (!view) return;
    setBusy(true);
    try {
      await goToCheckout(
        t.slug,
        view.payments.filter((p) => p.canPay).map((p) => p.id),
      );
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy(false);
    }
  };

  const heading = view ? HEADINGS[view.state] : 'Esito del pagamento';
  const application = view?.payments.find((p) => p.applicationId)?.applicationId;
  return (
    <>
      <Breadcrumb
        items={[
          { label: 'Home', href: `/${t.slug}` },
          { label: 'Area personale', href: `/${t.slug}/area-personale` },
          { label: 'Pagamenti', href: paymentsPath(t.slug) },
          { label: 'Esito' },
        ]}
      />
      <PageHeading title={heading}>{heading}</PageHeading>
      <ErrorAlert message={failure} />
      {!view && !failure ? <Loading label="Verifichiamo l'esito del pagamento…" /> : null}
      {view ? (
        <div aria-live="polite" data-testid="payment-outcome" data-state={view.state}>
          {view.state === 'paid' ? (
            <div className="callout success">
              <div className="callout-title">Pagato</div>
              <p>Il Comune ha ricevuto il pagamento. Ti abbiamo inviato la ricevuta per email; la trovi anche qui sotto e nella sezione Pagamenti.</p>
            </div>
          ) : null}
          {view.state === 'waiting' ? (
            <div className="callout note">
              <div className="callout-title">In attesa di pagoPA</div>
              {patienceOver ? (
                <p className="mb-0">
                  L'esito non è ancora arrivato. Non ripetere il pagamento: appena pagoPA ce lo comunica lo vedrai nella sezione Pagamenti e riceverai un'email. Puoi chiudere
                  questa pagina.
                </p>
              ) : (
                <p className="mb-0">Hai completato il pagamento su pagoPA e stiamo aspettando la conferma. Di solito arriva in pochi secondi: questa pagina si aggiorna da sola.</p>
              )}
            </div>
          ) : null}
          {view.state === 'cancelled' ? (
            <div className="callout warning">
              <div className="callout-title">Nessun addebito</div>
              <p className="mb-0">Hai annullato il pagamento: non ti è stato addebitato nulla. Puoi riprovare quando vuoi.</p>
            </div>
          ) : null}
          {view.state === 'failed' ? (
            <div className="callout danger">
              <div className="callout-title">Nessun addebito</div>
              <p className="mb-0">
                Il pagamento non è andato a buon fine e non ti è stato addebitato nulla. Puoi riprovare, anche con un altro metodo di pagamento, oppure pagare l'avviso presso
                banche, uffici postali e tabaccherie.
              </p>
            </div>
          ) : null}
          <ul className="list-unstyled mt-4">
            {view.payments.map((p) => (
              <li key={p.id} className="mb-2">
                <strong>{p.description}</strong>: {euro(p.amountCents)}, {p.status === 'paid' ? 'pagato' : p.status === 'payable' ? 'da pagare' : p.status}
                {p.receiptUrl ? (
                  <>
                    {' '}
                    <a href={p.receiptUrl} download data-testid="outcome-receipt">
                      Scarica la ricevuta<span className="visually-hidden">: {p.description}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="d-flex flex-wrap gap-2">
            {(view.state === 'cancelled' || view.state === 'failed') && view.payments.some((p) => p.canPay) ? (
              <button type="button" className="btn btn-primary" onClick={() => void retry()} disabled={busy}>
                Riprova il pagamento
              </button>
            ) : null}
            {application ? (
              <Link className="btn btn-outline-primary" href={applicationPagePath(t.slug, application)}>
                Vai alla domanda
              </Link>
            ) : null}
            <Link className="btn btn-outline-primary" href={paymentsPath(t.slug)}>
              Vai ai tuoi pagamenti
            </Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
