// The office's rules for the line: when booked citizens go ahead of walk-ins, when the citizen is
// told their turn is near, and how early numbers can be taken before the office opens.
import { useState, type FormEvent } from 'react';
import type { OfficeQueueConfig, OfficeQueueSettings } from '../../../../../contracts/queue.ts';
import { useSession } from '../../session.tsx';
import { describeError, OutcomeAlert, TextField, type Outcome } from '../../ui.tsx';

const FIELDS: Array<{ key: keyof OfficeQueueSettings; label: string; max: number; hint: string }> = [
  {
    key: 'earlyMinutes',
    label: 'Anticipo degli appuntamenti (minuti)',
    max: 240,
    hint: "Chi ha un appuntamento e registra l'arrivo passa davanti a chi non ha prenotato da questi minuti prima del suo orario.",
  },
  { key: 'lateMinutes', label: 'Ritardo tollerato (minuti)', max: 240, hint: 'Fino a questi minuti di ritardo mantiene la precedenza; dopo entra nella coda normale.' },
  { key: 'alertAhead', label: 'Avviso «tocca quasi a te» (numeri davanti)', max: 50, hint: 'Il cittadino viene avvisato quando davanti a lui restano questi numeri o meno.' },
  { key: 'opensBeforeMinutes', label: "Numeri disponibili prima dell'apertura (minuti)", max: 240, hint: "Da quanti minuti prima dell'apertura si può prendere il numero." },
];

const LABELS = Object.fromEntries(FIELDS.map((f) => [f.key, f.label]));

export function QueueRulesForm({ officeId, settings, onSaved }: { officeId: string; settings: OfficeQueueSettings; onSaved(c: OfficeQueueConfig): void }) {
  const session = useSession();
  const [values, setValues] = useState<Record<keyof OfficeQueueSettings, string>>(() => ({
    earlyMinutes: String(settings.earlyMinutes),
    lateMinutes: String(settings.lateMinutes),
    alertAhead: String(settings.alertAhead),
    opensBeforeMinutes: String(settings.opensBeforeMinutes),
  }));
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const bad = FIELDS.find((f) => !/^\d+$/.test(values[f.key].trim()) || Number(values[f.key]) > f.max);
    if (bad) {
      setOutcome({ ok: false, message: `${bad.label}: inserisci un numero intero da 0 a ${bad.max}.` });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const body = Object.fromEntries(FIELDS.map((f) => [f.key, Number(values[f.key])])) as OfficeQueueSettings;
      onSaved(await session.call<OfficeQueueConfig>(`admin/offices/${encodeURIComponent(officeId)}/queue-settings`, { method: 'PUT', body }));
      setOutcome({ ok: true, message: 'Regole della coda salvate.' });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Regole della coda">
      <div className="row">
        {FIELDS.map((f) => (
          <div className="col-md-6" key={f.key}>
            <TextField
              id={`queue-${f.key}`}
              type="number"
              label={f.label}
              min={0}
              max={f.max}
              required
              value={values[f.key]}
              hint={f.hint}
              onChange={(v) => setValues((x) => ({ ...x, [f.key]: v }))}
            />
          </div>
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Salva regole
      </button>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}
