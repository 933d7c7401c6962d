// "Ho un appuntamento": the booking reference typed on the screen's keyboard, or the email's QR code
// read by the scanner into the focused field (it types the text and presses Enter, which submits).
import { useEffect, useRef, useState, type FormEvent } from 'react';

export function KioskCheckIn({ busy, error, onSubmit, onBack }: { busy: boolean; error: string | undefined; onSubmit(text: string): void; onBack(): void }) {
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const message = empty ? 'Scrivi il codice della prenotazione.' : error;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) {
      setEmpty(true);
      input.current?.focus();
      return;
    }
    setEmpty(false);
    onSubmit(value);
    setValue('');
  }

  return (
    <section className="kiosk-body" aria-labelledby="kiosk-checkin-title">
      <h2 className="kiosk-h2" id="kiosk-checkin-title">
        Ho un appuntamento
      </h2>
      <form onSubmit={submit} noValidate className="kiosk-form">
        <label htmlFor="kiosk-code" className="kiosk-label">
          Codice della prenotazione
        </label>
        <p id="kiosk-code-help" className="mb-2">
          Lo trovi nell'email di conferma (per esempio BA-7K3M-Q9TZ). Puoi anche avvicinare al lettore il codice QR dell'email.
        </p>
        <input
          ref={input}
          id="kiosk-code"
          className={`form-control kiosk-input${message ? ' is-invalid' : ''}`}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={400}
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'kiosk-code-help kiosk-code-error' : 'kiosk-code-help'}
          onChange={(e) => setValue(e.target.value)}
        />
        {message ? (
          <p className="kiosk-error mt-2" id="kiosk-code-error" role="alert">
            {message}
          </p>
        ) : null}
        <div className="kiosk-actions">
          <button type="submit" className="btn btn-primary kiosk-big" disabled={busy}>
            {busy ? 'Un momento…' : "Registra l'arrivo"}
          </button>
          <button type="button" className="btn btn-outline-primary kiosk-big" onClick={onBack}>
            Indietro
          </button>
        </div>
      </form>
    </section>
  );
}
