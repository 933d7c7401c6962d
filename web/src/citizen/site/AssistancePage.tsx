// "Richiesta d'assistenza" (Modello Comuni): what it is about, the service concerned, the question,
// and how to answer (prefilled for a logged-in citizen, whose names come from the identity). Sent,
// it shows the request's number; the receipt and then the answer arrive by email.
import { type FormEvent, useId, useState } from 'react';
import type { CatalogueList } from '../../../../contracts/service-cards.ts';
import { ASSISTANCE_CATEGORIES, type RequestReceipt } from '../../../../contracts/requests.ts';
import { api } from '../../shared/api.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link, useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';
import { areaPath } from '../area/sections.ts';
import { sitePaths } from './names.ts';
import { CategorySelect, CONTACT_LABELS, ContactFields, type Contacts, checkContacts, contactsBody, DescriptionField, type Errors, refusal, SendRow } from './request-form.tsx';

const LABELS: Record<string, string> = { ...CONTACT_LABELS, category: 'Argomento', serviceSlug: 'Servizio', description: 'Descrivi la richiesta' };

export default function AssistancePage() {
  const t = useTenant();
  const id = useId();
  const citizen = useCitizen();
  const me = citizen.status === 'signed-in' ? citizen.me.citizen : null;
  const services = useApi<CatalogueList>(`/api/v1/${t.slug}/catalogue`);
  const [form, setForm] = useState({ category: '', serviceSlug: useQueryParam('servizio') ?? '', description: '' });
  const [contacts, setContacts] = useState<Contacts>({ name: '', surname: '', email: '', phone: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [sent, setSent] = useState<RequestReceipt>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const sentTo = contactsBody(me, contacts).email;

  async function send(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const missing: Errors = checkContacts(me, contacts);
    if (!form.category) missing.category = "Scegli l'argomento.";
    if (form.description.trim().length < 10) missing.description = 'Descrivi la richiesta (almeno 10 caratteri).';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const body = { category: form.category, ...(form.serviceSlug ? { serviceSlug: form.serviceSlug } : {}), description: form.description.trim(), ...contactsBody(me, contacts) };
      setSent(await api<RequestReceipt>(`/api/v1/${t.slug}/assistance-requests`, { method: 'POST', body }));
    } catch (err) {
      const r = refusal(err, LABELS);
      setErrors(r.errors);
      setFailure(r.failure);
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
          <p className="mb-0">Ti abbiamo inviato una email di conferma a {sentTo}; la risposta arriverà allo stesso indirizzo.</p>
        </div>
        <p className="d-flex flex-wrap gap-3">
          {me ? <Link href={areaPath(t.slug, 'pratiche')}>Segui la richiesta nella tua area personale</Link> : null}
          <Link href={`/${t.slug}`}>Torna alla home</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <Breadcrumb items={crumbs} />
      <PageHeading title="Richiesta d'assistenza" description={`Chiedi aiuto al ${t.name} su un servizio: ti rispondiamo per email.`} />
      <p className="lead">
        Hai un dubbio o un problema con un servizio del Comune? Scrivici: ricevi subito un numero di richiesta e la risposta per email. Prima, puoi cercare tra le{' '}
        <Link href={sitePaths(t.slug).faq}>domande frequenti</Link>.
      </p>
      <form onSubmit={send} noValidate className="mt-4">
        <CategorySelect
          id={id}
          label={LABELS.category!}
          placeholder="Scegli l'argomento"
          options={ASSISTANCE_CATEGORIES}
          value={form.category}
          errors={errors}
          onChange={set('category')}
        />
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
        <DescriptionField
          id={id}
          label={LABELS.description}
          hint="Che cosa ti serve, e che cosa hai già provato. Non scrivere password o dati che non servono."
          value={form.description}
          errors={errors}
          onChange={set('description')}
        />
        <ContactFields
          id={id}
          me={me}
          value={contacts}
          errors={errors}
          onChange={(k, v) => setContacts((c) => ({ ...c, [k]: v }))}
          answerWhere="la risposta arriva anche nella tua area personale."
        />
        <SendRow failure={failure} busy={busy ? 'Invio in corso…' : undefined} label="Invia la richiesta" />
      </form>
    </>
  );
}
