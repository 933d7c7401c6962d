// The fields of an officer account: username (only when creating), name, role, offices, and an
// optional temporary password of the admin's choice (otherwise one is generated).
import { useState, type FormEvent } from 'react';
import type { Officer, OfficerWithPassword } from '../../../../contracts/officers.ts';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { PASSWORD_HINT } from '../profile/PasswordForm.tsx';
import { useSession } from '../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, SelectField, TextField, type Outcome } from '../ui.tsx';
import { ROLE_OPTIONS } from './roles.ts';

const LABELS = { username: 'Nome utente', displayName: 'Nome e cognome', email: 'Email di lavoro', role: 'Ruolo', officeIds: 'Uffici', temporaryPassword: 'Password temporanea' };

export function OfficerForm({
  officer,
  offices,
  onCreated,
  onSaved,
  onClose,
}: {
  officer?: Officer;
  offices: OperatorOffice[];
  onCreated(r: OfficerWithPassword): void;
  onSaved(o: Officer): void;
  onClose(): void;
}) {
  const session = useSession();
  const [f, setF] = useState({
    username: '',
    displayName: officer?.displayName ?? '',
    email: officer?.email ?? '',
    role: officer?.role ?? 'operator',
    officeIds: officer?.officeIds ?? [],
    temporaryPassword: '',
  });
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!officer && !/^[A-Za-z0-9][A-Za-z0-9._-]{1,60}$/.test(f.username.trim())) {
      setOutcome({ ok: false, message: 'Nome utente: almeno 2 caratteri tra lettere, cifre, punto, trattino e trattino basso.' });
      return;
    }
    if (f.displayName.trim().length < 2) {
      setOutcome({ ok: false, message: 'Inserisci nome e cognome.' });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const officeIds = f.role === 'admin' ? [] : f.officeIds;
    try {
      if (officer) {
        onSaved(
          await session.call<Officer>(`admin/operators/${officer.id}`, {
            method: 'PATCH',
            body: { displayName: f.displayName.trim(), email: f.email.trim() || null, role: f.role, officeIds },
          }),
        );
      } else {
        const body = {
          username: f.username.trim().toLowerCase(),
          displayName: f.displayName.trim(),
          ...(f.email.trim() ? { email: f.email.trim() } : {}),
          role: f.role,
          officeIds,
          ...(f.temporaryPassword ? { temporaryPassword: f.temporaryPassword } : {}),
        };
        onCreated(await session.call<OfficerWithPassword>('admin/operators', { method: 'POST', body }));
      }
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card card-bg shadow-sm mt-3" aria-label={officer ? `Modifica ${officer.displayName}` : 'Nuovo operatore'}>
      <div className="card-body">
        <FocusHeading>{officer ? `Modifica: ${officer.displayName} (${officer.username})` : 'Nuovo operatore'}</FocusHeading>
        {officer ? null : (
          <TextField
            id="officer-username"
            label="Nome utente"
            required
            value={f.username}
            onChange={(v) => set({ username: v })}
            maxLength={61}
            autoComplete="off"
            hint="Per esempio nome.cognome: lettere minuscole, cifre, punto o trattino."
          />
        )}
        <TextField id="officer-name" label="Nome e cognome" required value={f.displayName} onChange={(v) => set({ displayName: v })} maxLength={100} autoComplete="off" />
        <TextField
          id="officer-email"
          label="Email di lavoro"
          type="email"
          value={f.email}
          onChange={(v) => set({ email: v })}
          maxLength={254}
          autoComplete="off"
          hint="Facoltativa: qui arrivano le risposte dei cittadini sulle pratiche che l'operatore ha in carico; se vuota, all'indirizzo dell'ufficio."
        />
        <SelectField id="officer-role" label="Ruolo" value={f.role} onChange={(v) => set({ role: v as Officer['role'] })} options={ROLE_OPTIONS} className="mb-4" />
        {f.role === 'admin' ? (
          <p>Un amministratore lavora per tutti gli uffici del comune.</p>
        ) : (
          <fieldset className="mb-3">
            <legend className="h6">Uffici</legend>
            <p className="small mb-2">Nessun ufficio selezionato: lavora per tutti gli uffici del comune.</p>
            <div className="checkbox-list">
              {offices.map((o) => (
                <Checkbox
                  key={o.id}
                  label={o.name}
                  checked={f.officeIds.includes(o.id)}
                  onChange={(on) => set({ officeIds: on ? [...f.officeIds, o.id] : f.officeIds.filter((x) => x !== o.id) })}
                />
              ))}
            </div>
          </fieldset>
        )}
        {officer ? null : (
          <TextField
            id="officer-password"
            label="Password temporanea (facoltativa)"
            type="password"
            value={f.temporaryPassword}
            onChange={(v) => set({ temporaryPassword: v })}
            maxLength={128}
            autoComplete="new-password"
            hint={`Lascia vuoto per generarne una. ${PASSWORD_HINT}`}
          />
        )}
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {officer ? 'Salva operatore' : 'Crea operatore'}
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
