// Citizens' online applications (istanze): drafts saved as they go, attachments, submission with a
// protocol number at once, and the list in the personal area ("Pratiche").
import { Type, type Static } from 'typebox';
import { IsoDateTime, Line, TenantParams, Uuid } from './common.ts';
import { FormDefinition } from './forms/definition.ts';
import { CASE_STATES, type CaseState } from './statuses.ts';

export const ApplicationStatus = Type.Union([Type.Literal('draft'), Type.Literal('submitted')]);
export type ApplicationStatus = Static<typeof ApplicationStatus>;

/** Form data: `{ [stepId]: { [fieldId]: value } }`, checked against the service's form. */
const FormDataSchema = Type.Record(Type.String({ maxLength: 40 }), Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()), {
  description: 'Values by step and field, as the form definition names them',
  maxProperties: 20,
});

export const NewApplication = Type.Object(
  { service: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: "The service card's slug" }), data: Type.Optional(FormDataSchema) },
  { additionalProperties: false },
);
export const ApplicationPatch = Type.Object({ data: FormDataSchema }, { additionalProperties: false });

export const ProtocolStamp = Type.Object({ number: Type.Integer(), year: Type.Integer(), label: Type.String(), registeredAt: IsoDateTime });

export const ApplicationAttachment = Type.Object({
  id: Uuid,
  field: Type.String(),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  signed: Type.Boolean(),
  url: Type.String(),
});
export type ApplicationAttachment = Static<typeof ApplicationAttachment>;

export const ApplicationSummary = Type.Object({
  id: Uuid,
  status: ApplicationStatus,
  /** The case's state once filed (draft before). */
  state: Type.Unsafe<CaseState>(Type.String({ enum: [...CASE_STATES] })),
  service: Type.Object({ slug: Type.String(), title: Type.String() }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  submittedAt: Type.Union([IsoDateTime, Type.Null()]),
  /** When an untouched draft is removed. */
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  protocol: Type.Union([ProtocolStamp, Type.Null()]),
  receiptUrl: Type.Union([Type.String(), Type.Null()]),
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;

export const ApplicationDetail = Type.Object({
  ...ApplicationSummary.properties,
  form: Type.Object({ version: Type.Integer(), definition: FormDefinition }),
  data: FormDataSchema,
  attachments: Type.Array(ApplicationAttachment),
  /** The fee's position when the form asks for one and it was made (to pay before filing, or after). */
  payment: Type.Union([
    Type.Object({
      id: Uuid,
      status: Type.Union([Type.Literal('draft'), Type.Literal('payable'), Type.Literal('paid'), Type.Literal('expired'), Type.Literal('cancelled')]),
      amountCents: Type.Integer(),
      canPay: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  /** The identity's data, shown read-only and never asked (once-only). */
  applicant: Type.Object({
    fiscalCode: Type.String(),
    givenName: Type.String(),
    familyName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const ApplicationCreated = Type.Object({ id: Uuid, status: ApplicationStatus });
export const FeeStarted = Type.Object({ paymentId: Uuid });
export const ApplicationList = Type.Object({ applications: Type.Array(ApplicationSummary) });
export type ApplicationList = Static<typeof ApplicationList>;
export const SubmittedApplication = Type.Object({ id: Uuid, status: ApplicationStatus, protocol: ProtocolStamp, receiptUrl: Type.String() });
export type SubmittedApplication = Static<typeof SubmittedApplication>;

export const ApplicationParams = Type.Intersect([TenantParams, Type.Object({ id: Uuid })]);
export const AttachmentParams = Type.Intersect([TenantParams, Type.Object({ id: Uuid, attachmentId: Uuid })]);
export const AttachmentUpload = Type.Object(
  {
    field: Line({ minLength: 3, maxLength: 200, description: 'The file field: "step.field", or "step.group.field" inside a group' }),
    file: Type.Optional(Type.String({ format: 'binary' })),
  },
  { additionalProperties: false },
);
