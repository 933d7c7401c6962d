// The visual editor of an online service's form (admins): steps, fields, options, required, show-when
// conditions, repeatable groups and attachments, with a live preview drawn by the same components as
// the citizen's page and the same checks. Saving makes a new version; applications already started
// keep the version they were started with.
import { useEffect, useState } from 'react';
import { checkForm } from '../../../../contracts/forms/check.ts';
import { cleanData } from '../../../../contracts/forms/clean.ts';
import type { FormData as FormValues, FormDefinition, StepDef } from '../../../../contracts/forms/definition.ts';
import { definitionProblems } from '../../../../contracts/forms/problems.ts';
import type { AdminServiceCard } from '../../../../contracts/service-cards.ts';
import { Fields } from '../../citizen/applications/FormFields.tsx';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, FocusHeading, OutcomeAlert, type Outcome, SelectField, TextArea, TextField } from '../ui.tsx';
import { FieldList, keyOf, move } from './FieldListEditor.tsx';

const EMPTY: FormDefinition = {
  level: 2,
  privacy: 'Il Comune tratta i dati della domanda per svolgere il procedimento richiesto (art. 6, par. 1, lett. e, GDPR).',
  steps: [{ id: 'richiesta', title: 'La richiesta', fields: [{ id: 'descrizione', label: 'Descrivi la richiesta', type: 'textarea', required: true }] }],
};

function Preview({ def, step }: { def: FormDefinition; step: number }) {
  const [data, setData] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const s = def.steps[step];
  if (!s) return null;
  const ctx = { errors, attachments: new Map(), busy: false, onUpload() {}, onRemoveFile() {} };
  return (
    <section aria-labelledby="preview-title" className="card card-bg shadow-sm no-after">
      <div className="card-body">
        <h2 className="h5" id="preview-title">
          Anteprima: {s.title}
        </h2>
        <p className="small">Come la vede il cittadino. Gli allegati non si caricano in anteprima.</p>
        <Fields fields={s.fields} scope={data[s.id] ?? {}} prefix={`${s.id}.`} fieldPrefix={`${s.id}.`} onChange={(next) => setData((d) => ({ ...d, [s.id]: next }))} ctx={ctx} />
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() =>
            setErrors(
              Object.fromEntries(
                checkForm(def, cleanData(def, data), 'submit')
                  .filter((e) => e.field.startsWith(`${s.id}.`))
                  .map((e) => [e.field, e.message]),
              ),
            )
          }
        >
          Prova la verifica
        </button>
      </div>
    </section>
  );
}

