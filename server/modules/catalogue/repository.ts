// The service catalogue's SQL: the published list (full-text search with Italian stemming, or the
// title's words as typed), category counts, the most requested services, one card with its office
// and appointment service, and the admins' reads and writes.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ServiceCardsTable } from '../../platform/db/schema-catalogue.ts';
import { likeEscape } from '../../platform/db/like.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type CardRow = Selectable<ServiceCardsTable>;

const LIST_COLUMNS = ['c.id', 'c.slug', 'c.title', 'c.summary', 'c.category', 'c.active', 'c.booking_service_id', 'c.position'] as const;

export async function listPublished(db: Db, tenantId: string, f: { q?: string; category?: string; topic?: string }) {
  let q = db.selectFrom('service_cards as c').select(LIST_COLUMNS).where('c.tenant_id', '=', tenantId).where('c.published', '=', true);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.topic) q = q.where(sql<boolean>`c.topics @> array[${f.topic}]::text[]`);
  if (f.q) {
    const query = sql`websearch_to_tsquery('italian', ${f.q})`;
    const typed = `%${likeEscape(f.q)}%`;
    return q
      .where((eb) => eb.or([sql<boolean>`c.search @@ ${query}`, eb('c.title', 'ilike', typed)]))
      .orderBy(sql`ts_rank(c.search, ${query})`, 'desc')
      .orderBy('c.title')
      .execute();
  }
  return q.orderBy('c.title').execute();
}

/** The topics of the published cards, with how many cards carry each. */
export async function topicCounts(db: Db, tenantId: string) {
  const rows = await sql<{ topic: string; count: number | string }>`
    select t.topic, count(*) as count
      from service_cards c, unnest(c.topics) as t(topic)
     where c.tenant_id = ${tenantId} and c.published
     group by t.topic
     order by t.topic`.execute(db);
  return rows.rows.map((r) => ({ topic: r.topic, count: Number(r.count) }));
}

export async function categoryCounts(db: Db, tenantId: string) {
  return db
    .selectFrom('service_cards')
    .select(['category', (eb) => eb.fn.countAll<number>().as('count')])
    .where('tenant_id', '=', tenantId)
    .where('published', '=', true)
    .groupBy('category')
    .execute();
}

/**
 * Published cards by how often they were used since `since`: appointments booked for their service
 * (held or cancelled ones aside) and applications submitted online.
 */
export async function mostRequested(db: Db, tenantId: string, since: Date, limit: number): Promise<string[]> {
  const rows = await sql<{ slug: string }>`
    select c.slug
    from service_cards c
    join lateral (
      select count(*) as n from bookings b
      where b.tenant_id = c.tenant_id and b.service_id = c.booking_service_id and b.created_at >= ${since} and b.status not in ('held', 'cancelled')
    ) booked on true
    join lateral (
      select count(*) as n from applications a
      where a.tenant_id = c.tenant_id and a.card_id = c.id and a.status <> 'draft' and a.submitted_at >= ${since}
    ) applied on true
    where c.tenant_id = ${tenantId} and c.published and booked.n + applied.n > 0
    order by booked.n + applied.n desc, c.slug
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.slug);
}

function cardWithOffice(db: Db, tenantId: string) {
  return db
    .selectFrom('service_cards as c')
    .innerJoin('offices as o', (j) => j.onRef('o.id', '=', 'c.office_id').onRef('o.tenant_id', '=', 'c.tenant_id'))
    .leftJoin('services as s', (j) => j.onRef('s.id', '=', 'c.booking_service_id').onRef('s.tenant_id', '=', 'c.tenant_id').on('s.active', '=', true))
    .selectAll('c')
    .select([
      'o.name as office_name',
      'o.address as office_address',
      'o.phone as office_phone',
      'o.email as office_email',
      'o.opening_hours as office_hours',
      's.id as booking_id',
      's.name as booking_name',
      's.office_id as booking_office_id',
    ])
    .where('c.tenant_id', '=', tenantId);
}

export type CardView = NonNullable<Awaited<ReturnType<typeof findCardBySlug>>>;

export async function findCardBySlug(db: Db, tenantId: string, slug: string, publishedOnly: boolean) {
  let q = cardWithOffice(db, tenantId).where('c.slug', '=', slug);
  if (publishedOnly) q = q.where('c.published', '=', true);
  return q.executeTakeFirst();
}

export async function findCardById(db: Db, tenantId: string, id: string) {
  return cardWithOffice(db, tenantId).where('c.id', '=', id).executeTakeFirst();
}

export async function listAllCards(db: Db, tenantId: string) {
  return cardWithOffice(db, tenantId).orderBy('c.category').orderBy('c.title').execute();
}

/** The row locked for an edit (no two admins' edits interleave). */
export async function lockCard(trx: Transaction<DB>, tenantId: string, id: string): Promise<CardRow | undefined> {
  return trx.selectFrom('service_cards').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}
