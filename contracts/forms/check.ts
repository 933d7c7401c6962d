// The rules of compile.ts in plain code, for the citizen's page (no generated code under its CSP):
// the same verdict as Ajv on the compiled schema, field by field (a property test holds them
// together), with the same Italian messages. Also the mapping of Ajv's errors to those messages.
import { LINE_PATTERN, TEXT_PATTERN } from '../common.ts';
import { ADDRESS_PARTS, DEFAULT_TEXT_MAX, DEFAULT_TEXTAREA_MAX, type Mode, PHONE, POSTAL_CODE, PROVINCE } from './compile.ts';
import type { FieldDef, FormData, FormDefinition, LeafFieldDef } from './definition.ts';
import { isValidFiscalCode } from './fiscal-code.ts';
import { isValidIban } from './iban.ts';

export interface FieldError {
  /** The field's path in the data: "step.field", "step.group.0.field", "step.address.postalCode". */
  field: string;
  message: string;
}

export type Failure =
  | { kind: 'required' }
  | { kind: 'type' }
  | { kind: 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems'; limit: number }
  | { kind: 'format' }
  | { kind: 'option' }
  | { kind: 'characters' }
  | { kind: 'duplicate' };

// With the "u" flag, as Ajv compiles patterns: an emoji is one character, not two halves.
const LINE = new RegExp(LINE_PATTERN, 'u');
const TEXT = new RegExp(TEXT_PATTERN, 'u');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The email format of ajv-formats ("fast" mode), which the server applies.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date YYYY-MM-DD (RFC 3339 full-date, as ajv-formats checks it). */
export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap ? 29 : DAYS[m]!);
}

/** An attachment's id (a UUID) as the "attachment-id" format checks it. */
export const isAttachmentId = (s: string) => UUID.test(s);

const FORMAT_MESSAGES: Partial<Record<FieldDef['type'], string>> = {
  fiscalCode: 'codice fiscale non valido',
  iban: 'IBAN non valido',
  email: 'indirizzo email non valido',
  phone: 'numero di telefono non valido',
  date: 'data non valida (usa il formato AAAA-MM-GG)',
  file: 'allegato non valido',
};

/** The Italian message for a failure of a field (`part`: the part of an address). */
export function messageFor(f: FieldDef | undefined, failure: Failure, part?: string): string {
  if (part === 'postalCode' && failure.kind !== 'required') return 'CAP non valido (5 cifre)';
  if (part === 'province' && failure.kind !== 'required') return 'sigla della provincia non valida (2 lettere)';
  switch (failure.kind) {
    case 'required':
      return f?.type === 'boolean' ? 'conferma richiesta' : f?.type === 'file' ? 'allega il documento' : 'campo obbligatorio';
    case 'type':
      return 'valore non valido';
    case 'minLength':
      return `almeno ${failure.limit} caratteri`;
    case 'maxLength':
      return `al massimo ${failure.limit} caratteri`;
    case 'minimum':
      return `deve essere almeno ${failure.limit}`;
    case 'maximum':
      return `deve essere al massimo ${failure.limit}`;
    case 'minItems':
      return f?.type === 'group' ? `almeno ${failure.limit} ${failure.limit === 1 ? 'elemento' : 'elementi'}` : `almeno ${failure.limit}`;
    case 'maxItems':
      return f?.type === 'file' ? `al massimo ${failure.limit} file` : `al massimo ${failure.limit}`;
    case 'format':
      return (f && FORMAT_MESSAGES[f.type]) ?? 'formato non valido';
    case 'option':
      return 'valore non ammesso';
    case 'characters':
      return 'contiene caratteri non ammessi';
    case 'duplicate':
      return 'valori ripetuti';
  }
}

type Out = FieldError[];
const fail = (out: Out, path: string, f: FieldDef, failure: Failure, part?: string) => out.push({ field: path, message: messageFor(f, failure, part) });

/** The string's first failure (type, length, characters), or null when it passes. */
function stringFailure(v: unknown, max: number, pattern: RegExp, min?: number): Failure | null {
  if (typeof v !== 'string') return { kind: 'type' };
  if (min !== undefined && v.length < min) return { kind: 'minLength', limit: min };
  if (v.length > max) return { kind: 'maxLength', limit: max };
  if (!pattern.test(v)) return { kind: 'characters' };
  return null;
}

function checkString(out: Out, path: string, f: FieldDef, v: unknown, max: number, pattern: RegExp, min?: number, part?: string): void {
  const failure = stringFailure(v, max, pattern, min);
  if (failure) fail(out, path, f, failure, part);
}

