// Changing one's own password: the current (or temporary) one, the new one twice. The policy is
// explained before typing; the server's reasons for a refusal are shown next to the field.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api.ts';
import { useSession } from '../session.tsx';
import { describeError, OutcomeAlert, TextField, type Outcome } from '../ui.tsx';

export const PASSWORD_HINT =
  'Almeno 12 caratteri, diversa dal nome utente e dal tuo nome, non tra le password più comuni. Una frase di alcune parole è facile da ricordare e difficile da indovinare.';

export function PasswordForm({
  currentLabel = 'Password attuale',
  submitLabel = 'Cambia password',
  onChanged,
}: {
  currentLabel?: string;
  submitLabel?: string;
  onChanged(): void;
}) {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; again?: string }>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      current: current ? undefined : `Inserisci la ${currentLabel.toLowerCase()}.`,
      next: [...next].length < 12 ? 'La nuova password deve avere almeno 12 caratteri.' : undefined,
      again: next && again !== next ? 'Le due password non coincidono.' : undefined,
    };
    setErrors(found);
    if (found.current || found.next || found.again) {
      setOutcome({ ok: false, message: 'Controlla i campi evidenziati.' });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      await session.call('me/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setAgain('');
      setOutcome({ ok: true, message: 'Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse.' });
      onChanged();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      if (code === 'WRONG_PASSWORD') setErrors({ current: err instanceof ApiError ? err.message : undefined });
      else if (code === 'WEAK_PASSWORD' || code === 'PASSWORD_REUSED') setErrors({ next: err instanceof ApiError ? err.message : undefined });
      setOutcome({ ok: false, message: describeError(err, { currentPassword: currentLabel, newPassword: 'Nuova password' }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Cambio della password">
      <TextField
        id="pw-current"
        label={currentLabel}
        type="password"
        required
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        maxLength={256}
        error={errors.current}
      />
      <TextField
        id="pw-new"
        label="Nuova password"
        type="password"
        required
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        maxLength={128}
        hint={PASSWORD_HINT}
        error={errors.next}
      />
      <TextField
        id="pw-again"
        label="Ripeti la nuova password"
        type="password"
        required
        value={again}
        onChange={setAgain}
        autoComplete="new-password"
        maxLength={128}
        error={errors.again}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Salvataggio in corso…' : submitLabel}
      </button>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}
