// Confirming a password reset: what it does (sessions end, a temporary password to hand over) and,
// for a lost phone, removing the second factor too.
import { useState } from 'react';
import type { Officer, OfficerWithPassword } from '../../../../contracts/officers.ts';
import { useSession } from '../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, type Outcome } from '../ui.tsx';

export function ResetPanel({ officer, onDone, onClose }: { officer: Officer; onDone(r: OfficerWithPassword): void; onClose(): void }) {
  const session = useSession();
  const [removeTotp, setRemoveTotp] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function reset() {
    setBusy(true);
    setOutcome(undefined);
    try {
      onDone(await session.call<OfficerWithPassword>(`admin/operators/${officer.id}/password-reset`, { method: 'POST', body: { removeTotp } }));
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-bg shadow-sm mt-3" aria-label={`Reimposta la password di ${officer.displayName}`}>
      <div className="card-body">
        <FocusHeading>Reimposta la password di {officer.displayName}</FocusHeading>
        <p>
          Verrà creata una password temporanea da comunicare all'operatore, che al primo accesso dovrà sceglierne una nuova. Le sue sessioni aperte vengono chiuse e le attese
          imposte dopo tentativi sbagliati (da qualunque indirizzo) vengono tolte.
        </p>
        {officer.totpEnabled ? <Checkbox label="Rimuovi anche la verifica in due passaggi (telefono smarrito o cambiato)" checked={removeTotp} onChange={setRemoveTotp} /> : null}
        <div className="d-flex flex-wrap gap-2 mt-3">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void reset()}>
            Reimposta password
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onClose}>
            Annulla
          </button>
        </div>
        <OutcomeAlert outcome={outcome} />
      </div>
    </section>
  );
}
