// One queue: its name, the letter its numbers start with, in person or video, its services and
// whether it is open. A service can sit in one queue only: services already in another queue say
// which, so the officer sees why the server would refuse (SERVICE_IN_OTHER_QUEUE) before trying.
import { useState, type FormEvent } from 'react';
import type { OperatorOffice } from '../../../../../contracts/operator.ts';
import type { OfficeQueueConfig } from '../../../../../contracts/queue.ts';
import { useSession } from '../../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, SelectField, TextField, type Outcome } from '../../ui.tsx';

type Queue = OfficeQueueConfig['queues'][number];
const LABELS = { name: 'Nome', prefix: 'Lettera', kind: 'Tipo', serviceIds: 'Servizi', active: 'Attiva' };

/** The first capital letter no queue of the office uses yet. */
function freeLetter(config: OfficeQueueConfig): string {
  const used = new Set(config.queues.map((q) => q.prefix));
  return [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((l) => !used.has(l)) ?? '';
}

interface Props {
  office: OperatorOffice;
  config: OfficeQueueConfig;
  queue?: Queue;
  onSaved(c: OfficeQueueConfig, message: string): void;
  onClose(): void;
}

export function QueueForm({ office, config, queue, onSaved, onClose }: Props) {
  const session = useSession();
  const [name, setName] = useState(queue?.name ?? '');
  const [prefix, setPrefix] = useState(queue?.prefix ?? freeLetter(config));
  const [kind, setKind] = useState<Queue['kind']>(queue?.kind ?? 'in_person');
  const [serviceIds, setServiceIds] = useState<string[]>(queue?.serviceIds ?? []);
  const [active, setActive] = useState(queue?.active ?? true);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const otherQueueOf = (serviceId: string) => config.queues.find((q) => q.id !== queue?.id && q.serviceIds.includes(serviceId));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = !name.trim()
      ? 'Inserisci il nome della coda.'
      : !/^[A-Z]{1,2}$/.test(prefix)
        ? 'La lettera della coda è una o due lettere maiuscole (per esempio A o CI).'
        : !serviceIds.length
          ? 'Scegli almeno un servizio.'
          : undefined;
    if (problem) {
      setOutcome({ ok: false, message: problem });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const body = { name: name.trim(), prefix, kind, serviceIds, active };
    try {
      const c = queue
        ? await session.call<OfficeQueueConfig>(`admin/queues/${encodeURIComponent(queue.id)}`, { method: 'PATCH', body })
        : await session.call<OfficeQueueConfig>('admin/queues', { method: 'POST', body: { officeId: office.id, ...body } });
      onSaved(c, queue ? `Coda «${body.name}» salvata.` : `Coda «${body.name}» creata. Indica ora quali sportelli la servono.`);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="card card-bg shadow-sm mt-3"
      aria-label={queue ? `Modifica la coda ${queue.name}` : 'Nuova coda'}
      data-testid="queue-form"
    >
      <div className="card-body">
        <FocusHeading>{queue ? `Modifica la coda: ${queue.name}` : 'Nuova coda'}</FocusHeading>
        <div className="row">
          <div className="col-md-8">
            <TextField label="Nome della coda" required value={name} onChange={setName} maxLength={120} hint="Il nome che il cittadino vede quando prende il numero." />
          </div>
          <div className="col-md-4">
            <TextField
              label="Lettera"
              required
              value={prefix}
              maxLength={2}
              autoComplete="off"
              hint="Una o due lettere maiuscole: i numeri saranno A001, A002…"
              onChange={(v) => setPrefix(v.toUpperCase().replace(/[^A-Z]/g, ''))}
            />
          </div>
        </div>
        <SelectField
          label="Tipo di coda"
          value={kind}
          onChange={(v) => setKind(v === 'video' ? 'video' : 'in_person')}
          options={[
            { value: 'in_person', label: 'Di persona (allo sportello)' },
            { value: 'video', label: 'Videochiamata («parla ora con un operatore»)' },
          ]}
        />
        <fieldset className="my-3">
          <legend className="h6">Servizi della coda *</legend>
          {office.services.length ? (
            <div className="checkbox-list">
              {office.services.map((s) => {
                const other = otherQueueOf(s.id);
                const notes = [s.mode === 'video' ? 'videochiamata' : '', s.active ? '' : 'non attivo', other ? `già nella coda ${other.prefix} ${other.name}` : '']
                  .filter(Boolean)
                  .join(', ');
                return (
                  <Checkbox
                    key={s.id}
                    label={notes ? `${s.name} (${notes})` : s.name}
                    checked={serviceIds.includes(s.id)}
                    onChange={(on) => setServiceIds((ids) => (on ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
                  />
                );
              })}
            </div>
          ) : (
            <p>L'ufficio non ha ancora servizi: creali nella sezione Servizi.</p>
          )}
        </fieldset>
        <div className="mb-3">
          <Checkbox label="Coda attiva (si può prendere il numero)" checked={active} onChange={setActive} />
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {queue ? 'Salva coda' : 'Crea coda'}
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
