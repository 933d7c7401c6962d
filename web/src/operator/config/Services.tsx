// The services of an office: a table, and one form to change a service or create a new one.
import { useState, type FormEvent } from 'react';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { minutesLabel } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, SelectField, TextArea, TextField, type Outcome } from '../ui.tsx';

type Service = OperatorOffice['services'][number];

const LABELS: Record<string, string> = {
  name: 'Nome',
  description: 'Descrizione',
  topic: 'Argomento',
  durationMinutes: 'Durata',
  bufferMinutes: 'Pausa dopo ogni appuntamento',
  mode: 'Modalità',
  minNoticeMinutes: 'Preavviso minimo',
  horizonDays: 'Prenotabile fino a',
  cutoffMinutes: 'Termine per spostare o annullare',
  whatToBring: 'Cosa portare',
  maxActivePerCitizen: 'Prenotazioni attive per cittadino',
  videoOpensBeforeMinutes: 'Stanza video aperta prima',
  videoClosesAfterMinutes: 'Stanza video chiusa dopo',
  requiresApproval: 'Richiede approvazione',
  active: 'Attivo',
};

const NUMBERS = [
  { key: 'durationMinutes', min: 5, max: 480, hint: 'In minuti, da 5 a 480.' },
  { key: 'bufferMinutes', min: 0, max: 240, hint: "In minuti: tempo libero tra un appuntamento e l'altro." },
  { key: 'minNoticeMinutes', min: 0, max: 43200, hint: 'In minuti: quanto prima va prenotato (120 = 2 ore).' },
  { key: 'horizonDays', min: 1, max: 366, hint: 'In giorni da oggi.' },
  { key: 'cutoffMinutes', min: 0, max: 43200, hint: "In minuti prima dell'appuntamento (1440 = un giorno)." },
  { key: 'maxActivePerCitizen', min: 1, max: 50, hint: 'Quanti appuntamenti futuri può avere ogni cittadino per questo servizio.' },
  { key: 'videoOpensBeforeMinutes', min: 0, max: 240, hint: "Servizi in videochiamata: minuti prima dell'inizio in cui si può entrare." },
  { key: 'videoClosesAfterMinutes', min: 0, max: 480, hint: 'Servizi in videochiamata: minuti dopo la fine in cui la stanza resta aperta.' },
] as const;
type NumberKey = (typeof NUMBERS)[number]['key'];

export function Services({ office, onSaved }: { office: OperatorOffice; onSaved(o: OperatorOffice): void }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const current = office.services.find((s) => s.id === editing);

  return (
    <>
      {office.services.length ? (
        <div className="table-responsive">
          <table className="table">
            <caption>Servizi di {office.name}</caption>
            <thead>
              <tr>
                <th scope="col">Servizio</th>
                <th scope="col">Durata</th>
                <th scope="col">Modalità</th>
                <th scope="col">Approvazione</th>
                <th scope="col">Stato</th>
                <th scope="col">
                  <span className="visually-hidden">Azioni</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {office.services.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td data-testid="service-duration">{minutesLabel(s.durationMinutes)}</td>
                  <td>{s.mode === 'video' ? 'Videochiamata' : 'Di persona'}</td>
                  <td>{s.requiresApproval ? 'Sì' : 'No'}</td>
                  <td>{s.active ? 'Attivo' : 'Non attivo'}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-xs"
                      onClick={() => {
                        setOutcome(undefined);
                        setEditing(s.id);
                      }}
                    >
                      Modifica<span className="visually-hidden"> {s.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun servizio.</p>
      )}
      <OutcomeAlert outcome={outcome} />
      {editing === null ? (
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            setOutcome(undefined);
            setEditing('new');
          }}
        >
          Nuovo servizio
        </button>
      ) : (
        <ServiceForm
          key={editing}
          officeId={office.id}
          service={current}
          onClose={() => setEditing(null)}
          onSaved={(o, message) => {
            onSaved(o);
            setEditing(null);
            setOutcome({ ok: true, message });
          }}
        />
      )}
    </>
  );
}

