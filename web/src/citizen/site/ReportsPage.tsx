// The comune's open inefficiency reports, for everyone: number, kind, place, date and state (never who
// sent them or what they wrote), newest first, filtered by kind, 50 a page (?tipo=, ?pagina=).
import { useId } from 'react';
import { type PublicReportList, REPORT_CATEGORIES } from '../../../../contracts/requests.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link, navigate, useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Pager } from '../area/Pager.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';
import { sitePaths } from './names.ts';

const PAGE = 50;
const STATE = { open: 'Ricevuta', in_progress: 'Presa in carico', answered: 'Risolta' } as const;

export default function ReportsPage() {
  const t = useTenant();
  const id = useId();
  const paths = sitePaths(t.slug);
  const kind = useQueryParam('tipo') ?? '';
  const page = Math.max(1, Number(useQueryParam('pagina')) || 1);
  const query = new URLSearchParams({ ...(kind ? { category: kind } : {}), ...(page > 1 ? { offset: String((page - 1) * PAGE) } : {}) }).toString();
  const list = useApi<PublicReportList>(`/api/v1/${t.slug}/inefficiency-reports${query ? `?${query}` : ''}`);
  const base = `${paths.reports}${kind ? `?tipo=${encodeURIComponent(kind)}` : ''}`;
  const reports = list.data?.reports ?? [];
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: paths.home }, { label: 'Segnalazione disservizio', href: paths.inefficiency }, { label: 'Segnalazioni aperte' }]} />
      <PageHeading title="Segnalazioni aperte" description={`I disservizi segnalati al ${t.name} e non ancora risolti.`} />
      <p className="lead">
        I problemi segnalati dai cittadini che il Comune non ha ancora risolto. Prima di segnalarne uno, controlla se è già qui.{' '}
        <Link href={paths.inefficiency}>Fai una segnalazione</Link>
      </p>
      <div className="select-wrapper mb-4" style={{ maxWidth: '24rem' }}>
        <label htmlFor={`${id}-kind`}>Tipo di disservizio</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => navigate(e.target.value ? `${paths.reports}?tipo=${encodeURIComponent(e.target.value)}` : paths.reports)}>
          <option value="">Tutti</option>
          {REPORT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <p role="status">
          {list.data.total === 0 ? 'Nessuna segnalazione aperta.' : list.data.total === 1 ? 'Una segnalazione aperta.' : `${list.data.total} segnalazioni aperte.`}
        </p>
      ) : null}
      {reports.length ? (
        <div className="table-responsive">
          <table className="table" data-testid="open-reports">
            <caption className="visually-hidden">Segnalazioni aperte</caption>
            <thead>
              <tr>
                <th scope="col">Numero</th>
                <th scope="col">Tipo</th>
                <th scope="col">Luogo</th>
                <th scope="col">Inviata il</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.number}>
                  <td>{r.number}</td>
                  <td>{r.category}</td>
                  <td>{r.address}</td>
                  <td>{when(r.createdAt)}</td>
                  <td>
                    <span className={`badge ${r.status === 'open' ? 'bg-secondary' : 'bg-primary'}`}>{STATE[r.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={page} hasNext={(list.data?.total ?? 0) > page * PAGE} basePath={base} label="Pagine delle segnalazioni" />
    </>
  );
}
