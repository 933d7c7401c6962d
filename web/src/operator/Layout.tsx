// The console's frame: slim header with the comune and the signed-in officer (and Esci), the brand
// row, and the main navigation.
import type { ReactNode } from 'react';
import { Icon } from '../shared/Icon.tsx';
import { Link } from '../shared/router.tsx';
import { canConfigure, ROLE_LABELS, type OperatorSession } from './session.tsx';

export function Layout({ tenantName, home = '/', session, path, children }: { tenantName: string; home?: string; session?: OperatorSession; path?: string; children: ReactNode }) {
  // Until a temporary password is replaced, the console shows only the password change.
  const links =
    session && !session.operator.mustChangePassword
      ? [
          {
            href: `${session.base}/agenda`,
            label: 'Agenda',
            active: (p: string) => p === session.base || p === `${session.base}/` || p.startsWith(`${session.base}/agenda`) || p.startsWith(`${session.base}/prenotazioni`),
          },
          { href: `${session.base}/coda`, label: 'Coda', active: (p: string) => p.startsWith(`${session.base}/coda`) },
          {
            href: `${session.base}/videochiamate`,
            label: 'Videochiamate',
            active: (p: string) => p.startsWith(`${session.base}/video`) || p.startsWith(`${session.base}/stanze/`) || p.startsWith(`${session.base}/appuntamenti/`),
          },
          { href: `${session.base}/nuova-prenotazione`, label: 'Nuova prenotazione', active: (p: string) => p.startsWith(`${session.base}/nuova-prenotazione`) },
          { href: `${session.base}/protocollo`, label: 'Protocollo', active: (p: string) => p.startsWith(`${session.base}/protocollo`) },
          { href: `${session.base}/pratiche`, label: 'Pratiche', active: (p: string) => p.startsWith(`${session.base}/pratiche`) },
          { href: `${session.base}/richieste`, label: 'Richieste', active: (p: string) => p.startsWith(`${session.base}/richieste`) },
          { href: `${session.base}/segnalazioni`, label: 'Segnalazioni', active: (p: string) => p.startsWith(`${session.base}/segnalazioni`) },
          { href: `${session.base}/pagamenti`, label: 'Pagamenti', active: (p: string) => p.startsWith(`${session.base}/pagamenti`) },
          ...(canConfigure(session)
            ? [{ href: `${session.base}/configurazione`, label: 'Configurazione', active: (p: string) => p.startsWith(`${session.base}/configurazione`) }]
            : []),
          ...(canConfigure(session) ? [{ href: `${session.base}/operatori`, label: 'Operatori', active: (p: string) => p.startsWith(`${session.base}/operatori`) }] : []),
          ...(session.operator.role === 'admin'
            ? [{ href: `${session.base}/schede-servizio`, label: 'Schede servizio', active: (p: string) => p.startsWith(`${session.base}/schede-servizio`) }]
            : []),
          ...(session.operator.role === 'admin' ? [{ href: `${session.base}/sito`, label: 'Sito del Comune', active: (p: string) => p.startsWith(`${session.base}/sito`) }] : []),
          ...(session.operator.role === 'admin'
            ? [{ href: `${session.base}/registro`, label: 'Registro attività', active: (p: string) => p.startsWith(`${session.base}/registro`) }]
            : []),
          { href: `${session.base}/profilo`, label: 'Il mio profilo', active: (p: string) => p.startsWith(`${session.base}/profilo`) },
        ]
      : [];
  return (
    <>
      <a className="visually-hidden-focusable skiplink-sportello" href="#main">
        Vai al contenuto
      </a>
      <header className="it-header-wrapper">
        <div className="it-header-slim-wrapper">
          <div className="container">
            <div className="it-header-slim-wrapper-content">
              <span className="d-none d-md-block navbar-brand">Sportello — Area operatori</span>
              {session ? (
                <div className="it-header-slim-right-zone gap-3">
                  <span className="operator-user" data-testid="operator-user">
                    {session.operator.displayName} <span className="d-none d-md-inline">({ROLE_LABELS[session.operator.role] ?? session.operator.role})</span>
                  </span>
                  <button type="button" className="btn btn-primary btn-sm" onClick={() => void session.signOut()}>
                    Esci
                  </button>
                </div>
              ) : null}
            </div>
          </div>
        </div>
        <div className="it-nav-wrapper">
          <div className="it-header-center-wrapper it-small-header">
            <div className="container">
              <div className="it-header-center-content-wrapper">
                <div className="it-brand-wrapper">
                  <Link href={session ? session.base : home}>
                    <Brand name={tenantName} />
                  </Link>
                </div>
              </div>
            </div>
          </div>
        </div>
        {links.length ? (
          <nav className="operator-nav" aria-label="Menu dell'area operatori">
            <div className="container">
              <ul>
                {links.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href} aria-current={path && l.active(path) ? 'page' : undefined}>
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </header>
      <main id="main" className="container my-4 operator-main">
        {children}
      </main>
    </>
  );
}

function Brand({ name }: { name: string }) {
  return (
    <>
      <Icon name="it-pa" />
      <div className="it-brand-text">
        <div className="it-brand-title">{name}</div>
        <div className="it-brand-tagline d-none d-md-block">Area operatori</div>
      </div>
    </>
  );
}
