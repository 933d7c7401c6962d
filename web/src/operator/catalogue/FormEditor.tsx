// The visual editor of an online service's form (admins): steps, fields, options, required, show-when
// conditions, repeatable groups and attachments, with a live preview drawn by the same components as
// the citizen's page and the same checks. Saving makes a new version; applications already started
// keep the version they were started with.
import { useEffect, useState } from 'react';
import { checkForm } from '../../../../contracts/forms/check.ts';
import { cleanData } from '../../../../contracts/forms/clean.ts';
import {
  FILE_KINDS,
  type FieldDef,
  type FileKind,
  type FormData as FormValues,
  type FormDefinition,
  type LeafFieldDef,
  type StepDef,
} from '../../../../contracts/forms/definition.ts';
import { definitionProblems } from '../../../../contracts/forms/problems.ts';
import type { AdminServiceCard } from '../../../../contracts/service-cards.ts';
import { Fields } from '../../citizen/applications/FormFields.tsx';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useSession } from '../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, type Outcome, SelectField, TextArea, TextField } from '../ui.tsx';

const TYPES: Array<[FieldDef['type'], string]> = [
  ['text', 'Testo breve'],
  ['textarea', 'Testo lungo'],
  ['number', 'Numero'],
  ['date', 'Data'],
  ['radio', 'Scelta singola (pulsanti)'],
  ['select', 'Scelta singola (elenco)'],
  ['checkboxes', 'Scelta multipla'],
  ['boolean', 'Casella di conferma'],
  ['fiscalCode', 'Codice fiscale'],
  ['iban', 'IBAN'],
  ['email', 'Email'],
  ['phone', 'Telefono'],
  ['address', 'Indirizzo'],
  ['file', 'Allegato'],
  ['group', 'Gruppo ripetibile'],
];

const keyOf = (label: string, taken: string[]) => {
  const words = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4);
  const base = (words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('') || 'campo').replace(/^[0-9]+/, '').slice(0, 30) || 'campo';
  let key = /^[a-z]/.test(base) ? base : `c${base}`;
  for (let n = 2; taken.includes(key); n++) key = `${base}${n}`;
  return key;
};
const optionValue = (label: string) =>
  label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'opzione';

function newField(type: FieldDef['type'], taken: string[]): FieldDef {
  const label = TYPES.find(([t]) => t === type)![1];
  const id = keyOf(label, taken);
  if (type === 'radio' || type === 'select' || type === 'checkboxes')
    return {
      id,
      label,
      type,
      options: [
        { value: 'prima-opzione', label: 'Prima opzione' },
        { value: 'seconda-opzione', label: 'Seconda opzione' },
      ],
    };
  if (type === 'file') return { id, label, type, accept: ['pdf'], maxFiles: 1, maxMb: 10 };
  if (type === 'group') return { id, label, type, itemLabel: 'Elemento', fields: [{ id: 'nome', label: 'Nome', type: 'text', required: true }] };
  return { id, label, type } as FieldDef;
}

const EMPTY: FormDefinition = {
  level: 2,
  privacy: 'Il Comune tratta i dati della domanda per svolgere il procedimento richiesto (art. 6, par. 1, lett. e, GDPR).',
  steps: [{ id: 'richiesta', title: 'La richiesta', fields: [{ id: 'descrizione', label: 'Descrivi la richiesta', type: 'textarea', required: true }] }],
};

function move<T>(list: T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return copy;
}

