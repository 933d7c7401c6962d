// The configuration of one office: its data, services, desks (with weekly hours), the closures and
// extra openings of particular days, and its virtual queue. Every change is saved on its own and its
// outcome announced.
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { OfficeQueueSection } from '../queue/config/OfficeQueueSection.tsx';
import { Heading } from '../ui.tsx';
import { Desks } from './Desks.tsx';
import { Exceptions } from './Exceptions.tsx';
import { OfficeForm } from './OfficeForm.tsx';
import { Services } from './Services.tsx';

export function ConfigOffice({ officeId }: { officeId: string }) {
  const session = useSession();
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const office = offices.data?.offices.find((o) => o.id === officeId);
  const back = (
    <p className="mb-2">
      <Link href={`${session.base}/configurazione`}>← Tutti gli uffici</Link>
    </p>
  );
  if (offices.loading && !offices.data) return <Loading />;
  if (!office) {
    return (
      <>
        {back}
        <Heading title="Ufficio non trovato" />
        <ErrorAlert message={offices.error ?? "L'ufficio non esiste o non rientra tra quelli che puoi configurare."} />
      </>
    );
  }
  const replace = (updated: OperatorOffice) => offices.setData({ offices: offices.data!.offices.map((o) => (o.id === updated.id ? updated : o)) });

  return (
    <>
      {back}
      <Heading title={`Configurazione: ${office.name}`} />
      <nav aria-label="Sezioni della pagina" className="mb-4">
        <ul className="list-inline">
          <li className="list-inline-item me-3">
            <a href="#sezione-ufficio">Dati dell'ufficio</a>
          </li>
          <li className="list-inline-item me-3">
            <a href="#sezione-servizi">Servizi</a>
          </li>
          <li className="list-inline-item me-3">
            <a href="#sezione-sportelli">Sportelli e orari</a>
          </li>
          <li className="list-inline-item me-3">
            <a href="#sezione-eccezioni">Chiusure e aperture straordinarie</a>
          </li>
          <li className="list-inline-item">
            <a href="#sezione-coda">Coda virtuale</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="sezione-ufficio" className="mb-5">
        <h2 className="h4" id="sezione-ufficio" tabIndex={-1}>
          Dati dell'ufficio
        </h2>
        <OfficeForm office={office} onSaved={replace} />
      </section>

      <section aria-labelledby="sezione-servizi" className="mb-5">
        <h2 className="h4" id="sezione-servizi" tabIndex={-1}>
          Servizi
        </h2>
        <Services office={office} onSaved={replace} />
      </section>

      <section aria-labelledby="sezione-sportelli" className="mb-5">
        <h2 className="h4" id="sezione-sportelli" tabIndex={-1}>
          Sportelli e orari
        </h2>
        <Desks office={office} onSaved={replace} />
      </section>

      <section aria-labelledby="sezione-eccezioni" className="mb-5">
        <h2 className="h4" id="sezione-eccezioni" tabIndex={-1}>
          Chiusure e aperture straordinarie
        </h2>
        <Exceptions office={office} />
      </section>

      <section aria-labelledby="sezione-coda" className="mb-5">
        <h2 className="h4" id="sezione-coda" tabIndex={-1}>
          Coda virtuale
        </h2>
        <OfficeQueueSection office={office} />
      </section>
    </>
  );
}
