// The service catalogue (migration 015): one card per service of the comune.
import type { ColumnType, Generated } from 'kysely';

export interface ServiceCardsTable {
  id: Generated<string>;
  tenant_id: string;
  slug: string;
  title: string;
  summary: string;
  category: string;
  active: Generated<boolean>;
  inactive_reason: string | null;
  published: Generated<boolean>;
  audience: Generated<string>;
  description: Generated<string>;
  how_to: Generated<string>;
  what_you_need: Generated<string>;
  what_you_get: Generated<string>;
  times_and_deadlines: Generated<string>;
  max_days: number | null;
  costs: Generated<string>;
  linked_procedures: Generated<string>;
  access_online: Generated<string>;
  access_in_person: Generated<string>;
  conditions: Generated<string>;
  special_cases: Generated<string>;
  more_info: Generated<string>;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  office_id: string;
  booking_service_id: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  search: ColumnType<string, never, never>;
}
