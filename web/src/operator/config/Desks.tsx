// The desks (sportelli) of an office: name, active or not, which services each serves, and the
// weekly hours when it takes appointments.
import { useEffect, useState, type FormEvent } from 'react';
import type { OperatorOffice, WeeklyHours } from '../../../../contracts/operator.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useSession } from '../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, TextField, WEEKDAYS, type Outcome } from '../ui.tsx';

type Desk = OperatorOffice['desks'][number];
type Editing = { kind: 'desk'; id: string | 'new' } | { kind: 'hours'; id: string } | null;

export function Desks({ office, onSaved }: { office: OperatorOffice; onSaved(o: OperatorOffice): void }) {
  const session = useSession();
  const [editing, setEditing] = useState<Editing>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<string>();
  const serviceName = (id: string) => office.services.find((s) => s.id === id)?.name ?? id;
  const open = (e: Editing) => {
    setOutcome(undefined);
    setEditing(e);
  };

  async function toggle(d: Desk) {
    setBusy(d.id);
    setOutcome(undefined);
    try {
      onSaved(await session.call<OperatorOffice>(`admin/desks/${d.id}`, { method: 'PATCH', body: { active: !d.active } }));
      setOutcome({ ok: true, message: d.active ? `${d.name} disattivato: non riceve nuove prenotazioni.` : `${d.name} attivato.` });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(undefined);
    }
  }

  const desk = editing ? office.desks.find((d) => d.id === editing.id) : undefined;

  return (
    <>
      {office.desks.length ? (
        <div className="table-responsive">
          <table className="table">
            <caption>Sportelli di {office.name}</caption>
            <thead>
              <tr>
                <th scope="col">Sportello</th>
                <th scope="col">Servizi</th>
                <th scope="col">Stato</th>
                <th scope="col">
                  <span className="visually-hidden">Azioni</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {office.desks.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td>{d.serviceIds.length ? d.serviceIds.map(serviceName).join(', ') : 'nessuno'}</td>
                  <td>{d.active ? 'Attivo' : 'Non attivo'}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => open({ kind: 'desk', id: d.id })}>
                        Modifica<span className="visually-hidden"> {d.name}</span>
                      </button>
                      <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => open({ kind: 'hours', id: d.id })}>
                        Orari<span className="visually-hidden"> di {d.name}</span>
                      </button>
                      <button type="button" className="btn btn-outline-primary btn-xs" disabled={busy === d.id} onClick={() => void toggle(d)}>
                        {d.active ? 'Disattiva' : 'Attiva'}
                        <span className="visually-hidden"> {d.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuno sportello: crea almeno uno sportello con i suoi servizi e orari perché i cittadini possano prenotare.</p>
      )}
      <OutcomeAlert outcome={outcome} />
      {editing === null ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => open({ kind: 'desk', id: 'new' })}>
          Nuovo sportello
        </button>
      ) : editing.kind === 'desk' ? (
        <DeskForm
          key={editing.id}
          office={office}
          desk={desk}
          onClose={() => setEditing(null)}
          onSaved={(o, message) => {
            onSaved(o);
            setEditing(null);
            setOutcome({ ok: true, message });
          }}
        />
      ) : desk ? (
        <HoursEditor key={desk.id} desk={desk} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function DeskForm({ office, desk, onSaved, onClose }: { office: OperatorOffice; desk?: Desk; onSaved(o: OperatorOffice, message: string): void; onClose(): void }) {
  const session = useSession();
  const [name, setName] = useState(desk?.name ?? `Sportello ${office.desks.length + 1}`);
  const [active, setActive] = useState(desk?.active ?? true);
  const [serviceIds, setServiceIds] = useState<string[]>(desk?.serviceIds ?? office.services.map((s) => s.id));
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setOutcome({ ok: false, message: 'Inserisci il nome dello sportello.' });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const body = { name: name.trim(), active, serviceIds };
    try {
      const o = desk
        ? await session.call<OperatorOffice>(`admin/desks/${desk.id}`, { method: 'PATCH', body })
        : await session.call<OperatorOffice>('admin/desks', { method: 'POST', body: { officeId: office.id, ...body } });
      onSaved(o, desk ? `Sportello «${body.name}» salvato.` : `Sportello «${body.name}» creato. Imposta ora i suoi orari settimanali.`);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, { name: 'Nome', serviceIds: 'Servizi' }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card card-bg shadow-sm mt-3" aria-label={desk ? `Modifica ${desk.name}` : 'Nuovo sportello'}>
      <div className="card-body">
        <FocusHeading>{desk ? `Modifica: ${desk.name}` : 'Nuovo sportello'}</FocusHeading>
        <div className="mt-3">
          <TextField label="Nome dello sportello" required value={name} onChange={setName} maxLength={100} />
        </div>
        <fieldset className="mb-3">
          <legend className="h6">Servizi che lo sportello svolge</legend>
          {office.services.length ? (
            <div className="checkbox-list">
              {office.services.map((s) => (
                <Checkbox
                  key={s.id}
                  label={s.active ? s.name : `${s.name} (non attivo)`}
                  checked={serviceIds.includes(s.id)}
                  onChange={(on) => setServiceIds((ids) => (on ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
                />
              ))}
            </div>
          ) : (
            <p>L'ufficio non ha ancora servizi.</p>
          )}
        </fieldset>
        <div className="mb-3">
          <Checkbox label="Sportello attivo (riceve prenotazioni)" checked={active} onChange={setActive} />
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {desk ? 'Salva sportello' : 'Crea sportello'}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onClose}>
            Chiudi senza salvare
          </button>
        </div>
        <OutcomeAlert outcome={outcome} />
      </div>
    </form>
  );
}

type Row = { key: number; weekday: string; start: string; end: string };
let rowKey = 0;
const toRows = (h: WeeklyHours['hours']): Row[] =>
  [...h].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)).map((x) => ({ key: ++rowKey, weekday: String(x.weekday), start: x.start, end: x.end }));

function HoursEditor({ desk, onClose }: { desk: Desk; onClose(): void }) {
  const session = useSession();
  const [rows, setRows] = useState<Row[]>();
  const [loadError, setLoadError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    session
      .call<WeeklyHours>(`admin/desks/${desk.id}/hours`)
      .then((h) => setRows(toRows(h.hours)))
      .catch((err: unknown) => setLoadError(describeError(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk.id]);

  const update = (key: number, p: Partial<Row>) => setRows((rs) => rs!.map((r) => (r.key === key ? { ...r, ...p } : r)));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!rows) return;
    const bad = rows.findIndex((r) => !/^\d{2}:\d{2}$/.test(r.start) || !/^\d{2}:\d{2}$/.test(r.end) || r.start >= r.end);
    if (bad >= 0) {
      setOutcome({ ok: false, message: `Fascia ${bad + 1}: indica un orario di inizio e uno di fine successivo.` });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const saved = await session.call<WeeklyHours>(`admin/desks/${desk.id}/hours`, {
        method: 'PUT',
        body: { hours: rows.map((r) => ({ weekday: Number(r.weekday), start: r.start, end: r.end })) },
      });
      setRows(toRows(saved.hours));
      setOutcome({ ok: true, message: `Orari di ${desk.name} salvati (${saved.hours.length} ${saved.hours.length === 1 ? 'fascia' : 'fasce'}).` });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="card card-bg shadow-sm mt-3" aria-label={`Orari di ${desk.name}`}>
      <div className="card-body">
        <FocusHeading>Orari settimanali: {desk.name}</FocusHeading>
        <p className="small">
          Una riga per ogni fascia oraria in cui lo sportello riceve. Per una pausa, usa due fasce nello stesso giorno (per esempio 9:00-12:30 e 15:00-17:00).
        </p>
        <ErrorAlert message={loadError} />
        {!rows && !loadError ? <Loading /> : null}
        {rows ? (
          <>
            {rows.length === 0 ? <p>Nessuna fascia oraria: lo sportello non riceve appuntamenti.</p> : null}
            {rows.map((r, i) => (
              <fieldset className="hours-row" key={r.key}>
                <legend className="visually-hidden">Fascia {i + 1}</legend>
                <div className="select-wrapper">
                  <label htmlFor={`h-${r.key}-day`}>
                    Giorno<span className="visually-hidden"> (fascia {i + 1})</span>
                  </label>
                  <select id={`h-${r.key}-day`} value={r.weekday} onChange={(e) => update(r.key, { weekday: e.target.value })}>
                    {WEEKDAYS.map((w, d) => (
                      <option key={w} value={String(d + 1)}>
                        {w}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-group">
                  <label htmlFor={`h-${r.key}-start`} className="active">
                    Dalle<span className="visually-hidden"> (fascia {i + 1})</span>
                  </label>
                  <input id={`h-${r.key}-start`} type="time" className="form-control" value={r.start} onChange={(e) => update(r.key, { start: e.target.value })} />
                </div>
                <div className="form-group">
                  <label htmlFor={`h-${r.key}-end`} className="active">
                    Alle<span className="visually-hidden"> (fascia {i + 1})</span>
                  </label>
                  <input id={`h-${r.key}-end`} type="time" className="form-control" value={r.end} onChange={(e) => update(r.key, { end: e.target.value })} />
                </div>
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setRows((rs) => rs!.filter((x) => x.key !== r.key))}>
                  Rimuovi<span className="visually-hidden"> fascia {i + 1}</span>
                </button>
              </fieldset>
            ))}
            <div className="d-flex flex-wrap gap-2 mt-3">
              <button
                type="button"
                className="btn btn-outline-primary"
                onClick={() => {
                  const last = rows[rows.length - 1];
                  setRows([
                    ...rows,
                    { key: ++rowKey, weekday: last ? String(Math.min(Number(last.weekday) + 1, 7)) : '1', start: last?.start ?? '09:00', end: last?.end ?? '12:30' },
                  ]);
                }}
              >
                Aggiungi fascia
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Salva orari
              </button>
              <button type="button" className="btn btn-link" onClick={onClose}>
                Chiudi
              </button>
            </div>
          </>
        ) : null}
        <OutcomeAlert outcome={outcome} />
      </div>
    </form>
  );
}
