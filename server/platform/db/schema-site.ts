// Row types of the comune's site shell (migration 018): settings, FAQ, page ratings.
import type { ColumnType, Generated } from 'kysely';
import type { SiteProfile } from '../../../contracts/site.ts';

export interface SiteProfilesTable {
  tenant_id: string;
  profile: ColumnType<Partial<SiteProfile>, string | undefined, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  coat_of_arms: Buffer | null;
  coat_of_arms_type: string | null;
  coat_of_arms_hash: string | null;
}

export interface FaqEntriesTable {
  id: Generated<string>;
  tenant_id: string;
  topic: string;
  question: string;
  answer: string;
  position: Generated<number>;
  published: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  search: ColumnType<string, never, never>;
}

export interface PageRatingsTable {
  id: Generated<string>;
  tenant_id: string;
  page: string;
  rating: number;
  aspect: string | null;
  comment: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
