// The comune's priority classes: who goes first among walk-ins (people with disabilities, pregnancy,
// the elderly…). One list for every office of the comune, so only admins change it; citizens pick
// from it when taking a number, and the officer sees the class chosen.
import { useState, type FormEvent } from 'react';
import type { PriorityClassList } from '../../../../../contracts/queue.ts';
import { ErrorAlert, Loading } from '../../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../../session.tsx';
import { describeError, OutcomeAlert, TextField, type Outcome } from '../../ui.tsx';

type Row = { code: string; label: string };

/** A code from a label: lower case, no accents, words joined by hyphens ("Donna in gravidanza" → donna-in-gravidanza). */
function codeOf(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'categoria'
  );
}

export function PriorityClassesForm() {
  const session = useSession();
  const list = useOperatorApi<PriorityClassList>('admin/priority-classes');
  if (!list.data) return list.error ? <ErrorAlert message={list.error} /> : <Loading />;
  return <Editor initial={list.data.classes} canEdit={session.operator.role === 'admin'} />;
}

function Editor({ initial, canEdit }: { initial: Row[]; canEdit: boolean }) {
  const session = useSession();
  const [rows, setRows] = useState<Row[]>(initial);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  if (!canEdit) {
    return (
      <ul>
        {initial.map((c) => (
          <li key={c.code}>{c.label}</li>
        ))}
      </ul>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const classes = rows.filter((r) => r.label.trim()).map((r) => ({ code: r.code || codeOf(r.label), label: r.label.trim() }));
    setBusy(true);
    setOutcome(undefined);
    try {
      setRows((await session.call<PriorityClassList>('admin/priority-classes', { method: 'PUT', body: { classes } })).classes);
      setOutcome({ ok: true, message: 'Categorie con precedenza salvate.' });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Categorie con precedenza">
      {rows.map((r, i) => (
        <div className="d-flex flex-wrap align-items-end gap-3" key={i}>
          <div className="flex-grow-1">
            <TextField
              id={`priority-${i}`}
              label={`Categoria ${i + 1}`}
              maxLength={120}
              value={r.label}
              onChange={(v) => setRows((x) => x.map((y, j) => (j === i ? { ...y, label: v } : y)))}
            />
          </div>
          <button type="button" className="btn btn-outline-danger btn-sm mb-3" onClick={() => setRows((x) => x.filter((_, j) => j !== i))}>
            Rimuovi<span className="visually-hidden"> la categoria {i + 1}</span>
          </button>
        </div>
      ))}
      <div className="d-flex flex-wrap gap-2">
        {rows.length < 10 ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => setRows((x) => [...x, { code: '', label: '' }])}>
            Aggiungi categoria
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Salva categorie
        </button>
      </div>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}
