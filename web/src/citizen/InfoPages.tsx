// Short legal pages linked from every footer (data-element privacy-policy-link / accessibility-link).
import { PageHeading } from '../shared/Page.tsx';
import { Link } from '../shared/router.tsx';
import { Breadcrumb } from './Layout.tsx';
import { useTenant } from './tenant.ts';

export function PrivacyPage() {
  const t = useTenant();
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Informativa privacy' }]} />
      <PageHeading title="Informativa sul trattamento dei dati personali" />
      <p>
        Il titolare del trattamento è il {t.name}. I dati che inserisci per prenotare un appuntamento (nome, cognome, email, indirizzo e le informazioni sul motivo
        dell'appuntamento) servono solo a organizzare e svolgere l'appuntamento, ai sensi dell'articolo 6, paragrafo 1, lettera e) del Regolamento (UE) 2016/679.
      </p>
      <p>
        I dati sono conservati per il tempo necessario allo svolgimento del servizio e non sono comunicati a terzi. Puoi esercitare i diritti di accesso, rettifica e cancellazione
        scrivendo all'ufficio con cui hai l'appuntamento.
      </p>
      <p>
        Ogni servizio ha anche la sua informativa: <Link href={`/${t.slug}/privacy/servizi`}>leggi le informative dei servizi</Link>. Se accedi con SPID o CIE, nell'area personale
        puoi scaricare tutti i dati che ti riguardano.
      </p>
      <h2 className="h4 mt-4" id="cookie">
        Cookie
      </h2>
      <p>
        Questi servizi usano solo cookie tecnici, necessari a farli funzionare: nessun cookie di profilazione o di statistica, nessun cookie di terze parti. Per questo non ti
        chiediamo il consenso (Linee guida del Garante per la protezione dei dati personali, 10 giugno 2021).
      </p>
      <ul>
        <li>
          <code>sportello_cit</code>: la sessione dell'area personale dopo l'accesso con SPID o CIE; scade dopo poche ore o quando esci.
        </li>
        <li>
          <code>sportello_auth</code>: lega la richiesta di accesso al tuo browser per pochi minuti, durante l'accesso con SPID o CIE.
        </li>
        <li>
          <code>sportello_op</code>: la sessione degli operatori del Comune, solo nell'area operatori.
        </li>
      </ul>
    </>
  );
}

export function AccessibilityPage() {
  const t = useTenant();
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Dichiarazione di accessibilità' }]} />
      <PageHeading title="Dichiarazione di accessibilità" />
      <p>
        Il {t.name} si impegna a rendere i propri servizi online accessibili, conformemente alla Legge 9 gennaio 2004, n. 4 e alle Linee guida AgID, secondo il livello AA delle
        WCAG 2.1.
      </p>
      <p>
        Se incontri una difficoltà nell'uso di queste pagine puoi segnalarla all'Ufficio Relazioni con il Pubblico del comune; in caso di risposta insoddisfacente puoi rivolgerti
        al Difensore civico per il digitale presso AgID.
      </p>
    </>
  );
}
