// Demo data: the shape of a demo service card and its Bitonto row form (demo and test mode only).
import type { ServiceCategory } from '../../../contracts/service-cards.ts';

export interface CardSeed {
  slug: string;
  title: string;
  category: ServiceCategory;
  office: string;
  summary: string;
  audience: string;
  needed: string;
  get: string;
  maxDays?: number;
  costs?: string;
  /** The appointment service behind "Prenota appuntamento". */
  booking?: string;
  topics: string[];
  description?: string;
  /** To be applied for online (the guided forms come with the online services). */
  online?: boolean;
}

export const FREE = 'Il servizio è gratuito.';

/** Bitonto's cards: the facts of each (slug, title, category, office, summary, audience, what is needed, what one gets, days, costs, booking, topics, online). */
export type Row = [string, string, ServiceCategory, string, string, string, string, string, number, string, string | null, string[], boolean];
