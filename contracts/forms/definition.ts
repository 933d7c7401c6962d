// The definition of an online service's form: steps of fields, with the rules of each field, the
// conditions that show a field, repeatable groups (family members) and attachments. One definition
// drives both sides: the server compiles it to JSON Schema 2020-12 and validates every save and
// submission with Ajv (compile.ts); the citizen's page renders it and checks as the citizen types
// with the same rules in plain code (check.ts; the browser's CSP forbids Ajv's generated code), and
// a property test holds the two to the same verdicts. Data is `{ [stepId]: { [fieldId]: value } }`.
import { Type, type Static } from 'typebox';

const Id = Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}$', description: 'The field’s key in the data' });
const Label = Type.String({ minLength: 1, maxLength: 200 });

/** Shown (and required, when `required`) only when another field of the same step (or group item) has this value. */
export const ShowWhen = Type.Object({ field: Id, equals: Type.Union([Type.String(), Type.Boolean()]) }, { additionalProperties: false });
export type ShowWhen = Static<typeof ShowWhen>;

const base = {
  id: Id,
  label: Label,
  hint: Type.Optional(Type.String({ maxLength: 500 })),
  required: Type.Optional(Type.Boolean()),
  showWhen: Type.Optional(ShowWhen),
};

export const Option = Type.Object({ value: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }), label: Label }, { additionalProperties: false });

export const TextFieldDef = Type.Object(
  {
    ...base,
    type: Type.Union([Type.Literal('text'), Type.Literal('textarea')]),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export const NumberFieldDef = Type.Object(
  { ...base, type: Type.Literal('number'), integer: Type.Optional(Type.Boolean()), min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) },
  { additionalProperties: false },
);
export const ChoiceFieldDef = Type.Object(
  {
    ...base,
    type: Type.Union([Type.Literal('radio'), Type.Literal('select'), Type.Literal('checkboxes')]),
    options: Type.Array(Option, { minItems: 1, maxItems: 100 }),
    /** checkboxes: how many must be ticked (with `required`, at least one). */
    maxItems: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const SimpleFieldDef = Type.Object(
  {
    ...base,
    type: Type.Union([
      Type.Literal('date'),
      Type.Literal('fiscalCode'),
      Type.Literal('iban'),
      Type.Literal('email'),
      Type.Literal('phone'),
      Type.Literal('address'),
      Type.Literal('boolean'),
    ]),
  },
  { additionalProperties: false },
);
export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'p7m', 'docx', 'odt'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const FileFieldDef = Type.Object(
  {
    ...base,
    type: Type.Literal('file'),
    accept: Type.Array(Type.Unsafe<FileKind>(Type.String({ enum: [...FILE_KINDS] })), { minItems: 1 }),
    maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    maxMb: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    /** A document signed by someone else (a technician's report): signed PDF or .p7m required. */
    signed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export type TextFieldDef = Static<typeof TextFieldDef>;
export type NumberFieldDef = Static<typeof NumberFieldDef>;
export type ChoiceFieldDef = Static<typeof ChoiceFieldDef>;
export type SimpleFieldDef = Static<typeof SimpleFieldDef>;
export type FileFieldDef = Static<typeof FileFieldDef>;
export type LeafFieldDef = TextFieldDef | NumberFieldDef | ChoiceFieldDef | SimpleFieldDef | FileFieldDef;

export const LeafField = Type.Union([TextFieldDef, NumberFieldDef, ChoiceFieldDef, SimpleFieldDef, FileFieldDef]);
/** A repeatable group (family members moving too): each item has the group's fields. */
export const GroupFieldDef = Type.Object(
  {
    ...base,
    type: Type.Literal('group'),
    itemLabel: Label,
    fields: Type.Array(LeafField, { minItems: 1, maxItems: 30 }),
    minItems: Type.Optional(Type.Integer({ minimum: 0 })),
    maxItems: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type GroupFieldDef = Static<typeof GroupFieldDef>;
export type FieldDef = LeafFieldDef | GroupFieldDef;

export const StepDef = Type.Object(
  { id: Id, title: Label, description: Type.Optional(Type.String({ maxLength: 2000 })), fields: Type.Array(Type.Union([LeafField, GroupFieldDef]), { minItems: 1, maxItems: 60 }) },
  { additionalProperties: false },
);
export type StepDef = Static<typeof StepDef>;

export const FormDefinition = Type.Object(
  {
    steps: Type.Array(StepDef, { minItems: 1, maxItems: 20 }),
    /** The SPID level the service requires (CIE logins count as level 3). */
    level: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)])),
    /** The service's privacy notice, shown on the summary before "Invia". */
    privacy: Type.String({ minLength: 1, maxLength: 5000 }),
    /**
     * The decision's text for this service (the provvedimento), one for acceptance and one for
     * rejection: {richiedente}, {codiceFiscale}, {servizio}, {protocollo}, {dataDomanda} and {testo}
     * (what the officer writes) are filled in. Without one, a plain decision is written.
     */
    decision: Type.Optional(
      Type.Object(
        { accepted: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })), rejected: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })) },
        { additionalProperties: false },
      ),
    ),
    /**
     * A fee due with the application, paid with pagoPA: `before` (the default) asks for it on the
     * summary, and the application is filed when the receipt arrives; `after` files the application and
     * then asks for the fee (a position in the citizen's "Pagamenti"). `kind` is the comune's kind of
     * income it is collected as (payment_creditors.kinds; default "diritti-segreteria").
     */
    fee: Type.Optional(
      Type.Object(
        {
          amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
          description: Type.String({ minLength: 1, maxLength: 140 }),
          when: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
          kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type FormDefinition = Static<typeof FormDefinition>;

export type FormData = Record<string, Record<string, unknown>>;

/** An Italian address, the value of an `address` field. */
export interface AddressValue {
  street: string;
  number: string;
  postalCode: string;
  town: string;
  province: string;
}

/** Whether a field is shown for the values around it (its step's, or its group item's). */
export function isShown(field: { showWhen?: ShowWhen }, scope: Record<string, unknown> | undefined): boolean {
  if (!field.showWhen) return true;
  return scope?.[field.showWhen.field] === field.showWhen.equals;
}
