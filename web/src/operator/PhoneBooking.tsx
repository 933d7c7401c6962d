// A booking made by the office on a citizen's behalf (on the phone or at the desk): office, service,
// a free slot from the same picker citizens use, the applicant, then the reference to read out.
import { useState, type FormEvent } from 'react';
import type { BookingCreated, SlotView } from '../../../contracts/booking.ts';
import type { OperatorOffice } from '../../../contracts/operator.ts';
import { SlotPicker } from '../citizen/booking/SlotPicker.tsx';
import { ApiError, errorMessage } from '../shared/api.ts';
import { minutesLabel, time, when } from '../shared/format.ts';
import { ErrorAlert, Loading } from '../shared/Page.tsx';
import { Link } from '../shared/router.tsx';
import { preferredOffice, rememberOffice } from './Agenda.tsx';
import { useOperatorApi, useSession } from './session.tsx';
import { Heading, SelectField, TextArea, TextField } from './ui.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMPTY = { name: '', surname: '', email: '', address: '' };
type ApplicantForm = typeof EMPTY;

export function PhoneBooking() {
  const session = useSession();
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const list = (offices.data?.offices ?? []).filter((o) => o.active && o.services.some((s) => s.active));
  const [officeId, setOfficeId] = useState<string>();
  const [serviceId, setServiceId] = useState<string>();
  const [slot, setSlot] = useState<SlotView>();
  const [applicant, setApplicant] = useState<ApplicantForm>(EMPTY);
  const [reason, setReason] = useState('');
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof ApplicantForm, string>>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [created, setCreated] = useState<BookingCreated & { serviceName: string; who: string }>();

  if (offices.loading && !offices.data) return <Loading />;
  const office = officeId ? list.find((o) => o.id === officeId) : preferredOffice(session.tenant.slug, list);
  const services = office?.services.filter((s) => s.active) ?? [];
  const service = services.find((s) => s.id === serviceId) ?? services[0];

  if (created) {
    return (
      <>
        <Heading key="done" title="Prenotazione registrata" />
        <div className="alert alert-success" role="status">
          Prenotazione registrata per {created.who}. Il cittadino riceverà l'email di conferma.
        </div>
        <dl className="summary-list">
          <dt>Codice prenotazione</dt>
          <dd data-testid="booking-reference" className="h4">
            {created.reference}
          </dd>
          <dt>Servizio</dt>
          <dd>{created.serviceName}</dd>
          <dt>Quando</dt>
          <dd>
            {when(created.start)} – {time(created.end)}
          </dd>
          <dt>Stato</dt>
          <dd>{created.status === 'pending' ? "In attesa di approvazione dell'ufficio" : 'Confermato'}</dd>
        </dl>
        <div className="d-flex flex-wrap gap-2">
          <Link className="btn btn-primary" href={`${session.base}/prenotazioni/${created.id}`}>
            Apri la prenotazione
          </Link>
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => {
              setCreated(undefined);
              setSlot(undefined);
              setApplicant(EMPTY);
              setReason('');
              setDetails('');
              setRefreshKey((k) => k + 1);
            }}
          >
            Nuova prenotazione
          </button>
        </div>
      </>
    );
  }

  const set = (p: Partial<ApplicantForm>) => setApplicant((a) => ({ ...a, ...p }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const errs: typeof errors = {};
    if (!applicant.name.trim()) errs.name = 'Inserisci il nome.';
    if (!applicant.surname.trim()) errs.surname = 'Inserisci il cognome.';
    if (!EMAIL.test(applicant.email.trim())) errs.email = 'Inserisci un indirizzo email valido: il cittadino vi riceverà la conferma.';
    setErrors(errs);
    if (Object.keys(errs).length) {
      setError('Correggi i campi segnalati.');
      return;
    }
    if (!service || !slot) {
      setError('Scegli servizio, giorno e orario.');
      return;
    }
    setBusy(true);
    try {
      const body = {
        serviceId: service.id,
        start: slot.start,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(details.trim() ? { details: details.trim() } : {}),
        applicant: {
          name: applicant.name.trim(),
          surname: applicant.surname.trim(),
          email: applicant.email.trim(),
          ...(applicant.address.trim() ? { address: applicant.address.trim() } : {}),
        },
      };
      const res = await session.call<BookingCreated>('bookings', { method: 'POST', body });
      setCreated({ ...res, serviceName: service.name, who: `${body.applicant.name} ${body.applicant.surname}` });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SLOT_TAKEN') {
        setError(`${err.message} Scegli un altro orario: l'elenco è stato aggiornato.`);
        setSlot(undefined);
        setRefreshKey((k) => k + 1);
      } else {
        setError(errorMessage(err));
        if (err instanceof ApiError && err.fields.length) setError(`${err.message} ${err.fields.map((f) => f.message).join(' ')}`);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading key="form" title="Nuova prenotazione" />
      <p>Prenota un appuntamento per conto di un cittadino (per telefono o allo sportello). Il cittadino riceverà la conferma per email, come se avesse prenotato online.</p>
      <ErrorAlert message={offices.error} />
      {!list.length && !offices.error ? <p>Nessun ufficio con servizi attivi da prenotare.</p> : null}
      {office ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="mb-4">
            <legend className="h5">1. Ufficio e servizio</legend>
            <div className="row">
              <div className="col-md-6 mb-3">
                <SelectField
                  id="phone-office"
                  label="Ufficio"
                  value={office.id}
                  onChange={(v) => {
                    setOfficeId(v);
                    setServiceId(undefined);
                    setSlot(undefined);
                    rememberOffice(session.tenant.slug, v);
                  }}
                  options={list.map((o) => ({ value: o.id, label: o.name }))}
                />
              </div>
              <div className="col-md-6 mb-3">
                <SelectField
                  id="phone-service"
                  label="Servizio"
                  value={service?.id ?? ''}
                  onChange={(v) => {
                    setServiceId(v);
                    setSlot(undefined);
                  }}
                  options={services.map((s) => ({ value: s.id, label: `${s.name} (${minutesLabel(s.durationMinutes)}${s.mode === 'video' ? ', videochiamata' : ''})` }))}
                />
              </div>
            </div>
            {service?.requiresApproval ? (
              <p className="small">Questo servizio richiede l'approvazione: la prenotazione resterà «da approvare» finché non la confermi dall'agenda.</p>
            ) : null}
          </fieldset>

          {service ? (
            <fieldset className="mb-4">
              <legend className="h5">2. Giorno e orario</legend>
              <SlotPicker
                key={service.id}
                tenant={session.tenant.slug}
                serviceId={service.id}
                horizonDays={service.horizonDays}
                value={slot?.start}
                onChange={(chosen) => setSlot(chosen ?? undefined)}
                refreshKey={refreshKey}
              />
            </fieldset>
          ) : null}

          <fieldset className="mb-4">
            <legend className="h5">3. Richiedente</legend>
            <p className="small">I campi contrassegnati con * sono obbligatori.</p>
            <div className="row">
              <div className="col-md-6">
                <TextField id="phone-name" label="Nome" required value={applicant.name} onChange={(v) => set({ name: v })} maxLength={80} autoComplete="off" error={errors.name} />
              </div>
              <div className="col-md-6">
                <TextField
                  id="phone-surname"
                  label="Cognome"
                  required
                  value={applicant.surname}
                  onChange={(v) => set({ surname: v })}
                  maxLength={80}
                  autoComplete="off"
                  error={errors.surname}
                />
              </div>
              <div className="col-md-6">
                <TextField
                  id="phone-email"
                  label="Email"
                  type="email"
                  required
                  value={applicant.email}
                  onChange={(v) => set({ email: v })}
                  maxLength={254}
                  autoComplete="off"
                  error={errors.email}
                  hint="Il cittadino riceverà qui la conferma e il link per spostare o annullare."
                />
              </div>
              <div className="col-md-6">
                <TextField
                  id="phone-address"
                  label="Indirizzo di residenza (facoltativo)"
                  value={applicant.address}
                  onChange={(v) => set({ address: v })}
                  maxLength={200}
                  autoComplete="off"
                />
              </div>
              <div className="col-md-6">
                <TextField id="phone-reason" label="Motivo (facoltativo)" value={reason} onChange={setReason} maxLength={200} />
              </div>
              <div className="col-12">
                <TextArea label="Dettagli (facoltativo)" value={details} onChange={setDetails} maxLength={2000} />
              </div>
            </div>
          </fieldset>

          {slot ? (
            <p className="fw-semibold" data-testid="phone-summary">
              Appuntamento: {service?.name}, {when(slot.start)}.
            </p>
          ) : null}
          <ErrorAlert message={error} />
          <button type="submit" className="btn btn-primary" disabled={busy || !slot}>
            {busy ? 'Prenotazione in corso…' : 'Conferma prenotazione'}
          </button>
        </form>
      ) : null}
    </>
  );
}
