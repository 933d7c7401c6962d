// "Accedi all'area personale": SPID and CIE buttons that start the login at the comune's gateway
// (a full-page navigation: the server redirects to the gateway and back to `returnTo`), what SPID
// and CIE are, and, after a failed login, what went wrong in plain words.
import { PageHeading } from '../../shared/Page.tsx';
import { Link, useQueryParam } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { safeReturnTo, useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';

/** Why the login failed, by the code the server puts in ?errore=. */
const FAILURES: Record<string, string> = {
  scaduto: "L'accesso non è stato completato in tempo: sono passati più di 10 minuti dall'inizio. Riprova.",
  sessione:
    "Non è stato possibile completare l'accesso in questa finestra del browser, forse perché è stato avviato in un'altra scheda o i cookie sono disattivati. Riprova da qui.",
  annullato: "Hai annullato l'accesso, oppure il gestore dell'identità non l'ha autorizzato. Puoi riprovare quando vuoi.",
  gestore: 'Il gestore della tua identità digitale non ha risposto come previsto. Riprova tra qualche minuto.',
  'codice-fiscale': 'Il codice fiscale ricevuto dal gestore della tua identità digitale non è valido, quindi non possiamo farti entrare. Contatta il tuo gestore SPID o il Comune.',
  dati: 'Il gestore della tua identità digitale non ha inviato tutti i dati necessari (nome, cognome e codice fiscale). Riprova; se succede ancora, contatta il tuo gestore SPID.',
  livello:
    "Per i servizi del Comune serve un accesso di livello 2 o superiore: con SPID conferma con l'app del tuo gestore o con un codice temporaneo (OTP), con la CIE usa l'app CieID o la carta; la sola password non basta.",
};

export default function LoginPage() {
  const t = useTenant();
  const citizen = useCitizen();
  const returnTo = safeReturnTo(t.slug, useQueryParam('returnTo'));
  const failure = useQueryParam('errore');
  // A service that needs level 3 sends the citizen here with livello=3: the gateway is asked for it.
  const level3 = useQueryParam('livello') === '3';
  const loginUrl = (provider: 'spid' | 'cie') => `/api/v1/${t.slug}/auth/login?${new URLSearchParams({ provider, returnTo, ...(level3 ? { level: '3' } : {}) })}`;
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Accedi' }]} />
      <PageHeading title="Accedi all'area personale" />
      {failure ? (
        <div className="alert alert-danger" role="alert">
          <h2 className="h5">Accesso non riuscito</h2>
          <p className="mb-0">{FAILURES[failure] ?? "L'accesso non è riuscito. Riprova."}</p>
        </div>
      ) : null}
      {level3 ? (
        <div className="alert alert-warning" role="status">
          Il servizio che hai scelto richiede un accesso con SPID di livello 3 o con la Carta d'Identità Elettronica (CIE).
        </div>
      ) : null}
      {citizen.status === 'signed-in' && !level3 ? (
        <div className="alert alert-info" role="status">
          Hai già effettuato l'accesso come {citizen.me.citizen.givenName} {citizen.me.citizen.familyName}. <Link href={returnTo}>Continua</Link>
        </div>
      ) : null}
      <p className="lead">
        Entra con la tua identità digitale per vedere i tuoi appuntamenti, i messaggi del {t.name}, le scadenze e tutto quello che hai fatto online. Quando prenoti, i tuoi dati
        sono già compilati.
      </p>
      <div className="row g-4 my-2">
        <section className="col-12 col-md-6" aria-labelledby="spid-title">
          <div className="card card-bg shadow-sm no-after h-100">
            <div className="card-body">
              <h2 className="h4" id="spid-title">
                SPID
              </h2>
              <p>
                SPID, il Sistema Pubblico di Identità Digitale, è la coppia di credenziali (nome utente e password, più una conferma sul telefono) che ti rilascia un gestore come
                Poste, Aruba o Lepida e che vale per tutti i servizi pubblici online.
              </p>
              <a className="btn btn-login-spid" href={loginUrl('spid')}>
                Entra con SPID
              </a>
            </div>
          </div>
        </section>
        <section className="col-12 col-md-6" aria-labelledby="cie-title">
          <div className="card card-bg shadow-sm no-after h-100">
            <div className="card-body">
              <h2 className="h4" id="cie-title">
                CIE
              </h2>
              <p>
                La CIE è la Carta d'Identità Elettronica. Per entrare la avvicini al telefono con l'app CieID, oppure usi le credenziali CieID, con il PIN che hai ricevuto insieme
                alla carta.
              </p>
              <a className="btn btn-login-spid" href={loginUrl('cie')}>
                Entra con CIE
              </a>
            </div>
          </div>
        </section>
      </div>
      <h2 className="h4 mt-4">Non hai SPID né CIE?</h2>
      <p>
        Puoi comunque <Link href={`/${t.slug}/prenota-appuntamento`}>prenotare un appuntamento</Link> inserendo i tuoi dati a mano. Per richiedere SPID rivolgiti a uno dei gestori
        di identità; la CIE si richiede all'Ufficio Anagrafe del Comune.
      </p>
    </>
  );
}
