// Names and addresses of the site shell's pages, shared by the header, the footer and the pages.
import { SITE_SECTIONS, type SiteSectionKey } from '../../../../contracts/site.ts';

/** "Comune di Bari" → "Bari": the menu's "Vivere Bari", the page titles. */
export const shortName = (name: string) => name.replace(/^Comune di /i, '');

export const sectionPath = (slug: string, key: SiteSectionKey) => `/${slug}/${SITE_SECTIONS[key].path}`;
export const sectionTitle = (key: SiteSectionKey, comune: string) => (key === 'live' ? `Vivere ${shortName(comune)}` : SITE_SECTIONS[key].title);

export const sitePaths = (slug: string) => ({
  home: `/${slug}`,
  services: `/${slug}/servizi`,
  faq: `/${slug}/faq`,
  topics: `/${slug}/argomenti`,
  search: `/${slug}/cerca`,
  legalNotes: `/${slug}/note-legali`,
  privacy: `/${slug}/privacy`,
  accessibility: `/${slug}/accessibilita`,
  assistance: `/${slug}/richiesta-assistenza`,
  inefficiency: `/${slug}/segnalazione-disservizio`,
  reports: `/${slug}/segnalazioni`,
});
