// "Scheda servizio" (Designers Italia, Modello Comuni): title, status and summary, the page index,
// then the sections in the model's order with the data-element attributes the official checker reads,
// the office in charge, the topics, the date of the last change, and the service described for
// search engines (schema.org GovernmentService, data-element="metatag").
import type { ServiceCard } from '../../../../contracts/service-cards.ts';

import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { bookingPath, useTenant } from '../tenant.ts';
import { startApplicationPath } from '../applications/paths.ts';
import { categoryPath, servicesPath } from './paths.ts';
import { RichText } from './RichText.tsx';

const shortDate = (iso: string) => new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date(iso));

interface Section {
  id: string;
  /** The index entry: the exact words the checker expects. */
  title: string;
  body: React.ReactNode;
}

/** "Via Sparano 1, 70121 Bari" → its parts (the postal code and town after the last comma). */
export function addressParts(address: string, fallbackTown: string) {
  const m = /^(.*?),?\s*(\d{5})\s+(.+)$/.exec(address.trim());
  return m ? { streetAddress: m[1]!.replace(/,$/, ''), postalCode: m[2]!, addressLocality: m[3]! } : { streetAddress: address, postalCode: '', addressLocality: fallbackTown };
}

function StructuredData({ card, tenantName, url }: { card: ServiceCard; tenantName: string; url: string }) {
  const town = tenantName.replace(/^Comune di\s+/i, '');
  const data = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: card.title,
    description: card.summary,
    serviceType: card.categoryName,
    serviceOperator: { '@type': 'GovernmentOrganization', name: tenantName },
    areaServed: { '@type': 'AdministrativeArea', name: town },
    audience: { '@type': 'Audience', audienceType: card.audience || 'Cittadini' },
    availableChannel: {
      '@type': 'ServiceChannel',
      serviceUrl: url,
      serviceLocation: { '@type': 'Place', name: card.office.name, address: { '@type': 'PostalAddress', ...addressParts(card.office.address, town) } },
    },
  };
  // A data block, never run; "<" escaped so no text of the card can close the element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be the element's text; escaped above
  return <script type="application/ld+json" data-element="metatag" dangerouslySetInnerHTML={{ __html: json }} />;
}

function sectionsOf(card: ServiceCard, tenantSlug: string): Section[] {
  const s: Section[] = [];
  const add = (id: string, title: string, body: React.ReactNode, when = true) => {
    if (when) s.push({ id, title, body });
  };
  add('a-chi-e-rivolto', 'A chi è rivolto', <RichText text={card.audience} element="service-addressed" />, !!card.audience);
  add('descrizione', 'Descrizione', <RichText text={card.description} />, !!card.description);
  add('come-fare', 'Come fare', <RichText text={card.howTo} element="service-how-to" />, !!card.howTo);
  add('cosa-serve', 'Cosa serve', <RichText text={card.whatYouNeed} element="service-needed" />, !!card.whatYouNeed);
  add('cosa-si-ottiene', 'Cosa si ottiene', <RichText text={card.whatYouGet} element="service-achieved" />, !!card.whatYouGet);
  add(
    'tempi-e-scadenze',
    'Tempi e scadenze',
    <div data-element="service-calendar-text">
      {card.timesAndDeadlines ? <RichText text={card.timesAndDeadlines} /> : null}
      {card.maxDays ? (
        <p>
          <strong>Durata massima del procedimento:</strong> {card.maxDays === 1 ? '1 giorno' : `${card.maxDays} giorni`}.
        </p>
      ) : null}
    </div>,
    !!card.timesAndDeadlines || card.maxDays !== null,
  );
  add('quanto-costa', 'Quanto costa', <RichText text={card.costs} />, !!card.costs);
  add('procedure-collegate', "Procedure collegate all'esito", <RichText text={card.linkedProcedures} />, !!card.linkedProcedures);
  add(
    'accedi-al-servizio',
    'Accedi al servizio',
    <>
      {card.status === 'inactive' ? <p>Il servizio al momento non è attivo{card.inactiveReason ? `: ${card.inactiveReason}` : ''}.</p> : null}
      {card.accessOnline ? <RichText text={card.accessOnline} /> : null}
      {card.online && card.status === 'active' ? (
        <p>
          <Link href={startApplicationPath(tenantSlug, card.slug)} className="btn btn-primary" data-element="service-online-access">
            Compila online
          </Link>
        </p>
      ) : null}
      {card.booking ? (
        <p>
          <Link
            href={bookingPath(tenantSlug, { officeId: card.booking.officeId, serviceId: card.booking.serviceId })}
            className="btn btn-primary"
            data-element="service-booking-access"
          >
            Prenota appuntamento
          </Link>
        </p>
      ) : null}
      <div data-element="service-generic-access">
        <RichText text={card.accessInPerson || `Presso ${card.office.name}, ${card.office.address}.`} />
      </div>
    </>,
  );
  add(
    'ulteriori-informazioni',
    'Ulteriori informazioni',
    <>
      {card.moreInfo ? <RichText text={card.moreInfo} /> : null}
      {card.specialCases ? (
        <>
          <h3 className="h5">Casi particolari</h3>
          <RichText text={card.specialCases} />
        </>
      ) : null}
    </>,
    !!card.moreInfo || !!card.specialCases,
  );
  add(
    'condizioni-di-servizio',
    'Condizioni di servizio',
    <>
      {card.conditions ? <RichText text={card.conditions} /> : null}
      <p>
        <Link href={card.booking ? `/${tenantSlug}/privacy/servizi/${card.booking.serviceId}` : `/${tenantSlug}/privacy`} data-element="service-file">
          Informativa sul trattamento dei dati personali
        </Link>
      </p>
    </>,
  );
  add(
    'contatti',
    'Contatti',
    <div className="card card-bg shadow-sm">
      <div className="card-body">
        <p className="h5" data-element="service-area">
          {card.office.name}
        </p>
        <p className="mb-1">{card.office.address}</p>
        {card.office.phone ? (
          <p className="mb-1">
            Telefono: <a href={`tel:${card.office.phone.replace(/\s/g, '')}`}>{card.office.phone}</a>
          </p>
        ) : null}
        {card.office.email ? (
          <p className="mb-1">
            Email: <a href={`mailto:${card.office.email}`}>{card.office.email}</a>
          </p>
        ) : null}
        {card.office.openingHours ? <p className="mb-0 small">{card.office.openingHours}</p> : null}
      </div>
    </div>,
  );
  return s;
}

