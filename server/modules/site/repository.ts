// The site shell's rows: the comune's profile, its FAQ (searched with Italian stemming, as the
// catalogue), and the page ratings with their summary per page.
import { isDeepStrictEqual } from 'node:util';
import { type Kysely, sql, type Transaction } from 'kysely';
import { EMPTY_SITE_PROFILE, type FaqInput, type SiteProfile } from '../../../contracts/site.ts';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
import { likeEscape } from '../../platform/db/like.ts';
import { invalidField } from '../../platform/http/errors.ts';

export async function siteProfile(db: Db, tenantId: string): Promise<SiteProfile> {
  const row = await db.selectFrom('site_profiles').select('profile').where('tenant_id', '=', tenantId).executeTakeFirst();
  return { ...EMPTY_SITE_PROFILE, ...(row?.profile ?? {}) };
}

/** Writes the profile; false when it was already so (no change, no audit entry). */
export async function saveSiteProfile(db: Db, tenantId: string, profile: SiteProfile, now: Date): Promise<boolean> {
  const before = await db.selectFrom('site_profiles').select('profile').where('tenant_id', '=', tenantId).forUpdate().executeTakeFirst();
  // jsonb keeps its own key order: compare values, not texts.
  if (before && isDeepStrictEqual({ ...EMPTY_SITE_PROFILE, ...before.profile }, profile)) return false;
  await db
    .insertInto('site_profiles')
    .values({ tenant_id: tenantId, profile: JSON.stringify(profile), updated_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ profile: JSON.stringify(profile), updated_at: now }))
    .execute();
  return true;
}

const FAQ_COLUMNS = ['id', 'topic', 'question', 'answer', 'position', 'published'] as const;

export async function listFaq(db: Db, tenantId: string, f: { q?: string; publishedOnly: boolean }) {
  let q = db.selectFrom('faq_entries').select(FAQ_COLUMNS).where('tenant_id', '=', tenantId);
  if (f.publishedOnly) q = q.where('published', '=', true);
  if (f.q) {
    const query = sql`websearch_to_tsquery('italian', ${f.q})`;
    const typed = `%${likeEscape(f.q)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`search @@ ${query}`, eb('question', 'ilike', typed)]));
  }
  return q.orderBy('topic').orderBy('position').orderBy('question').execute();
}

export async function findFaq(db: Db, tenantId: string, id: string) {
  return db.selectFrom('faq_entries').select(FAQ_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The entry's columns, trimmed; a text that trimming leaves too short is refused (the table would). */
export function faqColumns(input: FaqInput) {
  const columns = {
    topic: input.topic.trim(),
    question: input.question.trim(),
    answer: input.answer.trim(),
    position: input.position ?? 0,
    published: input.published ?? true,
  };
  if (columns.topic.length < 2) throw invalidField('topic', 'almeno 2 caratteri');
  if (columns.question.length < 5) throw invalidField('question', 'almeno 5 caratteri');
  if (!columns.answer) throw invalidField('answer', 'scrivi la risposta');
  return columns;
}

export async function insertRating(db: Db, row: { tenant_id: string; page: string; rating: number; aspect: string | null; comment: string | null }) {
  await db.insertInto('page_ratings').values(row).execute();
}

const MAX_COMMENTS = 20;

/** Per page since `since`: how many, the average, the distribution, the aspects chosen, the latest comments. */
export async function ratingSummary(db: Db, tenantId: string, since: Date) {
  const [pages, aspects, comments] = await Promise.all([
    db
      .selectFrom('page_ratings')
      .select((eb) => [
        'page',
        eb.fn.countAll<string>().as('count'),
        sql<string>`avg(rating)`.as('average'),
        ...[1, 2, 3, 4, 5].map((n) => sql<string>`count(*) filter (where rating = ${n})`.as(`r${n}`)),
      ])
      .where('tenant_id', '=', tenantId)
      .where('created_at', '>=', since)
      .groupBy('page')
      .orderBy(sql`count(*)`, 'desc')
      .limit(500)
      .execute(),
    db
      .selectFrom('page_ratings')
      .select((eb) => ['page', 'aspect', eb.fn.countAll<string>().as('count')])
      .where('tenant_id', '=', tenantId)
      .where('created_at', '>=', since)
      .where('aspect', 'is not', null)
      .groupBy(['page', 'aspect'])
      .orderBy(sql`count(*)`, 'desc')
      .execute(),
    sql<{ page: string; rating: number; comment: string; created_at: Date }>`
      select page, rating, comment, created_at from (
        select page, rating, comment, created_at, row_number() over (partition by page order by created_at desc, id desc) as n
          from page_ratings
         where tenant_id = ${tenantId} and created_at >= ${since} and comment is not null
      ) latest where n <= ${MAX_COMMENTS} order by created_at desc`.execute(db),
  ]);
  return pages.map((p) => {
    const row = p as unknown as Record<string, string>;
    return {
      page: p.page,
      count: Number(p.count),
      average: Math.round(Number(p.average) * 100) / 100,
      distribution: [1, 2, 3, 4, 5].map((n) => Number(row[`r${n}`])),
      aspects: aspects.filter((a) => a.page === p.page).map((a) => ({ aspect: a.aspect!, count: Number(a.count) })),
      comments: comments.rows.filter((c) => c.page === p.page).map((c) => ({ rating: c.rating, comment: c.comment, at: new Date(c.created_at).toISOString() })),
    };
  });
}

export async function coatOfArms(db: Db, tenantId: string) {
  const row = await db.selectFrom('site_profiles').select(['coat_of_arms', 'coat_of_arms_type', 'coat_of_arms_hash']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.coat_of_arms && row.coat_of_arms_type && row.coat_of_arms_hash ? { bytes: row.coat_of_arms, type: row.coat_of_arms_type, hash: row.coat_of_arms_hash } : undefined;
}

export async function coatOfArmsHash(db: Db, tenantId: string): Promise<string | null> {
  const row = await db.selectFrom('site_profiles').select('coat_of_arms_hash').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.coat_of_arms_hash ?? null;
}

/** Sets (or, with null, removes) the coat of arms; false when it was already so. */
export async function saveCoatOfArms(db: Db, tenantId: string, image: { bytes: Buffer; type: string; hash: string } | null, now: Date): Promise<boolean> {
  const before = await coatOfArmsHash(db, tenantId);
  if (before === (image?.hash ?? null)) return false;
  const columns = { coat_of_arms: image?.bytes ?? null, coat_of_arms_type: image?.type ?? null, coat_of_arms_hash: image?.hash ?? null, updated_at: now };
  await db
    .insertInto('site_profiles')
    .values({ tenant_id: tenantId, ...columns })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(columns))
    .execute();
  return true;
}
