// "Pratiche": the citizen's online applications. Drafts first (resume, delete, until when they are
// kept), then the submitted ones with their protocol number and receipt; then the requests and reports.
import { useState } from 'react';
import type { ApplicationList, ApplicationSummary } from '../../../../contracts/applications.ts';
import { CASE_STATE_WORDS, type CaseState } from '../../../../contracts/statuses.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { applicationPagePath } from '../applications/paths.ts';
import { servicesPath } from '../services/paths.ts';
import { useTenant } from '../tenant.ts';
import { RequestsList } from './RequestsList.tsx';

function Drafts({ drafts, onDeleted }: { drafts: ApplicationSummary[]; onDeleted(): void }) {
  const t = useTenant();
  const [failure, setFailure] = useState<string>();
  const remove = async (a: ApplicationSummary) => {
    if (!window.confirm(`Eliminare la bozza "${a.service.title}"?`)) return;
    try {
      await api(`/api/v1/${t.slug}/me/applications/${a.id}`, { method: 'DELETE' });
      onDeleted();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <section aria-labelledby="drafts-title" className="mb-5">
      <h2 className="h4" id="drafts-title">
        Bozze
      </h2>
      <ErrorAlert message={failure} />
      <ul className="list-unstyled" data-testid="drafts">
        {drafts.map((a) => (
          <li key={a.id} className="card card-bg shadow-sm no-after mb-3">
            <div className="card-body">
              <h3 className="h5">{a.service.title}</h3>
              <p className="small mb-2">
                Ultima modifica {when(a.updatedAt)}
                {a.expiresAt ? `; conservata fino al ${when(a.expiresAt)}` : ''}.
              </p>
              <p className="mb-0 d-flex flex-wrap gap-2">
                <Link className="btn btn-primary btn-sm" href={applicationPagePath(t.slug, a.id)} aria-label={`Riprendi la bozza: ${a.service.title}`}>
                  Riprendi
                </Link>
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove(a)} aria-label={`Elimina la bozza: ${a.service.title}`}>
                  Elimina
                </button>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Filed cases, grouped as the citizen needs them: what waits for them first. */
const GROUPS: Array<{ id: string; title: string; states: CaseState[] }> = [
  { id: 'action', title: 'Richiedono una tua risposta', states: ['integration_requested', 'rejection_notice'] },
  { id: 'open', title: 'In corso', states: ['submitted', 'registered', 'in_charge', 'integration_submitted'] },
  { id: 'closed', title: 'Concluse', states: ['accepted', 'rejected', 'withdrawn', 'cancelled'] },
];
const BADGE: Partial<Record<CaseState, string>> = { integration_requested: 'bg-warning text-dark', rejection_notice: 'bg-danger', accepted: 'bg-success', rejected: 'bg-danger' };

function FiledGroup({ id, title, cases }: { id: string; title: string; cases: ApplicationSummary[] }) {
  const t = useTenant();
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4">
      <h2 className="h4" id={`${id}-title`}>
        {title}
      </h2>
      <ul className="list-unstyled" data-testid={`cases-${id}`}>
        {cases.map((a) => (
          <li key={a.id} className="card card-bg shadow-sm no-after mb-3">
            <div className="card-body">
              <h3 className="h5">
                <Link href={applicationPagePath(t.slug, a.id)}>{a.service.title}</Link>
              </h3>
              <p className="mb-1">
                <span className={`badge ${BADGE[a.state] ?? 'bg-primary'} me-2`}>{CASE_STATE_WORDS[a.state].it}</span>
                Protocollo n. <strong>{a.protocol?.label}</strong> del {a.protocol ? when(a.protocol.registeredAt) : ''}
              </p>
              {a.receiptUrl ? (
                <a href={a.receiptUrl} download>
                  Ricevuta (PDF)
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function CasesSection() {
  const t = useTenant();
  const list = useApi<ApplicationList>(`/api/v1/${t.slug}/me/applications`);
  if (list.loading && !list.data) return <Loading />;
  const all = list.data?.applications ?? [];
  const drafts = all.filter((a) => a.status === 'draft');
  const filed = all.filter((a) => a.status !== 'draft');
  return (
    <>
      <ErrorAlert message={list.error} />
      {!all.length ? (
        <p>
          Non hai ancora pratiche. Puoi presentare online le domande dei <Link href={servicesPath(t.slug)}>servizi del comune</Link> che lo consentono.
        </p>
      ) : null}
      {drafts.length ? <Drafts drafts={drafts} onDeleted={list.reload} /> : null}
      {GROUPS.map((g) => {
        const cases = filed.filter((a) => g.states.includes(a.state));
        return cases.length ? <FiledGroup key={g.id} id={g.id} title={g.title} cases={cases} /> : null;
      })}
      <RequestsList />
    </>
  );
}
