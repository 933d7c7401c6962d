// The Modello Comuni page frame: the comune's header and footer (site/SiteHeader, site/SiteFooter)
// around the page, which ends with the page rating (site/PageRating) on every page of a comune but the
// video room.
import type { ReactNode } from 'react';
import type { TenantInfo } from '../../../contracts/catalogue.ts';
import { Link, useLocation } from '../shared/router.tsx';
import { PageRating } from './site/PageRating.tsx';
import { SiteFooter } from './site/SiteFooter.tsx';
import { SiteHeader } from './site/SiteHeader.tsx';

export function Layout({ tenant, loading = false, children }: { tenant: TenantInfo | null; loading?: boolean; children: ReactNode }) {
  const { path } = useLocation();
  const rated = tenant !== null && !/\/video(\/|$)/.test(path);
  return (
    <>
      <a className="visually-hidden-focusable skiplink-sportello" href="#main">
        Vai al contenuto
      </a>
      <SiteHeader tenant={tenant} loading={loading} />
      <main id="main" className="container my-4">
        {children}
      </main>
      {/* After <main>, whose minimum height keeps it below the fold while the page loads: arriving
          content pushes nothing that is on screen. */}
      {rated ? (
        <div className="container mb-4">
          <PageRating key={path} slug={tenant.slug} page={path} />
        </div>
      ) : null}
      <SiteFooter tenant={tenant} />
    </>
  );
}

export function Breadcrumb({ items }: { items: Array<{ label: string; href?: string }> }) {
  return (
    <nav className="breadcrumb-container" aria-label="Percorso di navigazione" data-element="breadcrumb">
      <ol className="breadcrumb p-0">
        {items.map((it, i) => (
          <li key={i} className={`breadcrumb-item${i === items.length - 1 ? ' active' : ''}`} aria-current={i === items.length - 1 ? 'page' : undefined}>
            {it.href && i < items.length - 1 ? <Link href={it.href}>{it.label}</Link> : it.label}
            {i < items.length - 1 ? <span className="separator">/</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
