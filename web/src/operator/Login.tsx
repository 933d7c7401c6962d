// Sign-in for officers. Wrong credentials and a locked account are reported in an alert; the CSRF
// token of the new session is kept in memory by the console.
import { useState, type FormEvent } from 'react';
import type { SessionResponse } from '../../../contracts/operator.ts';
import { api, ApiError, errorMessage } from '../shared/api.ts';
import { Heading, TextField } from './ui.tsx';

export function Login({ slug, notice, onSignedIn }: { slug: string; notice?: string; onSignedIn(s: SessionResponse): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Inserisci nome utente e password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<SessionResponse>(`/api/v1/${slug}/operator/session`, { method: 'POST', body: { username: username.trim(), password } });
      onSignedIn(session);
    } catch (err) {
      if (err instanceof ApiError && err.status === 423) setError(`${err.message} Riprova più tardi o chiedi a un amministratore.`);
      else if (err instanceof ApiError && err.status === 429) setError('Troppi tentativi in poco tempo: attendi un minuto e riprova.');
      else setError(errorMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <Heading title="Accesso area operatori" />
        <p>Accedi con le credenziali fornite dall'amministratore del comune.</p>
        {notice && !error ? (
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
          <TextField id="login-username" label="Nome utente" value={username} onChange={setUsername} autoComplete="username" maxLength={64} />
          <TextField id="login-password" label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" maxLength={256} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Accesso in corso…' : 'Accedi'}
          </button>
        </form>
      </div>
    </div>
  );
}
