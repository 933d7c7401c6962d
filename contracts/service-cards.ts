// The comune's service catalogue ("scheda servizio" of the Modello Comuni): the public list and
// card, and the admins' editing in the console. Sections are plain text: paragraphs separated by a
// blank line, lines starting with "- " as a list.
import { Topic } from './topics.ts';
import { Type, type Static } from 'typebox';
import { IsoDateTime, Line, Name, TenantParams, Text, Uuid } from './common.ts';
import { FormDefinition } from './forms/definition.ts';

/** The service categories of the Modello Comuni (their names are what the official checker reads). */
export const SERVICE_CATEGORIES = {
  'anagrafe-e-stato-civile': 'Anagrafe e stato civile',
  'cultura-e-tempo-libero': 'Cultura e tempo libero',
  'vita-lavorativa': 'Vita lavorativa',
  'imprese-e-commercio': 'Imprese e commercio',
  'appalti-pubblici': 'Appalti pubblici',
  'catasto-e-urbanistica': 'Catasto e urbanistica',
  turismo: 'Turismo',
  'mobilita-e-trasporti': 'Mobilità e trasporti',
  'educazione-e-formazione': 'Educazione e formazione',
  'giustizia-e-sicurezza-pubblica': 'Giustizia e sicurezza pubblica',
  'tributi-finanze-e-contravvenzioni': 'Tributi, finanze e contravvenzioni',
  ambiente: 'Ambiente',
  'salute-benessere-e-assistenza': 'Salute, benessere e assistenza',
  autorizzazioni: 'Autorizzazioni',
  'agricoltura-e-pesca': 'Agricoltura e pesca',
} as const;
export type ServiceCategory = keyof typeof SERVICE_CATEGORIES;
export const ServiceCategory = Type.Unsafe<ServiceCategory>(Type.String({ enum: Object.keys(SERVICE_CATEGORIES), description: 'A Modello Comuni service category' }));

export const CardStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);

export const CatalogueQuery = Type.Object(
  {
    q: Type.Optional(Line({ minLength: 1, maxLength: 200, description: 'Words of the title, summary, topics or description (Italian stemming)' })),
    category: Type.Optional(ServiceCategory),
    topic: Type.Optional(Topic),
  },
  { additionalProperties: false },
);

/** The topics the comune's published cards use, with how many cards each ("Argomenti"). */
export const TopicList = Type.Object({ topics: Type.Array(Type.Object({ topic: Type.String(), slug: Type.String(), count: Type.Integer() })) });
export type TopicList = Static<typeof TopicList>;

export const CatalogueItem = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  category: ServiceCategory,
  status: CardStatus,
  /** Can be applied for online (a guided form). */
  online: Type.Boolean(),
  /** Has "Prenota appuntamento". */
  bookable: Type.Boolean(),
  /** The card's page. */
  url: Type.String(),
});
export type CatalogueItem = Static<typeof CatalogueItem>;

export const CatalogueList = Type.Object({
  services: Type.Array(CatalogueItem),
  /** Each category with how many published services it has (only those with at least one). */
  categories: Type.Array(Type.Object({ slug: ServiceCategory, name: Type.String(), count: Type.Integer() })),
  /** The slugs of the most requested services (bookings in the last 90 days), at most 6; empty when searching. */
  mostRequested: Type.Array(Type.String()),
});
export type CatalogueList = Static<typeof CatalogueList>;

const Office = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  openingHours: Type.String(),
});

/** The sections of a card, in the Modello Comuni order. */
const sectionFields = {
  audience: Type.String(),
  description: Type.String(),
  howTo: Type.String(),
  whatYouNeed: Type.String(),
  whatYouGet: Type.String(),
  timesAndDeadlines: Type.String(),
  maxDays: Type.Union([Type.Integer(), Type.Null()]),
  costs: Type.String(),
  linkedProcedures: Type.String(),
  accessOnline: Type.String(),
  accessInPerson: Type.String(),
  moreInfo: Type.String(),
  specialCases: Type.String(),
  conditions: Type.String(),
};

export const ServiceCard = Type.Object({
  ...CatalogueItem.properties,
  categoryName: Type.String(),
  inactiveReason: Type.Union([Type.String(), Type.Null()]),
  ...sectionFields,
  topics: Type.Array(Type.String()),
  office: Office,
  /** "Prenota appuntamento": the appointment service to book. */
  booking: Type.Union([Type.Object({ officeId: Uuid, serviceId: Uuid, name: Type.String() }), Type.Null()]),
  /** The online form (its current version), when the service can be applied for online. */
  form: Type.Union([Type.Object({ version: Type.Integer(), definition: FormDefinition }), Type.Null()]),
  updatedAt: IsoDateTime,
});
export type ServiceCard = Static<typeof ServiceCard>;

export const CardParams = Type.Intersect([TenantParams, Type.Object({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }) })]);

// Editing (admins)

const section = (maxLength = 10_000) => Text({ maxLength });
const editable = {
  title: Name({ minLength: 2, maxLength: 160 }),
  summary: Name({ minLength: 1, maxLength: 160, description: 'Short description: at most 160 characters' }),
  category: ServiceCategory,
  active: Type.Boolean(),
  inactiveReason: Type.Union([Line({ minLength: 3, maxLength: 300 }), Type.Null()]),
  published: Type.Boolean(),
  audience: section(),
  description: section(),
  howTo: section(),
  whatYouNeed: section(),
  whatYouGet: section(),
  timesAndDeadlines: section(),
  maxDays: Type.Union([Type.Integer({ minimum: 1, maximum: 3650 }), Type.Null()]),
  costs: section(),
  linkedProcedures: section(),
  accessOnline: section(),
  accessInPerson: section(),
  moreInfo: section(),
  specialCases: section(),
  conditions: section(),
  topics: Type.Array(Topic, { maxItems: 10, uniqueItems: true }),
  officeId: Uuid,
  bookingServiceId: Type.Union([Uuid, Type.Null()]),
};

const { title, summary, category, officeId, ...optional } = editable;
export const NewServiceCard = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 100, description: 'The address: lowercase words joined by "-"' }),
    title,
    summary,
    category,
    officeId,
    ...Type.Partial(Type.Object(optional)).properties,
  },
  { additionalProperties: false },
);
export type NewServiceCard = Static<typeof NewServiceCard>;

export const ServiceCardPatch = Type.Partial(Type.Object(editable), { additionalProperties: false });
export type ServiceCardPatch = Static<typeof ServiceCardPatch>;

export const AdminServiceCard = Type.Object({ ...ServiceCard.properties, id: Uuid, published: Type.Boolean(), officeId: Uuid, bookingServiceId: Type.Union([Uuid, Type.Null()]) });
export type AdminServiceCard = Static<typeof AdminServiceCard>;
export const AdminServiceCardList = Type.Object({ cards: Type.Array(AdminServiceCard) });
export const CardIdParams = Type.Intersect([TenantParams, Type.Object({ id: Uuid })]);

/** An online service's form as admins edit it: saving makes a new version (drafts keep theirs). */
export const CardForm = Type.Object({ version: Type.Integer(), definition: FormDefinition });
export const CardFormResponse = Type.Object({ form: Type.Union([CardForm, Type.Null()]) });
export const CardFormInput = Type.Object({ definition: FormDefinition }, { additionalProperties: false });
