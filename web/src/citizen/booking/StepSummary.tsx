// Step 5, Riepilogo: the whole request in plain text on one screen, with a way back to each part, and
// the consent to the service's own privacy notice.
import type { ReactNode } from 'react';
import type { Office, Service } from '../../../../contracts/catalogue.ts';
import type { CitizenProfile } from '../../../../contracts/identity.ts';
import { Link } from '../../shared/router.tsx';
import { time, when } from '../../shared/format.ts';
import { useTenant } from '../tenant.ts';
import type { Draft } from './draft.ts';
import { identitySource } from './identity.ts';

export function StepSummary(props: {
  draft: Draft;
  office: Office | undefined;
  service: Service | undefined;
  onEdit(step: number): void;
  consent: boolean;
  consentError: string | undefined;
  onConsent(v: boolean): void;
  /** Logged in: the applicant's name and residence come from SPID/CIE (draft.applicant already has them). */
  identity: CitizenProfile | null;
}) {
  const t = useTenant();
  const { draft, office, service, identity } = props;
  const a = draft.applicant;
  return (
    <>
      <p>Controlla i dati e conferma. Riceverai un'email con il riepilogo e il link per gestire l'appuntamento.</p>
      <Section title="Luogo" edit={<EditButton onEdit={props.onEdit} step={1} what="luogo e servizio" />}>
        <dt>Ufficio</dt>
        <dd>
          {office?.name}
          <br />
          {service?.mode === 'video' ? 'Appuntamento in videochiamata' : office?.address}
        </dd>
        <dt>Servizio</dt>
        <dd>{service?.name}</dd>
      </Section>
      <Section title="Data e orario" edit={<EditButton onEdit={props.onEdit} step={2} what="data e orario" />}>
        <dt>Quando</dt>
        <dd>{draft.start ? `${when(draft.start)}${draft.end ? ` – ${time(draft.end)}` : ''}` : '—'}</dd>
      </Section>
      <Section title="Dettagli appuntamento" edit={<EditButton onEdit={props.onEdit} step={3} what="dettagli" />}>
        <dt>Motivo</dt>
        <dd>{draft.reason.trim() || 'Non indicato'}</dd>
        <dt>Dettagli</dt>
        <dd>{draft.details.trim() || 'Non indicati'}</dd>
        {service?.whatToBring ? (
          <>
            <dt>Cosa portare</dt>
            <dd>{service.whatToBring}</dd>
          </>
        ) : null}
      </Section>
      <Section title="Richiedente" edit={<EditButton onEdit={props.onEdit} step={4} what="richiedente" />}>
        <dt>Nome e cognome</dt>
        <dd>
          {a.name} {a.surname}
          {identity ? <span className="small d-block">{identitySource(identity)}</span> : null}
        </dd>
        {identity ? (
          <>
            <dt>Codice fiscale</dt>
            <dd className="font-monospace">{identity.fiscalCode}</dd>
          </>
        ) : null}
        <dt>Email</dt>
        <dd>{a.email}</dd>
        {a.address.trim() ? (
          <>
            <dt>Indirizzo di residenza</dt>
            <dd>{a.address}</dd>
          </>
        ) : null}
      </Section>
      <div className="form-check mt-4">
        <input
          id="privacy"
          type="checkbox"
          checked={props.consent}
          onChange={(e) => props.onConsent(e.target.checked)}
          aria-invalid={props.consentError ? true : undefined}
          aria-describedby={props.consentError ? 'privacy-error' : undefined}
        />
        <label htmlFor="privacy">
          Ho letto e compreso l'
          <Link href={service ? `/${t.slug}/privacy/servizi/${encodeURIComponent(service.id)}` : `/${t.slug}/privacy`} target="_blank">
            informativa sulla privacy
          </Link>
        </label>
        {props.consentError ? (
          <p className="text-danger fw-semibold" id="privacy-error" role="alert">
            {props.consentError}
          </p>
        ) : null}
      </div>
    </>
  );
}

function Section({ title, edit, children }: { title: string; edit: ReactNode; children: ReactNode }) {
  return (
    <section className="card card-bg shadow-sm mb-3">
      <div className="card-body">
        <div className="d-flex justify-content-between align-items-baseline">
          <h3 className="h5">{title}</h3>
          {edit}
        </div>
        <dl className="summary-list mb-0">{children}</dl>
      </div>
    </section>
  );
}

function EditButton({ step, what, onEdit }: { step: number; what: string; onEdit: (step: number) => void }) {
  return (
    <button type="button" className="btn btn-link p-0" onClick={() => onEdit(step)}>
      Modifica<span className="visually-hidden"> {what}</span>
    </button>
  );
}
