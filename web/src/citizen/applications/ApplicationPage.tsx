// A citizen's application: the guided form of a draft, step by step, saved on the server as they go
// ("Salva bozza", and at each step), checked as they type by the same rules as the server, then the
// one-screen summary with the privacy notice and "Invia"; once submitted, the protocol number, the
// receipt and the case as the office handles it (CaseView). The identity's data is shown, never asked.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApplicationAttachment, ApplicationDetail, SubmittedApplication } from '../../../../contracts/applications.ts';
import type { CitizenCase } from '../../../../contracts/cases.ts';
import { checkForm } from '../../../../contracts/forms/check.ts';
import { cleanData } from '../../../../contracts/forms/clean.ts';
import type { FormData as FormValues } from '../../../../contracts/forms/definition.ts';
import { api, ApiError, errorMessage } from '../../shared/api.ts';
import { euro, when } from '../../shared/format.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { areaPath } from '../area/sections.ts';
import { currentPath, loginPath, useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';
import { cardPagePath, servicesPath } from '../services/paths.ts';
import { Answers } from './Answers.tsx';
import { updateAt } from './form-data.ts';
import { CaseView } from './CaseView.tsx';
import { FeeStep, feeBefore } from './FeeStep.tsx';
import { goToCheckout } from '../payments/pay.ts';
import { domId, Fields } from './FormFields.tsx';

const time = (d: Date) => d.toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });

function Submitted({ app }: { app: ApplicationDetail }) {
  const t = useTenant();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <div className="callout success" ref={ref} tabIndex={-1} data-testid="application-submitted">
        <div className="callout-title">Domanda presentata</div>
        <p>
          La domanda è registrata al protocollo del {t.name} con il numero <strong data-testid="protocol-number">{app.protocol?.label}</strong> del{' '}
          {app.protocol ? when(app.protocol.registeredAt) : ''}.
        </p>
        <p className="mb-0">Ti abbiamo inviato la ricevuta anche per email. Non serve firmare: hai presentato la domanda dopo l’accesso con SPID o CIE.</p>
      </div>
      <p className="mt-3 d-flex flex-wrap gap-2">
        {app.receiptUrl ? (
          <a className="btn btn-primary" href={app.receiptUrl} download>
            Scarica la ricevuta (PDF)
          </a>
        ) : null}
        <Link className="btn btn-outline-primary" href={areaPath(t.slug, 'pratiche')}>
          Vai alle tue pratiche
        </Link>
      </p>
      <h2 className="h4 mt-4">Cosa hai presentato</h2>
      <Answers definition={app.form.definition} data={app.data} attachments={app.attachments} />
    </>
  );
}

