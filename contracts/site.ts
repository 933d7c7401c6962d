// The comune's site shell (Designers Italia Modello Comuni): what every citizen page shows around its
// content (the first-level menu, the footer's contacts and links), the FAQ, and the page rating. The
// official checker reads the menu's names, the second-level titles, the legal notes' licence text and
// the rating's questions word for word: they live here, once, for the server and the web client.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Line, Name, TenantParams, Text, Uuid } from './common.ts';

// Line() sets its own pattern; fields with a stricter one are plain strings (the pattern refuses control characters too).
/** The zoom levels the map offers (a comune's streets, not the world). */
export const MAP_ZOOM = { min: 11, max: 19 } as const;
/** How far from the centre (degrees) the map's tiles are served: the comune and around it. */
export const MAP_REACH_DEGREES = 0.5;
const Url = Type.String({ maxLength: 500, pattern: '^https://[^\\s\\u0000-\\u001F\\u007F-\\u009F]+$', description: 'An https:// address' });

/**
 * The first-level menu's sections that live on the comune's institutional site: Sportello shows a
 * page for each (so the menu stays on the comune's own domain) listing its second-level pages with the
 * titles of the model's vocabulary, each pointing to the institutional site's page (configurable).
 */
export const SITE_SECTIONS = {
  management: {
    path: 'amministrazione',
    title: 'Amministrazione',
    intro: "Gli organi di governo, gli uffici, il personale e i documenti dell'amministrazione comunale.",
    pages: {
      'organi-di-governo': 'Organi di governo',
      'aree-amministrative': 'Aree amministrative',
      uffici: 'Uffici',
      'enti-e-fondazioni': 'Enti e fondazioni',
      politici: 'Politici',
      'personale-amministrativo': 'Personale amministrativo',
      'documenti-e-dati': 'Documenti e dati',
    },
  },
  news: {
    path: 'novita',
    title: 'Novità',
    intro: 'Le notizie, i comunicati e gli avvisi del Comune.',
    pages: { notizie: 'Notizie', comunicati: 'Comunicati', avvisi: 'Avvisi' },
  },
  live: {
    path: 'vivere',
    title: 'Vivere',
    intro: 'I luoghi e gli eventi della città.',
    pages: { luoghi: 'Luoghi', eventi: 'Eventi' },
  },
} as const;
export type SiteSectionKey = keyof typeof SITE_SECTIONS;

/** `management.uffici`, `live.eventi`…: a second-level page of the sections above. */
const SECTION_LINK_KEY = `^(${Object.entries(SITE_SECTIONS)
  .map(([key, spec]) => `${key}\\.(${Object.keys(spec.pages).join('|')})`)
  .join('|')})$`;

export const SOCIAL_NETWORKS = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  mastodon: 'Mastodon',
} as const;
export type SocialNetwork = keyof typeof SOCIAL_NETWORKS;

/** What an admin sets for the comune's site shell; every field optional (the footer omits what is missing). */
/**
 * Where the map's tiles come from: a tile server's address template (https, with {z}, {x} and {y}),
 * the attribution its licence requires, and the view the map opens on. Browsers never call the tile
 * server: Sportello fetches the tiles for them (GET /api/v1/{tenant}/map-tiles/{z}/{x}/{y}), so the
 * citizen's address stays with the comune and the template may carry a key.
 */
export const MapSettings = Type.Object(
  {
    tilesUrl: Type.String({
      maxLength: 300,
      pattern: '^(?=.*\\{x\\})(?=.*\\{y\\})(https://|http://(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?/)[^\\s\\u0000-\\u001F\\u007F-\\u009F]*\\{z\\}[^\\s]*$',
      description: 'https://…/{z}/{x}/{y}.png (http only for a tile server on this machine)',
    }),
    attribution: Line({ minLength: 2, maxLength: 200 }),
    latitude: Type.Number({ minimum: 35, maximum: 48, description: 'The map centre (Italy)' }),
    longitude: Type.Number({ minimum: 6, maximum: 19 }),
    zoom: Type.Integer({ minimum: MAP_ZOOM.min, maximum: MAP_ZOOM.max }),
  },
  { additionalProperties: false },
);
export type MapSettings = Static<typeof MapSettings>;

export const SiteProfile = Type.Object(
  {
    contacts: Type.Object(
      {
        address: Type.Optional(Name({ maxLength: 200 })),
        phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\+?[0-9 ./-]{5,40}$' })),
        email: Type.Optional(Line({ maxLength: 200, format: 'email' })),
        pec: Type.Optional(Line({ maxLength: 200, format: 'email' })),
        fiscalCode: Type.Optional(Type.String({ pattern: '^[0-9]{11}$', description: "The comune's fiscal code (11 digits)" })),
        openingHours: Type.Optional(Text({ maxLength: 500 })),
      },
      { additionalProperties: false },
    ),
    /** Second-level pages of Amministrazione, Novità and Vivere: `management.uffici` → its address on the institutional site. */
    sectionLinks: Type.Record(Type.String({ pattern: SECTION_LINK_KEY }), Url, { maxProperties: 20, additionalProperties: false }),
    social: Type.Array(Type.Object({ network: Type.Unsafe<SocialNetwork>(Type.String({ enum: Object.keys(SOCIAL_NETWORKS) })), url: Url }, { additionalProperties: false }), {
      maxItems: 8,
    }),
    /** The comune's accessibility statement on AgID's form.agid.gov.it (C.SI.3.2). */
    accessibilityUrl: Type.Optional(Url),
    /** The site's improvement plan ("piano di miglioramento del sito"). */
    improvementPlanUrl: Type.Optional(Url),
    /** The data controller's privacy notice, when the comune publishes its own; else Sportello's page. */
    privacyUrl: Type.Optional(Url),
    /** Map tiles for placing an inefficiency report on a map; without them the report takes an address only. */
    map: Type.Optional(MapSettings),
  },
  { additionalProperties: false },
);
export type SiteProfile = Static<typeof SiteProfile>;

