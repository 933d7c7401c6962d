// The audit log's filters: time range, who, what, which record, free text in the details.
import { useState, type FormEvent } from 'react';
import type { Officer } from '../../../../contracts/officers.ts';
import { SelectField, TextField } from '../ui.tsx';

export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  q: string;
}

export const NO_FILTERS: AuditFilterValues = { from: '', to: '', actor: '', action: '', entityType: '', entityId: '', q: '' };

/** The query string of the filters ("actor" is an officer's id, or citizen/system). */
export function filterQuery(f: AuditFilterValues): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['from', 'to', 'action', 'entityType', 'entityId', 'q'] as const) if (f[key].trim()) p.set(key, f[key].trim());
  if (f.actor === 'citizen' || f.actor === 'system') p.set('actorType', f.actor);
  else if (f.actor) p.set('actorId', f.actor);
  return p;
}

export function AuditFilters({ officers, initial, onApply }: { officers: Officer[]; initial: AuditFilterValues; onApply(f: AuditFilterValues): void }) {
  const [f, setF] = useState(initial);
  const set = (p: Partial<AuditFilterValues>) => setF((x) => ({ ...x, ...p }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg shadow-sm mb-4" aria-labelledby="audit-filters-title">
      <div className="card-body">
        <h2 className="h5" id="audit-filters-title">
          Filtri
        </h2>
        <div className="row">
          <div className="col-md-3">
            <TextField id="audit-from" label="Dal giorno" type="date" value={f.from} onChange={(v) => set({ from: v })} />
          </div>
          <div className="col-md-3">
            <TextField id="audit-to" label="Al giorno" type="date" value={f.to} onChange={(v) => set({ to: v })} />
          </div>
          <div className="col-md-6 mb-3">
            <SelectField
              id="audit-actor"
              label="Chi"
              value={f.actor}
              onChange={(v) => set({ actor: v })}
              options={[
                { value: '', label: 'Chiunque' },
                { value: 'citizen', label: 'Cittadini' },
                { value: 'system', label: 'Sistema' },
                ...officers.map((o) => ({ value: o.id, label: `${o.displayName} (${o.username})` })),
              ]}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="audit-action"
              label="Azione"
              value={f.action}
              onChange={(v) => set({ action: v })}
              maxLength={100}
              hint="Codice o sua parte iniziale, per esempio booking. oppure operator.login"
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="audit-entity-type"
              label="Tipo di oggetto"
              value={f.entityType}
              onChange={(v) => set({ entityType: v })}
              maxLength={60}
              hint="Per esempio booking, operator, desk, ticket"
            />
          </div>
          <div className="col-md-4">
            <TextField id="audit-entity-id" label="Identificativo dell'oggetto" value={f.entityId} onChange={(v) => set({ entityId: v })} maxLength={100} />
          </div>
          <div className="col-md-8">
            <TextField
              id="audit-q"
              label="Testo nei dettagli"
              value={f.q}
              onChange={(v) => set({ q: v })}
              maxLength={200}
              hint="Per esempio un indirizzo IP o un motivo di annullamento"
            />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary">
            Cerca
          </button>
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => {
              setF(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
          >
            Azzera i filtri
          </button>
        </div>
      </div>
    </form>
  );
}
