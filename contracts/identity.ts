// Citizens: login with SPID/CIE, the logged-in citizen, and the personal area ("Scrivania virtuale").
import { Type, type Static } from 'typebox';
import { CheckedByHandler, IsoDateTime, Line, Uuid } from './common.ts';
import { BOOKING_STATUSES } from './statuses.ts';

export const CitizenProvider = Type.Union([Type.Literal('spid'), Type.Literal('cie')]);

export const LoginQuery = Type.Object({
  provider: CitizenProvider,
  level: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(3)], { description: 'The level of assurance to ask for (3: a service that needs it); 2 by default' })),
  returnTo: Type.Optional(CheckedByHandler({ maxLength: 500, description: 'A page of this comune to come back to, e.g. /bari/prenota-appuntamento' })),
});

export const LogoutResponse = Type.Object({ logoutUrl: Type.String({ description: "Where to send the browser to end the session at the gateway too (or the comune's home)" }) });

export const CitizenProfile = Type.Object({
  fiscalCode: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  birthPlace: Type.Union([Type.String(), Type.Null()]),
  residenceAddress: Type.Union([Type.String(), Type.Null()]),
  /** The contact email (the citizen's choice, verified), and the one being verified. */
  email: Type.Union([Type.String(), Type.Null()]),
  emailVerified: Type.Boolean(),
  pendingEmail: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  notifyEmail: Type.Boolean(),
  provider: CitizenProvider,
  spidLevel: Type.Union([Type.Integer(), Type.Null()]),
});
export type CitizenProfile = Static<typeof CitizenProfile>;

export const CitizenMe = Type.Object({ csrfToken: Type.String(), citizen: CitizenProfile, unreadMessages: Type.Integer() });
export type CitizenMe = Static<typeof CitizenMe>;
export const CitizenSession = Type.Object({ me: Type.Union([CitizenMe, Type.Null()]) });
export type CitizenSession = Static<typeof CitizenSession>;

export const ContactsInput = Type.Object(
  {
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Literal('')])),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' }), Type.Literal('')])),
    notifyEmail: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContactsInput = Static<typeof ContactsInput>;

export const InboxMessage = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  at: IsoDateTime,
  read: Type.Boolean(),
});
export type InboxMessage = Static<typeof InboxMessage>;
export const InboxPage = Type.Object({ messages: Type.Array(InboxMessage), unread: Type.Integer(), total: Type.Integer() });
export type InboxPage = Static<typeof InboxPage>;

export const Activity = Type.Object({
  at: IsoDateTime,
  title: Type.String(),
  by: Type.Union([Type.Literal('citizen'), Type.Literal('office'), Type.Literal('system')]),
  link: Type.Union([Type.String(), Type.Null()]),
});
export type Activity = Static<typeof Activity>;

export const Deadline = Type.Object({
  title: Type.String(),
  due: IsoDateTime,
  link: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('appointment'), Type.Literal('deadline')]),
});
export type Deadline = Static<typeof Deadline>;

export const CitizenAppointment = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.Enum(BOOKING_STATUSES),
  start: IsoDateTime,
  end: IsoDateTime,
  serviceId: Type.String(),
  serviceName: Type.String(),
  officeName: Type.String(),
  mode: Type.String(),
  canChange: Type.Boolean(),
});
export type CitizenAppointment = Static<typeof CitizenAppointment>;
export const CitizenAppointments = Type.Object({ upcoming: Type.Array(CitizenAppointment), past: Type.Array(CitizenAppointment) });
export type CitizenAppointments = Static<typeof CitizenAppointments>;

export const Dashboard = Type.Object({
  messages: Type.Array(InboxMessage),
  unread: Type.Integer(),
  activities: Type.Array(Activity),
  deadlines: Type.Array(Deadline),
  appointments: Type.Array(CitizenAppointment),
});
export type Dashboard = Static<typeof Dashboard>;

export const ManageLink = Type.Object({ manageUrl: Type.String() });
export const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });
export const AppointmentParams = Type.Object({ tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }), id: Uuid });
export const MessageParams = AppointmentParams;

export const PrivacyNotice = Type.Object({ serviceId: Type.String(), serviceName: Type.String(), officeName: Type.String(), text: Type.String() });
export type PrivacyNotice = Static<typeof PrivacyNotice>;
export const PrivacyNoticeList = Type.Object({ notices: Type.Array(Type.Object({ serviceId: Type.String(), serviceName: Type.String(), officeName: Type.String() })) });

const ProviderConfig = Type.Object(
  {
    issuer: Type.String({
      format: 'uri',
      maxLength: 500,
      description: "The gateway's OpenID Connect issuer: https (http only for a gateway on this machine, outside production); its discovery document is checked before saving",
    }),
    clientId: Line({ minLength: 1, maxLength: 200 }),
    params: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Type.String({ maxLength: 500 }), { description: 'Extra authorization parameters the gateway wants' }),
    ),
  },
  { additionalProperties: false },
);

export const IdentityProvidersConfig = Type.Object(
  { spid: Type.Union([ProviderConfig, Type.Null()]), cie: Type.Union([ProviderConfig, Type.Null()]) },
  { additionalProperties: false },
);
export type IdentityProvidersConfig = Static<typeof IdentityProvidersConfig>;
// One object, not an intersection: the config's additionalProperties: false made an allOf that no
// answer could match (the route fuzzer found it).
export const IdentityProvidersView = Type.Object({
  ...IdentityProvidersConfig.properties,
  testProviderAvailable: Type.Boolean({ description: 'Unset providers fall back to the embedded test provider (not in production)' }),
});
