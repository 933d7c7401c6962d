// Configurazione: the offices the officer may configure, and (admins) a new office.
import { useState } from 'react';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { FocusHeading, Heading } from '../ui.tsx';
import { IdentityProvidersForm } from './IdentityProvidersForm.tsx';
import { OfficeForm } from './OfficeForm.tsx';

export function ConfigOffices() {
  const session = useSession();
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const [creating, setCreating] = useState(false);
  const admin = session.operator.role === 'admin';
  const list = offices.data?.offices ?? [];

  return (
    <>
      <Heading title="Configurazione" />
      <p>Scegli l'ufficio da configurare: dati, servizi, sportelli con i loro orari, chiusure e aperture straordinarie.</p>
      <ErrorAlert message={offices.error} />
      {offices.loading && !offices.data ? <Loading /> : null}
      {list.length ? (
        <div className="table-responsive">
          <table className="table">
            <caption>Uffici {admin ? 'del comune' : 'che puoi configurare'}</caption>
            <thead>
              <tr>
                <th scope="col">Ufficio</th>
                <th scope="col">Indirizzo</th>
                <th scope="col">Servizi</th>
                <th scope="col">Sportelli</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link href={`${session.base}/configurazione/uffici/${o.id}`}>{o.name}</Link>
                  </th>
                  <td>{o.address}</td>
                  <td>{o.services.length}</td>
                  <td>{o.desks.length}</td>
                  <td>{o.active ? 'Attivo' : 'Non attivo'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {admin ? (
        creating ? (
          <section className="mt-4" aria-label="Nuovo ufficio">
            <FocusHeading className="h4">Nuovo ufficio</FocusHeading>
            <OfficeForm submitLabel="Crea ufficio" onSaved={(o) => navigate(`${session.base}/configurazione/uffici/${o.id}`)} />
            <button type="button" className="btn btn-link px-0 mt-2" onClick={() => setCreating(false)}>
              Annulla
            </button>
          </section>
        ) : (
          <button type="button" className="btn btn-outline-primary mt-2" onClick={() => setCreating(true)}>
            Nuovo ufficio
          </button>
        )
      ) : null}
      {admin ? (
        <section className="mt-5" aria-labelledby="citizen-login-title">
          <h2 className="h4" id="citizen-login-title">
            Accesso dei cittadini (SPID e CIE)
          </h2>
          <IdentityProvidersForm />
        </section>
      ) : null}
    </>
  );
}
