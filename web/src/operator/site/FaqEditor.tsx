// The comune's FAQ (admins): entries by topic, published or hidden; add, change or delete one.
import { type FormEvent, useState } from 'react';
import type { FaqEntry, FaqInput, FaqList } from '../../../../contracts/site.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, type Outcome, TextArea, TextField } from '../ui.tsx';

const LABELS = { topic: 'Argomento', question: 'Domanda', answer: 'Risposta' };
const blank: FaqInput = { topic: '', question: '', answer: '', published: true };

function EntryForm({ entry, onDone, onCancel }: { entry: FaqEntry | null; onDone(message: string): void; onCancel(): void }) {
  const session = useSession();
  const [f, setF] = useState<FaqInput>(
    entry ? { topic: entry.topic, question: entry.question, answer: entry.answer, published: entry.published, position: entry.position } : blank,
  );
  const [outcome, setOutcome] = useState<Outcome>();
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      if (entry) await session.call(`admin/faq/${entry.id}`, { method: 'PUT', body: f });
      else await session.call('admin/faq', { method: 'POST', body: f });
      onDone(`Domanda "${f.question}" salvata.`);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    }
  }
  return (
    <form onSubmit={save} className="card card-bg p-3 mb-4">
      <FocusHeading>{entry ? 'Modifica la domanda' : 'Nuova domanda'}</FocusHeading>
      <TextField label={LABELS.topic} required maxLength={80} value={f.topic} onChange={(v) => setF({ ...f, topic: v })} hint="Le domande sono raggruppate per argomento" />
      <TextField label={LABELS.question} required maxLength={300} value={f.question} onChange={(v) => setF({ ...f, question: v })} />
      <TextArea
        label={LABELS.answer}
        required
        maxLength={5000}
        rows={5}
        value={f.answer}
        onChange={(v) => setF({ ...f, answer: v })}
        hint='Una riga vuota separa i paragrafi; le righe che iniziano con "- " formano un elenco.'
      />
      <Checkbox label="Pubblicata" checked={f.published ?? true} onChange={(v) => setF({ ...f, published: v })} />
      <OutcomeAlert outcome={outcome} />
      <div className="d-flex gap-2 mt-2">
        <button type="submit" className="btn btn-primary">
          Salva
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          Annulla
        </button>
      </div>
    </form>
  );
}

export function FaqEditor() {
  const session = useSession();
  const list = useOperatorApi<FaqList>('admin/faq');
  const [editing, setEditing] = useState<FaqEntry | 'new' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const done = (message: string) => {
    setEditing(null);
    setOutcome({ ok: true, message });
    list.reload();
  };
  async function remove(e: FaqEntry) {
    if (!window.confirm(`Eliminare la domanda "${e.question}"?`)) return;
    try {
      await session.call(`admin/faq/${e.id}`, { method: 'DELETE' });
      done(`Domanda "${e.question}" eliminata.`);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    }
  }
  return (
    <section className="mb-5" aria-labelledby="faq-editor">
      <h2 className="h4" id="faq-editor">
        Domande frequenti
      </h2>
      <OutcomeAlert outcome={outcome} />
      {editing === null ? (
        <button type="button" className="btn btn-primary mb-3" onClick={() => setEditing('new')}>
          Nuova domanda
        </button>
      ) : (
        <EntryForm key={editing === 'new' ? 'new' : editing.id} entry={editing === 'new' ? null : editing} onDone={done} onCancel={() => setEditing(null)} />
      )}
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data?.groups.map((g) => (
        <div key={g.topic} className="mb-3">
          <h3 className="h5">{g.topic}</h3>
          <ul className="list-group">
            {g.entries.map((e) => (
              <li key={e.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
                <span>
                  {e.question} {e.published ? null : <span className="badge bg-secondary">Non pubblicata</span>}
                </span>
                <span className="d-flex gap-2">
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(e)}>
                    Modifica<span className="visually-hidden"> «{e.question}»</span>
                  </button>
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove(e)}>
                    Elimina<span className="visually-hidden"> «{e.question}»</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
