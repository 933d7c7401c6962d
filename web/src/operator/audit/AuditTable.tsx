// One page of audit entries: when, who, what, on which record, details, and whether the entry is
// already linked into the chain.
import type { AuditLogEntry } from '../../../../contracts/officers.ts';
import { when } from '../../shared/format.ts';
import { actionLabel, ACTOR_TYPES } from './action-labels.ts';

function detailsText(details: Record<string, unknown>): string {
  const entries = Object.entries(details);
  if (!entries.length) return '—';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');
}

export function AuditTable({ entries, page }: { entries: AuditLogEntry[]; page: number }) {
  if (!entries.length) return <p>Nessuna voce corrisponde ai filtri scelti.</p>;
  return (
    <div className="table-responsive">
      <table className="table audit-table" data-testid="audit-table">
        <caption>
          Registro attività, pagina {page}: {entries.length} {entries.length === 1 ? 'voce' : 'voci'} dalla più recente
        </caption>
        <thead>
          <tr>
            <th scope="col">Data e ora</th>
            <th scope="col">Chi</th>
            <th scope="col">Azione</th>
            <th scope="col">Oggetto</th>
            <th scope="col">Dettagli</th>
            <th scope="col">Catena</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <th scope="row">{when(e.at)}</th>
              <td>{e.actorName ?? ACTOR_TYPES[e.actorType] ?? e.actorType}</td>
              <td>
                {actionLabel(e.action)}
                <div className="small text-muted-accessible">
                  <code>{e.action}</code>
                </div>
              </td>
              <td>{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '—'}</td>
              <td className="audit-details">{detailsText(e.details)}</td>
              <td>{e.sealed ? 'Collegata' : 'In attesa'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
