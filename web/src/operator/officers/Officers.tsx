// "Operatori": the comune's officer accounts. Admins filter, create, change, disable and enable
// officers and reset their password (the temporary one is shown once); managers see the officers
// of their own offices, without actions.
import { useState } from 'react';
import type { Officer, OfficerList, OfficerWithPassword } from '../../../../contracts/officers.ts';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, SelectField, type Outcome } from '../ui.tsx';
import { OfficerForm } from './OfficerForm.tsx';
import { OfficerTable } from './OfficerTable.tsx';
import { ResetPanel } from './ResetPanel.tsx';
import { ROLE_NAMES } from './roles.ts';
import { TemporaryPassword, type IssuedPassword } from './TemporaryPassword.tsx';

type Panel = { kind: 'create' } | { kind: 'edit'; officer: Officer } | { kind: 'reset'; officer: Officer } | null;

export function Officers() {
  const session = useSession();
  const admin = session.operator.role === 'admin';
  const [filters, setFilters] = useState({ officeId: '', role: '', active: '' });
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  const list = useOperatorApi<OfficerList>(`admin/operators${query ? `?${query}` : ''}`);
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const [panel, setPanel] = useState<Panel>(null);
  const [issued, setIssued] = useState<IssuedPassword>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<string>();
  const officeList = offices.data?.offices ?? [];
  const officeName = (id: string) => officeList.find((o) => o.id === id)?.name ?? 'ufficio';
  const open = (p: Panel) => {
    setOutcome(undefined);
    setIssued(undefined);
    setPanel(p);
  };

  async function toggle(o: Officer) {
    setBusy(o.id);
    setOutcome(undefined);
    try {
      await session.call<Officer>(`admin/operators/${o.id}`, { method: 'PATCH', body: { active: !o.active } });
      list.reload();
      setOutcome({ ok: true, message: o.active ? `${o.displayName} disattivato: le sue sessioni sono state chiuse.` : `${o.displayName} riattivato.` });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(undefined);
    }
  }

  const showPassword = (r: OfficerWithPassword, reason: IssuedPassword['reason']) => {
    setPanel(null);
    list.reload();
    setIssued({ displayName: r.officer.displayName, username: r.officer.username, password: r.temporaryPassword, reason });
  };

  return (
    <>
      <Heading title="Operatori" />
      <p>{admin ? 'Gli account degli operatori del comune: ruoli, uffici, accessi.' : 'Gli operatori dei tuoi uffici. Per modifiche rivolgiti a un amministratore del comune.'}</p>
      <form className="agenda-controls mb-4" aria-label="Filtri degli operatori" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="filter-office"
          label="Ufficio"
          value={filters.officeId}
          onChange={(v) => setFilters({ ...filters, officeId: v })}
          options={[{ value: '', label: 'Tutti gli uffici' }, ...officeList.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          id="filter-role"
          label="Ruolo"
          value={filters.role}
          onChange={(v) => setFilters({ ...filters, role: v })}
          options={[{ value: '', label: 'Tutti i ruoli' }, ...Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          id="filter-active"
          label="Stato"
          value={filters.active}
          onChange={(v) => setFilters({ ...filters, active: v })}
          options={[
            { value: '', label: 'Attivi e disattivati' },
            { value: 'true', label: 'Solo attivi' },
            { value: 'false', label: 'Solo disattivati' },
          ]}
        />
      </form>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <OfficerTable
          officers={list.data.officers}
          officeName={officeName}
          admin={admin}
          busy={busy}
          selfId={session.operator.id}
          onEdit={(o) => open({ kind: 'edit', officer: o })}
          onToggle={(o) => void toggle(o)}
          onReset={(o) => open({ kind: 'reset', officer: o })}
        />
      ) : null}
      <OutcomeAlert outcome={outcome} />
      {issued ? <TemporaryPassword issued={issued} onDismiss={() => setIssued(undefined)} /> : null}
      {!admin ? null : panel === null ? (
        <button type="button" className="btn btn-outline-primary mt-2" onClick={() => open({ kind: 'create' })}>
          Nuovo operatore
        </button>
      ) : panel.kind === 'reset' ? (
        <ResetPanel officer={panel.officer} onDone={(r) => showPassword(r, 'reset')} onClose={() => setPanel(null)} />
      ) : (
        <OfficerForm
          key={panel.kind === 'edit' ? panel.officer.id : 'new'}
          officer={panel.kind === 'edit' ? panel.officer : undefined}
          offices={officeList}
          onCreated={(r) => showPassword(r, 'created')}
          onSaved={(o) => {
            setPanel(null);
            list.reload();
            setOutcome({ ok: true, message: `${o.displayName} salvato.` });
          }}
          onClose={() => setPanel(null)}
        />
      )}
    </>
  );
}
