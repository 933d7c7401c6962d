// A form definition as JSON Schema 2020-12, for Ajv on the server. Two schemas per definition:
// `draft` (what may be saved while the form is being filled in: types, options, upper limits, no
// control characters) and `submit` (everything: required fields, lengths, formats, check digits).
// Data is cleaned first (clean.ts): hidden fields dropped, text trimmed, empty values removed, so
// "required" means "present".
import { LINE_PATTERN, TEXT_PATTERN } from '../common.ts';
import type { FieldDef, FormDefinition, LeafFieldDef, StepDef } from './definition.ts';

export type Mode = 'draft' | 'submit';
type Schema = Record<string, unknown>;

export const POSTAL_CODE = '^[0-9]{5}$';
export const PROVINCE = '^[A-Z]{2}$';
export const PHONE = '^\\+?[0-9][0-9 ]{5,19}$';
export const DEFAULT_TEXT_MAX = 200;
export const DEFAULT_TEXTAREA_MAX = 2000;
export const ADDRESS_PARTS = ['street', 'number', 'postalCode', 'town', 'province'] as const;

const line = (max: number): Schema => ({ type: 'string', maxLength: max, pattern: LINE_PATTERN });

function leafSchema(f: LeafFieldDef, mode: Mode): Schema {
  const submit = mode === 'submit';
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const max = f.maxLength ?? (f.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_TEXTAREA_MAX);
      return { type: 'string', maxLength: max, pattern: f.type === 'text' ? LINE_PATTERN : TEXT_PATTERN, ...(submit && f.minLength ? { minLength: f.minLength } : {}) };
    }
    case 'number':
      return { type: f.integer ? 'integer' : 'number', ...(submit && f.min !== undefined ? { minimum: f.min } : {}), ...(submit && f.max !== undefined ? { maximum: f.max } : {}) };
    case 'date':
      return submit ? { type: 'string', format: 'date' } : line(10);
    case 'fiscalCode':
      return submit ? { type: 'string', format: 'codice-fiscale' } : line(16);
    case 'iban':
      return submit ? { type: 'string', format: 'iban' } : line(34);
    case 'email':
      return submit ? { type: 'string', format: 'email', maxLength: 254 } : line(254);
    case 'phone':
      return submit ? { type: 'string', pattern: PHONE } : line(20);
    case 'boolean':
      return submit && f.required ? { const: true } : { type: 'boolean' };
    case 'address': {
      const parts: Record<string, Schema> = { street: line(200), number: line(20), postalCode: line(5), town: line(100), province: line(2) };
      if (submit) {
        parts.street = { ...line(200), minLength: 2 };
        parts.number = { ...line(20), minLength: 1 };
        parts.postalCode = { type: 'string', pattern: POSTAL_CODE };
        parts.town = { ...line(100), minLength: 2 };
        parts.province = { type: 'string', pattern: PROVINCE };
      }
      return { type: 'object', properties: parts, ...(submit ? { required: [...ADDRESS_PARTS] } : {}), additionalProperties: false };
    }
    case 'radio':
    case 'select':
      return { type: 'string', enum: f.options.map((o) => o.value) };
    case 'checkboxes':
      return {
        type: 'array',
        items: { type: 'string', enum: f.options.map((o) => o.value) },
        uniqueItems: true,
        maxItems: f.maxItems ?? f.options.length,
      };
    case 'file':
      return { type: 'array', items: { type: 'string', format: 'attachment-id' }, uniqueItems: true, maxItems: f.maxFiles ?? 1 };
  }
}

function fieldSchema(f: FieldDef, mode: Mode): Schema {
  if (f.type !== 'group') return leafSchema(f, mode);
  return {
    type: 'array',
    maxItems: f.maxItems ?? 20,
    ...(mode === 'submit' && f.minItems ? { minItems: f.minItems } : {}),
    items: objectSchema(f.fields, mode),
  };
}

/** The fields of a step or of a group's item: required ones, and those required when shown. */
function objectSchema(fields: FieldDef[], mode: Mode): Schema {
  const submit = mode === 'submit';
  const required = submit ? fields.filter((f) => f.required && !f.showWhen).map((f) => f.id) : [];
  const conditional = submit
    ? fields
        .filter((f) => f.required && f.showWhen)
        .map((f) => ({
          if: { properties: { [f.showWhen!.field]: { const: f.showWhen!.equals } }, required: [f.showWhen!.field] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own keyword (if/then), never awaited
          then: { required: [f.id] },
        }))
    : [];
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.id, fieldSchema(f, mode)])),
    ...(required.length ? { required } : {}),
    ...(conditional.length ? { allOf: conditional } : {}),
    additionalProperties: false,
  };
}

function stepSchema(step: StepDef, mode: Mode): Schema {
  return objectSchema(step.fields, mode);
}

/** The JSON Schema 2020-12 of the data a definition asks for. */
export function formSchema(def: FormDefinition, mode: Mode): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: Object.fromEntries(def.steps.map((s) => [s.id, stepSchema(s, mode)])),
    ...(mode === 'submit' ? { required: def.steps.map((s) => s.id) } : {}),
    additionalProperties: false,
  };
}
