// Requests citizens send to the comune: "Richiesta d'assistenza" (the Modello Comuni service reached
// from every footer). Anyone may write; the office in charge answers from the console.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Line, Name, TenantParams, Text, Uuid } from './common.ts';

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
    description: Text({ minLength: 10, maxLength: 4000 }),
    /** Ignored for a logged-in citizen: their identity's names are used. */
    name: Name({ minLength: 1, maxLength: 100 }),
    surname: Name({ minLength: 1, maxLength: 100 }),
    email: Line({ format: 'email', maxLength: 254 }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ./-]{5,40}$' })),
  },
  { additionalProperties: false },
);
export type NewAssistanceRequest = Static<typeof NewAssistanceRequest>;

export const RequestReceipt = Type.Object({ id: Uuid, number: Type.String({ description: 'n/yyyy' }), createdAt: IsoDateTime });
export type RequestReceipt = Static<typeof RequestReceipt>;

export const OperatorRequest = Type.Object({
  id: Uuid,
  number: Type.String(),
  category: Type.String(),
  service: Type.Union([Type.Object({ slug: Type.String(), title: Type.String() }), Type.Null()]),
  officeId: Type.Union([Uuid, Type.Null()]),
  description: Type.String(),
  requester: Type.Object({ name: Type.String(), surname: Type.String(), email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), loggedIn: Type.Boolean() }),
  status: Type.Union([Type.Literal('open'), Type.Literal('answered')]),
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});
export type OperatorRequest = Static<typeof OperatorRequest>;
export const OperatorRequestList = Type.Object({ requests: Type.Array(OperatorRequest) });
export type OperatorRequestList = Static<typeof OperatorRequestList>;
export const RequestListQuery = Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered')])) }, { additionalProperties: false });
export const RequestParams = Type.Object({ ...TenantParams.properties, id: Uuid });
export const RequestAnswer = Type.Object({ text: Text({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
