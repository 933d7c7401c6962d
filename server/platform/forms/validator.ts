// Ajv (JSON Schema 2020-12) for the forms of the online services: the server's check of every save
// and submission against the schema compiled from the form's definition (contracts/forms). One Ajv
// for the process; a compiled validator per form version (its id: versions never change) and mode.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { cleanData } from '../../../contracts/forms/clean.ts';
import { type FieldError, fieldErrorsFromAjv, isAttachmentId } from '../../../contracts/forms/check.ts';
import { type Mode, formSchema } from '../../../contracts/forms/compile.ts';
import type { FormData, FormDefinition } from '../../../contracts/forms/definition.ts';
import { isValidFiscalCode } from '../../../contracts/forms/fiscal-code.ts';
import { isValidIban } from '../../../contracts/forms/iban.ts';

// strictRequired off: a condition's "then" names a field its parent schema defines.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
// ajv-formats is CommonJS: its default export is the function under ESM in Node, the module in the types.
const addFormats = formats as unknown as typeof formats.default;
addFormats(ajv, { mode: 'full', formats: ['date', 'email'] });
ajv.addFormat('codice-fiscale', isValidFiscalCode);
ajv.addFormat('iban', isValidIban);
ajv.addFormat('attachment-id', isAttachmentId);

// Compiled validators by form version (a version never changes) and mode; the oldest are dropped
// past the bound, from Ajv's own cache too, so a long-lived node does not grow with every version.
const MAX_COMPILED = 500;
const compiled = new Map<string, ValidateFunction>();
const byObject = new WeakMap<FormDefinition, string>();
let anonymous = 0;

function validatorOf(def: FormDefinition, mode: Mode, versionId: string | undefined): ValidateFunction {
  let id = versionId ?? byObject.get(def);
  if (!id) {
    id = `anonymous-${++anonymous}`;
    byObject.set(def, id);
  }
  const key = `${id}:${mode}`;
  let v = compiled.get(key);
  if (v) {
    compiled.delete(key);
    compiled.set(key, v); // most recently used last
    return v;
  }
  v = ajv.compile(formSchema(def, mode));
  compiled.set(key, v);
  if (compiled.size > MAX_COMPILED) {
    const [oldestKey, oldest] = compiled.entries().next().value as [string, ValidateFunction];
    compiled.delete(oldestKey);
    ajv.removeSchema(oldest.schema as object);
  }
  return v;
}

/** How many validators are compiled now (for tests). */
export const compiledValidators = () => compiled.size;

/** The data as kept (cleaned) and its errors for `mode` (none: it can be saved, or filed). */
export function validateForm(def: FormDefinition, raw: unknown, mode: Mode, versionId?: string): { data: FormData; errors: FieldError[] } {
  const data = cleanData(def, raw);
  const validate = validatorOf(def, mode, versionId);
  return validate(data) ? { data, errors: [] } : { data, errors: fieldErrorsFromAjv(def, validate.errors ?? []) };
}
