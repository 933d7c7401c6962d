// The data of a form as it is kept and checked: only the fields of the definition that are shown,
// text trimmed (codes upper-cased, spaces out of IBANs and fiscal codes), empty values removed. A
// field hidden by a condition loses its value, so an answer given and then made irrelevant is never
// filed. Values of the wrong type are kept as they are, for the checks to refuse.
import { type FieldDef, type FormData, type FormDefinition, isShown } from './definition.ts';
import { normalizeFiscalCode } from './fiscal-code.ts';
import { normalizeIban } from './iban.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cleanString(v: unknown, f: FieldDef): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!t) return undefined;
  if (f.type === 'fiscalCode') return normalizeFiscalCode(t);
  if (f.type === 'iban') return normalizeIban(t);
  if (f.type === 'email') return t.toLowerCase();
  return t;
}

function cleanValue(f: FieldDef, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  switch (f.type) {
    case 'boolean':
      return v === false ? undefined : v;
    case 'number':
      return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v === '' ? undefined : v;
    case 'checkboxes':
    case 'file':
      return Array.isArray(v) ? (v.length ? v : undefined) : v;
    case 'address': {
      if (!isObject(v)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, part] of Object.entries(v)) {
        const p = typeof part === 'string' ? part.trim() : part;
        if (p !== '' && p !== undefined && p !== null) out[k] = k === 'province' && typeof p === 'string' ? p.toUpperCase() : p;
      }
      return Object.keys(out).length ? out : undefined;
    }
    case 'group':
      if (!Array.isArray(v)) return v;
      return v.length ? v.map((item) => (isObject(item) ? cleanScope(f.fields, item) : item)) : undefined;
    default:
      return cleanString(v, f);
  }
}

function cleanScope(fields: FieldDef[], raw: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const v = cleanValue(f, raw[f.id]);
    if (v !== undefined) values[f.id] = v;
  }
  // Conditions read the cleaned values of the same step (or group item).
  for (const f of fields) if (!isShown(f, values)) delete values[f.id];
  return values;
}

export function cleanData(def: FormDefinition, raw: unknown): FormData {
  const data: FormData = {};
  const source = isObject(raw) ? raw : {};
  for (const step of def.steps) {
    const scope = source[step.id];
    data[step.id] = cleanScope(step.fields, isObject(scope) ? scope : {});
  }
  return data;
}
