// Ajv (JSON Schema 2020-12) for the forms of the online services: the server's check of every save
// and submission against the schema compiled from the form's definition (contracts/forms). One Ajv
// for the process; a compiled validator per definition and mode, kept as long as the definition
// object lives (definitions are cached per form version by their readers).
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

const compiled = new WeakMap<FormDefinition, Partial<Record<Mode, ValidateFunction>>>();

function validatorOf(def: FormDefinition, mode: Mode): ValidateFunction {
  const byMode = compiled.get(def) ?? {};
  let v = byMode[mode];
  if (!v) {
    v = ajv.compile(formSchema(def, mode));
    byMode[mode] = v;
    compiled.set(def, byMode);
  }
  return v;
}

/** The data as kept (cleaned) and its errors for `mode` (none: it can be saved, or filed). */
export function validateForm(def: FormDefinition, raw: unknown, mode: Mode): { data: FormData; errors: FieldError[] } {
  const data = cleanData(def, raw);
  const validate = validatorOf(def, mode);
  return validate(data) ? { data, errors: [] } : { data, errors: fieldErrorsFromAjv(def, validate.errors ?? []) };
}
