// The officers as a table: name and username, role, offices, state, and (admins) the actions.
import type { Officer } from '../../../../contracts/officers.ts';
import { accountNotes, ROLE_NAMES } from './roles.ts';

interface Props {
  officers: Officer[];
  officeName(id: string): string;
  admin: boolean;
  busy: string | undefined;
  selfId: string;
  onEdit(o: Officer): void;
  onToggle(o: Officer): void;
  onReset(o: Officer): void;
}

export function OfficerTable({ officers, officeName, admin, busy, selfId, onEdit, onToggle, onReset }: Props) {
  if (!officers.length) return <p role="status">Nessun operatore corrisponde ai filtri scelti.</p>;
  return (
    <div className="table-responsive">
      <table className="table" data-testid="officers-table">
        <caption>
          {officers.length} {officers.length === 1 ? 'operatore' : 'operatori'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Operatore</th>
            <th scope="col">Ruolo</th>
            <th scope="col">Uffici</th>
            <th scope="col">Stato</th>
            {admin ? (
              <th scope="col">
                <span className="visually-hidden">Azioni</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {officers.map((o) => (
            <tr key={o.id} data-officer={o.username}>
              <th scope="row">
                {o.displayName}
                <div className="small text-muted-accessible">{o.username}</div>
              </th>
              <td>{ROLE_NAMES[o.role] ?? o.role}</td>
              <td>{o.role === 'admin' || !o.officeIds.length ? 'Tutti' : o.officeIds.map(officeName).join(', ')}</td>
              <td>
                {o.active ? 'Attivo' : null}
                {accountNotes(o).map((n) => (
                  <div key={n} className="small">
                    {n}
                  </div>
                ))}
              </td>
              {admin ? (
                <td>
                  <div className="d-flex flex-wrap gap-2">
                    <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => onEdit(o)}>
                      Modifica<span className="visually-hidden"> {o.displayName}</span>
                    </button>
                    {o.id === selfId ? null : (
                      <>
                        <button type="button" className="btn btn-outline-primary btn-xs" disabled={busy === o.id} onClick={() => onToggle(o)}>
                          {o.active ? 'Disattiva' : 'Riattiva'}
                          <span className="visually-hidden"> {o.displayName}</span>
                        </button>
                        <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => onReset(o)}>
                          Reimposta password<span className="visually-hidden"> di {o.displayName}</span>
                        </button>
                      </>
                    )}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
