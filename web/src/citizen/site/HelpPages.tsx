// "Segnalazione disservizio" from the footer: what to write and where (the comune's contacts from
// the site settings), and the emergency number.
import type { SiteProfile } from '../../../../contracts/site.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';

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
