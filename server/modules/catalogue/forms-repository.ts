// The forms of online services: a card's form versions (a change is a new version, never an
// update), the current one of each card, and the published card an application is started for.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FormDefinition } from '../../../contracts/forms/definition.ts';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface FormVersion {
  id: string;
  cardId: string;
  version: number;
  definition: FormDefinition;
}

/** The latest form version of each card given (online cards). */
export async function currentForms(db: Db, tenantId: string, cardIds: string[]): Promise<Map<string, FormVersion>> {
  if (!cardIds.length) return new Map();
  const rows = await db
    .selectFrom('service_forms')
    .select(['id', 'card_id', 'version', 'definition'])
    .distinctOn('card_id')
    .where('tenant_id', '=', tenantId)
    .where('card_id', 'in', cardIds)
    .orderBy('card_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.card_id, { id: r.id, cardId: r.card_id, version: r.version, definition: r.definition }]));
}

export async function formById(db: Db, tenantId: string, id: string): Promise<FormVersion | undefined> {
  const r = await db.selectFrom('service_forms').select(['id', 'card_id', 'version', 'definition']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, cardId: r.card_id, version: r.version, definition: r.definition };
}

/** A new version of a card's form (the next number; the unique key refuses a concurrent duplicate). */
export async function insertFormVersion(trx: Transaction<DB>, tenantId: string, cardId: string, definition: FormDefinition, by: string | null): Promise<FormVersion> {
  const row = await trx
    .insertInto('service_forms')
    .values((eb) => ({
      tenant_id: tenantId,
      card_id: cardId,
      version: eb.selectFrom('service_forms').select(sql<number>`coalesce(max(version), 0) + 1`.as('v')).where('card_id', '=', cardId),
      definition: JSON.stringify(definition),
      created_by: by,
    }))
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { id: row.id, cardId, version: row.version, definition };
}

export async function publishedCardBySlug(db: Db, tenantId: string, slug: string) {
  return db
    .selectFrom('service_cards')
    .select(['id', 'slug', 'title', 'active', 'office_id'])
    .where('tenant_id', '=', tenantId)
    .where('slug', '=', slug)
    .where('published', '=', true)
    .executeTakeFirst();
}
