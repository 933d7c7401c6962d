// Requests citizens send to the comune: "Richiesta d'assistenza" (the Modello Comuni service reached
// from every footer). Anyone may write; the office in charge answers from the console.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Line, Name, TenantParams, Text, Uuid } from './common.ts';

const Status = Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('answered')], {
  description: 'open: received; in_progress: an office (and maybe an officer) handles it; answered: answered and closed',
});

/** What both a request and a report carry: the text, and who wrote with how to answer them. */
const WRITER = {
  description: Text({ minLength: 10, maxLength: 4000 }),
  /** Ignored for a logged-in citizen: their identity's names are used. */
  name: Name({ minLength: 1, maxLength: 100 }),
  surname: Name({ minLength: 1, maxLength: 100 }),
  email: Line({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ./-]{5,40}$' })),
};

export const ASSISTANCE_CATEGORIES = [
  'Informazioni su un servizio',
  'Problemi con una domanda online',
  'Problemi con un appuntamento',
  'Accesso con SPID o CIE',
  'Pagamenti',
  'Altro',
] as const;

export const NewAssistanceRequest = Type.Object(
  {
    category: Type.Unsafe<(typeof ASSISTANCE_CATEGORIES)[number]>(Type.String({ enum: [...ASSISTANCE_CATEGORIES] })),
    /** The service concerned, by its card's address (`carta-di-identita-elettronica`). */
    serviceSlug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 })),
    ...WRITER,
  },
  { additionalProperties: false },
);
export type NewAssistanceRequest = Static<typeof NewAssistanceRequest>;

/** "Segnalazione disservizio": what goes wrong in the city, by kind (the statistics count by it). */
export const REPORT_CATEGORIES = [
  'Strade e marciapiedi',
  'Illuminazione pubblica',
  'Rifiuti e pulizia',
  'Verde pubblico',
  'Segnaletica e semafori',
  'Acqua e fognature',
  'Edifici pubblici',
  'Animali',
  'Rumore e inquinamento',
  'Altro',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_PHOTOS = { max: 3, maxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] } as const;

export const Place = Type.Object({
  address: Type.String(),
  latitude: Type.Union([Type.Number(), Type.Null()]),
  longitude: Type.Union([Type.Number(), Type.Null()]),
});

export const NewInefficiencyReport = Type.Object(
  {
    category: Type.Unsafe<ReportCategory>(Type.String({ enum: [...REPORT_CATEGORIES] })),
    /** Street and number, or a landmark ("davanti alla scuola Mazzini"). */
    address: Name({ minLength: 3, maxLength: 200 }),
    /** The point, when the citizen shared their position or chose it on the map (WGS 84). */
    position: Type.Optional(
      Type.Object({ latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false }),
    ),
    ...WRITER,
  },
  { additionalProperties: false },
);
export type NewInefficiencyReport = Static<typeof NewInefficiencyReport>;

export const ReportReceipt = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'n/yyyy' }),
  createdAt: IsoDateTime,
  /** One-time secret for adding the photos (at most 3, within an hour): `token` part of the upload. */
  photoToken: Type.String(),
  photosUrl: Type.String(),
});
export type ReportReceipt = Static<typeof ReportReceipt>;
export const ReportPhotoUpload = Type.Object(
  { token: Line({ minLength: 20, maxLength: 100 }), file: Type.Optional(Type.String({ format: 'binary' })) },
  { additionalProperties: false },
);
export const ReportPhotoAdded = Type.Object({ id: Uuid, mediaType: Type.String(), size: Type.Integer(), photos: Type.Integer({ description: 'how many the report has now' }) });
export type ReportPhotoAdded = Static<typeof ReportPhotoAdded>;

/** The public list: what and where, never who. */
export const PublicReport = Type.Object({ number: Type.String(), category: Type.String(), address: Type.String(), createdAt: IsoDateTime, status: Status });
export const PublicReportList = Type.Object({ reports: Type.Array(PublicReport), total: Type.Integer() });
export type PublicReportList = Static<typeof PublicReportList>;
export const PublicReportQuery = Type.Object(
  {
    category: Type.Optional(Type.Unsafe<ReportCategory>(Type.String({ enum: [...REPORT_CATEGORIES] }))),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

export const ReportAssign = Type.Object({ officeId: Uuid, assigneeId: Type.Optional(Uuid) }, { additionalProperties: false });
export type ReportAssign = Static<typeof ReportAssign>;
export const ReportAssignees = Type.Object({
  offices: Type.Array(Type.Object({ id: Uuid, name: Type.String(), officers: Type.Array(Type.Object({ id: Uuid, name: Type.String() })) })),
});
export type ReportAssignees = Static<typeof ReportAssignees>;
export const ReportStatsQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })) }, { additionalProperties: false });
export const ReportStats = Type.Object({
  days: Type.Integer(),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      total: Type.Integer(),
      open: Type.Integer(),
      inProgress: Type.Integer(),
      answered: Type.Integer(),
      /** Median time from the report to its answer, for those answered in the period. */
      medianHoursToAnswer: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
export type ReportStats = Static<typeof ReportStats>;

/** The citizen's own requests and reports, in the personal area. */
export const MyRequest = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('assistance'), Type.Literal('inefficiency')]),
  number: Type.String(),
  category: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()], { description: 'the service concerned, or the place of a report' }),
  description: Type.String(),
  status: Status,
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});
export const MyRequestList = Type.Object({ requests: Type.Array(MyRequest) });
export type MyRequestList = Static<typeof MyRequestList>;

export const RequestReceipt = Type.Object({ id: Uuid, number: Type.String({ description: 'n/yyyy' }), createdAt: IsoDateTime });
export type RequestReceipt = Static<typeof RequestReceipt>;

export const OperatorRequest = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('assistance'), Type.Literal('inefficiency')]),
  number: Type.String(),
  category: Type.String(),
  service: Type.Union([Type.Object({ slug: Type.String(), title: Type.String() }), Type.Null()]),
  officeId: Type.Union([Uuid, Type.Null()]),
  description: Type.String(),
  requester: Type.Object({ name: Type.String(), surname: Type.String(), email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), loggedIn: Type.Boolean() }),
  status: Status,
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
  /** Reports only: where, who handles it, the photos. */
  place: Type.Union([Place, Type.Null()]),
  assignee: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  photos: Type.Array(Type.Object({ id: Uuid, mediaType: Type.String(), size: Type.Integer(), url: Type.String() })),
});
export type OperatorRequest = Static<typeof OperatorRequest>;
export const OperatorRequestList = Type.Object({ requests: Type.Array(OperatorRequest) });
export type OperatorRequestList = Static<typeof OperatorRequestList>;
export const RequestListQuery = Type.Object({ status: Type.Optional(Status) }, { additionalProperties: false });
export const ReportListQuery = Type.Object(
  { status: Type.Optional(Status), category: Type.Optional(Type.Unsafe<ReportCategory>(Type.String({ enum: [...REPORT_CATEGORIES] }))) },
  { additionalProperties: false },
);
export const RequestParams = Type.Object({ ...TenantParams.properties, id: Uuid });
export const RequestAnswer = Type.Object({ text: Text({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