function checkLeaf(out: Out, path: string, f: LeafFieldDef, v: unknown, mode: Mode): void {
  const submit = mode === 'submit';
  switch (f.type) {
    case 'text':
    case 'textarea':
      checkString(out, path, f, v, f.maxLength ?? (f.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_TEXTAREA_MAX), f.type === 'text' ? LINE : TEXT, submit ? f.minLength : undefined);
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || (f.integer && !Number.isInteger(v))) return void fail(out, path, f, { kind: 'type' });
      if (submit && f.min !== undefined && v < f.min) fail(out, path, f, { kind: 'minimum', limit: f.min });
      else if (submit && f.max !== undefined && v > f.max) fail(out, path, f, { kind: 'maximum', limit: f.max });
      return;
    case 'date':
    case 'fiscalCode':
    case 'iban':
    case 'email':
    case 'phone': {
      const draftMax = { date: 10, fiscalCode: 16, iban: 34, email: 254, phone: 20 }[f.type];
      if (!submit) return void checkString(out, path, f, v, draftMax, LINE);
      if (typeof v !== 'string') return void fail(out, path, f, { kind: 'type' });
      if (f.type === 'email' && v.length > 254) return void fail(out, path, f, { kind: 'maxLength', limit: 254 });
      const ok =
        f.type === 'date'
          ? isValidDate(v)
          : f.type === 'fiscalCode'
            ? isValidFiscalCode(v)
            : f.type === 'iban'
              ? isValidIban(v)
              : f.type === 'email'
                ? EMAIL.test(v)
                : new RegExp(PHONE, 'u').test(v);
      if (!ok) fail(out, path, f, { kind: 'format' });
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') fail(out, path, f, { kind: 'type' });
      else if (submit && f.required && v !== true) fail(out, path, f, { kind: 'required' });
      return;
    case 'address': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return void fail(out, path, f, { kind: 'type' });
      const a = v as Record<string, unknown>;
      for (const k of Object.keys(a)) if (!(ADDRESS_PARTS as readonly string[]).includes(k)) fail(out, `${path}.${k}`, f, { kind: 'type' });
      const limits = { street: [2, 200], number: [1, 20], postalCode: [5, 5], town: [2, 100], province: [2, 2] } as const;
      for (const part of ADDRESS_PARTS) {
        const p = a[part];
        const at = `${path}.${part}`;
        if (p === undefined) {
          if (submit) fail(out, at, f, { kind: 'required' }, part);
          continue;
        }
        if (submit && (part === 'postalCode' || part === 'province')) {
          if (typeof p !== 'string') fail(out, at, f, { kind: 'type' }, part);
          else if (!new RegExp(part === 'postalCode' ? POSTAL_CODE : PROVINCE, 'u').test(p)) fail(out, at, f, { kind: 'format' }, part);
          continue;
        }
        const [min, max] = limits[part];
        checkString(out, at, f, p, part === 'postalCode' ? 5 : part === 'province' ? 2 : max, LINE, submit ? min : undefined);
      }
      return;
    }
    case 'radio':
    case 'select':
      if (typeof v !== 'string') fail(out, path, f, { kind: 'type' });
      else if (!f.options.some((o) => o.value === v)) fail(out, path, f, { kind: 'option' });
      return;
    case 'checkboxes':
    case 'file': {
      if (!Array.isArray(v)) return void fail(out, path, f, { kind: 'type' });
      const max = f.type === 'file' ? (f.maxFiles ?? 1) : (f.maxItems ?? f.options.length);
      if (v.length > max) fail(out, path, f, { kind: 'maxItems', limit: max });
      for (const [i, item] of v.entries()) {
        if (typeof item !== 'string') fail(out, `${path}.${i}`, f, { kind: 'type' });
        else if (f.type === 'file' ? !isAttachmentId(item) : !f.options.some((o) => o.value === item))
          fail(out, `${path}.${i}`, f, f.type === 'file' ? { kind: 'format' } : { kind: 'option' });
      }
      // Repeated values among the strings (Ajv's uniqueItems skips items of another type, already refused).
      const strings = v.filter((x) => typeof x === 'string');
      if (new Set(strings).size !== strings.length) fail(out, path, f, { kind: 'duplicate' });
      return;
    }
  }
}

