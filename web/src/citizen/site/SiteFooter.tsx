// The Modello Comuni footer: the comune's contacts and PEC, the help and report links (FAQ,
// "Richiesta d'assistenza", "Prenotazione appuntamento", "Segnalazione disservizio"), the statements
// (privacy, accessibility on AgID's form service, legal notes with the content licence, the improvement
// plan) and the social links; all from the comune's site settings. The official checker looks for each
// link by its data-element inside <footer>.
import type { TenantInfo } from '../../../../contracts/catalogue.ts';
import { SOCIAL_NETWORKS } from '../../../../contracts/site.ts';
import { Icon } from '../../shared/Icon.tsx';
import { Link } from '../../shared/router.tsx';
import { bookingPath } from '../tenant.ts';
import { sitePaths } from './names.ts';

export function SiteFooter({ tenant }: { tenant: TenantInfo | null }) {
  if (!tenant) {
    return (
      <footer className="it-footer">
        <div className="it-footer-main">
          <div className="container py-4">
            <p className="h4 text-white mb-0">Sportello</p>
          </div>
        </div>
      </footer>
    );
  }
  const p = sitePaths(tenant.slug);
  const { contacts, social, accessibilityUrl, improvementPlanUrl, privacyUrl } = tenant.site;
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row pt-4">
            <div className="col-12 col-lg-4 pb-3">
              <p className="h4 text-white">{tenant.name}</p>
              <address className="text-white mb-0">
                {contacts.address ? <span className="d-block">{contacts.address}</span> : null}
                {contacts.fiscalCode ? <span className="d-block">Codice fiscale {contacts.fiscalCode}</span> : null}
                {contacts.phone ? (
                  <span className="d-block">
                    Telefono <a href={`tel:${contacts.phone.replace(/[^+0-9]/g, '')}`}>{contacts.phone}</a>
                  </span>
                ) : null}
                {contacts.email ? (
                  <span className="d-block">
                    Email <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
                  </span>
                ) : null}
                {contacts.pec ? (
                  <span className="d-block">
                    PEC <a href={`mailto:${contacts.pec}`}>{contacts.pec}</a>
                  </span>
                ) : null}
                {contacts.openingHours ? <span className="d-block mt-2">{contacts.openingHours}</span> : null}
              </address>
            </div>
            <div className="col-12 col-md-6 col-lg-4 pb-3">
              <p className="h5 text-white">Contatta il Comune</p>
              <ul className="footer-list list-unstyled">
                <li>
                  <Link href={p.faq} data-element="faq">
                    Leggi le FAQ
                  </Link>
                </li>
                <li>
                  <Link href={p.assistance} data-element="contacts">
                    Richiesta d'assistenza
                  </Link>
                </li>
                <li>
                  <Link href={bookingPath(tenant.slug)} data-element="appointment-booking">
                    Prenotazione appuntamento
                  </Link>
                </li>
                <li>
                  <Link href={p.inefficiency} data-element="report-inefficiency">
                    Segnalazione disservizio
                  </Link>
                </li>
              </ul>
            </div>
            <div className="col-12 col-md-6 col-lg-4 pb-3">
              {tenant.branding.website ? (
                <>
                  <p className="h5 text-white">Sito istituzionale</p>
                  <p>
                    <a href={tenant.branding.website}>{tenant.branding.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}</a>
                  </p>
                </>
              ) : null}
              {social.length ? (
                <>
                  <p className="h5 text-white">Seguici su</p>
                  <ul className="list-inline">
                    {social.map((s) => (
                      <li className="list-inline-item" key={s.url}>
                        <a href={s.url} aria-label={SOCIAL_NETWORKS[s.network]} title={SOCIAL_NETWORKS[s.network]}>
                          <Icon name={`it-${s.network === 'x' ? 'twitter' : s.network}`} className="icon-white" />
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row flex-wrap">
            <li className="list-inline-item">
              {privacyUrl ? (
                <a href={privacyUrl} data-element="privacy-policy-link">
                  Informativa privacy
                </a>
              ) : (
                <Link href={p.privacy} data-element="privacy-policy-link">
                  Informativa privacy
                </Link>
              )}
            </li>
            <li className="list-inline-item">
              <Link href={`${p.privacy}#cookie`}>Cookie: solo tecnici</Link>
            </li>
            <li className="list-inline-item">
              <Link href={p.legalNotes} data-element="legal-notes">
                Note legali
              </Link>
            </li>
            <li className="list-inline-item">
              {accessibilityUrl ? (
                <a href={accessibilityUrl} data-element="accessibility-link">
                  Dichiarazione di accessibilità
                </a>
              ) : (
                <Link href={p.accessibility} data-element="accessibility-link">
                  Dichiarazione di accessibilità
                </Link>
              )}
            </li>
            {improvementPlanUrl ? (
              <li className="list-inline-item">
                <a href={improvementPlanUrl}>Piano di miglioramento del sito</a>
              </li>
            ) : null}
            <li className="list-inline-item">
              <a href={`/${tenant.slug}/operatore`}>Area operatori</a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
