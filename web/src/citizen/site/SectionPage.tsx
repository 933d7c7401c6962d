// The first-level pages that live on the comune's institutional site (Amministrazione, Novità, Vivere
// <comune>): Sportello shows each with its second-level pages, titled as the Modello Comuni's
// vocabulary; each of those is a short page of ours (so every page the menu reaches is on the comune's
// domain) leading to the institutional site's page the admin configured (else its home).
import { SITE_SECTIONS, type SiteSectionKey } from '../../../../contracts/site.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';
import { sectionPath, sectionTitle } from './names.ts';

const LIVE_BUTTONS: Record<string, string> = { luoghi: 'live-button-locations', eventi: 'live-button-events' };

export default function SectionPage({ section }: { section: SiteSectionKey }) {
  const t = useTenant();
  const spec = SITE_SECTIONS[section];
  const title = sectionTitle(section, t.name);
  const element = (page: string) => (section === 'live' ? LIVE_BUTTONS[page] : `${section}-category-link`);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: title }]} />
      <PageHeading title={title} />
      <p className="lead">{spec.intro}</p>
      <ul className="row g-3 list-unstyled">
        {Object.entries(spec.pages).map(([page, name]) => (
          <li key={page} className="col-12 col-md-6 col-lg-4">
            <div className="card card-bg h-100 shadow-sm">
              <div className="card-body">
                <h2 className="h5 card-title">
                  <Link href={`${sectionPath(t.slug, section)}/${page}`} data-element={element(page)}>
                    {name}
                  </Link>
                </h2>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A second-level page: where its content lives on the institutional site, one step away. */
export function SectionSubPage({ section, page }: { section: SiteSectionKey; page: string }) {
  const t = useTenant();
  const pages: Record<string, string> = SITE_SECTIONS[section].pages;
  const name = Object.hasOwn(pages, page) ? pages[page]! : null;
  const href = name ? (t.site.sectionLinks[`${section}.${page}`] ?? t.branding.website) : undefined;
  const parent = sectionTitle(section, t.name);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: parent, href: sectionPath(t.slug, section) }, { label: name ?? 'Pagina non trovata' }]} />
      <PageHeading title={name ?? 'Pagina non trovata'} />
      {name && href ? (
        <>
          <p className="lead">
            {name}: le informazioni sono pubblicate sul sito istituzionale del {t.name}.
          </p>
          <p>
            <a className="btn btn-primary" href={href}>
              Vai a {name} sul sito istituzionale
            </a>
          </p>
        </>
      ) : (
        <p>
          {name ? `Le informazioni su ${name.toLowerCase()} sono disponibili presso gli uffici del Comune.` : 'La pagina richiesta non esiste.'}{' '}
          <Link href={sectionPath(t.slug, section)}>Torna a {parent}</Link>.
        </p>
      )}
    </>
  );
}