function ServiceForm({ officeId, service, onSaved, onClose }: { officeId: string; service?: Service; onSaved(o: OperatorOffice, message: string): void; onClose(): void }) {
  const session = useSession();
  const [f, setF] = useState({
    name: service?.name ?? '',
    description: service?.description ?? '',
    topic: service?.topic ?? '',
    mode: service?.mode ?? 'in_person',
    whatToBring: service?.whatToBring ?? '',
    requiresApproval: service?.requiresApproval ?? false,
    active: service?.active ?? true,
  });
  const [nums, setNums] = useState<Record<NumberKey, string>>({
    durationMinutes: String(service?.durationMinutes ?? 20),
    bufferMinutes: String(service?.bufferMinutes ?? 0),
    minNoticeMinutes: String(service?.minNoticeMinutes ?? 120),
    horizonDays: String(service?.horizonDays ?? 60),
    cutoffMinutes: String(service?.cutoffMinutes ?? 1440),
    maxActivePerCitizen: String(service?.maxActivePerCitizen ?? 1),
    videoOpensBeforeMinutes: String(service?.videoOpensBeforeMinutes ?? 15),
    videoClosesAfterMinutes: String(service?.videoClosesAfterMinutes ?? 30),
  });
  const [errors, setErrors] = useState<Partial<Record<NumberKey | 'name', string>>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (f.name.trim().length < 2) errs.name = 'Il nome deve avere almeno 2 caratteri.';
    const values = {} as Record<NumberKey, number>;
    for (const n of NUMBERS) {
      const v = Number(nums[n.key]);
      if (nums[n.key].trim() === '' || !Number.isInteger(v) || v < n.min || v > n.max) errs[n.key] = `Inserisci un numero intero da ${n.min} a ${n.max}.`;
      else values[n.key] = v;
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setOutcome({
        ok: false,
        message: `Correggi: ${Object.keys(errs)
          .map((k) => LABELS[k])
          .join(', ')}.`,
      });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const body = { ...f, name: f.name.trim(), mode: f.mode as 'in_person' | 'video', ...values };
    try {
      const office = service
        ? await session.call<OperatorOffice>(`admin/services/${service.id}`, { method: 'PATCH', body })
        : await session.call<OperatorOffice>('admin/services', { method: 'POST', body: { officeId, ...body } });
      onSaved(office, service ? `Servizio «${body.name}» salvato.` : `Servizio «${body.name}» creato. Ricorda di assegnarlo a uno o più sportelli.`);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card card-bg shadow-sm mt-3" aria-label={service ? `Modifica ${service.name}` : 'Nuovo servizio'}>
      <div className="card-body">
        <FocusHeading>{service ? `Modifica: ${service.name}` : 'Nuovo servizio'}</FocusHeading>
        <div className="row mt-3">
          <div className="col-md-8">
            <TextField label={LABELS.name!} required value={f.name} onChange={(v) => set({ name: v })} maxLength={200} error={errors.name} />
          </div>
          <div className="col-md-4">
            <TextField label={LABELS.topic!} value={f.topic} onChange={(v) => set({ topic: v })} maxLength={100} />
          </div>
          <div className="col-12">
            <TextArea label={LABELS.description!} value={f.description} onChange={(v) => set({ description: v })} maxLength={4000} />
          </div>
          <div className="col-md-4 mb-4">
            <SelectField
              label={LABELS.mode!}
              value={f.mode}
              onChange={(v) => set({ mode: v })}
              options={[
                { value: 'in_person', label: 'Di persona, allo sportello' },
                { value: 'video', label: 'In videochiamata' },
              ]}
            />
          </div>
          {NUMBERS.map((n) => (
            <div className="col-md-4" key={n.key}>
              <TextField
                label={LABELS[n.key]!}
                type="number"
                required
                min={n.min}
                max={n.max}
                value={nums[n.key]}
                onChange={(v) => setNums((x) => ({ ...x, [n.key]: v }))}
                hint={n.hint}
                error={errors[n.key]}
              />
            </div>
          ))}
          <div className="col-12">
            <TextArea
              label={LABELS.whatToBring!}
              value={f.whatToBring}
              onChange={(v) => set({ whatToBring: v })}
              maxLength={2000}
              hint="Documenti e cose da portare, mostrati al cittadino e nell'email di conferma."
            />
          </div>
          <div className="col-12 mb-3">
            <Checkbox
              label="Richiede approvazione dell'ufficio"
              checked={f.requiresApproval}
              onChange={(v) => set({ requiresApproval: v })}
              hint="Le prenotazioni restano «da approvare» finché un operatore non le conferma."
            />
            <Checkbox label="Servizio attivo (prenotabile)" checked={f.active} onChange={(v) => set({ active: v })} />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {service ? 'Salva servizio' : 'Crea servizio'}
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
