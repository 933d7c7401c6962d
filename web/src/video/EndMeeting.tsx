// The officer ends the meeting, with an optional outcome note kept on the booking.
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../shared/api.ts';
import { ErrorAlert } from '../shared/Page.tsx';

export function EndMeeting({ url, onDone }: { url: string; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <button ref={opener} type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        Termina appuntamento
      </button>
    );
  }
  return (
    <form
      className="border rounded p-3"
      aria-labelledby="end-title"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        api(url, { method: 'POST', body: note.trim() ? { note: note.trim() } : {} })
          .then(onDone)
          .catch((err: unknown) => {
            setError(errorMessage(err));
            setBusy(false);
          });
      }}
    >
      <h2 id="end-title" className="h5">
        Termina appuntamento
      </h2>
      <p className="small">La chiamata si chiude per entrambi e l'appuntamento risulta concluso.</p>
      <ErrorAlert message={error} />
      <div className="form-group mt-4">
        <label htmlFor="end-note" className="active">
          Esito / nota
        </label>
        <textarea
          ref={field}
          id="end-note"
          className="form-control"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby="end-note-help"
        />
        <small id="end-note-help" className="form-text">
          Facoltativa: resta registrata sull'appuntamento.
        </small>
      </div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-danger" disabled={busy}>
          Conferma e chiudi
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => {
            setOpen(false);
            window.setTimeout(() => opener.current?.focus());
          }}
        >
          Annulla
        </button>
      </div>
    </form>
  );
}
