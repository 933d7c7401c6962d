// "Segnalazioni": the inefficiency reports of the officer's offices and those no office has yet (the
// front desk triages them: which office, which officer), with place, photos and who wrote; the office
// answers and closes each once. Above, the reports per category and how long an answer takes.
import { useId, useState } from 'react';
import { type OperatorRequest, type OperatorRequestList, REPORT_CATEGORIES, type ReportAssignees, type ReportStats } from '../../../../contracts/requests.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, type Outcome, SelectField } from '../ui.tsx';
import { AnswerForm } from './AnswerForm.tsx';

const STATE = { open: 'Da assegnare', in_progress: 'In lavorazione', answered: 'Chiusa' } as const;

function AssignForm({ report, assignees, onAssigned }: { report: OperatorRequest; assignees: ReportAssignees; onAssigned(r: OperatorRequest): void }) {
  const session = useSession();
  const id = useId();
  const [officeId, setOfficeId] = useState(report.officeId ?? '');
  const [assigneeId, setAssigneeId] = useState(report.assignee?.id ?? '');
  const [outcome, setOutcome] = useState<Outcome>();
  const office = assignees.offices.find((o) => o.id === officeId);
  async function assign() {
    if (!officeId) return setOutcome({ ok: false, message: "Scegli l'ufficio competente." });
    try {
      onAssigned(await session.call<OperatorRequest>(`inefficiency-reports/${report.id}/assign`, { method: 'POST', body: { officeId, ...(assigneeId ? { assigneeId } : {}) } }));
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    }
  }
  return (
    <fieldset className="mt-3">
      <legend className="h6">Assegna (n. {report.number})</legend>
      <div className="row g-3 align-items-end">
        <div className="col-12 col-md-5">
          <SelectField
            id={`${id}-office`}
            label="Ufficio competente"
            value={officeId}
            onChange={(v) => {
              setOfficeId(v);
              setAssigneeId('');
            }}
            options={[{ value: '', label: "Scegli l'ufficio" }, ...assignees.offices.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id={`${id}-officer`}
            label="Operatore (facoltativo)"
            value={assigneeId}
            onChange={setAssigneeId}
            options={[{ value: '', label: "Tutto l'ufficio" }, ...(office?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          />
        </div>
        <div className="col-12 col-md-3">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void assign()}>
            Assegna<span className="visually-hidden"> la segnalazione n. {report.number}</span>
          </button>
        </div>
      </div>
      <OutcomeAlert outcome={outcome} />
    </fieldset>
  );
}

function Stats() {
  const stats = useOperatorApi<ReportStats>('inefficiency-reports/stats?days=90');
  if (!stats.data?.categories.length) return null;
  return (
    <details className="mb-4">
      <summary>Statistiche per tipo (ultimi {stats.data.days} giorni)</summary>
      <div className="table-responsive mt-2">
        <table className="table table-sm" data-testid="report-stats">
          <thead>
            <tr>
              <th scope="col">Tipo</th>
              <th scope="col">Totale</th>
              <th scope="col">Da assegnare</th>
              <th scope="col">In lavorazione</th>
              <th scope="col">Chiuse</th>
              <th scope="col">Tempo mediano di risposta</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{c.category}</th>
                <td>{c.total}</td>
                <td>{c.open}</td>
                <td>{c.inProgress}</td>
                <td>{c.answered}</td>
                <td>{c.medianHoursToAnswer === null ? '—' : c.medianHoursToAnswer < 48 ? `${c.medianHoursToAnswer} ore` : `${Math.round(c.medianHoursToAnswer / 24)} giorni`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function InefficiencyReports() {
  const [status, setStatus] = useState<'open' | 'in_progress' | 'answered' | ''>('');
  const [category, setCategory] = useState('');
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(category ? { category } : {}) }).toString();
  const list = useOperatorApi<OperatorRequestList>(`inefficiency-reports${query ? `?${query}` : ''}`);
  const assignees = useOperatorApi<ReportAssignees>('inefficiency-reports/assignees');
  const [outcome, setOutcome] = useState<Outcome>();
  const changed = (message: string) => {
    setOutcome({ ok: true, message });
    list.reload();
  };
  return (
    <>
      <Heading title="Segnalazioni" />
      <p>
        I disservizi segnalati dai cittadini: quelli non ancora assegnati (li smista l'URP) e quelli dei tuoi uffici. Chi ha scritto riceve un'email quando la segnalazione è presa
        in carico e quando è chiusa.
      </p>
      <Stats />
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField
            label="Stato"
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            className="mb-3"
            options={[{ value: '', label: 'Tutte' }, ...Object.entries(STATE).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label="Tipo"
            value={category}
            onChange={setCategory}
            className="mb-3"
            options={[{ value: '', label: 'Tutti' }, ...REPORT_CATEGORIES.map((c) => ({ value: c, label: c }))]}
          />
        </div>
      </div>
      <OutcomeAlert outcome={outcome} />
      <ErrorAlert message={list.error ?? assignees.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.requests.length === 0 ? <p>Nessuna segnalazione.</p> : null}
      {list.data?.requests.map((r) => (
        <article key={r.id} className="card card-bg shadow-sm mb-3" aria-labelledby={`report-${r.id}`}>
          <div className="card-body">
            <h2 className="h5" id={`report-${r.id}`}>
              n. {r.number} · {r.category} · {r.place?.address}
            </h2>
            <p className="small mb-2">
              <span className={`badge ${r.status === 'open' ? 'bg-danger' : r.status === 'in_progress' ? 'bg-primary' : 'bg-success'} me-2`}>{STATE[r.status]}</span>
              {when(r.createdAt)} · {r.requester.name} {r.requester.surname} · <a href={`mailto:${r.requester.email}`}>{r.requester.email}</a>
              {r.requester.phone ? ` · ${r.requester.phone}` : ''}
              {r.assignee ? ` · assegnata a ${r.assignee.name}` : ''}
            </p>
            {r.place?.latitude != null && r.place.longitude != null ? (
              <p className="small mb-2">
                Posizione: {r.place.latitude}, {r.place.longitude} ·{' '}
                <a
                  href={`https://www.openstreetmap.org/?mlat=${r.place.latitude}&mlon=${r.place.longitude}#map=18/${r.place.latitude}/${r.place.longitude}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  apri sulla mappa<span className="visually-hidden"> (nuova finestra)</span>
                </a>
              </p>
            ) : null}
            <p className="mail-text">{r.description}</p>
            {r.photos.length ? (
              <ul className="list-unstyled d-flex flex-wrap gap-2" aria-label={`Foto della segnalazione n. ${r.number}`}>
                {r.photos.map((p, i) => (
                  <li key={p.id}>
                    <a href={p.url} target="_blank" rel="noreferrer">
                      <img src={p.url} alt={`Foto ${i + 1} della segnalazione n. ${r.number}`} width={160} height={120} style={{ objectFit: 'cover' }} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {r.status === 'answered' ? (
              <div className="border-start border-4 ps-3">
                <p className="small mb-1">Chiusa il {r.answeredAt ? when(r.answeredAt) : ''}</p>
                <p className="mail-text mb-0">{r.answer}</p>
              </div>
            ) : (
              <>
                {assignees.data ? <AssignForm report={r} assignees={assignees.data} onAssigned={(x) => changed(`Segnalazione n. ${x.number} assegnata.`)} /> : null}
                <AnswerForm request={r} onAnswered={(x) => changed(`Segnalazione n. ${x.number} chiusa: risposta inviata a ${x.requester.email}.`)} />
              </>
            )}
          </div>
        </article>
      ))}
    </>
  );
}
