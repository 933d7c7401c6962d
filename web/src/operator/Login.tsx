// Sign-in for officers, in one or two steps: username and password, then — for officers who turned
// on the second factor (the server answers TOTP_REQUIRED) — the 6-digit code of their app. Wrong
// credentials and wrong codes are reported in an alert. After repeated failures this network waits
// (LOGIN_THROTTLED, never a locked account): the alert says how long, and an officer with two-step
// verification may go on at once with password and code. The CSRF token of the new session is kept
// in memory by the console.
import { useState, type FormEvent } from 'react';
import type { SessionResponse } from '../../../contracts/operator.ts';
import { api, ApiError, errorMessage } from '../shared/api.ts';
import { FocusHeading, Heading, TextField } from './ui.tsx';

export function Login({ slug, notice, onSignedIn }: { slug: string; notice?: string; onSignedIn(s: SessionResponse): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [throttled, setThrottled] = useState(false);

  function restart(message?: string) {
    setThrottled(false);
    setStep('password');
    setPassword('');
    setCode('');
    setError(message);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Inserisci nome utente e password.');
      return;
    }
    if (step === 'code' && !/^\d{6}$/.test(code)) {
      setError('Inserisci le 6 cifre del codice di verifica.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const body = { username: username.trim(), password, ...(step === 'code' ? { totpCode: code } : {}) };
      onSignedIn(await api<SessionResponse>(`/api/v1/${slug}/operator/session`, { method: 'POST', body }));
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      if (code === 'TOTP_REQUIRED') {
        setStep('code');
      } else if (code === 'TOTP_INVALID') {
        setCode('');
        setError(errorMessage(err));
      } else if (code === 'LOGIN_THROTTLED') {
        // The server's message says how long to wait; password and step stay, for the code's way in.
        setThrottled(true);
        setCode('');
        setError(errorMessage(err));
      } else if (err instanceof ApiError && err.status === 429) setError('Troppi tentativi in poco tempo: attendi un minuto e riprova.');
      else restart(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <Heading title="Accesso area operatori" />
        {step === 'password' ? <p>Accedi con le credenziali fornite dall'amministratore del comune.</p> : null}
        {notice && !error && step === 'password' ? (
          <div className="alert alert-info" role="status">
            {notice}
          </div>
        ) : null}
        {error ? (
          <div className="alert alert-danger" role="alert" data-testid="login-error">
            {error}
          </div>
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate className="mt-4">
          {step === 'password' ? (
            <>
              <TextField id="login-username" label="Nome utente" value={username} onChange={setUsername} autoComplete="username" maxLength={64} />
              <TextField id="login-password" label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" maxLength={256} />
            </>
          ) : (
            <>
              <FocusHeading className="h4">Verifica in due passaggi</FocusHeading>
              <p>Apri l'app di autenticazione sul telefono e inserisci il codice di 6 cifre mostrato per {username.trim()}.</p>
              <TextField
                id="login-code"
                label="Codice di verifica"
                value={code}
                onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
                autoComplete="one-time-code"
                maxLength={6}
              />
            </>
          )}
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Accesso in corso…' : step === 'password' ? 'Accedi' : 'Verifica e accedi'}
            </button>
            {step === 'password' && throttled ? (
              <button type="button" className="btn btn-outline-primary" onClick={() => setStep('code')}>
                Ho la verifica in due passaggi: inserisco il codice
              </button>
            ) : null}
            {step === 'code' ? (
              <button type="button" className="btn btn-outline-primary" onClick={() => restart()}>
                Indietro
              </button>
            ) : null}
          </div>
        </form>
      </div>
    </div>
  );
}