function Wizard({ initial, onSubmitted }: { initial: ApplicationDetail; onSubmitted(s?: SubmittedApplication): void }) {
  const t = useTenant();
  const def = initial.form.definition;
  const [data, setData] = useState<FormValues>(() => initial.data);
  const [attachments, setAttachments] = useState<ApplicationAttachment[]>(initial.attachments);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const errorList = useRef<HTMLDivElement>(null);
  const url = `/api/v1/${t.slug}/me/applications/${initial.id}`;
  const steps = def.steps;
  const onSummary = step === steps.length;
  const current = steps[step];

  const save = async (next: FormValues = data): Promise<boolean> => {
    try {
      await api(url, { method: 'PUT', body: { data: next } });
      setNotice(`Bozza salvata alle ${time(new Date())}.`);
      return true;
    } catch (err) {
      setFailure(errorMessage(err));
      return false;
    }
  };

  const stepErrors = (i: number): Record<string, string> => {
    const s = steps[i]!;
    const all = checkForm(def, cleanData(def, data), 'submit');
    return Object.fromEntries(all.filter((e) => e.field.startsWith(`${s.id}.`)).map((e) => [e.field, e.message]));
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    requestAnimationFrame(() => errorList.current?.focus());
  };

  const go = async (to: number, check: boolean) => {
    setFailure(undefined);
    if (check && current) {
      const found = stepErrors(step);
      if (Object.keys(found).length) return showErrors(found);
    }
    setBusy(true);
    const ok = await save();
    setBusy(false);
    if (!ok) return;
    setErrors({});
    setStep(to);
    window.scrollTo({ top: 0 });
    requestAnimationFrame(() => document.getElementById('step-title')?.focus());
  };

  // The fee first (pagoPA), when the form asks for it before filing and it is not paid yet.
  const payFirst = feeBefore(def.fee) && initial.payment?.status !== 'paid';
  const submit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      if (!(await save())) return;
      if (payFirst) {
        const { paymentId } = await api<{ paymentId: string }>(`${url}/fee`, { method: 'POST' });
        await goToCheckout(t.slug, [paymentId]);
        return;
      }
      onSubmitted(await api<SubmittedApplication>(`${url}/submit`, { method: 'POST' }));
    } catch (err) {
      // Filed meanwhile (the fee's receipt filed it): show it.
      if (err instanceof ApiError && err.code === 'APPLICATION_SUBMITTED') return onSubmitted();
      if (err instanceof ApiError && err.fields.length) {
        const found = Object.fromEntries(err.fields.map((f) => [f.field, f.message]));
        const first = steps.findIndex((s) => err.fields.some((f) => f.field.startsWith(`${s.id}.`)));
        setStep(Math.max(first, 0));
        showErrors(found);
      } else setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const files = useMemo(() => new Map(attachments.map((a) => [a.id, a])), [attachments]);

  // As the citizen corrects a field, its error goes (or changes) at once: the fields already shown
  // with an error are checked again on every change; the others wait for "Avanti".
  useEffect(() => {
    if (!Object.keys(errors).length || onSummary) return;
    const now = stepErrors(step);
    const next = Object.fromEntries(
      Object.keys(errors)
        .filter((path) => now[path])
        .map((path) => [path, now[path]!]),
    );
    if (JSON.stringify(next) !== JSON.stringify(errors)) setErrors(next);
  }, [data]);
  const ctx = {
    errors,
    attachments: files,
    busy,
    async onUpload(fieldPath: string, valuePath: string, chosen: File[]) {
      setBusy(true);
      setFailure(undefined);
      try {
        let next = data;
        for (const file of chosen) {
          const form = new FormData();
          form.append('field', fieldPath);
          form.append('file', file);
          const added = await api<ApplicationAttachment>(`${url}/attachments`, { method: 'POST', form });
          setAttachments((a) => [...a, added]);
          next = updateAt(next, valuePath, (old) => [...((old as string[] | undefined) ?? []), added.id]);
        }
        setData(next);
        await save(next);
      } catch (err) {
        setErrors((e) => ({ ...e, [valuePath]: errorMessage(err) }));
      } finally {
        setBusy(false);
      }
    },
    async onRemoveFile(valuePath: string, id: string) {
      setBusy(true);
      try {
        await api(`${url}/attachments/${id}`, { method: 'DELETE' });
        setAttachments((a) => a.filter((x) => x.id !== id));
        const next = updateAt(data, valuePath, (old) => ((old as string[] | undefined) ?? []).filter((x) => x !== id));
        setData(next);
        await save(next);
      } catch (err) {
        setFailure(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
  };

  const listed = Object.entries(errors);
  return (
    <>
      <div className="steppers-header mb-3">
        <ul>
          {[...steps.map((s) => s.title), 'Riepilogo'].map((label, i) => (
            <li key={label} className={i < step ? 'confirmed' : i === step ? 'active' : ''} aria-current={i === step ? 'step' : undefined}>
              {label}
              <span className="visually-hidden">{i < step ? ' (completato)' : i === step ? ' (passo attuale)' : ''}</span>
            </li>
          ))}
          <li className="steppers-index" aria-hidden="true">
            {step + 1}/{steps.length + 1}
          </li>
        </ul>
      </div>
      <section className="card card-bg shadow-sm no-after mb-4" aria-labelledby="applicant-title" data-testid="application-applicant">
        <div className="card-body">
          <h2 className="h6" id="applicant-title">
            Richiedente
          </h2>
          <p className="mb-0">
            {initial.applicant.givenName} {initial.applicant.familyName} · codice fiscale <span className="font-monospace">{initial.applicant.fiscalCode}</span>
          </p>
          {initial.applicant.email || initial.applicant.phone ? (
            <p className="mb-0">
              {[initial.applicant.email ? `Email ${initial.applicant.email}` : '', initial.applicant.phone ? `telefono ${initial.applicant.phone}` : '']
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : null}
          <p className="small mb-0">
            Dati presi da SPID o CIE e dal tuo profilo: non devi inserirli. Puoi cambiare i contatti nelle{' '}
            <Link href={areaPath(t.slug, 'impostazioni')}>impostazioni dell’area personale</Link>.
          </p>
        </div>
      </section>
      <h2 className="h3" id="step-title" tabIndex={-1}>
        {onSummary ? 'Riepilogo' : current!.title}
      </h2>
      {current?.description ? <p>{current.description}</p> : null}
      <div ref={errorList} tabIndex={-1}>
        {listed.length ? (
          <div className="alert alert-danger" role="alert">
            <p className="mb-1 fw-semibold">Correggi {listed.length === 1 ? 'il campo evidenziato' : 'i campi evidenziati'}:</p>
            <ul className="mb-0">
              {listed.map(([path, message]) => (
                <li key={path}>
                  <a href={`#${domId(path)}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <ErrorAlert message={failure} />
      {onSummary ? (
        <>
          <p>Controlla i dati: dopo l’invio la domanda non si può più modificare.</p>
          <Answers definition={def} data={cleanData(def, data)} attachments={attachments} />
          {def.fee ? <FeeStep fee={def.fee} payment={initial.payment} slug={t.slug} /> : null}
          <section aria-labelledby="privacy-title" className="mt-4">
            <h3 className="h5" id="privacy-title">
              Informativa sul trattamento dei dati personali
            </h3>
            <p className="small">{def.privacy}</p>
          </section>
        </>
      ) : (
        <>
          <p className="small">I campi contrassegnati con * sono obbligatori.</p>
          <Fields
            fields={current!.fields}
            scope={data[current!.id] ?? {}}
            prefix={`${current!.id}.`}
            fieldPrefix={`${current!.id}.`}
            onChange={(next) => setData((d) => ({ ...d, [current!.id]: next }))}
            ctx={ctx}
          />
        </>
      )}
      <nav className="sportello-steps-nav mt-4" aria-label="Navigazione tra i passi">
        <button type="button" className="btn btn-outline-primary" onClick={() => void go(step - 1, false)} disabled={step === 0 || busy}>
          Indietro
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={() => void save()} disabled={busy}>
          Salva bozza
        </button>
        {onSummary ? (
          <button type="button" className="btn btn-primary steps-next" onClick={() => void submit()} disabled={busy}>
            {payFirst ? `Paga ${euro(def.fee!.amountCents)} e invia` : 'Invia'}
          </button>
        ) : (
          <button type="button" className="btn btn-primary steps-next" onClick={() => void go(step + 1, true)} disabled={busy}>
            Avanti
          </button>
        )}
      </nav>
      <p role="status" className="small mt-2">
        {notice}
      </p>
    </>
  );
}

export default function ApplicationPage({ id }: { id: string }) {
  const t = useTenant();
  const citizen = useCitizen();
  const [app, setApp] = useState<ApplicationDetail & CitizenCase>();
  const [error, setError] = useState<string>();
  const url = `/api/v1/${t.slug}/me/applications/${id}`;

  useEffect(() => {
    if (citizen.status === 'anonymous') navigate(loginPath(t.slug, currentPath()), { replace: true });
    if (citizen.status !== 'signed-in') return;
    api<ApplicationDetail & CitizenCase>(url)
      .then(setApp)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [citizen.status, t.slug, url]);

  // Back from paying the fee: the receipt files the application within moments; look again a few times.
  const [polls, setPolls] = useState(0);
  const filingAfterPayment = app?.status === 'draft' && app.payment?.status === 'paid' && feeBefore(app.form.definition.fee) && polls < 10;
  useEffect(() => {
    if (!filingAfterPayment) return;
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1);
      void api<ApplicationDetail & CitizenCase>(url).then(setApp);
    }, 2000);
    return () => window.clearTimeout(timer);
  }, [filingAfterPayment, url, app]);

  const title = app ? app.service.title : 'Domanda online';
  return (
    <>
      <Breadcrumb
        items={[
          { label: 'Home', href: `/${t.slug}` },
          { label: 'Servizi', href: servicesPath(t.slug) },
          ...(app ? [{ label: app.service.title, href: cardPagePath(t.slug, app.service.slug) }] : []),
          { label: 'Domanda' },
        ]}
      />
      <PageHeading title={title} />
      <ErrorAlert message={error} />
      {!app && !error ? <Loading /> : null}
      {app?.status === 'submitted' ? (
        <>
          {app.state === 'registered' ? <Submitted app={app} /> : null}
          <CaseView app={app} onChanged={() => void api<ApplicationDetail & CitizenCase>(url).then(setApp)} />
          {app.state !== 'registered' ? (
            <>
              <h2 className="h4 mt-4">Cosa hai presentato</h2>
              <Answers definition={app.form.definition} data={app.data} attachments={app.attachments} />
            </>
          ) : null}
        </>
      ) : null}
      {filingAfterPayment ? (
        <p role="status" className="callout success" data-testid="filing-after-payment">
          Pagamento ricevuto: stiamo inviando la domanda…
        </p>
      ) : null}
      {app?.status === 'draft' ? (
        <>
          {app.expiresAt ? <p className="small">La bozza resta salvata fino al {when(app.expiresAt)}: puoi riprenderla dalla tua area personale, sezione Pratiche.</p> : null}
          <Wizard initial={app} onSubmitted={() => api<ApplicationDetail & CitizenCase>(url).then(setApp)} />
        </>
      ) : null}
    </>
  );
}
