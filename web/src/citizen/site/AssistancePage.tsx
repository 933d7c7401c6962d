// "Richiesta d'assistenza" (Modello Comuni): what it is about, the service concerned, the question,
// and how to answer (prefilled for a logged-in citizen, whose names come from the identity). Sent,
// it shows the request's number; the receipt and then the answer arrive by email.
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { CatalogueList } from '../../../../contracts/service-cards.ts';
import { ASSISTANCE_CATEGORIES, type RequestReceipt } from '../../../../contracts/requests.ts';
import { ApiError, api, errorMessage } from '../../shared/api.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link, useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';
import { sitePaths } from './names.ts';

const LABELS: Record<string, string> = {
  category: 'Argomento',
  serviceSlug: 'Servizio',
  description: 'Descrivi la richiesta',
  name: 'Nome',
  surname: 'Cognome',
  email: 'Email',
  phone: 'Telefono',
};

export default function AssistancePage() {
  const t = useTenant();
  const id = useId();
  const citizen = useCitizen();
  const me = citizen.status === 'signed-in' ? citizen.me.citizen : null;
  const services = useApi<CatalogueList>(`/api/v1/${t.slug}/catalogue`);
  const [form, setForm] = useState({ category: '', serviceSlug: useQueryParam('servizio') ?? '', description: '', name: '', surname: '', email: '', phone: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [sent, setSent] = useState<RequestReceipt>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const email = form.email || me?.email || '';

  async function send(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const missing: Record<string, string> = {};
    if (!form.category) missing.category = "Scegli l'argomento.";
    if (form.description.trim().length < 10) missing.description = 'Descrivi la richiesta (almeno 10 caratteri).';
    if (!me && !form.name.trim()) missing.name = 'Inserisci il nome.';
    if (!me && !form.surname.trim()) missing.surname = 'Inserisci il cognome.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) missing.email = "Inserisci un'email valida: la risposta arriva lì.";
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const body = {
        category: form.category,
        ...(form.serviceSlug ? { serviceSlug: form.serviceSlug } : {}),
        description: form.description.trim(),
        name: me?.givenName ?? form.name.trim(),
        surname: me?.familyName ?? form.surname.trim(),
        email: email.trim(),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      };
      setSent(await api<RequestReceipt>(`/api/v1/${t.slug}/assistance-requests`, { method: 'POST', body }));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(Object.fromEntries(err.fields.map((f) => [f.field, `${LABELS[f.field] ?? 'Dato'}: ${f.message}`])));
        setFailure('Controlla i campi evidenziati.');
      } else setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const crumbs = [{ label: 'Home', href: `/${t.slug}` }, { label: "Richiesta d'assistenza" }];
  if (sent) {
    return (
      <>
        <Breadcrumb items={crumbs} />
        <PageHeading title="Richiesta inviata" />
        <div className="alert alert-success" role="status">
          <p className="mb-1">
            La tua richiesta d'assistenza è la <strong data-testid="request-number">n. {sent.number}</strong>.
          </p>
          <p className="mb-0">Ti abbiamo inviato una email di conferma a {email}; la risposta arriverà allo stesso indirizzo.</p>
        </div>
        <p>
          <Link href={`/${t.slug}`}>Torna alla home</Link>
        </p>
      </>
    );
  }

  const field = (k: keyof typeof form, label: string, input: ReactNode, hint?: string) => (
    <div className="form-group">
      <label htmlFor={`${id}-${k}`} className="active">
        {label}
      </label>
      {input}
      {hint ? (
        <small id={`${id}-${k}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {errors[k] ? (
        <div className="invalid-feedback d-block" id={`${id}-${k}-error`}>
          {errors[k]}
        </div>
      ) : null}
    </div>
  );
  const described = (k: string, hint = false) => [hint ? `${id}-${k}-hint` : '', errors[k] ? `${id}-${k}-error` : ''].filter(Boolean).join(' ') || undefined;
  const text = (k: keyof typeof form, type = 'text', autoComplete?: string, max = 100) => (
    <input
      id={`${id}-${k}`}
      type={type}
      className={`form-control${errors[k] ? ' is-invalid' : ''}`}
      value={k === 'email' ? email : form[k]}
      maxLength={max}
      autoComplete={autoComplete}
      aria-invalid={errors[k] ? true : undefined}
      aria-describedby={described(k)}
      onChange={(e) => set(k)(e.target.value)}
    />
  );

  return (
    <>
      <Breadcrumb items={crumbs} />
      <PageHeading title="Richiesta d'assistenza" description={`Chiedi aiuto al ${t.name} su un servizio: ti rispondiamo per email.`} />
      <p className="lead">
        Hai un dubbio o un problema con un servizio del Comune? Scrivici: ricevi subito un numero di richiesta e la risposta per email. Prima, puoi cercare tra le{' '}
        <Link href={sitePaths(t.slug).faq}>domande frequenti</Link>.
      </p>
      <form onSubmit={send} noValidate className="mt-4">
        <div className="select-wrapper mb-4">
          <label htmlFor={`${id}-category`}>{LABELS.category}</label>
          <select
            id={`${id}-category`}
            value={form.category}
            onChange={(e) => set('category')(e.target.value)}
            aria-describedby={described('category')}
            aria-invalid={errors.category ? true : undefined}
          >
            <option value="">Scegli l'argomento</option>
            {ASSISTANCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {errors.category ? (
            <div className="invalid-feedback d-block" id={`${id}-category-error`}>
              {errors.category}
            </div>
          ) : null}
        </div>
        <div className="select-wrapper mb-4">
          <label htmlFor={`${id}-service`}>{LABELS.serviceSlug} (facoltativo)</label>
          <select id={`${id}-service`} value={form.serviceSlug} onChange={(e) => set('serviceSlug')(e.target.value)}>
            <option value="">Nessun servizio in particolare</option>
            {services.data?.services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        {field(
          'description',
          LABELS.description,
          <textarea
            id={`${id}-description`}
            className={`form-control${errors.description ? ' is-invalid' : ''}`}
            rows={5}
            maxLength={4000}
            value={form.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={described('description', true)}
            onChange={(e) => set('description')(e.target.value)}
          />,
          'Che cosa ti serve, e che cosa hai già provato. Non scrivere password o dati che non servono.',
        )}
        <fieldset className="mt-4">
          <legend className="h5">I tuoi contatti</legend>
          {me ? (
            <p>
              Scrivi come{' '}
              <strong>
                {me.givenName} {me.familyName}
              </strong>{' '}
              (accesso con identità digitale): la risposta arriva anche nella tua area personale.
            </p>
          ) : (
            <div className="row">
              <div className="col-12 col-md-6">{field('name', LABELS.name, text('name', 'text', 'given-name'))}</div>
              <div className="col-12 col-md-6">{field('surname', LABELS.surname, text('surname', 'text', 'family-name'))}</div>
            </div>
          )}
          <div className="row">
            <div className="col-12 col-md-6">{field('email', LABELS.email, text('email', 'email', 'email', 254))}</div>
            <div className="col-12 col-md-6">{field('phone', `${LABELS.phone} (facoltativo)`, text('phone', 'tel', 'tel', 40))}</div>
          </div>
        </fieldset>
        {failure ? (
          <div className="alert alert-danger" role="alert">
            {failure}
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Invio in corso…' : 'Invia la richiesta'}
        </button>
      </form>
    </>
  );
}
