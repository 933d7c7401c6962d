// Row types of the citizens' requests (migration 020).
import type { ColumnType, Generated } from 'kysely';

export interface CitizenRequestsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'assistance' | 'inefficiency';
  year: number;
  seq: number;
  category: string;
  service_slug: string | null;
  service_title: string | null;
  office_id: string | null;
  description: string;
  name: string;
  surname: string;
  email: string;
  phone: string | null;
  fiscal_code: string | null;
  status: Generated<'open' | 'answered'>;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