export default function ServiceCardPage({ slug }: { slug: string }) {
  const t = useTenant();
  const res = useApi<ServiceCard>(`/api/v1/${t.slug}/catalogue/${encodeURIComponent(slug)}`);
  const card = res.data;
  if (res.loading && !card) return <Loading />;
  if (!card) {
    return (
      <>
        <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Servizi', href: servicesPath(t.slug) }, { label: 'Servizio non trovato' }]} />
        <PageHeading title="Servizio non trovato" />
        <ErrorAlert message={res.error} />
        <p>
          <Link href={servicesPath(t.slug)}>Vai all’elenco dei servizi</Link>
        </p>
      </>
    );
  }
  const sections = sectionsOf(card, t.slug);
  return (
    <>
      <StructuredData card={card} tenantName={t.name} url={`${window.location.origin}${window.location.pathname}`} />
      <Breadcrumb
        items={[
          { label: 'Home', href: `/${t.slug}` },
          { label: 'Servizi', href: servicesPath(t.slug) },
          { label: card.categoryName, href: categoryPath(t.slug, card.category) },
          { label: card.title },
        ]}
      />
      <PageHeading title={card.title} element="service-title" description={card.summary} />
      <div className="mb-3" data-element="service-status">
        {card.status === 'active' ? (
          <span className="badge bg-success">Servizio attivo</span>
        ) : (
          <>
            <span className="badge bg-secondary">Servizio non attivo</span>
            {card.inactiveReason ? <span className="ms-2">{card.inactiveReason}</span> : null}
          </>
        )}
      </div>
      <p className="lead" data-element="service-description">
        {card.summary}
      </p>
      {card.booking && card.status === 'active' ? (
        <p>
          <Link href={bookingPath(t.slug, { officeId: card.booking.officeId, serviceId: card.booking.serviceId })} className="btn btn-outline-primary">
            Prenota appuntamento
          </Link>
        </p>
      ) : null}
      <div className="row mt-4">
        <aside className="col-lg-3 mb-4">
          <nav aria-labelledby="page-index-title" className="service-index">
            <h2 id="page-index-title" className="h6 text-uppercase">
              Indice della pagina
            </h2>
            <ul data-element="page-index" className="list-unstyled">
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.title}</a>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
        <div className="col-lg-8 offset-lg-1">
          {sections.map((s) => (
            <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="mb-5">
              <h2 id={`${s.id}-title`} className="h4">
                {s.title}
              </h2>
              {s.body}
            </section>
          ))}
          {card.topics.length ? (
            <section aria-labelledby="argomenti-title" className="mb-4">
              <h2 id="argomenti-title" className="h6 text-uppercase">
                Argomenti
              </h2>
              <ul className="list-inline">
                {card.topics.map((topic) => (
                  <li key={topic} className="list-inline-item">
                    <span className="chip chip-simple" data-element="service-topic">
                      <span className="chip-label">{topic}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <p className="small">Pagina aggiornata il {shortDate(card.updatedAt)}</p>
        </div>
      </div>
    </>
  );
}
