// Video room queries: rooms, per-party tokens, presence, chat and the signalling relay. The only SQL of the
// video module lives here.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Party } from '../../platform/db/schema.ts';
import { hashSecret } from '../../platform/security/tokens.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** A presence row older than this is a node that died without cleaning up. */
export const PRESENCE_STALE_MS = 45_000;

export type RoomRow = NonNullable<Awaited<ReturnType<typeof findRoom>>>;

export async function findRoom(db: Q, tenantId: string, roomId: string) {
  return db.selectFrom('video_rooms').selectAll().where('tenant_id', '=', tenantId).where('id', '=', roomId).executeTakeFirst();
}

export async function findRoomToken(db: Q, tenantId: string, token: string) {
  return db
    .selectFrom('video_room_tokens')
    .select(['room_id', 'party', 'operator_id'])
    .where('token_hash', '=', hashSecret(token))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

export async function insertRoomToken(db: Q, t: { tenantId: string; roomId: string; party: Party; operatorId: string | null; token: string }): Promise<void> {
  await db
    .insertInto('video_room_tokens')
    .values({ token_hash: hashSecret(t.token), tenant_id: t.tenantId, room_id: t.roomId, party: t.party, operator_id: t.operatorId })
    .execute();
}

/** The room of a called "talk to an officer now" ticket, reached with one of the ticket's tokens. */
export async function findRoomIdByTicketToken(db: Q, tenantId: string, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('ticket_tokens as k')
    .innerJoin('tickets as t', 't.id', 'k.ticket_id')
    .select('t.room_id')
    .where('k.token_hash', '=', hashSecret(token))
    .where('k.tenant_id', '=', tenantId)
    .where('t.room_id', 'is not', null)
    .where('t.status', 'in', ['called', 'serving', 'parked', 'done'])
    .executeTakeFirst();
  return row?.room_id ?? undefined;
}

/** The room of a video booking, created the first time anyone asks for it (idempotent under races). */
export async function ensureBookingRoom(db: Q, tenantId: string, bookingId: string, officeId: string): Promise<RoomRow> {
  await db
    .insertInto('video_rooms')
    .values({ tenant_id: tenantId, kind: 'booking', booking_id: bookingId, office_id: officeId })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .execute();
  return db.selectFrom('video_rooms').selectAll().where('tenant_id', '=', tenantId).where('booking_id', '=', bookingId).executeTakeFirstOrThrow();
}

// ---- presence ----

export async function presentParties(db: Q, roomId: string, now: Date, exceptConnection?: string): Promise<Party[]> {
  let q = db
    .selectFrom('video_presence')
    .select('party')
    .distinct()
    .where('room_id', '=', roomId)
    .where('seen_at', '>', new Date(now.getTime() - PRESENCE_STALE_MS));
  if (exceptConnection) q = q.where('connection_id', '<>', exceptConnection);
  return (await q.execute()).map((r) => r.party);
}

/** Rooms among `roomIds` with someone of each party connected now. */
export async function presenceByRoom(db: Q, roomIds: string[], now: Date): Promise<Map<string, Set<Party>>> {
  const out = new Map<string, Set<Party>>();
  if (!roomIds.length) return out;
  const rows = await db
    .selectFrom('video_presence')
    .select(['room_id', 'party'])
    .where('room_id', 'in', roomIds)
    .where('seen_at', '>', new Date(now.getTime() - PRESENCE_STALE_MS))
    .execute();
  for (const r of rows) {
    if (!out.has(r.room_id)) out.set(r.room_id, new Set());
    out.get(r.room_id)!.add(r.party);
  }
  return out;
}

/** Bookings among `bookingIds` whose citizen is connected to the room now. */
export async function citizensWaiting(db: Q, bookingIds: string[], now: Date): Promise<Set<string>> {
  if (!bookingIds.length) return new Set();
  const rows = await db
    .selectFrom('video_presence as p')
    .innerJoin('video_rooms as r', 'r.id', 'p.room_id')
    .select('r.booking_id')
    .where('r.booking_id', 'in', bookingIds)
    .where('p.party', '=', 'citizen')
    .where('p.seen_at', '>', new Date(now.getTime() - PRESENCE_STALE_MS))
    .execute();
  return new Set(rows.map((r) => r.booking_id!));
}

/** Takes the party's place in the room; returns the connections it replaced (another tab, a reload). */
export async function takePresence(db: Kysely<DB>, p: { connectionId: string; tenantId: string; roomId: string; party: Party; nodeId: string; now: Date }): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // Serialise joins of one room so two tabs of the same party cannot both stay.
    await sql`select 1 from video_rooms where id = ${p.roomId} for update`.execute(trx);
    const replaced = await trx.deleteFrom('video_presence').where('room_id', '=', p.roomId).where('party', '=', p.party).returning('connection_id').execute();
    await trx
      .insertInto('video_presence')
      .values({ connection_id: p.connectionId, tenant_id: p.tenantId, room_id: p.roomId, party: p.party, node_id: p.nodeId, joined_at: p.now, seen_at: p.now })
      .execute();
    return replaced.map((r) => r.connection_id);
  });
}

/** True when the row was still ours (not taken over by a newer connection of the same party). */
export async function leavePresence(db: Q, connectionId: string): Promise<boolean> {
  const rows = await db.deleteFrom('video_presence').where('connection_id', '=', connectionId).returning('connection_id').execute();
  return rows.length > 0;
}

/** Those of `connectionIds` that still hold their party's place (the others were replaced by a newer one). */
export async function heldPresence(db: Q, connectionIds: string[]): Promise<Set<string>> {
  if (!connectionIds.length) return new Set();
  const rows = await db.selectFrom('video_presence').select('connection_id').where('connection_id', 'in', connectionIds).execute();
  return new Set(rows.map((r) => r.connection_id));
}

export async function touchPresence(db: Q, connectionIds: string[], now: Date): Promise<void> {
  if (connectionIds.length) await db.updateTable('video_presence').set({ seen_at: now }).where('connection_id', 'in', connectionIds).execute();
}

export async function clearNodePresence(db: Q, nodeId: string): Promise<void> {
  await db.deleteFrom('video_presence').where('node_id', '=', nodeId).execute();
}

// ---- chat ----

export async function insertChatMessage(db: Q, m: { tenantId: string; roomId: string; party: Party; body: string; at: Date }) {
  return db
    .insertInto('video_messages')
    .values({ tenant_id: m.tenantId, room_id: m.roomId, party: m.party, body: m.body, created_at: m.at })
    .returning(['id', 'party', 'body', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listChat(db: Q, roomId: string, limit = 500) {
  const rows = await db
    .selectFrom('video_messages')
    .select(['id', 'party', 'body', 'created_at'])
    .where('room_id', '=', roomId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.reverse();
}

// ---- relay of large signalling messages ----

export async function storeRelayBody(db: Q, body: string): Promise<number> {
  return (await db.insertInto('video_relay').values({ body }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function loadRelayBody(db: Q, id: number): Promise<string | undefined> {
  return (await db.selectFrom('video_relay').select('body').where('id', '=', id).executeTakeFirst())?.body;
}

export async function pruneRelay(db: Q): Promise<void> {
  await sql`delete from video_relay where created_at < now() - interval '5 minutes'`.execute(db);
}
