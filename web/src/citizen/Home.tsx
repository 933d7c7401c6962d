// A comune's home: its offices, each with the services that can be booked and, where the office runs
// a virtual queue, the link to take a number for today.
import type { Office, Service } from '../../../contracts/catalogue.ts';
import { Icon } from '../shared/Icon.tsx';
import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { type FormEvent, useState } from 'react';
import { Link, navigate } from '../shared/router.tsx';
import { servicesPath } from './services/paths.ts';
import { minutesLabel } from '../shared/format.ts';
import { useApi } from '../shared/useApi.ts';
import { takeNumberPath } from '../queue/paths.ts';
import { bookingPath, useTenant } from './tenant.ts';

export function Home() {
  const t = useTenant();
  const offices = useApi<{ offices: Office[] }>(`/api/v1/${t.slug}/offices`);
  return (
    <>
      <PageHeading title={`Prenota un appuntamento con il ${t.name}`} />
      <p className="lead">
        Scegli l'ufficio e il servizio, poi il giorno e l'orario liberi. Riceverai un'email con il riepilogo e il link per spostare o annullare l'appuntamento.
      </p>
      <p>
        <Link href={bookingPath(t.slug)} className="btn btn-primary" data-element="appointment-booking">
          Prenota appuntamento
        </Link>
      </p>
      <ServicesSearch />
      <ErrorAlert message={offices.error} />
      {offices.loading && !offices.data ? <Loading /> : null}
      <h2 className="h3 mt-5 mb-3">Uffici</h2>
      <div className="row g-4">
        {offices.data?.offices.map((o) => (
          <div className="col-12 col-lg-6" key={o.id}>
            <OfficeCard office={o} />
          </div>
        ))}
      </div>
    </>
  );
}

/** The way into the catalogue: a search that opens the services page with the words typed. */
function ServicesSearch() {
  const t = useTenant();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(servicesPath(t.slug, q.trim() || undefined));
  };
  return (
    <section aria-labelledby="home-services" className="mt-5">
      <h2 id="home-services" className="h3">
        Servizi del comune
      </h2>
      <p>Informazioni, richieste online e appuntamenti per ogni servizio.</p>
      <form onSubmit={submit} className="d-flex flex-wrap align-items-end gap-2" aria-label="Cerca tra i servizi del comune">
        <div className="form-group mb-0 flex-grow-1">
          <label htmlFor="home-services-q" className="active">
            Cerca un servizio
          </label>
          <input id="home-services-q" type="search" className="form-control" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary">
          Cerca
        </button>
      </form>
      <ul className="list-inline mt-3">
        <li className="list-inline-item me-4">
          <Link href={servicesPath(t.slug)}>Vedi tutti i servizi</Link>
        </li>
        <li className="list-inline-item">
          <Link href={`/${t.slug}/argomenti`} data-element="all-topics">
            Esplora per argomento
          </Link>
        </li>
      </ul>
    </section>
  );
}

function OfficeCard({ office }: { office: Office }) {
  const t = useTenant();
  const services = useApi<{ services: Service[] }>(`/api/v1/${t.slug}/offices/${office.id}/services`);
  return (
    <section className="card card-bg h-100 shadow-sm" aria-labelledby={`office-${office.id}`}>
      <div className="card-body">
        <h3 className="h4 card-title" id={`office-${office.id}`}>
          {office.name}
        </h3>
        <p className="mb-1">
          <Icon name="it-map-marker" size="sm" className="me-1" />
          {office.address}
        </p>
        {office.openingHours ? <p className="text-muted small">{office.openingHours}</p> : null}
        {office.hasQueue ? (
          <p>
            <Link href={takeNumberPath(t.slug, office.id)} className="btn btn-outline-primary btn-sm" aria-label={`Prendi il numero: ${office.name}`}>
              <Icon name="it-list" size="sm" className="icon-primary me-1" />
              Prendi il numero
            </Link>{' '}
            <span className="small">senza prenotare, per oggi</span>
          </p>
        ) : null}
        {services.loading && !services.data ? <Loading /> : null}
        <ul className="list-unstyled mt-3 mb-0">
          {services.data?.services.map((s) => (
            // The button keeps its place at the end of the row however long the service's name.
            <li key={s.id} className="border-top py-2 d-flex justify-content-between align-items-center gap-3">
              <div className="flex-grow-1">
                <span className="fw-semibold">{s.name}</span>
                <br />
                <span className="small">
                  {minutesLabel(s.durationMinutes)} · {s.mode === 'video' ? 'in videochiamata' : 'in presenza'}
                </span>
              </div>
              <Link
                href={bookingPath(t.slug, { officeId: office.id, serviceId: s.id })}
                className="btn btn-outline-primary btn-sm flex-shrink-0"
                data-element="service-booking-access"
                aria-label={`Prenota: ${s.name}`}
              >
                Prenota
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
