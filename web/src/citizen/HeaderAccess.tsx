// The slim header's right zone (Modello Comuni): "Accedi all'area personale" when logged out; when
// logged in, the citizen's name linking to the personal area with the unread messages in words, and
// "Esci". Nothing is shown until /me answers, so the header never flashes the wrong state.
import { useState } from 'react';
import { Icon } from '../shared/Icon.tsx';
import { Link, useLocation } from '../shared/router.tsx';
import { loginPath, logout, useCitizen } from './session.ts';

export function HeaderAccess({ slug }: { slug: string }) {
  const citizen = useCitizen();
  const { path, search } = useLocation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (citizen.status === 'unknown') return null;

  if (citizen.status === 'anonymous') {
    // On the login page itself, keep the page it will return to.
    const here = path === `/${slug}/accedi` ? `${path}${search}` : loginPath(slug, path + search);
    return (
      <div className="it-access-top-wrapper">
        <Link href={here} className="btn btn-primary btn-icon btn-full" data-element="personal-area-login">
          <span className="rounded-icon" aria-hidden="true">
            <Icon name="it-user" className="icon-primary" />
          </span>
          <span className="ms-2">Accedi all'area personale</span>
        </Link>
      </div>
    );
  }

  const { me } = citizen;
  const unread = me.unreadMessages;
  async function signOut(): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      await logout();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  return (
    <div className="it-access-top-wrapper d-flex align-items-center">
      <Link href={`/${slug}/area-personale`} className="btn btn-primary btn-icon btn-full" data-testid="header-citizen">
        <span className="rounded-icon" aria-hidden="true">
          <Icon name="it-user" className="icon-primary" />
        </span>
        <span className="ms-2 text-nowrap">
          <span className="visually-hidden">Area personale di </span>
          {me.citizen.givenName} {me.citizen.familyName}
        </span>
        {unread > 0 ? (
          <span className="badge bg-white text-primary ms-2" data-testid="header-unread">
            {unread}
            <span className="visually-hidden-md-down"> {unread === 1 ? 'messaggio non letto' : 'messaggi non letti'}</span>
          </span>
        ) : null}
      </Link>
      <button type="button" className="btn btn-primary btn-icon btn-full" onClick={() => void signOut()} disabled={busy}>
        <Icon name="it-logout" className="icon-white" />
        <span className="ms-1">Esci</span>
      </button>
      {failed ? (
        <span role="alert" className="small text-white ms-2">
          Uscita non riuscita: riprova.
        </span>
      ) : null}
    </div>
  );
}
