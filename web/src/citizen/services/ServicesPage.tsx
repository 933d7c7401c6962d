// "Servizi": every service of the comune, searchable (the words stay in the address, so a search
// can be shared), by category, with the most requested first.
import { type FormEvent, useState } from 'react';
import type { CatalogueList } from '../../../../contracts/service-cards.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link, navigate, useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';
import { categoryPath, servicesPath } from './paths.ts';
import { ServiceItems } from './ServiceItems.tsx';

export default function ServicesPage() {
  const t = useTenant();
  const q = useQueryParam('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const list = useApi<CatalogueList>(`/api/v1/${t.slug}/catalogue${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  const data = list.data;
  const popular = data ? data.mostRequested.map((slug) => data.services.find((s) => s.slug === slug)).filter((s) => s !== undefined) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(servicesPath(t.slug, text.trim() || undefined));
  };
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Servizi' }]} />
      <PageHeading title="Servizi" description={`Tutti i servizi del ${t.name}: informazioni, richieste online e appuntamenti.`} />
      <p className="lead">Tutti i servizi del {t.name}: le informazioni, le richieste online e gli appuntamenti.</p>
      <form onSubmit={submit} className="mb-4" aria-label="Cerca tra i servizi">
        <div className="form-group mb-2">
          <label htmlFor="services-q" className="active">
            Cerca un servizio
          </label>
          <input
            id="services-q"
            type="search"
            className="form-control"
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            placeholder="Per esempio: cambio di residenza"
          />
        </div>
        <button type="submit" className="btn btn-primary">
          Cerca
        </button>
      </form>
      <ErrorAlert message={list.error} />
      {list.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          {!q && data.categories.length ? (
            <section aria-labelledby="categories-title" className="mb-5">
              <h2 id="categories-title" className="h4">
                Esplora per categoria
              </h2>
              <ul className="list-unstyled row g-2">
                {data.categories.map((c) => (
                  <li key={c.slug} className="col-12 col-md-6 col-lg-4">
                    <Link href={categoryPath(t.slug, c.slug)} data-element="service-category-link">
                      {c.name}
                    </Link>{' '}
                    <span className="small">({c.count === 1 ? '1 servizio' : `${c.count} servizi`})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {!q && popular.length ? (
            <section aria-labelledby="popular-title" className="mb-5">
              <h2 id="popular-title" className="h4">
                Servizi più richiesti
              </h2>
              <ServiceItems items={popular} />
            </section>
          ) : null}
          <section aria-labelledby="all-title">
            <h2 id="all-title" className="h4">
              {q ? `Risultati per "${q}"` : 'Tutti i servizi'}
            </h2>
            <p role="status">{data.services.length === 1 ? '1 servizio trovato' : `${data.services.length} servizi trovati`}</p>
            <ServiceItems items={data.services} />
            {q && !data.services.length ? (
              <p>
                Prova con altre parole, oppure <Link href={servicesPath(t.slug)}>guarda tutti i servizi</Link>.
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
