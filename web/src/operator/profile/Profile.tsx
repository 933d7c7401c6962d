// "Il mio profilo": who the officer is for the comune, their password and second factor.
import type { Profile as ProfileView } from '../../../../contracts/officers.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { ROLE_LABELS, useOperatorApi } from '../session.tsx';
import { Heading } from '../ui.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { TotpSection } from './TotpSection.tsx';

export function Profile() {
  const profile = useOperatorApi<ProfileView>('me');
  const p = profile.data;
  return (
    <>
      <Heading title="Il mio profilo" />
      <ErrorAlert message={profile.error} />
      {!p ? (
        profile.loading ? (
          <Loading />
        ) : null
      ) : (
        <>
          <dl className="ticket-facts">
            <div>
              <dt>Nome</dt>
              <dd>{p.displayName}</dd>
            </div>
            <div>
              <dt>Nome utente</dt>
              <dd>{p.username}</dd>
            </div>
            <div>
              <dt>Ruolo</dt>
              <dd>{ROLE_LABELS[p.role] ?? p.role}</dd>
            </div>
            <div>
              <dt>Uffici</dt>
              <dd>{p.offices.length ? p.offices.map((o) => o.name).join(', ') : 'Tutti gli uffici del comune'}</dd>
            </div>
          </dl>
          <section className="mt-4" aria-labelledby="profile-password">
            <h2 className="h4" id="profile-password">
              Password
            </h2>
            <p>
              {p.passwordChangedAt ? `Ultimo cambio: ${when(p.passwordChangedAt)}.` : 'Non l’hai ancora cambiata da qui.'} Cambiandola, le altre sessioni aperte con il tuo account
              vengono chiuse.
            </p>
            <PasswordForm onChanged={profile.reload} />
          </section>
          <section className="mt-5" aria-labelledby="profile-totp">
            <h2 className="h4" id="profile-totp">
              Verifica in due passaggi
            </h2>
            <TotpSection profile={p} onChanged={profile.reload} />
          </section>
        </>
      )}
    </>
  );
}
