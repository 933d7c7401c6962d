// The protocol register's API (officers): registrations by hand, search, annulment, documents, and
// the daily registers (admins).
import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Line, Name, TenantParams, Uuid } from './common.ts';

export const ProtocolDirection = Type.Union([Type.Literal('incoming'), Type.Literal('outgoing'), Type.Literal('internal')], {
  description: 'incoming (in entrata), outgoing (in uscita), internal (interno)',
});
export type ProtocolDirection = Static<typeof ProtocolDirection>;

/** The fields of a registration by hand; multipart requests carry the same fields next to the files. */
export const NewProtocolEntry = Type.Object(
  {
    direction: ProtocolDirection,
    correspondent: Name({ minLength: 1, maxLength: 300, description: 'Sender (incoming) or recipients (outgoing)' }),
    subject: Name({ minLength: 1, maxLength: 1000 }),
    classification: Type.Optional(Line({ minLength: 1, maxLength: 100, description: 'Class in the comune’s filing plan (titolario), e.g. "VI.3"' })),
  },
  { additionalProperties: false },
);
export type NewProtocolEntry = Static<typeof NewProtocolEntry>;

export const ProtocolRegistered = Type.Object({
  id: Uuid,
  number: Type.Integer({ minimum: 1 }),
  year: Type.Integer(),
  /** "0000042/2026": the number with at least 7 digits, and the year. */
  label: Type.String(),
  registeredAt: IsoDateTime,
});
export type ProtocolRegistered = Static<typeof ProtocolRegistered>;

export const ProtocolDocument = Type.Object({
  index: Type.Integer({ minimum: 0, description: '0 is the main document, then the attachments' }),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  url: Type.String(),
});

export const ProtocolEntry = Type.Object({
  ...ProtocolRegistered.properties,
  direction: ProtocolDirection,
  correspondent: Type.String(),
  subject: Type.String(),
  classification: Type.Union([Type.String(), Type.Null()]),
  applicationId: Type.Union([Uuid, Type.Null()]),
  /** Who registered it: an officer (by name), or a citizen's online submission. */
  registeredBy: Type.Object({ type: Type.Union([Type.Literal('operator'), Type.Literal('citizen'), Type.Literal('system')]), name: Type.Union([Type.String(), Type.Null()]) }),
  documents: Type.Array(ProtocolDocument),
  annulment: Type.Union([Type.Object({ reason: Type.String(), at: IsoDateTime, by: Type.String() }), Type.Null()]),
});
export type ProtocolEntry = Static<typeof ProtocolEntry>;

export const ProtocolQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 9999 })),
    number: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999_999 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    direction: Type.Optional(ProtocolDirection),
    q: Type.Optional(Line({ minLength: 1, maxLength: 200, description: 'Words searched in the correspondent and the subject' })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{4}/[0-9]{1,9}$', description: 'Paging: entries before this "year/number" (nextBefore of the previous page)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ProtocolQuery = Static<typeof ProtocolQuery>;

export const ProtocolPage = Type.Object({
  entries: Type.Array(ProtocolEntry),
  nextBefore: Type.Union([Type.String(), Type.Null()]),
});
export type ProtocolPage = Static<typeof ProtocolPage>;

/** The same fields as multipart/form-data, with the files (read before the fields are checked). */
export const NewProtocolEntryForm = Type.Object(
  {
    ...NewProtocolEntry.properties,
    document: Type.Optional(Type.String({ format: 'binary', description: 'The main document (scan or file); typed by its content' })),
    attachments: Type.Optional(Type.Array(Type.String({ format: 'binary' }), { description: 'Attachments, repeated field' })),
  },
  { additionalProperties: false },
);

export const AnnulProtocolEntry = Type.Object({ reason: Name({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });

export const ProtocolEntryParams = Type.Intersect([TenantParams, Type.Object({ id: Uuid })]);
export const ProtocolDocumentParams = Type.Intersect([TenantParams, Type.Object({ id: Uuid, index: Type.Integer({ minimum: 0, maximum: 100 }) })]);

const RegisterFile = Type.Object({ size: Type.Integer(), sha256: Type.String(), url: Type.String() });
export const DailyRegister = Type.Object({
  day: IsoDate,
  entries: Type.Integer(),
  annulments: Type.Integer(),
  firstNumber: Type.Union([Type.Integer(), Type.Null()]),
  lastNumber: Type.Union([Type.Integer(), Type.Null()]),
  producedAt: IsoDateTime,
  pdf: RegisterFile,
  json: RegisterFile,
});
export type DailyRegister = Static<typeof DailyRegister>;
export const DailyRegisterList = Type.Object({ registers: Type.Array(DailyRegister) });
export type DailyRegisterList = Static<typeof DailyRegisterList>;
export const DailyRegisterParams = Type.Intersect([TenantParams, Type.Object({ day: IsoDate, format: Type.Union([Type.Literal('pdf'), Type.Literal('json')]) })]);
