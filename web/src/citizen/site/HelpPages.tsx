// "Richiesta d'assistenza" and "Segnalazione disservizio" from the footer: how to reach the comune
// (its contacts from the site settings), the FAQ and the appointments; for city problems, what to
// write and the emergency number.
import type { SiteProfile } from '../../../../contracts/site.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { bookingPath, useTenant } from '../tenant.ts';
import { sitePaths } from './names.ts';

function Contacts({ contacts }: { contacts: SiteProfile['contacts'] }) {
  if (!contacts.email && !contacts.phone && !contacts.pec) return <p>Rivolgiti all'Ufficio Relazioni con il Pubblico del Comune.</p>;
  return (
    <ul>
      {contacts.email ? (
        <li>
          Email: <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
        </li>
      ) : null}
      {contacts.phone ? (
        <li>
          Telefono: <a href={`tel:${contacts.phone.replace(/[^+0-9]/g, '')}`}>{contacts.phone}</a>
        </li>
      ) : null}
      {contacts.pec ? (
        <li>
          PEC: <a href={`mailto:${contacts.pec}`}>{contacts.pec}</a>
        </li>
      ) : null}
      {contacts.openingHours ? <li>{contacts.openingHours}</li> : null}
    </ul>
  );
}

export function AssistancePage() {
  const t = useTenant();
  const p = sitePaths(t.slug);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: "Richiesta d'assistenza" }]} />
      <PageHeading title="Richiesta d'assistenza" />
      <p className="lead">Hai bisogno di aiuto con un servizio del Comune?</p>
      <ol>
        <li>
          Cerca la risposta tra le <Link href={p.faq}>domande frequenti</Link>.
        </li>
        <li>
          Scrivi o telefona all'Ufficio Relazioni con il Pubblico:
          <Contacts contacts={t.site.contacts} />
        </li>
        <li>
          Oppure <Link href={bookingPath(t.slug)}>prenota un appuntamento</Link> con l'ufficio che si occupa del servizio.
        </li>
      </ol>
    </>
  );
}

export function InefficiencyPage() {
  const t = useTenant();
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Segnalazione disservizio' }]} />
      <PageHeading title="Segnalazione disservizio" />
      <p className="lead">Una buca, un lampione spento, rifiuti abbandonati, un servizio che non funziona: segnalalo al Comune.</p>
      <p>Indica il luogo (indirizzo o un punto di riferimento), descrivi il problema e, se puoi, allega una foto. Scrivi a:</p>
      <Contacts contacts={t.site.contacts} />
      <div className="alert alert-warning" role="note">
        Per le emergenze chiama il <a href="tel:112">112</a>.
      </div>
    </>
  );
}
