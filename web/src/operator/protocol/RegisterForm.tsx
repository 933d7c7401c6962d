// Registering a document by hand (a letter handed in at the counter, a reply sent out): direction,
// correspondent, subject, optional classification, the scanned document and its attachments. The
// number and time come back at once, announced to screen readers.
import { useRef, useState, type FormEvent } from 'react';
import type { ProtocolRegistered } from '../../../../contracts/protocol.ts';
import { when } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { describeError, OutcomeAlert, SelectField, TextArea, TextField, type Outcome } from '../ui.tsx';
import { DIRECTION_OPTIONS } from './labels.ts';

const LABELS = { direction: 'Direzione', correspondent: 'Corrispondente', subject: 'Oggetto', classification: 'Classificazione', document: 'Documento' };
const EMPTY = { direction: 'incoming', correspondent: '', subject: '', classification: '' };

export function RegisterForm({ onRegistered }: { onRegistered(r: ProtocolRegistered): void }) {
  const session = useSession();
  const [f, setF] = useState(EMPTY);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const documentInput = useRef<HTMLInputElement>(null);
  const attachmentsInput = useRef<HTMLInputElement>(null);
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!f.correspondent.trim() || !f.subject.trim()) {
      setOutcome({ ok: false, message: 'Indica il corrispondente e l’oggetto.' });
      return;
    }
    const main = documentInput.current?.files?.[0];
    const attachments = [...(attachmentsInput.current?.files ?? [])];
    if (attachments.length && !main) {
      setOutcome({ ok: false, message: 'Gli allegati richiedono il documento principale.' });
      return;
    }
    const fields = {
      direction: f.direction,
      correspondent: f.correspondent.trim(),
      subject: f.subject.trim(),
      ...(f.classification.trim() ? { classification: f.classification.trim() } : {}),
    };
    setBusy(true);
    setOutcome(undefined);
    try {
      let registered: ProtocolRegistered;
      if (main) {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('document', main);
        for (const a of attachments) form.append('attachments', a);
        registered = await session.call<ProtocolRegistered>('protocol', { method: 'POST', form });
      } else {
        registered = await session.call<ProtocolRegistered>('protocol', { method: 'POST', body: fields });
      }
      setOutcome({ ok: true, message: `Registrato: protocollo n. ${registered.label} del ${when(registered.registeredAt)}.` });
      setF(EMPTY);
      if (documentInput.current) documentInput.current.value = '';
      if (attachmentsInput.current) attachmentsInput.current.value = '';
      onRegistered(registered);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card card-bg shadow-sm mb-4" aria-labelledby="register-title">
      <div className="card-body">
        <h2 id="register-title" className="h5">
          Nuova registrazione
        </h2>
        <SelectField id="protocol-direction" label="Direzione" value={f.direction} onChange={(v) => set({ direction: v })} options={DIRECTION_OPTIONS} className="mb-4" />
        <TextField
          id="protocol-correspondent"
          label="Corrispondente"
          required
          value={f.correspondent}
          onChange={(v) => set({ correspondent: v })}
          maxLength={300}
          hint="Chi scrive (in entrata) o a chi si scrive (in uscita)."
        />
        <TextArea label="Oggetto" required value={f.subject} onChange={(v) => set({ subject: v })} maxLength={1000} rows={2} />
        <TextField
          id="protocol-classification"
          label="Classificazione (facoltativa)"
          value={f.classification}
          onChange={(v) => set({ classification: v })}
          maxLength={100}
          hint="Voce del titolario, per esempio VI.3."
        />
        <div className="mb-3">
          <label htmlFor="protocol-document" className="form-label d-block">
            Documento principale (facoltativo)
          </label>
          <input ref={documentInput} id="protocol-document" type="file" className="form-control" aria-describedby="protocol-files-hint" />
        </div>
        <div className="mb-3">
          <label htmlFor="protocol-attachments" className="form-label d-block">
            Allegati (facoltativi)
          </label>
          <input ref={attachmentsInput} id="protocol-attachments" type="file" multiple className="form-control" aria-describedby="protocol-files-hint" />
          <small id="protocol-files-hint" className="form-text">
            PDF, immagini, documenti Office e OpenDocument, file firmati .p7m; al massimo 10 file. Di ogni file si conserva l’impronta SHA-256.
          </small>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Registrazione in corso…' : 'Registra a protocollo'}
        </button>
        <OutcomeAlert outcome={outcome} />
      </div>
    </form>
  );
}
