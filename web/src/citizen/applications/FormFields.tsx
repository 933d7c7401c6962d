// The fields of an online form, rendered from its definition with Bootstrap Italia's markup: each with
// its label, hint, and the error next to it (linked from the list at the top of the step). Values
// are kept as the server keeps them (contracts/forms/definition.ts).
import type { ApplicationAttachment } from '../../../../contracts/applications.ts';
import type { AddressValue, FieldDef, GroupFieldDef, LeafFieldDef } from '../../../../contracts/forms/definition.ts';
import { isShown } from '../../../../contracts/forms/definition.ts';
import { fileSize } from '../../shared/format.ts';

export const domId = (path: string) => `f-${path.replace(/\./g, '-')}`;

export interface FieldContext {
  errors: Record<string, string>;
  attachments: Map<string, ApplicationAttachment>;
  busy: boolean;
  onUpload(fieldPath: string, valuePath: string, files: File[]): void;
  onRemoveFile(valuePath: string, id: string): void;
}

type Scope = Record<string, unknown>;

function Described({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div className="invalid-feedback d-block" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
const mark = (f: { required?: boolean }) => (f.required ? ' *' : '');

const INPUT_TYPES: Partial<Record<LeafFieldDef['type'], { type: string; autoComplete?: string; inputMode?: 'numeric' | 'email' | 'tel' }>> = {
  text: { type: 'text' },
  number: { type: 'number' },
  date: { type: 'date' },
  fiscalCode: { type: 'text', autoComplete: 'off' },
  iban: { type: 'text', autoComplete: 'off' },
  email: { type: 'email', autoComplete: 'email', inputMode: 'email' },
  phone: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
};

function Address({ f, path, value, onChange, ctx }: { f: LeafFieldDef; path: string; value: Partial<AddressValue> | undefined; onChange(v: unknown): void; ctx: FieldContext }) {
  const parts: Array<[keyof AddressValue, string, string, number]> = [
    ['street', 'Via o piazza', 'col-md-8', 200],
    ['number', 'Numero civico', 'col-md-4', 20],
    ['postalCode', 'CAP', 'col-md-3', 5],
    ['town', 'Comune', 'col-md-6', 100],
    ['province', 'Provincia (sigla)', 'col-md-3', 2],
  ];
  const own = ctx.errors[path];
  return (
    <fieldset className="mb-4" id={domId(path)} tabIndex={-1}>
      <legend className="h6">
        {f.label}
        {mark(f)}
      </legend>
      {own ? (
        <div className="invalid-feedback d-block mb-2" id={`${domId(path)}-error`}>
          {own}
        </div>
      ) : null}
      <div className="row">
        {parts.map(([key, label, col, max]) => {
          const p = `${path}.${key}`;
          const id = domId(p);
          const error = ctx.errors[p];
          return (
            <div className={`form-group ${col}`} key={key}>
              <label htmlFor={id} className="active">
                {label}
                {mark(f)}
              </label>
              <input
                id={id}
                className={`form-control${error ? ' is-invalid' : ''}`}
                maxLength={max}
                value={value?.[key] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(id, undefined, error)}
                onChange={(e) => onChange({ ...(value ?? {}), [key]: e.target.value })}
              />
              <Described id={id} error={error} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function Files({
  f,
  path,
  fieldPath,
  value,
  ctx,
}: {
  f: Extract<LeafFieldDef, { type: 'file' }>;
  path: string;
  fieldPath: string;
  value: string[] | undefined;
  ctx: FieldContext;
}) {
  const id = domId(path);
  const error = ctx.errors[path] ?? Object.entries(ctx.errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
  const ids = value ?? [];
  const max = f.maxFiles ?? 1;
  const accepted = f.accept.map((k) => (k === 'p7m' ? '.p7m' : `.${k === 'jpeg' ? 'jpg' : k}`)).join(',');
  const hint = `${f.hint ? `${f.hint} ` : ''}Formati: ${f.accept.map((k) => k.toUpperCase()).join(', ')}; al massimo ${max} ${max === 1 ? 'file' : 'file'} di ${f.maxMb ?? 10} MB.${f.signed ? ' Serve un documento firmato digitalmente.' : ''}`;
  return (
    <div className="form-group mb-4" id={ids.length < max ? undefined : id} tabIndex={ids.length < max ? undefined : -1}>
      <label htmlFor={ids.length < max ? id : undefined} className="active d-block">
        {f.label}
        {mark(f)}
      </label>
      {ids.length ? (
        <ul className="list-unstyled mb-2" aria-label={`File caricati: ${f.label}`}>
          {ids.map((fileId) => {
            const a = ctx.attachments.get(fileId);
            return (
              <li key={fileId} className="d-flex flex-wrap align-items-center gap-2">
                <span>{a ? `${a.name} (${fileSize(a.size)}${a.signed ? ', firmato' : ''})` : 'File caricato'}</span>
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0"
                  disabled={ctx.busy}
                  onClick={() => ctx.onRemoveFile(path, fileId)}
                  aria-label={`Rimuovi ${a?.name ?? 'il file'}`}
                >
                  Rimuovi
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {ids.length < max ? (
        <input
          id={id}
          type="file"
          className={`form-control${error ? ' is-invalid' : ''}`}
          accept={accepted}
          multiple={max - ids.length > 1}
          disabled={ctx.busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, max - ids.length);
            e.target.value = '';
            if (files.length) ctx.onUpload(fieldPath, path, files);
          }}
        />
      ) : null}
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

function Leaf({ f, path, fieldPath, value, onChange, ctx }: { f: LeafFieldDef; path: string; fieldPath: string; value: unknown; onChange(v: unknown): void; ctx: FieldContext }) {
  const id = domId(path);
  const error = ctx.errors[path];
  const common = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, f.hint, error) } as const;
  switch (f.type) {
    case 'address':
      return <Address f={f} path={path} value={value as Partial<AddressValue>} onChange={onChange} ctx={ctx} />;
    case 'file':
      return <Files f={f} path={path} fieldPath={fieldPath} value={value as string[] | undefined} ctx={ctx} />;
    case 'boolean':
      return (
        <div className="form-check mb-4">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} {...common} />
          <label htmlFor={id}>
            {f.label}
            {mark(f)}
          </label>
          <Described id={id} hint={f.hint} error={error} />
        </div>
      );
    case 'radio':
    case 'checkboxes': {
      const many = f.type === 'checkboxes';
      const chosen = many ? ((value as string[] | undefined) ?? []) : [];
      return (
        <fieldset className="mb-4" id={id} tabIndex={-1} aria-describedby={describedBy(id, f.hint, error)}>
          <legend className="h6">
            {f.label}
            {mark(f)}
          </legend>
          {f.options.map((o, i) => {
            const oid = `${id}-${i}`;
            return (
              <div className="form-check" key={o.value}>
                <input
                  id={oid}
                  name={id}
                  type={many ? 'checkbox' : 'radio'}
                  checked={many ? chosen.includes(o.value) : value === o.value}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => onChange(many ? (e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value)) : o.value)}
                />
                <label htmlFor={oid}>{o.label}</label>
              </div>
            );
          })}
          <Described id={id} hint={f.hint} error={error} />
        </fieldset>
      );
    }
    case 'select':
      return (
        <div className="select-wrapper mb-4">
          <label htmlFor={id}>
            {f.label}
            {mark(f)}
          </label>
          <select id={id} value={(value as string | undefined) ?? ''} onChange={(e) => onChange(e.target.value || undefined)} {...common}>
            <option value="">Scegli un'opzione</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <Described id={id} hint={f.hint} error={error} />
        </div>
      );
    case 'textarea':
      return (
        <div className="form-group mb-4">
          <label htmlFor={id} className="active">
            {f.label}
            {mark(f)}
          </label>
          <textarea
            id={id}
            className={`form-control${error ? ' is-invalid' : ''}`}
            rows={4}
            maxLength={f.maxLength ?? 2000}
            value={(value as string | undefined) ?? ''}
            onChange={(e) => onChange(e.target.value)}
            {...common}
          />
          <Described id={id} hint={f.hint} error={error} />
        </div>
      );
    default: {
      const input = INPUT_TYPES[f.type] ?? { type: 'text' };
      const max = f.type === 'text' ? (f.maxLength ?? 200) : f.type === 'fiscalCode' ? 16 : f.type === 'iban' ? 34 : f.type === 'email' ? 254 : f.type === 'phone' ? 20 : undefined;
      return (
        <div className="form-group mb-4">
          <label htmlFor={id} className="active">
            {f.label}
            {mark(f)}
          </label>
          <input
            id={id}
            type={input.type}
            inputMode={input.inputMode}
            autoComplete={input.autoComplete}
            className={`form-control${error ? ' is-invalid' : ''}`}
            maxLength={max}
            value={value === undefined || value === null ? '' : String(value)}
            onChange={(e) => onChange(f.type === 'number' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value)}
            {...common}
          />
          <Described id={id} hint={f.hint} error={error} />
        </div>
      );
    }
  }
}

function Group({ f, path, fieldPath, value, onChange, ctx }: { f: GroupFieldDef; path: string; fieldPath: string; value: unknown; onChange(v: unknown): void; ctx: FieldContext }) {
  const items = Array.isArray(value) ? (value as Scope[]) : [];
  const max = f.maxItems ?? 20;
  const error = ctx.errors[path];
  return (
    <fieldset className="mb-4" id={domId(path)}>
      <legend className="h5">
        {f.label}
        {mark(f)}
      </legend>
      {f.hint ? <p className="small">{f.hint}</p> : null}
      {error ? <div className="invalid-feedback d-block mb-2">{error}</div> : null}
      {items.map((item, i) => (
        <section key={i} className="card card-bg shadow-sm no-after mb-3" aria-label={`${f.itemLabel} ${i + 1}`}>
          <div className="card-body">
            <h3 className="h6">
              {f.itemLabel} {i + 1}
            </h3>
            <Fields
              fields={f.fields}
              scope={item}
              prefix={`${path}.${i}.`}
              fieldPrefix={`${fieldPath}.`}
              onChange={(next) => onChange(items.map((x, j) => (j === i ? next : x)))}
              ctx={ctx}
            />
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              Rimuovi {f.itemLabel.toLowerCase()} {i + 1}
            </button>
          </div>
        </section>
      ))}
      {items.length < max ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange([...items, {}])}>
          Aggiungi {f.itemLabel.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The fields of a step (or a group's item) shown by their conditions; `prefix` is their data path. */
export function Fields({
  fields,
  scope,
  prefix,
  fieldPrefix,
  onChange,
  ctx,
}: {
  fields: FieldDef[];
  scope: Scope;
  prefix: string;
  fieldPrefix: string;
  onChange(next: Scope): void;
  ctx: FieldContext;
}) {
  return (
    <>
      {fields
        .filter((f) => isShown(f, scope))
        .map((f) => {
          const set = (v: unknown) => onChange({ ...scope, [f.id]: v });
          const path = `${prefix}${f.id}`;
          const fieldPath = `${fieldPrefix}${f.id}`;
          return f.type === 'group' ? (
            <Group key={f.id} f={f} path={path} fieldPath={fieldPath} value={scope[f.id]} onChange={set} ctx={ctx} />
          ) : (
            <Leaf key={f.id} f={f} path={path} fieldPath={fieldPath} value={scope[f.id]} onChange={set} ctx={ctx} />
          );
        })}
    </>
  );
}