function FieldEditor({ f, earlier, onChange, idPrefix }: { f: FieldDef; earlier: FieldDef[]; onChange(f: FieldDef): void; idPrefix: string }) {
  const set = (p: Partial<FieldDef>) => onChange({ ...f, ...p } as FieldDef);
  const conditions = earlier.filter((x) => x.type === 'radio' || x.type === 'select' || x.type === 'boolean');
  const target = conditions.find((x) => x.id === f.showWhen?.field);
  return (
    <div className="border-start ps-3 mb-2">
      <TextField id={`${idPrefix}-label`} label="Etichetta" value={f.label} onChange={(v) => set({ label: v })} maxLength={200} />
      <TextField
        id={`${idPrefix}-id`}
        label="Chiave nei dati"
        value={f.id}
        onChange={(v) => set({ id: v })}
        maxLength={40}
        hint="Lettere e cifre, inizia con una minuscola: è il nome del campo nei dati della domanda."
      />
      <TextField id={`${idPrefix}-hint`} label="Suggerimento (facoltativo)" value={f.hint ?? ''} onChange={(v) => set({ hint: v || undefined })} maxLength={500} />
      <Checkbox label="Obbligatorio" checked={!!f.required} onChange={(v) => set({ required: v || undefined })} />
      {'options' in f ? (
        <TextArea
          label="Opzioni, una per riga"
          value={f.options.map((o) => o.label).join('\n')}
          rows={3}
          onChange={(v) =>
            set({
              options: v
                .split('\n')
                .filter((l) => l.trim())
                .map((l) => ({ value: optionValue(l), label: l.trim() })),
            } as Partial<FieldDef>)
          }
        />
      ) : null}
      {f.type === 'text' || f.type === 'textarea' ? (
        <div className="row">
          <div className="col-6">
            <TextField
              id={`${idPrefix}-min`}
              label="Caratteri minimi"
              type="number"
              min={0}
              value={f.minLength?.toString() ?? ''}
              onChange={(v) => set({ minLength: v ? Number(v) : undefined })}
            />
          </div>
          <div className="col-6">
            <TextField
              id={`${idPrefix}-max`}
              label="Caratteri massimi"
              type="number"
              min={1}
              value={f.maxLength?.toString() ?? ''}
              onChange={(v) => set({ maxLength: v ? Number(v) : undefined })}
            />
          </div>
        </div>
      ) : null}
      {f.type === 'number' ? (
        <div className="row">
          <div className="col-6">
            <TextField id={`${idPrefix}-nmin`} label="Minimo" type="number" value={f.min?.toString() ?? ''} onChange={(v) => set({ min: v ? Number(v) : undefined })} />
          </div>
          <div className="col-6">
            <TextField id={`${idPrefix}-nmax`} label="Massimo" type="number" value={f.max?.toString() ?? ''} onChange={(v) => set({ max: v ? Number(v) : undefined })} />
          </div>
        </div>
      ) : null}
      {f.type === 'file' ? (
        <fieldset className="mb-2">
          <legend className="h6">Formati accettati</legend>
          {FILE_KINDS.map((k) => (
            <Checkbox
              key={k}
              label={k.toUpperCase()}
              checked={f.accept.includes(k)}
              onChange={(on) => set({ accept: (on ? [...f.accept, k] : f.accept.filter((x) => x !== k)) as FileKind[] } as Partial<FieldDef>)}
            />
          ))}
          <TextField
            id={`${idPrefix}-files`}
            label="Numero massimo di file"
            type="number"
            min={1}
            max={10}
            value={String(f.maxFiles ?? 1)}
            onChange={(v) => set({ maxFiles: Number(v) || 1 } as Partial<FieldDef>)}
          />
          <TextField
            id={`${idPrefix}-mb`}
            label="MB per file"
            type="number"
            min={1}
            max={50}
            value={String(f.maxMb ?? 10)}
            onChange={(v) => set({ maxMb: Number(v) || 10 } as Partial<FieldDef>)}
          />
          <Checkbox label="Serve un documento firmato digitalmente" checked={!!f.signed} onChange={(v) => set({ signed: v || undefined } as Partial<FieldDef>)} />
        </fieldset>
      ) : null}
      {f.type === 'group' ? (
        <>
          <TextField id={`${idPrefix}-item`} label="Nome di un elemento" value={f.itemLabel} onChange={(v) => set({ itemLabel: v } as Partial<FieldDef>)} maxLength={200} />
          <TextField
            id={`${idPrefix}-gmax`}
            label="Elementi al massimo"
            type="number"
            min={1}
            max={50}
            value={String(f.maxItems ?? 20)}
            onChange={(v) => set({ maxItems: Number(v) || 20 } as Partial<FieldDef>)}
          />
          <FieldList fields={f.fields} onChange={(fields) => set({ fields: fields as LeafFieldDef[] } as Partial<FieldDef>)} allowGroup={false} idPrefix={`${idPrefix}-g`} />
        </>
      ) : null}
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id={`${idPrefix}-when`}
            label="Mostra solo se"
            value={f.showWhen?.field ?? ''}
            onChange={(v) => {
              const t = conditions.find((x) => x.id === v);
              set({ showWhen: t ? { field: t.id, equals: t.type === 'boolean' ? true : 'options' in t ? (t.options[0]?.value ?? '') : '' } : undefined });
            }}
            options={[{ value: '', label: 'Sempre' }, ...conditions.map((x) => ({ value: x.id, label: x.label }))]}
          />
        </div>
        {target && 'options' in target ? (
          <div className="col-md-6">
            <SelectField
              id={`${idPrefix}-equals`}
              label="vale"
              value={String(f.showWhen?.equals ?? '')}
              onChange={(v) => set({ showWhen: { field: target.id, equals: v } })}
              options={target.options.map((o) => ({ value: o.value, label: o.label }))}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function FieldList({ fields, onChange, allowGroup, idPrefix }: { fields: FieldDef[]; onChange(fields: FieldDef[]): void; allowGroup: boolean; idPrefix: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const [type, setType] = useState<FieldDef['type']>('text');
  return (
    <>
      <ol className="list-unstyled">
        {fields.map((f, i) => (
          <li key={`${f.id}-${i}`} className="card card-bg shadow-sm no-after mb-2">
            <div className="card-body py-2">
              <div className="d-flex flex-wrap align-items-center gap-2">
                <strong className="me-auto">
                  {f.label}
                  {f.required ? ' *' : ''} <span className="small fw-normal">({TYPES.find(([t]) => t === f.type)?.[1]})</span>
                </strong>
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0"
                  onClick={() => setOpen(open === i ? null : i)}
                  aria-expanded={open === i}
                  aria-label={`${open === i ? 'Chiudi' : 'Modifica'} il campo ${f.label}`}
                >
                  {open === i ? 'Chiudi' : 'Modifica'}
                </button>
                <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onChange(move(fields, i, -1))} disabled={i === 0} aria-label={`Sposta su ${f.label}`}>
                  Su
                </button>
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0"
                  onClick={() => onChange(move(fields, i, 1))}
                  disabled={i === fields.length - 1}
                  aria-label={`Sposta giù ${f.label}`}
                >
                  Giù
                </button>
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0 text-danger"
                  onClick={() => onChange(fields.filter((_, j) => j !== i))}
                  aria-label={`Elimina il campo ${f.label}`}
                >
                  Elimina
                </button>
              </div>
              {open === i ? (
                <FieldEditor f={f} earlier={fields.slice(0, i)} onChange={(nf) => onChange(fields.map((x, j) => (j === i ? nf : x)))} idPrefix={`${idPrefix}-${i}`} />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <div className="d-flex flex-wrap align-items-end gap-2 mb-3">
        <SelectField
          id={`${idPrefix}-new-type`}
          label="Nuovo campo"
          value={type}
          onChange={(v) => setType(v as FieldDef['type'])}
          options={TYPES.filter(([t]) => allowGroup || t !== 'group').map(([value, label]) => ({ value, label }))}
        />
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => {
            onChange([
              ...fields,
              newField(
                type,
                fields.map((f) => f.id),
              ),
            ]);
            setOpen(fields.length);
          }}
        >
          Aggiungi campo
        </button>
      </div>
    </>
  );
}

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
              setDef({ ...def, fee: Number(v) > 0 ? { amountCents: Math.round(Number(v) * 100), description: def.fee?.description ?? 'Diritti di istruttoria' } : undefined })
            }
            hint="Il pagamento con pagoPA dalla domanda arriverà con il servizio pagamenti; finché non c'è, il riepilogo dice quanto costa e rimanda alla scheda."
          />
          {def.fee ? (
            <TextField
              id="form-fee-description"
              label="Causale del pagamento"
              value={def.fee.description}
              onChange={(v) => setDef({ ...def, fee: { ...def.fee!, description: v } })}
              maxLength={140}
            />
          ) : null}
          <TextArea label="Informativa privacy del servizio" value={def.privacy} onChange={(v) => setDef({ ...def, privacy: v })} maxLength={5000} rows={4} />
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
