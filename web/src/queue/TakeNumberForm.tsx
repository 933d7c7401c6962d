// The form that takes a number: the service (one radio group across the office's queues), an
// optional email for the alerts, an optional priority class declared by the citizen. On success we
// go to the ticket's live page; the server's errors land next to the field they concern.
import { useState, type FormEvent } from 'react';
import type { OfficeQueueInfo, TicketCreated, TicketRequest } from '../../../contracts/queue.ts';
import { useTenant } from '../citizen/tenant.ts';
import { api, ApiError, type ClientErrorCode, errorMessage } from '../shared/api.ts';
import { navigate } from '../shared/router.tsx';
import { appPath } from './paths.ts';
import { VIDEO_QUEUE_TITLE } from './ticket-words.ts';

/** Where the number is taken: statistics of the office. */
export type TicketSource = NonNullable<TicketRequest['source']>;

type Field = 'serviceId' | 'email' | 'priority';
type Errors = Partial<Record<Field, string>>;

/** Server codes that concern one field rather than the whole form. */
const CODE_FIELD: Partial<Record<ClientErrorCode, Field>> = { SERVICE_NOT_QUEUED: 'serviceId', UNKNOWN_PRIORITY: 'priority' };

export function TakeNumberForm({ info, source, onClosed }: { info: OfficeQueueInfo; source: TicketSource; onClosed(): void }) {
  const t = useTenant();
  const services = info.queues.flatMap((q) => q.services.map((s) => ({ ...s, video: q.kind === 'video' })));
  const [serviceId, setServiceId] = useState(services.length === 1 ? services[0]!.id : '');
  const [email, setEmail] = useState('');
  const [priority, setPriority] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (!serviceId) found.serviceId = 'Scegli il servizio per cui prendi il numero.';
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = "Controlla l'indirizzo email: per esempio nome@esempio.it.";
    setErrors(found);
    setAlert(undefined);
    if (Object.keys(found).length) return;
    const body: TicketRequest = { serviceId, source };
    if (email.trim()) body.email = email.trim();
    if (priority) body.priority = priority;
    setBusy(true);
    try {
      const created = await api<TicketCreated>(`/api/v1/${t.slug}/offices/${encodeURIComponent(info.office.id)}/tickets`, { method: 'POST', body });
      navigate(appPath(created.trackUrl));
    } catch (err) {
      setBusy(false);
      const fieldErrors: Errors = {};
      if (err instanceof ApiError) {
        for (const f of err.fields) if (f.field === 'serviceId' || f.field === 'email' || f.field === 'priority') fieldErrors[f.field] = f.message;
        const field = CODE_FIELD[err.code];
        if (field) fieldErrors[field] = err.message;
        if (err.code === 'QUEUE_CLOSED') onClosed();
      }
      setErrors(fieldErrors);
      setAlert(errorMessage(err));
    }
  }

  const describedBy = (field: Field, help?: string) => [help, errors[field] ? `take-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <div className="invalid-feedback d-block" id={`take-${field}-error`}>
        {errors[field]}
      </div>
    ) : null;

  return (
    <section aria-labelledby="take-title" className="mt-4">
      <h2 className="h4" id="take-title">
        Prendi il tuo numero
      </h2>
      {alert ? (
        <div className="alert alert-danger" role="alert">
          {alert}
        </div>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="mb-4" aria-describedby={describedBy('serviceId')}>
          <legend className="h5">Servizio</legend>
          {fieldError('serviceId')}
          {services.map((s) => (
            <div className="form-check" key={s.id}>
              <input type="radio" name="serviceId" id={`take-service-${s.id}`} checked={serviceId === s.id} onChange={() => setServiceId(s.id)} />
              <label htmlFor={`take-service-${s.id}`}>
                <span className="fw-semibold">{s.video ? VIDEO_QUEUE_TITLE : s.name}</span>
                <br />
                <span className="small">{s.video ? s.name : 'In ufficio, allo sportello'}</span>
              </label>
            </div>
          ))}
        </fieldset>

        <div className="form-group mt-4">
          <label htmlFor="take-email" className="active">
            Email (facoltativa)
          </label>
          <input
            id="take-email"
            type="email"
            className={`form-control${errors.email ? ' is-invalid' : ''}`}
            autoComplete="email"
            maxLength={254}
            value={email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email', 'take-email-help')}
            onChange={(e) => setEmail(e.target.value)}
          />
          <small id="take-email-help" className="form-text">
            Se la scrivi, ti avvisiamo quando manca poco e quando è il tuo turno.
          </small>
          {fieldError('email')}
        </div>

        {info.priorityClasses.length ? (
          <div className="select-wrapper mt-4 mb-4">
            <label htmlFor="take-priority">Precedenza (facoltativa)</label>
            <select
              id="take-priority"
              value={priority}
              aria-invalid={errors.priority ? true : undefined}
              aria-describedby={describedBy('priority', 'take-priority-help')}
              onChange={(e) => setPriority(e.target.value)}
            >
              <option value="">Nessuna precedenza</option>
              {info.priorityClasses.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
            <small id="take-priority-help" className="form-text">
              È una tua dichiarazione: allo sportello l'operatore può chiederti di mostrarne il motivo.
            </small>
            {fieldError('priority')}
          </div>
        ) : null}

        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {busy ? 'Un momento…' : 'Prendi il numero'}
        </button>
      </form>
    </section>
  );
}