export function FormEditor({ card, onClose }: { card: AdminServiceCard; onClose(): void }) {
  const session = useSession();
  // The comune's kinds of income, for the fee (pagoPA).
  const kinds = useOperatorApi<{ kinds: Array<{ code: string; label: string }> }>('payments/settings');
  const [def, setDef] = useState<FormDefinition | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [step, setStep] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    session
      .call<{ form: { version: number; definition: FormDefinition } | null }>(`admin/service-cards/${card.id}/form`)
      .then((r) => {
        setDef(r.form?.definition ?? EMPTY);
        setVersion(r.form?.version ?? null);
      })
      .catch((err: unknown) => setLoadError(describeError(err)));
  }, [session, card.id]);

  if (loadError) return <ErrorAlert message={loadError} />;
  if (!def) return <Loading />;
  const problems = definitionProblems(def);
  const current = def.steps[step] ?? def.steps[0]!;
  const setSteps = (steps: StepDef[]) => setDef({ ...def, steps });
  const setStepAt = (p: Partial<StepDef>) => setSteps(def.steps.map((s, i) => (i === step ? { ...s, ...p } : s)));

  const save = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const r = await session.call<{ form: { version: number } }>(`admin/service-cards/${card.id}/form`, { method: 'PUT', body: { definition: def } });
      setVersion(r.form.version);
      setOutcome({ ok: true, message: `Modulo salvato: versione ${r.form.version}. Le domande già iniziate restano sulla loro versione.` });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="mt-3" aria-labelledby="form-editor-title">
      <FocusHeading className="h4">
        <span id="form-editor-title">
          Modulo online: {card.title} {version ? `(versione ${version})` : '(nuovo)'}
        </span>
      </FocusHeading>
      <div className="row">
        <div className="col-lg-6">
          <nav aria-label="Passi del modulo" className="mb-3 d-flex flex-wrap gap-2">
            {def.steps.map((s, i) => (
              <button
                key={`${s.id}-${i}`}
                type="button"
                className={`btn btn-sm ${i === step ? 'btn-primary' : 'btn-outline-primary'}`}
                aria-pressed={i === step}
                onClick={() => setStep(i)}
              >
                {i + 1}. {s.title}
              </button>
            ))}
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              onClick={() => {
                setSteps([
                  ...def.steps,
                  {
                    id: keyOf(
                      'passo',
                      def.steps.map((s) => s.id),
                    ),
                    title: 'Nuovo passo',
                    fields: [{ id: 'campo', label: 'Nuovo campo', type: 'text' }],
                  },
                ]);
                setStep(def.steps.length);
              }}
            >
              Aggiungi passo
            </button>
          </nav>
          <TextField id="step-title-input" label="Titolo del passo" value={current.title} onChange={(v) => setStepAt({ title: v })} maxLength={200} />
          <TextField id="step-id-input" label="Chiave del passo" value={current.id} onChange={(v) => setStepAt({ id: v })} maxLength={40} />
          <TextArea
            label="Spiegazione del passo (facoltativa)"
            value={current.description ?? ''}
            onChange={(v) => setStepAt({ description: v || undefined })}
            maxLength={2000}
            rows={2}
          />
          <p className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-link btn-sm p-0"
              onClick={() => {
                setSteps(move(def.steps, step, -1));
                setStep(Math.max(0, step - 1));
              }}
              disabled={step === 0}
            >
              Sposta il passo prima
            </button>
            <button
              type="button"
              className="btn btn-link btn-sm p-0"
              onClick={() => {
                setSteps(move(def.steps, step, 1));
                setStep(Math.min(def.steps.length - 1, step + 1));
              }}
              disabled={step === def.steps.length - 1}
            >
              Sposta il passo dopo
            </button>
            <button
              type="button"
              className="btn btn-link btn-sm p-0 text-danger"
              onClick={() => {
                setSteps(def.steps.filter((_, i) => i !== step));
                setStep(0);
              }}
              disabled={def.steps.length === 1}
            >
              Elimina il passo
            </button>
          </p>
          <h3 className="h5">Campi del passo</h3>
          <FieldList key={step} fields={current.fields} onChange={(fields) => setStepAt({ fields })} allowGroup idPrefix={`s${step}`} />
          <SelectField
            id="form-level"
            label="Accesso richiesto"
            value={String(def.level ?? 2)}
            onChange={(v) => setDef({ ...def, level: Number(v) as 1 | 2 | 3 })}
            options={[
              { value: '2', label: 'SPID livello 2 o CIE' },
              { value: '3', label: 'SPID livello 3 o CIE' },
            ]}
            className="mb-4"
          />
          <TextField
            id="form-fee"
            label="Costo in euro (facoltativo)"
            type="number"
            min={0}
            value={def.fee ? String(def.fee.amountCents / 100) : ''}
            onChange={(v) =>
              setDef({
                ...def,
                fee: Number(v) > 0 ? { ...def.fee, amountCents: Math.round(Number(v) * 100), description: def.fee?.description ?? 'Diritti di istruttoria' } : undefined,
              })
            }
            hint="Si paga con pagoPA: prima dell'invio (la domanda parte quando arriva il pagamento) o dopo, come scegli qui sotto."
          />
          {def.fee ? (
            <>
              <TextField
                id="form-fee-description"
                label="Causale del pagamento"
                value={def.fee.description}
                onChange={(v) => setDef({ ...def, fee: { ...def.fee!, description: v } })}
                maxLength={140}
              />
              <SelectField
                id="form-fee-when"
                label="Quando si paga"
                value={def.fee.when ?? 'before'}
                onChange={(v) => setDef({ ...def, fee: { ...def.fee!, when: v as 'before' | 'after' } })}
                options={[
                  { value: 'before', label: "Prima dell'invio della domanda" },
                  { value: 'after', label: "Dopo l'invio (l'avviso arriva nell'area personale)" },
                ]}
                className="mb-4"
              />
              <SelectField
                id="form-fee-kind"
                label="Tipo di entrata (pagoPA)"
                value={def.fee.kind ?? 'diritti-segreteria'}
                onChange={(v) => setDef({ ...def, fee: { ...def.fee!, kind: v } })}
                options={(kinds.data?.kinds.length ? kinds.data.kinds : [{ code: 'diritti-segreteria', label: 'Diritti di segreteria' }]).map((k) => ({
                  value: k.code,
                  label: k.label,
                }))}
                className="mb-4"
              />
            </>
          ) : null}
          <TextArea label="Informativa privacy del servizio" value={def.privacy} onChange={(v) => setDef({ ...def, privacy: v })} maxLength={5000} rows={4} />
          <TextArea
            label="Testo del provvedimento di accoglimento (facoltativo)"
            hint="Segnaposto: {richiedente}, {codiceFiscale}, {servizio}, {protocollo}, {dataDomanda}, {testo} (quello che scrive l'operatore)."
            value={def.decision?.accepted ?? ''}
            onChange={(v) => setDef({ ...def, decision: { ...def.decision, accepted: v || undefined } })}
            maxLength={5000}
            rows={4}
          />
          <TextArea
            label="Testo del provvedimento di rigetto (facoltativo)"
            hint="Gli stessi segnaposto; {testo} sono i motivi scritti dall'operatore."
            value={def.decision?.rejected ?? ''}
            onChange={(v) => setDef({ ...def, decision: { ...def.decision, rejected: v || undefined } })}
            maxLength={5000}
            rows={4}
          />
        </div>
        <div className="col-lg-6">
          <Preview key={`${step}-${current.id}`} def={def} step={step} />
        </div>
      </div>
      {problems.length ? (
        <div className="alert alert-warning mt-3" role="status">
          <p className="mb-1 fw-semibold">Da sistemare prima di salvare:</p>
          <ul className="mb-0">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="d-flex flex-wrap gap-2 mt-3">
        <button type="button" className="btn btn-primary" disabled={busy || problems.length > 0} onClick={() => void save()}>
          Salva il modulo
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
          Chiudi
        </button>
      </div>
      <OutcomeAlert outcome={outcome} />
    </section>
  );
}
