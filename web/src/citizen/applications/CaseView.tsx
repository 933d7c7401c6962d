// A filed application's case, as the citizen follows it: the state in words, the latest expected
// date (or why the term is suspended), what the office asks now (an integration by a date, or
// observations on a notice of rejection) with the form to answer, the documents, the messages with
// the office, the whole timeline, and withdrawal while the case is undecided.
import { type FormEvent, useId, useState } from 'react';
import type { CaseFileUploaded, CitizenCase } from '../../../../contracts/cases.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { longDay, when } from '../../shared/format.ts';
import { CaseTimeline } from '../../shared/CaseTimeline.tsx';
import { ErrorAlert } from '../../shared/Page.tsx';
import { useTenant } from '../tenant.ts';
import { IntegrationForm } from './IntegrationForm.tsx';
import type { FormDefinition } from '../../../../contracts/forms/definition.ts';

type Case = CitizenCase & { id: string; protocol: { label: string; registeredAt: string } | null; form: { definition: FormDefinition } };

const DONE = new Set(['accepted', 'rejected', 'withdrawn', 'cancelled']);

function TextForm({
  label,
  button,
  hint,
  path,
  filesPath,
  onDone,
  testId,
}: {
  label: string;
  button: string;
  hint?: string;
  path: string;
  filesPath: string;
  onDone(): void;
  testId: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setFailure('Scrivi il testo prima di inviare.');
    setBusy(true);
    setFailure(undefined);
    try {
      // Each file is uploaded first, then named in what is sent: all of them go with the text, or none.
      const fileIds: string[] = [];
      for (const f of files) {
        const form = new FormData();
        form.append('file', f, f.name);
        fileIds.push((await api<CaseFileUploaded>(filesPath, { method: 'POST', form })).id);
      }
      await api(path, { method: 'POST', body: { text: text.trim(), ...(fileIds.length ? { fileIds } : {}) } });
      setText('');
      setFiles([]);
      onDone();
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={send} className="mt-3" data-testid={testId}>
      <div className="form-group">
        <label htmlFor={`${id}-text`} className="active">
          {label}
        </label>
        <textarea
          id={`${id}-text`}
          className="form-control"
          rows={4}
          maxLength={8000}
          value={text}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {hint ? (
          <small id={`${id}-hint`} className="form-text">
            {hint}
          </small>
        ) : null}
      </div>
      <div className="mb-3">
        <label htmlFor={`${id}-files`} className="form-label d-block fw-semibold">
          Documenti (facoltativi)
        </label>
        <input
          id={`${id}-files`}
          type="file"
          className="form-control"
          multiple
          aria-describedby={`${id}-files-hint`}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 10))}
        />
        <small id={`${id}-files-hint`} className="form-text">
          PDF, immagini, documenti Office o OpenDocument, file firmati .p7m; fino a 10 file.
        </small>
      </div>
      <ErrorAlert message={failure} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Invio in corso…' : button}
      </button>
    </form>
  );
}

export function CaseView({ app, onChanged }: { app: Case; onChanged(): void }) {
  const t = useTenant();
  const [failure, setFailure] = useState<string>();
  const base = `/api/v1/${t.slug}/me/applications/${app.id}`;
  const notice = [...app.timeline].reverse().find((e) => e.action === 'notice_of_rejection');
  async function withdraw() {
    if (!window.confirm('Ritirare la domanda? La pratica si chiude e non potrà essere riaperta.')) return;
    try {
      await api(`${base}/withdraw`, { method: 'POST', body: {} });
      onChanged();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }
  return (
    <section aria-labelledby="case-title" className="mt-4" data-testid="case">
      <h2 className="h4" id="case-title">
        Stato della pratica
      </h2>
      <div className="card card-bg shadow-sm no-after mb-4">
        <div className="card-body">
          <p className="mb-1">
            La pratica è <strong data-testid="case-state">{app.stateWords}</strong>.
          </p>
          {app.protocol ? (
            <p className="mb-1">
              Protocollo n. {app.protocol.label} del {when(app.protocol.registeredAt)}.
            </p>
          ) : null}
          {app.term?.expectedBy ? (
            <p className="mb-0" data-testid="case-expected-by">
              Si concluderà entro il <strong>{longDay(app.term.expectedBy)}</strong>
              {app.term.suspended ? ' (il termine è sospeso in attesa delle tue osservazioni)' : ''}.
            </p>
          ) : null}
          {app.term && !app.term.expectedBy ? (
            <p className="mb-0" data-testid="case-expected-by">
              Il termine per concludere la pratica è sospeso finché non invii l'integrazione richiesta.
            </p>
          ) : null}
          {app.outcome && DONE.has(app.state) ? (
            <p className="mt-2 mb-0" style={{ whiteSpace: 'pre-line' }}>
              {app.outcome}
            </p>
          ) : null}
        </div>
      </div>

      {app.integration && app.actions.includes('submit_integration') ? (
        <div className="callout warning" data-testid="integration-request">
          <div className="callout-title">L'ufficio chiede un'integrazione entro il {longDay(app.integration.dueOn)}</div>
          <p style={{ whiteSpace: 'pre-line' }}>{app.integration.text}</p>
          {app.integration.fields.length ? (
            <IntegrationForm definition={app.form.definition} fields={app.integration.fields} base={base} onDone={onChanged} />
          ) : (
            <TextForm
              label="La tua integrazione"
              button="Invia l'integrazione"
              path={`${base}/integration`}
              filesPath={`${base}/files`}
              onDone={onChanged}
              testId="integration-form"
            />
          )}
        </div>
      ) : null}
      {notice && app.actions.includes('submit_observations') ? (
        <div className="callout danger" data-testid="rejection-notice">
          <div className="callout-title">Preavviso di rigetto</div>
          <p style={{ whiteSpace: 'pre-line' }}>{notice.text}</p>
          <p>Hai 10 giorni dal {when(notice.at)} per presentare le tue osservazioni: l'ufficio ne terrà conto prima di decidere.</p>
          <TextForm
            label="Le tue osservazioni"
            button="Invia le osservazioni"
            path={`${base}/observations`}
            filesPath={`${base}/files`}
            onDone={onChanged}
            testId="observations-form"
          />
        </div>
      ) : null}

      {app.documents.length ? (
        <>
          <h3 className="h5 mt-4">Documenti</h3>
          <ul data-testid="case-documents">
            {app.documents.map((d) => (
              <li key={d.kind}>
                <a href={d.url} download>
                  {d.kind === 'filed' ? 'La domanda presentata' : d.kind === 'receipt' ? 'Ricevuta di presentazione' : 'Provvedimento finale'} (PDF)
                </a>
                {d.protocol ? ` · prot. ${d.protocol}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="h5 mt-4">Le fasi della pratica</h3>
      <CaseTimeline
        entries={app.timeline}
        who={(e) => (e.by === 'citizen' ? 'tu' : e.by === 'office' ? `l'ufficio (${e.author})` : e.author)}
        due={(d) => `rispondi entro il ${longDay(d)}`}
      />

      {app.actions.includes('message') ? (
        <TextForm
          label="Scrivi all'ufficio"
          button="Invia il messaggio"
          hint="L'ufficio ti risponde qui e per email."
          path={`${base}/messages`}
          filesPath={`${base}/files`}
          onDone={onChanged}
          testId="message-form"
        />
      ) : null}
      <ErrorAlert message={failure} />
      {app.actions.includes('withdraw') ? (
        <p className="mt-4">
          <button type="button" className="btn btn-outline-danger" onClick={() => void withdraw()}>
            Ritira la domanda
          </button>
        </p>
      ) : null}
    </section>
  );
}
