// A list of services as cards: category, title (the link the Modello Comuni checker follows:
// data-element="service-link"), summary, and how it can be used.
import type { CatalogueItem } from '../../../../contracts/service-cards.ts';
import { SERVICE_CATEGORIES } from '../../../../contracts/service-cards.ts';
import { Link } from '../../shared/router.tsx';

export function ServiceItems({ items, headingLevel = 3 }: { items: CatalogueItem[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="row g-3 list-unstyled service-items">
      {items.map((s) => (
        <li key={s.slug} className="col-12 col-md-6 col-lg-4">
          <div className="card card-bg h-100 shadow-sm">
            <div className="card-body">
              <p className="small mb-1 text-uppercase">{SERVICE_CATEGORIES[s.category]}</p>
              <H className="h5 card-title">
                <Link href={s.url} data-element="service-link">
                  {s.title}
                </Link>
              </H>
              <p className="card-text">{s.summary}</p>
              <p className="mb-0 d-flex flex-wrap gap-1">
                {s.status === 'inactive' ? <span className="badge bg-secondary">Non attivo</span> : null}
                {s.online ? <span className="badge bg-primary">Richiesta online</span> : null}
                {s.bookable ? <span className="badge bg-success">Su appuntamento</span> : null}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
