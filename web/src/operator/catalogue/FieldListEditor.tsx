// The field list of the form editor: each field's summary, its editor (label, key, required, hint,
// options, limits, attachments, groups, show-when), moving and removing fields, adding new ones.
import { useState } from 'react';
import { FILE_KINDS, type FieldDef, type FileKind, type LeafFieldDef } from '../../../../contracts/forms/definition.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../ui.tsx';

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

export const keyOf = (label: string, taken: string[]) => {
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

export function move<T>(list: T[], i: number, by: number): T[] {
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

export function FieldList({ fields, onChange, allowGroup, idPrefix }: { fields: FieldDef[]; onChange(fields: FieldDef[]): void; allowGroup: boolean; idPrefix: string }) {
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
