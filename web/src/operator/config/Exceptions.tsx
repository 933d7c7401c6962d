// Closures (whole day or some hours, whole office or one desk) and extra openings of an office on
// particular days: a list with Rimuovi, and a form to add one.
import { useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { ExceptionView, OperatorOffice } from '../../../../contracts/operator.ts';
import { localDay, longDay } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, OutcomeAlert, SelectField, TextField, type Outcome } from '../ui.tsx';

type Exception = Static<typeof ExceptionView>;

export function Exceptions({ office }: { office: OperatorOffice }) {
  const session = useSession();
  const list = useOperatorApi<{ exceptions: Exception[] }>(`admin/exceptions?officeId=${office.id}`);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [f, setF] = useState({ day: localDay(new Date()), kind: 'closed', deskId: '', start: '', end: '', note: '' });
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const deskName = (id: string | null) => (id ? (office.desks.find((d) => d.id === id)?.name ?? 'sportello') : "Tutto l'ufficio");
  const today = localDay(new Date());
  const items = (list.data?.exceptions ?? []).filter((x) => x.day >= today);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.day)) {
      setOutcome({ ok: false, message: 'Indica il giorno.' });
      return;
    }
    if (Boolean(f.start) !== Boolean(f.end) || (f.kind === 'open' && !f.start)) {
      setOutcome({
        ok: false,
        message:
          f.kind === 'open'
            ? "Per un'apertura straordinaria indica l'orario di inizio e di fine."
            : "Indica sia l'orario di inizio sia quello di fine, oppure nessuno per chiudere tutto il giorno.",
      });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const created = await session.call<Exception>('admin/exceptions', {
        method: 'POST',
        body: { officeId: office.id, day: f.day, kind: f.kind, deskId: f.deskId || null, start: f.start || null, end: f.end || null, note: f.note.trim() },
      });
      list.reload();
      setOutcome({ ok: true, message: `${created.kind === 'closed' ? 'Chiusura' : 'Apertura straordinaria'} di ${longDay(created.day)} aggiunta.` });
      set({ note: '', start: '', end: '' });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, { day: 'Giorno', start: 'Dalle', end: 'Alle', note: 'Nota' }) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(x: Exception) {
    setBusy(true);
    setOutcome(undefined);
    try {
      await session.call(`admin/exceptions/${x.id}`, { method: 'DELETE' });
      list.reload();
      setOutcome({ ok: true, message: `${x.kind === 'closed' ? 'Chiusura' : 'Apertura straordinaria'} di ${longDay(x.day)} rimossa.` });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>Le chiusure tolgono gli orari prenotabili (gli appuntamenti già presi restano: avvisa i cittadini o annullali dall'agenda); le aperture straordinarie ne aggiungono.</p>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        items.length ? (
          <div className="table-responsive">
            <table className="table" data-testid="exceptions-table">
              <caption>Chiusure e aperture straordinarie da oggi in poi</caption>
              <thead>
                <tr>
                  <th scope="col">Giorno</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Dove</th>
                  <th scope="col">Orario</th>
                  <th scope="col">Nota</th>
                  <th scope="col">
                    <span className="visually-hidden">Azioni</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">{longDay(x.day)}</th>
                    <td>{x.kind === 'closed' ? 'Chiusura' : 'Apertura straordinaria'}</td>
                    <td>{deskName(x.deskId)}</td>
                    <td>{x.start && x.end ? `${x.start}-${x.end}` : 'tutto il giorno'}</td>
                    <td>{x.note || '—'}</td>
                    <td>
                      <button type="button" className="btn btn-outline-danger btn-xs" disabled={busy} onClick={() => void remove(x)}>
                        Rimuovi
                        <span className="visually-hidden">
                          {' '}
                          {x.kind === 'closed' ? 'chiusura' : 'apertura'} di {longDay(x.day)}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Nessuna chiusura o apertura straordinaria in programma.</p>
        )
      ) : null}

      <form onSubmit={(e) => void add(e)} noValidate className="card card-bg shadow-sm mt-3" aria-labelledby="exception-add-title">
        <div className="card-body">
          <h3 className="h5" id="exception-add-title">
            Aggiungi una chiusura o un'apertura straordinaria
          </h3>
          <div className="row mt-3">
            <div className="col-md-4">
              <TextField id="exception-day" label="Giorno" type="date" required value={f.day} onChange={(v) => set({ day: v })} />
            </div>
            <div className="col-md-4 mb-4">
              <SelectField
                id="exception-kind"
                label="Tipo"
                value={f.kind}
                onChange={(v) => set({ kind: v })}
                options={[
                  { value: 'closed', label: 'Chiusura' },
                  { value: 'open', label: 'Apertura straordinaria' },
                ]}
              />
            </div>
            <div className="col-md-4 mb-4">
              <SelectField
                id="exception-desk"
                label="Dove"
                value={f.deskId}
                onChange={(v) => set({ deskId: v })}
                options={[{ value: '', label: "Tutto l'ufficio" }, ...office.desks.map((d) => ({ value: d.id, label: d.name }))]}
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="exception-start"
                label="Dalle"
                type="time"
                value={f.start}
                onChange={(v) => set({ start: v })}
                hint={f.kind === 'closed' ? 'Vuoto: tutto il giorno.' : undefined}
              />
            </div>
            <div className="col-md-3">
              <TextField id="exception-end" label="Alle" type="time" value={f.end} onChange={(v) => set({ end: v })} />
            </div>
            <div className="col-md-6">
              <TextField
                id="exception-note"
                label="Nota (facoltativa)"
                value={f.note}
                onChange={(v) => set({ note: v })}
                maxLength={300}
                hint="Per esempio «Festa del Santo Patrono»."
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Aggiungi
          </button>
          <OutcomeAlert outcome={outcome} />
        </div>
      </form>
    </>
  );
}
