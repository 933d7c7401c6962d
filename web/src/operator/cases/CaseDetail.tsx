// A case in the console: who filed what (the data as filed, rendered from its form version; the
// attachments and documents), the state and the term, the timeline with the internal notes, and the
// actions the state allows: take in charge (oneself or a colleague), ask for an integration by a
// date, send a notice of rejection, accept or reject with the decision's text, cancel; write to the
// citizen; add an internal note.
import { type FormEvent, useId, useState } from 'react';
import type { OperatorCase, TimelineEntry } from '../../../../contracts/cases.ts';
import type { FormDefinition } from '../../../../contracts/forms/definition.ts';
import { askableFields, subsetForm } from '../../../../contracts/forms/subset.ts';
import type { ReportAssignees } from '../../../../contracts/requests.ts';
import { CASE_STATE_WORDS } from '../../../../contracts/statuses.ts';
import { Answers } from '../../citizen/applications/Answers.tsx';
import { when } from '../../shared/format.ts';
import { CaseTimeline } from '../../shared/CaseTimeline.tsx';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { Checkbox, describeError, Heading, OutcomeAlert, type Outcome, SelectField } from '../ui.tsx';

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

interface FormSpec {
  path: string;
  title: string;
  label: string;
  button: string;
  field: 'text' | 'reasons' | 'reason';
  withDate?: boolean;
  /** The form's fields the citizen fills in again. */
  withFields?: boolean;
  hint?: string;
}

const FORMS: Record<string, FormSpec> = {
  request_integration: {
    path: 'request-integration',
    title: 'Richiedi integrazione',
    label: 'Che cosa manca',
    button: 'Invia la richiesta di integrazione',
    field: 'text',
    withDate: true,
    withFields: true,
    hint: 'Il termine del procedimento resta sospeso finché il cittadino non risponde.',
  },
  notice_of_rejection: {
    path: 'notice-of-rejection',
    title: 'Preavviso di rigetto',
    label: 'Motivi ostativi (art. 10-bis L. 241/1990)',
    button: 'Invia il preavviso di rigetto',
    field: 'reasons',
    hint: 'Il cittadino ha 10 giorni per le osservazioni; il termine è sospeso fino ad allora.',
  },
  accept: { path: 'accept', title: 'Accogli', label: 'Testo del provvedimento di accoglimento', button: 'Accogli la domanda', field: 'text' },
  reject: { path: 'reject', title: 'Respingi', label: 'Motivazione del rigetto (tenuto conto delle osservazioni)', button: 'Respingi la domanda', field: 'text' },
  cancel: { path: 'cancel', title: 'Annulla la pratica', label: "Motivo dell'annullamento", button: 'Annulla la pratica', field: 'reason' },
  message: { path: 'message', title: 'Scrivi al cittadino', label: 'Messaggio (arriva per email e nella sua area personale)', button: 'Invia il messaggio', field: 'text' },
  note: { path: 'notes', title: 'Nota interna', label: 'Nota (solo per gli operatori, mai visibile al cittadino)', button: 'Aggiungi la nota', field: 'text' },
};