function checkScope(out: Out, prefix: string, fields: FieldDef[], scope: Record<string, unknown>, mode: Mode): void {
  const known = new Set(fields.map((f) => f.id));
  for (const k of Object.keys(scope)) if (!known.has(k)) out.push({ field: `${prefix}${k}`, message: 'campo non previsto' });
  for (const f of fields) {
    const path = `${prefix}${f.id}`;
    const v = scope[f.id];
    if (v === undefined) {
      const required = f.required && (!f.showWhen || scope[f.showWhen.field] === f.showWhen.equals);
      if (mode === 'submit' && required) fail(out, path, f, { kind: 'required' });
      continue;
    }
    if (f.type !== 'group') {
      checkLeaf(out, path, f, v, mode);
      continue;
    }
    if (!Array.isArray(v)) {
      fail(out, path, f, { kind: 'type' });
      continue;
    }
    const max = f.maxItems ?? 20;
    if (v.length > max) fail(out, path, f, { kind: 'maxItems', limit: max });
    else if (mode === 'submit' && f.minItems && v.length < f.minItems) fail(out, path, f, { kind: 'minItems', limit: f.minItems });
    for (const [i, item] of v.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(out, `${path}.${i}`, f, { kind: 'type' });
      else checkScope(out, `${path}.${i}.`, f.fields, item as Record<string, unknown>, mode);
    }
  }
}

/** The errors of cleaned data (clean.ts) against a definition; empty when it can be saved (draft) or filed (submit). */
export function checkForm(def: FormDefinition, data: FormData, mode: Mode): FieldError[] {
  const out: Out = [];
  for (const step of def.steps) checkScope(out, `${step.id}.`, step.fields, data[step.id] ?? {}, mode);
  return firstPerField(out);
}

/** One message per field (the first), in the definition's order. */
export function firstPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

/** The field definition at a data path ("step.group.0.field"), and the address part if any. */
export function fieldAt(def: FormDefinition, path: string): { field: FieldDef | undefined; part?: string } {
  const [stepId, ...rest] = path.split('.');
  let fields: FieldDef[] | undefined = def.steps.find((s) => s.id === stepId)?.fields;
  let field: FieldDef | undefined;
  for (let i = 0; i < rest.length && fields; i++) {
    const seg = rest[i]!;
    if (/^\d+$/.test(seg)) continue;
    if (field?.type === 'address') return { field, part: seg };
    field = fields.find((f) => f.id === seg);
    fields = field?.type === 'group' ? field.fields : undefined;
    if (field?.type === 'address' && rest[i + 1]) return { field, part: rest[i + 1] };
  }
  return { field };
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const AJV_FAILURES: Record<string, (p: Record<string, unknown>) => Failure> = {
  required: () => ({ kind: 'required' }),
  type: () => ({ kind: 'type' }),
  minLength: (p) => ({ kind: 'minLength', limit: Number(p.limit) }),
  maxLength: (p) => ({ kind: 'maxLength', limit: Number(p.limit) }),
  minimum: (p) => ({ kind: 'minimum', limit: Number(p.limit) }),
  maximum: (p) => ({ kind: 'maximum', limit: Number(p.limit) }),
  minItems: (p) => ({ kind: 'minItems', limit: Number(p.limit) }),
  maxItems: (p) => ({ kind: 'maxItems', limit: Number(p.limit) }),
  format: () => ({ kind: 'format' }),
  enum: () => ({ kind: 'option' }),
  const: () => ({ kind: 'required' }),
  pattern: () => ({ kind: 'characters' }),
  uniqueItems: () => ({ kind: 'duplicate' }),
  additionalProperties: () => ({ kind: 'type' }),
};

/** Ajv's errors as the form's field errors (paths and messages as checkForm gives them). */
export function fieldErrorsFromAjv(def: FormDefinition, errors: readonly AjvError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const toFailure = AJV_FAILURES[e.keyword];
    if (!toFailure) continue; // "if": its "then" reports the missing field itself
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra = e.keyword === 'required' ? String(e.params.missingProperty) : e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : '';
    const path = [base, extra].filter(Boolean).join('.');
    const { field, part } = fieldAt(def, path);
    if (e.keyword === 'additionalProperties' && field?.type !== 'address') {
      out.push({ field: path, message: 'campo non previsto' });
      continue;
    }
    const failure = toFailure(e.params);
    // A text pattern failing is a control character, except for the address parts and phones, whose pattern is their format.
    const patternIsFormat = e.keyword === 'pattern' && (field?.type === 'phone' || part === 'postalCode' || part === 'province');
    out.push({ field: path, message: messageFor(field, patternIsFormat ? { kind: 'format' } : failure, part) });
  }
  return firstPerField(out);
}
