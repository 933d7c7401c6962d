// "Pratiche": the office's cases, the most urgent first (past or near their term), with counters per
// state and filters (state, service, assignee, term, words), 50 a page, and the whole list as CSV.
import { useState } from 'react';
import type { CaseWorkload, OperatorCaseList } from '../../../../contracts/cases.ts';
import type { CatalogueList } from '../../../../contracts/service-cards.ts';
import { CASE_STATE_WORDS, type CaseState } from '../../../../contracts/statuses.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { useOperatorApi, useSession } from '../session.tsx';
import { Heading, PageNav, SelectField, TextField } from '../ui.tsx';

const OPEN: CaseState[] = ['registered', 'in_charge', 'integration_requested', 'integration_submitted', 'rejection_notice'];
const CLOSED: CaseState[] = ['accepted', 'rejected', 'withdrawn', 'cancelled'];
const PAGE = 50;
const FLAG = {
  past: { label: 'Termine scaduto', badge: 'bg-danger' },
  near: { label: 'Termine vicino', badge: 'bg-warning text-dark' },
  suspended: { label: 'Termine sospeso', badge: 'bg-secondary' },
  on_time: null,
} as const;
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Managers and admins: who holds how many open cases (and past term), how long decisions take. */
function Workload() {
  const load = useOperatorApi<CaseWorkload>('applications/workload');
  if (!load.data) return null;
  return (
    <details className="mb-4" data-testid="case-workload">
      <summary>Carico di lavoro degli uffici</summary>
      <div className="row mt-2">
        <div className="col-12 col-lg-6">
          <table className="table table-sm">
            <caption>Pratiche aperte per operatore</caption>
            <thead>
              <tr>
                <th scope="col">Operatore</th>
                <th scope="col">Aperte</th>
                <th scope="col">Oltre il termine</th>
              </tr>
            </thead>
            <tbody>
              {load.data.officers.map((o) => (
                <tr key={o.officer?.id ?? 'none'}>
                  <th scope="row">{o.officer?.name ?? 'Da prendere in carico'}</th>
                  <td>{o.open}</td>
                  <td>{o.pastTerm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="col-12 col-lg-6">
          <table className="table table-sm">
            <caption>Tempo medio di conclusione per servizio</caption>
            <thead>
              <tr>
                <th scope="col">Servizio</th>
                <th scope="col">Concluse</th>
                <th scope="col">Giorni in media</th>
              </tr>
            </thead>
            <tbody>
              {load.data.services.map((x) => (
                <tr key={x.service.slug}>
                  <th scope="row">{x.service.title}</th>
                  <td>{x.decided}</td>
                  <td>{x.averageDays.toLocaleString('it-IT')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}

export function CaseInbox() {
  const session = useSession();
  const [state, setState] = useState<string>('');
  const [service, setService] = useState('');
  const catalogue = useApi<CatalogueList>(`/api/v1/${session.tenant.slug}/catalogue`);
  const online = (catalogue.data?.services ?? []).filter((x) => x.online);
  const [assignee, setAssignee] = useState('');
  const [overdue, setOverdue] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const filterValues = {
    ...(state ? { state } : {}),
    ...(service ? { serviceSlug: service } : {}),
    ...(assignee ? { assignee } : {}),
    ...(overdue ? { overdue } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  };
  const params = new URLSearchParams({ ...filterValues, ...(page ? { offset: String(page * PAGE) } : {}), limit: String(PAGE) }).toString();
  const list = useOperatorApi<OperatorCaseList>(`applications?${params}`);
  const filters = new URLSearchParams(filterValues).toString();
  const csvUrl = `${session.apiBase}/applications.csv${filters ? `?${filters}` : ''}`;
  const reset = (f: () => void) => {
    f();
    setPage(0);
  };
  return (
    <>
      <Heading title="Pratiche" />
      <p>Le domande online presentate ai tuoi uffici: prima quelle con il termine scaduto o vicino.</p>
      {session.operator.role !== 'operator' ? <Workload /> : null}
      {list.data ? (
        <ul className="list-inline" aria-label="Pratiche aperte per stato" data-testid="case-counts">
          {OPEN.map((s) => (
            <li key={s} className="list-inline-item mb-2">
              <button
                type="button"
                className={`btn btn-sm ${state === s ? 'btn-primary' : 'btn-outline-primary'}`}
                aria-pressed={state === s}
                onClick={() => reset(() => setState(state === s ? '' : s))}
              >
                {CASE_STATE_WORDS[s].it}: {list.data!.counts[s] ?? 0}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-3">
          <SelectField
            label="Stato"
            value={state}
            onChange={(v) => reset(() => setState(v))}
            options={[{ value: '', label: 'Tutti' }, ...[...OPEN, ...CLOSED].map((s) => ({ value: s, label: CASE_STATE_WORDS[s].it }))]}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label="Servizio"
            value={service}
            onChange={(v) => reset(() => setService(v))}
            options={[{ value: '', label: 'Tutti' }, ...online.map((x) => ({ value: x.slug, label: x.title }))]}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label="Assegnate a"
            value={assignee}
            onChange={(v) => reset(() => setAssignee(v))}
            options={[
              { value: '', label: 'Tutti' },
              { value: 'me', label: 'Me' },
              { value: 'none', label: 'Nessuno' },
            ]}
          />
        </div>
        <div className="col-12 col-md-3">
          <SelectField
            label="Termine"
            value={overdue}
            onChange={(v) => reset(() => setOverdue(v))}
            options={[
              { value: '', label: 'Tutti' },
              { value: 'near', label: 'Vicino (5 giorni)' },
              { value: 'past', label: 'Scaduto' },
            ]}
          />
        </div>
        <div className="col-12 col-md-3">
          <TextField label="Cerca (protocollo, codice fiscale, nome)" value={q} onChange={(v) => reset(() => setQ(v))} maxLength={100} />
        </div>
      </div>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <p role="status">
          {list.data.total === 1 ? '1 pratica' : `${list.data.total} pratiche`}
          {list.data.cases.length ? (
            <a className="btn btn-link btn-sm ms-2" href={csvUrl} download>
              Scarica l'elenco (CSV)
            </a>
          ) : null}
        </p>
      ) : null}
      {list.data?.cases.length ? (
        <div className="table-responsive">
          <table className="table" data-testid="case-inbox">
            <caption className="visually-hidden">Pratiche</caption>
            <thead>
              <tr>
                <th scope="col">Protocollo</th>
                <th scope="col">Servizio</th>
                <th scope="col">Richiedente</th>
                <th scope="col">Stato</th>
                <th scope="col">Assegnata a</th>
                <th scope="col">Termine</th>
              </tr>
            </thead>
            <tbody>
              {list.data.cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`${session.base}/pratiche/${c.id}`}>{c.protocol?.label ?? '—'}</Link>
                    <div className="small">{when(c.submittedAt)}</div>
                  </td>
                  <td>{c.service.title}</td>
                  <td>{c.applicant.name}</td>
                  <td>{CASE_STATE_WORDS[c.state].it}</td>
                  <td>{c.assignee?.name ?? '—'}</td>
                  <td>
                    {c.dueOn ? dmy(c.dueOn) : '—'}
                    {FLAG[c.flag] ? <span className={`badge ${FLAG[c.flag]!.badge} ms-2`}>{FLAG[c.flag]!.label}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <PageNav label="Pagine delle pratiche" page={page + 1} pages={Math.ceil(list.data.total / PAGE)} onPage={(n) => setPage(n - 1)} /> : null}
    </>
  );
}
