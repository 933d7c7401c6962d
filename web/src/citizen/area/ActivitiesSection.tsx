// "Attività": what was done by the citizen or for them (bookings, changes, logins, downloads), newest
// first, with who did it, twenty to a page.
import type { Activity } from '../../../../contracts/identity.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { useTenant } from '../tenant.ts';
import { ACTIVITY_BY } from './lists.tsx';
import { Pager, pageNumber } from './Pager.tsx';
import { areaPath } from './sections.ts';

const PAGE_SIZE = 20;

export default function ActivitiesSection() {
  const t = useTenant();
  const page = pageNumber(useQueryParam('pagina'));
  const res = useApi<{ activities: Activity[] }>(`/api/v1/${t.slug}/me/activities?page=${page}`);
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorAlert message={res.error} />;
  const { activities } = res.data;
  return (
    <>
      <p>Tutto quello che hai fatto online e quello che l'ufficio ha fatto per te, dal più recente.</p>
      {activities.length ? (
        <div className="table-responsive">
          <table className="table" data-testid="activities">
            <caption className="visually-hidden">Le tue attività{page > 1 ? `, pagina ${page}` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Attività</th>
                <th scope="col">Chi</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((a, i) => (
                <tr key={i}>
                  <td className="text-nowrap">
                    <time dateTime={a.at}>{when(a.at)}</time>
                  </td>
                  <td>{a.title}</td>
                  <td>{ACTIVITY_BY[a.by]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{page > 1 ? 'Non ci sono altre attività.' : 'Non ci sono ancora attività.'}</p>
      )}
      <Pager page={page} hasNext={activities.length >= PAGE_SIZE} basePath={areaPath(t.slug, 'attivita')} label="Pagine delle attività" />
    </>
  );
}
