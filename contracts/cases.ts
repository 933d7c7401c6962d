// Case handling: an application filed by a citizen, handled by the office to a decision (L. 241/1990).
// The office's inbox and case page, its actions, and what the citizen sees of the case: the state in
// words, the timeline, the latest expected date, the messages (never the office's internal notes).
import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, TenantParams, Text, Uuid } from './common.ts';
import { ApplicationAttachment, ProtocolStamp } from './applications.ts';
import { FormDefinition } from './forms/definition.ts';
import { CASE_STATES, type CaseState } from './statuses.ts';

export const CaseStateSchema = Type.Unsafe<CaseState>(Type.String({ enum: [...CASE_STATES] }));

export const CaseTerm = Type.Object({
  /** The latest expected date (the comune's day); null while an integration request suspends it. */
  expectedBy: Type.Union([IsoDate, Type.Null()]),
  suspended: Type.Boolean(),
  suspendedDays: Type.Integer(),
  daysLeft: Type.Union([Type.Integer(), Type.Null()]),
  flag: Type.Union([Type.Literal('on_time'), Type.Literal('near'), Type.Literal('past'), Type.Literal('suspended')]),
  maxDays: Type.Integer(),
});
export type CaseTerm = Static<typeof CaseTerm>;

export const TimelineEntry = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  kind: Type.Union([Type.Literal('state'), Type.Literal('message'), Type.Literal('note')]),
  action: Type.Union([Type.String(), Type.Null()]),
  fromState: Type.Union([CaseStateSchema, Type.Null()]),
  toState: Type.Union([CaseStateSchema, Type.Null()]),
  by: Type.Union([Type.Literal('citizen'), Type.Literal('office'), Type.Literal('system')]),
  author: Type.String(),
  text: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([IsoDate, Type.Null()]),
  /** An integration request's fields of the form to fill in again; an integration's answer to them. */
  asked: Type.Union([Type.Array(Type.String()), Type.Null()]),
  data: Type.Union([Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())), Type.Null()]),
  /** The files sent with it (the citizen's integration, observations or message). */
  files: Type.Array(Type.Object({ id: Uuid, name: Type.String(), mediaType: Type.String(), size: Type.Integer(), url: Type.String() })),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

const CaseDocumentKindSchema = Type.Union([Type.Literal('filed'), Type.Literal('receipt'), Type.Literal('response')]);
export type CaseDocumentKind = Static<typeof CaseDocumentKindSchema>;
export const CaseDocument = Type.Object({
  kind: CaseDocumentKindSchema,
  name: Type.String(),
  url: Type.String(),
  protocol: Type.Union([Type.String(), Type.Null()]),
});

export const CITIZEN_CASE_ACTIONS = ['submit_integration', 'submit_observations', 'withdraw', 'message'] as const;

/** What the citizen sees of a filed application's case (added to the application's detail). */
export const CitizenCaseFields = {
  state: CaseStateSchema,
  /** The state in words ("in attesa di integrazione"). */
  stateWords: Type.String(),
  term: Type.Union([CaseTerm, Type.Null()]),
  /** The latest expected date (also in `term`); null for a draft or while suspended. */
  expectedBy: Type.Union([IsoDate, Type.Null()]),
  /** The phases with their dates, and the messages, in order (never the office's internal notes). */
  timeline: Type.Array(TimelineEntry),
  messages: Type.Array(TimelineEntry),
  documents: Type.Array(CaseDocument),
  outcome: Type.Union([Type.String(), Type.Null()]),
  /** An open integration request: what is asked and by when. */
  integration: Type.Union([Type.Object({ text: Type.String(), dueOn: IsoDate, fields: Type.Array(Type.String()) }), Type.Null()]),
  /** What the citizen may do now. */
  actions: Type.Array(Type.Unsafe<(typeof CITIZEN_CASE_ACTIONS)[number]>(Type.String({ enum: [...CITIZEN_CASE_ACTIONS] }))),
};

export const OperatorCaseSummary = Type.Object({
  id: Uuid,
  state: CaseStateSchema,
  service: Type.Object({ slug: Type.String(), title: Type.String() }),
  applicant: Type.Object({ fiscalCode: Type.String(), name: Type.String() }),
  officeId: Type.Union([Uuid, Type.Null()]),
  assignee: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  protocol: Type.Union([ProtocolStamp, Type.Null()]),
  submittedAt: IsoDateTime,
  dueOn: Type.Union([IsoDate, Type.Null()]),
  suspended: Type.Boolean(),
  flag: CaseTerm.properties.flag,
});
export type OperatorCaseSummary = Static<typeof OperatorCaseSummary>;

