// "Pratiche" also lists what the citizen asked or reported while logged in: requests for assistance
// and inefficiency reports, with their number, state and the office's answer.
import type { MyRequestList } from '../../../../contracts/requests.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { sitePaths } from '../site/names.ts';
import { useTenant } from '../tenant.ts';

const KIND = { assistance: "Richiesta d'assistenza", inefficiency: 'Segnalazione disservizio' } as const;
const STATE = {
  open: { label: 'Ricevuta', badge: 'bg-secondary' },
  in_progress: { label: 'Presa in carico', badge: 'bg-primary' },
  answered: { label: 'Risposta inviata', badge: 'bg-success' },
} as const;

export function RequestsList() {
  const t = useTenant();
  const list = useApi<MyRequestList>(`/api/v1/${t.slug}/me/requests`);
  const paths = sitePaths(t.slug);
  const requests = list.data?.requests ?? [];
  return (
    <section aria-labelledby="requests-title" className="mt-5">
      <h2 className="h4" id="requests-title">
        Richieste e segnalazioni
      </h2>
      <ErrorAlert message={list.error} />
      {list.data && !requests.length ? (
        <p>
          Non hai inviato richieste né segnalazioni. Puoi fare una <Link href={paths.assistance}>richiesta d'assistenza</Link> o una{' '}
          <Link href={paths.inefficiency}>segnalazione di disservizio</Link>.
        </p>
      ) : null}
      <ul className="list-unstyled" data-testid="my-requests">
        {requests.map((r) => (
          <li key={r.id} className="card card-bg shadow-sm no-after mb-3">
            <div className="card-body">
              <h3 className="h5">
                {KIND[r.kind]} n. {r.number}
              </h3>
              <p className="mb-1">
                <span className={`badge ${STATE[r.status].badge} me-2`}>{STATE[r.status].label}</span>
                {r.category}
                {r.subject ? ` — ${r.subject}` : ''}, inviata il {when(r.createdAt)}
              </p>
              <p className="small text-muted mb-2">{r.description}</p>
              {r.answer ? (
                <div className="border-start border-4 border-success ps-3">
                  <p className="fw-semibold mb-1">Risposta del Comune{r.answeredAt ? `, ${when(r.answeredAt)}` : ''}</p>
                  <p className="mb-0" style={{ whiteSpace: 'pre-line' }}>
                    {r.answer}
                  </p>
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
