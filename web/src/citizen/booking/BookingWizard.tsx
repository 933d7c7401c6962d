// The five-step booking flow of Modello Comuni: Luogo → Data e orario → Dettagli appuntamento →
// Richiedente → Riepilogo. A hold is taken when the citizen leaves "Data e orario"; the booking
// itself is checked again by the server in one transaction at confirmation.
import { useEffect, useRef, useState } from 'react';
import type { BookingCreated, HoldResponse } from '../../../../contracts/booking.ts';
import type { Office, Service } from '../../../../contracts/catalogue.ts';
import { api, ApiError, errorMessage } from '../../shared/api.ts';
import { ErrorAlert, PageHeading } from '../../shared/Page.tsx';
import { navigate, useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';
import { CONFIRMATION_KEY, confirmationState } from './Confirmation.tsx';
import { currentPath, loginPath, refreshCitizen, useCitizen } from '../session.ts';
import {
  bookingRequest,
  clearDraft,
  emptyDraft,
  loadDraft,
  saveDraft,
  stashDraftForLogin,
  takeStashedDraft,
  validateApplicant,
  type ApplicantErrors,
  type Draft,
} from './draft.ts';
import { effectiveApplicant } from './identity.ts';
import { SlotPicker } from './SlotPicker.tsx';
import { StepApplicant } from './StepApplicant.tsx';
import { StepDetails } from './StepDetails.tsx';
import { StepPlace } from './StepPlace.tsx';
import { StepSummary } from './StepSummary.tsx';
import { StepperHeader, StepperNav, STEPS } from './Stepper.tsx';

export function BookingWizard() {
  const t = useTenant();
  const qOffice = useQueryParam('ufficio');
  const qService = useQueryParam('servizio');
  const citizen = useCitizen();
  const identity = citizen.status === 'signed-in' ? citizen.me.citizen : null;
  const [restored, setRestored] = useState<'saved' | 'login' | null>(null);
  const [draft, setDraft] = useState<Draft>(() => {
    // Back from logging in (the request was kept in this tab), else a request saved on this device.
    const stashed = takeStashedDraft(t.slug);
    const saved = stashed ?? loadDraft(t.slug);
    if (saved && (!qService || saved.serviceId === qService)) {
      setTimeout(() => setRestored(stashed ? 'login' : 'saved'));
      return saved;
    }
    return { ...emptyDraft(), officeId: qOffice ?? undefined, serviceId: qService ?? undefined };
  });
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [placeErrors, setPlaceErrors] = useState<{ office?: string; service?: string }>({});
  const [applicantErrors, setApplicantErrors] = useState<ApplicantErrors>({});
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const offices = useApi<{ offices: Office[] }>(`/api/v1/${t.slug}/offices`);
  const services = useApi<{ services: Service[] }>(draft.officeId ? `/api/v1/${t.slug}/offices/${draft.officeId}/services` : null);
  const office = offices.data?.offices.find((o) => o.id === draft.officeId);
  const applicant = effectiveApplicant(draft.applicant, identity);
  const identityEmail = identity?.email;
  const service = services.data?.services.find((s) => s.id === draft.serviceId);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
    window.scrollTo(0, 0);
  }, [draft.step]);

  // Logged in: the email starts as the citizen's own (editable).
  useEffect(() => {
    if (identityEmail) setDraft((d) => (d.applicant.email ? d : { ...d, applicant: { ...d.applicant, email: identityEmail } }));
  }, [identityEmail]);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const go = (step: number) => {
    setError(undefined);
    setNotice(undefined);
    update({ step });
  };

  async function takeHold(): Promise<boolean> {
    if (draft.holdId && draft.holdExpiresAt && Date.parse(draft.holdExpiresAt) > Date.now() + 30_000) return true;
    try {
      const hold = await api<HoldResponse>(`/api/v1/${t.slug}/holds`, { method: 'POST', body: { serviceId: draft.serviceId, start: draft.start } });
      update({ holdId: hold.id, holdExpiresAt: hold.expiresAt });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError(`${err.message} Scegli un altro orario tra quelli ancora liberi.`);
        update({ start: undefined, end: undefined, holdId: undefined, holdExpiresAt: undefined });
        setRefreshKey((k) => k + 1);
        return false;
      }
      setError(errorMessage(err));
      return false;
    }
  }

  function releaseHold(): void {
    if (!draft.holdId) return;
    void api(`/api/v1/${t.slug}/holds/${draft.holdId}`, { method: 'DELETE' }).catch(() => undefined);
  }

  async function submit(): Promise<void> {
    try {
      const booking = await api<BookingCreated>(`/api/v1/${t.slug}/bookings`, {
        method: 'POST',
        headers: { 'idempotency-key': draft.idempotencyKey },
        body: bookingRequest(draft, applicant),
      });
      sessionStorage.setItem(CONFIRMATION_KEY, JSON.stringify(confirmationState(booking, applicant.email.trim(), service, office)));
      clearDraft(t.slug);
      // The confirmation is also a new message in the personal area: the header's count follows.
      if (identity) void refreshCitizen();
      navigate(`/${t.slug}/prenota-appuntamento/conferma`, { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 0) {
        // Network trouble: keep the idempotency key, so pressing Conferma again cannot book twice.
        setError(errorMessage(err));
        return;
      }
      update({ idempotencyKey: crypto.randomUUID() });
      if (err.code === 'SLOT_TAKEN') {
        setError(`${err.message} Scegli un altro orario: gli altri dati restano quelli inseriti.`);
        update({ step: 2, start: undefined, end: undefined, holdId: undefined, holdExpiresAt: undefined, idempotencyKey: crypto.randomUUID() });
        setRefreshKey((k) => k + 1);
        return;
      }
      setError(err.fields.length ? `${err.message} ${err.fields.map((f) => f.message).join(' ')}` : err.message);
    }
  }

  async function next(): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    if (draft.step === 1) {
      const errs = { office: draft.officeId ? undefined : "Seleziona l'ufficio.", service: draft.serviceId ? undefined : 'Seleziona il servizio.' };
      setPlaceErrors(errs);
      if (errs.office || errs.service) return;
      return go(2);
    }
    if (draft.step === 2) {
      if (!draft.start) return setError('Seleziona un giorno e un orario.');
      setBusy(true);
      const ok = await takeHold();
      setBusy(false);
      if (ok) go(3);
      return;
    }
    if (draft.step === 3) return go(4);
    if (draft.step === 4) {
      const errs = validateApplicant(applicant);
      setApplicantErrors(errs);
      if (Object.keys(errs).length) return;
      return go(5);
    }
    if (!consent) {
      setConsentError("Per confermare devi dichiarare di aver letto l'informativa sulla privacy.");
      return;
    }
    setBusy(true);
    await submit();
    setBusy(false);
  }

  function save(): void {
    saveDraft(t.slug, draft);
    setNotice('Richiesta salvata su questo dispositivo: potrai riprenderla da qui in seguito.');
  }

  function restart(): void {
    releaseHold();
    clearDraft(t.slug);
    setRestored(null);
    setDraft(emptyDraft());
  }

  const stepTitle = STEPS[draft.step - 1]!;
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Prenotazione appuntamento' }]} />
      <PageHeading title="Prenotazione appuntamento" />
      {restored ? (
        <div className="alert alert-info" role="status">
          {restored === 'login' ? "Abbiamo ripreso la richiesta da dove l'avevi lasciata." : 'Abbiamo ripreso la richiesta che avevi salvato.'}{' '}
          <button type="button" className="btn btn-link p-0 align-baseline" onClick={restart}>
            Ricomincia da capo
          </button>
        </div>
      ) : null}
      <div className="steppers">
        <StepperHeader step={draft.step} />
        <div className="steppers-content pt-4">
          {/* On a phone the stepper shows no counter: say where one is (screen readers hear it in the heading). */}
          <p className="d-lg-none small fw-semibold text-uppercase mb-1" aria-hidden="true">
            Passo {draft.step} di {STEPS.length}
          </p>
          <h2 className="h3" ref={stepHeading} tabIndex={-1}>
            <span className="visually-hidden">
              Passo {draft.step} di {STEPS.length}:{' '}
            </span>
            {stepTitle}
          </h2>
          <ErrorAlert message={error} />
          {notice ? (
            <div className="alert alert-success" role="status">
              {notice}
            </div>
          ) : null}
          {draft.step === 1 ? (
            <StepPlace
              offices={offices.data?.offices}
              services={services.data?.services}
              loadError={offices.error ?? services.error}
              officeId={draft.officeId}
              serviceId={draft.serviceId}
              errors={placeErrors}
              onOffice={(officeId) => {
                releaseHold();
                update({ officeId, serviceId: undefined, start: undefined, end: undefined, holdId: undefined, holdExpiresAt: undefined });
              }}
              onService={(serviceId) => {
                releaseHold();
                update({ serviceId, start: undefined, end: undefined, holdId: undefined, holdExpiresAt: undefined });
              }}
            />
          ) : null}
          {draft.step === 2 && service ? (
            <>
              <p>
                {service.name} — durata {service.durationMinutes} minuti, {service.mode === 'video' ? 'in videochiamata' : `presso ${office?.name ?? "l'ufficio"}`}.
              </p>
              <SlotPicker
                tenant={t.slug}
                serviceId={service.id}
                horizonDays={service.horizonDays}
                value={draft.start}
                refreshKey={refreshKey}
                onChange={(slot) => {
                  if (slot?.start !== draft.start) releaseHold();
                  if (!slot) update({ start: undefined, end: undefined, holdId: undefined });
                  else update({ start: slot.start, end: slot.end, holdId: slot.start === draft.start ? draft.holdId : undefined });
                }}
              />
            </>
          ) : null}
          {draft.step === 3 ? <StepDetails reason={draft.reason} details={draft.details} onChange={(p) => update(p)} /> : null}
          {draft.step === 4 ? (
            <StepApplicant
              applicant={applicant}
              errors={applicantErrors}
              onChange={(a) => update({ applicant: { ...draft.applicant, ...a } })}
              identity={identity}
              login={citizen.status === 'anonymous' ? { href: loginPath(t.slug, currentPath()), onFollow: () => stashDraftForLogin(t.slug, draft) } : null}
            />
          ) : null}
          {draft.step === 5 ? (
            <StepSummary
              draft={{ ...draft, applicant }}
              identity={identity}
              office={office}
              service={service}
              onEdit={go}
              consent={consent}
              consentError={consentError}
              onConsent={(v) => {
                setConsent(v);
                if (v) setConsentError(undefined);
              }}
            />
          ) : null}
        </div>
        <StepperNav
          step={draft.step}
          busy={busy}
          onBack={() => go(draft.step - 1)}
          onSave={save}
          onNext={() => void next()}
          nextLabel={draft.step === 5 ? (busy ? 'Invio in corso…' : 'Conferma appuntamento') : undefined}
        />
      </div>
    </>
  );
}
