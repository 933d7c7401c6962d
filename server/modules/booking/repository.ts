// Booking queries. A booking is always read together with its service and office, which every
// view (manage page, emails, agenda) needs.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { hashSecret } from '../../platform/security/tokens.ts';

type Q = Kysely<DB> | Transaction<DB>;

function bookingViewQuery(db: Q, source: 'bookings' | typeof NEW_BOOKING = 'bookings') {
  // The source is the table, or the statement's own CTE of the row it inserts (same columns:
  // `returning *`); typed as the table either way.
  const from = source === 'bookings' ? 'bookings as b' : (sql`${sql.table(source)}`.as('b') as unknown as 'bookings as b');
  return db
    .selectFrom(from)
    .innerJoin('services as s', 's.id', 'b.service_id')
    .innerJoin('offices as o', 'o.id', 'b.office_id')
    .innerJoin('desks as d', 'd.id', 'b.desk_id')
    .innerJoin('tenants as t', 't.id', 'b.tenant_id')
    .select([
      'b.id',
      'b.tenant_id',
      'b.reference',
      'b.status',
      'b.start_at',
      'b.end_at',
      'b.block_end',
      'b.desk_id',
      'b.desk_num',
      'b.applicant_name',
      'b.applicant_surname',
      'b.applicant_email',
      'b.applicant_address',
      'b.fiscal_code',
      'b.reason',
      'b.details',
      'b.channel',
      'b.ics_sequence',
      'b.cancelled_by',
      'b.cancel_reason',
      'b.cancelled_at',
      'b.checked_in_at',
      'b.done_at',
      'b.outcome_note',
      'b.created_at',
      'b.created_by',
      'b.service_id',
      'b.office_id',
      's.name as service_name',
      's.mode as service_mode',
      's.duration_min',
      's.buffer_min',
      's.cutoff_min',
      's.what_to_bring',
      's.video_opens_before_min',
      's.video_closes_after_min',
      'o.name as office_name',
      'o.address as office_address',
      'o.email as office_email',
      'o.phone as office_phone',
      's.horizon_days',
      'd.name as desk_name',
      't.slug as tenant_slug',
      't.name as tenant_name',
      't.branding as tenant_branding',
      't.time_zone',
    ]);
}

/** The name of the CTE `insert into bookings … returning *` in the statement that reads newBookingView. */
export const NEW_BOOKING = 'new_booking';

/**
 * The view of the booking that the same statement inserts, read from its CTE (the table does not
 * show a statement the rows it writes): the insert and the read in one round trip.
 */
export function newBookingView(db: Q, bookingId: string) {
  return bookingViewQuery(db, NEW_BOOKING).where('b.id', '=', bookingId);
}

export type BookingView = NonNullable<Awaited<ReturnType<typeof findBookingView>>>;

export async function findBookingView(db: Q, tenantId: string, bookingId: string) {
  return bookingViewQuery(db).where('b.tenant_id', '=', tenantId).where('b.id', '=', bookingId).where('b.status', '<>', 'held').executeTakeFirst();
}

export async function findBookingIdByToken(db: Q, tenantId: string, token: string): Promise<string | undefined> {
  const row = await db.selectFrom('booking_tokens').select('booking_id').where('token_hash', '=', hashSecret(token)).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.booking_id;
}

export async function insertBookingToken(db: Q, tenantId: string, bookingId: string, token: string): Promise<void> {
  await db
    .insertInto('booking_tokens')
    .values({ token_hash: hashSecret(token), tenant_id: tenantId, booking_id: bookingId })
    .execute();
}

export async function listBookingViews(db: Q, tenantId: string, filter: { officeIds?: string[] | null; from: Date; to: Date; deskId?: string }) {
  let q = bookingViewQuery(db).where('b.tenant_id', '=', tenantId).where('b.status', '<>', 'held').where('b.start_at', '>=', filter.from).where('b.start_at', '<', filter.to);
  if (filter.officeIds) q = q.where('b.office_id', 'in', filter.officeIds.length ? filter.officeIds : ['00000000-0000-0000-0000-000000000000']);
  if (filter.deskId) q = q.where('b.desk_id', '=', filter.deskId);
  return q.orderBy('b.start_at').orderBy('d.name').execute();
}