export const EMPTY_SITE_PROFILE: SiteProfile = { contacts: {}, sectionLinks: {}, social: [] };

/** The legal notes' licence section: the title and text the model prescribes (C.SI.3.4). */
export const CONTENT_LICENCE = {
  title: 'Licenza dei contenuti',
  text:
    'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, i documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0. ' +
    'Gli utenti sono quindi liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare (trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo onere di attribuzione, senza apporre restrizioni aggiuntive.',
} as const;

/** The coat of arms, as an admin uploads it: a PNG, JPEG or WebP of at most 128 KB, base64-encoded. */
export const COAT_OF_ARMS_MAX_BYTES = 128 * 1024;
export const CoatOfArmsInput = Type.Object(
  { imageBase64: Type.String({ minLength: 16, maxLength: Math.ceil(COAT_OF_ARMS_MAX_BYTES / 3) * 4, pattern: '^[A-Za-z0-9+/]+={0,2}$' }) },
  { additionalProperties: false },
);
export type CoatOfArmsInput = Static<typeof CoatOfArmsInput>;

// ---- Page rating ("Quanto sono chiare le informazioni su questa pagina?") ----

/** The page rating's questions and answers, as the model words them (C.SI.2.5, C.SI.2.6). */
export const PAGE_RATING = {
  title: 'Quanto sono chiare le informazioni su questa pagina?',
  positive: {
    question: 'Quali sono stati gli aspetti che hai preferito?',
    answers: ['Le indicazioni erano chiare', 'Le indicazioni erano complete', 'Capivo sempre che stavo procedendo correttamente', 'Non ho avuto problemi tecnici', 'Altro'],
  },
  negative: {
    question: 'Dove hai incontrato le maggiori difficoltà?',
    answers: [
      'A volte le indicazioni non erano chiare',
      'A volte le indicazioni non erano complete',
      'A volte non capivo se stavo procedendo correttamente',
      'Ho avuto problemi tecnici',
      'Altro',
    ],
  },
  /** Ratings up to this value are negative (the follow-up asks what went wrong). */
  negativeUpTo: 3,
} as const;

const ALL_ASPECTS = [...PAGE_RATING.positive.answers, ...PAGE_RATING.negative.answers.filter((a) => a !== 'Altro')];

export const PageRatingInput = Type.Object(
  {
    page: Type.String({ minLength: 1, maxLength: 200, pattern: '^/[^\\s\\u0000-\\u001F\\u007F-\\u009F?#]*$', description: "The page's path, without query or fragment" }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    aspect: Type.Optional(Type.Unsafe<string>(Type.String({ enum: ALL_ASPECTS, description: 'The follow-up answer chosen' }))),
    comment: Type.Optional(Text({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PageRatingInput = Static<typeof PageRatingInput>;

export const PageRatingSummary = Type.Object({
  days: Type.Integer(),
  pages: Type.Array(
    Type.Object({
      page: Type.String(),
      count: Type.Integer(),
      average: Type.Number(),
      /** How many gave 1, 2, 3, 4 and 5. */
      distribution: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5 }),
      aspects: Type.Array(Type.Object({ aspect: Type.String(), count: Type.Integer() })),
      comments: Type.Array(Type.Object({ rating: Type.Integer(), comment: Type.String(), at: IsoDateTime })),
    }),
  ),
});
export type PageRatingSummary = Static<typeof PageRatingSummary>;
export const PageRatingQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 90 })) });

// ---- FAQ ----

export const FaqEntry = Type.Object({ id: Uuid, topic: Type.String(), question: Type.String(), answer: Type.String(), position: Type.Integer(), published: Type.Boolean() });
export type FaqEntry = Static<typeof FaqEntry>;
export const FaqList = Type.Object({ groups: Type.Array(Type.Object({ topic: Type.String(), entries: Type.Array(FaqEntry) })) });
export type FaqList = Static<typeof FaqList>;
export const FaqQuery = Type.Object({ q: Type.Optional(Line({ minLength: 1, maxLength: 200, description: 'Words of the question, answer or topic (Italian stemming)' })) });
export const FaqInput = Type.Object(
  {
    topic: Name({ minLength: 2, maxLength: 80 }),
    question: Name({ minLength: 5, maxLength: 300 }),
    answer: Text({ minLength: 1, maxLength: 5000, description: 'Plain text: paragraphs separated by a blank line, lines starting with "- " as a list' }),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    published: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FaqInput = Static<typeof FaqInput>;
export const FaqIdParams = Type.Object({ ...TenantParams.properties, id: Uuid });