export const OperatorCaseList = Type.Object({
  cases: Type.Array(OperatorCaseSummary),
  total: Type.Integer(),
  /** Open cases by state, for the inbox's counters (same office scope, no other filter). */
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type OperatorCaseList = Static<typeof OperatorCaseList>;

export const OperatorCaseQuery = Type.Object(
  {
    state: Type.Optional(CaseStateSchema),
    serviceSlug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 })),
    /** An officer's id, or "me", or "none" (not yet assigned). */
    assignee: Type.Optional(Type.Union([Uuid, Type.Literal('me'), Type.Literal('none')])),
    /** near: within 5 days of the term; past: beyond it. */
    overdue: Type.Optional(Type.Union([Type.Literal('near'), Type.Literal('past')])),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001F\\u007F]*$', description: 'Protocol number, fiscal code or name' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type OperatorCaseQuery = Static<typeof OperatorCaseQuery>;

export const OperatorCase = Type.Object({
  ...OperatorCaseSummary.properties,
  term: Type.Union([CaseTerm, Type.Null()]),
  form: Type.Object({ version: Type.Integer(), definition: FormDefinition }),
  data: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
  attachments: Type.Array(ApplicationAttachment),
  applicantContacts: Type.Object({ email: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) }),
  timeline: Type.Array(TimelineEntry),
  outcome: Type.Union([Type.String(), Type.Null()]),
  documents: Type.Array(CaseDocument),
  /** The changes allowed now (the console's buttons). */
  actions: Type.Array(Type.String()),
});
export type OperatorCase = Static<typeof OperatorCase>;

export const CaseWorkload = Type.Object({
  /** Open cases per officer (null: not yet taken), and how many are past their term. */
  officers: Type.Array(Type.Object({ officer: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]), open: Type.Integer(), pastTerm: Type.Integer() })),
  /** Decided cases per service and the average days from registration to decision. */
  services: Type.Array(Type.Object({ service: Type.Object({ slug: Type.String(), title: Type.String() }), decided: Type.Integer(), averageDays: Type.Number() })),
});
export type CaseWorkload = Static<typeof CaseWorkload>;

export const CaseParams = Type.Intersect([TenantParams, Type.Object({ id: Uuid })]);
export const CaseText = Type.Object({ text: Text({ minLength: 1, maxLength: 8000 }) }, { additionalProperties: false });
/** The citizen's text, with the files uploaded for it (POST …/files first). */
export const CitizenCaseText = Type.Object(
  { text: Text({ minLength: 1, maxLength: 8000 }), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })) },
  { additionalProperties: false },
);
const FormAnswer = Type.Record(Type.String({ maxLength: 40 }), Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()), { maxProperties: 20 });
/** The integration: the text, files, and the answer to the form's fields asked (when some were). */
export const CitizenIntegration = Type.Object({ ...CitizenCaseText.properties, data: Type.Optional(FormAnswer) }, { additionalProperties: false });
export const CaseFileUpload = Type.Object({ file: Type.Optional(Type.String({ format: 'binary' })) }, { additionalProperties: false });
export const CaseFileUploaded = Type.Object({ id: Uuid, name: Type.String(), mediaType: Type.String(), size: Type.Integer() });
export type CaseFileUploaded = Static<typeof CaseFileUploaded>;
export const CaseReasons = Type.Object({ reasons: Text({ minLength: 1, maxLength: 8000 }) }, { additionalProperties: false });
export const CaseTake = Type.Object({ assignee: Type.Optional(Uuid) }, { additionalProperties: false });
export const CaseIntegrationRequest = Type.Object(
  {
    text: Text({ minLength: 1, maxLength: 8000 }),
    dueDate: IsoDate,
    /** Fields of the service's form to fill in again ("step.field"): the citizen answers them in the same form. */
    fields: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}\\.[a-z][a-zA-Z0-9]{0,39}$' }), { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export const CaseCancel = Type.Object({ reason: Text({ minLength: 1, maxLength: 8000 }) }, { additionalProperties: false });
export const CaseWithdraw = Type.Object({ reason: Type.Optional(Text({ maxLength: 2000 })) }, { additionalProperties: false });

/** How the timeline names each step (the citizen's page and the console alike). */
export const CASE_STEP_LABELS: Record<string, string> = {
  submit: 'Domanda presentata',
  register: 'Registrata al protocollo',
  take: 'Presa in carico',
  request_integration: 'Richiesta di integrazione',
  submit_integration: 'Integrazione inviata',
  notice_of_rejection: 'Preavviso di rigetto (art. 10-bis L. 241/1990)',
  submit_observations: 'Osservazioni al preavviso',
  accept: 'Domanda accolta',
  reject: 'Domanda respinta',
  withdraw: 'Domanda ritirata',
  cancel: 'Pratica annullata',
  message: 'Messaggio',
  note: 'Nota interna',
};

const CitizenCaseObject = Type.Object(CitizenCaseFields);
export type CitizenCase = Static<typeof CitizenCaseObject>;
