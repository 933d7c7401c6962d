import { SiteProfile } from './site.ts';
import { Type, type Static } from 'typebox';

export const Office = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  address: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  openingHours: Type.String(),
  hasQueue: Type.Boolean({ description: 'The office runs a virtual queue: citizens can take a number (GET …/offices/{id}/queue)' }),
});
export type Office = Static<typeof Office>;

export const ServiceMode = Type.Union([Type.Literal('in_person'), Type.Literal('video')]);

export const Service = Type.Object({
  id: Type.String(),
  officeId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  topic: Type.String(),
  durationMinutes: Type.Integer({ description: 'Duration shown to citizens' }),
  mode: ServiceMode,
  whatToBring: Type.String(),
  minNoticeMinutes: Type.Integer(),
  horizonDays: Type.Integer(),
  cutoffMinutes: Type.Integer({ description: 'Changes and cancellations close this many minutes before the start' }),
  capacity: Type.Integer({ description: 'Desks able to serve it' }),
});
export type Service = Static<typeof Service>;

export const OfficeList = Type.Object({ offices: Type.Array(Office) });
export const ServiceList = Type.Object({ office: Office, services: Type.Array(Service) });

export const TenantInfo = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  branding: Type.Object({ primaryColor: Type.Optional(Type.String()), region: Type.Optional(Type.String()), website: Type.Optional(Type.String()) }),
  /** The site shell's settings: contacts, the institutional site's pages, social links, statements. */
  site: SiteProfile,
  /** The map for placing a report (tiles through Sportello), or null when the comune has none. */
  map: Type.Union([
    Type.Object({
      tilesUrl: Type.String({ description: '/api/v1/{tenant}/map-tiles/{z}/{x}/{y}' }),
      attribution: Type.String(),
      latitude: Type.Number(),
      longitude: Type.Number(),
      zoom: Type.Integer(),
    }),
    Type.Null(),
  ]),
  /** The coat of arms' address (it changes when the image does), or null for the neutral emblem. */
  coatOfArmsUrl: Type.Union([Type.String(), Type.Null()]),
});
export type TenantInfo = Static<typeof TenantInfo>;
