// The Modello Comuni header: the region in the slim header with the personal area's access, the
// comune's name and coat of arms with the search, and the first-level menu (Amministrazione, Novità,
// Servizi, Vivere <comune>). Each menu entry's data-element appears once on a page: the official
// checker counts them.
import type { TenantInfo } from '../../../../contracts/catalogue.ts';
import type { SiteSectionKey } from '../../../../contracts/site.ts';
import { Icon } from '../../shared/Icon.tsx';
import { Link, useLocation } from '../../shared/router.tsx';
import { HeaderAccess } from '../HeaderAccess.tsx';
import { sectionPath, sectionTitle, sitePaths } from './names.ts';

const MENU: Array<{ key: SiteSectionKey | 'services'; element: string }> = [
  { key: 'management', element: 'management' },
  { key: 'news', element: 'news' },
  { key: 'services', element: 'all-services' },
  { key: 'live', element: 'live' },
];

/** `loading`: the comune is not known yet; the menu's band keeps its place. */
export function SiteHeader({ tenant, loading = false }: { tenant: TenantInfo | null; loading?: boolean }) {
  const { path } = useLocation();
  const home = tenant ? `/${tenant.slug}` : '/';
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="it-header-slim-wrapper-content">
            <span className="d-lg-block navbar-brand">{tenant?.branding.region ?? 'Sportello'}</span>
            <div className="it-header-slim-right-zone">{tenant ? <HeaderAccess slug={tenant.slug} /> : null}</div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link href={home}>
                  {tenant?.coatOfArmsUrl ? <img src={tenant.coatOfArmsUrl} alt="" className="icon sportello-coat" width="82" height="82" /> : <Icon name="it-pa" />}
                  <div className="it-brand-text">
                    <div className="it-brand-title">{tenant ? tenant.name : 'Sportello'}</div>
                    <div className="it-brand-tagline d-none d-md-block">Servizi online al cittadino</div>
                  </div>
                </Link>
              </div>
              {tenant ? (
                <div className="it-right-zone">
                  <div className="it-search-wrapper">
                    <span className="d-none d-md-block">Cerca</span>
                    <Link href={sitePaths(tenant.slug).search} className="search-link rounded-icon" aria-label="Cerca nel sito" data-element="search-modal-button">
                      <Icon name="it-search" />
                    </Link>
                  </div>
                </div>
              ) : null}
            </div>
          </div>
        </div>
        {tenant ? (
          <div className="sportello-navbar">
            <div className="container">
              <nav className="sportello-menu" aria-label="Menu principale">
                <ul className="nav" data-element="main-navigation">
                  {MENU.map(({ key, element }) => {
                    const href = key === 'services' ? sitePaths(tenant.slug).services : sectionPath(tenant.slug, key);
                    const current = path === href || path.startsWith(`${href}/`);
                    return (
                      <li className="nav-item" key={key}>
                        <Link href={href} className={`nav-link${current ? ' active' : ''}`} aria-current={current ? 'page' : undefined} data-element={element}>
                          {key === 'services' ? 'Servizi' : sectionTitle(key, tenant.name)}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            </div>
          </div>
        ) : loading ? (
          <div className="sportello-navbar sportello-navbar-pending" aria-hidden="true" />
        ) : null}
      </div>
    </header>
  );
}
