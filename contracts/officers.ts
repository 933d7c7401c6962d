// Officer accounts (admin pages and each officer's own profile) and the audit log: request and
// response schemas shared by the server and the console.
import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Line, Name, TenantParams, Uuid } from './common.ts';
import { OperatorRole } from './operator.ts';

export const Officer = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  /** Where a case's news reaches the officer holding it; null: the office's address. */
  email: Type.Union([Type.String(), Type.Null()]),
  role: OperatorRole,
  /** Empty: every office of the comune (always so for admins). */
  officeIds: Type.Array(Type.String()),
  active: Type.Boolean(),
  /** Sign-ins to this username wait until this instant at some address that failed too often (null: none); the account itself is never locked. */
  lockedUntil: Type.Union([IsoDateTime, Type.Null()]),
  totpEnabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  passwordChangedAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});
export type Officer = Static<typeof Officer>;

export const OfficerList = Type.Object({ officers: Type.Array(Officer) });
export type OfficerList = Static<typeof OfficerList>;

export const OfficerListQuery = Type.Object(
  {
    officeId: Type.Optional(Uuid),
    role: Type.Optional(OperatorRole),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const OfficerParams = Type.Intersect([TenantParams, Type.Object({ officerId: Uuid })]);

const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,60}$', description: 'Letters, digits, dot, dash, underscore; stored in lower case' });
const DisplayName = Name({ minLength: 2, maxLength: 100 });
/** A work email, or null to remove it. */
const OfficerEmail = Type.Union([Line({ format: 'email', maxLength: 254 }), Type.Null()]);
const OfficeIds = Type.Array(Uuid, { maxItems: 200, description: 'Empty: every office. Ignored for admins, who work for the whole comune.' });

export const OfficerCreate = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    email: Type.Optional(OfficerEmail),
    role: OperatorRole,
    officeIds: Type.Optional(OfficeIds),
    temporaryPassword: Type.Optional(
      Type.String({ minLength: 1, maxLength: 256, description: 'Omit to have one generated; either way it is shown once and must be changed at the first login' }),
    ),
  },
  { additionalProperties: false },
);
export type OfficerCreate = Static<typeof OfficerCreate>;

export const OfficerPatch = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    email: Type.Optional(OfficerEmail),
    role: Type.Optional(OperatorRole),
    officeIds: Type.Optional(OfficeIds),
    active: Type.Optional(Type.Boolean({ description: 'false disables the account and ends its sessions at once' })),
  },
  { additionalProperties: false },
);
export type OfficerPatch = Static<typeof OfficerPatch>;

export const PasswordResetRequest = Type.Object(
  { removeTotp: Type.Optional(Type.Boolean({ description: 'Also remove the second factor (a lost phone)' })) },
  { additionalProperties: false },
);

export const OfficerWithPassword = Type.Object({
  officer: Officer,
  temporaryPassword: Type.String({ description: 'Shown once: it is stored only as an argon2id hash' }),
});
export type OfficerWithPassword = Static<typeof OfficerWithPassword>;

export const PasswordChangeRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const Profile = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: OperatorRole,
  offices: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  totpEnabled: Type.Boolean(),
  totpEnabledAt: Type.Union([IsoDateTime, Type.Null()]),
  mustChangePassword: Type.Boolean(),
  passwordChangedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type Profile = Static<typeof Profile>;

export const TotpSetup = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into the app by hand' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'The otpauth URI as an SVG QR code' }),
});
export type TotpSetup = Static<typeof TotpSetup>;

export const TotpCodeRequest = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$', description: '6 digits' }) }, { additionalProperties: false });

export const AuditQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    actorType: Type.Optional(Type.Union([Type.Literal('operator'), Type.Literal('citizen'), Type.Literal('system')])),
    actorId: Type.Optional(Line({ minLength: 1, maxLength: 100 })),
    action: Type.Optional(Line({ minLength: 1, maxLength: 100, description: 'Prefix: "booking." finds every booking action' })),
    entityType: Type.Optional(Line({ minLength: 1, maxLength: 60 })),
    entityId: Type.Optional(Line({ minLength: 1, maxLength: 100 })),
    q: Type.Optional(Line({ minLength: 1, maxLength: 200, description: 'Free text searched in the details' })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'Paging: entries older than this id (nextBefore of the previous page)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditLogEntry = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  /** Linked into the chain (within seconds of the commit). */
  sealed: Type.Boolean(),
});
export type AuditLogEntry = Static<typeof AuditLogEntry>;

export const AuditPage = Type.Object({
  entries: Type.Array(AuditLogEntry),
  nextBefore: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `before` for the next (older) page; null on the last page' }),
});
export type AuditPage = Static<typeof AuditPage>;

export const ChainVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer({ description: 'Sealed entries recomputed' }),
  unsealed: Type.Integer({ description: 'Entries not linked yet (committed in the last seconds)' }),
  head: Type.Union([Type.Object({ seq: Type.String(), hash: Type.String(), at: IsoDateTime }), Type.Null()], {
    description: 'The last link: write its hash down elsewhere to detect a cut tail later',
  }),
  firstBroken: Type.Union([
    Type.Object({
      id: Type.String(),
      chainSeq: Type.String(),
      at: IsoDateTime,
      problem: Type.Union([Type.Literal('missing'), Type.Literal('link'), Type.Literal('modified')]),
      message: Type.String(),
    }),
    Type.Null(),
  ]),
  verifiedAt: IsoDateTime,
});
export type ChainVerification = Static<typeof ChainVerification>;