function ActionForm({ id, spec, definition, onDone }: { id: string; spec: FormSpec; definition: FormDefinition; onDone(message: string): void }) {
  const session = useSession();
  const uid = useId();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setOutcome({ ok: false, message: 'Scrivi il testo.' });
    if (spec.withDate && !date) return setOutcome({ ok: false, message: 'Indica entro quando.' });
    setBusy(true);
    try {
      await session.call(`applications/${id}/${spec.path}`, {
        method: 'POST',
        body: { [spec.field]: text.trim(), ...(spec.withDate ? { dueDate: date } : {}), ...(spec.withFields && fields.length ? { fields } : {}) },
      });
      setText('');
      setFields([]);
      onDone(`${spec.title}: fatto.`);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={send} className="border-top pt-3 mt-3">
      <h3 className="h6">{spec.title}</h3>
      <div className="form-group compact">
        <label htmlFor={`${uid}-text`} className="active">
          {spec.label}
        </label>
        <textarea
          id={`${uid}-text`}
          className="form-control"
          rows={3}
          maxLength={8000}
          value={text}
          aria-describedby={spec.hint ? `${uid}-hint` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {spec.hint ? (
          <small id={`${uid}-hint`} className="form-text">
            {spec.hint}
          </small>
        ) : null}
      </div>
      {spec.withDate ? (
        <div className="form-group compact">
          <label htmlFor={`${uid}-date`} className="active">
            Rispondere entro il
          </label>
          <input id={`${uid}-date`} type="date" className="form-control" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      ) : null}
      {spec.withFields ? (
        <fieldset className="mb-3">
          <legend className="small fw-semibold">Campi del modulo da compilare di nuovo (facoltativo)</legend>
          {askableFields(definition).map((f) => (
            <Checkbox
              key={f.path}
              label={`${f.step}: ${f.label}`}
              checked={fields.includes(f.path)}
              onChange={(on) => setFields((all) => (on ? [...all, f.path] : all.filter((p) => p !== f.path)))}
            />
          ))}
        </fieldset>
      ) : null}
      <OutcomeAlert outcome={outcome} />
      <button type="submit" className={`btn btn-sm ${spec.path === 'reject' || spec.path === 'cancel' ? 'btn-outline-danger' : 'btn-primary'}`} disabled={busy}>
        {spec.button}
      </button>
    </form>
  );
}

function TakeForm({ c, onDone }: { c: OperatorCase; onDone(message: string): void }) {
  const session = useSession();
  const assignees = useOperatorApi<ReportAssignees>('inefficiency-reports/assignees');
  const colleagues = assignees.data?.offices.find((o) => o.id === c.officeId)?.officers ?? [];
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  async function take() {
    try {
      await session.call(`applications/${c.id}/take`, { method: 'POST', body: to ? { assignee: to } : {} });
      onDone(to ? 'Pratica assegnata.' : 'Pratica presa in carico.');
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    }
  }
  return (
    <div className="border-top pt-3 mt-3">
      <h3 className="h6">{c.assignee ? 'Passa la pratica' : 'Presa in carico'}</h3>
      <div className="row align-items-end">
        <div className="col-12 col-md-8">
          <SelectField
            label="A chi"
            value={to}
            onChange={setTo}
            options={[
              { value: '', label: c.assignee ? 'Scegli un collega' : 'A me' },
              ...colleagues.filter((o) => o.id !== c.assignee?.id).map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </div>
        <div className="col-12 col-md-4 pb-3">
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void take()} disabled={!!c.assignee && !to}>
            {c.assignee ? 'Assegna' : 'Prendi in carico'}
          </button>
        </div>
      </div>
      <OutcomeAlert outcome={outcome} />
    </div>
  );
}

/** An integration request's fields asked, or an integration's answer to them rendered as the form shows it. */
function AnsweredFields({ c, entry }: { c: OperatorCase; entry: TimelineEntry }) {
  if (entry.asked?.length) {
    const labels = new Map(askableFields(c.form.definition).map((f) => [f.path, f.label]));
    return <p className="small mb-0">Campi da compilare di nuovo: {entry.asked.map((p) => labels.get(p) ?? p).join(', ')}</p>;
  }
  if (!entry.data) return null;
  const paths = Object.entries(entry.data).flatMap(([step, values]) => Object.keys(values).map((f) => `${step}.${f}`));
  const files = entry.files.map((f) => ({ ...f, field: '', sha256: '', signed: false }));
  return (
    <div className="mt-2">
      <Answers definition={subsetForm(c.form.definition, paths)} data={entry.data} attachments={files} />
    </div>
  );
}

export function CaseDetail({ id }: { id: string }) {
  const session = useSession();
  const c = useOperatorApi<OperatorCase>(`applications/${id}`);
  const [outcome, setOutcome] = useState<Outcome>();
  const done = (message: string) => {
    setOutcome({ ok: true, message });
    c.reload();
  };
  if (c.loading && !c.data) return <Loading />;
  if (!c.data) return <ErrorAlert message={c.error} />;
  const k = c.data;
  return (
    <>
      <p>
        <Link href={`${session.base}/pratiche`}>Torna alle pratiche</Link>
      </p>
      <Heading title={`${k.service.title} · prot. ${k.protocol?.label ?? ''}`} />
      <OutcomeAlert outcome={outcome} />
      <div className="row">
        <div className="col-12 col-lg-7">
          <dl className="row" data-testid="case-facts">
            <dt className="col-5">Stato</dt>
            <dd className="col-7">{CASE_STATE_WORDS[k.state].it}</dd>
            <dt className="col-5">Richiedente</dt>
            <dd className="col-7">
              {k.applicant.name} ({k.applicant.fiscalCode})
              {k.applicantContacts.email ? (
                <>
                  {' '}
                  · <a href={`mailto:${k.applicantContacts.email}`}>{k.applicantContacts.email}</a>
                </>
              ) : null}
              {k.applicantContacts.phone ? ` · ${k.applicantContacts.phone}` : ''}
            </dd>
            <dt className="col-5">Presentata il</dt>
            <dd className="col-7">{when(k.submittedAt)}</dd>
            <dt className="col-5">In carico a</dt>
            <dd className="col-7">{k.assignee?.name ?? 'nessuno'}</dd>
            <dt className="col-5">Termine</dt>
            <dd className="col-7">
              {k.term?.expectedBy
                ? `entro il ${dmy(k.term.expectedBy)} (${k.term.maxDays} giorni${k.term.suspendedDays ? ` + ${k.term.suspendedDays} di sospensione` : ''})`
                : null}
              {k.term && !k.term.expectedBy ? 'sospeso: in attesa del cittadino' : null}
              {k.term?.flag === 'past' ? <span className="badge bg-danger ms-2">scaduto</span> : null}
              {k.term?.flag === 'near' ? <span className="badge bg-warning text-dark ms-2">vicino</span> : null}
              {!k.term ? 'concluso' : null}
            </dd>
            {k.outcome ? (
              <>
                <dt className="col-5">Esito</dt>
                <dd className="col-7" style={{ whiteSpace: 'pre-line' }}>
                  {k.outcome}
                </dd>
              </>
            ) : null}
          </dl>
          <h2 className="h5">Documenti</h2>
          <ul>
            {k.documents.map((d) => (
              <li key={d.kind}>
                <a href={d.url}>{d.kind === 'filed' ? 'Domanda presentata (PDF)' : 'Provvedimento (PDF)'}</a>
                {d.protocol ? ` · prot. ${d.protocol}` : ''}
              </li>
            ))}
            {k.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url}>{a.name}</a>
                {a.signed ? ' · firmato' : ''}
              </li>
            ))}
          </ul>
          <h2 className="h5 mt-4">Dati della domanda (modulo versione {k.form.version})</h2>
          <Answers definition={k.form.definition} data={k.data} attachments={k.attachments} />
        </div>
        <div className="col-12 col-lg-5">
          <h2 className="h5">Azioni</h2>
          {k.actions.includes('take') ? <TakeForm c={k} onDone={done} /> : null}
          {k.actions
            .filter((a) => FORMS[a])
            .map((a) => (
              <ActionForm key={a} id={k.id} spec={FORMS[a]!} definition={k.form.definition} onDone={done} />
            ))}
          <h2 className="h5 mt-4">Cronologia</h2>
          <CaseTimeline entries={k.timeline} who={(e) => e.author} due={(d) => `entro il ${dmy(d)}`} extra={(e) => <AnsweredFields c={k} entry={e} />} />
        </div>
      </div>
    </>
  );
}
