// The second factor on the profile page: turn it on (QR code for the authenticator app, the secret
// to type by hand, then a code to confirm) or off (with a current code).
import { useState, type FormEvent } from 'react';
import type { Profile, TotpSetup } from '../../../../contracts/officers.ts';
import { when } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { describeError, FocusHeading, OutcomeAlert, TextField, type Outcome } from '../ui.tsx';

const svgSource = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function TotpSection({ profile, onChanged }: { profile: Profile; onChanged(): void }) {
  const session = useSession();
  const [setup, setSetup] = useState<TotpSetup>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setOutcome(undefined);
    try {
      setSetup(await session.call<TotpSetup>('me/totp/setup', { method: 'POST' }));
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function send(e: FormEvent, action: 'confirm' | 'disable') {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setCodeError('Inserisci le 6 cifre mostrate dall’app.');
      setOutcome({ ok: false, message: 'Il codice deve essere di 6 cifre.' });
      return;
    }
    setBusy(true);
    setCodeError(undefined);
    setOutcome(undefined);
    try {
      await session.call(`me/totp/${action}`, { method: 'POST', body: { code } });
      setSetup(undefined);
      setCode('');
      setOutcome({
        ok: true,
        message: action === 'confirm' ? 'Verifica in due passaggi attivata: da ora all’accesso ti chiederemo anche il codice dell’app.' : 'Verifica in due passaggi disattivata.',
      });
      onChanged();
    } catch (err) {
      setCodeError('Codice non valido.');
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  const codeField = (
    <TextField
      id="totp-code"
      label="Codice di verifica (6 cifre)"
      value={code}
      onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
      autoComplete="one-time-code"
      maxLength={6}
      error={codeError}
    />
  );

  return (
    <>
      {profile.totpEnabled ? (
        <>
          <p data-testid="totp-state">
            La verifica in due passaggi è <strong>attiva</strong>
            {profile.totpEnabledAt ? ` dal ${when(profile.totpEnabledAt)}` : ''}: all'accesso inserisci anche il codice dell'app di autenticazione.
          </p>
          <form onSubmit={(e) => void send(e, 'disable')} noValidate aria-label="Disattiva la verifica in due passaggi">
            {codeField}
            <button type="submit" className="btn btn-outline-danger" disabled={busy}>
              Disattiva la verifica in due passaggi
            </button>
          </form>
        </>
      ) : setup ? (
        <div className="card card-bg shadow-sm">
          <div className="card-body">
            <FocusHeading>Collega l'app di autenticazione</FocusHeading>
            <ol>
              <li>Apri un'app di autenticazione (per esempio FreeOTP, Aegis, Google Authenticator o Microsoft Authenticator).</li>
              <li>Inquadra il codice QR oppure inserisci a mano la chiave qui sotto.</li>
              <li>Scrivi il codice di 6 cifre che l'app mostra e premi «Conferma».</li>
            </ol>
            <img
              className="totp-qr"
              src={svgSource(setup.qrSvg)}
              alt={`Codice QR per l'app di autenticazione. In alternativa inserisci a mano la chiave ${grouped(setup.secret)}`}
              width={200}
              height={200}
            />
            <p className="mt-2">
              Chiave da inserire a mano: <code data-testid="totp-secret">{grouped(setup.secret)}</code>
            </p>
            <form onSubmit={(e) => void send(e, 'confirm')} noValidate aria-label="Conferma la verifica in due passaggi">
              {codeField}
              <div className="d-flex flex-wrap gap-2">
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  Conferma
                </button>
                <button type="button" className="btn btn-outline-primary" onClick={() => setSetup(undefined)}>
                  Annulla
                </button>
              </div>
            </form>
          </div>
        </div>
      ) : (
        <>
          <p data-testid="totp-state">
            La verifica in due passaggi <strong>non è attiva</strong>. Attivala per proteggere l'account anche se qualcuno scoprisse la tua password.
          </p>
          <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => void start()}>
            Attiva la verifica in due passaggi
          </button>
        </>
      )}
      <OutcomeAlert outcome={outcome} />
    </>
  );
}
