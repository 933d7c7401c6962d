// The Modello Comuni page frame: slim header with the region, the comune's name, the site-wide
// booking link (data-element="appointment-booking"), the personal area's access (HeaderAccess), and
// the footer with privacy and accessibility.
import type { ReactNode } from 'react';
import type { TenantInfo } from '../../../contracts/catalogue.ts';
import { Icon } from '../shared/Icon.tsx';
import { Link } from '../shared/router.tsx';
import { HeaderAccess } from './HeaderAccess.tsx';
import { bookingPath } from './tenant.ts';

export function Layout({ tenant, children }: { tenant: TenantInfo | null; children: ReactNode }) {
  const home = tenant ? `/${tenant.slug}` : '/';
  return (
    <>
      <a className="visually-hidden-focusable skiplink-sportello" href="#main">
        Vai al contenuto
      </a>
      <header className="it-header-wrapper">
        <div className="it-header-slim-wrapper">
          <div className="container">
            <div className="it-header-slim-wrapper-content">
              {tenant?.branding.region ? <span className="d-lg-block navbar-brand">{tenant.branding.region}</span> : <span className="d-lg-block navbar-brand">Sportello</span>}
              {tenant ? (
                <div className="it-header-slim-right-zone">
                  <HeaderAccess slug={tenant.slug} />
                </div>
              ) : null}
            </div>
          </div>
        </div>
        <div className="it-nav-wrapper">
          <div className="it-header-center-wrapper">
            <div className="container">
              <div className="it-header-center-content-wrapper">
                <div className="it-brand-wrapper">
                  <Link href={home}>
                    <Icon name="it-pa" />
                    <div className="it-brand-text">
                      <div className="it-brand-title">{tenant ? tenant.name : 'Sportello'}</div>
                      <div className="it-brand-tagline d-none d-md-block">Servizi online al cittadino</div>
                    </div>
                  </Link>
                </div>
                {tenant ? (
                  <div className="it-right-zone gap-2">
                    {/* On a phone the two links show their icons only; their names stay for screen readers. */}
                    <Link href={`/${tenant.slug}/servizi`} className="btn btn-outline-light btn-sm" data-element="all-services" aria-label="Servizi">
                      <Icon name="it-list" className="icon-white me-sm-1" size="sm" />
                      <span className="d-none d-sm-inline">Servizi</span>
                    </Link>
                    <Link href={bookingPath(tenant.slug)} className="btn btn-outline-light btn-sm" data-element="appointment-booking" aria-label="Prenota appuntamento">
                      <Icon name="it-calendar" className="icon-white me-sm-1" size="sm" />
                      <span className="d-none d-sm-inline">Prenota appuntamento</span>
                    </Link>
                  </div>
                ) : null}
              </div>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="container my-4">
        {children}
      </main>
      <footer className="it-footer">
        <div className="it-footer-main">
          <div className="container py-4">
            <p className="h4 text-white mb-2">{tenant ? tenant.name : 'Sportello'}</p>
            {tenant?.branding.website ? (
              <p className="mb-0">
                <a className="text-white" href={tenant.branding.website}>
                  Sito istituzionale
                </a>
              </p>
            ) : null}
          </div>
        </div>
        <div className="it-footer-small-prints clearfix">
          <div className="container">
            <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
              {tenant ? (
                <>
                  <li className="list-inline-item">
                    <Link href={`/${tenant.slug}/privacy`} data-element="privacy-policy-link">
                      Informativa privacy
                    </Link>
                  </li>
                  <li className="list-inline-item">
                    <Link href={`/${tenant.slug}/accessibilita`} data-element="accessibility-link">
                      Dichiarazione di accessibilità
                    </Link>
                  </li>
                  <li className="list-inline-item">
                    <a href={`/${tenant.slug}/operatore`}>Area operatori</a>
                  </li>
                </>
              ) : null}
            </ul>
          </div>
        </div>
      </footer>
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
